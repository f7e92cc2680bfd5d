"""Two requests that read and write the same rows at once: nothing is lost and every total adds up.

Invariants: a submission's raw score is the sum of its parts; an instructor's override is never overwritten by
a regrade; every known mistake added is kept; each score change is in the history once.
"""

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import Engine, select

from app.models import AssignmentPart, RegradeRun, ScoreChange
from tests.api.conftest import right_answers
from tests.api.test_manual_grading import grade
from tests.api.test_regrade import set_points
from tests.api.test_submissions import ON_TIME, submit
from tests.concurrency.conftest import race

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def postgres_only(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks and concurrent writers: the suite runs on PostgreSQL")


def read(client, headers, submission) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/submissions/{submission['id']}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def scores(submission: dict[str, Any]) -> dict[str, float]:
    return {part["question_id"]: part["score"] for part in submission["parts"]}


def assert_totals_add_up(submission: dict[str, Any]) -> None:
    assert submission["raw_score"] == pytest.approx(sum(scores(submission).values())), submission


def wrong_class(client, lms, assignment, parts, students: int, *, right_number: bool = False) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Submissions whose expression answers (and number answers, unless right) all differ, so that a regrade has
    many answers to grade."""
    made = []
    for i in range(students):
        answers = right_answers(parts) | {parts["expression"].id: f"x_t + {i + 7}"}
        if not right_number:
            answers[parts["number"].id] = str(1000 + i)
        response = submit(client, lms, assignment, answers, student=f"s{i}", at=ON_TIME)
        assert response.status_code == 201, response.text
        made.append(response.json())
    return made


def test_racing_hand_grades_of_one_submission_keep_the_total_equal_to_the_parts(
    client, lms, instructor, assignment, parts
) -> None:
    submitted = wrong_class(client, lms, assignment, parts, students=12)
    for submission in submitted:
        answers = race(lambda s=submission: grade(client, instructor, s, parts["number"].id, 1.5),
                       lambda s=submission: grade(client, instructor, s, parts["manual"].id, 0.5))
        assert [r.status_code for r in answers] == [200, 200], [r.text for r in answers]
    for submission in submitted:
        stored = read(client, instructor, submission)
        assert (scores(stored)[parts["number"].id], scores(stored)[parts["manual"].id]) == (1.5, 0.5)
        assert_totals_add_up(stored)


def test_an_override_committed_during_a_regrade_is_kept(client, db, lms, instructor, assignment, parts) -> None:
    submitted = wrong_class(client, lms, assignment, parts, students=40, right_number=True)
    set_points(db, assignment, parts["number"].id, 3)  # the regrade rewrites every submission's number score

    def regrade() -> int:
        return client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor).status_code

    def override_while_it_runs() -> list[int]:
        wait_for_a_running_regrade(db)
        with ThreadPoolExecutor(8) as threads:
            return list(threads.map(lambda s: grade(client, instructor, s, parts["number"].id, 0.25).status_code,
                                    submitted))

    regraded, overridden = race(regrade, override_while_it_runs)
    assert (regraded, set(overridden)) == (200, {200})
    for submission in submitted:
        stored = read(client, instructor, submission)
        assert scores(stored)[parts["number"].id] == 0.25, "an override was overwritten by the regrade"
        assert_totals_add_up(stored)


def wait_for_a_running_regrade(db) -> None:  # type: ignore[no-untyped-def]
    for _ in range(500):
        db.rollback()  # a fresh snapshot each time
        if db.scalar(select(RegradeRun.id).where(RegradeRun.finished_at.is_(None))):
            return
        time.sleep(0.01)
    raise AssertionError("the regrade never started")


def test_known_mistakes_added_at_once_are_all_kept(client, db, lms, instructor, assignment, parts) -> None:
    question_id = parts["expression"].id
    submitted = wrong_class(client, lms, assignment, parts, students=4)
    answers = [f"x_t + {i + 7}" for i in range(4)]

    def add(answer: str):  # type: ignore[no-untyped-def]
        return lambda: client.post(f"/api/v1/assignments/{assignment['id']}/parts/{question_id}/mistakes",
                                   json={"answer": answer, "feedback": f"mistake {answer}", "score": 0.5},
                                   headers=instructor)

    responses = race(*(add(answer) for answer in answers))
    assert [r.status_code for r in responses] == [200] * len(answers), [r.text for r in responses]
    stored = db.scalar(select(AssignmentPart.extra_mistakes).where(AssignmentPart.question_id == question_id))
    assert sorted(m["answer"] for m in stored) == sorted(answers)
    for submission in submitted:  # every mistake's credit reached the answers it names
        part = next(p for p in read(client, instructor, submission)["parts"] if p["question_id"] == question_id)
        assert (part["score"], part["feedback"]) == (1.0, f"mistake {part['answer']}")


def test_racing_regrades_record_each_change_once(client, db, lms, instructor, assignment, parts) -> None:
    submitted = [submit(client, lms, assignment, right_answers(parts), student=f"s{i}", at=ON_TIME).json()
                 for i in range(20)]
    set_points(db, assignment, parts["number"].id, 3)
    set_points(db, assignment, parts["expression"].id, 4)

    def regrade():  # type: ignore[no-untyped-def]
        return client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor)

    responses = race(regrade, regrade, regrade)
    assert [r.status_code for r in responses] == [200] * 3, [r.text for r in responses]
    assert sum(r.json()["changed"] for r in responses) == len(submitted)
    changes = Counter(db.execute(select(ScoreChange.submission_id, ScoreChange.question_id)).all())
    # Both parts and the final score of every submission changed, once each.
    assert len(changes) == 3 * len(submitted) and set(changes.values()) == {1}, "a score change was written twice"
    runs = db.execute(select(RegradeRun.started_at, RegradeRun.finished_at).order_by(RegradeRun.started_at)).all()
    assert len(runs) == 3 and all(earlier.finished_at <= later.started_at for earlier, later in pairwise(runs))
    for submission in submitted:
        assert_totals_add_up(read(client, instructor, submission))


def test_racing_retries_with_one_idempotency_key_store_one_submission(client, lms, assignment, parts) -> None:
    def send():  # type: ignore[no-untyped-def]
        return submit(client, lms, assignment, right_answers(parts), at=ON_TIME, key="retry-1")

    responses = race(send, send, send)
    assert {r.status_code for r in responses} <= {200, 201}, [r.text for r in responses]
    assert len({r.json()["id"] for r in responses}) == 1
    assert len(client.get(f"/api/v1/assignments/{assignment['id']}/submissions", headers=lms).json()) == 1


def test_submissions_racing_for_the_last_attempt_store_only_what_is_allowed(
    client, auth, instructor, course, parts
) -> None:
    body = {"title": "two tries", "deadline": "2100-01-01T00:00:00", "max_attempts": 2,
            "parts": [{"question_id": part.id} for part in parts.values()]}
    assignment = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=instructor).json()
    alice = auth("student", course="CSC421", student="alice")

    def send():  # type: ignore[no-untyped-def]
        return submit(client, alice, assignment, right_answers(parts))

    responses = race(send, send, send, send)
    assert sorted(r.status_code for r in responses) == [201, 201, 409, 409], [r.text for r in responses]
    assert len(client.get(f"/api/v1/assignments/{assignment['id']}/submissions", headers=alice).json()) == 2


def test_two_overrides_of_one_part_at_once_both_enter_the_history_in_order(
    client, lms, instructor, assignment, parts
) -> None:
    submitted = wrong_class(client, lms, assignment, parts, students=10)
    question_id = parts["number"].id
    for submission in submitted:
        race(lambda s=submission: grade(client, instructor, s, question_id, 1.0),
             lambda s=submission: grade(client, instructor, s, question_id, 1.5))
    for submission in submitted:
        stored = read(client, instructor, submission)
        changes = [c for c in stored["history"] if c["question_id"] == question_id]
        # Each override starts from the score the other one left: no change is computed from a stale read.
        assert [c["old"] for c in changes] == [0, changes[0]["new"]], changes
        assert scores(stored)[question_id] == changes[-1]["new"]
        assert_totals_add_up(stored)
