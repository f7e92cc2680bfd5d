"""Bring a chunk of stored submissions up to date in bulk: read their rows as tuples, decide every change in Python,
write the changes with one executemany per table.

A regrade of 100,000 answers spends its time here, not in grading (a class writes the same few answers, each
graded once per run), so the chunk never builds ORM objects: no per-row identity map, no history collection
loaded for every submission, no unit-of-work flush sorting 100,000 dirty objects.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from app.late_policy import LateOutcome, LatePolicy, SubmissionClosed, assess, final_score
from app.models import PartResult, PartStatus, ScoreChange, Submission, utcnow
from app.services.history import DECIMALS
from app.services.pending import part_fields
from graders.pool import Outcome, Unfinished

GRADED = ("score", "correct", "feedback", "interpreted", "error", "fingerprint", "status", "max_score")
RESULT_COLUMNS = (PartResult.id, PartResult.submission_id, PartResult.question_id, PartResult.raw_answer,
                  PartResult.graded_by, *(getattr(PartResult, name) for name in GRADED))
SUBMISSION_COLUMNS = (Submission.id, Submission.student, Submission.submitted_at, Submission.late_periods,
                      Submission.penalty_percent, Submission.raw_score, Submission.max_score, Submission.final_score,
                      Submission.pending_parts)


@dataclass
class Rules:
    """What the stored rows are brought up to: the parts' points, the grades, the late policy and deadlines."""

    points: dict[str, float]
    outcome: Callable[[str, str | None], Outcome]
    policy: LatePolicy
    deadline: Callable[[str], datetime]
    why: str
    by: str


@dataclass
class Changes:
    parts: list[dict[str, Any]] = field(default_factory=list)
    submissions: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    changed: int = 0


def lock_and_read(session: Session, ids: Sequence[int]) -> tuple[list[Row[Any]], dict[int, list[Row[Any]]]]:
    """Lock the submissions in id order (so writers never deadlock) and read them and their parts as rows."""
    submissions = list(session.execute(
        select(*SUBMISSION_COLUMNS).where(Submission.id.in_(ids)).order_by(Submission.id)
        .with_for_update(key_share=True)))
    parts: dict[int, list[Row[Any]]] = {row.id: [] for row in submissions}
    for row in session.execute(select(*RESULT_COLUMNS).where(PartResult.submission_id.in_(ids))
                               .order_by(PartResult.submission_id, PartResult.position)):
        parts[row.submission_id].append(row)
    return submissions, parts


def regrade_rows(session: Session, rules: Rules, ids: Sequence[int]) -> tuple[int, int]:
    """Lock these submissions, bring them up to date and write what changed; return (submissions, changed).
    The caller commits."""
    submissions, parts = lock_and_read(session, ids)
    changes = Changes()
    for submission in submissions:
        changes.changed += plan_submission(rules, submission, parts[submission.id], changes)
    write(session, changes)
    return len(submissions), changes.changed


def plan_submission(rules: Rules, submission: Row[Any], results: list[Row[Any]], changes: Changes) -> bool:
    """Add this submission's changes (parts, lateness, totals, history) to `changes`; return whether it changed."""
    touched, scores, pending = False, [], 0
    for result in results:
        new = new_fields(rules, result)
        if new is not None:
            changes.parts.append({"id": result.id, **new})
            note(changes, rules, submission.id, result.question_id, result.score, new["score"])
        current = new or result._asdict()
        scores.append(current["score"])
        pending += current["status"] == PartStatus.pending
        touched |= new is not None
    values: dict[str, Any] = {"pending_parts": pending}
    late = lateness(rules, submission)
    values.update(late or {"late_periods": submission.late_periods, "penalty_percent": submission.penalty_percent})
    values["max_score"] = sum(rules.points.values())
    values["raw_score"] = round(sum(scores), DECIMALS)
    outcome = LateOutcome(late_periods=values["late_periods"], penalty_percent=values["penalty_percent"],
                          closes_at=None)
    final = round(final_score(rules.policy, values["raw_score"], values["max_score"], outcome), DECIMALS)
    moved = note(changes, rules, submission.id, None, submission.final_score, final)
    values["final_score"] = final if moved else submission.final_score
    if any(values[name] != getattr(submission, name) for name in values):
        changes.submissions.append({"id": submission.id, **values})
    return touched or late is not None or moved


def new_fields(rules: Rules, result: Row[Any]) -> dict[str, Any] | None:
    """The part's graded columns as they are now, or None when nothing about it changes."""
    if result.graded_by is not None:
        return None  # the instructor's score stands
    graded = rules.outcome(result.question_id, result.raw_answer)
    if isinstance(graded, Unfinished):
        return None  # a grade that did not finish never takes points away; the stored result stands
    if graded.error is not None and result.error is None and result.raw_answer and result.status == PartStatus.graded:
        # An answer read fine before and now fails is far likelier an overrun than a changed question, and a
        # regrade must not take points away for that: keep the stored result.
        return None
    points = rules.points[result.question_id]
    new = part_fields(graded, points) | {"max_score": points}
    if all(getattr(result, name) == value for name, value in new.items()):
        return None
    return new


def lateness(rules: Rules, submission: Row[Any]) -> dict[str, float] | None:
    """The late policy as it is now; a submission it would now refuse keeps the lateness it was accepted with."""
    try:
        outcome = assess(rules.policy, rules.deadline(submission.student), submission.submitted_at)
    except SubmissionClosed:
        return None
    if (submission.late_periods, submission.penalty_percent) == (outcome.late_periods, outcome.penalty_percent):
        return None
    return {"late_periods": outcome.late_periods, "penalty_percent": outcome.penalty_percent}


def note(changes: Changes, rules: Rules, submission_id: int, question_id: str | None, old: float, new: float) -> bool:
    """A history row if the score really changes (the rule of history.record); return whether it did."""
    if round(old, DECIMALS) == round(new, DECIMALS):
        return False
    changes.history.append({"submission_id": submission_id, "question_id": question_id, "old": old,
                            "new": round(new, DECIMALS), "why": rules.why, "by": rules.by, "at": utcnow()})
    return True


def write(session: Session, changes: Changes) -> None:
    """One executemany per table (ORM bulk UPDATE by primary key); then nothing in the session is stale."""
    if changes.parts:
        session.execute(update(PartResult), changes.parts)
    if changes.submissions:
        session.execute(update(Submission), changes.submissions)
    if changes.history:
        session.execute(insert(ScoreChange), changes.history)
    session.expire_all()
