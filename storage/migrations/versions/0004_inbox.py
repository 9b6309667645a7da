"""inbox: each incoming update is stored before Telegram is told it arrived

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_inbox")),
    )
    op.create_index("ix_inbox_status_update_id", "inbox", ["status", "update_id"], unique=False)
    op.create_index("ix_inbox_chat_id", "inbox", ["chat_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_inbox_chat_id", table_name="inbox")
    op.drop_index("ix_inbox_status_update_id", table_name="inbox")
    op.drop_table("inbox")
