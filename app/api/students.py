from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel

from app.api.deps import CourseDep, StaffOrLmsDep
from app.api.json_body import JSONBodyRoute
from app.api.responses import RESOURCE
from app.dashboard import student_pass
from app.schemas import StudentId

router = APIRouter(prefix="/api/v1/courses", tags=["students"], responses=RESOURCE,
                   route_class=JSONBodyRoute)


class StudentLinkOut(BaseModel):
    url: str
    expires_at: datetime


@router.post("/{course_id}/students/{student}/link", response_model=StudentLinkOut)
def student_link(
    course: CourseDep,
    caller: StaffOrLmsDep,
    request: Request,
    student: Annotated[StudentId, Path()],
    hours: Annotated[int, Query(ge=1, le=24 * 14, description="How long the link works.")] = 24,
) -> StudentLinkOut:
    """A signed link that opens the student page for this student and course, no token needed (for the LMS)."""
    path, expires_at = student_pass.make_link(request.app.state.settings, student=student, course_id=course.id,
                                              hours=hours)
    return StudentLinkOut(url=str(request.base_url).rstrip("/") + path, expires_at=expires_at)
