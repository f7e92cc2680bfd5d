"""What a student's own responses show, by the assignment's feedback policy.

A choice question answered with "correct: true/false" at once is an oracle; an assignment may therefore hold
scores, correctness and feedback back from student tokens until the deadline or until an instructor releases
them. How an answer was read (`interpreted`, `error`) is always shown: it reveals nothing about the key and
tells a student that a typo was not what they meant. LMS, instructor and admin tokens always see everything.
"""

from datetime import datetime

from sqlalchemy.orm import Session

from app.models import Assignment, Submission, utcnow
from app.schemas import SubmissionOut
from app.security import Caller, Role
from app.services.assignments import deadline_for


def withheld(caller: Caller, assignment: Assignment, deadline: datetime, now: datetime | None = None) -> str | None:
    """Why results are withheld from this caller now, or None when they are shown."""
    return None if caller.role is not Role.student else by_policy(assignment, deadline, now)


def by_policy(assignment: Assignment, deadline: datetime, now: datetime | None = None) -> str | None:
    """Why the assignment's policy withholds results from its students now (their deadline given), or None."""
    if assignment.feedback == "immediate":
        return None
    if assignment.feedback == "after_deadline" and (now or utcnow()) < deadline:
        return f"scores and feedback are shown after the deadline, {deadline.isoformat()}"
    if assignment.feedback == "on_release" and not assignment.released:
        return "scores and feedback are shown when your instructor releases them"
    return None


def shown(out: SubmissionOut, reason: str | None) -> SubmissionOut:
    if reason is None:
        return out
    parts = [part.model_copy(update={"score": None, "correct": None, "feedback": None}) for part in out.parts]
    return out.model_copy(update={"raw_score": None, "final_score": None, "parts": parts, "history": [],
                                  "withheld": reason})


def for_student(session: Session, assignment: Assignment, student: str) -> str | None:
    """Why the student's own results are withheld now (the student page), or None."""
    if assignment.feedback == "immediate":
        return None
    return by_policy(assignment, deadline_for(session, assignment, student))


def present(session: Session, caller: Caller, assignment: Assignment, submission: Submission) -> SubmissionOut:
    """The submission as this caller may see it."""
    out = SubmissionOut.model_validate(submission)
    if caller.role is not Role.student or assignment.feedback == "immediate":
        return out
    return shown(out, withheld(caller, assignment, deadline_for(session, assignment, submission.student)))
