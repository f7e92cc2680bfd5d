"""Item analysis per part over the effective submissions: attempts, mean score, fraction correct,
discrimination, flags, the most common wrong answers and the clusters of equivalent wrong answers.

A part's numbers are computed over its graded answers only: an answer that waits for an instructor (a manual
part nobody has graded yet) has no score, and counting it as 0 would report a hand-graded part as hard and
badly discriminating after the first grade.

The numbers are SQL aggregates (sums of x, x², rest, rest², x·rest per part, one GROUP BY), so the cost does
not grow with a Python loop over every answer; only the Pearson formula runs in Python, once per part.
"""

import math

from pydantic import BaseModel, Field
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db import release
from app.models import Assignment, AssignmentPart, PartResult, PartStatus
from app.services import clusters
from app.services.clusters import Cluster, effective_ids
from app.services.gradebook import effective_submissions
from graders import GradingPool

COMMON_WRONG = 5
# Below this correlation with the rest of the total a part says little about who understood the material.
LOW_DISCRIMINATION = 0.2
# A correlation or a fraction from fewer graded answers than this is noise, so it is neither reported nor flagged.
MIN_STUDENTS = 5


class WrongAnswer(BaseModel):
    answer: str
    count: int


class PartStats(BaseModel):
    question_id: str
    points: float
    attempts: int = Field(description="Answers given (not blank).")
    graded: int = Field(description="Answers with a score; the statistics below are over these only.")
    waiting: int = Field(description="Answers that wait for an instructor's grade.")
    mean_score: float | None
    fraction_correct: float | None
    discrimination: float | None
    flags: list[str]
    common_wrong_answers: list[WrongAnswer]
    clusters: list[Cluster]


def correlation(n: int, sx: float, sxx: float, sy: float, syy: float, sxy: float) -> float | None:
    """Pearson's r from sums; None when either variable is constant or there are too few students."""
    if n < MIN_STUDENTS:
        return None
    spread = (n * sxx - sx * sx) * (n * syy - sy * sy)
    if spread <= 1e-12:
        return None
    return round((n * sxy - sx * sy) / math.sqrt(spread), 4)


def part_sums(session: Session, assignment: Assignment) -> dict[str, dict[str, float]]:
    ranked = effective_submissions(assignment).subquery()
    counted = select(ranked.c.id, ranked.c.raw_score).where(ranked.c.rank == 1).subquery()
    graded = PartResult.correct.is_not(None)
    # Sums over graded answers only: SUM skips the NULL that an ungraded answer gives.
    score = case((graded, PartResult.score))
    rest = case((graded, counted.c.raw_score - PartResult.score))
    answered = case((func.coalesce(func.length(PartResult.raw_answer), 0) > 0, 1), else_=0)
    query = (
        select(
            PartResult.question_id, func.count(PartResult.correct).label("n"), func.sum(answered).label("attempts"),
            # Waiting for an instructor; a pending part (not graded yet for our reasons) waits for the queue instead.
            func.sum(case((PartResult.correct.is_(None) & (PartResult.status != PartStatus.pending), 1), else_=0))
            .label("waiting"),
            func.sum(score).label("sx"), func.sum(score * score).label("sxx"),
            func.sum(rest).label("sy"), func.sum(rest * rest).label("syy"), func.sum(score * rest).label("sxy"),
            func.sum(case((PartResult.correct.is_(True), 1), else_=0)).label("right"),
        )
        .join(counted, counted.c.id == PartResult.submission_id)
        .group_by(PartResult.question_id)
    )
    return {row.question_id: row._asdict() for row in session.execute(query)}


def common_wrong_answers(session: Session, assignment: Assignment) -> dict[str, list[WrongAnswer]]:
    counts = (
        select(PartResult.question_id, PartResult.raw_answer, func.count().label("count"))
        .where(PartResult.submission_id.in_(effective_ids(assignment)), PartResult.correct.is_(False),
               PartResult.raw_answer.is_not(None), PartResult.raw_answer != "")
        .group_by(PartResult.question_id, PartResult.raw_answer)
        .subquery()
    )
    ranked = select(
        counts,
        func.row_number().over(partition_by=counts.c.question_id,
                               order_by=(counts.c.count.desc(), counts.c.raw_answer)).label("rank"),
    ).subquery()
    found: dict[str, list[WrongAnswer]] = {}
    for row in session.execute(select(ranked).where(ranked.c.rank <= COMMON_WRONG).order_by(ranked.c.rank)):
        found.setdefault(row.question_id, []).append(WrongAnswer(answer=row.raw_answer, count=row._mapping["count"]))
    return found


def flags(graded: int, right: int, discrimination: float | None) -> list[str]:
    found = []
    if graded >= MIN_STUDENTS and right == 0:
        found.append("nobody gets it right")
    if discrimination is not None and discrimination < LOW_DISCRIMINATION:
        found.append("discriminates badly")
    return found


def part_stats(part: AssignmentPart, s: dict[str, float] | None) -> dict[str, object]:
    """The numeric fields of one part's PartStats from its sums (None: nobody submitted)."""
    if s is None:
        return {"attempts": 0, "graded": 0, "waiting": 0, "mean_score": None, "fraction_correct": None,
                "discrimination": None, "flags": []}
    n, right = int(s["n"]), int(s["right"])
    r = correlation(n, s["sx"], s["sxx"], s["sy"], s["syy"], s["sxy"]) if n else None
    return {
        "attempts": int(s["attempts"]), "graded": n, "waiting": int(s["waiting"]),
        "mean_score": round(s["sx"] / n, 4) if n else None,
        "fraction_correct": round(right / n, 4) if n else None,
        "discrimination": r, "flags": flags(n, right, r),
    }


def assignment_stats(
    session: Session, pool: GradingPool | None, assignment: Assignment
) -> list[PartStats]:
    """One entry per part in assignment order; clusters only when a grading pool is given to confirm them."""
    sums = part_sums(session, assignment)
    wrong = common_wrong_answers(session, assignment)
    distinct_wrong = (clusters.wrong_answers(session, assignment, [p.question_id for p in assignment.parts])
                      if pool is not None else {})
    if pool is not None:
        release(session)  # clustering waits on the grading pool
    return [
        PartStats(
            question_id=part.question_id,
            points=part.points,
            **part_stats(part, sums.get(part.question_id)),  # type: ignore[arg-type]
            common_wrong_answers=wrong.get(part.question_id, []),
            clusters=clusters.group(pool, part, distinct_wrong.get(part.question_id, [])) if pool is not None else [],
        )
        for part in assignment.parts
    ]
