"""The task queue: bulk grading as rows of the `jobs` table, taken by `grader worker` processes or by the server.

Why a table of our own rather than procrastinate (which we would otherwise prefer): the same code has to run on
the SQLite file of `grader serve` on a laptop, which procrastinate does not support, and the job must be
enqueued in the transaction of the change that needs it, through the SQLAlchemy session we already hold
(procrastinate defers through its own connector). One table in our Alembic history does both: `enqueue` adds a
row to the caller's session; a worker claims the oldest due job with `FOR UPDATE SKIP LOCKED` on PostgreSQL (so
any number of workers on any machines never take the same job) and a guarded UPDATE on SQLite; a job whose worker
stopped sending heartbeats is taken again; a failed job is retried with a back-off, then kept as failed.
"""

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import Job, utcnow
from graders import GradingPool

log = logging.getLogger(__name__)

Sessions = Callable[[], AbstractContextManager[Session]]
Task = Callable[["JobContext", dict[str, Any]], dict[str, Any] | None]

TASKS: dict[str, Task] = {}
MAX_ATTEMPTS = 5
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
WAITING = "waiting"  # split into chunk jobs; the last of them to finish finishes this one
PURGE_EVERY = 300.0  # seconds between two clean-ups of finished jobs by a runner


class Later(Exception):
    """Raised by a task that cannot start yet (another holds what it needs): run it again in `delay` seconds,
    without counting an attempt."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"again in {delay} s")
        self.delay = delay


class Split(Exception):
    """Raised by a task that split its work into chunk jobs (and set its status to WAITING in the same
    transaction): the last chunk finishes the job, not the worker that split it."""


def stale_after() -> timedelta:
    """How long a running job may go without a heartbeat before another worker takes it (its worker died)."""
    return timedelta(seconds=get_settings().job_stale_seconds)


def task(name: str) -> Callable[[Task], Task]:
    def register(function: Task) -> Task:
        TASKS[name] = function
        return function

    return register


def enqueue(session: Session, name: str, *, delay: timedelta = timedelta(0), parent: int | None = None,
            **args: Any) -> Job:
    """Add a job to the caller's transaction: it exists exactly when the change that needs it is committed."""
    if name not in TASKS:
        _load_tasks()
    if name not in TASKS:
        raise ValueError(f"unknown task {name!r}")
    job = Job(task=name, args=args, status=QUEUED, run_after=utcnow() + delay, parent_id=parent)
    session.add(job)
    session.flush()
    return job


def queue_depth(session: Session) -> int:
    return session.scalar(select(func.count()).where(Job.status.in_((QUEUED, RUNNING)))) or 0


def oldest_due_seconds(session: Session) -> float:
    """How long the oldest due job has waited: grows when no worker takes jobs."""
    now = utcnow()
    oldest = session.scalar(select(func.min(Job.run_after)).where(Job.status == QUEUED, Job.run_after <= now))
    if oldest is None:
        return 0.0
    if oldest.tzinfo is None:  # SQLite keeps no offset in an aggregate
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return round((now - oldest).total_seconds(), 1)


@dataclass
class JobContext:
    """What a task gets: sessions and the grading pool (the runner beats for the job while the task runs)."""

    sessions: Sessions
    pool: GradingPool
    job_id: int
    created_at: datetime

    def waited(self) -> float:
        """Seconds since the job was enqueued."""
        return (utcnow() - self.created_at).total_seconds()


def claim(session: Session, worker: str, job_id: int | None = None, parent: int | None = None) -> Job | None:
    """Take the oldest due job (or one whose worker went silent), or that job only, or only a chunk of `parent`;
    None if there is none. Chunks come first, so that a run already started finishes before the next one."""
    now = utcnow()
    due = or_(
        (Job.status == QUEUED) & (Job.run_after <= now),
        (Job.status == RUNNING) & (Job.heartbeat_at < now - stale_after()),
    )
    if job_id is not None:
        due = due & (Job.id == job_id)
    if parent is not None:
        due = due & (Job.parent_id == parent)
    candidate = session.scalar(select(Job.id).where(due).order_by(Job.parent_id.is_(None), Job.id).limit(1)
                               .with_for_update(skip_locked=True))
    if candidate is None:
        session.rollback()
        return None
    taken = cast(CursorResult[Any], session.execute(
        update(Job).where(Job.id == candidate, due)
        .values(status=RUNNING, worker=worker, started_at=now, heartbeat_at=now, attempts=Job.attempts + 1)
    )).rowcount
    session.commit()
    return session.get(Job, candidate) if taken else None


