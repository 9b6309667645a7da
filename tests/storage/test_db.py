import threading
from pathlib import Path

import pytest
from sqlalchemy import exc, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import InLoopConnection, create_engine, sqlite_on_worker_thread
from storage.models import Chat


async def thread_of_statements(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        # A SQL function runs wherever the statement runs, so it reports the thread doing the work.
        await raw.driver_connection.create_function("thread_id", 0, threading.get_ident)
        return int(await connection.scalar(text("SELECT thread_id()")))


@pytest.mark.parametrize("in_loop", [True, False])
async def test_statements_run_on_the_loop_thread_only_when_in_loop(tmp_path: Path, in_loop: bool) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/db.sqlite", sqlite_in_loop=in_loop)
    try:
        assert (await thread_of_statements(engine) == threading.get_ident()) is in_loop
        async with engine.connect() as connection:
            raw = await connection.get_raw_connection()
            assert isinstance(raw.driver_connection, InLoopConnection) is in_loop
    finally:
        await engine.dispose()


async def test_in_loop_is_the_default_and_keeps_sqlalchemy_errors(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/db.sqlite")
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Chat.metadata.create_all)
        assert await thread_of_statements(engine) == threading.get_ident()
        row = {"id": 1, "kind": "private", "timezone": "UTC", "onboarding_step": "level"}
        async with engine.begin() as connection:
            await connection.execute(Chat.__table__.insert(), row)
        # A failing statement surfaces as SQLAlchemy's error, rolls back, and leaves the pool usable.
        with pytest.raises(exc.IntegrityError):
            async with engine.begin() as connection:
                await connection.execute(Chat.__table__.insert(), row | {"id": 2})
                await connection.execute(Chat.__table__.insert(), row)
        async with engine.connect() as connection:
            assert await connection.scalar(select(func.count()).select_from(Chat)) == 1
    finally:
        await engine.dispose()


async def test_work_marked_for_the_worker_thread_leaves_the_loop(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/db.sqlite")
    try:
        off_loop = sqlite_on_worker_thread(thread_of_statements)
        assert await off_loop(engine) != threading.get_ident()
        # The mark ends with the call: the same connection is back on the loop afterwards.
        assert await thread_of_statements(engine) == threading.get_ident()
    finally:
        await engine.dispose()


async def test_an_in_memory_database_works_in_the_loop_and_on_the_worker_thread() -> None:
    engine = create_engine("sqlite+aiosqlite://")
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Chat.metadata.create_all)
        assert await thread_of_statements(engine) == threading.get_ident()
        assert await sqlite_on_worker_thread(thread_of_statements)(engine) != threading.get_ident()
    finally:
        await engine.dispose()
