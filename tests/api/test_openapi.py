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
    ("POST /api/v1/assignments/{assignment_id}/submissions", {"401", "403", "404", "409", "422"}),
    ("GET /api/v1/assignments/{assignment_id}/gradebook", {"401", "403", "404", "422"}),
    ("PATCH /api/v1/courses/{course_id}", {"401", "403", "404", "409", "422"}),
], ids=["submit", "gradebook", "patch-course"])
def test_operations_list_their_errors(spec, operation, codes) -> None:  # type: ignore[no-untyped-def]
    assert codes <= set(dict(operations(spec))[operation]["responses"])
