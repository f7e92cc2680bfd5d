"""Instructors' grading API: item statistics, grading by hand, regrades and known mistakes."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StrictFloat

from app.api.deps import AssignmentDep, CallerDep, PoolDep, QuestionId, SessionDep, StaffDep, SubmissionDep
from app.api.jobs import ACCEPTED, Prefer, outcome
from app.api.json_body import JSONBodyRoute
from app.api.responses import RESOURCE
from app.models import Assignment
from app.schemas import MAX_ANSWER_LENGTH, NO_NUL, In, SubmissionOut
from app.services import manual, regrade, stats, visibility

router = APIRouter(prefix="/api/v1", tags=["grading"], responses=RESOURCE, route_class=JSONBodyRoute)


class GradeIn(In):
    score: StrictFloat = Field(ge=0, allow_inf_nan=False, description="Points, from 0 to the part's points.")
    comment: str = Field(default="", max_length=5000, pattern=NO_NUL)


class MistakeIn(In):
    answer: str = Field(min_length=1, max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)
    feedback: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)
    score: StrictFloat = Field(default=0.0, ge=0, le=1, allow_inf_nan=False,
                               description="Credit as a fraction of the part.")
    values: dict[str, int] | None = Field(default=None, description=(
        "Only for the students asked with these values of a part with per-student variants (a cluster's `values`); "
        "null: for every student."))


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
def get_submission(submission: SubmissionDep, session: SessionDep, caller: CallerDep) -> SubmissionOut:
    """One submission with its parts and its score history; a student token sees only its own."""
    assignment = session.get_one(Assignment, submission.assignment_id)
    return visibility.present(session, caller, assignment, submission)


@router.put("/submissions/{submission_id}/parts/{question_id:part_id}/grade", response_model=SubmissionOut)
def grade_part(
    grade_in: GradeIn, submission: SubmissionDep, question_id: QuestionId, session: SessionDep, caller: StaffDep
) -> SubmissionOut:
    """Grade a part by hand (manual parts, or to override the grader); regrades keep this score."""
    updated = manual.grade_by_hand(session, submission=submission, question_id=question_id, score=grade_in.score,
                                   comment=grade_in.comment, caller=caller)
    return SubmissionOut.model_validate(updated)


@router.post("/assignments/{assignment_id}/regrade", response_model=RegradeOut, responses=ACCEPTED)
def regrade_assignment(
    assignment: AssignmentDep, session: SessionDep, caller: StaffDep, request: Request, prefer: Prefer = None,
) -> RegradeOut | JSONResponse:
    """Regrade every stored answer as a queued job, split into chunks that any number of workers share; unchanged
    results write nothing.

    With `Prefer: respond-async`: 202 with the job to follow at its `url`. Without: waits for the job."""
    job = regrade.enqueue(session, assignment, by=caller.label, why="regrade")
    done = outcome(request, session, job, prefer)
    return done if isinstance(done, JSONResponse) else RegradeOut.model_validate(done)


# A mistake for every student is shown as before: without `values`.
@router.post("/assignments/{assignment_id}/parts/{question_id:part_id}/mistakes", response_model=MistakesOut,
             response_model_exclude_none=True, responses=ACCEPTED)
def add_mistake(
    mistake: MistakeIn, assignment: AssignmentDep, question_id: QuestionId, session: SessionDep, caller: StaffDep,
    pool: PoolDep, request: Request, prefer: Prefer = None,
) -> MistakesOut | JSONResponse:
    """Store a known mistake on the assignment's part and regrade the assignment with it (a queued job)."""
    job = regrade.add_known_mistake(session, pool, assignment=assignment, question_id=question_id,
                                    mistake=mistake.model_dump(exclude_none=True), by=caller.label)
    done = outcome(request, session, job, prefer)
    if isinstance(done, JSONResponse):
        return done
    part = manual.assignment_part(assignment, question_id)
    return MistakesOut(**done, question_id=question_id,
                       mistakes=[MistakeIn.model_validate(m) for m in part.extra_mistakes])
