"""Dashboard pages for instructors and admins: course → assignment overview → clusters, submissions, manual queue.

Pages read the same services as the JSON API. Forms that change anything carry the session's CSRF token.
"""

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

import reference
from app.api.deps import PoolDep, ResourceId, SessionDep, caller_from_token, get_assignment, get_course, get_submission
from app.config import Settings
from app.dashboard import charts
from app.dashboard import session as cookie
from app.dashboard.explain import late_arithmetic
from app.dashboard.progress import follow
from app.dashboard.templating import page
from app.errors import Forbidden
from app.late_policy import closes_at
from app.models import ApiToken, Assignment, Course, Extension, PartStatus, RegradeRun, Submission
from app.schemas import MAX_ANSWER_LENGTH, NO_NUL
from app.security import Caller, Role, find_token
from app.services import course_gradebook, courses, gradebook, manual, regrade, stats, students, variants
from app.services.assignments import deadline_for, policy_of
from app.services.clusters import part_clusters
from app.services.mistakes import known_mistakes

STAFF = (Role.admin, Role.instructor)
router = APIRouter(prefix="/dashboard", include_in_schema=False)


@dataclass(frozen=True)
class Visitor:
    caller: Caller
    csrf: str


def refuse(role: str) -> Forbidden:
    return Forbidden(f"The dashboard is for instructors and admins only; a {role} token cannot open it.")


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def sign_in_url(request: Request) -> str:
    """The sign-in form, remembering the page asked for so that signing in lands there."""
    asked = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/dashboard" if asked == "/dashboard" else f"/dashboard?{urlencode({'next': asked})}"


def safe_next(target: str | None) -> str:
    """A dashboard path on this site, or the course list: never another origin (`//evil`, `/\\evil`, `https:`)."""
    if not target or not target.startswith("/dashboard") or "\\" in target or any(c < " " for c in target):
        return "/dashboard"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not (parts.path == "/dashboard" or parts.path.startswith("/dashboard/")):
        return "/dashboard"
    return target


def get_visitor(request: Request, session: SessionDep) -> Visitor:
    """The signed-in instructor or admin; anyone else is sent to the sign-in form or refused."""
    bearer = request.headers.get("authorization", "")
    if bearer.lower().startswith("bearer "):
        caller = caller_from_token(session, bearer[7:].strip())
        if caller.role not in STAFF:
            raise refuse(caller.role)
    signed_in = cookie.read(session, request, settings_of(request))
    token = session.get(ApiToken, signed_in.token_id) if signed_in else None
    if signed_in is None or token is None:
        raise HTTPException(status.HTTP_303_SEE_OTHER, "sign in first", headers={"Location": sign_in_url(request)})
    if Role(token.role) not in STAFF:
        raise refuse(token.role)
    return Visitor(Caller(token.id, Role(token.role), token.course_id, token.student, token.name), signed_in.csrf)


VisitorDep = Annotated[Visitor, Depends(get_visitor)]


def check_csrf(visitor: Visitor, submitted: str) -> None:
    if not cookie.csrf_matches(visitor.csrf, submitted):
        raise Forbidden("This form's CSRF token is missing or out of date; reload the page and try again.")


CsrfField = Annotated[str, Form(alias="csrf_token", max_length=200)]


