"""A grade that does not finish for our reasons is stored pending, shown as pending everywhere, never exported as 0,
and finished by the queue once the workers can grade again."""

import csv
import io
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import app.services.grading
from app.config import Settings
from app.models import Job
from tests.api.conftest import right_answers
from tests.api.test_submissions import ON_TIME, submit
from tests.conftest import serve


@pytest.fixture
def broken_client(sessions: sessionmaker[Session], db: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A server whose grading workers know no bank part: every grade fails for a reason of ours. It runs no jobs,
    so the pending parts wait for the next server."""
    monkeypatch.setattr(app.services.grading, "bank_questions", dict)
    with serve(sessions, Settings(grade_timeout=30, run_jobs=False)) as client:
        yield client


@pytest.fixture
def pending_submission(broken_client, lms, assignment, parts) -> dict:  # type: ignore[no-untyped-def]
    response = submit(broken_client, lms, assignment, right_answers(parts), at=ON_TIME)
    assert response.status_code == 201, response.text
    return response.json()


def test_unfinished_parts_are_pending_not_wrong(pending_submission, parts) -> None:
    auto = {p.id for p in parts.values() if p.kind != "manual"}
    body = pending_submission
    assert body["pending"] is True and body["pending_parts"] == len(parts)
    for part in body["parts"]:
        assert (part["pending"], part["correct"], part["error"], part["score"]) == (True, None, None, 0), part
    assert {p["question_id"] for p in body["parts"]} >= auto


def test_the_lms_gets_no_final_score_while_parts_are_pending(broken_client, pending_submission, instructor) -> None:
    """The LMS reads final_score from the answer to its POST: a pending part counted as 0 would be imported."""
    read = broken_client.get(f"/api/v1/submissions/{pending_submission['id']}", headers=instructor).json()
    assert pending_submission["final_score"] is None and read["final_score"] is None
    assert read["pending"] is True


def test_the_gradebook_has_no_score_for_a_pending_part(broken_client, pending_submission, assignment,
                                                       instructor) -> None:
    url = f"/api/v1/assignments/{assignment['id']}/gradebook?parts=true"
    (row,) = broken_client.get(url, headers=instructor).json()
    pending = {part["question_id"] for part in pending_submission["parts"] if part["pending"]}
    assert pending and all(row["parts"][question_id] is None for question_id in pending), row["parts"]
    (exported,) = csv.DictReader(io.StringIO(broken_client.get(url, headers=instructor | {"Accept": "text/csv"}).text))
    assert all(exported[question_id] == "" for question_id in pending), exported


def test_the_pending_submission_waits_as_a_job(pending_submission, db: Session) -> None:
    (job,) = db.scalars(select(Job)).all()
    assert (job.task, job.args, job.status) == ("grade_pending", {"submission_id": pending_submission["id"]}, "queued")


def test_the_gradebook_exports_no_final_score_while_parts_are_pending(
    broken_client, pending_submission, assignment, instructor
) -> None:
    url = f"/api/v1/assignments/{assignment['id']}/gradebook"
    (row,) = broken_client.get(url, headers=instructor).json()
    assert (row["final_score"], row["pending_parts"]) == (None, pending_submission["pending_parts"])
    (exported,) = csv.DictReader(io.StringIO(broken_client.get(url, headers=instructor | {"Accept": "text/csv"}).text))
    assert (exported["final_score"], exported["pending_parts"]) == ("", str(row["pending_parts"]))


def test_the_course_gradebook_has_no_total_while_a_counted_submission_is_pending(
    broken_client, pending_submission, assignment, instructor
) -> None:
    url = f"/api/v1/courses/{assignment['course_id']}/gradebook"
    (row,) = broken_client.get(url, headers=instructor).json()
    assert (row["scores"][str(assignment["id"])], row["total"], row["provisional"]) == (None, None, True)
    (exported,) = csv.DictReader(io.StringIO(broken_client.get(url, headers=instructor | {"Accept": "text/csv"}).text))
    assert exported["total"] == ""


def test_the_queue_grades_pending_parts_once_workers_can(
    pending_submission, sessions: sessionmaker[Session], instructor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the bank is back: a server that runs jobs finishes the pending parts
    with serve(sessions, Settings(grade_timeout=30, run_jobs=True)) as client:
        url = f"/api/v1/submissions/{pending_submission['id']}"
        deadline = time.monotonic() + 60
        while (body := client.get(url, headers=instructor).json())["pending"] and time.monotonic() < deadline:
            time.sleep(0.2)
    assert body["pending"] is False
    assert body["raw_score"] == sum(p["score"] for p in body["parts"])
    auto = [p for p in body["parts"] if p["correct"] is not None]
    assert auto and all(p["correct"] and p["score"] == p["max_score"] for p in auto)
    assert [c["question_id"] for c in body["history"] if c["question_id"]] == [p["question_id"] for p in auto]
