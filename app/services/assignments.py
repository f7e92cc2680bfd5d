"""Assignments: bank parts with points, a course-local deadline, a late policy and per-student extensions."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

import reference
from app.errors import Invalid
from app.late_policy import LatePolicy, closes_at, course_deadline
from app.models import Assignment, AssignmentPart, Course, Extension
from app.schemas import AssignmentIn, AssignmentOut, PartOut


def parse_deadline(value: datetime | str, timezone: str, field: str = "deadline") -> datetime:
    try:
        return course_deadline(value, timezone)
    except ValueError as exc:
        raise Invalid(f"{field}: {exc}") from None


def bank_part(question_id: str) -> reference.Part:
    try:
        return reference.get_part(question_id)
    except KeyError:
        raise Invalid(f"question {question_id!r} is not in the bank (GET /api/v1/questions lists them)") from None


def create_assignment(session: Session, *, course: Course, assignment_in: AssignmentIn) -> Assignment:
    seen: set[str] = set()
    parts = []
    for position, part_in in enumerate(assignment_in.parts):
        part = bank_part(part_in.question_id)
        if part.id in seen:
            raise Invalid(f"parts[{position}]: question {part.id!r} is listed twice")
        seen.add(part.id)
        points = part_in.points if part_in.points is not None else part.points
        parts.append(AssignmentPart(question_id=part.id, points=points, position=position))
    assignment = Assignment(
        course_id=course.id,
        title=assignment_in.title,
        deadline=parse_deadline(assignment_in.deadline, course.timezone),
        late_policy=assignment_in.late_policy.model_dump(),
        attempts=assignment_in.attempts,
        max_attempts=assignment_in.max_attempts,
        feedback=assignment_in.feedback,
        variants=assignment_in.variants,
        parts=parts,
    )
    session.add(assignment)
    session.flush()
    return assignment


def list_assignments(session: Session, *, course: Course) -> list[Assignment]:
    return list(session.scalars(select(Assignment).where(Assignment.course_id == course.id).order_by(Assignment.id)))


def policy_of(assignment: Assignment) -> LatePolicy:
    return LatePolicy.model_validate(assignment.late_policy)


def to_out(assignment: Assignment) -> AssignmentOut:
    policy = policy_of(assignment)
    return AssignmentOut(
        id=assignment.id,
        course_id=assignment.course_id,
        title=assignment.title,
        deadline=assignment.deadline,
        late_policy=policy,
        attempts=assignment.attempts,
        max_attempts=assignment.max_attempts,
        feedback=assignment.feedback,  # type: ignore[arg-type]
        released=assignment.released,
        variants=assignment.variants,
        closes_at=closes_at(policy, assignment.deadline),
        parts=[PartOut.model_validate(part) for part in assignment.parts],
    )


def set_extension(session: Session, *, assignment: Assignment, student: str, deadline: datetime | str) -> Extension:
    timezone = session.get_one(Course, assignment.course_id).timezone
    when = parse_deadline(deadline, timezone)
    extension = session.scalar(
        select(Extension).where(Extension.assignment_id == assignment.id, Extension.student == student)
    )
    if extension is None:
        extension = Extension(assignment_id=assignment.id, student=student, deadline=when)
        session.add(extension)
    else:
        extension.deadline = when
    session.flush()
    return extension


def release_results(session: Session, *, assignment: Assignment) -> Assignment:
    """Show students their scores and feedback now (the 'on_release' policy)."""
    assignment.released = True
    session.flush()
    return assignment


def deadline_for(session: Session, assignment: Assignment, student: str) -> datetime:
    extended = session.scalar(
        select(Extension.deadline).where(Extension.assignment_id == assignment.id, Extension.student == student)
    )
    return extended or assignment.deadline
