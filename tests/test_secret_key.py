"""GRADER_SECRET_KEY: a random per-process key is fine for a demo or one SQLite process, and refused where it
would sign sessions out on each restart (PostgreSQL) or split them between replicas."""

import os
import subprocess
import sys

import pytest

from app.config import Settings

POSTGRES = "postgresql://grader@db:5432/grader"


@pytest.fixture(autouse=True)
def no_key_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GRADER_SECRET_KEY", "GRADER_REPLICAS"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(("settings", "demo"), [
    ({"database_url": "sqlite:///./grader.db"}, False),
    ({"database_url": POSTGRES}, True),
    ({"database_url": POSTGRES, "secret_key": "s3cret"}, False),
    ({"database_url": "sqlite:///./grader.db", "replicas": 3, "secret_key": "s3cret"}, False),
], ids=["sqlite", "postgres-demo", "postgres-with-key", "replicas-with-key"])
def test_a_generated_key_is_allowed(settings, demo) -> None:  # type: ignore[no-untyped-def]
    assert Settings(**settings).missing_secret(demo=demo) is None


@pytest.mark.parametrize(("settings", "demo", "named"), [
    ({"database_url": POSTGRES}, False, "outside demo mode"),
    ({"database_url": "sqlite:///./grader.db", "replicas": 2}, False, "GRADER_REPLICAS=2"),
    ({"database_url": POSTGRES, "replicas": 2}, True, "GRADER_REPLICAS=2"),
], ids=["postgres", "sqlite-replicas", "demo-replicas"])
def test_a_missing_key_is_refused_with_the_reason(settings, demo, named) -> None:  # type: ignore[no-untyped-def]
    problem = Settings(**settings).missing_secret(demo=demo)
    assert problem is not None and "GRADER_SECRET_KEY is required" in problem and named in problem


def test_grader_serve_refuses_to_start_before_touching_the_database() -> None:
    """No server answers at db:5432 here: the refusal comes first, with the reason, and exit status 1."""
    env = {k: v for k, v in os.environ.items() if k != "GRADER_SECRET_KEY"} | {"GRADER_DATABASE_URL": POSTGRES}
    result = subprocess.run([sys.executable, "-m", "app", "serve"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert "grader: GRADER_SECRET_KEY is required outside demo mode" in result.stderr
    assert ".env.example" in result.stderr
