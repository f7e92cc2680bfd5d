"""Grade an assignment's answers against the bank, in the worker pool, all parts at once."""

from collections.abc import Mapping
from concurrent.futures import Future
from typing import Any, Protocol

import reference
from graders import GradeResult
from app.models import AssignmentPart

class Grades(Protocol):
    """What grading needs of a pool: the GradingPool itself, or one caller's fair share of it."""

    def grade(self, kind: str, student: str, reference: object, syntax: str = "auto",
              options: Mapping[str, Any] | None = None, fingerprint: bool = False) -> Future[GradeResult]: ...


NO_ANSWER = GradeResult(correct=False, score=0.0, feedback="", interpreted=None, error="no answer was submitted")


def grading_options(part: reference.Part, assignment_part: AssignmentPart) -> dict[str, Any]:
    """The bank's options, with the known mistakes the instructor added for this assignment after the bank's own."""
    options = part.grading_options()
    if assignment_part.extra_mistakes:
        options = {**options, "mistakes": [*options.get("mistakes", []), *assignment_part.extra_mistakes]}
    return options


def grade_parts(
    pool: Grades, parts: list[AssignmentPart], answers: Mapping[str, str | None]
) -> dict[str, GradeResult]:
    """Schedule every answered part, then wait; each future resolves within the pool's time limit.

    Wrong answers come back with their fingerprint, which clusters them by value on the dashboard."""
    futures: dict[str, Future[GradeResult]] = {}
    for assignment_part in parts:
        answer = answers.get(assignment_part.question_id)
        if answer is None or not answer.strip():
            continue
        part = reference.get_part(assignment_part.question_id)
        futures[part.id] = pool.grade(
            part.kind, answer, part.reference, options=grading_options(part, assignment_part), fingerprint=True
        )
    return {p.question_id: futures[p.question_id].result() if p.question_id in futures else NO_ANSWER for p in parts}
