"""One student's work: their submissions to an assignment, which one counts, and everything they submitted in a
course (the student page)."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Assignment, Course, Submission
from app.services.gradebook import effective_submissions


@dataclass(frozen=True)
class AssignmentWork:
    assignment: Assignment
    course: Course
    submissions: list[Submission]  # newest first
    counted_id: int | None  # the one the attempts policy picks


def submissions_of(session: Session, assignment: Assignment, student: str) -> list[Submission]:
    """The student's submissions to the assignment, newest first."""
    return list(session.scalars(
        select(Submission).where(Submission.assignment_id == assignment.id, Submission.student == student)
        .order_by(Submission.submitted_at.desc(), Submission.id.desc())
    ))


def counted_id(session: Session, assignment: Assignment, student: str) -> int | None:
    """The id of the submission that counts for this student, by the assignment's attempts policy."""
    ranked = effective_submissions(assignment).where(Submission.student == student).subquery()
    return session.scalar(select(ranked.c.id).where(ranked.c.rank == 1))


def work_of(session: Session, student: str, course_id: int | None) -> list[AssignmentWork]:
    """Every assignment the student submitted to (in one course, or in all when None), oldest deadline first."""
    submitted_to = select(Submission.assignment_id).where(Submission.student == student)
    query = select(Assignment).where(Assignment.id.in_(submitted_to))
    if course_id is not None:
        query = query.where(Assignment.course_id == course_id)
    found = sorted(session.scalars(query), key=lambda a: (a.deadline, a.id))
    return [
        AssignmentWork(assignment=a, course=session.get_one(Course, a.course_id),
                       submissions=submissions_of(session, a, student), counted_id=counted_id(session, a, student))
        for a in found
    ]
