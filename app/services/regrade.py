"""Regrade an assignment's stored answers after a reference, a known mistake, points or the late policy change.

Every regrade is a `regrade` job on the queue (app.tasks, app.services.regrade_jobs): its run is split into chunk
jobs that any worker takes. One run per assignment holds its lease at a time (a regrade, a known mistake, an edit
each enqueue one; the next waits for the lease). Unchanged results write nothing; every change of a part's score or a final score is kept as history. Parts an instructor
graded by hand keep their score. Each distinct (part, answer, variant) is graded once per run: grading is
deterministic, and a class writes the same few answers again and again. A result is regraded with the values of the
part's parameters it was first graded with (stored with it), never a new draw.
"""

import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

import reference
from app import jobs
from app.db import release
from app.errors import Conflict, Invalid, Unavailable
from app.late_policy import LatePolicy
from app.models import (
    Assignment,
    AssignmentPart,
    Extension,
    Job,
    PartResult,
    RegradeGrade,
    RegradeRun,
    utcnow,
)
from app.services import audit, variants
from app.services.assignments import policy_of
from app.services.grading import NO_ANSWER, Grades, extra_mistakes, grade_answer, grade_batch, grading_options
from app.services.manual import assignment_part
from app.services.regrade_rows import Rules, regrade_rows
from graders import GradingPool
from graders.options import Mistake
from graders.pool import Outcome, Unfinished, Variant

CHUNK = 250
# A run renews its lease with every chunk; a run not heard from for this long is taken to have died.
LEASE = timedelta(minutes=5)
# How long a regrade request waits for the assignment's running regrade before it is refused.
WAIT = 120.0
POLL = 0.25
BATCH = 50  # answers graded in one task of the pool


GradeKey = tuple[str, str, str | None]  # question id, answer, the values it was asked with (PartResult.variant)


