from fastapi import APIRouter

import reference
from app.api.deps import CallerDep
from app.api.json_body import JSONBodyRoute
from app.api.responses import errors
from app.schemas import QuestionOut
from app.security import Role

router = APIRouter(prefix="/api/v1/questions", tags=["questions"], responses=errors(401),
                   route_class=JSONBodyRoute)

# Sample points and sample tensors are grading data, not something a client needs to read the question.
HIDDEN_OPTIONS = frozenset({"samples", "inputs"})


def question_out(part: reference.Part, *, with_answer: bool) -> QuestionOut:
    return QuestionOut(
        id=part.id,
        homework=part.homework,
        title=part.title,
        prompt=part.prompt,
        kind=part.kind,
        points=part.points,
        options={k: v for k, v in part.options.items() if k not in HIDDEN_OPTIONS},
        answer=part.answer if with_answer else None,
        rubric=part.rubric if with_answer else None,
        parameters=({name: list(choices) for name, choices in part.variants.parameters.ranges.items()}
                    if part.variants is not None else None),
    )


@router.get("", response_model=list[QuestionOut], response_model_exclude_none=True)
def list_questions(caller: CallerDep) -> list[QuestionOut]:
    """Every part of the reference bank; instructors and admins also get its reference answer."""
    with_answer = caller.role in (Role.admin, Role.instructor)
    return [question_out(part, with_answer=with_answer) for part in reference.all_parts()]
