"""Request dependencies: the DB session, the caller's identity, role guards and resource loaders.

Loaders do the 404 and the cross-course 403 once, so handlers never repeat them.
"""

from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import or_, update
from sqlalchemy.orm import Session
from starlette.convertors import PathConvertor, register_url_convertor

from app.db import get_session
from app.errors import Forbidden, NotFound
from app.limits import Gate
from app.models import ApiToken, Assignment, Course, Submission, utcnow
from app.security import Caller, Role, find_token, hash_token
from app.services import audit
from graders import GradingPool

# Function scope: the unit of work commits before the response is sent, so a 201 means stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

# Ids are 32-bit integer keys: a larger number names nothing, and must be a 404/422, not a database overflow.
ResourceId = Annotated[int, Path(ge=1, le=2_147_483_647)]


class PartIdConvertor(PathConvertor):
    """`{question_id:part_id}`: a bank part's id, `<homework>/<question>/<part>` (`reference.packages.ID`). At most
    three segments are the id's, so `.../parts/<id>/mistakes` is never read as a part `<id>/mistakes` of an operation
    the known-mistake path lacks (that is a 405); a shorter, unknown id still reaches the 404 that names it."""

    regex = "[^/]+(?:/[^/]+){0,2}"


register_url_convertor("part_id", PartIdConvertor())
QuestionId = Annotated[str, Path(min_length=1, max_length=200)]


_bearer = HTTPBearer(auto_error=False, description="An API token from `grader token create`.")


class Unauthorized(Exception):
    """401: no token, or one we do not know."""


def caller_from_token(session: Session, secret: str | None) -> Caller:
    if not secret:
        raise Unauthorized("missing bearer token: send 'Authorization: Bearer <token>'")
    token = find_token(session, secret)
    if token is None:
        raise Unauthorized("unknown or revoked token")
    caller = Caller(token.id, Role(token.role), token.course_id, token.student, token.name)
    now = utcnow()
    # Record use at most once a minute per token, so reads do not turn into writes on every request; the
    # condition is in the statement, so two concurrent requests record it once. The request's unit of work commits.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        touched = session.execute(
            update(ApiToken)
            .where(ApiToken.id == token.id,
                   or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at < now - timedelta(minutes=1)))
            .values(last_used_at=now)
            .execution_options(synchronize_session=False)
        )
        if touched.rowcount:  # type: ignore[attr-defined]
            audit.record(session, "token.used", caller=caller, course_id=token.course_id)
    return caller


def get_caller(
    request: Request, session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    secret = credentials.credentials if credentials else ""
    caller = caller_from_token(session, secret)
    # Keyed by the token's stored hash, not its row id: unique in a Redis that several deployments share.
    request.app.state.rate_limit.hit(hash_token(secret))
    return caller


CallerDep = Annotated[Caller, Depends(get_caller)]


def get_staff(caller: CallerDep) -> Caller:
    caller.require(Role.admin, Role.instructor)
    return caller


def get_staff_or_lms(caller: CallerDep) -> Caller:
    caller.require(Role.admin, Role.instructor, Role.lms)
    return caller


StaffDep = Annotated[Caller, Depends(get_staff)]
StaffOrLmsDep = Annotated[Caller, Depends(get_staff_or_lms)]


def get_course(course_id: ResourceId, session: SessionDep, caller: CallerDep) -> Course:
    course = session.get(Course, course_id)
    if course is None:
        raise NotFound(f"course {course_id} does not exist")
    if not caller.can_see_course(course.id):
        raise Forbidden(f"your token is not for course {course_id}")
    return course


def get_assignment(assignment_id: ResourceId, session: SessionDep, caller: CallerDep) -> Assignment:
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFound(f"assignment {assignment_id} does not exist")
    if not caller.can_see_course(assignment.course_id):
        raise Forbidden(f"your token is not for the course of assignment {assignment_id}")
    return assignment


def get_submission(submission_id: ResourceId, session: SessionDep, caller: CallerDep) -> Submission:
    submission = session.get(Submission, submission_id)
    if submission is None:
        raise NotFound(f"submission {submission_id} does not exist")
    get_assignment(submission.assignment_id, session, caller)
    if caller.role is Role.student and submission.student != caller.student:
        raise Forbidden("a student token sees only its own submissions")
    return submission


CourseDep = Annotated[Course, Depends(get_course)]
AssignmentDep = Annotated[Assignment, Depends(get_assignment)]
SubmissionDep = Annotated[Submission, Depends(get_submission)]


def get_pool(request: Request) -> GradingPool:
    return request.app.state.grading_pool


PoolDep = Annotated[GradingPool, Depends(get_pool)]


def get_gate(request: Request) -> Gate:
    return request.app.state.gate


GateDep = Annotated[Gate, Depends(get_gate)]
