"""Engine and session factory for SQLite (one process) and PostgreSQL (replicas)."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Generator
from functools import partial
from queue import SimpleQueue
from typing import Any

import aiosqlite
from sqlalchemy import event
from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, *, sqlite_in_loop: bool = True, **kwargs: Any) -> AsyncEngine:
    sqlite = is_sqlite(url)
    if sqlite and sqlite_in_loop:
        kwargs.setdefault("async_creator", _in_loop_connector(url))
    if sqlite and ":memory:" not in url:
        # SQLite has one writer. With several pooled connections, two deferred transactions that both
        # upgrade to writing fail at once with "database is locked" (the busy timeout cannot help a
        # lock-upgrade deadlock); one shared connection makes them queue instead, which for a single
        # process is also the fastest way through SQLite.
        kwargs = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60} | kwargs
    engine = create_async_engine(url, **kwargs)
    if sqlite:
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the scheduler read while a handler writes; busy_timeout turns brief lock contention
    # into a short wait instead of "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


class _RunNow(SimpleQueue[Any]):
    """Where aiosqlite (and SQLAlchemy's adapter, for isolation levels) queue work for the worker thread:
    the work runs at once, on the caller's thread, and settles its future before returning."""

    def put_nowait(self, item: Any) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as error:
            if future is not None and not future.done():
                future.set_exception(error)
        else:
            if future is not None and not future.done():
                future.set_result(result)


class InLoopConnection(aiosqlite.Connection):
    """aiosqlite's connection with every call made on the event loop's own thread.

    A statement on a local SQLite file takes microseconds, while each of the four or five hand-offs
    per statement to aiosqlite's worker thread and back costs tens of microseconds of thread wake-ups
    and took half of each update's time (BENCHMARKS.md, §1). The engine pools a single connection, so
    no statement here can wait on a lock this process holds; only another process's write lock can
    make one wait (up to busy_timeout), which is why SQLITE_IN_LOOP=false keeps the worker thread.
    """

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _RunNow()

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)

    def __await__(self) -> Generator[Any, None, aiosqlite.Connection]:
        # aiosqlite starts its worker thread here; this connection has none.
        return self._connect().__await__()


def _in_loop_connector(url: str) -> Callable[[], Awaitable[InLoopConnection]]:
    args, options = SQLiteDialect_aiosqlite().create_connect_args(make_url(url))
    connect = partial(sqlite3.connect, *args, **options)

    async def creator() -> InLoopConnection:
        connection = InLoopConnection(connect)
        await connection
        return connection

    return creator