def run_next(sessions: Sessions, pool: GradingPool, worker: str, job_id: int | None = None,
             parent: int | None = None) -> bool:
    """Run one due job (or that job, if due; or a chunk of `parent`); return whether there was one."""
    with sessions() as session:
        job = claim(session, worker, job_id, parent)
        if job is None:
            return False
        context = JobContext(sessions, pool, job.id, job.created_at)
        name, args, attempts, parent_id = job.task, dict(job.args), job.attempts, job.parent_id
    _load_tasks()
    started = time.monotonic()
    log.info("job started", extra={"job": context.job_id, "task": name, "attempt": attempts, "worker": worker})
    try:
        with heartbeat(sessions, context.job_id, worker):
            result = TASKS[name](context, args)
    except Later as later:
        _finish(sessions, context.job_id, later=later.delay)
        return True
    except Split:
        log.info("job split into chunks", extra={"job": context.job_id, "task": name})
        return True
    except Exception as error:  # a failing job must not stop the worker; it is retried, then kept as failed
        log.exception("job failed", extra={"job": context.job_id, "task": name, "attempt": attempts})
        _finish(sessions, context.job_id, error=f"{type(error).__name__}: {error}", attempts=attempts,
                parent=parent_id)
        return True
    _finish(sessions, context.job_id, result=result or {})
    log.info("job done", extra={"job": context.job_id, "task": name,
                                "seconds": round(time.monotonic() - started, 3)})
    return True


