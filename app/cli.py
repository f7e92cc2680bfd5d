"""The `grader` command: serve the API, mint tokens, migrate, regrade, list and check the question bank."""

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import bank_cli, demo_cli
from app.config import get_settings
from app.db import session_factory
from app.errors import DomainError
from app.migrate import upgrade_to_head
from app.models import ApiToken, Job, utcnow
from app.security import Role, create_token, revoke_token
from reference import BankError

if TYPE_CHECKING:
    from graders import GradingPool

WARM_UP_NOTICE_SECONDS = 60


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    settings = get_settings()
    if problem := settings.missing_secret(demo=args.demo):
        sys.exit(f"grader: {problem}")
    upgrade_to_head(settings.database_url)
    bank_cli.require_assignment_parts()
    if args.demo:
        demo_cli.load(new_token=args.new_token, host=args.host, port=args.port)
    from app.logs import config

    uvicorn.run("app.main:create_app", factory=True, host=args.host or settings.host, port=args.port or settings.port,
                proxy_headers=True, forwarded_allow_ips=settings.forwarded_allow_ips,
                log_config=config(settings.log_level))


def token_create(args: argparse.Namespace) -> None:
    upgrade_to_head(get_settings().database_url)
    with session_factory()() as session:
        secret = create_token(
            session, role=Role(args.role), course_code=args.course, student=args.student, name=args.name or ""
        )
        session.commit()
    print(f"Created a {args.role} token. It is shown only once:")
    print(secret)


def token_list(_args: argparse.Namespace) -> None:
    upgrade_to_head(get_settings().database_url)
    with session_factory()() as session:
        tokens = session.scalars(select(ApiToken).order_by(ApiToken.id)).all()
        for t in tokens:
            used = t.last_used_at.isoformat(timespec="minutes") if t.last_used_at else "never"
            print(f"{t.id}\t{t.role}\tcourse={t.course_id or '-'}\tstudent={t.student or '-'}\tused={used}\t{t.name}")


def token_revoke(args: argparse.Namespace) -> None:
    upgrade_to_head(get_settings().database_url)
    with session_factory()() as session:
        token = revoke_token(session, args.id)
        session.commit()
    print(f"Revoked token {token.id} ({token.role}, {token.name or 'unnamed'}).")


def migrate(_args: argparse.Namespace) -> None:
    upgrade_to_head(get_settings().database_url)
    print("Database is at the latest revision.")


def regrade_assignment(args: argparse.Namespace) -> None:
    """Enqueue a regrade job, run it here with its retries (or, with --queue, leave it to `grader worker`s) and show
    its progress until it is done or failed for good."""
    import threading

    from tqdm import tqdm

    from app import jobs
    from app.db import get_session
    from app.errors import NotFound
    from app.models import Assignment
    from app.services.grading import make_pool

    settings = get_settings()
    upgrade_to_head(settings.database_url)
    sessions = jobs.session_scope(get_session)
    with sessions() as session:
        if session.get(Assignment, args.assignment) is None:
            raise NotFound(f"assignment {args.assignment} does not exist")
        job_id = jobs.enqueue(session, "regrade", assignment_id=args.assignment, by=args.by or "grader regrade").id
        session.commit()
    pool = None if args.queue else make_pool(settings)
    stop = threading.Event()
    runner = threading.Thread(target=jobs.run_to_the_end, args=(sessions, pool, "grader regrade", job_id, stop)) \
        if pool else None
    try:
        if runner is not None:
            runner.start()
        job = follow(sessions, job_id, tqdm(unit="submission", desc="regrade"))
    finally:
        stop.set()  # interrupted: the attempt running now is the last one here
        if runner is not None:
            runner.join()
        if pool is not None:
            pool.close()
    if job.status != jobs.DONE or job.result is None:
        raise DomainError(f"regrade job {job_id} failed after {job.attempts} attempts: {job.error}")
    print(f"Regraded {job.result['submissions']} submissions of assignment {args.assignment}; "
          f"{job.result['changed']} changed.")


def follow(sessions, job_id: int, bar) -> Job:
    """Show the job's progress until it is done or failed for good; while a failed attempt waits for its retry, the
    bar says so."""
    import time

    from app import jobs

    with bar:
        while True:
            with sessions() as session:
                job = session.get_one(Job, job_id)
            bar.total = job.total
            bar.n = job.done
            bar.set_postfix_str(retrying(job), refresh=False)
            bar.refresh()
            if job.status in (jobs.DONE, jobs.FAILED):
                return job
            time.sleep(0.2)


def retrying(job: Job) -> str:
    """"attempt 1/5 failed: <the error's first line>; runs again in 30 s" while the queue will retry the job, else
    nothing."""
    from app import jobs

    if job.status != jobs.QUEUED or job.error is None:
        return ""
    wait = max(0.0, (job.run_after - utcnow()).total_seconds())
    return f"attempt {job.attempts}/{jobs.MAX_ATTEMPTS} failed: {job.error.splitlines()[0]}; runs again in {wait:.0f} s"


