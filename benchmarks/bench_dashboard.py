"""Dashboard benchmark: 5,000 students × 20 parts on SQLite and on PostgreSQL.

Seeds one assignment in bulk (each distinct synthetic answer is graded once, then 100,000 result rows are
inserted directly), then prints the server-side time of the gradebook, the item statistics, the clusters of
one part (cold, then warm) and a full regrade (a queue job and its chunks, run here as one `grader worker` would,
through the real grading pool), as a Markdown table.

    .venv/bin/python -m benchmarks.bench_dashboard [--students 5000] [--postgres URL]

PostgreSQL runs in its own database `grader_bench` next to the one the URL names (created if missing), so that
the test suite's database is never touched; it is skipped with a message when the server cannot be reached.
"""

import argparse
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, make_url, text
from sqlalchemy.orm import Session

import reference
from app import jobs
from app.db import make_engine
from app.late_policy import LatePolicy, assess, final_score
from app.migrate import upgrade_to_head
from app.models import Assignment, AssignmentPart, Course, Job, PartResult, Submission
from app.services.clusters import forget_confirmations, part_clusters
from app.services.gradebook import gradebook
from app.services.grading import grading_options, warm_worker
from app.services.regrade import add_known_mistake, enqueue
from app.services.stats import assignment_stats
from graders import GradingPool
from graders.fingerprint import key_of
from graders.kinds import kind_module
from graders.kinds.engine import graded

PARTS = 20
DEADLINE = datetime(2019, 3, 15, 3, 59, tzinfo=UTC)
POLICY = LatePolicy()  # seed 000's: 10 % per day, rounded up, closed after 3 days


def bench_parts() -> list[reference.Part]:
    """Twenty gradable bank parts, expressions first (they are the slow ones to grade and the ones clustered)."""
    gradable = [p for p in reference.all_parts() if p.kind != "manual"]
    gradable.sort(key=lambda p: p.kind != "expression")
    return gradable[:PARTS]


def answer_pool(part: reference.Part) -> list[str]:
    """The right answer, the bank's known mistakes, and equivalent spellings of two wrong answers."""
    wrong = [m["answer"] for m in part.grading_options().get("mistakes", [])]
    if part.kind in ("expression", "number", "integer"):
        wrong += [f"2*({part.answer})", f"({part.answer})*2", f"({part.answer})+1", f"1+({part.answer})"]
    return [part.answer, *wrong]


def pick(pool: list[str], rng: random.Random, part: reference.Part) -> str:
    """About 60 % right; a few per cent one-off wrong answers, so that a part has hundreds of distinct answers."""
    roll = rng.random()
    if roll < 0.6 or len(pool) == 1:
        return pool[0]
    if roll < 0.97 or part.kind not in ("expression", "number", "integer"):
        return rng.choice(pool[1:])
    return f"({part.answer})+{rng.randint(2, 400)}"


def graded_row(part: reference.Part, options: dict[str, Any], answer: str, points: float) -> dict[str, Any]:
    # What the service's pool workers run, here in-process: these answers are our own.
    opts = kind_module(part.kind).Options.from_mapping(options)
    result, reading = graded(part.kind, answer, part.reference, "auto", opts)
    if reading is not None and result.correct is False:
        result = replace(result, fingerprint=key_of(part.kind, reading, opts))
    return {"score": round(result.score * points, 6), "max_score": points, "correct": result.correct,
            "feedback": result.feedback, "interpreted": result.interpreted, "error": result.error,
            "fingerprint": result.fingerprint}


def seed(engine: Engine, students: int) -> int:
    """One course, one assignment, `students` submissions of every part; returns the assignment id."""
    rng = random.Random(421)
    parts = bench_parts()
    with Session(engine) as session:
        course = Course(code=f"BENCH{rng.randint(0, 10**6)}", name="Benchmark", timezone="America/Toronto")
        assignment = Assignment(course=course, title="Benchmark", deadline=DEADLINE, late_policy=POLICY.model_dump(),
                                parts=[AssignmentPart(question_id=p.id, points=2, position=i)
                                       for i, p in enumerate(parts)])
        session.add_all([course, assignment])
        session.flush()
        graded: dict[tuple[str, str], dict[str, Any]] = {}
        submissions, results = [], []
        for number in range(students):
            submitted = DEADLINE - timedelta(hours=rng.uniform(-40, 72))
            rows = []
            for position, (part, stored) in enumerate(zip(parts, assignment.parts, strict=True)):
                answer = pick(answer_pool(part), rng, part)
                if (part.id, answer) not in graded:
                    graded[(part.id, answer)] = graded_row(part, grading_options(part, stored), answer, 2)
                rows.append({"question_id": part.id, "position": position, "raw_answer": answer,
                             **graded[(part.id, answer)]})
            late = assess(POLICY, DEADLINE, submitted)
            raw = round(sum(r["score"] for r in rows), 6)
            submissions.append({"assignment_id": assignment.id, "student": f"student-{number:05d}",
                                "submitted_at": submitted, "received_at": submitted, "late_periods": late.late_periods,
                                "penalty_percent": late.penalty_percent, "raw_score": raw, "max_score": 2 * len(parts),
                                "final_score": round(final_score(POLICY, raw, 2 * len(parts), late), 6)})
            results.append(rows)
        ids = session.scalars(insert(Submission).returning(Submission.id, sort_by_parameter_order=True),
                              submissions).all()
        session.execute(insert(PartResult), [{"submission_id": sid, **row}
                                             for sid, rows in zip(ids, results, strict=True) for row in rows])
        session.commit()
        print(f"  seeded {students} students × {len(parts)} parts; {len(graded)} distinct answers graded")
        return assignment.id


