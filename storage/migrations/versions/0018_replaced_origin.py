"""replaced_sets.origin: a typed set 🔁 Replace took out comes back typed when its /log is undone

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Copies kept before held As written's sets, a correction's or a lift taken off: None, read as before.
    with op.batch_alter_table("replaced_sets") as batch:
        batch.add_column(sa.Column("origin", sa.String(length=10), nullable=True))
        batch.create_check_constraint(
            op.f("ck_replaced_sets_origin"), "origin IS NULL OR origin IN ('typed', 'as_written')"
        )


def downgrade() -> None:
    with op.batch_alter_table("replaced_sets") as batch:
        batch.drop_constraint(op.f("ck_replaced_sets_origin"), type_="check")
        batch.drop_column("origin")
