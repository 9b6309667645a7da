"""chats.age_bracket: the age bracket a chat told, optionally, so a trainee of 60+ gets an adapted plan

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Every chat from before told no age: NULL, the plan as before. No constraint: the brackets are the
    # bot's own (bot.coach.agefit.BRACKETS), written by nothing else, and a CHECK on SQLite would need a
    # batch, which copies chats and drops the old table, deleting every row that cascades from it (the log).
    op.add_column("chats", sa.Column("age_bracket", sa.String(8), nullable=True))


def downgrade() -> None:
    # The bracket is lost; the chat's plan is then the plan for anyone, as before it told one.
    op.drop_column("chats", "age_bracket")
