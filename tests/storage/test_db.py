import threading
from pathlib import Path

import pytest
from sqlalchemy import exc, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from storage.db import create_engine, wrote
from storage.models import Chat


async def thread_of_statements(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        # A SQL function runs wherever the statement runs, so it reports the thread doing the work.
        await raw.driver_connection.create_function("thread_id", 0, threading.get_ident)
        return int(await connection.scalar(text("SELECT thread_id()")))


@pytest.mark.parametrize("database", ["file", "memory"])
async def test_sqlite_statements_never_run_on_the_event_loop_thread(tmp_path: Path, database: str) -> None:
    # A database another process holds locked makes a statement wait (up to busy_timeout): the wait must
    # be on aiosqlite's thread, never the loop's, or every chat and the health check would wait with it.
    url = f"sqlite+aiosqlite:///{tmp_path}/db.sqlite" if database == "file" else "sqlite+aiosqlite://"
    engine = create_engine(url)
    try:
        assert await thread_of_statements(engine) != threading.get_ident()
    finally:
        await engine.dispose()


async def test_a_failing_statement_rolls_back_and_leaves_the_pool_usable(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/db.sqlite")
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Chat.metadata.create_all)
        row = {"id": 1, "kind": "private", "timezone": "UTC", "onboarding_step": "level"}
        async with engine.begin() as connection:
            await connection.execute(Chat.__table__.insert(), row)
        with pytest.raises(exc.IntegrityError):
            async with engine.begin() as connection:
                await connection.execute(Chat.__table__.insert(), row | {"id": 2})
                await connection.execute(Chat.__table__.insert(), row)
        async with engine.connect() as connection:
            assert await connection.scalar(select(func.count()).select_from(Chat)) == 1
    finally:
        await engine.dispose()


async def test_a_connection_goes_back_to_the_pool_rolled_back_only_when_left_in_a_transaction(
    tmp_path: Path,
) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/db.sqlite")
    statements: list[str] = []
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE notes (body TEXT)"))
            raw = await connection.get_raw_connection()
            # The engine pools one connection: the trace stays on it.
            await raw.driver_connection.set_trace_callback(statements.append)
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO notes VALUES ('kept')"))
        assert statements[-1] == "COMMIT", "nothing after the commit: no ROLLBACK on the way back"
        async with engine.connect() as connection:
            raw = await connection.get_raw_connection()
            # Written past SQLAlchemy (so it has no transaction to close): the pool must still undo it.
            await raw.driver_connection.execute("INSERT INTO notes VALUES ('left open')")
        assert statements[-1] == "ROLLBACK"
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT body FROM notes"))).scalars().all() == ["kept"]
    finally:
        await engine.dispose()


async def test_a_transaction_knows_whether_it_wrote(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/db.sqlite"
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE notes (body TEXT)"))
            assert wrote(connection)
        async with engine.begin() as connection:
            await connection.execute(text("SELECT count(*) FROM notes"))
            assert not wrote(connection), "a new transaction starts clean, and reading writes nothing"
            await connection.execute(text("INSERT INTO notes VALUES ('x')"))
            assert wrote(connection)
    finally:
        await engine.dispose()
    # An engine made elsewhere cannot tell: it answers on the safe side.
    other = create_async_engine(url)
    try:
        async with other.connect() as connection:
            await connection.execute(text("SELECT count(*) FROM notes"))
            assert wrote(connection)
    finally:
        await other.dispose()
