"""Submissions: grading, storage of the raw text, the seed-000 late policy, extensions, idempotency."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.models import AuditEntry, Submission
from tests.api.conftest import right_answers


def submit(client: TestClient, headers, assignment, answers, *, student="alice", at=None, key=None):  # type: ignore[no-untyped-def]
    extra = {"Idempotency-Key": key} if key else {}
    body = {"student": student, "answers": answers, "submitted_at": at}
    return client.post(f"/api/v1/assignments/{assignment['id']}/submissions", json=body, headers=headers | extra)


ON_TIME = "2019-03-14T23:00:00-04:00"


class TestGrading:
    def test_right_answers_score_full_marks_on_auto_parts(self, client, lms, assignment, parts) -> None:
        response = submit(client, lms, assignment, right_answers(parts), at=ON_TIME)
        assert response.status_code == 201, response.text
        by_id = {p["question_id"]: p for p in response.json()["parts"]}
        assert by_id[parts["number"].id]["correct"] is True
        assert by_id[parts["expression"].id]["score"] == 2

    def test_manual_part_waits_with_correct_null(self, client, lms, assignment, parts) -> None:
        result = submit(client, lms, assignment, right_answers(parts), at=ON_TIME).json()
        manual = next(p for p in result["parts"] if p["question_id"] == parts["manual"].id)
        assert manual["correct"] is None and manual["score"] == 0

    def test_scores_add_up(self, client, lms, assignment, parts) -> None:
        result = submit(client, lms, assignment, right_answers(parts), at=ON_TIME).json()
        assert (result["raw_score"], result["max_score"], result["final_score"]) == (4, 6, 4)

    def test_unreadable_answer_scores_zero_with_an_error_and_is_stored(self, client, lms, assignment, parts) -> None:
        answers = right_answers(parts) | {parts["expression"].id: "\\frac{1}{"}
        result = submit(client, lms, assignment, answers, at=ON_TIME).json()
        part = next(p for p in result["parts"] if p["question_id"] == parts["expression"].id)
        assert part["score"] == 0 and part["error"]
        assert part["answer"] == "\\frac{1}{"

    def test_raw_answer_is_stored_exactly_as_received(self, client, lms, assignment, parts) -> None:
        raw = "  2 \u00d7 3  "
        submit(client, lms, assignment, {parts["number"].id: raw}, at=ON_TIME)
        stored = client.get(f"/api/v1/assignments/{assignment['id']}/submissions", headers=lms).json()
        assert stored[0]["parts"][0]["answer"] == raw

    def test_missing_answer_scores_zero_saying_so(self, client, lms, assignment, parts) -> None:
        result = submit(client, lms, assignment, {}, at=ON_TIME).json()
        assert all(p["error"] == "no answer was submitted" for p in result["parts"])

    def test_unknown_question_is_422_naming_the_parts_not_echoing_the_key(self, client, lms, assignment, parts) -> None:
        response = submit(client, lms, assignment, {"no/such/q": "1"})
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert "answers: 1 key is not a part" in detail and parts["expression"].id in detail and "no/such/q" not in detail

    def test_overlong_answer_is_422(self, client, lms, assignment, parts) -> None:
        response = submit(client, lms, assignment, {parts["expression"].id: "x" * 1_000_000})
        assert response.status_code == 422

    def test_unknown_assignment_is_404(self, client, lms) -> None:
        assert submit(client, lms, {"id": 999999}, {}).status_code == 404


# Seed 000: "10% per day, rounded up", "open until 3 days after the deadline" (2019-03-14 23:59 Toronto = 03:59Z).
SEED_000_TABLE = [
    pytest.param("2019-03-15T03:59:00Z", 0, 0, id="at-the-deadline"),
    pytest.param("2019-03-15T03:59:01Z", 1, 10, id="one-second-late-is-one-day"),
    pytest.param("2019-03-16T03:59:00Z", 1, 10, id="exactly-one-day"),
    pytest.param("2019-03-16T03:59:01Z", 2, 20, id="one-day-and-a-second"),
    pytest.param("2019-03-18T03:59:00Z", 3, 30, id="last-second-open"),
]


class TestLatePolicy:
    @pytest.mark.parametrize(("at", "periods", "penalty"), SEED_000_TABLE)
    def test_seed_000_table(self, client, lms, assignment, parts, at, periods, penalty) -> None:
        result = submit(client, lms, assignment, right_answers(parts), at=at).json()
        assert (result["late_periods"], result["penalty_percent"]) == (periods, penalty)
        assert result["final_score"] == pytest.approx(4 * (1 - penalty / 100))

    def test_after_closing_is_409_naming_the_closing_time(self, client, lms, assignment, parts) -> None:
        response = submit(client, lms, assignment, right_answers(parts), at="2019-03-18T03:59:01Z")
        assert response.status_code == 409
        assert "2019-03-18T03:59:00" in response.json()["detail"]

    def test_refused_attempt_is_audited_and_nothing_is_stored(self, client, lms, assignment, parts, db) -> None:
        submit(client, lms, assignment, right_answers(parts), at="2019-03-20T00:00:00Z")
        assert db.scalar(select(func.count()).select_from(Submission)) == 0
        refused = db.scalars(select(AuditEntry).where(AuditEntry.action == "submission.refused")).all()
        assert [(e.role, e.detail["student"]) for e in refused] == [("lms", "alice")]

    def test_extension_moves_the_deadline(self, client, instructor, lms, assignment, parts) -> None:
        client.put(f"/api/v1/assignments/{assignment['id']}/extensions/alice",
                   json={"deadline": "2019-03-17T23:59:00"}, headers=instructor)
        result = submit(client, lms, assignment, right_answers(parts), at="2019-03-18T03:59:00Z").json()
        assert result["penalty_percent"] == 0

    def test_extension_is_only_for_that_student(self, client, instructor, lms, assignment, parts) -> None:
        client.put(f"/api/v1/assignments/{assignment['id']}/extensions/alice",
                   json={"deadline": "2019-03-17T23:59:00"}, headers=instructor)
        result = submit(client, lms, assignment, right_answers(parts), student="bob", at="2019-03-18T03:59:00Z").json()
        assert result["penalty_percent"] == 30

    def test_student_clock_is_not_trusted(self, client, auth, assignment, parts) -> None:
        student = auth("student", course="CSC421", student="alice")
        # The server's clock says 2026: long after closing, whatever the student claims.
        response = submit(client, student, assignment, right_answers(parts), at=ON_TIME)
        assert response.status_code == 409

    def test_naive_submitted_at_is_course_local(self, client, lms, assignment, parts) -> None:
        result = submit(client, lms, assignment, right_answers(parts), at="2019-03-14T23:59:30").json()
        assert result["late_periods"] == 1


class TestIdempotency:
    def test_retry_returns_the_first_response(self, client, lms, assignment, parts) -> None:
        first = submit(client, lms, assignment, right_answers(parts), at=ON_TIME, key="lms-42")
        again = submit(client, lms, assignment, right_answers(parts), at=ON_TIME, key="lms-42")
        assert again.status_code == 201
        assert again.json() == first.json()

    def test_retry_stores_nothing_new(self, client, lms, assignment, parts, db) -> None:
        for _ in range(3):
            submit(client, lms, assignment, right_answers(parts), at=ON_TIME, key="lms-42")
        assert db.scalar(select(func.count()).select_from(Submission)) == 1

    def test_same_key_with_another_body_is_409(self, client, lms, assignment, parts) -> None:
        submit(client, lms, assignment, right_answers(parts), at=ON_TIME, key="lms-42")
        response = submit(client, lms, assignment, {}, at=ON_TIME, key="lms-42")
        assert response.status_code == 409
        assert "lms-42" in response.json()["detail"]

    def test_racing_identical_requests_store_one_submission(self, client, lms, assignment, parts, db) -> None:
        with ThreadPoolExecutor(4) as executor:
            responses = list(executor.map(
                lambda _: submit(client, lms, assignment, right_answers(parts), at=ON_TIME, key="race"), range(4)))
        assert {r.status_code for r in responses} == {201}
        assert len({r.json()["id"] for r in responses}) == 1
        assert db.scalar(select(func.count()).select_from(Submission)) == 1


class TestOutOfRange:
    def test_submitted_at_outside_the_calendar_is_422(self, client, lms, assignment, parts) -> None:
        response = submit(client, lms, assignment, right_answers(parts), at="0001-01-01T00:00:00+01:00")
        assert response.status_code == 422
        assert "submitted_at" in response.json()["detail"]

    @pytest.mark.parametrize("path", [
        "/api/v1/assignments/14116389816764317696/submissions",
        "/api/v1/submissions/14116389816764317696",
        "/api/v1/courses/99999999999/assignments",
    ])
    def test_an_id_too_large_for_the_database_is_422(self, client, admin, path) -> None:
        assert client.get(path, headers=admin).status_code == 422

    @pytest.mark.parametrize("field", ["student", "answer"])
    def test_a_nul_character_is_422_naming_the_field(self, client, lms, assignment, parts, field) -> None:
        answers = right_answers(parts) | ({parts["expression"].id: "x\x00"} if field == "answer" else {})
        body = {"student": "a\x00" if field == "student" else "alice", "answers": answers}
        response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions", json=body, headers=lms)
        assert response.status_code == 422
        assert field in str(response.json()["detail"][0]["loc"]) or "answers" in str(response.json()["detail"][0]["loc"])


class TestReplayIsVisible:
    def test_a_replay_says_so_in_a_header(self, client, lms, assignment, parts) -> None:
        first = submit(client, lms, assignment, right_answers(parts), key="replay-me", at=ON_TIME)
        again = submit(client, lms, assignment, right_answers(parts), key="replay-me", at=ON_TIME)
        assert "idempotent-replayed" not in first.headers and again.headers["idempotent-replayed"] == "true"
