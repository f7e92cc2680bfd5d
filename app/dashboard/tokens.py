"""Tokens from the dashboard (admins): list with course, role, name and last use; create (the secret is shown on
the page that answers the form, once); revoke."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from app.api.deps import ResourceId, SessionDep
from app.dashboard.routes import CsrfField, Visitor, VisitorDep, back_to, check_csrf
from app.dashboard.templating import page
from app.errors import Forbidden
from app.schemas import NO_NUL
from app.security import Role, revoke_token
from app.services import audit, courses, tokens

router = APIRouter(prefix="/dashboard/tokens", include_in_schema=False)


def admin_only(visitor: Visitor) -> None:
    if visitor.caller.role is not Role.admin:
        raise Forbidden("Only an admin manages tokens; ask one for a token, or use `grader token create`.")


def tokens_page(request: Request, session: SessionDep, visitor: Visitor, **context: object) -> Response:
    return page(request, "tokens.html", visitor=visitor, tokens=tokens.list_tokens(session), roles=list(Role),
                courses=courses.list_courses(session, role=Role.admin, course_id=None), **context)


@router.get("", response_class=HTMLResponse)
def list_tokens(request: Request, session: SessionDep, visitor: VisitorDep) -> Response:
    admin_only(visitor)
    return tokens_page(request, session, visitor)


@router.post("", response_class=HTMLResponse)
def create_token(
    request: Request, session: SessionDep, visitor: VisitorDep, role: Annotated[Role, Form()],
    course: Annotated[str, Form(max_length=64)] = "", student: Annotated[str, Form(max_length=200, pattern=NO_NUL)] = "",
    name: Annotated[str, Form(max_length=200, pattern=NO_NUL)] = "", csrf_token: CsrfField = "",
) -> Response:
    """Answered with the page itself, not a redirect, so that the secret is never in a URL or the history."""
    check_csrf(visitor, csrf_token)
    admin_only(visitor)
    token, secret = tokens.mint(session, role=role, course=course, student=student, name=name)
    audit.record(session, "token.created", caller=visitor.caller, course_id=token.course_id, token_id=token.id,
                 role=token.role)
    session.commit()
    response = tokens_page(request, session, visitor, created=token, secret=secret)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/{token_id}/revoke")
def revoke(token_id: ResourceId, session: SessionDep, visitor: VisitorDep, csrf_token: CsrfField = "") -> Response:
    check_csrf(visitor, csrf_token)
    admin_only(visitor)
    revoke_token(session, token_id)
    audit.record(session, "token.revoked", caller=visitor.caller, token_id=token_id)
    session.commit()
    return back_to("/dashboard/tokens")
