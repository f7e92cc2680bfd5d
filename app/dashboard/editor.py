"""Editing an assignment from the dashboard: title, deadline, late policy, attempts, each part's points, parts
removed and added. One form, one transaction, one regrade when a score can change (its reasons in the history)."""

from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

import reference
from app.api.deps import ResourceId, SessionDep, get_assignment
from app.dashboard.progress import follow
from app.dashboard.routes import CsrfField, VisitorDep, bank_parts, check_csrf, course_of
from app.dashboard.templating import page
from app.errors import Invalid
from app.late_policy import LatePolicy
from app.schemas import NO_NUL, AssignmentPatch, PartIn
from app.services import editing
from app.services.assignments import policy_of

router = APIRouter(prefix="/dashboard", include_in_schema=False)
Text = Annotated[str, Form(max_length=200, pattern=NO_NUL)]


@router.get("/assignments/{assignment_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    assignment = get_assignment(assignment_id, session, visitor.caller)
    used = {part.question_id for part in assignment.parts}
    return page(request, "edit.html", visitor=visitor, assignment=assignment, policy=policy_of(assignment),
                zone=ZoneInfo(course_of(session, assignment).timezone), bank=bank_parts(assignment),
                addable=[part for part in reference.all_parts() if part.id not in used])


def late_policy_of(fields: dict[str, Any]) -> LatePolicy:
    fields = {name: value for name, value in fields.items() if value != ""}
    fields.setdefault("close_after_periods", None)  # left empty: submissions never close
    try:
        return LatePolicy.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise Invalid(f"late policy, {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def number(text: str, field: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise Invalid(f"{field}: {text!r} is not a number") from None


@router.post("/assignments/{assignment_id}/edit")
def save(
    request: Request, assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep,
    title: Text, deadline: Annotated[str, Form(max_length=40)], attempts: Annotated[Literal["last", "best"], Form()],
    percent_per_period: Text, period: Text, rounding: Text, close_after_periods: Text, grace_minutes: Text,
    min_percent: Text, deduct_from: Text,
    question_id: Annotated[list[str], Form(max_length=200)], points: Annotated[list[str], Form(max_length=200)],
    remove: Annotated[list[str], Form(max_length=200)] = [],  # noqa: B006 - FastAPI copies defaults
    add_question: Text = "", add_points: Text = "", csrf_token: CsrfField = "",
) -> Response:
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    if len(question_id) != len(points):
        raise Invalid("points: one value per part")
    policy = late_policy_of({"percent_per_period": percent_per_period, "period": period, "rounding": rounding,
                             "close_after_periods": close_after_periods, "grace_minutes": grace_minutes,
                             "min_percent": min_percent, "deduct_from": deduct_from})
    patch = AssignmentPatch(title=title, deadline=deadline, attempts=attempts, late_policy=policy)
    new_points = {qid: number(text, f"points of {qid}") for qid, text in zip(question_id, points, strict=True)}
    added = PartIn(question_id=add_question, points=number(add_points, "points of the new part") if add_points
                   else None) if add_question else None
    job = editing.edit_assignment(session, assignment=assignment, patch=patch, by=visitor.caller.label,
                                  points={q: p for q, p in new_points.items() if q not in remove},
                                  removed=remove, added=added)
    return follow(request, session, job, f"/dashboard/assignments/{assignment.id}?notice=edited")
