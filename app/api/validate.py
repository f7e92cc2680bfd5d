from fastapi import APIRouter

from app.api.deps import CallerDep, PoolDep
from app.api.responses import errors
from app.schemas import ValidateIn, ValidateOut
from app.services.assignments import bank_part

router = APIRouter(prefix="/api/v1/validate", tags=["validate"], responses=errors(401))


@router.post("", response_model=ValidateOut)
def validate(body: ValidateIn, caller: CallerDep, pool: PoolDep) -> ValidateOut:
    """Show how an answer is read, without storing or revealing anything."""
    part = bank_part(body.question_id)
    # Through the pool like a real grade: the answer is as hostile here as in a submission.
    result = pool.grade(part.kind, body.answer, part.reference, options=part.grading_options()).result()
    return ValidateOut(interpreted=result.interpreted, error=result.error)
