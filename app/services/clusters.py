"""Wrong answers grouped by mathematical equivalence, not by spelling.

Each wrong, readable answer gets `graders.fingerprint` (its values at the part's sample points) when it is
graded, so bucketing is one SQL GROUP BY over distinct answers. Inside a bucket, equivalence is confirmed with
`graders.grade` against the bucket's most frequent answer, in the worker pool (student text is hostile), so a
fingerprint collision can never merge two different answers. Answers to different versions of a parameterised part
(per-student variants) are never merged: the same numbers are a different answer to other numbers.
"""

from concurrent.futures import Future
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

import reference
from app.db import release
from app.models import Assignment, AssignmentPart, PartResult
from app.services import variants
from app.services.gradebook import effective_submissions
from app.services.grading import grading_options
from graders import GradeResult, GradingPool
from graders.pool import Outcome, Unfinished

# Confirmations already made, so that reloading a page does not grade the same pairs again.
_CONFIRMED: dict[tuple[str, str, str], bool] = {}  # (part id and variant, leader, answer)
_CONFIRMED_LIMIT = 100_000
# Leaders tried per fingerprint bucket (see split_bucket).
MAX_ROUNDS = 3


class Cluster(BaseModel):
    count: int
    answers: list[str]
    interpreted: str | None
    feedback: str | None
    # The values of the part's parameters these answers were given to (None: the part has one version).
    values: dict[str, int] | None = None


def effective_ids(assignment: Assignment) -> Select[tuple[int]]:
    """The ids of the submissions that count, one per student, as a subquery."""
    ranked = effective_submissions(assignment).subquery()
    return select(ranked.c.id).where(ranked.c.rank == 1)


def wrong_answers(session: Session, assignment: Assignment, question_ids: list[str]) -> dict[str, list[Any]]:
    """Per part, its distinct wrong answers with their counts, most frequent first (one GROUP BY for all parts)."""
    rows = session.execute(
        select(PartResult.question_id, PartResult.fingerprint, PartResult.raw_answer, PartResult.variant,
               func.min(PartResult.interpreted).label("interpreted"), func.min(PartResult.feedback).label("feedback"),
               func.count().label("count"))
        .where(PartResult.submission_id.in_(effective_ids(assignment)), PartResult.question_id.in_(question_ids),
               PartResult.correct.is_(False), PartResult.raw_answer.is_not(None), PartResult.raw_answer != "")
        .group_by(PartResult.question_id, PartResult.fingerprint, PartResult.raw_answer, PartResult.variant)
        .order_by(func.count().desc(), PartResult.raw_answer)
    )
    found: dict[str, list[Any]] = {}
    for row in rows:
        found.setdefault(row.question_id, []).append(row)
    return found


def equivalent(pool: GradingPool, part: reference.Part, options: dict[str, Any], leader: str,
               others: list[str]) -> dict[str, bool]:
    """Which of `others` the grader judges equal to `leader`, graded with `leader` as the reference."""
    key = f"{part.id} {sorted(part.values.items())}"
    found = {a: _CONFIRMED[(key, leader, a)] for a in others if (key, leader, a) in _CONFIRMED}
    futures: dict[str, Future[Outcome]] = {
        a: pool.grade(part.kind, a, leader, options=options) for a in others if a not in found
    }
    # A leader the grader cannot use as a reference resolves to an error result: no merge.
    found.update({answer: _same(future.result()) for answer, future in futures.items()})
    # An unfinished comparison (a busy machine) is no verdict: do not remember it.
    undecided = {answer for answer, future in futures.items() if isinstance(future.result(), Unfinished)}
    if len(_CONFIRMED) > _CONFIRMED_LIMIT:
        forget_confirmations()
    _CONFIRMED.update({(key, leader, a): same for a, same in found.items() if a not in undecided})
    return found


def _same(outcome: Outcome) -> bool:
    return isinstance(outcome, GradeResult) and outcome.correct is True


def forget_confirmations() -> None:
    _CONFIRMED.clear()


def split_bucket(pool: GradingPool, part: reference.Part, options: dict[str, Any], rows: list[Any]) -> list[list[Any]]:
    """Split one fingerprint bucket into groups the grader confirms; rows are most frequent first.

    Equal values at every sample point almost always mean equivalent answers, so a bucket splits in a round or
    two; after MAX_ROUNDS leaders the rest stay unmerged, so that a bucket of answers that only look alike costs
    at most MAX_ROUNDS comparisons per answer, never one per pair."""
    groups = []
    for _ in range(MAX_ROUNDS):
        if not rows:
            break
        leader, others = rows[0], rows[1:]
        same = equivalent(pool, part, options, leader.raw_answer, [row.raw_answer for row in others])
        groups.append([leader, *(row for row in others if same[row.raw_answer])])
        rows = [row for row in others if not same[row.raw_answer]]
    return groups + [[row] for row in rows]


def part_clusters(
    session: Session, pool: GradingPool, assignment: Assignment, assignment_part: AssignmentPart
) -> list[Cluster]:
    """The part's wrong answers grouped by equivalence, largest group first."""
    rows = wrong_answers(session, assignment, [assignment_part.question_id])
    release(session)  # confirming equivalence waits on the grading pool
    return group(pool, assignment_part, rows.get(assignment_part.question_id, []))


def group(pool: GradingPool, assignment_part: AssignmentPart, rows: list[Any]) -> list[Cluster]:
    """Group one part's distinct wrong answers (rows of `wrong_answers`) into clusters, largest first."""
    bank = reference.get_part(assignment_part.question_id)
    buckets: dict[tuple[str | None, str, str], list[Any]] = {}
    for row in rows:
        key = ("value", row.fingerprint) if row.fingerprint else ("text", row.raw_answer.strip())
        buckets.setdefault((row.variant, *key), []).append(row)
    mistake_feedback: set[str] = set()
    groups = []
    for (variant, how, _), bucket in buckets.items():
        options = grading_options(bank, assignment_part, variants.decode(variant))
        mistake_feedback |= {mistake["feedback"] for mistake in options.get("mistakes", [])}
        # Equivalence to another student's answer, with no known mistakes or partial credit in the way.
        compare = {k: v for k, v in options.items() if k not in ("mistakes", "partial")}
        part = bank.for_values(variants.decode(variant))
        groups += split_bucket(pool, part, compare, bucket) if how == "value" and len(bucket) > 1 else [bucket]
    clusters = [
        Cluster(
            count=sum(row.count for row in found),
            answers=[row.raw_answer for row in found],
            interpreted=found[0].interpreted,
            feedback=found[0].feedback if found[0].feedback in mistake_feedback else None,
            values=variants.decode(found[0].variant),
        )
        for found in groups
    ]
    return sorted(clusters, key=lambda c: (-c.count, c.answers[0]))
