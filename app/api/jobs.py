"""Queued jobs: a regrade answered with 202 is followed here until it is done; without `Prefer: respond-async` a
request that enqueued one waits for it and answers with its result."""

import math
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app import jobs
from app.api.deps import ResourceId, SessionDep, StaffDep, get_assignment
from app.api.json_body import JSONBodyRoute
from app.api.responses import RESOURCE
from app.db import release
from app.errors import Forbidden, NotFound
from app.models import Job, utcnow
from app.security import Caller, Role

router = APIRouter(prefix="/api/v1/jobs", tags=["jobs"], responses=RESOURCE, route_class=JSONBodyRoute)


class JobOut(BaseModel):
    id: int
    task: str
    status: str
    done: int
    total: int | None
    attempts: int
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    url: str

    @classmethod
    def of(cls, job: Job) -> "JobOut":
        fields = {name: getattr(job, name) for name in cls.model_fields if name != "url"}
        return cls(**fields, url=f"/api/v1/jobs/{job.id}")


@router.get("/{job_id}", response_model=JobOut)
def get_job(job_id: ResourceId, session: SessionDep, caller: StaffDep) -> JobOut:
    """A job's status and progress (`done` of `total` submissions for a regrade)."""
    return JobOut.of(visible_job(session, caller, job_id))


def visible_job(session: Session, caller: Caller, job_id: int) -> Job:
    """The job, if it belongs to an assignment the caller may see (jobs of no assignment: admins only)."""
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"job {job_id} does not exist")
    if "assignment_id" in job.args:
        get_assignment(job.args["assignment_id"], session, caller)
    elif caller.role is not Role.admin:
        raise Forbidden(f"job {job_id} belongs to no assignment of yours")
    return job


# Seconds between two polls of a job that is queued or running (the dashboard's page without script refreshes as often).
POLL_SECONDS = 2
Prefer = Annotated[str | None, Header(description="`respond-async`: answer 202 with the job instead of waiting.")]
ACCEPTED: dict[int | str, dict[str, Any]] = {202: {
    "model": JobOut,
    "description": "With `Prefer: respond-async`, or when the job is not done after the server's longest wait: the "
                   "queued job, to follow at its `url` (`GET /api/v1/jobs/{job_id}`).",
    "headers": {
        "Location": {"description": "The job's URL.", "schema": {"type": "string"}},
        "Retry-After": {"description": f"Seconds before the job is worth polling: {POLL_SECONDS}, or until a failed "
                                       "attempt's retry if that is later.", "schema": {"type": "integer"}},
        "Preference-Applied": {"description": "`respond-async` when the request asked for it.",
                               "schema": {"type": "string"}},
    },
}}
# A client that did not ask for 202 gets it anyway after this long, rather than a proxy's timeout.
SYNC_WAIT = 300.0


def accepted(job: Job, *, applied: bool = True) -> JSONResponse:
    headers = {"Location": f"/api/v1/jobs/{job.id}", "Retry-After": str(retry_after(job))} \
        | ({"Preference-Applied": "respond-async"} if applied else {})
    return JSONResponse(JobOut.of(job).model_dump(mode="json"), status_code=202, headers=headers)


def retry_after(job: Job) -> int:
    """POLL_SECONDS, or the seconds until the job runs again when a failed attempt's back-off ends later: polling
    before then shows nothing new."""
    due = (job.run_after - utcnow()).total_seconds() if job.status == jobs.QUEUED else 0.0
    return max(POLL_SECONDS, math.ceil(due))


def outcome(request: Request, session: Session, job: Job, prefer: str | None) -> dict[str, Any] | JSONResponse:
    """The job's result, or 202 with the job when the client prefers not to wait (or it is not done after
    SYNC_WAIT). Waiting, the request's change is committed first (with the job), so that a worker sees it.

    The change is stored whatever becomes of its job, so the answer is never an error: a job that failed an
    attempt is retried by the queue, and one not done in time (or failed for good) is handed over as 202 with
    the job, whose `status` and `error` say the rest."""
    if prefer is not None and "respond-async" in prefer.lower():
        session.flush()
        return accepted(job)
    release(session)
    job = jobs.wait_for(request.app.state.sessions, job.id, timeout=SYNC_WAIT)
    if job.status == jobs.DONE and job.result is not None:
        return job.result
    return accepted(job, applied=False)
