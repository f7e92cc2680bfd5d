"""integrity: regrade run leases, server-side dashboard sessions, attempts and feedback policy

Revision ID: 0002_integrity
Revises: 0002_pending_jobs
Create Date: 2026-11-30 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_integrity"
down_revision: str | None = "0002_pending_jobs"  # after runtime's revision: one linear history
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dashboard_sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["token_id"], ["api_tokens.id"],
                                name=op.f("fk_dashboard_sessions_token_id_api_tokens"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_dashboard_sessions")),
    )
    with op.batch_alter_table("dashboard_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dashboard_sessions_token_id"), ["token_id"], unique=False)
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("max_attempts", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("feedback", sa.String(length=16), server_default="immediate", nullable=False))
        batch_op.add_column(sa.Column("released", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("regrade_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claim", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_table("dashboard_sessions")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_column("released")
        batch_op.drop_column("feedback")
        batch_op.drop_column("max_attempts")
    with op.batch_alter_table("regrade_runs", schema=None) as batch_op:
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claim")
