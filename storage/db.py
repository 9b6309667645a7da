"""Engine and session factory for SQLite (one process) and PostgreSQL (replicas)."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from functools import partial
from typing import Any, ParamSpec, TypeVar

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
    if sqlite and make_url(url).database not in (None, "", ":memory:"):
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


# Set (for a task and the tasks it starts) where SQLite's statements should run on aiosqlite's worker
# thread after all; see ``sqlite_on_worker_thread``.
_ON_WORKER: ContextVar[bool] = ContextVar("sqlite_on_worker_thread", default=False)
P = ParamSpec("P")
T = TypeVar("T")


def sqlite_on_worker_thread(
    function: Callable[P, Coroutine[Any, Any, T]],
) -> Callable[P, Coroutine[Any, Any, T]]:
    """Run ``function`` (and the tasks it starts) with its SQLite statements on the worker thread.

    For work that must not hold the event loop: a reminder run's claims and its outcome writes (and
    the WAL checkpoints their commits set off) take milliseconds at a time, and paced sends that wait
    out such a stall then go out together, which Telegram answers with 429 at 1,000 messages/s
    (BENCHMARKS.md §2). Only this connection's calls move; there is still one connection.
    """

    @functools.wraps(function)
    async def on_worker(*args: P.args, **kwargs: P.kwargs) -> T:
        token = _ON_WORKER.set(True)
        try:
            return await function(*args, **kwargs)
        finally:
            _ON_WORKER.reset(token)

    return on_worker


class InLoopConnection(aiosqlite.Connection):
    """aiosqlite's connection, with its calls made on the event loop's own thread.

    A statement on a local SQLite file takes microseconds, while each of the four or five hand-offs
    per statement to aiosqlite's worker thread and back costs tens of microseconds of thread wake-ups:
    they were half of each update's time (BENCHMARKS.md §1). The engine pools a single connection, so
    no statement here can wait on a lock this process holds; only another process's write lock can make
    one wait (up to busy_timeout), which is why SQLITE_IN_LOOP=false keeps everything on the thread.
    The thread stays for work marked ``sqlite_on_worker_thread``; calls never overlap either way, as
    the connection serves one session at a time and each call is awaited before the next. A handler's
    commit can still run one of SQLite's automatic WAL checkpoints (every 1,000 pages written) on the
    loop: a few milliseconds now and then.
    """

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if _ON_WORKER.get():
            return await super()._execute(fn, *args, **kwargs)  # type: ignore[no-untyped-call]
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)


def _in_loop_connector(url: str) -> Callable[[], Awaitable[InLoopConnection]]:
    args, options = SQLiteDialect_aiosqlite().create_connect_args(make_url(url))
    # Opened on the worker thread and used from the loop's: safe, as no two calls ever overlap.
    connect = partial(sqlite3.connect, *args, **{**options, "check_same_thread": False})

    async def creator() -> InLoopConnection:
        connection = InLoopConnection(connect, iter_chunk_size=64)
        # As SQLAlchemy does for the connections it opens itself: an engine never disposed must not
        # keep the process from exiting.
        connection._thread.daemon = True
        await connection
        return connection

    return creator
