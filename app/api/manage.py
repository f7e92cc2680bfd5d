"""Editing what exists: courses, assignments, their parts and extensions (PATCH and DELETE). Edits that can change
a score regrade, and the response says how many submissions changed."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from app.api.deps import AssignmentDep, CallerDep, CourseDep, PoolDep, QuestionId, SessionDep, StaffDep, StaffOrLmsDep
from app.api.jobs import ACCEPTED, Prefer, outcome
from app.api.json_body import JSONBodyRoute
from app.api.responses import RESOURCE, errors
from app.models import Assignment, Job
from app.schemas import (
    MAX_ANSWER_LENGTH,
    NO_NUL,
    AssignmentEditOut,
    AssignmentPatch,
    CourseOut,
    CoursePatch,
    ExtensionOut,
    PartIn,
    PointsIn,
    RegradedOut,
)
from app.security import Role
from app.services import editing, mistakes
from app.services.assignments import to_out
from app.services.mistakes import KnownMistakeOut

router = APIRouter(prefix="/api/v1", tags=["manage"], responses=RESOURCE, route_class=JSONBodyRoute)

Student = Annotated[str, Path(min_length=1, max_length=200, pattern=NO_NUL)]


def edited(request: Request, session: Session, assignment: Assignment, job: Job | None,
           prefer: str | None) -> AssignmentEditOut | JSONResponse:
    """The assignment as edited, with the regrade the edit caused once it is done (or 202 with its job)."""
    done = outcome(request, session, job, prefer) if job is not None else None
    if isinstance(done, JSONResponse):
        return done
    regrade = RegradedOut.model_validate(done) if done is not None else None
    return AssignmentEditOut(**to_out(assignment).model_dump(), regrade=regrade)


@router.patch("/courses/{course_id}", response_model=CourseOut, tags=["courses"], responses=errors(409))
def patch_course(patch: CoursePatch, course: CourseDep, session: SessionDep, caller: CallerDep) -> CourseOut:
    """Rename a course or change its code or time zone (admin, or an instructor of the course)."""
    caller.require(Role.admin, Role.instructor)
    return CourseOut.model_validate(editing.edit_course(session, course=course, patch=patch))


@router.delete("/courses/{course_id}", status_code=status.HTTP_204_NO_CONTENT, tags=["courses"])
def delete_course(course: CourseDep, session: SessionDep, caller: CallerDep) -> Response:
    """Delete a course with its assignments, submissions and tokens (admin)."""
    caller.require(Role.admin)
    editing.delete_course(session, course=course, by=caller.label)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.patch("/assignments/{assignment_id}", response_model=AssignmentEditOut, tags=["assignments"],
               responses=ACCEPTED)
def patch_assignment(patch: AssignmentPatch, assignment: AssignmentDep, session: SessionDep, caller: StaffOrLmsDep,
                     request: Request, prefer: Prefer = None) -> AssignmentEditOut | JSONResponse:
    """Change title, deadline, late policy or attempts; a new deadline or late policy regrades (a queued job)."""
    job = editing.edit_assignment(session, assignment=assignment, patch=patch, by=caller.label)
    return edited(request, session, assignment, job, prefer)


@router.delete("/assignments/{assignment_id}", status_code=status.HTTP_204_NO_CONTENT, tags=["assignments"])
def delete_assignment(assignment: AssignmentDep, session: SessionDep, caller: StaffDep) -> Response:
    """Delete an assignment with its submissions (instructor, admin)."""
    editing.delete_assignment(session, assignment=assignment, by=caller.label)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/assignments/{assignment_id}/parts", response_model=AssignmentEditOut, tags=["assignments"],
             responses=errors(409) | ACCEPTED)
def add_part(part_in: PartIn, assignment: AssignmentDep, session: SessionDep, caller: StaffDep, request: Request,
             prefer: Prefer = None) -> AssignmentEditOut | JSONResponse:
    """Add a bank part at the end; earlier submissions score 0 on it."""
    job = editing.edit_assignment(session, assignment=assignment, patch=AssignmentPatch(), added=part_in,
                                  by=caller.label)
    return edited(request, session, assignment, job, prefer)


# The known-mistake routes come before the part routes: `{question_id:part_id}` would also match ".../mistakes".
@router.get("/assignments/{assignment_id}/parts/{question_id:part_id}/mistakes", response_model=list[KnownMistakeOut],
            response_model_exclude_none=True,
            tags=["grading"])
def list_mistakes(assignment: AssignmentDep, question_id: QuestionId, caller: StaffDep) -> list[KnownMistakeOut]:
    """The part's known mistakes: the bank's, then those added for this assignment (POST adds or replaces one)."""
    return mistakes.known_mistakes(assignment, question_id)


@router.delete("/assignments/{assignment_id}/parts/{question_id:part_id}/mistakes", response_model=RegradedOut,
               tags=["grading"], responses=ACCEPTED)
def delete_mistake(assignment: AssignmentDep, question_id: QuestionId, session: SessionDep, caller: StaffDep,
                   request: Request,
                   answer: Annotated[str, Query(min_length=1, max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)],
                   prefer: Prefer = None) -> RegradedOut | JSONResponse:
    """Delete a known mistake added for this assignment (by its answer) and regrade (a queued job)."""
    job = mistakes.remove_known_mistake(session, assignment=assignment, question_id=question_id, answer=answer,
                                        by=caller.label)
    done = outcome(request, session, job, prefer)
    return done if isinstance(done, JSONResponse) else RegradedOut.model_validate(done)


@router.patch("/assignments/{assignment_id}/parts/{question_id:part_id}", response_model=AssignmentEditOut,
              tags=["assignments"], responses=ACCEPTED)
def patch_part(points_in: PointsIn, assignment: AssignmentDep, question_id: QuestionId, session: SessionDep,
               caller: StaffDep, request: Request, prefer: Prefer = None) -> AssignmentEditOut | JSONResponse:
    """Change a part's points and regrade (scores an instructor gave by hand stay as given)."""
    job = editing.edit_assignment(session, assignment=assignment, patch=AssignmentPatch(),
                                  points={question_id: points_in.points}, by=caller.label)
    return edited(request, session, assignment, job, prefer)


