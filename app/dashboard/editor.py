"""Creating and editing an assignment from the dashboard: title, deadline, late policy, attempts, feedback release,
parts chosen from the bank with their points, and extensions per student. The forms build the API's own request
bodies and call the services behind POST and PATCH, so the dashboard and the API cannot disagree; an edit that can
change a score regrades once (its reasons in the history) and the page says how many scores moved."""

from dataclasses import dataclass
from itertools import groupby
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ValidationError

import reference
from app.api.deps import PoolDep, ResourceId, SessionDep, get_assignment, get_course
from app.dashboard.progress import follow
from app.dashboard.routes import CsrfField, VisitorDep, back_to, bank_parts, check_csrf, course_of
from app.dashboard.templating import page
from app.errors import Invalid
from app.late_policy import LatePolicy
from app.schemas import NO_NUL, AssignmentIn, AssignmentPatch, Feedback, PartIn, StudentId
from app.services import assignments, editing, gradebook
from app.services.assignments import policy_of

router = APIRouter(prefix="/dashboard", include_in_schema=False)
Text = Annotated[str, Form(max_length=200, pattern=NO_NUL)]
Texts = Annotated[list[str], Form(max_length=500)]
Model = TypeVar("Model", bound=BaseModel)


def validated(model: type[Model], what: str, fields: dict[str, Any]) -> Model:
    """The API's request body built from a form; a refusal names the field as a 422 page."""
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise Invalid(f"{what}{'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def number(text: str, field: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise Invalid(f"{field}: {text!r} is not a number") from None


@dataclass
class SettingsForm:
    """The fields the new and the edit form share (everything but the parts)."""

    title: Text
    deadline: Annotated[str, Form(max_length=40)]
    attempts: Annotated[Literal["last", "best"], Form()]
    feedback: Annotated[Feedback, Form()]
    # An empty box arrives as no field at all: the policy's default, except "closes after" (never) and the
    # attempt limit (none).
    percent_per_period: Text = ""
    period: Text = ""
    rounding: Text = ""
    close_after_periods: Text = ""
    grace_minutes: Text = ""
    min_percent: Text = ""
    deduct_from: Text = ""
    max_attempts: Text = ""

    def policy(self) -> LatePolicy:
        fields = {name: getattr(self, name) for name in LatePolicy.model_fields if getattr(self, name) != ""}
        fields.setdefault("close_after_periods", None)  # left empty: submissions never close
        return validated(LatePolicy, "late policy, ", fields)

    def body(self) -> dict[str, Any]:
        """The settings as the API's JSON body has them; an empty attempt limit is no limit."""
        return {"title": self.title, "deadline": self.deadline, "attempts": self.attempts,
                "late_policy": self.policy(), "feedback": self.feedback,
                "max_attempts": self.max_attempts.strip() or None}


SettingsDep = Annotated[SettingsForm, Depends()]


def bank_by_homework() -> list[tuple[str, list[reference.Part]]]:
    return [(homework, list(parts)) for homework, parts in groupby(reference.all_parts(), key=lambda p: p.homework)]


@router.get("/courses/{course_id}/assignments/new", response_class=HTMLResponse)
def new_form(request: Request, course_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    course = get_course(course_id, session, visitor.caller)
    return page(request, "new_assignment.html", visitor=visitor, course=course, policy=LatePolicy(),
                zone=ZoneInfo(course.timezone), homeworks=bank_by_homework())


@router.post("/courses/{course_id}/assignments/new")
def create(
    course_id: ResourceId, session: SessionDep, visitor: VisitorDep, form: SettingsDep,
    question_id: Texts, points: Texts, include: Texts = [],  # noqa: B006 - FastAPI copies defaults
    csrf_token: CsrfField = "",
) -> Response:
    """POST /api/v1/courses/{id}/assignments from a form: the ticked bank parts, each with its points or the
    bank's."""
    check_csrf(visitor, csrf_token)
    course = get_course(course_id, session, visitor.caller)
    if len(question_id) != len(points):
        raise Invalid("points: one value per bank part")
    chosen = [{"question_id": qid, "points": number(text, f"points of {qid}") if text.strip() else None}
              for qid, text in zip(question_id, points, strict=True) if qid in include]
    if not chosen:
        raise Invalid("parts: tick at least one part of the bank")
    body = validated(AssignmentIn, "", form.body() | {"parts": chosen})
    assignment = assignments.create_assignment(session, course=course, assignment_in=body)
    return back_to(f"/dashboard/assignments/{assignment.id}?notice=created")


@router.get("/assignments/{assignment_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    assignment = get_assignment(assignment_id, session, visitor.caller)
    used = {part.question_id for part in assignment.parts}
    course = course_of(session, assignment)
    return page(request, "edit.html", visitor=visitor, assignment=assignment, policy=policy_of(assignment),
                course=course, zone=ZoneInfo(course.timezone), bank=bank_parts(assignment),
                addable=[part for part in reference.all_parts() if part.id not in used],
                extensions=editing.list_extensions(session, assignment),
                students=[row.student for row in gradebook.gradebook(session, assignment)])


@router.post("/assignments/{assignment_id}/edit")
def save(
    request: Request, assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep, form: SettingsDep,
    question_id: Texts, points: Texts,
    remove: Texts = [],  # noqa: B006 - FastAPI copies defaults
    add_question: Text = "", add_points: Text = "", csrf_token: CsrfField = "",
) -> Response:
    """PATCH /api/v1/assignments/{id} and its parts from a form, in one transaction and at most one regrade."""
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    if len(question_id) != len(points):
        raise Invalid("points: one value per part")
    patch = validated(AssignmentPatch, "", form.body())
    new_points = {qid: number(text, f"points of {qid}") for qid, text in zip(question_id, points, strict=True)}
    added = validated(PartIn, "new part, ", {
        "question_id": add_question, "points": number(add_points, "points of the new part") if add_points else None,
    }) if add_question else None
    job = editing.edit_assignment(session, assignment=assignment, patch=patch, by=visitor.caller.label,
                                  points={q: p for q, p in new_points.items() if q not in remove},
                                  removed=remove, added=added, no_attempt_limit=patch.max_attempts is None)
    return follow(request, session, job, f"/dashboard/assignments/{assignment.id}?notice={'edited' if job else 'saved'}")


@router.post("/assignments/{assignment_id}/extensions")
def put_extension(
    assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep, pool: PoolDep,
    student: Annotated[StudentId, Form()],
    deadline: Annotated[str, Form(max_length=40)] = "", remove: Annotated[bool, Form()] = False,
    csrf_token: CsrfField = "",
) -> Response:
    """PUT or DELETE /api/v1/assignments/{id}/extensions/{student} from a form: any student, submitted or not."""
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    student = student.strip()
    if remove:
        regraded = editing.remove_extension(session, pool, assignment=assignment, student=student,
                                            by=visitor.caller.label)
    elif deadline:
        _, regraded = editing.set_extension(session, pool, assignment=assignment, student=student,
                                            deadline=deadline, by=visitor.caller.label)
    else:
        raise Invalid("deadline: choose the student's new deadline")
    notice = "extension-removed" if remove else "extension"
    return back_to(f"/dashboard/assignments/{assignment.id}/edit?notice={notice}&changed={regraded.changed}"
                   "#extensions")


@router.post("/assignments/{assignment_id}/release")
def release(assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep, csrf_token: CsrfField = "") -> Response:
    """POST /api/v1/assignments/{id}/release from a button: students of an 'on_release' assignment see results."""
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    assignments.release_results(session, assignment=assignment)
    return back_to(f"/dashboard/assignments/{assignment.id}?notice=released")
