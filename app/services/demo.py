"""The demo course: every seed homework of the bank as an assignment of course DEMO, loaded idempotently."""

from sqlalchemy import select
from sqlalchemy.orm import Session

import reference
from app.late_policy import LatePolicy
from app.models import Assignment, Course
from app.schemas import AssignmentIn, CourseIn, PartIn
from app.services.assignments import create_assignment
from app.services.courses import create_course

DEMO_COURSE = CourseIn(code="DEMO", name="Deep Learning homework (demo)", timezone="America/Toronto")


def load_demo(session: Session) -> Course:
    """Create what is missing of the demo course; running it again changes nothing."""
    course = session.scalar(select(Course).where(Course.code == DEMO_COURSE.code))
    if course is None:
        course = create_course(session, course_in=DEMO_COURSE)
    existing = set(session.scalars(select(Assignment.title).where(Assignment.course_id == course.id)))
    for homework in reference.homeworks():
        if homework.title in existing:
            continue
        create_assignment(
            session,
            course=course,
            assignment_in=AssignmentIn(
                title=homework.title,
                deadline=homework.deadline,
                late_policy=LatePolicy.model_validate(homework.late_policy),
                parts=[PartIn(question_id=part.id, points=part.points) for part in homework.parts],
            ),
        )
    return course
