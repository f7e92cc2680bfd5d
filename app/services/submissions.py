"""Submissions: store every raw answer, grade it, apply the late policy, and make LMS retries safe."""

import hashlib
import json
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from graders import GradingPool
from app.errors import Conflict, Forbidden, Invalid
from app.late_policy import SubmissionClosed, assess, final_score
from app.models import Assignment, Course, PartResult, Submission, utcnow
from app.schemas import SubmissionIn
from app.security import Caller, Role
from app.services import audit
from app.services.assignments import deadline_for, parse_deadline, policy_of
from app.services.grading import grade_parts

# Only these callers speak for the time a student pressed "submit" in the LMS; a student's own clock is not trusted.
TRUSTED_CLOCKS = (Role.admin, Role.instructor, Role.lms)


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
        raise Invalid(f"answers: {', '.join(map(repr, unknown))} not in assignment {assignment.id}")


def submission_time(session: Session, caller: Caller, assignment: Assignment, body: SubmissionIn) -> datetime:
    if body.submitted_at is None or caller.role not in TRUSTED_CLOCKS:
        return utcnow()
    timezone = session.get_one(Course, assignment.course_id).timezone
    return parse_deadline(body.submitted_at, timezone, field="submitted_at")


def create_submission(
    session: Session,
    pool: GradingPool,
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
    submitted_at = submission_time(session, caller, assignment, body)
    policy = policy_of(assignment)
    try:
        outcome = assess(policy, deadline_for(session, assignment, body.student), submitted_at)
    except SubmissionClosed as closed:
        audit.record(session, "submission.refused", caller=caller, course_id=assignment.course_id,
                     assignment_id=assignment.id, student=body.student, submitted_at=submitted_at.isoformat(),
                     closed_at=closed.closes_at.isoformat())
        session.commit()
        raise Conflict(f"submissions closed at {closed.closes_at.isoformat()}; nothing was graded") from None

    results = grade_parts(pool, assignment.parts, body.answers)
    parts = [
        PartResult(
            question_id=part.question_id,
            position=part.position,
            raw_answer=body.answers.get(part.question_id),
            score=round(results[part.question_id].score * part.points, 6),
            max_score=part.points,
            correct=results[part.question_id].correct,
            feedback=results[part.question_id].feedback,
            interpreted=results[part.question_id].interpreted,
            error=results[part.question_id].error,
            fingerprint=results[part.question_id].fingerprint,
        )
        for part in assignment.parts
    ]
    raw = round(sum(p.score for p in parts), 6)
    possible = sum(p.max_score for p in parts)
    submission = Submission(
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
    )
    session.add(submission)
    audit.record(session, "submission.created", caller=caller, course_id=assignment.course_id,
                 assignment_id=assignment.id, student=body.student)
    try:
        session.commit()
    except IntegrityError:
        # Two identical LMS retries raced: the other one stored first, so answer with its response.
        session.rollback()
        if idempotency_key and (first := replay(session, assignment, idempotency_key, body_digest)):
            return first, False
        raise
    return submission, True


def submissions_query(*, caller: Caller, assignment: Assignment, student: str | None) -> Select[tuple[Submission]]:
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
