"""The demo course: every seed homework of the bank as an assignment of course DEMO, and a class of synthetic
students' submissions to one of them, loaded idempotently and deterministically."""

import zlib
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import reference
from app.config import get_settings
from app.late_policy import LatePolicy
from app.models import Assignment, Course, Submission
from app.schemas import AssignmentIn, CourseIn, PartIn, SubmissionIn
from app.security import Caller, Role
from app.services.assignments import create_assignment
from app.services.courses import create_course
from app.services.grading import make_pool
from app.services.submissions import create_submission

# The class's homework: the README's walk-through (assignment 3, demo-student-03 20 h late keeping 3.00 of 10).
DEMO_HOMEWORK = "sutd-50039-week8"
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
                # No points given: the bank's own, which may be 0 for a practice part (below PartIn's minimum).
                parts=[PartIn(question_id=part.id) for part in homework.parts],
            ),
        )
    load_demo_submissions(session, demo_assignment(session, course))
    session.commit()  # the loader is a command of its own, not part of a request
    return course


DEMO_STUDENTS = 30
DEMO_LOADER = Caller(token_id=0, role=Role.admin, course_id=None, student=None, name="demo loader")
MANUAL_ANSWERS = (
    "The gradient is a product of many Jacobians; when their norms are below 1 it shrinks exponentially.",
    "Because the forget gate keeps the cell state, the gradient can flow back unchanged.",
    "I am not sure, maybe because of the learning rate?",
)


def demo_assignment(session: Session, course: Course) -> Assignment:
    """The assignment of DEMO_HOMEWORK (named, not chosen by its parts: a bank change must not move the class away
    from the assignment the README walks through)."""
    title = next(homework.title for homework in reference.homeworks() if homework.id == DEMO_HOMEWORK)
    return session.scalars(select(Assignment).where(Assignment.course_id == course.id, Assignment.title == title)).one()


def demo_answer(part: reference.Part, student: int) -> str:
    """Deterministic answers: stronger students (higher numbers) are right more often; wrong ones come in
    equivalent spellings (2*(a) and (a)*2) so that clusters have more than one spelling."""
    roll = zlib.crc32(f"{student}:{part.id}".encode()) % 100
    if part.kind == "manual":
        return MANUAL_ANSWERS[roll % len(MANUAL_ANSWERS)]
    if roll < 35 + 2 * student:
        return part.answer
    if part.kind == "expression":
        return (f"2*({part.answer})", f"({part.answer})*2", f"({part.answer})+1")[roll % 3]
    if part.kind in ("number", "integer"):
        return f"({part.answer})+1"
    return next((mistake.answer for mistake in part.mistakes), "")


def load_demo_submissions(session: Session, assignment: Assignment, students: int = DEMO_STUDENTS) -> None:
    """A class of synthetic students, some late; only into an assignment that has no submissions yet."""
    if session.scalar(select(func.count()).where(Submission.assignment_id == assignment.id)):
        return
    pool = make_pool(get_settings())
    try:
        for number in range(students):
            late = timedelta(hours=20) if number % 7 == 3 else timedelta(hours=-number)
            body = SubmissionIn(
                student=f"demo-student-{number:02d}",
                answers={part.question_id: demo_answer(reference.get_part(part.question_id), number)
                         for part in assignment.parts},
                submitted_at=assignment.deadline + late,
            )
            create_submission(session, pool, caller=DEMO_LOADER, assignment=assignment, body=body,
                              idempotency_key=f"demo-{number}")
    finally:
        pool.close()
