"""A regrade on the queue, shared by any number of workers.

The `regrade` job claims the assignment's one run (its lease) and splits the submissions into `regrade_chunk`
jobs, ranges of submission ids; workers take the chunks with `FOR UPDATE SKIP LOCKED`. Grading is part of the
chunks, so that every worker grades from the start (a job that graded every distinct answer before splitting kept
the other workers idle for most of a run). Each distinct (part, answer, variant) is graded about once per run
(grading is deterministic, and a class writes the same few answers again and again): a chunk grades only the
answers no chunk has stored in `regrade_grades` yet, and stores its own with its writes. A chunk locks its
submissions, writes what changed, adds its counts to the run (renewing the lease) and its progress to the parent
job, and marks itself done, all in one transaction: a chunk is counted once even if its worker dies after committing. The chunk whose commit makes
`chunks_done` reach `chunks` (the run row is locked, so exactly one sees it) finishes the run: the audit entry and
the parent job's result.
"""

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import jobs
from app.bulk import insert_many
from app.models import Assignment, Job, RegradeGrade, RegradeRun, Submission, utcnow
from app.services.regrade import (
    CHUNK,
    LEASE,
    GradeKey,
    RegradeBusy,
    Regrader,
    claim_run,
    extension_deadlines,
    finish_run,
    owned_run,
    regrade_submissions,
)
from graders import GradeResult, GradingPool
from graders.pool import Outcome


@dataclass
class RunGrades:
    """The grades of a run this worker has: read from `regrade_grades` (rows up to `seen`) or made here."""

    outcomes: dict[GradeKey, Outcome] = field(default_factory=dict)
    seen: int = 0


# By the run's claim (unique, where SQLite may give a new run the id of a deleted one), for the latest few runs.
GRADED: dict[str, RunGrades] = {}
KEPT_RUNS = 4


def start(session: Session, assignment: Assignment, *, job_id: int, by: str, why: str,
          chunk_size: int | None = None) -> RegradeRun:
    """Claim the run (RegradeBusy while another holds it), enqueue its chunks and mark the job waiting for them; a
    run with no submissions finishes at once. Commits."""
    run = claim_run(session, assignment, by, job_id=job_id)
    split(session, assignment, run, job_id=job_id, chunk_size=chunk_size or CHUNK, by=by, why=why)
    session.commit()
    return run


def split(session: Session, assignment: Assignment, run: RegradeRun, *, job_id: int, chunk_size: int, by: str,
          why: str) -> None:
    """Enqueue the run's chunks (ranges of submission ids, with the ids there are now); finish it if there are none."""
    ids = list(session.scalars(select(Submission.id).where(Submission.assignment_id == assignment.id)
                               .order_by(Submission.id)))
    chunks = [ids[i:i + chunk_size] for i in range(0, len(ids), chunk_size)]
    for chunk in chunks:
        jobs.enqueue(session, "regrade_chunk", parent=job_id, assignment_id=assignment.id, run_id=run.id,
                     claim=run.claim, first=chunk[0], last=chunk[-1], ids=chunk, by=by, why=why)
    run.chunks = len(chunks)
    session.execute(update(Job).where(Job.id == job_id).values(
        total=len(ids), done=0, status=jobs.WAITING if chunks else jobs.RUNNING))
    if not chunks:
        finish_run(session, run, assignment, by=by, why=why)


def run_chunk(session: Session, pool: GradingPool, job_id: int, args: dict[str, Any]) -> dict[str, Any]:
    """Regrade one chunk of a run and count it; finish the run if it is the last. Commits."""
    assignment = session.get(Assignment, args["assignment_id"])
    run = session.get(RegradeRun, args["run_id"])
    if assignment is None or run is None or run.claim != args["claim"]:
        return {"skipped": "the run was taken over or its assignment deleted"}
    grades = grades_of(session, run)
    regrader = Regrader(pool, assignment, args["by"], args["why"], extension_deadlines(session, assignment),
                        graded=dict(grades.outcomes))
    ids = list(session.scalars(select(Submission.id).where(
        Submission.assignment_id == assignment.id, Submission.id.between(args["first"], args["last"]))))
    # The run counts the submissions there were at the split (its fixed `total`). One whose transaction got an id in
    # this range but committed after the split is brought up to date too, but is not the run's to count.
    done, changed = regrade_submissions(session, regrader, ids, counted=set(args.get("ids", ids)))
    try:
        run = owned_run(session, run.id, args["claim"])
    except RegradeBusy:  # the lease ran out and a newer run regrades everything: this chunk's writes are not needed
        session.rollback()
        return {"skipped": "the run was taken over"}
    if session.scalar(select(Job.status).where(Job.id == job_id)) == jobs.DONE:  # read under the run's lock
        session.rollback()  # this worker froze past the stale limit and the one that took the chunk over counted it
        return {"skipped": "the chunk was done by the worker that took it over"}
    now = utcnow()
    run.submissions, run.changed, run.chunks_done = run.submissions + done, run.changed + changed, run.chunks_done + 1
    run.claimed_until = now + LEASE
    result = {"submissions": done, "changed": changed}
    session.execute(update(Job).where(Job.id == run.job_id).values(done=Job.done + done, heartbeat_at=now))
    session.execute(update(Job).where(Job.id == job_id).values(status=jobs.DONE, finished_at=now, result=result))
    if run.chunks_done == run.chunks:
        finish_run(session, run, assignment, by=args["by"], why=args["why"])
    else:
        share(session, run, grades, regrader.graded)
    session.commit()
    return result


def grades_of(session: Session, run: RegradeRun) -> RunGrades:
    """The run's grades as this worker has them, with the rows other workers' chunks stored since it last read.
    A row committed after a later one was read is missed, and its answer graded again: never wrong, rarely slower."""
    assert run.claim is not None
    if run.claim not in GRADED:
        while len(GRADED) >= KEPT_RUNS:
            GRADED.pop(next(iter(GRADED)))
        GRADED[run.claim] = RunGrades()
    grades = GRADED[run.claim]
    rows = session.execute(select(RegradeGrade.id, RegradeGrade.question_id, RegradeGrade.answer,
                                  RegradeGrade.variant, RegradeGrade.outcome)
                           .where(RegradeGrade.run_id == run.id, RegradeGrade.id > grades.seen))
    for row_id, question_id, answer, variant, outcome in rows:
        grades.outcomes[(question_id, answer, variant)] = GradeResult(**outcome)
        grades.seen = max(grades.seen, row_id)
    return grades


def share(session: Session, run: RegradeRun, grades: RunGrades, graded: dict[GradeKey, Outcome]) -> None:
    """Store, with the chunk's writes, the grades it made, for the run's other chunks. An answer that did not finish
    grading is not shared: another chunk tries it again."""
    made = {key: outcome for key, outcome in graded.items()
            if key not in grades.outcomes and isinstance(outcome, GradeResult)}
    grades.outcomes.update(made)
    insert_many(session, RegradeGrade.__table__, [  # type: ignore[arg-type]
        {"run_id": run.id, "question_id": question_id, "answer": answer, "variant": variant, "outcome": asdict(outcome)}
        for (question_id, answer, variant), outcome in made.items()])