def timed(action: Callable[[], Any], repeat: int = 3) -> float:
    """Median wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(engine: Engine, assignment_id: int, pool: GradingPool) -> dict[str, str]:
    with Session(engine, expire_on_commit=False) as session:
        assignment = session.get_one(Assignment, assignment_id)
        expression = next(p for p in assignment.parts if reference.get_part(p.question_id).kind == "expression")
        figures = {
            "gradebook": timed(lambda: gradebook(session, assignment)),
            "stats (numbers, 20 parts)": timed(lambda: assignment_stats(session, None, assignment)),
            "clusters of one part, cold": timed(lambda: (forget_confirmations(),
                                                         part_clusters(session, pool, assignment, expression)), 1),
            "clusters of one part, warm": timed(lambda: part_clusters(session, pool, assignment, expression)),
            "stats with the clusters of all parts (the API), warm": timed(
                lambda: assignment_stats(session, pool, assignment)),
        }
        wrong = next(c.answers[0] for c in part_clusters(session, pool, assignment, expression))
    runs: dict[str, Any] = {}
    figures["full regrade, nothing changed"] = timed(lambda: runs.setdefault("same", queued_regrade(
        engine, pool, lambda session: enqueue(session, session.get_one(Assignment, assignment_id), by="bench"))), 1)
    figures["full regrade after a known mistake"] = timed(lambda: runs.setdefault("mistake", queued_regrade(
        engine, pool, lambda session: add_known_mistake(
            session, pool, assignment=session.get_one(Assignment, assignment_id), question_id=expression.question_id,
            by="bench", mistake={"answer": wrong, "feedback": "benchmark mistake", "score": 0.5}))), 1)
    notes = {"full regrade, nothing changed": f"{runs['same']['submissions']} submissions, "
                                              f"{runs['same']['changed']} changed",
             "full regrade after a known mistake": f"{runs['mistake']['changed']} submissions changed"}
    return {name: f"{ms:,.0f} ms" + (f" ({notes[name]})" if name in notes else "") for name, ms in figures.items()}


def queued_regrade(engine: Engine, pool: GradingPool, change: Callable[[Session], Job]) -> dict[str, Any]:
    """Make the change that enqueues a regrade job, run the job and its chunks here; its result."""
    def session() -> Iterator[Session]:
        with Session(engine) as opened:
            yield opened

    sessions = jobs.session_scope(session)
    with sessions() as opened:
        job_id = change(opened).id
        opened.commit()
    jobs.run_to_the_end(sessions, pool, "bench", job_id, threading.Event())
    with sessions() as opened:
        job = opened.get_one(Job, job_id)
        assert job.status == jobs.DONE and job.result is not None, job.error
        return job.result


def postgres_engine(url: str) -> Engine | None:
    """A fresh `grader_bench` database on the server of `url`, or None (with a message) if it cannot be reached."""
    server = make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        admin = make_engine(server.render_as_string(hide_password=False)).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS grader_bench WITH (FORCE)"))
            connection.execute(text("CREATE DATABASE grader_bench"))
        admin.dispose()
    except Exception as exc:
        print(f"PostgreSQL skipped: cannot reach {url}: {str(exc).splitlines()[0]}")
        return None
    return make_engine(server.set(database="grader_bench").render_as_string(hide_password=False))


def run(name: str, engine: Engine, students: int, pool: GradingPool) -> dict[str, str]:
    print(f"{name}:")
    upgrade_to_head(engine.url.render_as_string(hide_password=False))
    start = time.perf_counter()
    assignment_id = seed(engine, students)
    print(f"  seeding took {time.perf_counter() - start:.1f} s")
    return measure(engine, assignment_id, pool)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    pool = GradingPool(workers=args.workers, timeout=5.0, initializer=warm_worker)
    columns: dict[str, dict[str, str]] = {}
    try:
        with tempfile.TemporaryDirectory() as directory:
            columns["SQLite"] = run("SQLite", make_engine(f"sqlite:///{directory}/bench.db"), args.students, pool)
        engine = postgres_engine(args.postgres)
        if engine is not None:
            columns["PostgreSQL"] = run("PostgreSQL", engine, args.students, pool)
    finally:
        pool.close()
    names = list(next(iter(columns.values())))
    print(f"\n| {args.students:,} students × {len(bench_parts())} parts | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name in names:
        print(f"| {name} | " + " | ".join(column[name] for column in columns.values()) + " |")


if __name__ == "__main__":
    main()
