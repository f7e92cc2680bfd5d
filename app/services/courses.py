"""Courses and who may see them."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import Conflict, Invalid
from app.models import Course
from app.schemas import CourseIn
from app.security import Role


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid("timezone: not an IANA time zone such as 'America/Toronto'") from None
    return name


def list_courses(session: Session, *, role: Role, course_id: int | None) -> list[Course]:
    query = select(Course).order_by(Course.code)
    if role is not Role.admin and course_id is not None:
        query = query.where(Course.id == course_id)
    elif role is not Role.admin:
        return []
    return list(session.scalars(query))


def create_course(session: Session, *, course_in: CourseIn) -> Course:
    check_timezone(course_in.timezone)
    taken = Conflict(f"code: a course {course_in.code!r} already exists")
    if session.scalar(select(Course.id).where(Course.code == course_in.code)) is not None:
        raise taken
    course = Course(code=course_in.code, name=course_in.name, timezone=course_in.timezone)
    session.add(course)
    try:
        session.flush()
    except IntegrityError:
        raise taken from None  # created by a concurrent request since the check; the unit of work rolls back
    return course
