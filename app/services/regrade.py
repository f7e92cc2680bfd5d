"""Regrade an assignment's stored answers after a reference, a known mistake, points or the late policy change.

A run walks the submissions in id order, a chunk at a time, and commits each chunk together with the run's
cursor: an interrupted run resumes after its last committed chunk and never counts a submission twice, and
the chunks are the unit that several workers could later take from a queue. Unchanged results write nothing;
every change of a part's score or a final score is kept as history. Parts an instructor graded by hand keep
their score. Each distinct (part, answer) is graded once per run: grading is deterministic, and a class
writes the same few answers again and again.
"""

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import reference
from graders import GradingPool, interpret
from graders.pool import Outcome, Unfinished
from app.errors import Invalid
from app.late_policy import LateOutcome, LatePolicy, SubmissionClosed, assess
from app.models import Assignment, AssignmentPart, Extension, PartResult, PartStatus, RegradeRun, Submission, utcnow
from app.services import audit, history
from app.services.assignments import policy_of
from app.services.grading import NO_ANSWER, grade_answer, grading_options
from app.services.pending import count_pending, part_fields
from app.services.manual import assignment_part

CHUNK = 250


@dataclass
class Regrader:
    """What a run needs for every chunk: the parts as defined now, the deadlines, and the grades seen so far."""

    pool: GradingPool
    assignment: Assignment
    by: str
    why: str
    deadlines: dict[str, datetime]
    parts: dict[str, AssignmentPart] = field(init=False)
    policy: LatePolicy = field(init=False)
    graded: dict[tuple[str, str], Outcome] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.parts = {part.question_id: part for part in self.assignment.parts}
        self.policy = policy_of(self.assignment)

    def grade_missing(self, results: list[PartResult]) -> None:
        """Grade, all at once in the pool, every answer of `results` not graded earlier in this run."""
        futures: dict[tuple[str, str], Future[Outcome]] = {}
        for result in results:
            key = (result.question_id, result.raw_answer or "")
            if key in self.graded or key in futures or not key[1].strip():
                continue
            futures[key] = grade_answer(self.pool, self.parts[key[0]], key[1])
        for key, future in futures.items():
            self.graded[key] = future.result()

    def result_for(self, result: PartResult) -> Outcome:
        return self.graded.get((result.question_id, result.raw_answer or ""), NO_ANSWER)


def apply(regrader: Regrader, result: PartResult, submission: Submission) -> bool:
    """Bring one stored part result up to date; return whether anything about it changed."""
    if result.graded_by is not None:
        return False  # the instructor's score stands
    points = regrader.parts[result.question_id].points
    graded = regrader.result_for(result)
    if isinstance(graded, Unfinished):
        return False  # a grade that did not finish never takes points away; the stored result stands
    if graded.error is not None and result.error is None and result.raw_answer and result.status == PartStatus.graded:
        # An answer read fine before and now fails is far likelier an overrun than a changed question, and a
        # regrade must not take points away for that: keep the stored result.
        return False
    new = part_fields(graded, points) | {"max_score": points}
    changed = {name: value for name, value in new.items() if getattr(result, name) != value}
    if not changed:
        return False
    history.record(submission, result.question_id, result.score, float(new["score"]), why=regrader.why,  # type: ignore[arg-type]
                   by=regrader.by)
    for name, value in changed.items():
        setattr(result, name, value)
    return True


def reassess(regrader: Regrader, submission: Submission) -> bool:
    """Apply the late policy as it is now; a submission it would now refuse keeps the lateness it was accepted with."""
    deadline = regrader.deadlines.get(submission.student, regrader.assignment.deadline)
    try:
        outcome: LateOutcome = assess(regrader.policy, deadline, submission.submitted_at)
    except SubmissionClosed:
        return False
    if (submission.late_periods, submission.penalty_percent) == (outcome.late_periods, outcome.penalty_percent):
        return False
    submission.late_periods, submission.penalty_percent = outcome.late_periods, outcome.penalty_percent
    return True


