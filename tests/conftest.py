"""Fixtures shared by the API tests: the same suite runs on a SQLite file and on the real PostgreSQL.

PostgreSQL is the server named by GRADER_TEST_POSTGRES_URL (default: the local server). Each test run creates a
database of its own on it and drops it at the end, so two runs at once never share one. Where no server can be
reached the PostgreSQL half is skipped with the reason, unless GRADER_REQUIRE_POSTGRES=1 (CI), where that is a
failure.
"""

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import get_session, make_engine, unit_of_work
from app.main import create_app
from app.migrate import upgrade_to_head
from app.models import Base
from app.security import Role, create_token

POSTGRES_URL = os.environ.get("GRADER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _server_engine() -> Engine:
    engine = make_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as exc:
        if os.environ.get("GRADER_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required but not reachable at {POSTGRES_URL}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} (set GRADER_TEST_POSTGRES_URL): {exc}")
    return engine.execution_options(isolation_level="AUTOCOMMIT")


@contextmanager
def postgres_database() -> Iterator[Engine]:
    """A new, empty database on the test server for this run alone, dropped afterwards."""
    server = _server_engine()
    name = f"grader_test_{uuid.uuid4().hex[:12]}"
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(server.url.set(database=name).render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A freshly migrated database of each kind."""
    if request.param == "postgres":
        with postgres_database() as engine:
            upgrade_to_head(engine.url.render_as_string(hide_password=False))
            yield engine
        return
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'grader.db'}")
    upgrade_to_head(engine.url.render_as_string(hide_password=False))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def serve(sessions: sessionmaker[Session], settings: Settings | None = None) -> Iterator[TestClient]:
    """The real app, its lifespan (grading pool) running, on the test database."""
    app = create_app(settings)

    def session_override() -> Iterator[Session]:
        with sessions() as session:
            yield from unit_of_work(session)

    app.dependency_overrides[get_session] = session_override
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="session")
def app_client(sessions: sessionmaker[Session]) -> Iterator[TestClient]:
    # A generous limit: these tests check verdicts, and a loaded CI machine must not turn a slow first grade
    # (a worker building a large vocabulary) into a timeout. The limit itself is tested in test_time_limit.py.
    # One token sends the whole suite's requests: the rate limit has its own test (tests/hostile).
    with serve(sessions, Settings(grade_timeout=30, rate_limit="1000000/minute", run_jobs=True)) as client:
        yield client


@pytest.fixture
def db(sessions: sessionmaker[Session], engine: Engine) -> Iterator[Session]:
    """A session on the test database; every table is emptied after the test, so tests never see each other."""
    with sessions() as session:
        yield session
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def client(app_client: TestClient, db: Session) -> TestClient:
    return app_client


TokenFactory = Callable[..., dict[str, str]]


@pytest.fixture
def auth(db: Session) -> TokenFactory:
    """`auth("instructor", course="CSC421")` -> headers carrying a fresh token of that role."""

    def make(role: str, *, course: str | None = None, student: str | None = None) -> dict[str, str]:
        secret = create_token(db, role=Role(role), course_code=course, student=student, name=f"test {role}")
        db.commit()
        return {"Authorization": f"Bearer {secret}"}

    return make


@pytest.fixture
def admin(auth: TokenFactory) -> dict[str, str]:
    return auth("admin")


@pytest.fixture
def artifacts_dir() -> Path:
    path = Path(os.environ.get("GRADER_TEST_ARTIFACTS", "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path
