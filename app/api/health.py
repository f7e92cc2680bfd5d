"""Liveness, readiness and Prometheus metrics for operators (no token: put /metrics behind the network's edge)."""

from typing import Any, Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import text

from app import metrics
from app.api.deps import SessionDep
from app.jobs import oldest_due_seconds, queue_depth

router = APIRouter(tags=["health"])


class ReadinessOut(BaseModel):
    status: Literal["ready", "not ready"]
    database: str = Field(description='"ok", or "unreachable: <error class>".')
    # The queue's two figures are absent when the database does not answer.
    queue_depth: int | None = Field(default=None, description="Jobs queued or running.")
    queue_oldest_due_seconds: float | None = Field(default=None, description="How long the oldest due job has waited.")
    grading_workers: int
    grading_warm: bool
    runs_jobs: bool


READINESS: dict[int | str, dict[str, Any]] = {
    200: {"model": ReadinessOut, "description": "Ready: the database answers and a grading worker has warmed up."},
    503: {"model": ReadinessOut, "description": "Not ready: the grading workers are still warming up, or the "
                                                 "database does not answer."},
}


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """Liveness: answers without a token."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None, responses=READINESS)
def readyz(request: Request, session: SessionDep) -> JSONResponse:
    """Readiness: the database answers and a grading worker has warmed up; 503 otherwise. Also the queue's depth."""
    checks: dict[str, object] = {}
    try:
        session.execute(text("select 1"))
        checks["database"] = "ok"
        checks["queue_depth"] = queue_depth(session)
        checks["queue_oldest_due_seconds"] = oldest_due_seconds(session)
    except Exception as error:
        checks["database"] = f"unreachable: {type(error).__name__}"
    pool = request.app.state.grading_pool
    checks["grading_workers"] = pool.workers if pool.alive() else 0
    checks["grading_warm"] = pool.warm()
    checks["runs_jobs"] = request.app.state.settings.runs_jobs()
    ready = checks["database"] == "ok" and pool.alive() and pool.warm()
    body = ReadinessOut.model_validate({"status": "ready" if ready else "not ready", **checks})
    return JSONResponse(body.model_dump(exclude_none=True), status_code=200 if ready else 503)


@router.get("/metrics", include_in_schema=False)
def prometheus(session: SessionDep) -> Response:
    return Response(metrics.exposition(session), media_type=metrics.CONTENT_TYPE)
