"""Submissions: store every raw answer, grade it, apply the late policy, and make LMS retries safe."""

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import jobs
from app.db import release
from app.errors import Conflict, Forbidden, Invalid
from app.late_policy import LateOutcome, LatePolicy, SubmissionClosed, assess, final_score
from app.models import Assignment, Course, PartResult, PartStatus, Submission, utcnow
from app.schemas import SubmissionIn
from app.security import Caller, Role
from app.services import audit, variants
from app.services.assignments import deadline_for, parse_deadline, policy_of
from app.services.grading import Grades, grade_parts
from app.services.pending import part_fields
from app.services.variants import Values
from graders.pool import Outcome

# Only these callers speak for the time a student pressed "submit" in the LMS; a student's own clock is not trusted.
TRUSTED_CLOCKS = (Role.admin, Role.instructor, Role.lms)
# A part that did not finish already had a retry on a warm worker: give the machine a moment before the queue tries.
PENDING_DELAY = timedelta(seconds=5)


def digest(body: SubmissionIn) -> str:
    return hashlib.sha256(json.dumps(body.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()


def find_by_key(session: Session, assignment: Assignment, key: str) -> Submission | None:
    return session.scalar(
        select(Submission).where(Submission.assignment_id == assignment.id, Submission.idempotency_key == key)
    )


def replay(session: Session, assignment: Assignment, key: str, body_digest: str) -> Submission | None:
    first = find_by_key(session, assignment, key)
    if first is not None and first.request_digest != body_digest:
        raise Conflict(f"Idempotency-Key {key!r} was already used for a different submission")
    return first


def check_request(caller: Caller, assignment: Assignment, body: SubmissionIn) -> None:
    if caller.role is Role.student and body.student != caller.student:
        raise Forbidden(f"student: a student token may only submit for {caller.student!r}")
    known = {part.question_id for part in assignment.parts}
    unknown = sorted(set(body.answers) - known)
    if unknown:
        # The client's keys are not echoed (a 422 may be shown as it is); the part ids say what was meant.
        raise Invalid(f"answers: {len(unknown)} key{'s are' if len(unknown) > 1 else ' is'} not a part of assignment "
                      f"{assignment.id}, whose parts are {', '.join(sorted(known))}")


def check_attempts(session: Session, assignment: Assignment, student: str, *, lock: bool = False) -> None:
    """Refuse a submission beyond the assignment's maximum attempts (409 naming the limit).

    Checked before grading, to refuse early, and again with `lock` just before the insert: on PostgreSQL a
    transaction lock per (assignment, student) serializes that count with the insert, so two submissions racing
    for the last attempt cannot both be stored (SQLite serializes writers on its own)."""
    if assignment.max_attempts is None:
        return
    if lock and session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(assignment.id, func.hashtext(student))))
    used = session.scalar(select(func.count()).where(Submission.assignment_id == assignment.id,
                                                     Submission.student == student)) or 0
    if used >= assignment.max_attempts:
        raise Conflict(f"attempts: {student!r} has used all {assignment.max_attempts} attempts of assignment "
                       f"{assignment.id}; nothing was stored")


def submission_time(session: Session, caller: Caller, assignment: Assignment, body: SubmissionIn) -> datetime:
    if body.submitted_at is None or caller.role not in TRUSTED_CLOCKS:
        return utcnow()
    timezone = session.get_one(Course, assignment.course_id).timezone
    return parse_deadline(body.submitted_at, timezone, field="submitted_at")


def create_submission(
    session: Session,
    pool: Grades,
    *,
    caller: Caller,
    assignment: Assignment,
    body: SubmissionIn,
    idempotency_key: str | None,
) -> tuple[Submission, bool]:
    """Return the stored submission and whether this call created it (False: an idempotent replay)."""
    check_request(caller, assignment, body)
    body_digest = digest(body)
    if idempotency_key and (first := replay(session, assignment, idempotency_key, body_digest)):
        return first, False
    check_attempts(session, assignment, body.student)
    submitted_at = submission_time(session, caller, assignment, body)
    policy = policy_of(assignment)
    try:
        outcome = assess(policy, deadline_for(session, assignment, body.student), submitted_at)
    except SubmissionClosed as closed:
        audit.record_refusal(session, "submission.refused", caller=caller, course_id=assignment.course_id,
                             assignment_id=assignment.id, student=body.student,
                             submitted_at=submitted_at.isoformat(), closed_at=closed.closes_at.isoformat())
        raise Conflict(f"submissions closed at {closed.closes_at.isoformat()}; nothing was graded") from None

    # Grading takes up to the pool's time limit per answer: wait for it without holding a database connection.
    values = variants.student_values(assignment, body.student)
    release(session)
    results = grade_parts(pool, assignment.parts, body.answers, values)
    submission = graded_submission(assignment, body, results, values, policy=policy, outcome=outcome,
                                   submitted_at=submitted_at, idempotency_key=idempotency_key, body_digest=body_digest)
    check_attempts(session, assignment, body.student, lock=True)
    session.add(submission)
    audit.record(session, "submission.created", caller=caller, course_id=assignment.course_id,
                 assignment_id=assignment.id, student=body.student)
    try:
        session.flush()
        if submission.pending_parts:
            # The job names the stored submission and is committed with it, in the request's one unit of work.
            jobs.enqueue(session, "grade_pending", delay=PENDING_DELAY, submission_id=submission.id)
    except IntegrityError:
        # Two identical LMS retries raced: the other one stored first, so answer with its response.
        session.rollback()
        if idempotency_key and (first := replay(session, assignment, idempotency_key, body_digest)):
            return first, False
        raise
    return submission, True


def graded_submission(
    assignment: Assignment, body: SubmissionIn, results: dict[str, Outcome], values: Mapping[str, Values | None], *,
    policy: LatePolicy,
    outcome: LateOutcome, submitted_at: datetime, idempotency_key: str | None, body_digest: str,
) -> Submission:
    """The new submission row with its part results (each with the values it was asked with) and totals, not yet
    added to a session."""
    parts = [
        PartResult(question_id=part.question_id, position=part.position, raw_answer=body.answers.get(part.question_id),
                   max_score=part.points, variant=variants.encode(values.get(part.question_id)),
                   **part_fields(results[part.question_id], part.points))
        for part in assignment.parts
    ]
    raw = round(sum(p.score for p in parts), 6)
    possible = sum(p.max_score for p in parts)
    return Submission(
        assignment_id=assignment.id,
        student=body.student,
        idempotency_key=idempotency_key,
        request_digest=body_digest,
        submitted_at=submitted_at,
        late_periods=outcome.late_periods,
        penalty_percent=outcome.penalty_percent,
        raw_score=raw,
        max_score=possible,
        final_score=round(final_score(policy, raw, possible, outcome), 6),
        parts=parts,
        history=[],
        pending_parts=sum(p.status == PartStatus.pending for p in parts),
    )


def submissions_query(*, caller: Caller, assignment: Assignment, student: str | None) -> Select[Submission]:
    """The submissions the caller may list, oldest first."""
    if caller.role is Role.student:
        if student not in (None, caller.student):
            raise Forbidden("a student token sees only its own submissions")
        student = caller.student
    query = select(Submission).where(Submission.assignment_id == assignment.id).order_by(Submission.id)
    if student is not None:
        query = query.where(Submission.student == student)
    return query


def list_submissions(session: Session, *, caller: Caller, assignment: Assignment, student: str | None) -> list[Submission]:
    return list(session.scalars(submissions_query(caller=caller, assignment=assignment, student=student)))
