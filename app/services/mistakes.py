"""Known mistakes of an assignment's part: the bank's own (read-only) and those its instructors added, which they
may edit (adding the same answer again replaces it) or delete; a change regrades and says how many scores moved."""

from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

import reference
from graders import GradingPool
from app.errors import NotFound
from app.models import Assignment, RegradeRun
from app.services import regrade
from app.services.manual import assignment_part


class KnownMistakeOut(BaseModel):
    answer: str
    feedback: str = Field(description="Shown to the student; the feedback format of submissions.")
    score: float = Field(description="Credit as a fraction of the part.")
    source: Literal["bank", "assignment"] = Field(description="Only the assignment's own can be edited or deleted.")


def known_mistakes(assignment: Assignment, question_id: str) -> list[KnownMistakeOut]:
    part = assignment_part(assignment, question_id)
    bank = [KnownMistakeOut(answer=m.answer, feedback=m.feedback, score=m.score, source="bank")
            for m in reference.get_part(question_id).mistakes]
    added = [KnownMistakeOut(**m, source="assignment") for m in part.extra_mistakes]
    return [*bank, *added]


def remove_known_mistake(
    session: Session, pool: GradingPool, *, assignment: Assignment, question_id: str, answer: str, by: str
) -> RegradeRun:
    part = assignment_part(assignment, question_id)
    kept: list[dict[str, Any]] = [m for m in part.extra_mistakes if m.get("answer") != answer]
    if len(kept) == len(part.extra_mistakes):
        raise NotFound(f"answer: part {question_id!r} has no known mistake {answer!r} added for this assignment")
    part.extra_mistakes = kept
    session.commit()
    why = f"known mistake removed for {question_id}: {answer}"
    return regrade.regrade(session, pool, assignment=assignment, by=by, why=why, resume=False)