def regrade_chunk(regrader: Regrader, chunk: list[Submission]) -> int:
    """Regrade a chunk of submissions in place; return how many of them changed."""
    regrader.grade_missing([result for submission in chunk for result in submission.parts])
    changed = 0
    possible = sum(part.points for part in regrader.parts.values())
    for submission in chunk:
        touched = [apply(regrader, result, submission) for result in submission.parts]
        submission.pending_parts = count_pending(submission)
        late = reassess(regrader, submission)
        if submission.max_score != possible:
            submission.max_score = possible
        final = history.retotal(submission, regrader.policy, why=regrader.why, by=regrader.by)
        changed += any(touched) or late or final
    return changed


def current_run(session: Session, assignment: Assignment, by: str, *, resume: bool) -> RegradeRun:
    """The unfinished run to resume, or a new one; `resume=False` abandons unfinished runs first."""
    unfinished = list(session.scalars(
        select(RegradeRun).where(RegradeRun.assignment_id == assignment.id, RegradeRun.finished_at.is_(None))
        .order_by(RegradeRun.id)
    ))
    if resume and unfinished:
        return unfinished[-1]
    for run in unfinished:
        run.finished_at = utcnow()
    run = RegradeRun(assignment_id=assignment.id, started_by=by, cursor=0, submissions=0, changed=0)
    session.add(run)
    session.commit()
    return run


def remaining(session: Session, assignment: Assignment, run: RegradeRun) -> int:
    return session.scalar(
        select(func.count()).where(Submission.assignment_id == assignment.id, Submission.id > run.cursor)
    ) or 0


def extension_deadlines(session: Session, assignment: Assignment) -> dict[str, datetime]:
    rows = session.execute(
        select(Extension.student, Extension.deadline).where(Extension.assignment_id == assignment.id)
    )
    return {student: deadline for student, deadline in rows}


def regrade(
    session: Session,
    pool: GradingPool,
    *,
    assignment: Assignment,
    by: str,
    why: str = "regrade",
    resume: bool = True,
    chunk_size: int = CHUNK,
    progress: Callable[[int], None] | None = None,
    run: RegradeRun | None = None,
) -> RegradeRun:
    """Regrade every submission after the run's cursor, committing chunk by chunk; return the finished run."""
    run = run or current_run(session, assignment, by, resume=resume)
    regrader = Regrader(pool, assignment, by, why, extension_deadlines(session, assignment))
    while chunk := list(session.scalars(
        select(Submission).where(Submission.assignment_id == assignment.id, Submission.id > run.cursor)
        .order_by(Submission.id).limit(chunk_size)
    )):
        changed = regrade_chunk(regrader, chunk)
        run.cursor, run.submissions, run.changed = chunk[-1].id, run.submissions + len(chunk), run.changed + changed
        session.commit()
        if progress is not None:
            progress(len(chunk))
    run.finished_at = utcnow()
    audit.record(session, "assignment.regraded", course_id=assignment.course_id, assignment_id=assignment.id, by=by,
                 why=why, submissions=run.submissions, changed=run.changed)
    session.commit()
    return run


def add_known_mistake(
    session: Session, pool: GradingPool, *, assignment: Assignment, question_id: str, mistake: dict[str, Any], by: str
) -> RegradeRun:
    """Store a known mistake on the assignment's part (replacing one with the same answer) and regrade."""
    part = assignment_part(assignment, question_id)
    bank = reference.get_part(question_id)
    reading = interpret(bank.kind, mistake["answer"], options=grading_options(bank, part))
    if reading.error is not None:
        raise Invalid(f"answer: the grader cannot read it: {reading.error}")
    kept = [m for m in part.extra_mistakes if m.get("answer") != mistake["answer"]]
    # A new list, so that the JSON column is seen as changed.
    part.extra_mistakes = [*kept, mistake]
    session.commit()
    why = f"known mistake added for {question_id}: {mistake['answer']}"
    return regrade(session, pool, assignment=assignment, by=by, why=why, resume=False)
