"""Bring a chunk of stored submissions up to date in bulk: read their rows as tuples, decide every change in Python,
write the changes with one executemany per table.

A regrade of 100,000 answers spends its time here, not in grading (a class writes the same few answers, each
graded once per run), so the chunk never builds ORM objects: no per-row identity map, no history collection
loaded for every submission, no unit-of-work flush sorting 100,000 dirty objects.
"""

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app.bulk import insert_many, update_many
from app.late_policy import LateOutcome, LatePolicy, SubmissionClosed, assess, final_score
from app.models import PartResult, PartStatus, ScoreChange, Submission, utcnow
from app.services.history import DECIMALS
from app.services.pending import part_fields
from graders.pool import Outcome, Unfinished

GRADED = ("score", "correct", "feedback", "interpreted", "error", "fingerprint", "status", "max_score")
SCORE, ERROR, STATUS = (GRADED.index(name) for name in ("score", "error", "status"))
RESULT_COLUMNS = (PartResult.id, PartResult.submission_id, PartResult.question_id, PartResult.raw_answer, PartResult.variant,
                  PartResult.graded_by, *(getattr(PartResult, name) for name in GRADED))
FIRST_GRADED = len(RESULT_COLUMNS) - len(GRADED)  # where a result row's graded columns start
SUBMISSION_COLUMNS = (Submission.id, Submission.student, Submission.submitted_at, Submission.late_periods,
                      Submission.penalty_percent, Submission.raw_score, Submission.max_score, Submission.final_score,
                      Submission.pending_parts)


@dataclass
class Rules:
    """What the stored rows are brought up to: the parts' points, the grades, the late policy and deadlines."""

    points: dict[str, float]
    outcome: Callable[[str, str | None, str | None], Outcome]
    policy: LatePolicy
    deadline: Callable[[str], datetime]
    why: str
    by: str
    targets: dict[tuple[str, str | None, str | None], tuple[Any, ...] | None] = field(default_factory=dict)

    def target(self, question_id: str, answer: str | None, variant: str | None) -> tuple[Any, ...] | None:
        """The graded columns (in GRADED's order) of this answer to this part as asked with these values, computed
        once; None: its grade did not finish."""
        key = (question_id, answer, variant)
        if key not in self.targets:
            graded = self.outcome(question_id, answer, variant)
            points = self.points[question_id]
            fields = None if isinstance(graded, Unfinished) else part_fields(graded, points) | {"max_score": points}
            self.targets[key] = None if fields is None else tuple(fields[name] for name in GRADED)
        return self.targets[key]


@dataclass
class Changes:
    # The parts' new values by the columns that changed: one UPDATE for each set of columns (a points change
    # rewrites two numbers, not every feedback text with them).
    parts: dict[tuple[str, ...], list[dict[str, Any]]] = field(default_factory=dict)
    submissions: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    changed: int = 0


def lock_and_read(session: Session, ids: Sequence[int]) -> tuple[list[Row[Any]], dict[int, list[Row[Any]]]]:
    """Lock the submissions in id order (so writers never deadlock) and read them and their parts as rows."""
    submissions: list[Row[Any]] = list(session.execute(
        select(*SUBMISSION_COLUMNS).where(Submission.id.in_(ids)).order_by(Submission.id)
        .with_for_update(key_share=True)))
    parts: dict[int, list[Row[Any]]] = {row.id: [] for row in submissions}
    for row in session.execute(select(*RESULT_COLUMNS).where(PartResult.submission_id.in_(ids))
                               .order_by(PartResult.submission_id, PartResult.position)):
        parts[row.submission_id].append(row)
    return submissions, parts


def regrade_rows(session: Session, rules: Rules, ids: Sequence[int],
                 counted: Collection[int] | None = None) -> tuple[int, int]:
    """Lock these submissions, bring them up to date and write what changed; return (submissions, changed) among
    those `counted` (default: all). The caller commits."""
    submissions, parts = lock_and_read(session, ids)
    changes, done = Changes(), 0
    for submission in submissions:
        changed = plan_submission(rules, submission, parts[submission.id], changes)
        if counted is None or submission.id in counted:
            done, changes.changed = done + 1, changes.changed + changed
    write(session, changes)
    return done, changes.changed


def plan_submission(rules: Rules, submission: Row[Any], results: list[Row[Any]], changes: Changes) -> bool:
    """Add this submission's changes (parts, lateness, totals, history) to `changes`; return whether it changed."""
    touched, scores, pending = False, [], 0
    for result in results:
        new = new_fields(rules, result)
        if new is None:
            score, status = result.score, result.status
        else:
            score, status = new[SCORE], new[STATUS]
            old = result[FIRST_GRADED:]
            changed = {name: value for name, value, was in zip(GRADED, new, old, strict=True) if value != was}
            changes.parts.setdefault(tuple(changed), []).append({"id": result.id, **changed})
            note(changes, rules, submission.id, result.question_id, result.score, score)
            touched = True
        scores.append(score)
        pending += status == PartStatus.pending
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


def new_fields(rules: Rules, result: Row[Any]) -> tuple[Any, ...] | None:
    """The part's graded columns (in GRADED's order) as they are now, or None when nothing about it changes."""
    if result.graded_by is not None:
        return None  # the instructor's score stands
    new = rules.target(result.question_id, result.raw_answer, result.variant)
    if new is None:
        return None  # a grade that did not finish never takes points away; the stored result stands
    if new[ERROR] is not None and result.error is None and result.raw_answer and result.status == PartStatus.graded:
        # An answer read fine before and now fails is far likelier an overrun than a changed question, and a
        # regrade must not take points away for that: keep the stored result.
        return None
    if result[FIRST_GRADED:] == new:
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
    """One statement per table (app.bulk); then nothing the session holds is stale."""
    session.flush()
    for rows in changes.parts.values():
        update_many(session, PartResult.__table__, rows)  # type: ignore[arg-type]
    update_many(session, Submission.__table__, changes.submissions)  # type: ignore[arg-type]
    insert_many(session, ScoreChange.__table__, changes.history)  # type: ignore[arg-type]
    session.expire_all()
