"""The `grader` command line as an operator uses it, against a real SQLite file."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import reference
from app.db import make_engine
from app.migrate import upgrade_to_head
from app.models import Assignment, AssignmentPart, Course
from app.security import find_token
from app.services.demo import load_demo


def run_grader(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"GRADER_DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run([sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, timeout=120)


def test_token_create_prints_the_token_alone_on_the_last_line(tmp_path: Path) -> None:
    result = run_grader("token", "create", "--role", "admin", "--name", "ops", db=tmp_path / "g.db")
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip().splitlines()[-1]
    assert len(token) >= 40 and " " not in token


def test_token_for_unknown_course_fails_with_a_message(tmp_path: Path) -> None:
    result = run_grader("token", "create", "--role", "instructor", "--course", "NOPE", db=tmp_path / "g.db")
    assert result.returncode != 0
    assert "NOPE" in result.stderr


def test_demo_loads_every_homework_with_every_bank_part(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'g.db'}"
    upgrade_to_head(url)
    with Session(make_engine(url)) as session:
        load_demo(session)
        titles = session.scalars(select(Assignment.title).order_by(Assignment.id)).all()
        part_count = session.scalar(select(func.count()).select_from(AssignmentPart))
    assert titles == [h.title for h in reference.homeworks()]
    assert part_count == len(reference.all_parts())


def test_demo_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'g.db'}"
    upgrade_to_head(url)
    with Session(make_engine(url)) as session:
        load_demo(session)
        load_demo(session)
        assert session.scalar(select(func.count()).select_from(Course)) == 1
        assert session.scalar(select(func.count()).select_from(Assignment)) == len(reference.homeworks())


def test_token_list_shows_tokens_but_never_their_secrets(tmp_path: Path) -> None:
    secret = run_grader("token", "create", "--role", "admin", "--name", "ops", db=tmp_path / "g.db").stdout.split()[-1]
    listed = run_grader("token", "list", db=tmp_path / "g.db").stdout
    assert "admin" in listed and "ops" in listed
    assert secret not in listed


def test_a_revoked_token_no_longer_authenticates(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    secret = run_grader("token", "create", "--role", "admin", "--name", "ops", db=db).stdout.split()[-1]
    token_id = run_grader("token", "list", db=db).stdout.split()[0]
    assert run_grader("token", "revoke", token_id, db=db).returncode == 0
    with Session(make_engine(f"sqlite:///{db}")) as session:
        assert find_token(session, secret) is None


def test_revoking_an_unknown_token_fails_with_a_message(tmp_path: Path) -> None:
    result = run_grader("token", "revoke", "999", db=tmp_path / "g.db")
    assert result.returncode != 0
    assert "token 999 does not exist" in result.stderr
