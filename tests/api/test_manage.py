"""PATCH and DELETE for courses, assignments, parts and extensions: edits that can change a score regrade, and each
change is in the submission's history with the edit as its reason."""

import json

import pytest

from tests.api.conftest import right_answers
from tests.api.test_submissions import submit

ONE_DAY_LATE = "2019-03-15T10:00:00-04:00"


def history_reasons(client, headers, submission) -> list[str]:  # type: ignore[no-untyped-def]
    return [h["why"] for h in client.get(f"/api/v1/submissions/{submission['id']}", headers=headers).json()["history"]]


def read(client, headers, submission):  # type: ignore[no-untyped-def]
    return client.get(f"/api/v1/submissions/{submission['id']}", headers=headers).json()


@pytest.fixture
def late(client, lms, assignment, parts):  # type: ignore[no-untyped-def]
    """alice, one day late: 10 % off."""
    return submit(client, lms, assignment, right_answers(parts), at=ONE_DAY_LATE).json()


class TestCourses:
    def test_an_instructor_renames_their_course(self, client, instructor, course) -> None:
        response = client.patch(f"/api/v1/courses/{course['id']}", json={"name": "Deep learning"}, headers=instructor)
        assert response.status_code == 200 and response.json()["name"] == "Deep learning"
        assert response.json()["code"] == course["code"]

    @pytest.mark.parametrize(("patch", "status"), [
        ({"timezone": "Mars/Olympus"}, 422), ({"code": "OTHER"}, 409), ({"name": ""}, 422),
    ], ids=["bad-timezone", "taken-code", "empty-name"])
    def test_a_bad_edit_is_refused(self, client, admin, course, other_course, patch, status) -> None:
        assert client.patch(f"/api/v1/courses/{course['id']}", json=patch, headers=admin).status_code == status

    def test_only_an_admin_deletes_a_course(self, client, admin, instructor, course, assignment, late) -> None:
        assert client.delete(f"/api/v1/courses/{course['id']}", headers=instructor).status_code == 403
        assert client.delete(f"/api/v1/courses/{course['id']}", headers=admin).status_code == 204
        assert client.get(f"/api/v1/assignments/{assignment['id']}", headers=admin).status_code == 404
        assert client.get(f"/api/v1/submissions/{late['id']}", headers=admin).status_code == 404


class TestAssignments:
    def test_a_title_change_regrades_nothing(self, client, instructor, assignment, late) -> None:
        response = client.patch(f"/api/v1/assignments/{assignment['id']}", json={"title": "HW 4"}, headers=instructor)
        assert response.status_code == 200 and (response.json()["title"], response.json()["regrade"]) == ("HW 4", None)

    def test_a_later_deadline_removes_the_penalty_and_says_why(self, client, instructor, assignment, late) -> None:
        response = client.patch(f"/api/v1/assignments/{assignment['id']}", json={"deadline": "2019-03-16T23:59:00"},
                                headers=instructor)
        assert response.json()["regrade"] == {"submissions": 1, "changed": 1}
        after = read(client, instructor, late)
        assert (after["late_periods"], after["final_score"]) == (0, late["raw_score"])
        assert "assignment edited: deadline" in history_reasons(client, instructor, late)

    def test_a_new_late_policy_regrades(self, client, instructor, assignment, late) -> None:
        policy = assignment["late_policy"] | {"percent_per_period": 50}
        client.patch(f"/api/v1/assignments/{assignment['id']}", json={"late_policy": policy}, headers=instructor)
        assert read(client, instructor, late)["final_score"] == pytest.approx(late["raw_score"] * 0.5)

    def test_deleting_removes_its_submissions(self, client, instructor, assignment, late) -> None:
        assert client.delete(f"/api/v1/assignments/{assignment['id']}", headers=instructor).status_code == 204
        assert client.get(f"/api/v1/submissions/{late['id']}", headers=instructor).status_code == 404

    def test_the_lms_may_not_delete(self, client, lms, assignment) -> None:
        assert client.delete(f"/api/v1/assignments/{assignment['id']}", headers=lms).status_code == 403

    def test_variants_cannot_change_after_creation(self, client, instructor, assignment) -> None:
        response = client.patch(f"/api/v1/assignments/{assignment['id']}", json={"variants": True, "title": "HW 4"},
                                headers=instructor)
        assert response.status_code == 422 and "variants: cannot change" in response.text, response.text
        stored = client.get(f"/api/v1/assignments/{assignment['id']}", headers=instructor).json()
        assert (stored["title"], stored["variants"]) == (assignment["title"], assignment["variants"])


