"""A regrade started from the dashboard shows a progress bar while it runs (a script polls the job's JSON; without
it the page refreshes itself) and then the page it came from, saying what changed."""

import time
from urllib.parse import quote

import pytest
from sqlalchemy import select

from app import jobs
from app.models import Job
from tests.dashboard.conftest import csrf_of, sign_in
from tests.dashboard.test_pages import submitted  # noqa: F401 - fixture


@pytest.fixture
def running(db, assignment) -> Job:  # type: ignore[no-untyped-def]
    """A regrade job split into chunks, 40 of 120 submissions done: no runner takes a waiting job."""
    job = Job(task="regrade", args={"assignment_id": assignment["id"], "by": "t"}, status=jobs.WAITING, done=40,
              total=120)
    db.add(job)
    db.commit()
    return job


def test_a_running_regrade_shows_its_progress_bar(signed_in, running) -> None:
    page = signed_in.get(f"/dashboard/jobs/{running.id}?then={quote('/dashboard/assignments/1?notice=regraded')}")
    assert page.status_code == 200
    assert '<progress max="120" value="40">' in page.text and "40</span> of <span" in page.text
    assert f'data-progress="/dashboard/jobs/{running.id}/progress.json"' in page.text
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page.text  # without JavaScript
    assert '<script defer src="/dashboard/static/job.js"></script>' in page.text


def test_the_progress_json_is_what_the_script_polls(signed_in, running) -> None:
    response = signed_in.get(f"/dashboard/jobs/{running.id}/progress.json")
    assert response.json() == {"status": "waiting", "done": 40, "total": 120, "error": None}


def test_a_finished_job_goes_on_to_the_page_with_its_counts(signed_in, db, running) -> None:
    running.status, running.result = jobs.DONE, {"submissions": 120, "changed": 7}
    db.commit()
    then = quote("/dashboard/assignments/1?notice=regraded")
    response = signed_in.get(f"/dashboard/jobs/{running.id}?then={then}", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (
        303, "/dashboard/assignments/1?notice=regraded&changed=7&of=120")


def test_a_page_outside_the_dashboard_is_refused(signed_in, running) -> None:
    response = signed_in.get(f"/dashboard/jobs/{running.id}?then=https://evil.example/", follow_redirects=False)
    assert response.status_code == 422 and "then" in response.text


def test_another_courses_instructor_cannot_follow_the_job(browser, auth, other_course, running) -> None:
    assert sign_in(browser, auth("instructor", course="OTHER")).status_code == 303
    assert browser.get(f"/dashboard/jobs/{running.id}/progress.json").status_code == 403


@pytest.mark.usefixtures("submitted")
def test_the_regrade_button_runs_a_job_and_says_what_changed(signed_in, db, assignment) -> None:  # type: ignore[no-untyped-def]
    url = f"/dashboard/assignments/{assignment['id']}"
    response = signed_in.post(f"{url}/regrade", data={"csrf_token": csrf_of(signed_in.get(url).text)})
    for _ in range(300):  # on a busy machine the progress page comes first: refresh it as the browser would
        if "data-progress" not in response.text:
            break
        time.sleep(0.2)
        response = signed_in.get(str(response.url))
    assert "Regraded: 0 scores changed." in response.text
    assert db.scalar(select(Job.status).where(Job.task == "regrade")) == jobs.DONE
