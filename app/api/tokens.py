from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Response, status
from pydantic import BaseModel, Field

from app.api.deps import CallerDep, ResourceId, SessionDep
from app.api.json_body import JSONBodyRoute
from app.api.responses import RESOURCE
from app.models import ApiToken
from app.schemas import NO_NUL, In, StudentId
from app.security import Role, revoke_token
from app.services import audit, tokens

router = APIRouter(prefix="/api/v1/tokens", tags=["tokens"], responses=RESOURCE, route_class=JSONBodyRoute)


class TokenIn(In):
    role: Role
    course: str | None = Field(default=None, max_length=64, description="Course code; needed by instructor and lms.")
    student: StudentId | None = Field(default=None, description="Needed by student.")
    name: str = Field(default="", max_length=200, pattern=NO_NUL)


class TokenOut(BaseModel):
    id: int
    role: str
    course: str | None
    student: str | None
    name: str
    created_at: datetime
    last_used_at: datetime | None


class NewTokenOut(TokenOut):
    secret: Annotated[str, Field(description="The token itself: shown this once, never stored.")]


def token_out(token: ApiToken, course: str | None) -> TokenOut:
    return TokenOut(id=token.id, role=token.role, course=course, student=token.student, name=token.name,
                    created_at=token.created_at, last_used_at=token.last_used_at)


@router.get("", response_model=list[TokenOut])
def list_tokens(session: SessionDep, caller: CallerDep) -> list[TokenOut]:
    """Every token with its course, role, name and last use, never its secret (admin)."""
    caller.require(Role.admin)
    return [token_out(token, code) for token, code in tokens.list_tokens(session)]


@router.post("", response_model=NewTokenOut, status_code=status.HTTP_201_CREATED)
def create_token(token_in: TokenIn, session: SessionDep, caller: CallerDep) -> NewTokenOut:
    """Create a token; its secret is in this response only (admin)."""
    caller.require(Role.admin)
    token, secret = tokens.mint(session, role=token_in.role, course=token_in.course, student=token_in.student,
                                name=token_in.name)
    audit.record(session, "token.created", caller=caller, course_id=token.course_id, token_id=token.id, role=token.role)
    session.flush()
    return NewTokenOut(**token_out(token, token_in.course).model_dump(), secret=secret)


@router.delete("/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_token(token_id: ResourceId, session: SessionDep, caller: CallerDep) -> Response:
    """Revoke a token: requests with it get 401 at once (admin)."""
    caller.require(Role.admin)
    revoke_token(session, token_id)
    audit.record(session, "token.revoked", caller=caller, token_id=token_id)
    session.flush()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
