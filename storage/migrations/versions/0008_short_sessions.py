"""short sessions: a member's time budget for a day's session (/workout 30)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A table of its own: the budget is chosen before the day has a workout_logs row (/workout comes
    # before Done or /log), and most days have none.
    op.create_table(
        "short_sessions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint("minutes >= 1 AND minutes <= 600", name=op.f("ck_short_sessions_minutes")),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_short_sessions_chat_id_chats"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_short_sessions")),
        sa.UniqueConstraint(
            "chat_id", "local_date", "user_id", name=op.f("uq_short_sessions_chat_id_local_date_user_id")
        ),
    )
    op.create_index(op.f("ix_short_sessions_chat_id"), "short_sessions", ["chat_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_short_sessions_chat_id"), table_name="short_sessions")
    op.drop_table("short_sessions")