@contextmanager
def heartbeat(sessions: Sessions, job_id: int, worker: str) -> Iterator[None]:
    """Beat for the job every sixth of the stale limit while the block runs, so that a worker that is alive keeps
    its job however long a step takes, and one that died (or is frozen) loses it soon after the limit. Only the
    job's own worker beats: after a takeover the old worker's beats change nothing."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(stale_after().total_seconds() / 6):
            try:
                with sessions() as session:
                    session.execute(update(Job).where(Job.id == job_id, Job.status == RUNNING, Job.worker == worker)
                                    .values(heartbeat_at=utcnow()))
                    session.commit()
            except Exception:  # the next beat tries again; a missed one is what the limit allows for
                log.warning("job heartbeat failed", exc_info=True, extra={"job": job_id})

    beating = threading.Thread(target=beat, name=f"heartbeat-{job_id}", daemon=True)
    beating.start()
    try:
        yield
    finally:
        stop.set()
        beating.join()


def run_to_the_end(sessions: Sessions, pool: GradingPool, worker: str, job_id: int, stop: threading.Event, *,
                   poll: float = 0.2) -> None:
    """Run this job here, with every chunk it split into that no other worker took, and again each time it is due
    after a failed attempt (its back-off) or a `Later`, until it is done or failed for good, or `stop` is set."""
    while not stop.is_set():
        ran = run_next(sessions, pool, worker, job_id)
        while run_next(sessions, pool, worker, parent=job_id):
            ran = True
        with sessions() as session:
            if session.get_one(Job, job_id).status in (DONE, FAILED):
                return
        if not ran:
            stop.wait(poll)


def retry_delay(attempts: int) -> timedelta:
    """How long a job waits before its next attempt once `attempts` attempts have failed."""
    return timedelta(seconds=get_settings().job_retry_seconds * 2**attempts)


def _finish(sessions: Sessions, job_id: int, *, result: dict[str, Any] | None = None, error: str | None = None,
            attempts: int = 0, parent: int | None = None, later: float | None = None) -> None:
    now = utcnow()
    if later is not None:
        values: dict[str, Any] = {"status": QUEUED, "run_after": now + timedelta(seconds=later),
                                  "attempts": Job.attempts - 1, "worker": None}
    elif error is None:
        values = {"status": DONE, "result": result, "finished_at": now, "error": None}
    elif attempts < MAX_ATTEMPTS:
        values = {"status": QUEUED, "error": error, "run_after": now + retry_delay(attempts)}
    else:
        values = {"status": FAILED, "error": error, "finished_at": now}
    with sessions() as session:
        session.execute(update(Job).where(Job.id == job_id).values(**values))
        if values["status"] == FAILED and parent is not None:  # a chunk that keeps failing fails its whole job
            session.execute(update(Job).where(Job.id == parent, Job.status == WAITING)
                            .values(status=FAILED, finished_at=now, error=f"chunk job {job_id} failed: {error}"))
        session.commit()


def purge_finished(session: Session, retention: timedelta) -> int:
    """Delete the jobs that finished (done or failed) more than `retention` ago; return how many. The caller
    commits."""
    unfinished = select(Job.id).where(Job.status.not_in((DONE, FAILED)))
    old = list(session.scalars(select(Job.id).where(
        Job.status.in_((DONE, FAILED)), Job.finished_at < utcnow() - retention,
        or_(Job.parent_id.is_(None), Job.parent_id.not_in(unfinished)))))  # a waiting job's chunks stay with it
    if old:
        session.execute(delete(Job).where(Job.id.in_(old)))
    return len(old)


def work(sessions: Sessions, pool: GradingPool, stop: threading.Event, *, worker: str | None = None,
         idle: float = 0.5, retention: timedelta | None = None, purge_every: float = PURGE_EVERY) -> None:
    """Run jobs until `stop` is set, sleeping `idle` seconds whenever the queue has nothing due; every
    `purge_every` seconds delete the jobs finished more than `retention` ago (None: keep them)."""
    worker = worker or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
    purged = time.monotonic()
    while not stop.is_set():
        try:
            if retention is not None and time.monotonic() - purged >= purge_every:
                purged = time.monotonic()
                with sessions() as session:
                    if count := purge_finished(session, retention):
                        log.info("finished jobs deleted", extra={"jobs": count})
                    session.commit()
            busy = run_next(sessions, pool, worker)
        except Exception:  # the database went away for a moment: wait and try again
            log.exception("job runner could not reach the queue")
            busy = False
        if not busy:
            stop.wait(idle)


class InProcessRunner:
    """Runs the queue inside the server when no `grader worker` is meant to (SQLite on a laptop, the tests)."""

    def __init__(self, sessions: Sessions, pool: GradingPool, threads: int = 1, *, retention: timedelta | None = None,
                 purge_every: float = PURGE_EVERY) -> None:
        self._stop = threading.Event()
        options = {"idle": 0.1, "retention": retention, "purge_every": purge_every}
        self._threads = [
            threading.Thread(target=work, args=(sessions, pool, self._stop), kwargs=options,
                             name=f"jobs-{n}", daemon=True)
            for n in range(threads)
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()


def wait_for(sessions: Sessions, job_id: int, *, timeout: float, poll: float = 0.1) -> Job:
    """The job once it is done or failed for good, or as it is after `timeout` seconds; holds no connection
    between polls. A failed attempt is not the end: the queue runs the job again (a regrade that met another
    one, whose chunk a dead worker held, succeeds on its next attempt)."""
    stop = threading.Event()
    deadline = time.monotonic() + timeout
    while True:
        with sessions() as session:
            job = session.get_one(Job, job_id)
            if job.status in (DONE, FAILED) or time.monotonic() >= deadline:
                return job
        stop.wait(poll)


def _load_tasks() -> None:
    import app.tasks  # noqa: F401 - registers the tasks


def session_scope(factory: Callable[[], Iterator[Session]]) -> Sessions:
    """Sessions from a FastAPI-style dependency (a generator), so the runner uses what the requests use."""
    return contextmanager(factory)
