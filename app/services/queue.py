"""The manual-grading queue for hundreds of answers: waiting answers grouped by identical text (one grade for the
whole group), blank answers in a group of their own, groups paged so that the place is kept across grades."""

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Assignment, PartResult
from app.services import manual

PAGE_SIZE = 20
RUBRIC_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*pts?\b")


@dataclass(frozen=True)
class AnswerGroup:
    question_id: str
    answer: str  # the text as written, whitespace trimmed; "" for a blank answer
    waiting: list[tuple[PartResult, str]]  # (part result, student)
    # The version of a parameterised part these students were asked (stored canonical JSON; None: one version):
    # the same words are not the same answer to other numbers.
    variant: str | None = None

    @property
    def blank(self) -> bool:
        return not self.answer

    @property
    def max_score(self) -> float:
        return self.waiting[0][0].max_score


@dataclass(frozen=True)
class QueuePage:
    groups: list[AnswerGroup]
    page: int
    pages: int
    answers: int  # waiting answers in the whole queue (of the chosen part)


def grouped(session: Session, assignment: Assignment, question_id: str | None = None) -> list[AnswerGroup]:
    """Per part in assignment order: the blank group first, then identical answers, largest group first."""
    by_key: dict[tuple[str, str, str | None], list[tuple[PartResult, str]]] = {}
    for result, student in manual.queue(session, assignment):
        if question_id is None or result.question_id == question_id:
            key = (result.question_id, (result.raw_answer or "").strip(), result.variant)
            by_key.setdefault(key, []).append((result, student))
    order = {part.question_id: part.position for part in assignment.parts}
    groups = [AnswerGroup(qid, answer, waiting, variant) for (qid, answer, variant), waiting in by_key.items()]
    return sorted(groups, key=lambda g: (order[g.question_id], not g.blank, -len(g.waiting), g.answer))


def page_of(groups: list[AnswerGroup], page: int) -> QueuePage:
    pages = max(1, -(-len(groups) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    return QueuePage(groups=groups[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], page=page, pages=pages,
                     answers=sum(len(g.waiting) for g in groups))


def rubric_points(rubric: str | None, max_score: float) -> list[float]:
    """The point values a rubric names ("1 pt: ...", "0.5 pt advantage: ..."), with 0 and full marks, as buttons."""
    named = {float(value) for value in RUBRIC_POINTS.findall(rubric or "") if float(value) <= max_score}
    return sorted({0.0, max_score, *named})
