"""The student page: a student's own submissions, each part as the grader read it, the score, the feedback and
the late-policy arithmetic. Server-rendered HTML that works without JavaScript (formulas then show as LaTeX)."""

from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import reference
from app.api.deps import ResourceId, SessionDep
from app.dashboard import session as cookie
from app.dashboard import student_pass
from app.dashboard.explain import late_arithmetic
from app.dashboard.student_pass import StudentPass
from app.dashboard.templating import page
from app.errors import Forbidden, NotFound
from app.models import ApiToken, Assignment, Course, Submission
from app.security import Role, find_token
from app.services import students, variants, visibility
from app.services.assignments import deadline_for, policy_of

router = APIRouter(prefix="/student", include_in_schema=False)


def get_student(request: Request, session: SessionDep) -> StudentPass:
    """The signed-in student; a revoked token ends its sessions at once."""
    visitor = student_pass.read(request, request.app.state.settings)
    if visitor is not None and visitor.token_id is not None and session.get(ApiToken, visitor.token_id) is None:
        visitor = None
    if visitor is None:
        raise HTTPException(status.HTTP_303_SEE_OTHER, "sign in first", headers={"Location": "/student"})
    return visitor


StudentDep = Annotated[StudentPass, Depends(get_student)]


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


@router.get("", response_class=HTMLResponse)
def home(request: Request, session: SessionDep) -> Response:
    """The sign-in form, or every assignment the student submitted to with their submissions."""
    try:
        visitor = get_student(request, session)
    except HTTPException:
        return page(request, "student/sign_in.html")
    return page(request, "student/home.html", student=visitor,
                work=students.work_of(session, visitor.student, visitor.course_id))


@router.post("/sign-in")
def sign_in(request: Request, session: SessionDep, token: Annotated[str, Form(max_length=200)]) -> Response:
    if cookie.cross_site(request):  # login CSRF: a form on another site must not sign a browser in
        return page(request, "student/sign_in.html", status.HTTP_403_FORBIDDEN,
                    error="Sign in from this site's own sign-in form; a form on another site cannot sign you in.")
    found = find_token(session, token.strip())
    if found is None:
        return page(request, "student/sign_in.html", status.HTTP_401_UNAUTHORIZED, error="Unknown or revoked token.")
    if Role(found.role) is not Role.student or not found.student:
        return page(request, "student/sign_in.html", status.HTTP_403_FORBIDDEN,
                    error=f"This page is for student tokens; a {found.role} token signs in on the dashboard.")
    response = see_other("/student")
    student_pass.start(response, request.app.state.settings,
                       StudentPass(student=found.student, course_id=found.course_id, token_id=found.id),
                       secure=request.url.scheme == "https")
    return response


@router.get("/link/{signed}")
def open_link(request: Request, signed: str) -> Response:
    """A signed link from the LMS: sign the student in and show their work."""
    visitor = student_pass.open_link(request.app.state.settings, signed)
    if visitor is None:
        raise Forbidden("This link is invalid or has expired; open it again from your course page.")
    response = see_other("/student")
    student_pass.start(response, request.app.state.settings, visitor, secure=request.url.scheme == "https")
    return response


@router.post("/sign-out")
def sign_out() -> Response:
    response = see_other("/student")
    student_pass.end(response)
    return response


def own_submission(session: SessionDep, submission_id: int, visitor: StudentPass) -> Submission:
    """The submission if it is the visitor's own (in the visitor's course); 404 otherwise, so ids reveal nothing."""
    submission = session.get(Submission, submission_id)
    assignment = session.get(Assignment, submission.assignment_id) if submission else None
    if (submission is None or assignment is None or submission.student != visitor.student
            or visitor.course_id not in (None, assignment.course_id)):
        raise NotFound(f"You have no submission {submission_id}.")
    return submission


@router.get("/submissions/{submission_id}", response_class=HTMLResponse)
def submission_page(request: Request, submission_id: ResourceId, session: SessionDep, visitor: StudentDep) -> Response:
    submission = own_submission(session, submission_id, visitor)
    assignment = session.get_one(Assignment, submission.assignment_id)
    zone = ZoneInfo(session.get_one(Course, assignment.course_id).timezone)
    deadline = deadline_for(session, assignment, submission.student)
    return page(request, "student/submission.html", student=visitor, submission=submission, assignment=assignment,
                zone=zone,  # each part as this student was asked it (their values, with per-student variants)
                bank={p.question_id: reference.get_part(p.question_id) for p in assignment.parts} | variants.versions(submission),
                counted=students.counted_id(session, assignment, submission.student),
                arithmetic=late_arithmetic(policy_of(assignment), deadline, submission, zone),
                withheld=visibility.for_student(session, assignment, submission.student))
