"""A queued job's progress page: a bar that a small script keeps up to date from the job's JSON (without
JavaScript the page refreshes itself); once the job is done it goes on to the page the form came from."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app import jobs
from app.api.deps import ResourceId, SessionDep
from app.api.jobs import visible_job
from app.dashboard.progress import result_url
from app.dashboard.routes import VisitorDep, back_to
from app.dashboard.templating import page
from app.errors import Invalid

router = APIRouter(prefix="/dashboard", include_in_schema=False)
Then = Annotated[str, Query(max_length=500)]


def dashboard_path(then: str) -> str:
    """Only a path of this dashboard, so that a crafted link cannot send the visitor elsewhere."""
    if not then.startswith("/dashboard/") or "//" in then or "\\" in then:
        raise Invalid("then: a /dashboard/ path")
    return then


@router.get("/jobs/{job_id}/progress.json")
def job_progress(job_id: ResourceId, session: SessionDep, visitor: VisitorDep) -> dict[str, Any]:
    job = visible_job(session, visitor.caller, job_id)
    return {"status": job.status, "done": job.done, "total": job.total, "error": job.error}


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: ResourceId, session: SessionDep, visitor: VisitorDep,
             then: Then = "/dashboard") -> Response:
    job = visible_job(session, visitor.caller, job_id)
    then = dashboard_path(then) if then != "/dashboard" else then
    if job.status == jobs.DONE:
        return back_to(result_url(then, job))
    return page(request, "job.html", visitor=visitor, job=job, then=then, failed=job.status == jobs.FAILED)
