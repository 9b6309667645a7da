"""chats.adjusting: Done's ✏️ Adjust panel open in a private chat, so a load typed then sets that lift's

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No panel is open in any chat before: None. Not a batch: on SQLite that copies chats and drops the old
    # table, which with foreign keys on deletes every row that cascades from it (the whole log); SQLite adds
    # and drops a plain column in place.
    op.add_column("chats", sa.Column("adjusting", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("chats", "adjusting")
