"""A course outside the seeds grades its own question package through the API: questions, assignment, submissions."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape  # as the dashboard's templates escape
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import reference
from app.bank_cli import missing_parts
from app.config import Settings
from app.models import AssignmentPart
from app.services.demo import load_demo
from reference.bank import seed_package
from reference.packages import from_path
from tests.api.conftest import assignment_body
from tests.api.test_submissions import ON_TIME, submit
from tests.conftest import serve
from tests.dashboard.conftest import sign_in

EXAMPLE = Path(__file__).parents[2] / "examples" / "intro_ml_bank"
PARTS = {part.id: part for part in from_path(EXAMPLE).parts}


@pytest.fixture(scope="module")
def package_client(sessions: sessionmaker[Session]) -> Iterator[TestClient]:
    """The service started with GRADER_BANK_PATHS naming the example package."""
    with serve(sessions, Settings(grade_timeout=30, bank_paths=(str(EXAMPLE),))) as client:
        yield client
    reference.load_packages([])  # the other tests' apps load their own settings' packages; none for them


@pytest.fixture
def client(package_client: TestClient, db: Session) -> TestClient:
    return package_client


@pytest.fixture
def ml_assignment(client: TestClient, course: dict[str, Any], instructor: dict[str, str]) -> dict[str, Any]:
    response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=assignment_body(PARTS), headers=instructor)
    assert response.status_code == 201, response.text
    return response.json()


def graded(client: TestClient, lms: dict[str, str], assignment: dict[str, Any], answers: dict[str, str]) -> dict[str, Any]:
    response = submit(client, lms, assignment, answers, at=ON_TIME)
    assert response.status_code == 201, response.text
    return response.json()


class TestQuestions:
    def test_the_package_parts_follow_the_seed_bank(self, client: TestClient, instructor: dict[str, str]) -> None:
        listed = client.get("/api/v1/questions", headers=instructor).json()
        assert [q["id"] for q in listed] == [p.id for p in seed_package().parts] + list(PARTS)
        assert {q["id"]: q["answer"] for q in listed if q["id"] in PARTS} == {i: p.answer for i, p in PARTS.items()}

    def test_a_student_reads_the_prompts_without_the_answers(self, client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
        listed = client.get("/api/v1/questions", headers=auth("student", student="alice")).json()
        mine = [q for q in listed if q["id"] in PARTS]
        assert [(q["prompt"], "answer" in q) for q in mine] == [(p.prompt, False) for p in PARTS.values()]


class TestGrading:
    def test_the_reference_answers_score_full_marks(self, client: TestClient, lms: dict[str, str],
                                                    ml_assignment: dict[str, Any]) -> None:
        result = graded(client, lms, ml_assignment, {i: p.answer for i, p in PARTS.items()})
        assert [(p["question_id"], p["correct"], p["score"]) for p in result["parts"]] == [(i, True, 2) for i in PARTS]
        assert result["raw_score"] == result["max_score"] == 2 * len(PARTS)

    def test_each_first_known_mistake_gets_its_feedback_and_no_credit(self, client: TestClient, lms: dict[str, str],
                                                                       ml_assignment: dict[str, Any]) -> None:
        result = graded(client, lms, ml_assignment, {i: p.mistakes[0].answer for i, p in PARTS.items()})
        assert [(p["correct"], p["score"], p["feedback"]) for p in result["parts"]] == [
            (False, 0, p.mistakes[0].feedback) for p in PARTS.values()]

    @pytest.mark.parametrize(("question", "answer", "correct", "says"), [
        pytest.param("q1/softmax-gradient", r"p_{k} - y_{k}", True, "Correct.", id="other-spelling-right"),
        pytest.param("q1/softmax-gradient", "p_k + y_k", False, "Not equivalent to the expected expression", id="wrong"),
        pytest.param("q1/logistic-gradient", "x(sigma(wx+b) - y)", True, "Correct.", id="plain-text-right"),
        pytest.param("q2/conv-shape", "(15, 15, 16)", True, "Correct.", id="tuple-right"),
        pytest.param("q2/mlp-parameters", "784*128 + 128 + 128*10 + 10", True, "Correct.", id="arithmetic-right"),
        pytest.param("q2/matmul-cost", "O(n^2 m)", False, "Not the expected asymptotic class", id="bigo-wrong"),
    ])
    def test_other_answers_are_graded_by_the_package_reference(
        self, client: TestClient, lms: dict[str, str], ml_assignment: dict[str, Any], question: str, answer: str,
        correct: bool, says: str,
    ) -> None:
        question_id = f"intro-ml-hw3/{question}"
        (part,) = [p for p in graded(client, lms, ml_assignment, {question_id: answer})["parts"] if p["question_id"] == question_id]
        assert (part["correct"], part["feedback"].startswith(says)) == (correct, True), part

    def test_an_answer_with_a_symbol_of_no_question_is_an_error_naming_it(
        self, client: TestClient, lms: dict[str, str], ml_assignment: dict[str, Any]
    ) -> None:
        question_id = "intro-ml-hw3/q1/softmax-gradient"
        (part,) = [p for p in graded(client, lms, ml_assignment, {question_id: "p - y"})["parts"] if p["question_id"] == question_id]
        assert (part["score"], part["error"].startswith("p, y is not a symbol of this question")) == (0, True)

    def test_validate_reads_a_package_answer(self, client: TestClient, instructor: dict[str, str]) -> None:
        response = client.post("/api/v1/validate", json={"question_id": "intro-ml-hw3/q2/conv-shape", "answer": "15x15x16"},
                               headers=instructor)
        assert response.status_code == 200, response.text
        assert response.json()["error"] is None


def test_the_dashboard_shows_the_package_parts_and_their_clusters(
    client: TestClient, lms: dict[str, str], instructor: dict[str, str], ml_assignment: dict[str, Any]
) -> None:
    question_id = "intro-ml-hw3/q1/softmax-gradient"
    graded(client, lms, ml_assignment, {question_id: "y_k - p_k"})
    client.cookies.clear()
    assert sign_in(client, instructor).status_code == 303
    try:
        overview = client.get(f"/dashboard/assignments/{ml_assignment['id']}")
        clusters = client.get(f"/dashboard/assignments/{ml_assignment['id']}/clusters/{question_id}")
    finally:
        client.cookies.clear()
    assert overview.status_code == clusters.status_code == 200
    assert all(part_id in overview.text for part_id in PARTS)
    assert escape(PARTS[question_id].mistakes[0].feedback) in clusters.text


def test_assignment_parts_no_loaded_package_defines_are_named_with_their_assignments(
    client: TestClient, db: Session, ml_assignment: dict[str, Any]
) -> None:
    assert missing_parts(db) == {}
    reference.load_packages([])
    try:
        assert missing_parts(db) == {part_id: [ml_assignment["id"]] for part_id in sorted(PARTS)}
    finally:
        reference.load_packages([EXAMPLE])


def test_the_demo_course_keeps_to_the_seed_homeworks(client: TestClient, db: Session) -> None:
    load_demo(db)
    demo_parts = set(db.scalars(select(AssignmentPart.question_id)))
    assert demo_parts == {p.id for p in seed_package().parts}
