"""The Alembic history must produce exactly the schema the models describe, on every backend."""

import os
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from storage.db import create_engine
from storage.migrate import downgrade, upgrade
from storage.models import Base

PG_URL = os.environ.get("TEST_DATABASE_URL", "")


async def test_upgrade_matches_models(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/migrated.db"
    await _assert_upgrade_matches_models(url)


@pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set: no PostgreSQL to migrate")
async def test_upgrade_matches_models_on_postgresql() -> None:
    # A database of its own: Alembic works in the URL's default schema, and 0002 builds its index
    # CONCURRENTLY, which must run outside any transaction.
    name = f"bc_migrate_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
        await _assert_upgrade_matches_models(url)
        assert await _chat_indexes(url) == {"ix_chats_next_reminder_at_id"}
        await downgrade(url, "0001")
        assert await _chat_indexes(url) == {"ix_chats_next_reminder_at"}
        await upgrade(url)
        assert await _chat_indexes(url) == {"ix_chats_next_reminder_at_id"}
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        await admin.dispose()


async def _chat_indexes(url: str) -> set[str]:
    engine = create_engine(url)
    async with engine.connect() as connection:
        indexes = await connection.run_sync(lambda sync: inspect(sync).get_indexes("chats"))
    await engine.dispose()
    return {index["name"] for index in indexes if index["name"]}


async def _assert_upgrade_matches_models(url: str) -> None:
    await upgrade(url)
    await upgrade(url)  # a second run is a no-op, as at every start of `backcoach run`
    engine = create_engine(url)
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        diff = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
    await engine.dispose()
    assert {"chats", "workout_logs", "pauses", "outbox", "logged_sets", "alembic_version"} <= tables
    assert diff == []


@pytest.mark.parametrize("pragma, expected", [("foreign_keys", 1), ("journal_mode", "wal")])
async def test_sqlite_pragmas(tmp_path: Path, pragma: str, expected: object) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/p.db")
    async with engine.connect() as connection:
        assert (await connection.execute(text(f"PRAGMA {pragma}"))).scalar() == expected
    await engine.dispose()
