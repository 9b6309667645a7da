"""claim order index: (next_reminder_at, id) instead of next_reminder_at alone

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # On PostgreSQL, CONCURRENTLY: a plain CREATE INDEX holds off every write to chats (each update's
    # turn, each reminder's outcome) for as long as it reads the table, minutes on a big one. It cannot
    # run inside a transaction, hence the autocommit block there.
    with _outside_transaction_on_postgresql() as concurrently:
        op.create_index(
            "ix_chats_next_reminder_at_id",
            "chats",
            ["next_reminder_at", "id"],
            unique=False,
            postgresql_concurrently=concurrently,
        )
        op.drop_index("ix_chats_next_reminder_at", table_name="chats", postgresql_concurrently=concurrently)


def downgrade() -> None:
    with _outside_transaction_on_postgresql() as concurrently:
        op.create_index(
            "ix_chats_next_reminder_at",
            "chats",
            ["next_reminder_at"],
            unique=False,
            postgresql_concurrently=concurrently,
        )
        op.drop_index(
            "ix_chats_next_reminder_at_id", table_name="chats", postgresql_concurrently=concurrently
        )


@contextmanager
def _outside_transaction_on_postgresql() -> Iterator[bool]:
    if op.get_bind().dialect.name != "postgresql":
        yield False
        return
    with op.get_context().autocommit_block():
        yield True
