"""API tokens: random secrets shown once; only their SHA-256 is stored."""

import hashlib
import secrets
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Invalid, NotFound
from app.models import ApiToken, Course


class Role(StrEnum):
    admin = "admin"
    instructor = "instructor"
    lms = "lms"
    student = "student"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    session: Session, *, role: Role, course_code: str | None = None, student: str | None = None, name: str = ""
) -> str:
    """Store a new token and return its secret, which is never stored."""
    course_id = None
    if course_code is not None:
        course = session.scalar(select(Course).where(Course.code == course_code))
        if course is None:
            raise NotFound(f"course {course_code!r} does not exist")
        course_id = course.id
    if role in (Role.instructor, Role.lms) and course_id is None:
        raise Invalid(f"a {role} token needs --course")
    if role is Role.student and not student:
        raise Invalid("a student token needs --student")
    secret = secrets.token_urlsafe(32)
    session.add(ApiToken(token_hash=hash_token(secret), role=role, course_id=course_id, student=student, name=name))
    session.commit()
    return secret


def find_token(session: Session, secret: str) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(secret)))
