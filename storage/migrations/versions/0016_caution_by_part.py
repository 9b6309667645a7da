"""cautions.by_part: told of a body part and a kind of move, no exercise named (🛑 Leave out overhead pulls)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Every caution from before was told of an exercise: false. A plain column, added in place on SQLite as on
    # PostgreSQL (a batch would copy the table for nothing).
    op.add_column("cautions", sa.Column("by_part", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("cautions") as batch:
        batch.drop_column("by_part")
