"""Regrades run as queued jobs: `Prefer: respond-async` gets 202 and a job to follow; without it the request waits
and answers as the contract says. Operators see readiness and Prometheus metrics."""

import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

import reference
from app import jobs
from app.api import jobs as api_jobs
from app.config import get_settings
from app.db import make_engine
from app.migrate import upgrade_to_head
from app.models import Assignment, Job, PartResult, RegradeRun, Submission, utcnow
from app.services import regrade, regrade_jobs
from app.services.regrade import claim_run
from graders import GradingPool
from graders.pool import WarmUpFailed
from tests.api.conftest import right_answers
from tests.api.test_regrade import submit_class
from tests.api.test_submissions import ON_TIME, submit
from tests.graders.test_pool import fail_to_warm_up

ASYNC = {"Prefer": "respond-async"}


def follow(client: TestClient, headers: dict[str, str], url: str) -> dict:
    deadline = time.monotonic() + 60
    while (job := client.get(url, headers=headers).json())["status"] not in ("done", "failed"):
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
    return job


def test_an_async_regrade_answers_202_with_a_job_that_reports_progress(client, lms, instructor, assignment, parts) -> None:
    submit_class(client, lms, assignment, parts, students=3)
    response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor | ASYNC)
    assert response.status_code == 202, response.text
    assert response.headers["Location"] == response.json()["url"]
    job = follow(client, instructor, response.headers["Location"])
    assert (job["task"], job["status"], job["done"], job["total"]) == ("regrade", "done", 3, 3)
    assert job["result"] == {"submissions": 3, "changed": 0}


def test_a_regrade_without_the_header_waits_and_answers_with_the_counts(client, lms, instructor, assignment, parts) -> None:
    submit_class(client, lms, assignment, parts, students=2)
    response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor)
    assert (response.status_code, response.json()) == (200, {"submissions": 2, "changed": 0})


@pytest.mark.parametrize("who", ["other-instructor", "student"])
def test_a_job_is_visible_only_to_the_staff_of_its_course(client, auth, instructor, assignment, other_course, who) -> None:
    job_url = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor | ASYNC).json()["url"]
    headers = auth("instructor", course="OTHER") if who == "other-instructor" else auth("student", student="s1")
    assert client.get(job_url, headers=headers).status_code == 403


def test_an_unknown_job_is_404(client, instructor) -> None:
    response = client.get("/api/v1/jobs/999999", headers=instructor)
    assert response.status_code == 404 and "999999" in response.json()["detail"]


def test_readiness_names_the_database_workers_and_queue(client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["database"], body["queue_depth"], body["queue_oldest_due_seconds"]) == (
        "ready", "ok", 0, 0)
    assert body["grading_workers"] >= 1


def test_a_server_whose_grading_workers_cannot_warm_up_is_not_ready(client) -> None:
    serving = client.app.state.grading_pool
    client.app.state.grading_pool = GradingPool(workers=1, initializer=fail_to_warm_up)
    try:
        with pytest.raises(WarmUpFailed):
            client.app.state.grading_pool.wait_warm(120)
        response = client.get("/readyz")
        assert (response.status_code, response.json()["grading_warm"]) == (503, False), response.text
    finally:
        client.app.state.grading_pool.close()
        client.app.state.grading_pool = serving


def test_the_oldest_due_job_tells_how_long_the_queue_has_waited(tmp_path) -> None:
    """On a database no runner serves: a job due five minutes ago has waited five minutes; a future one has not."""
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    upgrade_to_head(url)
    with Session(make_engine(url)) as session:
        assert jobs.oldest_due_seconds(session) == 0
        jobs.enqueue(session, "regrade", delay=timedelta(minutes=10), assignment_id=1, by="t")
        session.commit()
        assert jobs.oldest_due_seconds(session) == 0
        jobs.enqueue(session, "regrade", assignment_id=1, by="t").run_after = utcnow() - timedelta(minutes=5)
        session.commit()
        assert 299 <= jobs.oldest_due_seconds(session) <= 330


