"""Pending parts: a grade that did not finish for reasons of ours is stored as pending and finished by the queue.

A pending part scores nothing yet and is never a wrong answer: `correct` is null, and the submission's totals
are provisional while `pending_parts` > 0 (the gradebook exports no final score for it).
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import release
from app.models import Assignment, AssignmentPart, PartStatus, Submission
from app.services import history
from app.services.assignments import policy_of
from app.services.grading import grade_answer
from app.services.variants import stored_values
from graders import GradeResult, GradingPool
from graders.pool import Outcome, Unfinished

WHY = "grading finished after a delay"
BY = "grader"


def part_fields(outcome: Outcome, points: float) -> dict[str, object]:
    """A PartResult's graded columns for this outcome."""
    if isinstance(outcome, Unfinished):
        return {"score": 0.0, "correct": None, "feedback": f"Grading is pending: {outcome.reason}.",
                "interpreted": None, "error": None, "fingerprint": None, "status": PartStatus.pending}
    assert isinstance(outcome, GradeResult)
    return {"score": round(outcome.score * points, history.DECIMALS), "correct": outcome.correct,
            "feedback": outcome.feedback, "interpreted": outcome.interpreted, "error": outcome.error,
            "fingerprint": outcome.fingerprint, "status": PartStatus.graded}


def count_pending(submission: Submission) -> int:
    return sum(part.status == PartStatus.pending for part in submission.parts)


def grade_pending(session: Session, pool: GradingPool, submission_id: int) -> int:
    """Grade the submission's pending parts again; return how many are still pending.

    The answers are graded holding no connection; the submission is then locked and read again, so a hand grade
    or a regrade committed meanwhile stands, and the totals are summed from the parts as they are under the lock."""
    submission = session.get_one(Submission, submission_id)
    assignment = session.get_one(Assignment, submission.assignment_id)
    parts: dict[str, AssignmentPart] = {part.question_id: part for part in assignment.parts}
    futures = {r.question_id: grade_answer(pool, parts[r.question_id], r.raw_answer or "", stored_values(r))
               for r in submission.parts if r.status == PartStatus.pending and r.question_id in parts}
    release(session)
    outcomes = {question_id: future.result() for question_id, future in futures.items()}
    submission = session.scalars(
        select(Submission).where(Submission.id == submission_id)
        .with_for_update(key_share=True).execution_options(populate_existing=True)
    ).one()
    for result in submission.parts:
        outcome = outcomes.get(result.question_id)
        if outcome is None or isinstance(outcome, Unfinished):
            continue
        if result.status != PartStatus.pending or result.graded_by is not None:
            continue  # graded meanwhile, by hand or by a regrade
        fields = part_fields(outcome, parts[result.question_id].points)
        history.record(submission, result.question_id, result.score, float(fields["score"]), why=WHY, by=BY)  # type: ignore[arg-type]
        for name, value in fields.items():
            setattr(result, name, value)
    submission.pending_parts = count_pending(submission)
    history.retotal(submission, policy_of(assignment), why=WHY, by=BY)
    session.commit()
    return submission.pending_parts
