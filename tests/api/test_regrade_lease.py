"""One running regrade per assignment: a run holds a lease; another is refused while it lives (its job waits and
tries again) and abandons it once its lease ran out."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import Assignment, RegradeRun, utcnow
from app.services.regrade import RegradeBusy, claim_run


def claimed(db, assignment, by: str) -> RegradeRun:  # type: ignore[no-untyped-def]
    run = claim_run(db, db.get_one(Assignment, assignment["id"]), by)
    db.commit()
    return run


@pytest.fixture
def running(db, assignment) -> RegradeRun:  # type: ignore[no-untyped-def]
    return claimed(db, assignment, "first")


def test_a_second_regrade_is_refused_while_the_first_holds_its_lease(db, assignment, running) -> None:
    with pytest.raises(RegradeBusy, match="started by first is running"):
        claimed(db, assignment, "second")


def test_a_run_whose_lease_ran_out_is_abandoned_for_a_new_one(db, assignment, running) -> None:
    running.claimed_until = utcnow() - timedelta(seconds=1)  # its workers died
    db.commit()
    newer = claimed(db, assignment, "second")
    db.refresh(running)
    assert newer.id != running.id and newer.claim is not None
    assert running.finished_at is not None and running.claim is None


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
