"""The Alembic history must produce exactly the schema the models describe, on every backend."""

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import repo
from storage.db import create_engine
from storage.migrate import downgrade, upgrade
from storage.models import Base

PG_URL = os.environ.get("TEST_DATABASE_URL", "")


async def test_upgrade_matches_models(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/migrated.db"
    await _assert_upgrade_matches_models(url)


@pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set: no PostgreSQL to migrate")
async def test_upgrade_matches_models_on_postgresql() -> None:
    async with _scratch_postgresql() as url:
        await _assert_upgrade_matches_models(url)
        assert await _chat_indexes(url) == {"ix_chats_next_reminder_at_id"}
        await downgrade(url, "0001")
        assert await _chat_indexes(url) == {"ix_chats_next_reminder_at"}
        await upgrade(url)
        assert await _chat_indexes(url) == {"ix_chats_next_reminder_at_id"}


@asynccontextmanager
async def _scratch_postgresql() -> AsyncIterator[str]:
    """The URL of a PostgreSQL database of its own, dropped afterwards: Alembic works in the URL's default
    schema, and 0002 builds its index CONCURRENTLY, which must run outside any transaction."""
    name = f"bc_migrate_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
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


async def _sets_survive_0007_and_holds_are_checked(url: str) -> None:
    """Sets logged before holds existed keep their rows through 0007; the new CHECKs bite on both backends."""
    await upgrade(url, "0006")
    engine = create_engine(url)
    insert = text(
        "INSERT INTO logged_sets (chat_id, workout_log_id, user_id, exercise, set_number, reps, unit,"
        " logged_at) VALUES (7, :log, 7, 'pull-up', :number, 5, 'kg', :now)"
    )
    async with engine.begin() as connection:
        session = AsyncSession(bind=connection)
        now = datetime(2026, 12, 5, 8, tzinfo=UTC)
        # The chat in 0006's columns: the model's own has columns added since (0012's paused_from).
        chat = text(
            "INSERT INTO chats (id, kind, timezone, workout_days, reminder_minute, weekly_target, active,"
            " reminders_enabled, nudges_enabled, unanswered, tips_used, unit, created_at, updated_at)"
            " VALUES (7, 'private', 'UTC', 9, 1080, 2, :yes, :yes, :yes, 0, 0, 'kg', :now, :now)"
        )
        await connection.execute(chat, {"yes": True, "now": now.replace(tzinfo=None)})
        await repo.log_workout(session, 7, now.date(), user_id=7, user_name="Ann", now=now)
        await session.flush()
        log_id = (await connection.execute(text("SELECT id FROM workout_logs"))).scalar_one()
        await connection.execute(insert, {"log": log_id, "number": 1, "now": now.replace(tzinfo=None)})
    await upgrade(url)
    hold = text(
        "INSERT INTO logged_sets (chat_id, workout_log_id, user_id, exercise, set_number, reps, unit,"
        " logged_at, seconds) VALUES (7, :log, 7, 'prone-cobra', :number, :reps, 'kg', :now, :seconds)"
    )
    values = {"log": log_id, "now": now.replace(tzinfo=None)}
    async with engine.begin() as connection:
        rows = (await connection.execute(text("SELECT exercise, reps, seconds FROM logged_sets"))).all()
        assert [tuple(row) for row in rows] == [("pull-up", 5, None)]
        await connection.execute(hold, values | {"number": 1, "reps": 0, "seconds": 45})
    for number, reps, seconds in ((2, 5, 45), (3, 0, 0), (4, 0, 601)):  # reps with seconds; out of range
        with pytest.raises(IntegrityError):
            async with engine.begin() as connection:
                await connection.execute(hold, values | {"number": number, "reps": reps, "seconds": seconds})
    await downgrade(url, "0006")
    async with engine.begin() as connection:
        rows = (await connection.execute(text("SELECT exercise, reps FROM logged_sets"))).all()
        assert [tuple(row) for row in rows] == [("pull-up", 5)], "the holds go, the other sets stay"
    await engine.dispose()
    await upgrade(url)


async def test_0007_keeps_logged_sets_and_checks_holds(tmp_path: Path) -> None:
    await _sets_survive_0007_and_holds_are_checked(f"sqlite+aiosqlite:///{tmp_path}/holds.db")


@pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set: no PostgreSQL to migrate")
async def test_0007_keeps_logged_sets_and_checks_holds_on_postgresql() -> None:
    async with _scratch_postgresql() as url:
        await _sets_survive_0007_and_holds_are_checked(url)


async def _a_coming_pause_survives_0012_both_ways(url: str) -> None:
    """0012 adds the pause's first day in place: a downgrade keeps every chat and its log (a batch copy of
    chats on SQLite would have deleted them by cascade) and ends a pause still to come."""
    await upgrade(url, "0011")
    engine = create_engine(url)
    now = datetime(2026, 12, 28, 8, tzinfo=UTC)
    chat = text(
        "INSERT INTO chats (id, kind, timezone, workout_days, reminder_minute, weekly_target, active,"
        " reminders_enabled, nudges_enabled, unanswered, tips_used, unit, created_at, updated_at)"
        " VALUES (:id, 'private', 'UTC', 21, 1080, 3, :yes, :yes, :yes, 0, 0, 'kg', :now, :now)"
    )
    async with engine.begin() as connection:
        for chat_id in (7, 8):
            await connection.execute(chat, {"id": chat_id, "yes": True, "now": now.replace(tzinfo=None)})
        session = AsyncSession(bind=connection)
        await repo.log_workout(session, 7, now.date(), user_id=7, user_name="Ann", now=now)
        await session.flush()
    await upgrade(url)
    async with engine.begin() as connection:
        far, near = date(2999, 1, 10), date(2000, 1, 10)
        coming = text("UPDATE chats SET paused_from = :first, paused_until = :far WHERE id = 7")
        await connection.execute(coming, {"first": date(2999, 1, 2), "far": far})
        await connection.execute(text("UPDATE chats SET paused_until = :near WHERE id = 8"), {"near": near})
    await downgrade(url, "0011")
    async with engine.begin() as connection:
        rows = (await connection.execute(text("SELECT id, paused_until FROM chats ORDER BY id"))).all()
        assert [(row[0], str(row[1]) if row[1] else None) for row in rows] == [(7, None), (8, "2000-01-10")]
        assert (await connection.execute(text("SELECT count(*) FROM workout_logs"))).scalar_one() == 1
    await engine.dispose()
    await upgrade(url)


async def test_0012_keeps_chats_and_ends_a_coming_pause_on_downgrade(tmp_path: Path) -> None:
    await _a_coming_pause_survives_0012_both_ways(f"sqlite+aiosqlite:///{tmp_path}/paused.db")


@pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set: no PostgreSQL to migrate")
async def test_0012_keeps_chats_and_ends_a_coming_pause_on_downgrade_on_postgresql() -> None:
    async with _scratch_postgresql() as url:
        await _a_coming_pause_survives_0012_both_ways(url)


async def _chats_and_logs_survive_a_downgrade_to_0002(url: str) -> None:
    """Downgrading past 0003 and 0005 drops their columns of chats in place: a batch copy of chats on
    SQLite, with foreign keys on, would delete every chat's log by cascade."""
    await upgrade(url, "0002")
    engine = create_engine(url)
    now = datetime(2026, 12, 28, 8)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO chats (id, kind, timezone, workout_days, reminder_minute, weekly_target, active,"
                " reminders_enabled, nudges_enabled, unanswered, tips_used, created_at, updated_at)"
                " VALUES (7, 'private', 'UTC', 21, 1080, 3, :yes, :yes, :yes, 0, 0, :now, :now)"
            ),
            {"yes": True, "now": now},
        )
        await connection.execute(
            text(
                "INSERT INTO workout_logs (chat_id, local_date, user_id, session_number, logged_at)"
                " VALUES (7, :day, 7, 1, :now)"
            ),
            {"day": now.date(), "now": now},
        )
    await upgrade(url)
    await downgrade(url, "0002")
    async with engine.begin() as connection:
        assert (await connection.execute(text("SELECT count(*) FROM chats"))).scalar_one() == 1
        assert (await connection.execute(text("SELECT count(*) FROM workout_logs"))).scalar_one() == 1
    await engine.dispose()
    await upgrade(url)


