"""The Alembic history must produce exactly the schema the models describe, on every backend."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Base


async def test_upgrade_matches_models(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/migrated.db"
    await upgrade(url)
    await upgrade(url)  # a second run is a no-op, as at every start of `backcoach run`
    engine = create_engine(url)
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        diff = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
    await engine.dispose()
    assert {"chats", "workout_logs", "pauses", "outbox", "alembic_version"} <= tables
    assert diff == []


@pytest.mark.parametrize("pragma, expected", [("foreign_keys", 1), ("journal_mode", "wal")])
async def test_sqlite_pragmas(tmp_path: Path, pragma: str, expected: object) -> None:
    from sqlalchemy import text

    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/p.db")
    async with engine.connect() as connection:
        assert (await connection.execute(text(f"PRAGMA {pragma}"))).scalar() == expected
    await engine.dispose()
