"""Shared fixtures: a database per test on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.db import create_engine, make_sessionmaker
from storage.models import Base

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def pytest_report_header() -> str:
    if PG_URL:
        return f"PostgreSQL tests: on ({PG_URL.split('@')[-1]})"
    return "PostgreSQL tests: skipped (set TEST_DATABASE_URL=postgresql+asyncpg://… to run them)"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not PG_URL:
        terminalreporter.write_line(
            "note: storage, scheduler and handler tests ran on SQLite only; TEST_DATABASE_URL is not set, "
            "so the PostgreSQL variants were skipped"
        )


async def postgres_engine() -> tuple[AsyncEngine, str]:
    """An engine bound to a fresh schema, so parallel or repeated runs never see each other's rows."""
    schema = f"bc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    async with admin.begin() as connection:
        await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    engine = create_engine(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    return engine, schema


async def drop_schema(schema: str) -> None:
    admin = create_engine(PG_URL)
    async with admin.begin() as connection:
        await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await admin.dispose()


@pytest.fixture
async def sqlite_engine(tmp_path: os.PathLike[str]) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/test.db")
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()


@pytest.fixture(params=BACKENDS)
async def engine(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> AsyncIterator[AsyncEngine]:
    """Both backends where available: the code and schema must behave the same on each."""
    if request.param == "sqlite":
        created = create_engine(f"sqlite+aiosqlite:///{tmp_path}/test.db")
        schema = None
    else:
        created, schema = await postgres_engine()
    async with created.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    try:
        yield created
    finally:
        await created.dispose()
        if schema is not None:
            await drop_schema(schema)


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return make_sessionmaker(engine)
