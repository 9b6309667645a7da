"""Engine and session factory for SQLite (one process) and PostgreSQL (replicas)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry, PoolResetState


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    sqlite = is_sqlite(url)
    if sqlite and make_url(url).database not in (None, "", ":memory:"):
        # SQLite has one writer. With several pooled connections, two deferred transactions that both
        # upgrade to writing fail at once with "database is locked" (the busy timeout cannot help a
        # lock-upgrade deadlock); one shared connection makes them queue instead, which for a single
        # process is also the fastest way through SQLite.
        kwargs = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60} | kwargs
    if sqlite:
        # The pool rolls back every connection handed back to it, even one whose transaction has just
        # committed; on aiosqlite that is a round trip to its thread for nothing, one in ten of an update's
        # (BENCHMARKS.md §1). _roll_back_if_open does the same reset only when a transaction is open.
        kwargs.setdefault("pool_reset_on_return", None)
    engine = create_async_engine(url, **kwargs)
    event.listen(engine.sync_engine, "begin", _forget_writes)
    event.listen(engine.sync_engine, "before_cursor_execute", _note_write)
    if sqlite:
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        if kwargs["pool_reset_on_return"] is None:
            event.listen(engine.sync_engine, "reset", _roll_back_if_open)
    return engine


def _roll_back_if_open(dbapi_connection: Any, record: ConnectionPoolEntry, state: PoolResetState) -> None:
    # SQLAlchemy's documented custom reset (pool_reset_on_return=None plus this event). A Connection
    # closed in the middle of its transaction has rolled it back itself (transaction_was_reset); outside
    # the event loop's greenlet (a connection garbage-collected) nothing may be awaited, as in the
    # pool's own reset; sqlite3 knows whether anything is left open (aiosqlite's in_transaction).
    if state.transaction_was_reset or state.terminate_only or not state.asyncio_safe:
        return
    if record.driver_connection is not None and record.driver_connection.in_transaction:
        dbapi_connection.rollback()


# Connection.info follows the pooled connection; the two events below keep it about the current
# transaction only.
_WROTE = "backcoach.wrote"


def wrote(connection: AsyncConnection) -> bool:
    """Whether the connection's transaction has run anything but a SELECT so far.

    True when it cannot tell (an engine not made by ``create_engine``): callers use a False to skip work
    that only a transaction with effects needs, so the unknown case must take the safe way.
    """
    return bool(connection.info.get(_WROTE, True))


def _forget_writes(connection: Connection) -> None:
    connection.info[_WROTE] = False


def _note_write(
    connection: Connection, _cursor: Any, statement: str, _parameters: Any, _context: Any, _many: bool
) -> None:
    # By the SQL itself, so ORM flushes, Core statements and text all count; whatever does not start
    # with SELECT (a CTE, a PRAGMA) counts as a write, the safe side.
    if statement.lstrip()[:6].upper() != "SELECT":
        connection.info[_WROTE] = True


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


@asynccontextmanager
async def transaction(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One transaction, committed on exit (rolled back on an error), for work nothing cancels midway.

    ``sessionmaker.begin()`` would also do, but it runs its commit and close in two shielded tasks of
    their own: a loop pass each, about 5% of an update, and two more turns of every other chat's work
    on the loop before this one's is through. Use it only where nothing cancels the block midway (an
    update's handlers: PTB waits for them before it shuts down), since nothing shields the commit here.
    The transaction's exit, commit or rollback, hands the connection back, so after a commit closing
    the session would only empty its identity map; after an error it is closed, in case the rollback
    failed too and kept the connection.
    """
    session = sessionmaker()
    try:
        async with session.begin():
            yield session
    except BaseException:
        await session.close()
        raise
