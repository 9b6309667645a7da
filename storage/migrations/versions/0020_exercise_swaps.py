"""chats.swaps: the exercises a chat swapped for others it chose (🔄 Swap), its plan giving those from then on

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Every chat from before swapped nothing: NULL, its plan as before. No constraint: the ids are written by
    # the swap handler alone and read back against exercises.toml, which passes an unknown one over.
    # Not a batch: on SQLite that copies chats and drops the old table, which with foreign keys on deletes
    # every row that cascades from it (the whole log). SQLite adds and drops a plain column in place.
    op.add_column("chats", sa.Column("swaps", sa.String(512), nullable=True))


def downgrade() -> None:
    # The plan goes back to the exercises it gives by itself; nothing logged is touched.
    op.drop_column("chats", "swaps")
