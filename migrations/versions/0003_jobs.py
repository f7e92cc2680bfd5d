"""jobs: a regrade split into chunk jobs (a job's parent; a run's job, chunk counts and grades)

Revision ID: 0003_jobs
Revises: 0002_integrity
Create Date: 2026-11-30 15:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_jobs"
down_revision: str | None = "0002_integrity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "regrade_grades",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("outcome", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["regrade_runs.id"], name=op.f("fk_regrade_grades_run_id_regrade_runs"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regrade_grades")),
    )
    with op.batch_alter_table("regrade_grades", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regrade_grades_run_id"), ["run_id"], unique=False)
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_jobs_parent_id_jobs"), "jobs", ["parent_id"], ["id"],
                                    ondelete="CASCADE")
        batch_op.create_index(batch_op.f("ix_jobs_parent_id"), ["parent_id"], unique=False)
    with op.batch_alter_table("regrade_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chunks", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("chunks_done", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("job_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("regrade_grades", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regrade_grades_run_id"))
    op.drop_table("regrade_grades")
    with op.batch_alter_table("regrade_runs", schema=None) as batch_op:
        batch_op.drop_column("job_id")
        batch_op.drop_column("chunks_done")
        batch_op.drop_column("chunks")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_parent_id"))
        batch_op.drop_constraint(batch_op.f("fk_jobs_parent_id_jobs"), type_="foreignkey")
        batch_op.drop_column("parent_id")
