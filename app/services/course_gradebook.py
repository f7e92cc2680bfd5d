"""The course-wide gradebook: one row per student, the counted final score of every assignment, and the total."""


from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.models import Assignment, Course
from app.services import gradebook
from app.services.assignments import list_assignments
from app.services.spreadsheets import csv_text


class CourseGradebookRow(BaseModel):
    student: str
    scores: dict[int, float | None] = Field(
        description="Final score per assignment id; null: no submission, or parts still pending (not graded yet).")
    total: float | None = Field(description="Null while a counted submission has pending parts: never a provisional "
                                            "total with them counted as 0.")
    max_total: float = Field(description="The sum of the maximum of every assignment of the course.")
    provisional: bool = Field(description="True while a part of a counted submission waits for an instructor or is "
                                          "pending.")


def course_gradebook(session: Session, course: Course) -> tuple[list[Assignment], list[CourseGradebookRow]]:
    assignments = list_assignments(session, course=course)
    books = {a.id: {row.student: row for row in gradebook.gradebook(session, a)} for a in assignments}
    maxima = {a.id: sum(part.points for part in a.parts) for a in assignments}
    students = sorted({student for book in books.values() for student in book})
    rows = []
    for student in students:
        counted = {a.id: books[a.id].get(student) for a in assignments}
        rows.append(CourseGradebookRow(
            student=student,
            scores={aid: row.final_score if row else None for aid, row in counted.items()},
            total=total([row.final_score for row in counted.values() if row]),
            max_total=sum(maxima.values()),
            provisional=any(row.provisional for row in counted.values() if row),
        ))
    return assignments, rows


def total(finals: list[float | None]) -> float | None:
    return None if None in finals else round(sum(f for f in finals if f is not None), 6)


def to_csv(assignments: list[Assignment], rows: list[CourseGradebookRow]) -> str:
    header = ["student", *(a.title for a in assignments), "total", "max_total", "provisional"]
    return csv_text(header, ([row.student, *("" if row.scores[a.id] is None else row.scores[a.id] for a in assignments),
                              "" if row.total is None else row.total, row.max_total, row.provisional] for row in rows))
