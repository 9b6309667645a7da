"""chats.unit_chosen: whether /units chose the unit, so set-up's default for the timezone leaves it alone

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-09
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Set-up now defaults a US chat to lb; chats from before have finished set-up, so false changes nothing
    # for them (the default is applied only as set-up ends).
    # Not a batch: on SQLite that copies chats and drops the old table, which with foreign keys on deletes
    # every row that cascades from it (the whole log). SQLite adds and drops a plain column in place.
    op.add_column("chats", sa.Column("unit_chosen", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    op.drop_column("chats", "unit_chosen")
