"""Regrade on the queue: 100,000 stored answers (5,000 students × 20 parts) regraded by 1, then 2, `grader worker`s.

Seeds the dashboard benchmark's assignment in a PostgreSQL database of its own, then for each worker count starts
that many workers, waits until they say they are warm (as they are when a regrade arrives on a running service; the
time is printed), enqueues a regrade job (points of every part changed, so that every stored result is rewritten
with its history; with `--unchanged` nothing changed, a re-check) and times it from enqueue to done; then prints the
second worker's speed-up. The job splits the submissions into chunk jobs that the workers share; a chunk grades the
distinct answers no other chunk has graded yet.

    .venv/bin/python -m benchmarks.bench_regrade [--students 5000] [--workers 1 2]
"""

import argparse
import contextlib
import time
from collections import Counter

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import jobs
from app.db import make_engine
from app.migrate import upgrade_to_head
from app.models import AssignmentPart, Job
from benchmarks.bench_dashboard import seed
from benchmarks.servers import postgres_database, worker


def regrade_once(url: str, assignment_id: int, workers: int, points: float | None) -> tuple[float, float, dict]:
    engine = make_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with Session(engine) as session:
        if points is not None:
            session.execute(update(AssignmentPart).where(AssignmentPart.assignment_id == assignment_id)
                            .values(points=points))
        session.commit()
    with contextlib.ExitStack() as stack:
        starting = time.monotonic()
        for _ in range(workers):
            stack.enter_context(worker(url, ready=True))
        print(f"  {workers} worker(s) warm after {time.monotonic() - starting:.1f} s", flush=True)
        with Session(engine) as session:
            job_id = jobs.enqueue(session, "regrade", assignment_id=assignment_id, by="bench",
                                  why=f"points {points}").id
            session.commit()
        started = time.monotonic()
        while True:
            with Session(engine) as session:
                job = session.get_one(Job, job_id)
                if job.status in ("done", "failed"):
                    break
            time.sleep(0.2)
    with Session(engine) as session:
        print(f"  {workers} worker(s): {phases(session, job)}", flush=True)
    engine.dispose()
    running = (job.finished_at - job.started_at).total_seconds() if job.finished_at and job.started_at else 0.0
    return time.monotonic() - started, running, job.result or {"error": job.error}


def phases(session: Session, job: Job) -> str:
    """Where the time went: claiming and splitting (the job), then the chunks (grading and writing), and who ran
    them."""
    chunks = session.scalars(select(Job).where(Job.parent_id == job.id)).all()
    if not chunks or job.started_at is None:
        return "no chunks"
    first = min(chunk.started_at for chunk in chunks if chunk.started_at)
    last = max(chunk.finished_at for chunk in chunks if chunk.finished_at)
    workers = Counter(chunk.worker for chunk in chunks)
    return (f"split {(first - job.started_at).total_seconds():.1f} s, "
            f"{len(chunks)} chunks {(last - first).total_seconds():.1f} s, chunks per worker {sorted(workers.values())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--unchanged", action="store_true", help="regrade with nothing changed (a re-check)")
    args = parser.parse_args()
    with postgres_database() as url:
        upgrade_to_head(url.replace("postgresql://", "postgresql+psycopg://", 1))
        assignment_id = seed(make_engine(url.replace("postgresql://", "postgresql+psycopg://", 1)), args.students)
        print("| queue workers | stored answers | seconds, enqueue to done (warm workers) "
              "| seconds, taken to done | result |")
        print("|---|---|---|---|---|")
        times = {}
        for round_, count in enumerate(args.workers):
            seconds, running, result = regrade_once(url, assignment_id, count,
                                                    None if args.unchanged else 3 + round_)
            times[count] = (seconds, running)
            print(f"| {count} | {args.students * 20:,} | {seconds:.1f} | {running:.1f} | {result} |", flush=True)
        if 1 in times and 2 in times:
            print(f"speed-up from the second worker: {times[1][0] / times[2][0]:.2f}× enqueue to done, "
                  f"{times[1][1] / max(times[2][1], 1e-9):.2f}× taken to done")


if __name__ == "__main__":
    main()
