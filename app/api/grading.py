"""Instructors' grading API: item statistics, grading by hand, regrades and known mistakes."""

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from app.api.deps import AssignmentDep, PoolDep, SessionDep, StaffDep, SubmissionDep
from app.api.responses import RESOURCE
from app.schemas import MAX_ANSWER_LENGTH, NO_NUL, SubmissionOut
from app.services import manual, regrade, stats

router = APIRouter(prefix="/api/v1", tags=["grading"], responses=RESOURCE)

QuestionId = Annotated[str, Path(min_length=1, max_length=200)]


class GradeIn(BaseModel):
    score: float = Field(ge=0, allow_inf_nan=False, description="Points, from 0 to the part's points.")
    comment: str = Field(default="", max_length=5000, pattern=NO_NUL)


class MistakeIn(BaseModel):
    answer: str = Field(min_length=1, max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)
    feedback: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)
    score: float = Field(default=0.0, ge=0, le=1, allow_inf_nan=False, description="Credit as a fraction of the part.")


class RegradeOut(BaseModel):
    submissions: int
    changed: int


class MistakesOut(RegradeOut):
    question_id: str
    mistakes: list[MistakeIn]


@router.get("/assignments/{assignment_id}/stats", response_model=list[stats.PartStats])
def get_stats(assignment: AssignmentDep, session: SessionDep, caller: StaffDep, pool: PoolDep) -> list[stats.PartStats]:
    """Per part: attempts, mean score, fraction correct, discrimination, flags, common wrong answers, clusters."""
    return stats.assignment_stats(session, pool, assignment)


@router.get("/submissions/{submission_id}", response_model=SubmissionOut)
def get_submission(submission: SubmissionDep) -> SubmissionOut:
    """One submission with its parts and its score history; a student token sees only its own."""
    return SubmissionOut.model_validate(submission)


@router.put("/submissions/{submission_id}/parts/{question_id:path}/grade", response_model=SubmissionOut)
def grade_part(
    grade_in: GradeIn, submission: SubmissionDep, question_id: QuestionId, session: SessionDep, caller: StaffDep
) -> SubmissionOut:
    """Grade a part by hand (manual parts, or to override the grader); regrades keep this score."""
    updated = manual.grade_by_hand(session, submission=submission, question_id=question_id, score=grade_in.score,
                                   comment=grade_in.comment, caller=caller)
    return SubmissionOut.model_validate(updated)


@router.post("/assignments/{assignment_id}/regrade", response_model=RegradeOut)
def regrade_assignment(assignment: AssignmentDep, session: SessionDep, caller: StaffDep, pool: PoolDep) -> RegradeOut:
    """Regrade every stored answer; resumes an interrupted run; unchanged results write nothing."""
    run = regrade.regrade(session, pool, assignment=assignment, by=caller.label)
    return RegradeOut(submissions=run.submissions, changed=run.changed)


@router.post("/assignments/{assignment_id}/parts/{question_id:path}/mistakes", response_model=MistakesOut)
def add_mistake(
    mistake: MistakeIn, assignment: AssignmentDep, question_id: QuestionId, session: SessionDep, caller: StaffDep,
    pool: PoolDep,
) -> MistakesOut:
    """Store a known mistake on the assignment's part and regrade the assignment with it."""
    run = regrade.add_known_mistake(session, pool, assignment=assignment, question_id=question_id,
                                    mistake=mistake.model_dump(), by=caller.label)
    part = manual.assignment_part(assignment, question_id)
    return MistakesOut(submissions=run.submissions, changed=run.changed, question_id=question_id,
                       mistakes=[MistakeIn.model_validate(m) for m in part.extra_mistakes])
