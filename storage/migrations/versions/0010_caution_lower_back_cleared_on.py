"""cautions: whether the pain was told in the lower back, and the day "It's fine now" was pressed

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A pain in the lower back takes the bent-over moves out with the exercise; the rows told before this
    # column said nothing of where, so they read as not in the lower back (their hinges still do).
    with op.batch_alter_table("cautions") as batch:
        batch.add_column(sa.Column("lower_back", sa.Boolean(), server_default=sa.false(), nullable=False))
        # A cleared caution is kept with its day, not deleted: the first session back after it holds the
        # last load and reps instead of stepping up.
        batch.add_column(sa.Column("cleared_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # A cleared caution was no row at all before this revision.
    op.execute(sa.text("DELETE FROM cautions WHERE cleared_on IS NOT NULL"))
    with op.batch_alter_table("cautions") as batch:
        batch.drop_column("cleared_on")
        batch.drop_column("lower_back")
