"""One regrade shared by several workers: its chunks are taken by whichever worker is free, and the run still
finishes exactly once, keeps hand grades made meanwhile, and writes each change once.

Two worker threads run `app.jobs.work`, each with its own sessions (its own connections), beside the test
server's own runner; the chunks are small so that every worker gets some.
"""

import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, func, select

from app import jobs
from app.models import Assignment, AuditEntry, Job, RegradeRun, ScoreChange
from app.services import regrade, regrade_jobs
from tests.api.test_manual_grading import grade
from tests.api.test_regrade import set_points
from tests.concurrency.test_races import assert_totals_add_up, read, scores, wrong_class

pytestmark = pytest.mark.postgres

STUDENTS = 36


@pytest.fixture(autouse=True)
def postgres_only(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("workers sharing a regrade claim chunks with FOR UPDATE SKIP LOCKED: PostgreSQL")


@pytest.fixture
def workers(client, sessions) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """Two more workers on the queue, each with its own connections; their names."""
    stop, names = threading.Event(), ["worker-a", "worker-b"]
    threads = [threading.Thread(target=jobs.work, args=(jobs.session_scope(session_of(sessions)),
                                                        client.app.state.grading_pool, stop),
                                kwargs={"worker": name, "idle": 0.02}) for name in names]
    for thread in threads:
        thread.start()
    yield names
    stop.set()
    for thread in threads:
        thread.join()


def session_of(sessions):  # type: ignore[no-untyped-def]
    def factory():  # type: ignore[no-untyped-def]
        with sessions() as session:
            yield session
            session.commit()
    return factory


def enqueue_regrade(db, assignment) -> int:  # type: ignore[no-untyped-def]
    job = regrade.enqueue(db, db.get(Assignment, assignment["id"]), by="shared", why="shared regrade")
    db.commit()
    return job.id


def finished(db, job_id: int) -> Job:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 120
    while True:
        db.rollback()
        job = db.get(Job, job_id, populate_existing=True)
        if job.status in (jobs.DONE, jobs.FAILED):
            return job
        assert time.monotonic() < deadline, f"job {job_id} is still {job.status}"
        time.sleep(0.05)


def test_workers_share_one_regrade_and_it_finishes_once(client, db, lms, instructor, assignment, parts, workers,
                                                        monkeypatch) -> None:
    monkeypatch.setattr("app.services.regrade_jobs.CHUNK", 3)
    submitted = wrong_class(client, lms, assignment, parts, students=STUDENTS, right_number=True)
    set_points(db, assignment, parts["number"].id, 3)  # every submission's number score and total change
    job = finished(db, enqueue_regrade(db, assignment))

    assert (job.status, job.result, job.done, job.total) == (
        jobs.DONE, {"submissions": STUDENTS, "changed": STUDENTS}, STUDENTS, STUDENTS)
    chunks = db.scalars(select(Job).where(Job.parent_id == job.id)).all()
    assert len(chunks) == STUDENTS // 3 and {chunk.status for chunk in chunks} == {jobs.DONE}
    assert len({chunk.worker for chunk in chunks}) >= 2, "one worker took every chunk"
    run = db.scalar(select(RegradeRun).where(RegradeRun.job_id == job.id))
    assert (run.chunks_done, run.chunks, run.submissions, run.changed) == (len(chunks), len(chunks), STUDENTS,
                                                                           STUDENTS)
    assert db.scalar(select(func.count()).select_from(AuditEntry)
                     .where(AuditEntry.action == "assignment.regraded")) == 1, "the run finished more than once"
    changes = Counter(db.execute(select(ScoreChange.submission_id, ScoreChange.question_id)
                                 .where(ScoreChange.why == "shared regrade")).all())
    # The number part and the final score of every submission changed, once each.
    assert len(changes) == 2 * STUDENTS and set(changes.values()) == {1}, "a change was written twice"
    for submission in submitted:
        stored = read(client, instructor, submission)
        assert scores(stored)[parts["number"].id] == 3
        assert_totals_add_up(stored)


def test_hand_grades_made_while_workers_share_a_regrade_are_kept(client, db, lms, instructor, assignment, parts,
                                                                 workers, monkeypatch) -> None:
    monkeypatch.setattr("app.services.regrade_jobs.CHUNK", 2)
    submitted = wrong_class(client, lms, assignment, parts, students=STUDENTS, right_number=True)
    set_points(db, assignment, parts["number"].id, 3)
    job_id = enqueue_regrade(db, assignment)
    with ThreadPoolExecutor(6) as threads:
        overrides = list(threads.map(lambda s: grade(client, instructor, s, parts["number"].id, 0.25).status_code,
                                     submitted))
    job = finished(db, job_id)

    assert (set(overrides), job.status, job.result["submissions"]) == ({200}, jobs.DONE, STUDENTS)
    for submission in submitted:
        stored = read(client, instructor, submission)
        assert scores(stored)[parts["number"].id] == 0.25, "a hand grade was overwritten by the regrade"
        assert_totals_add_up(stored)
        finals = [entry for entry in stored["history"] if entry["question_id"] is None]
        assert len({(entry["old"], entry["new"]) for entry in finals}) == len(finals), "a change written twice"


def test_a_run_grades_each_distinct_answer_once_whichever_worker_takes_its_chunks(client, db, lms, assignment, parts,
                                                                                  monkeypatch) -> None:
    """The chunks share their grades through the run's stored grades: a chunk taken by a worker that has seen none
    of the run (its memory emptied before every chunk, as a fresh process's) grades only what no chunk stored."""
    monkeypatch.setattr("app.services.regrade_jobs.CHUNK", 3)
    read_grades = regrade_jobs.grades_of

    def as_a_fresh_worker(session, run):  # type: ignore[no-untyped-def]
        regrade_jobs.GRADED.clear()
        return read_grades(session, run)

    graded: list[regrade.GradeKey] = []
    grade_missing = regrade.Regrader.grade_missing

    def counted(self, answers):  # type: ignore[no-untyped-def]
        answers = list(answers)
        graded.extend(key for q, a, v in answers if (key := (q, a or "", v)) not in self.graded and key[1].strip())
        return grade_missing(self, answers)

    monkeypatch.setattr(regrade_jobs, "grades_of", as_a_fresh_worker)
    monkeypatch.setattr(regrade.Regrader, "grade_missing", counted)
    wrong_class(client, lms, assignment, parts, students=STUDENTS, right_number=True)
    set_points(db, assignment, parts["number"].id, 3)
    job = finished(db, enqueue_regrade(db, assignment))

    assert (job.status, job.result["submissions"]) == (jobs.DONE, STUDENTS)
    assert db.scalar(select(func.count()).select_from(Job).where(Job.parent_id == job.id)) == STUDENTS // 3
    repeated = [key for key, times in Counter(graded).items() if times > 1]
    assert graded and not repeated, f"graded more than once in one run: {repeated}"
