"""logged_sets.origin (typed or As written) and replaced_sets: a /log corrects what As written assumed

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The sets logged before this revision read as typed: nothing said which were As written's, and a
    # typed set is only ever added to, so no old set is replaced by a guess.
    with op.batch_alter_table("logged_sets") as batch:
        batch.add_column(sa.Column("origin", sa.String(length=10), server_default="typed", nullable=False))
        batch.create_check_constraint(op.f("ck_logged_sets_origin"), "origin IN ('typed', 'as_written')")
    op.create_table(
        "replaced_sets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("workout_log_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("exercise", sa.String(length=48), nullable=False),
        sa.Column("set_number", sa.SmallInteger(), nullable=False),
        sa.Column("reps", sa.SmallInteger(), nullable=False),
        sa.Column("load", sa.Numeric(precision=7, scale=2, asdecimal=False), nullable=True),
        sa.Column("unit", sa.String(length=2), nullable=False),
        sa.Column("rir", sa.SmallInteger(), nullable=True),
        sa.Column("note", sa.String(length=255), nullable=True),
        sa.Column("seconds", sa.SmallInteger(), nullable=True),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("set_number >= 1", name=op.f("ck_replaced_sets_set_number")),
        sa.CheckConstraint("reps >= 0 AND reps <= 100", name=op.f("ck_replaced_sets_reps")),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_replaced_sets_chat_id_chats"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_log_id"],
            ["workout_logs.id"],
            name=op.f("fk_replaced_sets_workout_log_id_workout_logs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replaced_sets")),
    )
    op.create_index(op.f("ix_replaced_sets_chat_id"), "replaced_sets", ["chat_id"])
    by_batch = ["workout_log_id", "replaced_at"]
    op.create_index(op.f("ix_replaced_sets_workout_log_id_replaced_at"), "replaced_sets", by_batch)


def downgrade() -> None:
    # The corrections stay as logged; what they replaced is no longer restorable by an undo.
    op.drop_table("replaced_sets")
    with op.batch_alter_table("logged_sets") as batch:
        batch.drop_constraint(op.f("ck_logged_sets_origin"), type_="check")
        batch.drop_column("origin")
