"""The audit log: who did what that an operator may have to explain later."""

from typing import Any

from sqlalchemy.orm import Session

from app.db import keep_on_failure
from app.models import AuditEntry


def record(
    session: Session,
    action: str,
    *,
    caller: Any = None,
    course_id: int | None = None,
    assignment_id: int | None = None,
    **detail: Any,
) -> None:
    """Add an entry to the session; the caller's unit of work commits it."""
    session.add(entry(action, caller=caller, course_id=course_id, assignment_id=assignment_id, **detail))


def record_refusal(session: Session, action: str, *, caller: Any = None, course_id: int | None = None,
                   assignment_id: int | None = None, **detail: Any) -> None:
    """An entry that is stored although the request fails: the refusal is what it records."""
    keep_on_failure(session, entry(action, caller=caller, course_id=course_id, assignment_id=assignment_id, **detail))


def entry(action: str, *, caller: Any, course_id: int | None, assignment_id: int | None, **detail: Any) -> AuditEntry:
    return AuditEntry(
        action=action,
        role=str(caller.role) if caller else None,
        actor=caller.label if caller else None,
        course_id=course_id,
        assignment_id=assignment_id,
        detail=detail,
    )
