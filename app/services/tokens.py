"""API tokens managed over HTTP (the same rules as `grader token`): the secret is shown once, at creation."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ApiToken, Course
from app.security import Role, create_token, find_token


def list_tokens(session: Session) -> list[tuple[ApiToken, str | None]]:
    """Every token with its course's code, oldest first."""
    rows = session.execute(select(ApiToken, Course.code).outerjoin(Course, Course.id == ApiToken.course_id)
                           .order_by(ApiToken.id))
    return [(token, code) for token, code in rows]


def mint(session: Session, *, role: Role, course: str | None, student: str | None, name: str) -> tuple[ApiToken, str]:
    """Create a token; return it with its secret, which is never stored."""
    secret = create_token(session, role=role, course_code=course or None, student=student or None, name=name)
    token = find_token(session, secret)
    assert token is not None
    return token, secret