async def test_a_downgrade_to_0002_keeps_chats_and_their_log(tmp_path: Path) -> None:
    await _chats_and_logs_survive_a_downgrade_to_0002(f"sqlite+aiosqlite:///{tmp_path}/down.db")


@pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set: no PostgreSQL to migrate")
async def test_a_downgrade_to_0002_keeps_chats_and_their_log_on_postgresql() -> None:
    async with _scratch_postgresql() as url:
        await _chats_and_logs_survive_a_downgrade_to_0002(url)


async def _setup_told_survives_0015_both_ways(url: str) -> None:
    """0015 adds the set-up questions told early in place: a chat in the middle of set-up keeps its row, its
    step and the answers in their own columns through an upgrade and a downgrade (a batch copy of chats on
    SQLite would have deleted every chat's log by cascade)."""
    await upgrade(url, "0014")
    engine = create_engine(url)
    now = datetime(2026, 12, 10, 8, tzinfo=UTC)
    chat = text(
        "INSERT INTO chats (id, kind, timezone, workout_days, reminder_minute, weekly_target, active,"
        " reminders_enabled, nudges_enabled, unanswered, tips_used, unit, unit_chosen, onboarding_step,"
        " created_at, updated_at) VALUES (:id, 'private', 'Europe/Lisbon', 9, 420, 2, :yes, :yes, :yes, 0, 0,"
        " 'kg', :no, :step, :now, :now)"
    )
    async with engine.begin() as connection:
        for chat_id, step in ((7, None), (8, "kit")):
            values = {"id": chat_id, "yes": True, "no": False, "step": step, "now": now.replace(tzinfo=None)}
            await connection.execute(chat, values)
        session = AsyncSession(bind=connection)
        await repo.log_workout(session, 7, now.date(), user_id=7, user_name="Ann", now=now)
        await session.flush()
    await upgrade(url)
    async with engine.begin() as connection:
        rows = (await connection.execute(text("SELECT id, setup_told FROM chats ORDER BY id"))).all()
        assert [tuple(row) for row in rows] == [(7, None), (8, None)], "nothing told early before 0015"
        await connection.execute(text("UPDATE chats SET setup_told = 'timezone,days' WHERE id = 8"))
        told = (await connection.execute(text("SELECT setup_told FROM chats WHERE id = 8"))).scalar_one()
        assert told == "timezone,days"
    await downgrade(url, "0014")
    async with engine.begin() as connection:
        rows = (
            await connection.execute(text("SELECT id, onboarding_step, timezone FROM chats ORDER BY id"))
        ).all()
        assert [tuple(row) for row in rows] == [(7, None, "Europe/Lisbon"), (8, "kit", "Europe/Lisbon")]
        assert (await connection.execute(text("SELECT count(*) FROM workout_logs"))).scalar_one() == 1
        columns = await connection.run_sync(
            lambda sync: {c["name"] for c in inspect(sync).get_columns("chats")}
        )
        assert "setup_told" not in columns
    await engine.dispose()
    await upgrade(url)


async def test_0015_keeps_chats_in_set_up_both_ways(tmp_path: Path) -> None:
    await _setup_told_survives_0015_both_ways(f"sqlite+aiosqlite:///{tmp_path}/told.db")


@pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set: no PostgreSQL to migrate")
async def test_0015_keeps_chats_in_set_up_both_ways_on_postgresql() -> None:
    async with _scratch_postgresql() as url:
        await _setup_told_survives_0015_both_ways(url)