@router.delete("/assignments/{assignment_id}/parts/{question_id:part_id}", response_model=AssignmentEditOut,
               tags=["assignments"], responses=ACCEPTED)
def delete_part(assignment: AssignmentDep, question_id: QuestionId, session: SessionDep, caller: StaffDep,
                request: Request, prefer: Prefer = None) -> AssignmentEditOut | JSONResponse:
    """Remove a part and every answer to it; the lost points are in each submission's history."""
    job = editing.edit_assignment(session, assignment=assignment, patch=AssignmentPatch(), removed=[question_id],
                                  by=caller.label)
    return edited(request, session, assignment, job, prefer)


@router.get("/assignments/{assignment_id}/extensions", response_model=list[ExtensionOut], tags=["assignments"])
def list_extensions(assignment: AssignmentDep, session: SessionDep, caller: StaffOrLmsDep) -> list[ExtensionOut]:
    """Every student's own deadline on this assignment."""
    return [ExtensionOut.model_validate(e) for e in editing.list_extensions(session, assignment)]


@router.delete("/assignments/{assignment_id}/extensions/{student}", response_model=RegradedOut, tags=["assignments"])
def delete_extension(assignment: AssignmentDep, student: Student, session: SessionDep, caller: StaffOrLmsDep,
                     pool: PoolDep) -> RegradedOut:
    """Take a student's extension back; their submissions are reassessed against the assignment's deadline."""
    regraded = editing.remove_extension(session, pool, assignment=assignment, student=student, by=caller.label)
    return RegradedOut(submissions=regraded.submissions, changed=regraded.changed)
