"""variants: per-student variants on or off and each assignment's seed; the values each graded part (and each grade a
regrade run keeps for its chunks) was asked with

Revision ID: 0003_variants
Revises: 0003_jobs
Create Date: 2026-11-30 15:30:00
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_variants"
down_revision: str | None = "0003_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

assignments = sa.table("assignments", sa.column("id", sa.Integer()), sa.column("seed", sa.Integer()))


def upgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("variants", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("seed", sa.Integer(), nullable=True))
    # Existing assignments get a seed of their own, like a new one; their stored results keep the values they
    # were graded with (none: the handout's), so a regrade changes nothing for them.
    connection = op.get_bind()
    for (assignment_id,) in connection.execute(sa.select(assignments.c.id)).all():
        connection.execute(sa.update(assignments).where(assignments.c.id == assignment_id)
                           .values(seed=secrets.randbits(31)))
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.alter_column("seed", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("part_results", schema=None) as batch_op:
        batch_op.add_column(sa.Column("variant", sa.Text(), nullable=True))
    with op.batch_alter_table("regrade_grades", schema=None) as batch_op:
        batch_op.add_column(sa.Column("variant", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("regrade_grades", schema=None) as batch_op:
        batch_op.drop_column("variant")
    with op.batch_alter_table("part_results", schema=None) as batch_op:
        batch_op.drop_column("variant")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_column("seed")
        batch_op.drop_column("variants")
