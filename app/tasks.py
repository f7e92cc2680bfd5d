"""The queue's tasks: regrade an assignment (split into chunk jobs), a chunk of it, a submission's pending parts."""

from typing import Any

from app.errors import NotFound
from app.jobs import JobContext, Later, Split, task
from app.models import Assignment
from app.services import pending, regrade, regrade_jobs


class StillPending(Exception):
    """Raised so that the queue retries the job later, with its back-off."""


@task("regrade")
def regrade_assignment(context: JobContext, args: dict[str, Any]) -> dict[str, Any]:
    """Claim the assignment's run and split it into `regrade_chunk` jobs; while another run holds the assignment,
    come back later (up to regrade.WAIT seconds after the job was enqueued, then fail the attempt saying so)."""
    with context.sessions() as session:
        assignment = session.get(Assignment, args["assignment_id"])
        if assignment is None:
            raise NotFound(f"assignment {args['assignment_id']} does not exist")
        try:
            run = regrade_jobs.start(session, assignment, job_id=context.job_id, by=args["by"],
                                     why=args.get("why", "regrade"))
        except regrade.RegradeBusy:
            session.rollback()
            if context.waited() < regrade.WAIT:
                raise Later(regrade.POLL) from None
            raise
        if run.finished_at is None:
            raise Split
        return {"submissions": run.submissions, "changed": run.changed}


@task("regrade_chunk")
def regrade_chunk(context: JobContext, args: dict[str, Any]) -> dict[str, Any]:
    with context.sessions() as session:
        return regrade_jobs.run_chunk(session, context.pool, context.job_id, args)


@task("grade_pending")
def grade_pending(context: JobContext, args: dict[str, Any]) -> dict[str, Any]:
    with context.sessions() as session:
        left = pending.grade_pending(session, context.pool, args["submission_id"])
    if left:
        raise StillPending(f"{left} parts of submission {args['submission_id']} still could not be graded")
    return {"pending": 0}
