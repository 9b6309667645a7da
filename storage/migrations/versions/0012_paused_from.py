"""chats.paused_from: a pause asked to start on a later day ("/pause from 2 jan until 10 jan")

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Pauses from before this revision started the day they were sent: no first day, every day through
    # paused_until held, as before.
    op.add_column("chats", sa.Column("paused_from", sa.Date(), nullable=True))


def downgrade() -> None:
    # A pause still to come would hold from today once its first day is gone: the reminders until then
    # are kept by ending it (its pauses row stays, so the streak reads it when its days come).
    op.execute(sa.text("UPDATE chats SET paused_until = NULL WHERE paused_from > CURRENT_DATE"))
    # Not a batch: on SQLite that copies the table and drops the old one, and with foreign keys on, dropping
    # chats deletes every row that cascades from it (the whole log). SQLite drops a plain column in place.
    op.drop_column("chats", "paused_from")
