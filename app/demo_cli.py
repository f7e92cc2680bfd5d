"""`grader demo load` and the demo half of `grader serve --demo`: load the demo course, say where the dashboard and
the API docs are, and give an instructor token for it.

Only a token's hash is stored, so a token cannot be shown again from the database. The demo's own token is kept in
a file instead (beside a SQLite database, or GRADER_DEMO_TOKEN_FILE), readable by its owner only, and reused while
the database still knows it: running the demo again does not mint a token each time unless asked (`--new-token`)."""

import argparse
import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.db import session_factory
from app.migrate import upgrade_to_head
from app.models import Course
from app.security import Role, create_token, find_token

DEMO_TOKEN_NAME = "demo instructor"


def token_file(settings: Settings) -> Path:
    """Where the demo token is kept: GRADER_DEMO_TOKEN_FILE, else beside the SQLite file, else the working
    directory (PostgreSQL)."""
    if settings.demo_token_file:
        return Path(settings.demo_token_file)
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(f"{url.database}.demo-token")
    return Path(".grader-demo-token")


def stored_token(session: Session, course: Course, path: Path) -> str | None:
    """The kept token, if this database still has it as an instructor token of the demo course."""
    try:
        secret = path.read_text().strip()
    except OSError:
        return None
    token = find_token(session, secret) if secret else None
    if token is None or token.role != Role.instructor or token.course_id != course.id:
        return None
    return secret


def keep(path: Path, secret: str) -> str:
    """Store the new token for the next run (owner-only); say where, or why it could not be kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secret + "\n")
    except OSError as exc:
        return f"not kept ({exc.strerror} at {path}): the next run mints another"
    return f"new, kept in {path} for the next run"


def demo_token(session: Session, course: Course, settings: Settings, *, new: bool) -> tuple[str, str]:
    """The demo instructor's token and where it comes from."""
    path = token_file(settings)
    secret = None if new else stored_token(session, course, path)
    if secret is not None:
        return secret, f"reused from {path}; `make demo NEW_TOKEN=1` or --new-token mints another"
    secret = create_token(session, role=Role.instructor, course_code=course.code, name=DEMO_TOKEN_NAME)
    session.commit()
    return secret, keep(path, secret)


def load(*, new_token: bool, host: str | None = None, port: int | None = None) -> None:
    """Migrate, load the demo (idempotent), then print the URLs and, on the line after "An instructor token for
    it", the token alone."""
    from app.services.demo import load_demo

    settings = get_settings()
    upgrade_to_head(settings.database_url)
    with session_factory()() as session:
        course = load_demo(session)
        secret, origin = demo_token(session, course, settings, new=new_token)
    host = host or settings.host
    base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port or settings.port}"
    print(f"Demo course {course.code} loaded.\n"
          f"  Dashboard: {base}/dashboard (sign in with the token below)\n"
          f"  API docs:  {base}/docs\n"
          f"An instructor token for it ({origin}):\n{secret}", flush=True)


def demo_load(args: argparse.Namespace) -> None:
    load(new_token=args.new_token)


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    demo_cmd = commands.add_parser("demo", help="the demo course")
    actions = demo_cmd.add_subparsers(dest="action", required=True)
    load_cmd = actions.add_parser("load", help="load the demo course DEMO into the database (idempotent) and print "
                                              "an instructor token for it")
    load_cmd.add_argument("--new-token", action="store_true", help="mint a new token instead of reusing the kept one")
    load_cmd.set_defaults(run=demo_load)
