"""Role boundaries: 401 for no or unknown token, 403 for a known token out of its scope."""

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import right_answers


class TestAnonymous:
    def test_healthz_needs_no_token(self, client: TestClient) -> None:
        assert client.get("/healthz").status_code == 200

    @pytest.mark.parametrize("path", ["/api/v1/courses", "/api/v1/questions"])
    def test_missing_token_is_401(self, client: TestClient, path: str) -> None:
        response = client.get(path)
        assert response.status_code == 401
        assert "bearer token" in response.json()["detail"]

    def test_unknown_token_is_401(self, client: TestClient) -> None:
        response = client.get("/api/v1/courses", headers={"Authorization": "Bearer not-a-token"})
        assert response.status_code == 401
        assert response.json()["detail"] == "unknown or revoked token"


class TestCrossCourse:
    @pytest.mark.parametrize("role", ["instructor", "lms"])
    def test_course_token_cannot_read_another_course(self, client, auth, assignment, other_course, role) -> None:
        outsider = auth(role, course="OTHER")
        response = client.get(f"/api/v1/assignments/{assignment['id']}/submissions", headers=outsider)
        assert response.status_code == 403
        assert f"assignment {assignment['id']}" in response.json()["detail"]

    def test_instructor_cannot_list_another_courses_assignments(self, client, auth, course, other_course) -> None:
        response = client.get(f"/api/v1/courses/{course['id']}/assignments", headers=auth("instructor", course="OTHER"))
        assert response.status_code == 403

    def test_instructor_sees_only_its_course(self, client, instructor, other_course) -> None:
        codes = [c["code"] for c in client.get("/api/v1/courses", headers=instructor).json()]
        assert codes == ["CSC421"]

    def test_admin_sees_every_course(self, client, admin, course, other_course) -> None:
        codes = [c["code"] for c in client.get("/api/v1/courses", headers=admin).json()]
        assert codes == ["CSC421", "OTHER"]


class TestRoles:
    def test_instructor_cannot_create_a_course(self, client, instructor) -> None:
        response = client.post("/api/v1/courses", json={"code": "X", "name": "X"}, headers=instructor)
        assert response.status_code == 403
        assert "admin" in response.json()["detail"]

    def test_student_cannot_read_the_gradebook(self, client, auth, assignment) -> None:
        student = auth("student", course="CSC421", student="alice")
        assert client.get(f"/api/v1/assignments/{assignment['id']}/gradebook", headers=student).status_code == 403

    def test_student_cannot_create_an_assignment(self, client, auth, course, parts) -> None:
        student = auth("student", course="CSC421", student="alice")
        body = {"title": "x", "deadline": "2030-01-01T00:00:00", "parts": [{"question_id": parts["number"].id}]}
        assert client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=student).status_code == 403


class TestStudentScope:
    def submit(self, client, headers, assignment, parts, student):  # type: ignore[no-untyped-def]
        body = {"student": student, "answers": right_answers(parts), "submitted_at": "2019-03-14T12:00:00"}
        return client.post(f"/api/v1/assignments/{assignment['id']}/submissions", json=body, headers=headers)

    def test_student_cannot_submit_for_someone_else(self, client, auth, assignment, parts) -> None:
        response = self.submit(client, auth("student", course="CSC421", student="alice"), assignment, parts, "bob")
        assert response.status_code == 403
        assert "alice" in response.json()["detail"]

    def test_student_sees_only_its_own_submissions(self, client, auth, lms, assignment, parts) -> None:
        self.submit(client, lms, assignment, parts, "alice")
        self.submit(client, lms, assignment, parts, "bob")
        alice = auth("student", course="CSC421", student="alice")
        listed = client.get(f"/api/v1/assignments/{assignment['id']}/submissions", headers=alice).json()
        assert [s["student"] for s in listed] == ["alice"]

    def test_student_asking_for_another_student_is_403(self, client, auth, assignment) -> None:
        alice = auth("student", course="CSC421", student="alice")
        response = client.get(f"/api/v1/assignments/{assignment['id']}/submissions?student=bob", headers=alice)
        assert response.status_code == 403
