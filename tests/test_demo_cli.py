"""`grader demo load` and `make demo`: the demo prints where the dashboard and the docs are beside a token, reuses
its token on the next run unless asked for a new one, and `make demo` installs the runtime without the test extras."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.browser.conftest import free_port, grader, wait_for_token, wait_until_up

ROOT = Path(__file__).resolve().parent.parent


def demo_load(database: Path, *flags: str) -> list[str]:
    env = os.environ | {"GRADER_DATABASE_URL": f"sqlite:///{database}"}
    result = subprocess.run([sys.executable, "-m", "app", "demo", "load", *flags], env=env, capture_output=True,
                            text=True, timeout=600, check=True)
    return result.stdout.splitlines()


def token_of(lines: list[str]) -> str:
    """The token is alone on the line after "An instructor token for it"."""
    return lines[next(i for i, line in enumerate(lines) if "An instructor token for it" in line) + 1]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    database = tmp_path_factory.mktemp("demo") / "grader.db"
    return database, demo_load(database)


def test_the_output_names_the_dashboard_and_the_docs(loaded) -> None:  # type: ignore[no-untyped-def]
    _, lines = loaded
    assert "  Dashboard: http://127.0.0.1:8000/dashboard (sign in with the token below)" in lines
    assert "  API docs:  http://127.0.0.1:8000/docs" in lines


def test_the_token_is_kept_beside_the_database_for_its_owner_only(loaded) -> None:  # type: ignore[no-untyped-def]
    database, lines = loaded
    kept = Path(f"{database}.demo-token")
    assert kept.read_text().strip() == token_of(lines)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_second_run_reuses_the_token(loaded) -> None:  # type: ignore[no-untyped-def]
    database, lines = loaded
    again = demo_load(database)
    assert token_of(again) == token_of(lines)
    assert any("reused from" in line and "NEW_TOKEN=1" in line for line in again)


def test_new_token_mints_another_and_keeps_it(loaded) -> None:  # type: ignore[no-untyped-def]
    database, lines = loaded
    minted = token_of(demo_load(database, "--new-token"))
    assert minted != token_of(lines)
    assert token_of(demo_load(database)) == minted


def test_a_kept_token_of_another_database_is_not_reused(loaded, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, _ = loaded
    other = tmp_path / "grader.db"
    Path(f"{other}.demo-token").write_text(Path(f"{database}.demo-token").read_text())
    assert token_of(demo_load(other)) != Path(f"{database}.demo-token").read_text().strip()


def test_serve_demo_prints_its_own_address_and_a_token_that_opens_the_api(loaded) -> None:  # type: ignore[no-untyped-def]
    database, _ = loaded
    port = free_port()
    env = os.environ | {"GRADER_DATABASE_URL": f"sqlite:///{database}"}
    process = grader("serve", "--demo", "--port", str(port), env=env, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL)
    try:
        token = wait_for_token(process)
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, process)
        assert token == Path(f"{database}.demo-token").read_text().strip()
        courses = httpx.get(f"{url}/api/v1/courses", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert [c["code"] for c in courses.json()] == ["DEMO"]
    finally:
        process.terminate()
        process.wait(timeout=20)


def make_dry_run(*args: str) -> str:
    """What `make` would run in a fresh checkout (no venv yet), without running it."""
    # --no-print-directory: under another make (CI runs `make test`) the nested make would add its directory lines
    result = subprocess.run(["make", "-n", "-B", "--no-print-directory", "VENV=/nonexistent/venv", *args], cwd=ROOT,
                            capture_output=True,
                            text=True, timeout=60, check=True)
    return result.stdout


def test_make_demo_installs_the_runtime_only() -> None:
    commands = make_dry_run("demo")
    assert "pip install -q -c requirements.lock -e ." in commands
    assert "[test]" not in commands
    assert commands.rstrip().endswith("grader serve --demo")


def test_make_demo_new_token_asks_for_one() -> None:
    assert make_dry_run("demo", "NEW_TOKEN=1").rstrip().endswith("grader serve --demo --new-token")


def test_make_test_adds_the_test_extras() -> None:
    assert "-e '.[test]'" in make_dry_run("test")
