"""Engine and session factory: one engine per database URL, one unit of work per request.

Services add and flush; `unit_of_work` commits once, after the handler returned and before the response is
sent (the session dependency is function-scoped), so a 201 means the row is stored and a failure anywhere
stores nothing. The one exception is `release`: a service that must wait for something slow (a grade) ends its
read-only transaction first, so that the wait does not hold a database connection.
"""

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.config import get_settings

# Kept when a request fails: e.g. the audit entry of a refused submission.
_KEEP = "keep_on_failure"
# PostgreSQL deadlock_detected, serialization_failure, lock_not_available.
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001", "55P03"})


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the dashboard read while a submission writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@lru_cache
def get_engine(url: str | None = None) -> Engine:
    return make_engine(url or get_settings().database_url)


@lru_cache
def session_factory(url: str | None = None) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


def unit_of_work(session: Session) -> Iterator[Session]:
    """Commit once when the request succeeded; otherwise roll back and store only what was kept on failure."""
    try:
        yield session
    except BaseException:
        session.rollback()
        kept = session.info.pop(_KEEP, [])
        if kept:
            session.add_all(kept)
            session.commit()
        raise
    session.commit()


def get_session() -> Iterator[Session]:
    with session_factory()() as session:
        yield from unit_of_work(session)


def keep_on_failure(session: Session, row: Any) -> None:
    """Store `row` even if the request fails (a refusal worth auditing); it is also stored if it succeeds."""
    session.info.setdefault(_KEEP, []).append(row)
    session.add(row)


def release(session: Session) -> None:
    """End the current transaction and give its connection back to the pool before a slow wait.

    Usually only reads and bookkeeping (the token's last use) are pending here: a service calls this before it
    writes anything of its own, and writes afterwards in a fresh, short transaction. The other use is a change
    complete in itself that the wait depends on: a queued job the request waits for, an edit before its regrade."""
    session.commit()


def is_retryable(error: BaseException) -> bool:
    """A deadlock or serialization failure (PostgreSQL) or a busy database (SQLite): the request can run again."""
    if not isinstance(error, DBAPIError):
        return False
    sqlstate = getattr(error.orig, "sqlstate", None)
    return sqlstate in RETRYABLE_SQLSTATES or "database is locked" in str(error.orig)
