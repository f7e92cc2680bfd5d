"""The error responses each operation documents in OpenAPI, all with the one `{"detail": ...}` body."""

from typing import Any

from pydantic import BaseModel, Field


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="Where: `body`, `path`, `query` or `header`, then the field's path.")
    msg: str = Field(description="What is wrong there.")
    type: str


class ErrorOut(BaseModel):
    detail: str | list[FieldError] = Field(description=(
        "What went wrong and where: a sentence, or, for a request the schema refuses (a 422), one item per field."))


DESCRIPTIONS = {
    401: "No bearer token, or an unknown or revoked one.",
    403: "The token's role or course does not allow this.",
    404: "A resource in the path does not exist.",
    409: "Conflicts with what is stored (a closed assignment, a code or part already there, a reused key).",
    413: "The request body is larger than the server's limit (GRADER_MAX_BODY_BYTES); nothing was read or stored.",
    422: "The request does not fit: `detail` lists the fields the schema refuses, or says in a sentence what the "
         "service's own checks refused (a question not in the bank, an unknown time zone, a part listed twice).",
    429: "Too many requests with this token in the rate window (GRADER_RATE_LIMIT), or, for a submission, too many "
         "of this token's or student's submissions being graded at once. Retry after `Retry-After` seconds.",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorOut, "description": DESCRIPTIONS[code]} for code in codes}


RESOURCE = errors(401, 403, 404)


def error_response(code: int) -> dict[str, Any]:
    """One error response as it appears in the OpenAPI document, with the `ErrorOut` schema."""
    response: dict[str, Any] = {"description": DESCRIPTIONS[code], "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
    if code == 429:
        response["headers"] = RETRY_AFTER
    return response


def document_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """Give FastAPI's 422 the body the service sends (its own refusals carry a sentence, not FastAPI's list), and
    add the responses of the limits that act outside the handlers: the rate limit is checked with the token, so
    every operation that can answer 401 can answer 429; the body limit is a middleware, so every operation that
    takes a body can answer 413. Idempotent."""
    for methods in spec.get("paths", {}).values():
        for operation in methods.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = error_response(422)
            if "401" in responses:
                responses.setdefault("429", error_response(429))
            if "requestBody" in operation:
                responses.setdefault("413", error_response(413))
    for unused in ("HTTPValidationError", "ValidationError"):
        spec.get("components", {}).get("schemas", {}).pop(unused, None)
    return spec