def test_metrics_count_grades_per_kind_requests_and_pending_parts(client, lms, assignment, parts) -> None:
    # On time: a submission after the assignment closed is refused ungraded (the count then came from earlier tests).
    assert submit(client, lms, assignment, right_answers(parts), student="m1", at=ON_TIME).status_code == 201
    text = client.get("/metrics").text
    kind = parts["expression"].kind
    assert f'grader_grade_seconds_count{{kind="{kind}"}}' in text
    assert 'grader_http_requests_total{method="POST",status="201"}' in text
    assert "grader_pending_parts 0.0" in text and "grader_queue_depth 0.0" in text


def grade_counts(client: TestClient) -> dict[str, float]:
    """grader_grade_seconds_count per kind, as /metrics shows it."""
    return {sample.labels["kind"]: sample.value for family in text_string_to_metric_families(client.get("/metrics").text)
            if family.name == "grader_grade_seconds" for sample in family.samples
            if sample.name == "grader_grade_seconds_count"}


def test_metrics_observe_each_distinct_answer_a_regrade_grades_in_batches(client, db, lms, instructor, assignment,
                                                                         parts) -> None:  # type: ignore[no-untyped-def]
    """The regrade grades each distinct (part, answer) once, in batches; each is one observation of its kind."""
    for number in range(3):
        answers = right_answers(parts) | {parts["number"].id: str(number), parts["expression"].id: f"x_t + {number}"}
        submit(client, lms, assignment, answers, student=f"m{number}", at=ON_TIME)
    distinct = Counter(reference.get_part(question_id).kind for question_id, answer, _ in db.execute(
        select(PartResult.question_id, PartResult.raw_answer, PartResult.variant).distinct()
        .join(Submission, Submission.id == PartResult.submission_id)
        .where(Submission.assignment_id == assignment["id"])) if answer and answer.strip())
    before = grade_counts(client)
    response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor)
    assert response.status_code == 200, response.text
    after = grade_counts(client)
    assert {kind: after[kind] - before.get(kind, 0) for kind in after if after[kind] != before.get(kind)} == distinct
    assert distinct[parts["number"].kind] == 3


