"""Every answer written in the seed documents, submitted through the API, gets the verdict decided for it."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

import reference
from tests.seed_answer_cases import SEED_ANSWERS, SeedAnswer


def _case(seed: SeedAnswer) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=f"the grader does not read {seed.unreadable_notation} yet")] \
        if seed.unreadable_notation else []
    return pytest.param(seed, id=f"{seed.source}: {seed.part_id}", marks=marks)


@pytest.fixture
def homework_assignments(client: TestClient, admin, course) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """One open assignment per seed homework, holding all of its bank parts."""
    ids = {}
    for homework in reference.homeworks():
        body = {"title": homework.title, "deadline": "2100-01-01T00:00:00",
                "parts": [{"question_id": part.id} for part in homework.parts]}
        response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=admin)
        ids[homework.id] = response.json()["id"]
    return ids


@pytest.mark.parametrize("seed", [_case(s) for s in SEED_ANSWERS])
def test_seed_answer_gets_its_verdict_through_the_api(client, admin, homework_assignments, seed: SeedAnswer) -> None:
    assignment_id = homework_assignments[reference.get_part(seed.part_id).homework]
    response = client.post(f"/api/v1/assignments/{assignment_id}/submissions",
                           json={"student": "seed-author", "answers": {seed.part_id: seed.answer}}, headers=admin)
    assert response.status_code == 201, response.text
    result = next(p for p in response.json()["parts"] if p["question_id"] == seed.part_id)
    assert result["answer"] == seed.answer
    if not seed.answer.strip():
        # A question left blank is no answer at all, manual parts included: nothing waits for an instructor.
        assert (result["correct"], result["error"]) == (False, "no answer was submitted")
        return
    assert result["correct"] is seed.correct, (result["feedback"], result["error"])
    if seed.feedback_contains:
        assert seed.feedback_contains in result["feedback"]
