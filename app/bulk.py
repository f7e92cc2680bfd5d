"""Writing many rows in one statement.

On PostgreSQL the rows travel as one JSON document that `json_to_recordset` turns back into typed rows, so
thousands of rows are one statement, one parameter and one round trip (psycopg's executemany sends one statement
per row, and its array parameters are escaped element by element in Python: both are several times slower for a
regrade's 100,000 rows). Elsewhere (SQLite, a local file) executemany is already fast and is used.
"""

import json
from typing import Any

from sqlalchemy import Table, bindparam, insert, text, update
from sqlalchemy.orm import Session


def update_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """UPDATE each row by its primary key `id` with the other values it carries (every row the same columns)."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        renamed = [{("_id" if name == "id" else name): value for name, value in row.items()} for row in rows]
        session.execute(update(table).where(table.c.id == bindparam("_id")), renamed)
        return
    quote = session.get_bind().dialect.identifier_preparer.quote
    names = list(rows[0])
    assignments = ", ".join(f"{quote(name)} = v.{quote(name)}" for name in names if name != "id")
    session.execute(text(f"UPDATE {quote(table.name)} AS t SET {assignments} "
                         f"FROM {_recordset(session, table, names)} WHERE t.id = v.id"), _document(rows))


def insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT the rows (every row the same columns)."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    quote = session.get_bind().dialect.identifier_preparer.quote
    columns = ", ".join(map(quote, rows[0]))
    session.execute(text(f"INSERT INTO {quote(table.name)} ({columns}) "
                         f"SELECT {columns} FROM {_recordset(session, table, list(rows[0]))}"), _document(rows))


def _recordset(session: Session, table: Table, names: list[str]) -> str:
    dialect = session.get_bind().dialect
    quote = dialect.identifier_preparer.quote
    types = ", ".join(f"{quote(name)} {table.c[name].type.compile(dialect=dialect)}" for name in names)
    return f"json_to_recordset(CAST(:rows AS json)) AS v({types})"


def _document(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The rows as one JSON parameter; datetimes as ISO text, which PostgreSQL reads back with their offset."""
    return {"rows": json.dumps(rows, default=lambda value: value.isoformat())}
