"""One running regrade per assignment: a run holds a lease; another waits for it, and takes over a dead one."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import Assignment, RegradeRun, utcnow
from app.services.regrade import RegradeBusy, current_run


@pytest.fixture
def running(db, assignment) -> RegradeRun:  # type: ignore[no-untyped-def]
    return current_run(db, db.get(Assignment, assignment["id"]), "first", resume=True)


def test_a_second_regrade_is_refused_while_the_first_holds_its_lease(db, assignment, running) -> None:
    with pytest.raises(RegradeBusy, match="started by first is running"):
        current_run(db, db.get(Assignment, assignment["id"]), "second", resume=True, wait=0.3)


def test_a_run_whose_lease_ran_out_is_taken_over_and_resumed(db, assignment, running) -> None:
    first_claim, running.claimed_until = running.claim, utcnow() - timedelta(seconds=1)  # its process died
    db.commit()
    resumed = current_run(db, db.get(Assignment, assignment["id"]), "second", resume=True, wait=0)
    assert resumed.id == running.id and resumed.claim != first_claim


def test_a_regrade_over_http_that_meets_a_running_one_answers_202_with_its_job_to_follow(
    client, instructor, db, assignment, running, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The request's job is queued and retried by the queue: never a 409 for it (README, the queue)."""
    monkeypatch.setattr("app.services.regrade.WAIT", 0.0)
    monkeypatch.setattr("app.api.jobs.SYNC_WAIT", 1.0)
    response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor)
    assert response.status_code == 202, response.text
    assert response.headers["Location"] == response.json()["url"]
    assert response.json()["status"] in ("queued", "running"), response.json()
    assert db.scalar(select(RegradeRun.claim).where(RegradeRun.id == running.id)) == running.claim
