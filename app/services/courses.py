"""Courses and who may see them."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, Invalid
from app.models import Course
from app.schemas import CourseIn
from app.security import Role


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(f"timezone: {name!r} is not an IANA time zone such as 'America/Toronto'") from None
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
    if session.scalar(select(Course.id).where(Course.code == course_in.code)) is not None:
        raise Conflict(f"code: a course {course_in.code!r} already exists")
    course = Course(code=course_in.code, name=course_in.name, timezone=course_in.timezone)
    session.add(course)
    session.commit()
    return course
