"""The gradebook: one row per student with the scores of the submission the attempts policy picks.

The choice of submission is a window function in SQL, so the gradebook of thousands of students is
one query plus one for the per-part scores, never a Python loop over every submission.
"""

from typing import Any

from sqlalchemy import Select, String, Subquery, UnaryExpression, case, cast, func, select
from sqlalchemy.orm import Session

from app.models import Assignment, PartResult, PartStatus, Submission
from app.schemas import GradebookRow
from app.services.spreadsheets import csv_text

SUMMARY_COLUMNS = (
    "student", "submission_id", "submissions", "submitted_at", "late_periods",
    "penalty_percent", "raw_score", "max_score", "final_score", "pending_parts",
)


def effective_submissions(assignment: Assignment) -> Select:
    """Each student's submissions ranked: rank 1 is the one that counts ('last' or 'best')."""
    order: tuple[UnaryExpression[Any], ...]
    if assignment.attempts == "best":
        order = (Submission.final_score.desc(), Submission.submitted_at.asc(), Submission.id.asc())
    else:
        order = (Submission.submitted_at.desc(), Submission.id.desc())
    return select(
        Submission.id,
        Submission.student,
        Submission.submitted_at,
        Submission.late_periods,
        Submission.penalty_percent,
        Submission.raw_score,
        Submission.max_score,
        Submission.final_score,
        Submission.pending_parts,
        func.row_number().over(partition_by=Submission.student, order_by=order).label("rank"),
        func.count().over(partition_by=Submission.student).label("submissions"),
    ).where(Submission.assignment_id == assignment.id)


def gradebook(session: Session, assignment: Assignment, *, with_parts: bool = False) -> list[GradebookRow]:
    """Rows sorted by student; `with_parts` adds every part's score (a 100,000-entry read for a large class)."""
    ranked = effective_submissions(assignment).subquery()
    # Waiting for an instructor (a manual part); a pending part waits for the queue and is counted apart.
    waiting = (select(func.count()).where(PartResult.submission_id == ranked.c.id, PartResult.correct.is_(None),
                                          PartResult.status != PartStatus.pending)
               .scalar_subquery().label("waiting"))
    rows = session.execute(select(ranked, waiting).where(ranked.c.rank == 1).order_by(ranked.c.student)).all()
    scores = part_scores(session, ranked) if with_parts else {}
    # Built without validation: every value comes straight from typed columns.
    return [
        GradebookRow.model_construct(
            student=row.student,
            submission_id=row.id,
            submissions=row.submissions,
            submitted_at=row.submitted_at,
            late_periods=row.late_periods,
            penalty_percent=row.penalty_percent,
            raw_score=row.raw_score,
            max_score=row.max_score,
            final_score=None if row.pending_parts else row.final_score,
            pending_parts=row.pending_parts,
            waiting_parts=row.waiting,
            provisional=row.waiting > 0 or row.pending_parts > 0,
            parts=_scores(scores[row.id]) if with_parts else None,
        )
        for row in rows
    ]


def part_scores(session: Session, ranked: Subquery) -> dict[int, str]:
    """Each effective submission's part scores, packed by the database."""
    # The part scores travel as one string per submission ("id<TAB>score" lines): 5,000 rows to fetch instead of
    # 100,000 is what keeps a large class's gradebook fast on both databases.
    # A pending part has no score yet ("", null in JSON, an empty cell in CSV): a 0 there would be exported.
    score = case((PartResult.status == PartStatus.pending, ""), else_=cast(PartResult.score, String))
    packed = func.aggregate_strings(PartResult.question_id + "\t" + score, "\n")
    return dict(
        session.execute(
            select(PartResult.submission_id, packed)
            .where(PartResult.submission_id.in_(select(ranked.c.id).where(ranked.c.rank == 1)))
            .group_by(PartResult.submission_id)
        ).all()
    )


def _scores(packed: str) -> dict[str, float | None]:
    pairs = (line.split("\t") for line in packed.split("\n"))
    return {question_id: float(score) if score else None for question_id, score in pairs}


def to_csv(assignment: Assignment, rows: list[GradebookRow]) -> str:
    question_ids = [part.question_id for part in assignment.parts]

    def cells(row: GradebookRow) -> list[object]:
        summary, parts = row.model_dump(mode="json"), row.parts or {}
        return [*(summary[c] for c in SUMMARY_COLUMNS), *(parts.get(q, "") for q in question_ids)]

    return csv_text([*SUMMARY_COLUMNS, *question_ids], map(cells, rows))
