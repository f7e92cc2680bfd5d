"""The schema as typed SQLAlchemy models. Alembic revisions in `migrations/` are the only way it changes."""

import secrets
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend: SQLite stores no offset, so it is restored on the way out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class PartStatus(StrEnum):
    """`pending`: the grade did not finish for reasons of ours (a busy machine, a dead worker); the queue grades
    it later. It never counts as a wrong answer."""

    graded = "graded"
    pending = "pending"


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Course(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    assignments: Mapped[list["Assignment"]] = relationship(back_populates="course", lazy="raise")


class Assignment(Base):
    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    deadline: Mapped[datetime]
    late_policy: Mapped[dict[str, Any]]
    attempts: Mapped[str] = mapped_column(String(8), default="last")
    # Policy: at most this many submissions per student (None: no limit), and what a student's own responses
    # show (see services.visibility); `released` is the instructor's "show results now" for "on_release".
    max_attempts: Mapped[int | None] = mapped_column(Integer)
    feedback: Mapped[str] = mapped_column(String(16), default="immediate", server_default="immediate")
    released: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Per-student variants: when on, each student's values of the parameterised parts (reference.variants) are drawn
    # from the seed, fixed at creation; when off, everybody is asked the bank's own version.
    variants: Mapped[bool] = mapped_column(default=False, server_default=false())
    seed: Mapped[int] = mapped_column(Integer, default=lambda: secrets.randbits(31))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    course: Mapped[Course] = relationship(back_populates="assignments", lazy="raise")
    parts: Mapped[list["AssignmentPart"]] = relationship(
        back_populates="assignment", order_by="AssignmentPart.position", lazy="selectin", cascade="all, delete-orphan"
    )


class AssignmentPart(Base):
    __tablename__ = "assignment_parts"
    __table_args__ = (UniqueConstraint("assignment_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(200))
    points: Mapped[float] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer)
    # Known mistakes an instructor added from the dashboard, on top of the bank's own.
    extra_mistakes: Mapped[list[Any]] = mapped_column(default=list)

    assignment: Mapped[Assignment] = relationship(back_populates="parts", lazy="raise")


class Extension(Base):
    __tablename__ = "extensions"
    __table_args__ = (UniqueConstraint("assignment_id", "student"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    student: Mapped[str] = mapped_column(String(200))
    deadline: Mapped[datetime]


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    student: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("assignment_id", "idempotency_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    student: Mapped[str] = mapped_column(String(200), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    request_digest: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime]
    late_periods: Mapped[float] = mapped_column(Float, default=0)
    penalty_percent: Mapped[float] = mapped_column(Float, default=0)
    raw_score: Mapped[float] = mapped_column(Float, default=0)
    max_score: Mapped[float] = mapped_column(Float, default=0)
    final_score: Mapped[float] = mapped_column(Float, default=0)
    # Parts whose grade did not finish for our reasons; while > 0 the scores are provisional (see PartStatus).
    pending_parts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    parts: Mapped[list["PartResult"]] = relationship(
        back_populates="submission", order_by="PartResult.position", lazy="selectin", cascade="all, delete-orphan"
    )
    history: Mapped[list["ScoreChange"]] = relationship(
        order_by="ScoreChange.id", lazy="selectin", cascade="all, delete-orphan"
    )


class PartResult(Base):
    __tablename__ = "part_results"
    __table_args__ = (UniqueConstraint("submission_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(200), index=True)
    position: Mapped[int] = mapped_column(Integer)
    raw_answer: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float, default=0)
    max_score: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool | None]
    feedback: Mapped[str] = mapped_column(Text, default="")
    interpreted: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=PartStatus.graded, server_default=PartStatus.graded)
    # Set when an instructor graded or overrode this part by hand; regrades then leave the score alone.
    graded_by: Mapped[str | None] = mapped_column(String(200))
    graded_at: Mapped[datetime | None]
    comment: Mapped[str | None] = mapped_column(Text)
    # The values of the part's parameters this answer was graded with (None: the part as the bank lists it); kept, so
    # that a regrade after the part's ranges changed grades the student's question as it was asked. Canonical JSON
    # text (app.services.variants.encode), so that equal values compare and group in SQL on every backend.
    variant: Mapped[str | None] = mapped_column(Text)

    submission: Mapped[Submission] = relationship(back_populates="parts", lazy="raise")


class ScoreChange(Base):
    __tablename__ = "score_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str | None] = mapped_column(String(200))  # None: the submission's final score
    old: Mapped[float] = mapped_column(Float)
    new: Mapped[float] = mapped_column(Float)
    why: Mapped[str] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class RegradeRun(Base):
    """One regrade of an assignment: split into chunk jobs, with the counts its chunks add up."""

    __tablename__ = "regrade_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    started_by: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    submissions: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    # The lease of the process running it: one running regrade per assignment (see services.regrade.claim_run).
    claim: Mapped[str | None] = mapped_column(String(32))
    claimed_until: Mapped[datetime | None]
    # A run on the queue is split into `chunks` jobs; the one that makes `chunks_done` reach it finishes the run.
    chunks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    chunks_done: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    job_id: Mapped[int | None] = mapped_column(Integer)  # the queued regrade job it answers, if any


class RegradeGrade(Base):
    """A run's grade of one distinct (part, answer, variant), made once by the run's job and read by every chunk's worker."""

    __tablename__ = "regrade_grades"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("regrade_runs.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    variant: Mapped[str | None] = mapped_column(Text)  # the values it was asked with, as PartResult.variant
    outcome: Mapped[dict[str, Any]]


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str | None] = mapped_column(String(16))
    actor: Mapped[str | None] = mapped_column(String(200))
    course_id: Mapped[int | None] = mapped_column(Integer)
    assignment_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DashboardSession(Base):
    """A signed-in dashboard visitor; the cookie names it, so deleting the row signs the visitor out everywhere."""

    __tablename__ = "dashboard_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the id in the cookie
    token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class Job(Base):
    """A unit of bulk work on the task queue (app.jobs): enqueued in the transaction of the change that needs it."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status_run_after", "status", "run_after"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task: Mapped[str] = mapped_column(String(64))
    # A chunk of a bigger job: the parent is done when its last chunk is (see tasks.regrade_chunk).
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    args: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    run_after: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    worker: Mapped[str | None] = mapped_column(String(200))
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[dict[str, Any] | None]
    error: Mapped[str | None] = mapped_column(Text)
