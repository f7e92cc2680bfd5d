"""Known mistakes of an assignment's part: the bank's own (read-only) and those its instructors added, which they
may edit (adding the same answer again replaces it) or delete; a change regrades and says how many scores moved."""

from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

import reference
from app.errors import NotFound
from app.models import Assignment, Job
from app.services import regrade
from app.services.manual import assignment_part


class KnownMistakeOut(BaseModel):
    answer: str
    feedback: str = Field(description="Shown to the student; the feedback format of submissions.")
    score: float = Field(description="Credit as a fraction of the part.")
    source: Literal["bank", "assignment"] = Field(description="Only the assignment's own can be edited or deleted.")
    values: dict[str, int] | None = Field(default=None, description="Only for students asked with these values.")


def known_mistakes(assignment: Assignment, question_id: str) -> list[KnownMistakeOut]:
    part = assignment_part(assignment, question_id)
    bank = [KnownMistakeOut(answer=m.answer, feedback=m.feedback, score=m.score, source="bank")
            for m in reference.get_part(question_id).mistakes]
    added = [KnownMistakeOut(**m, source="assignment") for m in part.extra_mistakes]
    return [*bank, *added]


def remove_known_mistake(
    session: Session, *, assignment: Assignment, question_id: str, answer: str, by: str
) -> Job:
    """Delete the assignment's known mistake; return the regrade job that applies it (the caller commits both)."""
    def remove(mistakes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept = [m for m in mistakes if m.get("answer") != answer]
        if len(kept) == len(mistakes):
            raise NotFound(f"answer: part {question_id!r} has no known mistake {answer!r} added for this assignment")
        return kept

    return regrade.change_mistakes(session, assignment=assignment, question_id=question_id, change=remove,
                                   by=by, why=f"known mistake removed for {question_id}: {answer}")
