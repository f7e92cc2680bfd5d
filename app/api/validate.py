from fastapi import APIRouter

from app.api.deps import CallerDep, GateDep, SessionDep
from app.api.json_body import JSONBodyRoute
from app.api.responses import errors
from app.db import release
from app.errors import Unavailable
from app.schemas import ValidateIn, ValidateOut
from app.services.assignments import bank_part
from graders.pool import Unfinished

router = APIRouter(prefix="/api/v1/validate", tags=["validate"], responses=errors(401),
                   route_class=JSONBodyRoute)


@router.post("", response_model=ValidateOut)
def validate(body: ValidateIn, caller: CallerDep, gate: GateDep, session: SessionDep) -> ValidateOut:
    """Show how an answer is read, without storing or revealing anything."""
    part = bank_part(body.question_id)
    release(session)  # the token was checked; the grade is not waited for holding a connection
    # Through the pool like a real grade: the answer is as hostile here as in a submission.
    with gate.admit(caller.token_id, caller.student) as pool:
        result = pool.grade_question(part.id, body.answer).result()
    if isinstance(result, Unfinished):
        raise Unavailable(f"the grader is busy ({result.reason}); try again in a moment")
    return ValidateOut(interpreted=result.interpreted, error=result.error)
