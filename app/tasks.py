"""The queue's tasks: regrade an assignment, finish a submission's pending parts."""

from typing import Any

from app.errors import NotFound
from app.jobs import JobContext, task
from app.models import Assignment
from app.services import pending, regrade


class StillPending(Exception):
    """Raised so that the queue retries the job later, with its back-off."""


@task("regrade")
def regrade_assignment(context: JobContext, args: dict[str, Any]) -> dict[str, Any]:
    with context.sessions() as session:
        assignment = session.get(Assignment, args["assignment_id"])
        if assignment is None:
            raise NotFound(f"assignment {args['assignment_id']} does not exist")
        run = regrade.current_run(session, assignment, args["by"], resume=True)
        total, done = regrade.remaining(session, assignment, run) + run.submissions, run.submissions
        context.progress(done, total)

        def advance(count: int) -> None:
            nonlocal done
            done += count
            context.progress(done)

        run = regrade.regrade(session, context.pool, assignment=assignment, by=args["by"],
                              why=args.get("why", "regrade"), run=run, progress=advance)
        return {"submissions": run.submissions, "changed": run.changed}


@task("grade_pending")
def grade_pending(context: JobContext, args: dict[str, Any]) -> dict[str, Any]:
    with context.sessions() as session:
        left = pending.grade_pending(session, context.pool, args["submission_id"])
    if left:
        raise StillPending(f"{left} parts of submission {args['submission_id']} still could not be graded")
    return {"pending": 0}
