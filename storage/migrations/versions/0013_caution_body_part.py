"""cautions.body_part: where the pain was told ("shoulder"), for overhead pulls and "my shoulder is fine now"

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A shoulder told of on an overhead pull leaves out every overhead pull, and "my shoulder is fine now"
    # clears the shoulder's cautions; the rows told before this column said nothing of where (NULL), so they
    # keep leaving out their own movement only.
    with op.batch_alter_table("cautions") as batch:
        batch.add_column(sa.Column("body_part", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cautions") as batch:
        batch.drop_column("body_part")