class TestRetention:
    """Finished jobs are deleted once they are older than the retention period; unfinished ones never are."""

    def database(self, tmp_path) -> Session:  # type: ignore[no-untyped-def]
        url = f"sqlite:///{tmp_path / 'queue.db'}"
        upgrade_to_head(url)
        return Session(make_engine(url), expire_on_commit=False)

    def job(self, session: Session, status: str, finished_hours_ago: float | None) -> int:
        job = jobs.enqueue(session, "regrade", assignment_id=1, by="t")
        job.status = status
        job.finished_at = None if finished_hours_ago is None else utcnow() - timedelta(hours=finished_hours_ago)
        session.commit()
        return job.id

    def test_only_jobs_finished_before_the_retention_period_are_deleted(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        with self.database(tmp_path) as session:
            old_done, old_failed = self.job(session, jobs.DONE, 30), self.job(session, jobs.FAILED, 30)
            recent, waiting = self.job(session, jobs.DONE, 1), self.job(session, jobs.WAITING, None)
            assert jobs.purge_finished(session, timedelta(hours=24)) == 2
            session.commit()
            left = set(session.scalars(select(Job.id)))
        assert left == {recent, waiting} and not left & {old_done, old_failed}

    def test_a_runner_deletes_them_periodically(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        with self.database(tmp_path) as session:
            old = self.job(session, jobs.DONE, 2)
            runner = jobs.InProcessRunner(lambda: Session(session.get_bind()), None, retention=timedelta(hours=1),  # type: ignore[arg-type]
                                          purge_every=0.05)
            runner.start()
            try:
                deadline = time.monotonic() + 10
                while session.get(Job, old, populate_existing=True) is not None:
                    assert time.monotonic() < deadline, "the finished job was never deleted"
                    session.rollback()
                    time.sleep(0.05)
            finally:
                runner.stop()


class TestEditsGoThroughTheQueue:
    """Every edit that regrades enqueues the regrade as a job: 202 with it when asked, else the usual answer."""

    def test_new_points_with_respond_async_answer_202_with_the_regrade_job(self, client, lms, instructor, assignment,
                                                                          parts) -> None:  # type: ignore[no-untyped-def]
        submit_class(client, lms, assignment, parts, students=2)
        response = client.patch(f"/api/v1/assignments/{assignment['id']}/parts/{parts['number'].id}",
                                json={"points": 4}, headers=instructor | ASYNC)
        assert response.status_code == 202, response.text
        job = follow(client, instructor, response.headers["Location"])
        assert (job["task"], job["status"], job["result"]) == ("regrade", "done", {"submissions": 2, "changed": 2})

    def test_new_points_without_the_header_answer_with_the_edit_and_its_regrade(self, client, lms, instructor,
                                                                               assignment, parts) -> None:  # type: ignore[no-untyped-def]
        submit_class(client, lms, assignment, parts, students=2)
        response = client.patch(f"/api/v1/assignments/{assignment['id']}/parts/{parts['number'].id}",
                                json={"points": 4}, headers=instructor)
        assert (response.status_code, response.json()["regrade"]) == (200, {"submissions": 2, "changed": 2})

    def test_a_known_mistake_added_with_respond_async_is_stored_and_regraded_by_the_job(
        self, client, lms, instructor, assignment, parts
    ) -> None:  # type: ignore[no-untyped-def]
        submit_class(client, lms, assignment, parts, students=1)
        url = f"/api/v1/assignments/{assignment['id']}/parts/{parts['expression'].id}/mistakes"
        response = client.post(url, json={"answer": "x_t + 99", "feedback": "close", "score": 0.5},
                               headers=instructor | ASYNC)
        assert response.status_code == 202, response.text
        assert follow(client, instructor, response.headers["Location"])["status"] == "done"
        assert "x_t + 99" in [m["answer"] for m in client.get(url, headers=instructor).json()]

    def test_an_edit_whose_regrade_meets_a_dead_run_answers_202_with_its_job_never_409(
        self, client, db, lms, instructor, assignment, parts, monkeypatch
    ) -> None:  # type: ignore[no-untyped-def]
        """The edit is stored and its job queued: when the job's first attempt fails (a dead worker's run still
        holds the assignment) and it is not done when the wait ends, the answer is 202 with the job, and the
        queue's retry applies the edit."""
        submit_class(client, lms, assignment, parts, students=2)
        a_dead_workers_run(db, assignment)
        monkeypatch.setattr(regrade, "WAIT", 0.5)  # the job gives up waiting for the dead run at once
        monkeypatch.setattr(api_jobs, "SYNC_WAIT", 3.0)
        response = client.patch(f"/api/v1/assignments/{assignment['id']}/parts/{parts['number'].id}",
                                json={"points": 4}, headers=instructor)
        assert response.status_code == 202, response.text
        job = response.json()
        assert job["status"] == "queued" and "RegradeBusy" in job["error"], job
        assert response.headers["Location"] == job["url"]
        db.execute(update(Job).where(Job.id == job["id"]).values(run_after=utcnow()))  # skip the back-off
        db.commit()
        done = follow(client, instructor, job["url"])
        assert (done["status"], done["result"]) == ("done", {"submissions": 2, "changed": 2}), done

    def test_an_edit_that_cannot_change_a_score_enqueues_nothing(self, client, instructor, assignment) -> None:  # type: ignore[no-untyped-def]
        response = client.patch(f"/api/v1/assignments/{assignment['id']}", json={"title": "Renamed"},
                                headers=instructor | ASYNC)
        assert (response.status_code, response.json()["regrade"]) == (200, None)


class TestRetryAfter:
    """Every 202 with a job says, in `Retry-After`, when polling `GET /api/v1/jobs/{id}` is worth it."""

    def test_respond_async_answers_with_the_poll_interval(self, client, lms, instructor, assignment, parts) -> None:  # type: ignore[no-untyped-def]
        submit_class(client, lms, assignment, parts, students=1)
        response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor | ASYNC)
        assert (response.status_code, response.headers["Retry-After"]) == (202, str(api_jobs.POLL_SECONDS))
        assert follow(client, instructor, response.headers["Location"])["status"] == "done"

    def test_a_request_that_ran_out_of_wait_answers_with_the_poll_interval(self, client, lms, instructor, assignment,
                                                                         parts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        submit_class(client, lms, assignment, parts, students=1)
        monkeypatch.setattr(api_jobs, "SYNC_WAIT", 0.0)
        response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor)
        assert response.status_code == 202, response.text
        assert "Preference-Applied" not in response.headers
        assert response.headers["Retry-After"] == str(api_jobs.POLL_SECONDS)
        assert follow(client, instructor, response.headers["Location"])["status"] == "done"

    def test_a_job_waiting_for_its_retry_says_when_it_runs_again(self, client, db, lms, instructor, assignment, parts,
                                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
        """Its first attempt met a dead worker's run; polling before the back-off ends would show nothing new."""
        submit_class(client, lms, assignment, parts, students=1)
        a_dead_workers_run(db, assignment)
        monkeypatch.setattr(regrade, "WAIT", 0.5)
        monkeypatch.setattr(api_jobs, "SYNC_WAIT", 3.0)
        response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor)
        job = response.json()
        assert (response.status_code, job["status"], job["attempts"]) == (202, "queued", 1), job
        back_off = jobs.retry_delay(1).total_seconds()
        assert back_off - 5 <= int(response.headers["Retry-After"]) <= back_off, (response.headers, back_off)
        db.execute(update(Job).where(Job.id == job["id"]).values(run_after=utcnow()))  # skip the back-off
        db.commit()
        assert follow(client, instructor, job["url"])["status"] == "done"


@jobs.task("sleep_for_test")
def sleep_for_test(context: jobs.JobContext, args: dict) -> dict:
    time.sleep(args["seconds"])
    return {"slept": args["seconds"]}


class TestAStaleJobIsTakenOver:
    """A job's worker heartbeats while it runs the job; one whose heartbeat stops loses the job after
    GRADER_JOB_STALE_SECONDS."""

    @pytest.fixture
    def queue(self, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
        monkeypatch.setenv("GRADER_JOB_STALE_SECONDS", "1")
        get_settings.cache_clear()
        url = f"sqlite:///{tmp_path / 'queue.db'}"
        upgrade_to_head(url)
        yield sessionmaker(make_engine(url), expire_on_commit=False)
        get_settings.cache_clear()

    def test_a_job_whose_heartbeat_stopped_is_taken_by_another_worker_after_the_setting(self, queue) -> None:  # type: ignore[no-untyped-def]
        with queue() as session:
            job_id = jobs.enqueue(session, "sleep_for_test", seconds=0).id
            session.commit()
            assert jobs.claim(session, "killed worker").id == job_id  # type: ignore[union-attr]
            assert jobs.claim(session, "other worker") is None  # its heartbeat is fresh
            time.sleep(1.2)
            taken = jobs.claim(session, "other worker")
        assert taken is not None and (taken.id, taken.worker, taken.attempts) == (job_id, "other worker", 2)

    def test_a_worker_that_runs_a_long_job_keeps_it_by_its_heartbeat(self, queue) -> None:  # type: ignore[no-untyped-def]
        with queue() as session:
            job_id = jobs.enqueue(session, "sleep_for_test", seconds=2.5).id
            session.commit()
        running = threading.Thread(target=jobs.run_next, args=(queue, None, "busy worker"))
        running.start()
        with queue() as session:  # the busy worker claims it first
            while running.is_alive() and not session.scalar(select(Job.worker).where(Job.id == job_id)):
                session.rollback()
                time.sleep(0.02)
        taken = []
        while running.is_alive():
            with queue() as session:
                taken.append(jobs.claim(session, "other worker"))
            time.sleep(0.1)
        running.join()
        with queue() as session:
            job = session.get_one(Job, job_id)
            assert (job.status, job.worker, job.attempts, job.result) == ("done", "busy worker", 1, {"slept": 2.5})
        assert len(taken) > 10 and not any(taken), taken


def test_a_submission_committed_inside_a_chunk_after_the_split_is_regraded_but_not_counted(
    client, db, sessions, lms, instructor, assignment, parts
) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL hands out ids at insert, not at commit: a new attempt whose transaction commits after the split
    can fall inside a chunk's range. The chunk brings it up to date, but the job's `done` never passes its
    `total`, fixed at the split."""
    if db.get_bind().dialect.name != "postgresql":
        pytest.skip("SQLite gives out an id only to the one writer at a time")
    submit_class(client, lms, assignment, parts, students=2)
    with sessions() as late:
        late.add(Submission(assignment_id=assignment["id"], student="late", submitted_at=utcnow()))
        late.flush()  # the id is taken, the row not yet committed
        submit(client, lms, assignment, right_answers(parts), student="after", at=ON_TIME)
        parent = split_by_hand(db, assignment)
        late.commit()
    (chunk,) = db.scalars(select(Job).where(Job.parent_id == parent.id)).all()
    assert chunk.args["first"] < db.scalar(select(Submission.id).where(Submission.student == "late")) \
        < chunk.args["last"]
    regrade_jobs.run_chunk(db, client.app.state.grading_pool, chunk.id, dict(chunk.args))
    db.expire_all()
    parent = db.get_one(Job, parent.id)
    assert (parent.status, parent.done, parent.total, parent.result) == (
        "done", 3, 3, {"submissions": 3, "changed": 0}), parent.result
    assert db.scalar(select(Submission.max_score).where(Submission.student == "late")) > 0  # brought up to date


def test_a_chunk_run_again_by_a_worker_that_froze_past_the_stale_limit_is_counted_once(
    client, db, lms, instructor, assignment, parts
) -> None:  # type: ignore[no-untyped-def]
    """The worker that took the chunk over finished it; the frozen one, resumed, must not count it again."""
    submit_class(client, lms, assignment, parts, students=2)
    parent = split_by_hand(db, assignment, chunk_size=1)
    first = db.scalars(select(Job).where(Job.parent_id == parent.id).order_by(Job.id)).first()
    assert first is not None
    answers = [regrade_jobs.run_chunk(db, client.app.state.grading_pool, first.id, dict(first.args))
               for _ in range(2)]
    assert answers[1] == {"skipped": "the chunk was done by the worker that took it over"}, answers
    db.expire_all()
    run = db.scalars(select(RegradeRun).where(RegradeRun.job_id == parent.id)).one()
    assert (db.get_one(Job, parent.id).done, run.chunks_done, run.submissions, run.finished_at) == (1, 1, 1, None)


def a_dead_workers_run(db, assignment) -> None:  # type: ignore[no-untyped-def]
    """A run that still holds the assignment for two seconds, whose worker was killed: nothing will finish it."""
    db.add(RegradeRun(assignment_id=assignment["id"], started_by="a worker that was killed",
                      submissions=0, changed=0, claim="dead", claimed_until=utcnow() + timedelta(seconds=2)))
    db.commit()


def split_by_hand(db, assignment, chunk_size: int = 250):  # type: ignore[no-untyped-def]
    """Claim the run for a `regrade` job and split it, the job and its chunk held as running by a live worker (the
    test's), so that the server's runner leaves them to the test."""
    now = utcnow()
    stored = db.get_one(Assignment, assignment["id"])
    parent = Job(task="regrade", args={"assignment_id": stored.id, "by": "test"}, status=jobs.RUNNING,
                 worker="test", heartbeat_at=now, run_after=now)
    db.add(parent)
    db.flush()
    run = claim_run(db, stored, "test", job_id=parent.id)
    regrade_jobs.split(db, stored, run, job_id=parent.id, chunk_size=chunk_size, by="test", why="regrade")
    db.execute(update(Job).where(Job.parent_id == parent.id).values(status=jobs.RUNNING, worker="test",
                                                                     heartbeat_at=now))
    db.commit()
    return parent
