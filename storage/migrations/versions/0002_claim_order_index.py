"""claim order index: (next_reminder_at, id) instead of next_reminder_at alone

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("chats", schema=None) as batch_op:
        batch_op.create_index("ix_chats_next_reminder_at_id", ["next_reminder_at", "id"], unique=False)
        batch_op.drop_index("ix_chats_next_reminder_at")


def downgrade() -> None:
    with op.batch_alter_table("chats", schema=None) as batch_op:
        batch_op.create_index("ix_chats_next_reminder_at", ["next_reminder_at"], unique=False)
        batch_op.drop_index("ix_chats_next_reminder_at_id")
