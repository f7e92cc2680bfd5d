"""Queued jobs: a regrade answered with 202 is followed here until it is done."""

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from app.api.deps import ResourceId, SessionDep, StaffDep, get_assignment
from app.api.responses import RESOURCE
from app.errors import Forbidden, NotFound
from app.models import Job
from app.security import Role

router = APIRouter(prefix="/api/v1/jobs", tags=["jobs"], responses=RESOURCE)


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
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"job {job_id} does not exist")
    if "assignment_id" in job.args:
        get_assignment(job.args["assignment_id"], session, caller)
    elif caller.role is not Role.admin:
        raise Forbidden(f"job {job_id} belongs to no assignment of yours")
    return JobOut.of(job)
