"""cautions: an exercise a chat said hurts, left out of its workouts until it says it is fine

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A table of its own: few chats ever have one, and a chat may have several (one row per exercise).
    op.create_table(
        "cautions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("exercise", sa.String(length=40), nullable=False),
        sa.Column("told_on", sa.Date(), nullable=False),
        sa.CheckConstraint("length(exercise) >= 1", name=op.f("ck_cautions_exercise")),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_cautions_chat_id_chats"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cautions")),
        sa.UniqueConstraint("chat_id", "exercise", name=op.f("uq_cautions_chat_id_exercise")),
    )


def downgrade() -> None:
    op.drop_table("cautions")
