"""chats.setup_told: the set-up questions answered before their turn, confirmed then instead of asked

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # 48 characters hold every step that can be told early, "equipment,kit,timezone,days", and room to spare.
    # No constraint: the names are set-up's own (bot.handlers.onboarding_steps), written by nothing else.
    # Chats in the middle of set-up have told nothing early: NULL, each question asked in its turn, as before.
    # Not a batch: on SQLite that copies chats and drops the old table, which with foreign keys on deletes
    # every row that cascades from it (the whole log). SQLite adds and drops a plain column in place.
    op.add_column("chats", sa.Column("setup_told", sa.String(48), nullable=True))


def downgrade() -> None:
    # The answers told early stay in their own columns; a chat still in set-up is then asked those questions
    # again in their turn, with its early answer as the one already stored.
    op.drop_column("chats", "setup_told")
