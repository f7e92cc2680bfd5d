"""Start real `grader serve` / `grader worker` processes for the benchmarks and the multi-replica test."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
GRADER = str(Path(sys.executable).parent / "grader")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(url: str, **settings: Any) -> dict[str, str]:
    extra = {f"GRADER_{name.upper()}": str(value) for name, value in settings.items()}
    return os.environ | {"GRADER_DATABASE_URL": url, "GRADER_SECRET_KEY": "bench-secret"} | extra


def token(url: str, role: str = "admin", **options: str) -> str:
    flags = [item for name, value in options.items() for item in (f"--{name}", value)]
    done = subprocess.run([GRADER, "token", "create", "--role", role, *flags], env=environment(url),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.strip().splitlines()[-1]


@contextmanager
def server(url: str, *, ready_timeout: float = 120, **settings: Any) -> Iterator[str]:
    """A `grader serve` on a free port; yields its base URL once /readyz says ready."""
    port = free_port()
    # The log goes to a file: a pipe nobody reads fills up and blocks the server.
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen([GRADER, "serve", "--port", str(port)], env=environment(url, **settings), cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=log, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base, process, ready_timeout, log)
            yield base
        finally:
            stop(process)


@contextmanager
def worker(url: str, *, concurrency: int = 1, ready: bool = False, **settings: Any) -> Iterator[subprocess.Popen[str]]:
    """A `grader worker`; with `ready`, yielded once it says it is warm and takes jobs."""
    process = subprocess.Popen([GRADER, "worker", "--concurrency", str(concurrency)],
                               env=environment(url, **settings), cwd=ROOT,
                               stdout=subprocess.PIPE if ready else subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               text=True)
    try:
        if ready:
            assert process.stdout is not None  # its one line: nothing else is written there to fill the pipe
            line = process.stdout.readline()
            if "ready" not in line:
                raise RuntimeError(f"grader worker exited with {process.wait()} before it was ready")
        yield process
    finally:
        stop(process)


def wait_ready(base: str, process: subprocess.Popen[Any], timeout: float, log: IO[str]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"grader serve exited with {process.returncode}: {log.read()[-2000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{base} was not ready after {timeout} s")


def stop(process: subprocess.Popen[Any]) -> None:
    """Stop a process; one started in a session of its own (`start_new_session`) is stopped with its whole group,
    its grading processes too, even those it left behind."""
    try:
        group = process.pid if os.getpgid(process.pid) == process.pid else None
    except ProcessLookupError:  # exited and reaped already
        group = None
    if group is None:
        process.terminate()
    else:
        os.killpg(group, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if group is not None:
        with suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)


def headers(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def make_assignment(base: str, admin: str, code: str, question_ids: list[str]) -> int:
    """A course and an assignment with these bank parts, open until 2100; returns the assignment id."""
    course = httpx.post(f"{base}/api/v1/courses", headers=headers(admin),
                        json={"code": code, "name": code, "timezone": "UTC"}).json()
    body = {"title": code, "deadline": "2100-01-01T00:00:00", "parts": [{"question_id": q} for q in question_ids]}
    response = httpx.post(f"{base}/api/v1/courses/{course['id']}/assignments", headers=headers(admin), json=body)
    response.raise_for_status()
    return response.json()["id"]


@contextmanager
def postgres_database(server_url: str = "postgresql://postgres@127.0.0.1:5432/postgres") -> Iterator[str]:
    """A new database on the server for this benchmark alone, dropped afterwards; yields its URL."""
    import uuid

    from sqlalchemy import create_engine, make_url, text

    base = make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"grader_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False).replace("+psycopg", "", 1)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
