"""OpenAPI documents each operation's error responses with the `{"detail": ...}` schema."""

import pytest


@pytest.fixture
def spec(client) -> dict:  # type: ignore[no-untyped-def]
    return client.get("/openapi.json").json()


def operations(spec: dict):  # type: ignore[no-untyped-def]
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_every_api_operation_documents_401_with_the_error_schema(spec) -> None:  # type: ignore[no-untyped-def]
    missing = [name for name, op in operations(spec) if name.split()[1].startswith("/api/v1")
               and op["responses"].get("401", {}).get("content", {}).get("application/json", {}).get("schema")
               != {"$ref": "#/components/schemas/ErrorOut"}]
    assert missing == []


@pytest.mark.parametrize(("operation", "codes"), [
    ("POST /api/v1/assignments/{assignment_id}/submissions", {"401", "403", "404", "409", "413", "422", "429"}),
    ("GET /api/v1/assignments/{assignment_id}/gradebook", {"401", "403", "404", "422"}),
    ("PATCH /api/v1/courses/{course_id}", {"401", "403", "404", "409", "413", "422", "429"}),
], ids=["submit", "gradebook", "patch-course"])
def test_operations_list_their_errors(spec, operation, codes) -> None:  # type: ignore[no-untyped-def]
    assert codes <= set(dict(operations(spec))[operation]["responses"])


def error_schema(operation: dict, code: str) -> dict | None:  # type: ignore[type-arg]
    return operation["responses"].get(code, {}).get("content", {}).get("application/json", {}).get("schema")


def test_every_authenticated_operation_documents_the_rate_limit(spec) -> None:  # type: ignore[no-untyped-def]
    """The limit is checked with the token: wherever a 401 can come, a 429 can, with Retry-After."""
    authenticated = [(name, op) for name, op in operations(spec) if "401" in op["responses"]]
    assert len(authenticated) > 30
    missing = [name for name, op in authenticated if error_schema(op, "429") != {"$ref": "#/components/schemas/ErrorOut"}
               or "Retry-After" not in op["responses"]["429"].get("headers", {})]
    assert missing == []


def test_every_operation_with_a_body_documents_the_body_limit(spec) -> None:  # type: ignore[no-untyped-def]
    with_body = [(name, op) for name, op in operations(spec) if "requestBody" in op]
    missing = [name for name, op in with_body if error_schema(op, "413") != {"$ref": "#/components/schemas/ErrorOut"}]
    assert with_body and missing == []


def test_an_operation_without_a_body_or_token_documents_neither(spec) -> None:  # type: ignore[no-untyped-def]
    assert {"413", "429"}.isdisjoint(dict(operations(spec))["GET /healthz"]["responses"])


def test_the_documented_statuses_are_the_ones_sent(client, instructor, assignment, spec) -> None:  # type: ignore[no-untyped-def]
    """A body over the limit is a 413 with the documented schema; the limit's description names the setting."""
    operation = dict(operations(spec))["POST /api/v1/assignments/{assignment_id}/submissions"]
    response = client.post(f"/api/v1/assignments/{assignment['id']}/submissions", headers=instructor,
                           content=b"x" * 3_000_000)
    assert response.status_code == 413 and set(response.json()) == {"detail"}
    assert "GRADER_MAX_BODY_BYTES" in operation["responses"]["413"]["description"]


def test_every_operation_that_can_answer_with_a_job_documents_where_and_when_to_poll(spec) -> None:  # type: ignore[no-untyped-def]
    """A 202 carries the job's `Location` and a `Retry-After` in whole seconds."""
    accepting = {name: op["responses"]["202"] for name, op in operations(spec) if "202" in op["responses"]}
    assert {"POST /api/v1/assignments/{assignment_id}/regrade", "PATCH /api/v1/assignments/{assignment_id}",
            "POST /api/v1/assignments/{assignment_id}/parts/{question_id}/mistakes"} <= set(accepting), sorted(accepting)
    missing = [name for name, response in accepting.items()
               if response.get("headers", {}).get("Retry-After", {}).get("schema") != {"type": "integer"}
               or "Location" not in response.get("headers", {})]
    assert missing == []
