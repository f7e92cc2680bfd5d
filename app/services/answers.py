"""The question view: every counted answer to one part across the class, filtered by verdict or by a cluster."""

from typing import Literal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.models import Assignment, PartResult, Submission
from app.services.clusters import effective_ids

Verdict = Literal["right", "partial", "wrong", "waiting"]
VERDICTS: dict[str, ColumnElement[bool]] = {
    "right": PartResult.correct.is_(True),
    "partial": PartResult.correct.is_(False) & (PartResult.score > 0),
    "wrong": PartResult.correct.is_(False) & (PartResult.score == 0),
    "waiting": PartResult.correct.is_(None),
}


def answers_to(
    session: Session, assignment: Assignment, question_id: str, *, verdict: Verdict | None = None,
    among: list[str] | None = None,
) -> list[tuple[PartResult, str]]:
    """(part result, student) of the effective submissions, by student; `among` keeps only those raw answers."""
    query = (select(PartResult, Submission.student).join(Submission, Submission.id == PartResult.submission_id)
             .where(PartResult.submission_id.in_(effective_ids(assignment)), PartResult.question_id == question_id)
             .order_by(Submission.student))
    if verdict is not None:
        query = query.where(VERDICTS[verdict])
    if among is not None:
        query = query.where(PartResult.raw_answer.in_(among))
    return [(result, student) for result, student in session.execute(query)]