def back_to(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


def bank_parts(assignment: Assignment) -> dict[str, reference.Part]:
    return {part.question_id: reference.get_part(part.question_id) for part in assignment.parts}


def course_of(session: SessionDep, assignment: Assignment) -> Course:
    return session.get_one(Course, assignment.course_id)


@router.get("", response_class=HTMLResponse)
def index(request: Request, session: SessionDep) -> Response:
    """The sign-in form, or the courses of the signed-in instructor."""
    try:
        visitor = get_visitor(request, session)
    except HTTPException:
        return page(request, "sign_in.html", next=safe_next(request.query_params.get("next")))
    found = courses.list_courses(session, role=visitor.caller.role, course_id=visitor.caller.course_id)
    return page(request, "courses.html", visitor=visitor, courses=found)


@router.post("/sign-in")
def sign_in(request: Request, session: SessionDep, token: Annotated[str, Form(max_length=200)],
            next: Annotated[str, Query(max_length=2000)] = "/dashboard") -> Response:
    """Exchange an API token for a session cookie (instructors and admins only), then go where the visitor asked."""
    if cookie.cross_site(request):
        return page(request, "denied.html", status.HTTP_403_FORBIDDEN,
                    message="Sign in from this site's own sign-in form; a form on another site cannot sign you in.")
    found = find_token(session, token.strip())
    if found is None:
        return page(request, "sign_in.html", status.HTTP_401_UNAUTHORIZED, error="Unknown or revoked token.",
                    next=safe_next(next))
    if Role(found.role) not in STAFF:
        return page(request, "denied.html", status.HTTP_403_FORBIDDEN, message=refuse(found.role).detail)
    response = back_to(safe_next(next))
    cookie.start(session, response, settings_of(request), found.id, secure=request.url.scheme == "https")
    return response


@router.post("/sign-out")
def sign_out(request: Request, session: SessionDep, visitor: VisitorDep, csrf_token: CsrfField = "") -> Response:
    check_csrf(visitor, csrf_token)
    response = back_to("/dashboard")
    cookie.end(session, request, response, settings_of(request))
    return response


@router.get("/courses/{course_id}", response_class=HTMLResponse)
def course_page(request: Request, course_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    course = get_course(course_id, session, visitor.caller)
    assignments, rows = course_gradebook.course_gradebook(session, course)
    return page(request, "course.html", visitor=visitor, course=course, assignments=assignments, rows=rows)


@router.get("/assignments/{assignment_id}", response_class=HTMLResponse)
def assignment_page(request: Request, assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    """Gradebook, score distribution, submission times against deadline and close, item analysis."""
    assignment = get_assignment(assignment_id, session, visitor.caller)
    course = course_of(session, assignment)
    zone = ZoneInfo(course.timezone)
    rows = gradebook.gradebook(session, assignment)
    times = list(session.scalars(select(Submission.submitted_at).where(Submission.assignment_id == assignment.id)))
    marks = {"deadline": assignment.deadline, "closes": closes_at(policy_of(assignment), assignment.deadline)}
    return page(
        request, "assignment.html", visitor=visitor, course=course, assignment=assignment, rows=rows, zone=zone,
        bank=bank_parts(assignment),
        bars=charts.histogram([100 * r.final_score / r.max_score if r.max_score else 0
                               for r in rows if r.final_score is not None]),
        timeline=charts.timeline([t.astimezone(zone) for t in times],
                                 {k: v.astimezone(zone) if v else None for k, v in marks.items()}) if times else None,
        stats=stats.assignment_stats(session, None, assignment), charts=charts,
        waiting=len(manual.queue(session, assignment)), provisional=sum(row.provisional for row in rows),
        last_regrade=session.scalar(select(RegradeRun).where(RegradeRun.assignment_id == assignment.id)
                                    .order_by(RegradeRun.id.desc()).limit(1)),
    )


@router.get("/assignments/{assignment_id}/gradebook.csv")
def gradebook_csv(assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    assignment = get_assignment(assignment_id, session, visitor.caller)
    return Response(gradebook.to_csv(assignment, gradebook.gradebook(session, assignment, with_parts=True)), media_type="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="assignment-{assignment.id}-gradebook.csv"'})


@router.get("/assignments/{assignment_id}/clusters/{question_id:path}", response_class=HTMLResponse)
def clusters_page(request: Request, assignment_id: ResourceId, question_id: str, session: SessionDep, visitor: VisitorDep,
                  pool: PoolDep) -> Response:
    """The part's wrong answers grouped by equivalence, with "add as a known mistake"."""
    assignment = get_assignment(assignment_id, session, visitor.caller)
    part = manual.assignment_part(assignment, question_id)
    return page(request, "clusters.html", visitor=visitor, assignment=assignment, part=part,
                bank=reference.get_part(question_id), clusters=part_clusters(session, pool, assignment, part),
                mistakes=known_mistakes(assignment, question_id))


@router.post("/assignments/{assignment_id}/mistakes/{question_id:path}")
def add_mistake(
    request: Request, assignment_id: ResourceId, question_id: str, session: SessionDep, visitor: VisitorDep,
    pool: PoolDep,
    answer: Annotated[str, Form(min_length=1, max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)],
    feedback: Annotated[str, Form(min_length=1, max_length=2000, pattern=NO_NUL)],
    credit: Annotated[float, Form(ge=0, le=100, allow_inf_nan=False)] = 0.0, csrf_token: CsrfField = "",
    values: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    mistake = {"answer": answer, "feedback": feedback, "score": credit / 100}
    if found := variants.form_values(values):
        mistake["values"] = found
    job = regrade.add_known_mistake(session, pool, assignment=assignment, question_id=question_id,
                                    by=visitor.caller.label, mistake=mistake)
    return follow(request, session, job,
                  f"/dashboard/assignments/{assignment.id}/clusters/{question_id}?notice=mistake-saved")


@router.get("/submissions/{submission_id}", response_class=HTMLResponse)
def submission_page(request: Request, submission_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    """Every part as received and as the grader read it, the late-policy arithmetic, the score history."""
    submission = get_submission(submission_id, session, visitor.caller)
    assignment = session.get_one(Assignment, submission.assignment_id)
    zone = ZoneInfo(course_of(session, assignment).timezone)
    deadline = deadline_for(session, assignment, submission.student)
    return page(request, "submission.html", visitor=visitor, submission=submission, assignment=assignment, zone=zone,
                bank=bank_parts(assignment), versions=variants.versions(submission),
                waiting=sum(part.correct is None and part.status != PartStatus.pending for part in submission.parts),
                attempts=students.submissions_of(session, assignment, submission.student),
                extension=session.scalar(select(Extension.deadline).where(
                    Extension.assignment_id == assignment.id, Extension.student == submission.student)),
                counted=students.counted_id(session, assignment, submission.student),
                arithmetic=late_arithmetic(policy_of(assignment), deadline, submission, zone))


@router.post("/submissions/{submission_id}/grade/{question_id:path}")
def grade_part(
    submission_id: ResourceId, question_id: str, session: SessionDep, visitor: VisitorDep,
    score: Annotated[float, Form(ge=0, allow_inf_nan=False)], comment: Annotated[str, Form(max_length=5000, pattern=NO_NUL)] = "",
    back: Annotated[str, Form(max_length=20)] = "submission", csrf_token: CsrfField = "",
) -> Response:
    check_csrf(visitor, csrf_token)
    submission = get_submission(submission_id, session, visitor.caller)
    manual.grade_by_hand(session, submission=submission, question_id=question_id, score=score, comment=comment,
                         caller=visitor.caller)
    if back == "queue":
        return back_to(f"/dashboard/assignments/{submission.assignment_id}/manual?notice=grade")
    return back_to(f"/dashboard/submissions/{submission.id}?notice=grade")


@router.get("/courses/{course_id}/gradebook.csv")
def course_gradebook_csv(course_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> Response:
    course = get_course(course_id, session, visitor.caller)
    return Response(course_gradebook.to_csv(*course_gradebook.course_gradebook(session, course)), media_type="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{course.code}-gradebook.csv"'})
