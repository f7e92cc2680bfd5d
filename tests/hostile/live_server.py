"""A real `grader serve` on a SQLite file of its own, with the demo course DEMO and one token per role.

The hostile fuzz tests talk to the service over real HTTP (uvicorn parses the request line, the headers and the
body as in production), so this starts the `grader` console script in a process of its own session and stops that
process group at the end. Nothing here reads the service's code: only its command line and its HTTP API.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx

GRADER = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "grader"
# An assignment open until 2100 with the NYU homework's parts and the demo class in it (the demo's own assignments
# keep their seed deadlines, which pass), and a part of it.
DEMO_ASSIGNMENT = 6
DEMO_PART = "nyu-dl-hw2/q1.1/a-output-size"


@dataclass
class LiveServer:
    url: str
    db: Path
    tokens: dict[str, str]
    log: Path

    def client(self, role: str = "admin", timeout: float = 30.0) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, timeout=timeout, headers={"Authorization": f"Bearer {self.tokens[role]}"}
        )


def _grader_bin() -> str:
    return str(GRADER) if GRADER.exists() else "grader"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(env: dict[str, str], *args: str) -> str:
    out = subprocess.run([_grader_bin(), *args], env=env, capture_output=True, text=True, timeout=120, check=True)
    return out.stdout.strip().splitlines()[-1]


def _env(db: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "GRADER_DATABASE_URL": f"sqlite:///{db}",
        "GRADER_DEMO_TOKEN_FILE": str(db.with_suffix(".demo-token")),
        # The fuzzers send thousands of requests with one token; the rate limit is not what they test.
        "GRADER_RATE_LIMIT": "1000000/minute",
        "GRADER_LOG_LEVEL": "WARNING",
    }
    env.pop("GRADER_SECRET_KEY", None)
    return env


def _demo_template(base: Path) -> tuple[Path, dict[str, str]]:
    """The demo database and its tokens, made once per test session (loading the demo grades its class)."""
    db = base / "demo-template" / "demo.db"
    tokens_file = db.with_suffix(".tokens.json")
    if not tokens_file.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        env = _env(db)
        _cli(env, "migrate")
        tokens = {"instructor": _cli(env, "demo", "load")}
        tokens["admin"] = _cli(env, "token", "create", "--role", "admin", "--name", "fuzz-admin")
        tokens["lms"] = _cli(env, "token", "create", "--role", "lms", "--course", "DEMO", "--name", "fuzz-lms")
        tokens["student"] = _cli(
            env,
            "token",
            "create",
            "--role",
            "student",
            "--course",
            "DEMO",
            "--student",
            "demo-student-03",
            "--name",
            "fuzz-student",
        )
        _open_assignment(db)
        tokens_file.write_text(json.dumps(tokens))
    return db, json.loads(tokens_file.read_text())


def _open_assignment(db: Path) -> None:
    """DEMO_ASSIGNMENT, made with the service's own functions as the demo loader makes its class."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    import reference
    from app.db import make_engine
    from app.models import Course
    from app.schemas import AssignmentIn, PartIn
    from app.services.assignments import create_assignment
    from app.services.demo import load_demo_submissions

    homework = next(h for h in reference.homeworks() if h.id == DEMO_PART.split("/")[0])
    parts = [PartIn(question_id=part.id) for part in homework.parts]
    with Session(make_engine(f"sqlite:///{db}")) as session:
        course = session.scalars(select(Course).where(Course.code == "DEMO")).one()
        body = AssignmentIn(title="Open for the attacks", deadline="2100-01-01T00:00:00", parts=parts)
        assignment = create_assignment(session, course=course, assignment_in=body)
        session.flush()
        assert assignment.id == DEMO_ASSIGNMENT, assignment.id
        load_demo_submissions(session, assignment)
        session.commit()


@contextmanager
def live_server(tmp: Path, base: Path) -> Iterator[LiveServer]:
    """Serve a copy of the session's demo database (made under `base`) from `tmp`."""
    template, tokens = _demo_template(base)
    db = tmp / "fuzz.db"
    with sqlite3.connect(template) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    env = _env(db)
    port = _free_port()
    log = tmp / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [_grader_bin(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"grader serve did not become ready:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield LiveServer(url=url, db=db, tokens=tokens, log=log)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
