"""Prometheus metrics: grade latency per kind, answers stopped at their limit, unfinished grades, requests.

Pending parts and the queue depth are read from the database when /metrics is scraped, so every replica
reports the same figures for them. The grade figures are this process's own (scrape every replica and worker): an
API process counts the grades of its requests and of the jobs it runs itself (GRADER_RUN_JOBS); a `grader worker`
counts its jobs' grades and serves them on its own port (`--metrics-port`, GRADER_WORKER_METRICS_PORT).
"""

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    start_http_server,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.jobs import queue_depth
from app.models import PartResult, PartStatus
from graders.pool import Outcome, Unfinished, was_stopped

GRADES = CollectorRegistry()  # what every process that grades has: served by the API and by a worker
REGISTRY = CollectorRegistry()  # what only the API has
GRADE_SECONDS = Histogram(
    "grader_grade_seconds", "Seconds to grade an answer, per answer kind: from scheduling to outcome for a single "
    "grade, the answer's own time in the grading worker for each answer of a regrade's batch", ["kind"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30), registry=GRADES,
)
GRADE_TIMEOUTS = Counter(
    "grader_grade_timeouts_total", "Answers stopped at their CPU-time limit (graded wrong)", ["kind"], registry=GRADES,
)
GRADE_UNFINISHED = Counter(
    "grader_grade_unfinished_total", "Grades that did not finish for our reasons after a retry (stored pending)",
    ["kind"], registry=GRADES,
)
REQUESTS = Counter("grader_http_requests_total", "HTTP requests by method and status", ["method", "status"],
                   registry=REGISTRY)
PENDING_PARTS = Gauge("grader_pending_parts", "Stored part results waiting to be graded", registry=REGISTRY)
QUEUE_DEPTH = Gauge("grader_queue_depth", "Jobs waiting or running in the task queue", registry=REGISTRY)

CONTENT_TYPE = CONTENT_TYPE_LATEST


def observe_grade(kind: str, seconds: float, outcome: Outcome) -> None:
    GRADE_SECONDS.labels(kind).observe(seconds)
    if isinstance(outcome, Unfinished):
        GRADE_UNFINISHED.labels(kind).inc()
    elif was_stopped(outcome):
        GRADE_TIMEOUTS.labels(kind).inc()


def observe_request(method: str, status: int) -> None:
    REQUESTS.labels(method, str(status)).inc()


def exposition(session: Session) -> bytes:
    PENDING_PARTS.set(session.scalar(select(func.count()).where(PartResult.status == PartStatus.pending)) or 0)
    QUEUE_DEPTH.set(queue_depth(session))
    return generate_latest(GRADES) + generate_latest(REGISTRY)


def serve_grades(port: int, address: str = "0.0.0.0") -> None:
    """Serve this process's grade figures for Prometheus on `port`, in a thread (a `grader worker`'s)."""
    start_http_server(port, address, registry=GRADES)