@dataclass
class Regrader:
    """What a run needs for every chunk: the parts as defined now, the deadlines, and the grades seen so far."""

    pool: Grades
    assignment: Assignment
    by: str
    why: str
    deadlines: dict[str, datetime]
    parts: dict[str, AssignmentPart] = field(init=False)
    policy: LatePolicy = field(init=False)
    graded: dict[GradeKey, Outcome] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.parts = {part.question_id: part for part in self.assignment.parts}
        self.policy = policy_of(self.assignment)

    def grade_missing(self, answers: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Grade, all at once in the pool, every (question id, answer, stored variant) not graded earlier in this run:
        in batches of BATCH answers a task where the pool takes them, one by one where a batch did not finish."""
        missing = list(dict.fromkeys(
            key for question_id, answer, variant in answers
            if (key := (question_id, answer or "", variant)) not in self.graded and key[1].strip()))
        if not isinstance(self.pool, GradingPool):
            self.grade_each(missing)
            return
        batches = [missing[first:first + BATCH] for first in range(0, len(missing), BATCH)]
        futures = [grade_batch(self.pool, [self.asked(key) for key in batch]) for batch in batches]
        for batch, future in zip(batches, futures, strict=True):
            outcomes = future.result()
            if isinstance(outcomes, Unfinished):
                self.grade_each(batch)
            else:
                self.graded.update(zip(batch, outcomes, strict=True))

    def asked(self, key: GradeKey) -> tuple[str, str, tuple[Mistake, ...], Variant]:
        """What the pool needs to grade one answer: the question, the answer, the mistakes and the version's values."""
        question_id, answer, variant = key
        values = variants.decode(variant)
        return question_id, answer, extra_mistakes(self.parts[question_id], values), variants.as_variant(values)

    def grade_each(self, keys: list[GradeKey]) -> None:
        futures = {key: grade_answer(self.pool, self.parts[key[0]], key[1], variants.decode(key[2])) for key in keys}
        for key, future in futures.items():
            self.graded[key] = future.result()

    def outcome(self, question_id: str, answer: str | None, variant: str | None) -> Outcome:
        return self.graded.get((question_id, answer or "", variant), NO_ANSWER)

    def rules(self) -> Rules:
        return Rules(points={question_id: part.points for question_id, part in self.parts.items()},
                     outcome=self.outcome, policy=self.policy,
                     deadline=lambda student: self.deadlines.get(student, self.assignment.deadline),
                     why=self.why, by=self.by)


class RegradeBusy(Conflict):
    """Another regrade of the assignment holds the run; it is refused only after waiting for it."""

    headers = {"Retry-After": "30"}  # noqa: RUF012 - never mutated; errors that vary it set their own


def claim_run(session: Session, assignment: Assignment, by: str, *, job_id: int | None = None) -> RegradeRun:
    """Claim the assignment's one running regrade: a new run, once no other holds a live lease.

    The assignment row is locked so that two requests cannot both find no live run; a claim is a lease, renewed
    chunk by chunk, so a run whose workers died is abandoned once its lease ran out. Raises RegradeBusy while
    another run holds a live lease. The caller commits."""
    session.execute(select(Assignment.id).where(Assignment.id == assignment.id).with_for_update(key_share=True))
    unfinished = list(session.scalars(
        select(RegradeRun).where(RegradeRun.assignment_id == assignment.id, RegradeRun.finished_at.is_(None))
        .order_by(RegradeRun.id).execution_options(populate_existing=True)
    ))
    now = utcnow()
    # A job run again (its worker died) takes its own run back at once.
    if live := [run for run in unfinished if run.claimed_until is not None and run.claimed_until > now
                and (job_id is None or run.job_id != job_id)]:
        raise RegradeBusy(f"a regrade of assignment {assignment.id} started by {live[0].started_by} is running; "
                          "try again when it has finished")
    abandon(session, unfinished)
    run = RegradeRun(assignment_id=assignment.id, started_by=by, submissions=0, changed=0, job_id=job_id)
    session.add(run)
    run.claim, run.claimed_until = uuid.uuid4().hex, now + LEASE
    session.flush()
    return run


def abandon(session: Session, runs: list[RegradeRun]) -> None:
    """Close runs whose process died (their lease ran out); a queued run's job fails, its chunks left are dropped.
    The new run regrades every submission again, which changes nothing where the dead run got to."""
    now = utcnow()
    for stale in runs:
        stale.finished_at, stale.claim, stale.claimed_until = now, None, None
        if stale.job_id is not None:
            session.execute(update(Job).where(Job.parent_id == stale.job_id, Job.status == jobs.QUEUED)
                            .values(status=jobs.FAILED, error="superseded", finished_at=now))
            session.execute(update(Job).where(Job.id == stale.job_id, Job.status == jobs.WAITING)
                            .values(status=jobs.FAILED, finished_at=now,
                                    error=f"{RegradeBusy.__name__}: its run's lease ran out; a newer regrade took over"))


def extension_deadlines(session: Session, assignment: Assignment) -> dict[str, datetime]:
    rows = session.execute(
        select(Extension.student, Extension.deadline).where(Extension.assignment_id == assignment.id)
    )
    return dict(rows.all())


def finish_run(session: Session, run: RegradeRun, assignment: Assignment, *, by: str, why: str) -> None:
    """Close the run: the audit entry, the queued job it answers (done, with the counts), and its stored grades
    deleted (every chunk has read them). The caller commits."""
    now = utcnow()
    run.finished_at, run.claim, run.claimed_until = now, None, None
    session.execute(delete(RegradeGrade).where(RegradeGrade.run_id == run.id))
    audit.record(session, "assignment.regraded", course_id=assignment.course_id, assignment_id=assignment.id, by=by,
                 why=why, submissions=run.submissions, changed=run.changed)
    if run.job_id is not None:
        session.execute(update(Job).where(Job.id == run.job_id).values(
            status=jobs.DONE, finished_at=now, error=None,
            result={"submissions": run.submissions, "changed": run.changed}))


def regrade_submissions(session: Session, regrader: Regrader, ids: list[int],
                        counted: Collection[int] | None = None) -> tuple[int, int]:
    """Grade these submissions' answers holding no connection, then lock the submissions, read them again and bring
    them up to date (a hand grade committed meanwhile is kept); return how many there were and how many changed,
    of those `counted` (default: all). The caller commits."""
    answers = session.execute(select(PartResult.question_id, PartResult.raw_answer, PartResult.variant).distinct()
                              .where(PartResult.submission_id.in_(ids))).all()
    release(session)
    regrader.grade_missing(answers)
    return regrade_rows(session, regrader.rules(), ids, counted)


def owned_run(session: Session, run_id: int, claim: str | None) -> RegradeRun:
    run = session.scalars(select(RegradeRun).where(RegradeRun.id == run_id).with_for_update()
                          .execution_options(populate_existing=True)).one()
    if run.claim != claim:
        raise RegradeBusy(f"regrade run {run_id} was taken over after its lease ran out")
    return run


def check_mistake(pool: Grades, bank: reference.Part, part: AssignmentPart, mistake: dict[str, Any]) -> None:
    """Grade the mistake's answer with the mistake among the part's options, in the time-limited pool.

    It is a student's text: whatever the grader cannot read there (or reads only past the time limit) is
    refused here rather than stored, where it would make every later grade of the part fail."""
    values = mistake.get("values")
    version = variants.asked_version(bank.id, values)
    options = grading_options(bank, part, values)
    added = {"answer": mistake["answer"], "feedback": mistake["feedback"], "score": mistake.get("score", 0.0)}
    options = {**options, "mistakes": [*options.get("mistakes", []), added]}
    probe = pool.grade(version.kind, mistake["answer"], version.reference, options=options).result()
    if isinstance(probe, Unfinished) and probe.retry:
        raise Unavailable(f"the grader could not read the answer now ({probe.reason}); try again in a moment")
    if isinstance(probe, Unfinished):  # the grader raised on it: stored, it would fail every later grade too
        raise Invalid(f"answer: the grader cannot read it: {probe.reason}")
    if probe.error is not None:
        raise Invalid(f"answer: the grader cannot read it: {probe.error}")


def add_known_mistake(
    session: Session, pool: GradingPool, *, assignment: Assignment, question_id: str, mistake: dict[str, Any],
    by: str,
) -> Job:
    """Store a known mistake on the assignment's part (replacing one with the same answer); return the regrade job
    that applies it, enqueued in the same transaction."""
    part = assignment_part(assignment, question_id)
    release(session)  # reading the mistake may take the pool's whole time limit
    check_mistake(pool, reference.get_part(question_id), part, mistake)

    def append(mistakes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        def same(m: dict[str, Any]) -> bool:
            return (m.get("answer"), m.get("values")) == (mistake["answer"], mistake.get("values"))

        return [*(m for m in mistakes if not same(m)), mistake]

    return change_mistakes(session, assignment=assignment, question_id=question_id, change=append, by=by,
                           why=f"known mistake added for {question_id}: {mistake['answer']}")


def change_mistakes(
    session: Session, *, assignment: Assignment, question_id: str,
    change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]], by: str, why: str,
) -> Job:
    """Change the part's added known mistakes and enqueue the regrade that applies them (the caller commits both).

    The part row is locked while its mistakes change, so two instructors changing them at once both keep their
    change."""
    part = assignment_part(assignment, question_id)
    locked = session.scalars(select(AssignmentPart).where(AssignmentPart.id == part.id)
                             .with_for_update(key_share=True).execution_options(populate_existing=True)).one()
    # A new list, so that the JSON column is seen as changed.
    locked.extra_mistakes = change(list(locked.extra_mistakes))
    return enqueue(session, assignment, by=by, why=why)


def enqueue(session: Session, assignment: Assignment, *, by: str, why: str = "regrade") -> Job:
    """A regrade of the whole assignment as a queued job (app.tasks), in the caller's transaction."""
    return jobs.enqueue(session, "regrade", assignment_id=assignment.id, by=by, why=why)
