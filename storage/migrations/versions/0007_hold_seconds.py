"""hold seconds: a logged set may be a timed hold (seconds, no reps)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # On SQLite the batch copies logged_sets into a new table (a CHECK cannot be added in place); nothing
    # references logged_sets, so dropping the old copy cascades to nothing. PostgreSQL alters in place.
    with op.batch_alter_table("logged_sets") as batch:
        batch.add_column(sa.Column("seconds", sa.SmallInteger(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_logged_sets_seconds"), "seconds IS NULL OR (seconds >= 1 AND seconds <= 600)"
        )
        batch.create_check_constraint(op.f("ck_logged_sets_hold_reps"), "seconds IS NULL OR reps = 0")


def downgrade() -> None:
    # Holds logged meanwhile would read as sets of 0 reps without their seconds: they go.
    op.execute("DELETE FROM logged_sets WHERE seconds IS NOT NULL")
    with op.batch_alter_table("logged_sets") as batch:
        batch.drop_constraint(op.f("ck_logged_sets_hold_reps"), type_="check")
        batch.drop_constraint(op.f("ck_logged_sets_seconds"), type_="check")
        batch.drop_column("seconds")
