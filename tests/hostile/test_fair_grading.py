"""One token cannot starve the others: rate limits and in-flight caps answer 429 with Retry-After, and a token
flooding slow answers gets only its share of the grading workers."""

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from tests.api.conftest import first_part
from tests.api.test_time_limit import SLOW_SET_ANSWER
from tests.concurrency.conftest import race
from tests.conftest import serve

OPEN = "2100-01-01T00:00:00"


@pytest.fixture(autouse=True)
def sqlite_only(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("limits live in the web process, not the database: one backend is enough")


@pytest.fixture
def strict(sessions: sessionmaker[Session], db: Session) -> Iterator[TestClient]:
    settings = Settings(grade_timeout=1.0, grade_workers=2, rate_limit="5/minute", grading_per_student=1)
    with serve(sessions, settings) as client:
        yield client


def open_assignment(client, headers, course) -> dict:  # type: ignore[no-untyped-def]
    parts = [{"question_id": first_part("set").id}, {"question_id": first_part("integer", "number").id}]
    body = {"title": "open", "deadline": OPEN, "parts": parts}
    response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def submit(client, headers, assignment, student: str, answer: str):  # type: ignore[no-untyped-def]
    body = {"student": student, "answers": {first_part("set").id: answer}}
    return client.post(f"/api/v1/assignments/{assignment['id']}/submissions", json=body, headers=headers)


def test_a_token_over_its_rate_limit_gets_429_with_retry_after(strict, auth, course) -> None:
    headers = auth("instructor", course="CSC421")
    statuses = [strict.get("/api/v1/courses", headers=headers) for _ in range(6)]
    assert [r.status_code for r in statuses] == [200] * 5 + [429]
    assert int(statuses[-1].headers["Retry-After"]) >= 1
    assert strict.get("/api/v1/courses", headers=auth("instructor", course="CSC421")).status_code == 200


def test_a_student_with_a_submission_grading_gets_429_for_another(strict, auth, course) -> None:
    assignment = open_assignment(strict, auth("instructor", course="CSC421"), course)
    lms = auth("lms", course="CSC421")
    responses = race(lambda: submit(strict, lms, assignment, "alice", SLOW_SET_ANSWER),
                     lambda: submit(strict, lms, assignment, "alice", SLOW_SET_ANSWER))
    assert sorted(r.status_code for r in responses) == [201, 429]
    refused = next(r for r in responses if r.status_code == 429)
    assert "this student" in refused.json()["detail"] and refused.headers["Retry-After"] == "1"


def test_another_tokens_submissions_complete_while_one_token_floods_slow_answers(
    sessions: sessionmaker[Session], db: Session, auth, course
) -> None:
    settings = Settings(grade_timeout=1.0, grade_workers=2)
    flooders = 12  # an LMS token submitting slow answers for 12 students at once
    with serve(sessions, settings) as client:
        assignment = open_assignment(client, auth("instructor", course="CSC421"), course)
        flooder, victim = auth("lms", course="CSC421"), auth("student", student="victim")
        warm_up(client, victim, assignment)  # fairness is measured here, not the workers' warm-up

        def flood(number: int) -> int:
            return submit(client, flooder, assignment, f"s{number}", SLOW_SET_ANSWER).status_code

        with ThreadPoolExecutor(flooders) as threads:
            flooding = threads.map(flood, range(flooders))
            time.sleep(0.5)  # the flood holds the pool
            took = []
            for _ in range(3):
                started = time.monotonic()
                assert submit(client, victim, assignment, "victim", "{1, 2}").status_code == 201
                took.append(time.monotonic() - started)
            assert set(flooding) == {201}
    # Behind the whole flood the victim would wait for ~12 one-second answers on 2 workers (~6 s); with its own
    # worker it waits for its own answer, plus at most one slow answer on a loaded machine.
    assert max(took) < 4 * settings.grade_timeout, took


def warm_up(client, headers, assignment) -> None:  # type: ignore[no-untyped-def]
    """Wait until the pool's workers have installed the bank (a warm worker is what the limits share)."""
    deadline = time.monotonic() + 60
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < deadline, "the grading workers never warmed up"
        time.sleep(0.1)
    for _ in range(2):
        assert submit(client, headers, assignment, "victim", "{1, 2}").status_code == 201


def test_grading_does_not_hold_a_database_connection(engine: Engine, db: Session, auth, course) -> None:
    # One connection for the whole app: a request that kept it while its answer is graded (a second: the answer
    # runs to its limit) would make every other request time out waiting for the pool.
    one = create_engine(engine.url, pool_size=1, max_overflow=0, pool_timeout=0.5,
                        connect_args={"check_same_thread": False})
    try:
        with serve(sessionmaker(one, expire_on_commit=False), Settings(grade_timeout=1.0)) as client:
            assignment = open_assignment(client, auth("instructor", course="CSC421"), course)
            lms = auth("lms", course="CSC421")
            responses = race(lambda: submit(client, lms, assignment, "alice", SLOW_SET_ANSWER),
                             lambda: submit(client, lms, assignment, "bob", SLOW_SET_ANSWER),
                             lambda: (time.sleep(0.2), client.get("/api/v1/courses", headers=lms))[1])
    finally:
        one.dispose()
    assert [r.status_code for r in responses] == [201, 201, 200], [r.text[:200] for r in responses]
