"""Fixtures for the contract tests: a course, an assignment built from real bank parts, tokens for each role."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

import reference

SEED_000_POLICY = {
    "percent_per_period": 10, "period": "day", "rounding": "up", "close_after_periods": 3,
    "grace_minutes": 0, "min_percent": 0, "deduct_from": "earned",
}
DEADLINE = "2019-03-14T23:59:00"  # course-local (America/Toronto, EDT that week): 2019-03-15T03:59:00Z


def first_part(*kinds: str) -> reference.Part:
    return next(part for part in reference.all_parts() if part.kind in kinds)


@pytest.fixture
def parts() -> dict[str, reference.Part]:
    """Bank parts of the kinds the foundation grades: a number, an expression and a manual part."""
    return {"number": first_part("integer", "number"), "expression": first_part("expression"), "manual": first_part("manual")}


@pytest.fixture
def course(client: TestClient, admin: dict[str, str]) -> dict[str, Any]:
    response = client.post("/api/v1/courses", json={"code": "CSC421", "name": "Neural nets", "timezone": "America/Toronto"},
                           headers=admin)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def other_course(client: TestClient, admin: dict[str, str]) -> dict[str, Any]:
    response = client.post("/api/v1/courses", json={"code": "OTHER", "name": "Other", "timezone": "UTC"}, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def instructor(auth, course) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return auth("instructor", course="CSC421")


@pytest.fixture
def lms(auth, course) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return auth("lms", course="CSC421")


def assignment_body(bank_parts: dict[str, reference.Part], /, **changes: Any) -> dict[str, Any]:
    body = {
        "title": "Homework 4",
        "deadline": DEADLINE,
        "late_policy": SEED_000_POLICY,
        "attempts": "last",
        "parts": [{"question_id": part.id, "points": 2} for part in bank_parts.values()],
    }
    return body | changes


@pytest.fixture
def assignment(client: TestClient, course, instructor, parts) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=assignment_body(parts), headers=instructor)
    assert response.status_code == 201, response.text
    return response.json()


def right_answers(parts: dict[str, reference.Part]) -> dict[str, str]:
    return {part.id: part.answer if part.kind != "manual" else "Because the forget gate keeps c." for part in parts.values()}
