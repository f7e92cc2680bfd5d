"""A request the database picked as a deadlock victim runs again with its body, instead of answering 500."""

import psycopg
import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app.retry import RetryOnConflict


def app_failing(times: int, error: Exception) -> FastAPI:
    app = FastAPI()
    app.add_middleware(RetryOnConflict)
    calls: list[bytes] = []

    @app.post("/echo")
    async def echo(request: Request) -> dict[str, object]:
        calls.append(await request.body())
        if len(calls) <= times:
            raise OperationalError("UPDATE ...", {}, error)
        return {"body": calls[-1].decode(), "calls": len(calls)}

    return app


@pytest.mark.parametrize(
    ("error", "times", "expected"),
    [
        pytest.param(psycopg.errors.DeadlockDetected(), 2, (200, {"body": "payload", "calls": 3}), id="deadlock-retried"),
        pytest.param(psycopg.errors.SerializationFailure(), 1, (200, {"body": "payload", "calls": 2}), id="serialization"),
        pytest.param(psycopg.errors.DeadlockDetected(), 10, (503, None), id="still-deadlocked-is-503"),
    ],
)
def test_a_retryable_database_error_runs_the_request_again(error, times, expected) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app_failing(times, error), raise_server_exceptions=False) as client:
        response = client.post("/echo", content=b"payload")
    assert response.status_code == expected[0]
    if expected[1] is not None:
        assert response.json() == expected[1]
    else:
        assert response.headers["retry-after"] == "1"


def test_other_errors_are_not_retried() -> None:
    with TestClient(app_failing(1, psycopg.errors.UniqueViolation()), raise_server_exceptions=False) as client:
        assert client.post("/echo", content=b"x").status_code == 500
