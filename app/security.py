"""API tokens: random secrets shown once; only their SHA-256 is stored."""

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Forbidden, Invalid, NotFound
from app.models import ApiToken, Course


class Role(StrEnum):
    admin = "admin"
    instructor = "instructor"
    lms = "lms"
    student = "student"


@dataclass(frozen=True)
class Caller:
    token_id: int
    role: Role
    course_id: int | None
    student: str | None
    name: str

    @property
    def label(self) -> str:
        return self.name or f"{self.role} token #{self.token_id}"

    def can_see_course(self, course_id: int) -> bool:
        if self.role is Role.admin:
            return True
        # A student token minted without --course follows its student into any course.
        if self.role is Role.student and self.course_id is None:
            return True
        return self.course_id == course_id

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            allowed = " or ".join(roles)
            raise Forbidden(f"this needs an {allowed} token; yours is a {self.role} token")


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
    session.flush()
    return secret


def revoke_token(session: Session, token_id: int) -> ApiToken:
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"token {token_id} does not exist")
    session.delete(token)
    session.flush()
    return token


def find_token(session: Session, secret: str) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(secret)))
