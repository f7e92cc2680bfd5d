"""A regrade on the queue, shared by any number of workers.

The `regrade` job claims the assignment's one run (its lease) and splits the submissions into `regrade_chunk` jobs,
ranges of submission ids, in one transaction; workers take the chunks with `FOR UPDATE SKIP LOCKED`. Each chunk
grades its distinct answers holding no connection, then locks its submissions, writes what changed and adds its
counts to the run (renewing the lease) and its progress to the parent job, and marks itself done, all in one
transaction: a chunk is counted once even if its worker dies after committing. The chunk whose commit makes
`chunks_done` reach `chunks` (the run row is locked, so exactly one sees it) finishes the run: the audit entry and
the parent job's result.
"""

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import jobs
from app.models import Assignment, Job, RegradeRun, Submission, utcnow
from app.services.regrade import (
    CHUNK,
    LEASE,
    RegradeBusy,
    Regrader,
    claim_run,
    extension_deadlines,
    finish_run,
    owned_run,
    regrade_submissions,
)
from graders import GradingPool
from graders.pool import Outcome

# The grades a worker has seen, per run and per version of the parts' known mistakes: each distinct (part, answer)
# is graded once per run by each worker. Only the latest few runs are kept.
GRADED: dict[tuple[int, str], dict[tuple[str, str], Outcome]] = {}
KEPT_RUNS = 4


def start(session: Session, assignment: Assignment, *, job_id: int, by: str, why: str,
          chunk_size: int | None = None) -> RegradeRun:
    """Claim the run (RegradeBusy while another holds it), enqueue its chunks and mark the job waiting for them;
    commit. A run interrupted in `regrade.regrade` resumes after its cursor; one with nothing left finishes at once."""
    run = claim_run(session, assignment, by, resume=True)
    run.job_id = job_id
    ids = list(session.scalars(select(Submission.id).where(
        Submission.assignment_id == assignment.id, Submission.id > run.cursor).order_by(Submission.id)))
    size = chunk_size or CHUNK
    bounds = [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]
    for first, last in bounds:
        jobs.enqueue(session, "regrade_chunk", parent=job_id, assignment_id=assignment.id, run_id=run.id,
                     claim=run.claim, first=first, last=last, by=by, why=why)
    run.chunks = len(bounds)
    session.execute(update(Job).where(Job.id == job_id).values(
        total=run.submissions + len(ids), done=run.submissions, status=jobs.WAITING if bounds else jobs.RUNNING))
    if not bounds:
        finish_run(session, run, assignment, by=by, why=why)
    session.commit()
    return run


def run_chunk(session: Session, pool: GradingPool, job_id: int, args: dict[str, Any]) -> dict[str, Any]:
    """Regrade one chunk of a run and count it; finish the run if it is the last. Commits."""
    assignment = session.get(Assignment, args["assignment_id"])
    run = session.get(RegradeRun, args["run_id"])
    if assignment is None or run is None or run.claim != args["claim"]:
        return {"skipped": "the run was taken over or its assignment deleted"}
    regrader = Regrader(pool, assignment, args["by"], args["why"], extension_deadlines(session, assignment),
                        graded=seen(run.id, assignment))
    ids = list(session.scalars(select(Submission.id).where(
        Submission.assignment_id == assignment.id, Submission.id.between(args["first"], args["last"]))))
    done, changed = regrade_submissions(session, regrader, ids)
    try:
        run = owned_run(session, run.id, args["claim"])
    except RegradeBusy:  # the lease ran out and a newer run regrades everything: this chunk's writes are not needed
        session.rollback()
        return {"skipped": "the run was taken over"}
    now = utcnow()
    run.submissions, run.changed, run.chunks_done = run.submissions + done, run.changed + changed, run.chunks_done + 1
    run.claimed_until = now + LEASE
    result = {"submissions": done, "changed": changed}
    session.execute(update(Job).where(Job.id == run.job_id).values(done=Job.done + done, heartbeat_at=now))
    session.execute(update(Job).where(Job.id == job_id).values(status=jobs.DONE, finished_at=now, result=result))
    if run.chunks_done == run.chunks:
        finish_run(session, run, assignment, by=args["by"], why=args["why"])
    session.commit()
    return result


def seen(run_id: int, assignment: Assignment) -> dict[tuple[str, str], Outcome]:
    """This worker's grades of the run, as long as the parts' known mistakes are those they were graded with."""
    mistakes = json.dumps([[part.question_id, part.extra_mistakes] for part in assignment.parts], sort_keys=True)
    key = (run_id, mistakes)
    if key not in GRADED:
        while len(GRADED) >= KEPT_RUNS:
            GRADED.pop(next(iter(GRADED)))
        GRADED[key] = {}
    return GRADED[key]
