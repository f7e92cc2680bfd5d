"""run cursor: regrade runs no longer walk the submissions in one process (every run is split into chunk jobs), so
the cursor an interrupted walk resumed from is gone

Revision ID: 0004_run_cursor
Revises: 0003_variants
Create Date: 2026-11-30 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_run_cursor"
down_revision: str | None = "0003_variants"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("regrade_runs", schema=None) as batch_op:
        batch_op.drop_column("cursor")


def downgrade() -> None:
    with op.batch_alter_table("regrade_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cursor", sa.Integer(), server_default="0", nullable=False))
