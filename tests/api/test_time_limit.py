"""An answer that spends its CPU-time limit scores 0 with an error, and the request still answers."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from tests.api.conftest import first_part
from tests.conftest import serve

# Solving a degree-25 polynomial inequality takes SymPy seconds: far past a 0.2 s limit. (A degree-9 one took
# 0.5 s in a fresh process and 0.13 s once SymPy's solvers were imported: the test failed in some orders.)
SLOW_SET_ANSWER = "x^25-3x^13+5x^11+2x^7-x^5+x^3-7x > 2"


@pytest.fixture
def impatient_client(sessions: sessionmaker[Session], db: Session) -> Iterator[TestClient]:
    with serve(sessions, Settings(grade_timeout=0.2, grade_workers=1)) as client:
        yield client


def test_overrunning_part_scores_zero_saying_it_took_too_long(impatient_client, course, instructor) -> None:
    part = first_part("set")
    body = {"title": "sets", "deadline": "2100-01-01T00:00:00", "parts": [{"question_id": part.id}]}
    assignment = impatient_client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=instructor).json()
    response = impatient_client.post(f"/api/v1/assignments/{assignment['id']}/submissions",
                                     json={"student": "alice", "answers": {part.id: SLOW_SET_ANSWER}}, headers=instructor)
    assert response.status_code == 201
    (result,) = response.json()["parts"]
    assert (result["score"], result["error"], result["pending"]) == (
        0, "grading this answer took more than 0.2 s of computing time and was stopped", False)
    assert result["answer"] == SLOW_SET_ANSWER
