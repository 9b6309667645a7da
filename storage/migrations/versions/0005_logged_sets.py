"""logged sets: what was lifted in each session, plus the chat's unit, load step and level-up state

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs: on SQLite a batch rebuild of `chats` would drop the table, and with foreign keys
    # on, dropping it deletes every row that cascades from it.
    op.add_column("chats", sa.Column("unit", sa.String(length=2), server_default="kg", nullable=False))
    op.add_column("chats", sa.Column("increment", sa.Numeric(precision=6, scale=2), nullable=True))
    op.add_column("chats", sa.Column("levelup_asked_on", sa.Date(), nullable=True))
    op.create_table(
        "logged_sets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("workout_log_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("exercise", sa.String(length=48), nullable=False),
        sa.Column("set_number", sa.SmallInteger(), nullable=False),
        sa.Column("reps", sa.SmallInteger(), nullable=False),
        sa.Column("load", sa.Numeric(precision=7, scale=2), nullable=True),
        sa.Column("unit", sa.String(length=2), nullable=False),
        sa.Column("rir", sa.SmallInteger(), nullable=True),
        sa.Column("note", sa.String(length=255), nullable=True),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("unit IN ('kg', 'lb')", name=op.f("ck_logged_sets_unit")),
        sa.CheckConstraint("reps >= 0 AND reps <= 100", name=op.f("ck_logged_sets_reps")),
        sa.CheckConstraint("set_number >= 1", name=op.f("ck_logged_sets_set_number")),
        sa.CheckConstraint("load IS NULL OR load >= 0", name=op.f("ck_logged_sets_load")),
        sa.CheckConstraint("rir IS NULL OR rir >= 0", name=op.f("ck_logged_sets_rir")),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_logged_sets_chat_id_chats"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_log_id"],
            ["workout_logs.id"],
            name=op.f("fk_logged_sets_workout_log_id_workout_logs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logged_sets")),
        sa.UniqueConstraint(
            "workout_log_id",
            "exercise",
            "set_number",
            name=op.f("uq_logged_sets_workout_log_id_exercise_set_number"),
        ),
    )
    op.create_index(
        "ix_logged_sets_chat_id_user_id_exercise", "logged_sets", ["chat_id", "user_id", "exercise"]
    )


def downgrade() -> None:
    op.drop_index("ix_logged_sets_chat_id_user_id_exercise", table_name="logged_sets")
    op.drop_table("logged_sets")
    # In place, as 0003's downgrade: a batch copy of chats would delete the log by cascade on SQLite.
    for column in ("levelup_asked_on", "increment", "unit"):
        op.drop_column("chats", column)
