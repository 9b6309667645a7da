"""chats.home_pair, home_pair_unit: the pair of dumbbells a home trainee told at the kit question ("two
dumbbells of 6 kg"), owned from set-up on rather than asked again at the first session

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain nullable columns, added in place: a batch on SQLite would copy chats and, with foreign keys on,
    # delete every row that cascades from it. No constraint: the unit is written only as "kg" or "lb".
    op.add_column("chats", sa.Column("home_pair", sa.Numeric(6, 2, asdecimal=False), nullable=True))
    op.add_column("chats", sa.Column("home_pair_unit", sa.String(2), nullable=True))


def downgrade() -> None:
    op.drop_column("chats", "home_pair_unit")
    op.drop_column("chats", "home_pair")
