"""home kit: what a home trainee owns (pull-up bar, low bar, bands, load)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # NULL for every existing chat: a home chat is asked what it owns the next time it asks for a
    # workout, and until it answers it gets the sessions that need nothing at all.
    op.add_column("chats", sa.Column("kit", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # Not a batch: on SQLite that copies chats and drops the old table, and with foreign keys on, dropping
    # chats deletes every row that cascades from it (the whole log). SQLite drops a plain column in place.
    op.drop_column("chats", "kit")
