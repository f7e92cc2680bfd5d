"""A grade that overruns the hard time limit scores 0 with an error, and the request still answers."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from tests.api.conftest import right_answers
from tests.conftest import serve


@pytest.fixture
def impatient_client(sessions: sessionmaker[Session], db: Session) -> Iterator[TestClient]:
    with serve(sessions, Settings(grade_timeout=0.000_001, grade_workers=1)) as client:
        yield client


def test_overrunning_part_scores_zero_saying_it_took_too_long(impatient_client, lms, assignment, parts) -> None:
    body = {"student": "alice", "answers": right_answers(parts), "submitted_at": "2019-03-14T12:00:00"}
    response = impatient_client.post(f"/api/v1/assignments/{assignment['id']}/submissions", json=body, headers=lms)
    assert response.status_code == 201
    expression = next(p for p in response.json()["parts"] if p["question_id"] == parts["expression"].id)
    assert expression["score"] == 0
    assert "took longer" in expression["error"]
