"""No request body gets a 5xx: oversized bodies are 413 before they are read, non-standard JSON numbers and lone
surrogates are 4xx naming the field, and a 422 never echoes what was sent."""

from typing import Any

import pytest

SECRET = "tell-no-one-" * 3

BODIES = [
    # (id, path template, raw JSON body)
    ("nan-points", "/api/v1/courses/{course}/assignments",
     '{"title": "t", "deadline": "2019-03-14T23:59:00", "parts": [{"question_id": "{question}", "points": NaN}]}'),
    ("infinity-points", "/api/v1/courses/{course}/assignments",
     '{"title": "t", "deadline": "2019-03-14T23:59:00", "parts": [{"question_id": "{question}", "points": Infinity}]}'),
    ("huge-exponent-percent", "/api/v1/courses/{course}/assignments",
     '{"title": "t", "deadline": "2019-03-14T23:59:00", "late_policy": {"percent_per_period": 1e999},'
     ' "parts": [{"question_id": "{question}"}]}'),
    ("nan-grade", "/api/v1/submissions/{submission}/parts/{question}/grade", '{"score": NaN}'),
    ("negative-infinity-grade", "/api/v1/submissions/{submission}/parts/{question}/grade", '{"score": -Infinity}'),
    ("huge-exponent-credit", "/api/v1/assignments/{assignment}/parts/{question}/mistakes",
     '{"answer": "1", "feedback": "f", "score": 1e999}'),
    ("surrogate-answer", "/api/v1/assignments/{assignment}/submissions",
     '{"student": "alice", "answers": {"{question}": "\\ud800' + SECRET + '"}}'),
    ("surrogate-question-key", "/api/v1/assignments/{assignment}/submissions",
     '{"student": "alice", "answers": {"\\udc00q": "' + SECRET + '"}}'),
    ("surrogate-student", "/api/v1/assignments/{assignment}/submissions",
     '{"student": "\\udfff' + SECRET + '", "answers": {}}'),
    ("surrogate-validate", "/api/v1/validate", '{"question_id": "{question}", "answer": "\\ud83d' + SECRET + '"}'),
    ("surrogate-course-name", "/api/v1/courses", '{"code": "X1", "name": "\\ud800' + SECRET + '"}'),
    ("number-as-answer", "/api/v1/assignments/{assignment}/submissions",
     '{"student": "alice", "answers": {"{question}": 1e999}}'),
    ("broken-json", "/api/v1/assignments/{assignment}/submissions", '{"student": "' + SECRET + '", "answers": {'),
]


@pytest.fixture
def stored(client, lms, assignment, parts) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    body = {"student": "bob", "answers": {parts["number"].id: "1"}, "submitted_at": "2019-03-14T23:00:00-04:00"}
    response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions", json=body, headers=lms)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.mark.parametrize(("path", "raw"), [pytest.param(p, r, id=i) for i, p, r in BODIES])
def test_a_hostile_body_is_a_4xx_that_does_not_echo_it(
    client, admin, assignment, parts, stored, path, raw
) -> None:  # type: ignore[no-untyped-def]
    question = parts["number"].id
    url = path.format(course=assignment["course_id"], assignment=assignment["id"], submission=stored["id"],
                      question=question)
    response = client.post(url, content=raw.replace("{question}", question).encode(),
                           headers=admin | {"Content-Type": "application/json"})
    if "/grade" in url:
        response = client.put(url, content=raw.encode(), headers=admin | {"Content-Type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert SECRET not in response.text
    assert "detail" in response.json()


def test_a_body_over_the_limit_is_413_before_it_is_read(client, lms, assignment) -> None:
    limit = client.app.state.settings.max_body_bytes
    huge = b'{"student": "alice", "answers": {"x": "' + b"1" * limit + b'"}}'
    response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions", content=huge,
                           headers=lms | {"Content-Type": "application/json"})
    assert response.status_code == 413
    assert str(limit) in response.json()["detail"]


def test_a_streamed_body_over_the_limit_is_413(client, lms, assignment) -> None:
    limit = client.app.state.settings.max_body_bytes

    def chunks():  # no Content-Length: the bytes are counted as they arrive
        yield b'{"student": "alice", "answers": {"x": "'
        for _ in range(limit // 65536 + 2):
            yield b"1" * 65536
        yield b'"}}'

    response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions", content=chunks(),
                           headers=lms | {"Content-Type": "application/json"})
    assert response.status_code == 413


def test_more_answers_than_the_cap_is_422(client, lms, assignment) -> None:
    answers = {f"q{i}": "1" for i in range(201)}
    response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions",
                           json={"student": "alice", "answers": answers}, headers=lms)
    assert response.status_code == 422 and "answers" in response.text
