"""A real `grader serve --demo` on a free port with a temporary SQLite file, and Debian's Chromium driving it.

Never `playwright install`: the system browser at /usr/bin/chromium is used. Without it these tests skip with
the reason, unless GRADER_REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@dataclass(frozen=True)
class Server:
    url: str
    instructor_token: str
    database_url: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def grader(*args: str, env: dict[str, str], **kwargs) -> subprocess.Popen[str]:  # type: ignore[no-untyped-def]
    return subprocess.Popen([sys.executable, "-m", "app", *args], env=env, text=True, **kwargs)


def wait_for_token(process: subprocess.Popen[str]) -> str:
    """`serve --demo` prints the demo instructor's token on the line after this one."""
    assert process.stdout is not None
    for line in process.stdout:
        if "An instructor token for it" in line:
            return process.stdout.readline().strip()
    raise AssertionError(f"grader serve --demo exited with {process.wait()} before printing a token")


def wait_until_up(url: str, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"the server did not answer on {url} within {seconds} s")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    database_url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'grader.db'}"
    env = os.environ | {"GRADER_DATABASE_URL": database_url, "GRADER_SECRET_KEY": "browser-test-secret"}
    port = free_port()
    process = grader("serve", "--host", "127.0.0.1", "--port", str(port), "--demo", env=env,
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        token = wait_for_token(process)
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, process)
        yield Server(url=url, instructor_token=token, database_url=database_url)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing; install Debian's chromium (apt-get install chromium)"
        if os.environ.get("GRADER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"GRADER_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def student_token(server: Server) -> str:
    env = os.environ | {"GRADER_DATABASE_URL": server.database_url}
    result = subprocess.run([sys.executable, "-m", "app", "token", "create", "--role", "student", "--student",
                             "demo-student-00"], env=env, capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.strip().splitlines()[-1]
