"""The audit log: who did what that an operator may have to explain later."""

from typing import Any

from sqlalchemy.orm import Session

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
    session.add(
        AuditEntry(
            action=action,
            role=str(caller.role) if caller else None,
            actor=caller.label if caller else None,
            course_id=course_id,
            assignment_id=assignment_id,
            detail=detail,
        )
    )
