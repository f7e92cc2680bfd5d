"""`grader regrade` follows its job to the real end: a failed attempt that the queue retries is shown on the bar and
followed, run again (by the command itself, or with --queue by a `grader worker`), and only a job failed for good
fails the command, with its last error.

The failure is real: a trigger in the SQLite file refuses the regrade's run, as a database refusing a write would,
until the test drops it."""

import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.migrate import upgrade_to_head
from app.models import Submission
from app.services.demo import demo_assignment, load_demo
from benchmarks.servers import free_port

REFUSAL = "the test refuses regrade runs"
REFUSE_RUNS = f"CREATE TRIGGER refuse_runs BEFORE INSERT ON regrade_runs BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
SHOWN_RETRY = re.compile(r"attempt [1-4]/5 failed: IntegrityError: \(sqlite3\.IntegrityError\) "
                         + REFUSAL + r"; runs again in \d+ s")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """The demo course with its class, once: (database file, assignment id, its submissions)."""
    path = tmp_path_factory.mktemp("demo") / "grader.db"
    upgrade_to_head(f"sqlite:///{path}")
    engine = make_engine(f"sqlite:///{path}")
    with Session(engine) as session:
        assignment = demo_assignment(session, load_demo(session))
        submissions = session.scalar(select(func.count()).where(Submission.assignment_id == assignment.id)) or 0
        assignment_id = assignment.id
    engine.dispose()
    return path, assignment_id, submissions


@pytest.fixture
def database(demo: tuple[Path, int, int], tmp_path: Path) -> Iterator[Path]:
    """A copy of the demo database whose regrade runs are refused (REFUSE_RUNS) until `allow_runs`."""
    path = tmp_path / "grader.db"
    with sqlite3.connect(demo[0]) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
        copy.execute(REFUSE_RUNS)
    yield path


def allow_runs(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute("DROP TRIGGER refuse_runs")


def grader(database: Path, *args: str, retry_seconds: float) -> subprocess.Popen[str]:
    env = os.environ | {"GRADER_DATABASE_URL": f"sqlite:///{database}", "GRADER_GRADE_WORKERS": "1",
                        "GRADER_JOB_RETRY_SECONDS": str(retry_seconds)}
    return subprocess.Popen([sys.executable, "-m", "app", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def regrade_job(database: Path) -> tuple[str, int, str | None] | None:
    """The regrade job's (status, attempts, error), None before it is enqueued."""
    with sqlite3.connect(database, timeout=30) as connection:
        return connection.execute(
            "SELECT status, attempts, error FROM jobs WHERE task = 'regrade' AND parent_id IS NULL").fetchone()


def first_failed_attempt(database: Path, command: subprocess.Popen[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while (job := regrade_job(database)) is None or job[2] is None:
        assert command.poll() is None, f"the command ended before an attempt failed: {command.communicate()}"
        assert time.monotonic() < deadline, f"no attempt failed in {timeout} s: {job}"
        time.sleep(0.05)


@contextmanager
def queue_worker(database: Path) -> Iterator[None]:
    worker = grader(database, "worker", "--grading-workers", "1", retry_seconds=0.5)
    try:
        yield
    finally:
        worker.terminate()
        worker.communicate(timeout=60)


class TestAFailedAttemptIsFollowedToTheEnd:
    def succeeds_after_a_failed_attempt(self, demo, database, *flags: str) -> str:  # type: ignore[no-untyped-def]
        """Run `grader regrade`, let its job's runs be stored once an attempt failed; return what the bar showed."""
        _, assignment, submissions = demo
        command = grader(database, "regrade", *flags, "--assignment", str(assignment), retry_seconds=0.5)
        first_failed_attempt(database, command)
        allow_runs(database)
        out, err = command.communicate(timeout=120)
        assert command.returncode == 0, err
        assert f"Regraded {submissions} submissions of assignment {assignment}; 0 changed." in out
        return err

    def test_run_here_the_retry_runs_and_the_command_succeeds(self, demo, database) -> None:  # type: ignore[no-untyped-def]
        err = self.succeeds_after_a_failed_attempt(demo, database)
        assert SHOWN_RETRY.search(err), err
        status, attempts, _ = regrade_job(database)  # type: ignore[misc]
        assert (status, attempts >= 2) == ("done", True), (status, attempts)

    def test_with_queue_a_worker_runs_the_retry_while_the_command_follows(self, demo, database) -> None:  # type: ignore[no-untyped-def]
        with queue_worker(database):
            err = self.succeeds_after_a_failed_attempt(demo, database, "--queue")
        assert SHOWN_RETRY.search(err), err

    def test_a_job_failed_for_good_fails_the_command_with_its_last_error(self, demo, database) -> None:  # type: ignore[no-untyped-def]
        _, assignment, _ = demo
        command = grader(database, "regrade", "--assignment", str(assignment), retry_seconds=0.1)
        out, err = command.communicate(timeout=120)
        assert command.returncode != 0 and "Regraded" not in out
        last_error = re.search(r"grader: regrade job (\d+) failed after 5 attempts: IntegrityError: "
                           r"\(sqlite3\.IntegrityError\) " + REFUSAL, err)
        assert last_error, err
        assert SHOWN_RETRY.search(err), err  # the attempts before the last were shown as retried
        assert regrade_job(database)[:2] == ("failed", 5)  # type: ignore[index]


def graded_answers(port: int) -> float:
    """How many answers the process serving metrics on `port` says it graded (every kind)."""
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("grader_grade_seconds_count{"))


def test_a_worker_serves_the_grades_of_its_jobs_on_its_metrics_port(demo, database) -> None:  # type: ignore[no-untyped-def]
    """The API's /metrics counts the API's grades; a regrade graded by a `grader worker` is counted by the worker."""
    _, assignment, _ = demo
    allow_runs(database)
    port = free_port()
    worker = grader(database, "worker", "--grading-workers", "1", "--metrics-port", str(port), retry_seconds=0.5)
    try:
        assert worker.stdout is not None and "ready" in worker.stdout.readline()
        assert graded_answers(port) == 0
        command = grader(database, "regrade", "--queue", "--assignment", str(assignment), retry_seconds=0.5)
        out, err = command.communicate(timeout=120)
        assert command.returncode == 0 and "Regraded" in out, err
        assert graded_answers(port) > 0
    finally:
        worker.terminate()
        worker.communicate(timeout=60)
