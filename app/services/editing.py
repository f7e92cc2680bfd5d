"""Edits after the fact: courses, assignments, their parts and extensions. An edit that can change a score (a
deadline, the late policy, a part's points, a part removed) enqueues a regrade job with it; an extension reassesses
the student's own submissions at once. Every changed score lands in the submissions' history with the edit as its
reason."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import Conflict, Invalid, NotFound
from app.models import Assignment, AssignmentPart, Course, Extension, Job, PartResult, ScoreChange, Submission
from app.schemas import AssignmentPatch, CoursePatch, PartIn
from app.services import audit, regrade
from app.services.assignments import bank_part, parse_deadline
from app.services.assignments import set_extension as store_extension
from app.services.courses import check_timezone
from app.services.manual import assignment_part
from graders import GradingPool


@dataclass(frozen=True)
class Regraded:
    submissions: int
    changed: int


def given(patch: BaseModel) -> dict[str, Any]:
    """The fields the client sent with a value (null leaves a field as it is)."""
    return {name: value for name, value in patch.model_dump(exclude_unset=True).items() if value is not None}


def edit_course(session: Session, *, course: Course, patch: CoursePatch) -> Course:
    changes = given(patch)
    if "code" in changes and changes["code"] != course.code \
            and session.scalar(select(Course.id).where(Course.code == changes["code"])) is not None:
        raise Conflict(f"code: a course {changes['code']!r} already exists")
    if "timezone" in changes:
        check_timezone(changes["timezone"])
    for name, value in changes.items():
        setattr(course, name, value)
    session.flush()
    return course


def delete_course(session: Session, *, course: Course, by: str) -> None:
    audit.record(session, "course.deleted", course_id=course.id, by=by, code=course.code)
    session.execute(delete(Course).where(Course.id == course.id))


def regrade_job(session: Session, assignment: Assignment, reasons: list[str], *, by: str) -> Job | None:
    """Flush the staged edits and, if any of them can change a score, enqueue one regrade in the same transaction
    (None: none can). The caller commits both at once, so a worker never sees the job without the edits."""
    session.flush()
    if not reasons:
        return None
    return regrade.enqueue(session, assignment, by=by, why="; ".join(reasons))


def stage_patch(session: Session, assignment: Assignment, patch: AssignmentPatch) -> list[str]:
    changes = given(patch)
    if "deadline" in changes:
        timezone = session.get_one(Course, assignment.course_id).timezone
        changes["deadline"] = parse_deadline(changes["deadline"], timezone)
    moved = sorted(name for name in ("deadline", "late_policy")
                   if name in changes and changes[name] != getattr(assignment, name))
    for name, value in changes.items():
        setattr(assignment, name, value)
    return [f"assignment edited: {', '.join(moved)}"] if moved else []


def stage_new_part(assignment: Assignment, part_in: PartIn) -> list[str]:
    bank = bank_part(part_in.question_id)
    if any(part.question_id == bank.id for part in assignment.parts):
        raise Conflict(f"question_id: {bank.id!r} is already part of assignment {assignment.id}")
    position = max((part.position for part in assignment.parts), default=-1) + 1
    points = part_in.points if part_in.points is not None else bank.points
    assignment.parts.append(AssignmentPart(question_id=bank.id, points=points, position=position))
    return [f"part added: {bank.id}"]


def stage_points(assignment: Assignment, question_id: str, points: float) -> list[str]:
    part = assignment_part(assignment, question_id)
    if part.points == points:
        return []
    old, part.points = part.points, points
    return [f"points of {question_id}: {old:g} → {points:g}"]


def stage_removal(session: Session, assignment: Assignment, question_id: str, *, by: str) -> list[str]:
    """Drop the part and every answer to it; each submission that loses points keeps that in its history."""
    part = assignment_part(assignment, question_id)
    if len(assignment.parts) == 1:
        raise Invalid("parts: an assignment keeps at least one part; delete the assignment instead")
    why = f"part removed: {question_id}"
    lost = session.execute(
        select(PartResult.submission_id, PartResult.score)
        .join(Submission, Submission.id == PartResult.submission_id)
        .where(Submission.assignment_id == assignment.id, PartResult.question_id == question_id, PartResult.score != 0)
    ).all()
    session.add_all(ScoreChange(submission_id=sid, question_id=question_id, old=score, new=0, why=why, by=by)
                    for sid, score in lost)
    session.execute(delete(PartResult).where(
        PartResult.question_id == question_id,
        PartResult.submission_id.in_(select(Submission.id).where(Submission.assignment_id == assignment.id))))
    assignment.parts.remove(part)
    return [why]


def edit_assignment(
    session: Session, *, assignment: Assignment, patch: AssignmentPatch, by: str,
    points: dict[str, float] | None = None, removed: list[str] | None = None, added: PartIn | None = None,
    no_attempt_limit: bool = False,
) -> Job | None:
    """Apply every edit in one transaction, with one regrade job if any of them can change a score.

    `no_attempt_limit` lifts `max_attempts` (a PATCH's null leaves a field as it is; a form's empty box clears it)."""
    reasons = stage_patch(session, assignment, patch)
    if no_attempt_limit:
        assignment.max_attempts = None
    for question_id, new_points in (points or {}).items():
        reasons += stage_points(assignment, question_id, new_points)
    for question_id in removed or []:
        reasons += stage_removal(session, assignment, question_id, by=by)
    if added is not None:
        reasons += stage_new_part(assignment, added)
    return regrade_job(session, assignment, reasons, by=by)


def delete_assignment(session: Session, *, assignment: Assignment, by: str) -> None:
    audit.record(session, "assignment.deleted", course_id=assignment.course_id, assignment_id=assignment.id, by=by,
                 title=assignment.title)
    session.execute(delete(Assignment).where(Assignment.id == assignment.id))


def find_extension(session: Session, assignment: Assignment, student: str) -> Extension:
    extension = session.scalar(
        select(Extension).where(Extension.assignment_id == assignment.id, Extension.student == student))
    if extension is None:
        raise NotFound(f"student {student!r} has no extension on assignment {assignment.id}")
    return extension


def list_extensions(session: Session, assignment: Assignment) -> list[Extension]:
    return list(session.scalars(
        select(Extension).where(Extension.assignment_id == assignment.id).order_by(Extension.student)))


def reassess_student(session: Session, pool: GradingPool, *, assignment: Assignment, student: str, why: str,
                     by: str) -> Regraded:
    """Apply the late policy again to one student's submissions (their deadline moved), under their row locks."""
    ids = list(session.scalars(select(Submission.id).where(
        Submission.assignment_id == assignment.id, Submission.student == student).order_by(Submission.id)))
    if not ids:
        return Regraded(submissions=0, changed=0)
    regrader = regrade.Regrader(pool, assignment, by, why, regrade.extension_deadlines(session, assignment))
    done, changed = regrade.regrade_submissions(session, regrader, ids)
    session.flush()
    return Regraded(submissions=done, changed=changed)


def set_extension(session: Session, pool: GradingPool, *, assignment: Assignment, student: str,
                  deadline: datetime | str, by: str) -> tuple[Extension, Regraded]:
    extension = store_extension(session, assignment=assignment, student=student, deadline=deadline)
    why = f"extension for {student}: {extension.deadline.isoformat()}"
    return extension, reassess_student(session, pool, assignment=assignment, student=student, why=why, by=by)


def remove_extension(session: Session, pool: GradingPool, *, assignment: Assignment, student: str,
                     by: str) -> Regraded:
    session.delete(find_extension(session, assignment, student))
    session.flush()
    return reassess_student(session, pool, assignment=assignment, student=student,
                            why=f"extension for {student} removed", by=by)
