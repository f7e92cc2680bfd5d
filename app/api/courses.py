from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response, status

from app.api.deps import CallerDep, CourseDep, SessionDep, StaffOrLmsDep
from app.api.json_body import JSONBodyRoute
from app.api.pagination import PageDep, from_cursor, one_page
from app.api.responses import RESOURCE, errors
from app.schemas import AssignmentIn, AssignmentOut, CourseIn, CourseOut
from app.security import Role
from app.services import assignments, course_gradebook, courses
from app.services.course_gradebook import CourseGradebookRow

router = APIRouter(prefix="/api/v1/courses", tags=["courses"], responses=RESOURCE,
                   route_class=JSONBodyRoute)


@router.get("", response_model=list[CourseOut])
def list_courses(session: SessionDep, caller: CallerDep, page: PageDep, request: Request,
                 response: Response) -> list[CourseOut]:
    """The courses the caller may see (by code; by id when paginated with `limit` and `cursor`)."""
    found = courses.list_courses(session, role=caller.role, course_id=caller.course_id)
    if page.limit is not None or page.after:
        found = one_page(from_cursor(found, page), page, request, response)
    return [CourseOut.model_validate(course) for course in found]


@router.post("", response_model=CourseOut, status_code=status.HTTP_201_CREATED, responses=errors(409))
def create_course(course_in: CourseIn, session: SessionDep, caller: CallerDep) -> CourseOut:
    """Create a course (admin)."""
    caller.require(Role.admin)
    return CourseOut.model_validate(courses.create_course(session, course_in=course_in))


@router.get("/{course_id}/assignments", response_model=list[AssignmentOut])
def list_assignments(course: CourseDep, session: SessionDep, page: PageDep, request: Request,
                     response: Response) -> list[AssignmentOut]:
    """The course's assignments, oldest first; paginated with `limit` and `cursor`."""
    found = one_page(from_cursor(assignments.list_assignments(session, course=course), page), page, request, response)
    return [assignments.to_out(a) for a in found]


@router.post("/{course_id}/assignments", response_model=AssignmentOut, status_code=status.HTTP_201_CREATED)
def create_assignment(
    assignment_in: AssignmentIn, course: CourseDep, session: SessionDep, caller: StaffOrLmsDep
) -> AssignmentOut:
    """Create an assignment from bank parts (admin, instructor, lms)."""
    return assignments.to_out(assignments.create_assignment(session, course=course, assignment_in=assignment_in))


@router.get(
    "/{course_id}/gradebook",
    response_model=list[CourseGradebookRow],
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with `Accept: text/csv` or `?format=csv`."}},
)
def get_course_gradebook(
    course: CourseDep, session: SessionDep, caller: StaffOrLmsDep, request: Request,
    format: Annotated[Literal["json", "csv"] | None, Query(description="`csv`: the same as `Accept: text/csv`.")] = None,
) -> list[CourseGradebookRow] | Response:
    """One row per student: the counted final score of every assignment of the course and the total."""
    assignments, rows = course_gradebook.course_gradebook(session, course)
    if format == "csv" or (format is None and "text/csv" in request.headers.get("accept", "")):
        return Response(course_gradebook.to_csv(assignments, rows), media_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{course.code}-gradebook.csv"'})
    return rows
