"""The bank over HTTP: listing with answers for staff only, validation, every reference answer earns full marks."""

import pytest
from fastapi.testclient import TestClient

import reference


class TestQuestions:
    def test_lists_every_bank_part(self, client, admin) -> None:
        listed = client.get("/api/v1/questions", headers=admin).json()
        assert [q["id"] for q in listed] == [p.id for p in reference.all_parts()]

    def test_instructor_sees_reference_answers(self, client, instructor) -> None:
        listed = client.get("/api/v1/questions", headers=instructor).json()
        assert all(q["answer"] for q in listed)

    def test_student_does_not_see_answers(self, client, auth) -> None:
        listed = client.get("/api/v1/questions", headers=auth("student", student="alice")).json()
        assert not any("answer" in q for q in listed)

    def test_sample_tensors_of_indexed_parts_are_not_listed(self, client, auth) -> None:
        listed = client.get("/api/v1/questions", headers=auth("student", student="alice")).json()
        indexed = [q for q in listed if q["kind"] == "indexed"]
        assert indexed and all("inputs" not in q["options"] and "tensors" in q["options"] for q in indexed)


class TestValidate:
    def test_shows_how_the_answer_was_read(self, client, lms, parts) -> None:
        response = client.post("/api/v1/validate", json={"question_id": parts["expression"].id,
                                                         "answer": parts["expression"].answer}, headers=lms)
        assert response.status_code == 200
        assert response.json()["interpreted"] and response.json()["error"] is None

    def test_unreadable_answer_gets_an_error_with_a_caret(self, client, lms, parts) -> None:
        response = client.post("/api/v1/validate", json={"question_id": parts["expression"].id, "answer": "(x+"},
                               headers=lms)
        assert response.json()["interpreted"] is None
        assert "^" in response.json()["error"]

    def test_unknown_question_is_422(self, client, lms) -> None:
        response = client.post("/api/v1/validate", json={"question_id": "nope", "answer": "1"}, headers=lms)
        assert response.status_code == 422
        assert "nope" in response.json()["detail"]


@pytest.mark.parametrize("homework", reference.homeworks(), ids=lambda h: h.id)
def test_every_reference_answer_scores_full_marks_through_the_api(client: TestClient, admin, homework) -> None:
    client.post("/api/v1/courses", json={"code": "BANK", "name": "bank", "timezone": "UTC"}, headers=admin)
    course_id = client.get("/api/v1/courses", headers=admin).json()[0]["id"]
    body = {"title": homework.title, "deadline": "2100-01-01T00:00:00",
            "parts": [{"question_id": p.id} for p in homework.parts]}
    assignment = client.post(f"/api/v1/courses/{course_id}/assignments", json=body, headers=admin).json()
    answers = {p.id: p.answer for p in homework.parts}
    result = client.post(f"/api/v1/assignments/{assignment['id']}/submissions",
                         json={"student": "reference", "answers": answers}, headers=admin).json()
    wrong = [(p["question_id"], p["feedback"], p["error"]) for p in result["parts"]
             if p["correct"] is False or (p["correct"] and p["score"] != p["max_score"])]
    assert wrong == []
