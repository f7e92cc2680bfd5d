"""Grading by hand: an instructor scores a part (a `manual` explanation, or an override of the grader)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

import reference
from app.errors import Invalid, NotFound
from app.models import Assignment, AssignmentPart, PartResult, Submission, utcnow
from app.security import Caller
from app.services import audit, history
from app.services.assignments import policy_of
from app.services.clusters import effective_ids


def find_part(submission: Submission, question_id: str) -> PartResult:
    for part in submission.parts:
        if part.question_id == question_id:
            return part
    raise NotFound(f"submission {submission.id} has no part {question_id!r}")


def grade_by_hand(
    session: Session, *, submission: Submission, question_id: str, score: float, comment: str, caller: Caller
) -> Submission:
    """Store the instructor's score and comment, then the new raw and final score, each change kept as history."""
    part = find_part(submission, question_id)
    if not 0 <= score <= part.max_score:
        raise Invalid(f"score: must be between 0 and {part.max_score:g} points for part {question_id!r}")
    why = f"graded by hand: {comment}" if comment else "graded by hand"
    history.record(submission, question_id, part.score, score, why=why, by=caller.label)
    part.score = round(score, history.DECIMALS)
    if part.correct is None:  # it waited for an instructor: the grader's note says so, the instructor's words replace it
        part.feedback = comment
    part.correct = score >= part.max_score
    part.comment = comment
    part.graded_by = caller.label
    part.graded_at = utcnow()
    assignment = session.get_one(Assignment, submission.assignment_id)
    history.retotal(submission, policy_of(assignment), why=why, by=caller.label)
    audit.record(session, "part.graded", caller=caller, course_id=assignment.course_id, assignment_id=assignment.id,
                 submission_id=submission.id, question_id=question_id, score=score)
    session.commit()
    return submission


def assignment_part(assignment: Assignment, question_id: str) -> AssignmentPart:
    for part in assignment.parts:
        if part.question_id == question_id:
            return part
    raise NotFound(f"assignment {assignment.id} has no part {question_id!r}")


def queue(session: Session, assignment: Assignment) -> list[tuple[PartResult, str]]:
    """(part result, student) of every `manual` part of an effective submission that nobody has graded yet."""
    manual_parts = [p.question_id for p in assignment.parts if reference.get_part(p.question_id).kind == "manual"]
    rows = session.execute(
        select(PartResult, Submission.student).join(Submission, Submission.id == PartResult.submission_id)
        .where(PartResult.submission_id.in_(effective_ids(assignment)), PartResult.question_id.in_(manual_parts),
               PartResult.graded_by.is_(None))
        .order_by(Submission.student, PartResult.position)
    )
    return [(result, student) for result, student in rows]
