"""Courses, assignments and extensions: creation, validation errors that name the field, deadlines with offsets."""

from fastapi.testclient import TestClient

from tests.api.conftest import assignment_body


class TestCreateCourse:
    def test_returns_201_with_the_course(self, client: TestClient, course) -> None:
        assert course["code"] == "CSC421" and course["timezone"] == "America/Toronto"

    def test_duplicate_code_is_409(self, client, admin, course) -> None:
        response = client.post("/api/v1/courses", json={"code": "CSC421", "name": "again"}, headers=admin)
        assert response.status_code == 409
        assert "CSC421" in response.json()["detail"]

    def test_unknown_time_zone_is_422_naming_the_field_not_echoing_it(self, client, admin) -> None:
        response = client.post("/api/v1/courses", json={"code": "X", "name": "X", "timezone": "Mars/Olympus"}, headers=admin)
        assert response.status_code == 422
        assert "timezone" in response.json()["detail"] and "Mars/Olympus" not in response.json()["detail"]

    def test_malformed_json_is_422(self, client, admin) -> None:
        response = client.post("/api/v1/courses", content=b"{not json", headers=admin | {"Content-Type": "application/json"})
        assert response.status_code == 422

    def test_missing_field_is_422_naming_it(self, client, admin) -> None:
        response = client.post("/api/v1/courses", json={"code": "X"}, headers=admin)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", "name"]


class TestCreateAssignment:
    def test_course_local_deadline_is_stored_with_its_offset(self, assignment) -> None:
        assert assignment["deadline"] in ("2019-03-15T03:59:00Z", "2019-03-15T03:59:00+00:00")

    def test_closing_time_is_three_days_later(self, assignment) -> None:
        assert assignment["closes_at"].startswith("2019-03-18T03:59:00")

    def test_points_default_to_the_banks(self, client, course, instructor, parts) -> None:
        body = assignment_body(parts, parts=[{"question_id": parts["number"].id}])
        created = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=instructor).json()
        assert created["parts"] == [{"question_id": parts["number"].id, "points": parts["number"].points}]

    def test_unknown_question_is_422_naming_it(self, client, course, instructor, parts) -> None:
        body = assignment_body(parts, parts=[{"question_id": "no/such/part"}])
        response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=instructor)
        assert response.status_code == 422
        assert "no/such/part" in response.json()["detail"]

    def test_negative_percent_is_422(self, client, course, instructor, parts) -> None:
        body = assignment_body(parts, late_policy={"percent_per_period": -5})
        response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=instructor)
        assert response.status_code == 422
        assert "percent_per_period" in str(response.json()["detail"])

    def test_unparseable_deadline_is_422(self, client, course, instructor, parts) -> None:
        body = assignment_body(parts, deadline="next thursday")
        response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=instructor)
        assert response.status_code == 422
        assert "deadline" in str(response.json()["detail"])

    def test_unknown_course_is_404(self, client, admin, parts) -> None:
        response = client.post("/api/v1/courses/999999/assignments", json=assignment_body(parts), headers=admin)
        assert response.status_code == 404

    def test_listed_under_its_course(self, client, course, instructor, assignment) -> None:
        listed = client.get(f"/api/v1/courses/{course['id']}/assignments", headers=instructor).json()
        assert [a["title"] for a in listed] == ["Homework 4"]


class TestExtension:
    def test_sets_the_students_own_deadline(self, client, instructor, assignment) -> None:
        response = client.put(f"/api/v1/assignments/{assignment['id']}/extensions/alice",
                              json={"deadline": "2019-03-16T23:59:00"}, headers=instructor)
        assert response.status_code == 200
        assert response.json()["deadline"].startswith("2019-03-17T03:59:00")

    def test_bad_deadline_is_422(self, client, instructor, assignment) -> None:
        response = client.put(f"/api/v1/assignments/{assignment['id']}/extensions/alice",
                              json={"deadline": "soon"}, headers=instructor)
        assert response.status_code == 422
