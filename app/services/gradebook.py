"""The gradebook: one row per student with the scores of the submission the attempts policy picks.

The choice of submission is a window function in SQL, so the gradebook of thousands of students is
one query plus one for the per-part scores, never a Python loop over every submission.
"""

import csv
import io

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.models import Assignment, PartResult, Submission
from app.schemas import GradebookRow

SUMMARY_COLUMNS = (
    "student", "submission_id", "submissions", "submitted_at", "late_periods",
    "penalty_percent", "raw_score", "max_score", "final_score",
)


def effective_submissions(assignment: Assignment) -> Select:  # type: ignore[type-arg]
    """Each student's submissions ranked: rank 1 is the one that counts ('last' or 'best')."""
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
        func.row_number().over(partition_by=Submission.student, order_by=order).label("rank"),
        func.count().over(partition_by=Submission.student).label("submissions"),
    ).where(Submission.assignment_id == assignment.id)


def gradebook(session: Session, assignment: Assignment) -> list[GradebookRow]:
    ranked = effective_submissions(assignment).subquery()
    rows = session.execute(select(ranked).where(ranked.c.rank == 1).order_by(ranked.c.student)).all()
    part_scores: dict[int, dict[str, float]] = {row.id: {} for row in rows}
    effective_ids = select(ranked.c.id).where(ranked.c.rank == 1)
    for submission_id, question_id, score in session.execute(
        select(PartResult.submission_id, PartResult.question_id, PartResult.score).where(
            PartResult.submission_id.in_(effective_ids)
        )
    ):
        part_scores[submission_id][question_id] = score
    return [
        GradebookRow(
            student=row.student,
            submission_id=row.id,
            submissions=row.submissions,
            submitted_at=row.submitted_at,
            late_periods=row.late_periods,
            penalty_percent=row.penalty_percent,
            raw_score=row.raw_score,
            max_score=row.max_score,
            final_score=row.final_score,
            parts=part_scores[row.id],
        )
        for row in rows
    ]


def to_csv(assignment: Assignment, rows: list[GradebookRow]) -> str:
    question_ids = [part.question_id for part in assignment.parts]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*SUMMARY_COLUMNS, *question_ids])
    for row in rows:
        summary = row.model_dump(mode="json")
        writer.writerow([*(summary[c] for c in SUMMARY_COLUMNS), *(row.parts.get(q, "") for q in question_ids)])
    return out.getvalue()
