"""Hostile answers through the whole stack: a 201 with the raw text stored exactly and graded (never left pending:
a hostile answer is the answer's doing), or a 422 for a NUL character (which no database text column holds) —
never a 500 or a lost row."""

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import reference
from tests.api.conftest import first_part

FRAGMENTS = ["9^9^9^9", "\\frac{", "(", ")", "\\left(", "\\right]", "\x00", "х", "\\def\\a{\\a}\\a", "10^10^10",
             "factorial(10^6)", "__import__('os')", "<script>alert(1)</script>", "\\href{javascript:alert(1)}{x}",
             "x", "\\sigma'(z)", "{", "}", "[", "52 \\le x < 55", "O(", "\\begin{pmatrix}", "&", "\\\\", "1e308",
             "200!^{999}", "!", "^{999}"]
ANSWERS = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=ANSWERS)
@example(answer="200!^{999}")  # exact value of 374,000 digits: Python refuses to print it
def test_any_answer_is_stored_verbatim_and_answered(client: TestClient, admin, course, answer: str) -> None:
    parts = [first_part(kind) for kind in ("expression", "set", "tuple", "bigo", "matrix_expr", "integer", "number",
                                           "indexed", "choice")]
    body = {"title": "hostile", "deadline": "2100-01-01T00:00:00", "parts": [{"question_id": p.id} for p in parts]}
    assignment = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=admin).json()
    response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions",
                           json={"student": "mallory", "answers": {p.id: answer for p in parts}}, headers=admin)
    if "\x00" in answer:
        assert response.status_code == 422
        return
    assert response.status_code == 201, response.text
    for result in response.json()["parts"]:
        assert result["answer"] == answer
        assert 0 <= result["score"] <= result["max_score"]
        assert not result["pending"], result  # the answer's doing, never ours: graded now, not left pending
        assert result["error"] is not None or result["interpreted"] is not None or not answer.strip()


def test_a_matrix_answer_of_the_wrong_shape_is_feedback(client: TestClient, admin, course) -> None:
    part = reference.get_part("nyu-dl-hw2/q1.2.1/c-jacobian")
    body = {"title": "shapes", "deadline": "2100-01-01T00:00:00", "parts": [{"question_id": part.id}]}
    assignment = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=admin).json()
    answers = {part.id: "W_x \\odot W_h"}
    response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions",
                           json={"student": "mallory", "answers": answers}, headers=admin)
    assert response.status_code == 201, response.text
    (result,) = response.json()["parts"]
    assert result["correct"] is False and "shapes differ" in result["feedback"]
