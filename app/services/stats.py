"""Item analysis per part over the effective submissions: attempts, mean score, fraction correct,
discrimination, flags, the most common wrong answers and the clusters of equivalent wrong answers.

The numbers are SQL aggregates (sums of x, x², rest, rest², x·rest per part, one GROUP BY), so the cost does
not grow with a Python loop over every answer; only the Pearson formula runs in Python, once per part.
"""

import math

from pydantic import BaseModel
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from graders import GradingPool
from app.db import release
from app.models import Assignment, PartResult
from app.services import clusters
from app.services.clusters import Cluster, effective_ids
from app.services.gradebook import effective_submissions

COMMON_WRONG = 5
# Below this correlation with the rest of the total a part says little about who understood the material.
LOW_DISCRIMINATION = 0.2
# A correlation from fewer students than this is noise, so it is neither reported nor flagged.
MIN_STUDENTS = 5


class WrongAnswer(BaseModel):
    answer: str
    count: int


class PartStats(BaseModel):
    question_id: str
    points: float
    attempts: int
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
    score, rest = PartResult.score, counted.c.raw_score - PartResult.score
    answered = case((func.coalesce(func.length(PartResult.raw_answer), 0) > 0, 1), else_=0)
    query = (
        select(
            PartResult.question_id, func.count().label("n"), func.sum(answered).label("attempts"),
            func.sum(score).label("sx"), func.sum(score * score).label("sxx"),
            func.sum(rest).label("sy"), func.sum(rest * rest).label("syy"), func.sum(score * rest).label("sxy"),
            func.sum(case((PartResult.correct.is_(True), 1), else_=0)).label("right"),
            func.count(PartResult.correct).label("judged"),
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
        found.setdefault(row.question_id, []).append(WrongAnswer(answer=row.raw_answer, count=row.count))
    return found


def flags(attempts: int, right: int, judged: int, discrimination: float | None) -> list[str]:
    found = []
    if attempts and judged and right == 0:
        found.append("nobody gets it right")
    if discrimination is not None and discrimination < LOW_DISCRIMINATION:
        found.append("discriminates badly")
    return found


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
    stats = []
    for part in assignment.parts:
        s = sums.get(part.question_id)
        n = int(s["n"]) if s else 0
        r = correlation(n, s["sx"], s["sxx"], s["sy"], s["syy"], s["sxy"]) if s else None
        attempts, right, judged = (int(s["attempts"]), int(s["right"]), int(s["judged"])) if s else (0, 0, 0)
        stats.append(PartStats(
            question_id=part.question_id,
            points=part.points,
            attempts=attempts,
            mean_score=round(s["sx"] / n, 4) if n else None,
            fraction_correct=round(right / judged, 4) if judged else None,
            discrimination=r,
            flags=flags(attempts, right, judged, r),
            common_wrong_answers=wrong.get(part.question_id, []),
            clusters=clusters.group(pool, part, distinct_wrong.get(part.question_id, [])) if pool is not None else [],
        ))
    return stats
