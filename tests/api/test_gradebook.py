"""The gradebook: one row per student, the attempts policy picks the submission, JSON and CSV agree."""

import csv
import io

import pytest

from fastapi.testclient import TestClient

from tests.api.conftest import assignment_body, right_answers
from tests.api.test_submissions import ON_TIME, submit


def make_assignment(client: TestClient, course, instructor, parts, attempts: str):  # type: ignore[no-untyped-def]
    body = assignment_body(parts, attempts=attempts)
    return client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=instructor).json()


def two_attempts(client, lms, assignment, parts):  # type: ignore[no-untyped-def]
    good = submit(client, lms, assignment, right_answers(parts), at=ON_TIME).json()
    worse = submit(client, lms, assignment, {}, at="2019-03-14T23:30:00-04:00").json()
    return good, worse


class TestGradebook:
    def test_one_row_per_student(self, client, lms, instructor, assignment, parts) -> None:
        for student in ("bob", "alice", "alice"):
            submit(client, lms, assignment, right_answers(parts), student=student, at=ON_TIME)
        rows = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook", headers=instructor).json()
        assert [(r["student"], r["submissions"]) for r in rows] == [("alice", 2), ("bob", 1)]

    def test_last_attempt_counts_under_last(self, client, lms, instructor, course, parts) -> None:
        assignment = make_assignment(client, course, instructor, parts, "last")
        _good, worse = two_attempts(client, lms, assignment, parts)
        rows = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook", headers=instructor).json()
        assert rows[0]["submission_id"] == worse["id"]

    def test_best_attempt_counts_under_best(self, client, lms, instructor, course, parts) -> None:
        assignment = make_assignment(client, course, instructor, parts, "best")
        good, _worse = two_attempts(client, lms, assignment, parts)
        rows = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook", headers=instructor).json()
        assert (rows[0]["submission_id"], rows[0]["final_score"]) == (good["id"], good["final_score"])

    def test_rows_carry_late_penalty_and_part_scores(self, client, lms, instructor, assignment, parts) -> None:
        submit(client, lms, assignment, right_answers(parts), at="2019-03-15T04:00:00Z")
        row = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook?parts=true", headers=instructor).json()[0]
        assert (row["late_periods"], row["penalty_percent"], row["final_score"]) == (1, 10, 3.6)
        assert row["parts"][parts["number"].id] == 2

    def test_a_waiting_manual_part_makes_the_row_provisional(self, client, lms, instructor, assignment, parts) -> None:
        submit(client, lms, assignment, right_answers(parts), at=ON_TIME)
        row = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook", headers=instructor).json()[0]
        assert (row["waiting_parts"], row["provisional"]) == (1, True)

    def test_part_scores_only_on_request(self, client, lms, instructor, assignment, parts) -> None:
        submit(client, lms, assignment, right_answers(parts), at=ON_TIME)
        row = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook", headers=instructor).json()[0]
        assert row["parts"] is None

    @pytest.mark.parametrize(("query", "accept"), [("", "text/csv"), ("?format=csv", "*/*"), ("?format=csv", "application/json")],
                             ids=["accept-header", "format-query", "query-wins"])
    def test_csv_has_the_same_rows(self, client, lms, instructor, assignment, parts, query, accept) -> None:
        submit(client, lms, assignment, right_answers(parts), at=ON_TIME)
        response = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook{query}",
                              headers=instructor | {"Accept": accept})
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [(r["student"], float(r["final_score"]), float(r[parts["number"].id])) for r in rows] == [("alice", 4.0, 2.0)]

    def test_lms_may_read_it(self, client, lms, assignment) -> None:
        assert client.get(f"/api/v1/assignments/{assignment['id']}/gradebook", headers=lms).status_code == 200


class TestCourseGradebook:
    def test_one_row_per_student_across_assignments(self, client, lms, instructor, course, assignment, parts) -> None:
        second = make_assignment(client, course, instructor, parts, "last")
        submit(client, lms, assignment, right_answers(parts), student="alice", at=ON_TIME)
        submit(client, lms, second, right_answers(parts), student="alice", at=ON_TIME)
        submit(client, lms, second, right_answers(parts), student="bob", at=ON_TIME)
        rows = client.get(f"/api/v1/courses/{course['id']}/gradebook", headers=instructor).json()
        assert [(r["student"], r["scores"], r["total"], r["max_total"]) for r in rows] == [
            ("alice", {str(assignment["id"]): 4.0, str(second["id"]): 4.0}, 8.0, 12.0),
            ("bob", {str(assignment["id"]): None, str(second["id"]): 4.0}, 4.0, 12.0),
        ]

    @pytest.mark.parametrize("how", [{"params": {"format": "csv"}}, {"headers": {"Accept": "text/csv"}}],
                             ids=["format-query", "accept-header"])
    def test_csv(self, client, lms, instructor, course, assignment, parts, how) -> None:
        submit(client, lms, assignment, right_answers(parts), student="alice", at=ON_TIME)
        response = client.get(f"/api/v1/courses/{course['id']}/gradebook", params=how.get("params"),
                              headers=instructor | how.get("headers", {}))
        assert list(csv.reader(io.StringIO(response.text))) == [
            ["student", "Homework 4", "total", "max_total", "provisional"], ["alice", "4.0", "4.0", "6.0", "True"]]
