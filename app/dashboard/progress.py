"""After a dashboard form that enqueued a job (a regrade): show the job's progress, then the page the form came
from with what the job did. A small job is waited for here, so the page comes back as before; a long one goes to
its progress page (app.dashboard.jobs)."""

from urllib.parse import urlencode

from fastapi import Request, status
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from app import jobs
from app.db import release
from app.models import Job

# How long a form waits for its job before it shows the progress page instead (a class's regrade usually takes
# less; one of 100,000 answers does not).
QUICK = 10.0


def result_url(then: str, job: Job) -> str:
    """`then` with the job's counts (`changed`, `of`) for its notice."""
    result = job.result or {}
    counts = {"changed": result.get("changed", 0), "of": result.get("submissions", 0)}
    return f"{then}{'&' if '?' in then else '?'}{urlencode(counts)}"


def follow(request: Request, session: Session, job: Job | None, then: str) -> RedirectResponse:
    """Commit the form's change with its job; go to `then` once the job is done, or to its progress page."""
    if job is None:
        return RedirectResponse(then, status_code=status.HTTP_303_SEE_OTHER)
    release(session)
    job = jobs.wait_for(request.app.state.sessions, job.id, timeout=QUICK)
    if job.status == jobs.DONE:
        return RedirectResponse(result_url(then, job), status_code=status.HTTP_303_SEE_OTHER)
    return RedirectResponse(f"/dashboard/jobs/{job.id}?{urlencode({'then': then})}",
                            status_code=status.HTTP_303_SEE_OTHER)
