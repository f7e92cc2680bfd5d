"""The error responses each operation documents in OpenAPI, all with the one `{"detail": ...}` body."""

from typing import Any

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    detail: str = Field(description="What went wrong and where.")


DESCRIPTIONS = {
    401: "No bearer token, or an unknown or revoked one.",
    403: "The token's role or course does not allow this.",
    404: "A resource in the path does not exist.",
    409: "Conflicts with what is stored (a closed assignment, a code or part already there, a reused key).",
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorOut, "description": DESCRIPTIONS[code]} for code in codes}


RESOURCE = errors(401, 403, 404)