def worker(args: argparse.Namespace) -> None:
    """Run queued jobs until interrupted; any number of these, on any machine that reaches the database."""
    import signal
    import threading

    from app.db import get_session
    from app.jobs import session_scope, work
    from app.logs import setup
    from app.metrics import serve_grades
    from app.services.grading import make_pool

    settings = get_settings()
    setup(settings.log_level)
    upgrade_to_head(settings.database_url)
    stop = threading.Event()
    for name in (signal.SIGINT, signal.SIGTERM):
        signal.signal(name, lambda *_: stop.set())
    pool = make_pool(settings.model_copy(update={"grade_workers": args.grading_workers or settings.grade_workers}))
    sessions = session_scope(get_session)
    threads = [threading.Thread(target=work, args=(sessions, pool, stop), name=f"jobs-{n}",
                                kwargs={"retention": settings.job_retention()})
               for n in range(args.concurrency)]
    try:
        warm_up(pool)
        if port := args.metrics_port or settings.worker_metrics_port:
            serve_grades(port)
        print(f"grader worker: ready, {args.concurrency} job threads, {pool.workers} grading workers", flush=True)
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        pool.close()


def warm_up(pool: "GradingPool") -> None:
    """Wait for a warm grading worker (a cold one would take a chunk and grade it at cold speed while a warm one
    waits), saying so while it takes long; stop with the reason when the grading workers cannot start: a worker
    that took jobs then would leave every answer pending."""
    from graders.pool import WarmUpFailed

    try:
        while not pool.wait_warm(WARM_UP_NOTICE_SECONDS):
            print(f"grader worker: still warming up its grading workers after {WARM_UP_NOTICE_SECONDS} s or more",
                  flush=True)
    except WarmUpFailed as error:
        raise SystemExit(f"grader worker: {error}") from error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grader", description=__doc__)
    parser.set_defaults(loads_bank=True)
    commands = parser.add_subparsers(dest="command", required=True)

    serve_cmd = commands.add_parser("serve", help="migrate the database and serve the API")
    serve_cmd.add_argument("--host")
    serve_cmd.add_argument("--port", type=int)
    serve_cmd.add_argument("--demo", action="store_true", help="load the demo course DEMO first (idempotent)")
    serve_cmd.add_argument("--new-token", action="store_true",
                           help="with --demo: mint a new instructor token instead of reusing the kept one")
    serve_cmd.set_defaults(run=serve)

    token_cmd = commands.add_parser("token", help="manage API tokens")
    token_actions = token_cmd.add_subparsers(dest="action", required=True)
    create = token_actions.add_parser("create", help="create a token and print it on the last line")
    create.add_argument("--role", required=True, choices=[r.value for r in Role])
    create.add_argument("--course", help="course code (instructor, lms; optional for students)")
    create.add_argument("--student", help="student id (student tokens)")
    create.add_argument("--name", help="who holds it, for the audit log")
    create.set_defaults(run=token_create)
    token_actions.add_parser("list", help="list tokens (never their secrets)").set_defaults(run=token_list)
    revoke = token_actions.add_parser("revoke", help="delete a token; requests with it get 401 at once")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(run=token_revoke)

    migrate_cmd = commands.add_parser("migrate", help="upgrade the database to the latest revision")
    migrate_cmd.set_defaults(run=migrate)

    bank_cli.add_commands(commands)
    demo_cli.add_commands(commands)

    regrade_cmd = commands.add_parser("regrade", help="regrade an assignment's stored answers (resumes an interrupted run)")
    regrade_cmd.add_argument("--assignment", type=int, required=True, help="assignment id")
    regrade_cmd.add_argument("--by", help="who regrades, for the score history")
    regrade_cmd.add_argument("--queue", action="store_true", help="leave the job to `grader worker`s; show progress")
    regrade_cmd.set_defaults(run=regrade_assignment)

    worker_cmd = commands.add_parser("worker", help="run queued jobs (regrades, pending parts) until interrupted")
    worker_cmd.add_argument("--concurrency", type=int, default=1, help="jobs run at once (default 1)")
    worker_cmd.add_argument("--grading-workers", type=int, help="grading processes (default GRADER_GRADE_WORKERS)")
    worker_cmd.add_argument("--metrics-port", type=int,
                            help="serve this worker's grade metrics for Prometheus here (default "
                                 "GRADER_WORKER_METRICS_PORT; none: off)")
    worker_cmd.set_defaults(run=worker)
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    try:
        if args.loads_bank:  # every command sees the service's bank; a package that cannot join stops it here
            bank_cli.load_configured_packages()
        args.run(args)
    except DomainError as exc:
        sys.exit(f"grader: {exc.detail}")
    except BankError as exc:
        sys.exit(f"grader: {exc}")