@pytest.mark.parametrize(("method", "path", "body"), [
    ("patch", "/api/v1/assignments/{assignment}", {"title": "HW 4"}),
    ("post", "/api/v1/courses/{course}/assignments", {"title": "HW 5", "deadline": "2019-03-14T23:59:00",
                                                       "parts": [{"question_id": "{number}"}]}),
    ("post", "/api/v1/assignments/{assignment}/parts", {"question_id": "{number}"}),
    ("patch", "/api/v1/assignments/{assignment}/parts/{number}", {"points": 3}),
    ("post", "/api/v1/assignments/{assignment}/parts/{number}/mistakes", {"answer": "7", "feedback": "off by one"}),
    ("put", "/api/v1/assignments/{assignment}/extensions/alice", {"deadline": "2019-03-20T23:59:00"}),
    ("post", "/api/v1/assignments/{assignment}/submissions", {"student": "alice", "answers": {}}),
    ("patch", "/api/v1/courses/{course}", {"name": "Deep learning"}),
], ids=["assignment-patch", "assignment", "part", "points", "mistake", "extension", "submission", "course-patch"])
def test_a_field_a_body_does_not_have_is_refused_by_name(client, admin, course, assignment, parts, method, path,
                                                         body) -> None:
    """A misspelt field silently ignored would leave the client believing it was taken into account."""
    fill = {"course": course["id"], "assignment": assignment["id"], "number": parts["number"].id}
    text = json.dumps(body).replace("{number}", parts["number"].id)
    response = client.request(method, path.format(**fill), json={**json.loads(text), "no_such_field": 1},
                              headers=admin)
    assert response.status_code == 422, response.text
    assert ["body", "no_such_field"] in [error["loc"] for error in response.json()["detail"]], response.text


class TestParts:
    def test_new_points_rescale_the_part(self, client, instructor, assignment, parts, late) -> None:
        number = parts["number"].id
        response = client.patch(f"/api/v1/assignments/{assignment['id']}/parts/{number}", json={"points": 5},
                                headers=instructor)
        assert response.status_code == 200, response.text
        after = read(client, instructor, late)
        assert next(p for p in after["parts"] if p["question_id"] == number)["score"] == 5
        assert after["max_score"] == late["max_score"] + 3
        assert f"points of {number}: 2 → 5" in history_reasons(client, instructor, late)

    def test_removing_a_part_takes_its_points_away_with_history(self, client, instructor, assignment, parts,
                                                                 late) -> None:
        number = parts["number"].id
        response = client.delete(f"/api/v1/assignments/{assignment['id']}/parts/{number}", headers=instructor)
        assert [p["question_id"] for p in response.json()["parts"]] == [parts["expression"].id, parts["manual"].id]
        after = read(client, instructor, late)
        assert (after["raw_score"], after["max_score"]) == (late["raw_score"] - 2, late["max_score"] - 2)
        assert [p["question_id"] for p in after["parts"]] == [parts["expression"].id, parts["manual"].id]
        assert any(h["question_id"] == number and h["new"] == 0 for h in after["history"])

    def test_adding_a_part_raises_the_maximum(self, client, instructor, assignment, late) -> None:
        extra = next(q["id"] for q in client.get("/api/v1/questions", headers=instructor).json()
                     if q["id"] not in {p["question_id"] for p in assignment["parts"]} and q["kind"] == "number")
        response = client.post(f"/api/v1/assignments/{assignment['id']}/parts",
                               json={"question_id": extra, "points": 3}, headers=instructor)
        assert response.status_code == 200 and response.json()["parts"][-1] == {"question_id": extra, "points": 3}
        assert read(client, instructor, late)["max_score"] == late["max_score"] + 3

    @pytest.mark.parametrize(("method", "path", "body", "status"), [
        ("post", "/parts", {"question_id": "no/such/part"}, 422),
        ("patch", "/parts/no/such/part", {"points": 1}, 404),
        ("patch", "/parts/{number}", {"points": 0}, 422),
        ("delete", "/parts/no/such/part", None, 404),
    ], ids=["add-unknown", "points-of-unknown", "zero-points", "remove-unknown"])
    def test_bad_part_edits_are_refused(self, client, instructor, assignment, parts, method, path, body,
                                        status) -> None:
        url = f"/api/v1/assignments/{assignment['id']}{path.format(number=parts['number'].id)}"
        response = client.request(method, url, json=body, headers=instructor)
        assert response.status_code == status, response.text


class TestExtensions:
    def test_an_extension_reassesses_submissions_already_made(self, client, instructor, assignment, late) -> None:
        response = client.put(f"/api/v1/assignments/{assignment['id']}/extensions/alice",
                              json={"deadline": "2019-03-16T23:59:00"}, headers=instructor)
        assert response.json()["regrade"] == {"submissions": 1, "changed": 1}
        assert read(client, instructor, late)["penalty_percent"] == 0

    def test_extensions_are_listed_and_taken_back(self, client, instructor, assignment, late) -> None:
        url = f"/api/v1/assignments/{assignment['id']}/extensions"
        client.put(f"{url}/alice", json={"deadline": "2019-03-16T23:59:00"}, headers=instructor)
        assert [e["student"] for e in client.get(url, headers=instructor).json()] == ["alice"]
        response = client.delete(f"{url}/alice", headers=instructor)
        assert response.json() == {"submissions": 1, "changed": 1}
        assert read(client, instructor, late)["penalty_percent"] == 10
        assert client.get(url, headers=instructor).json() == []

    def test_taking_back_a_missing_extension_is_404(self, client, instructor, assignment) -> None:
        response = client.delete(f"/api/v1/assignments/{assignment['id']}/extensions/nobody", headers=instructor)
        assert response.status_code == 404 and "nobody" in response.json()["detail"]
