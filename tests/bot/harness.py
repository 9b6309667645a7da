"""Drives the real PTB Application against the in-process Bot API double, as a user would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_application
from bot.context import CoachApplication
from bot.settings import Settings
from fakeapi import CallbackAnswer, FakeBotApi, FakeRequest, SentMessage, drive
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Base
from tests.conftest import PG_URL, drop_schema, postgres_engine

TOKEN = "123456:TEST-token-for-the-double-only-000"
# A Tuesday morning in UTC; tests move it explicitly.
START = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class Harness:
    api: FakeBotApi
    app: CoachApplication
    clock: Clock
    errors: list[BaseException] = field(default_factory=list)

    async def _run(self, update: dict[str, Any]) -> list[SentMessage]:
        before = len(self.api.sent)
        await drive(self.app, update)
        return self.api.sent[before:]

    async def send(
        self, chat_id: int, text: str, *, user_id: int | None = None, **extra: Any
    ) -> list[SentMessage]:
        """What the bot sent or edited in answer to a text message from the user."""
        return await self._run(self.api.make_message(chat_id, user_id or chat_id, text, **extra))

    async def press(self, chat_id: int, label: str, *, user_id: int | None = None) -> list[SentMessage]:
        return await self._run(self.api.press(chat_id, label, user_id=user_id))

    async def callback(
        self, chat_id: int, data: str, *, message_id: int | None = None, user_id: int | None = None
    ) -> list[SentMessage]:
        if message_id is None:
            message_id = self.api.last(chat_id).message_id
        return await self._run(self.api.make_callback(chat_id, user_id or chat_id, message_id, data))

    def toasts(self) -> list[CallbackAnswer]:
        return self.api.callback_answers

    async def onboard(self, chat_id: int, level: str = "🌱 Beginner", equipment: str = "🏋️ Gym") -> None:
        await self.send(chat_id, "/start")
        await self.press(chat_id, level)
        await self.press(chat_id, equipment)
        if "at home" in (self.api.last(chat_id).text or ""):
            await self.press(chat_id, "✅ Confirm")
        await self.press(chat_id, "UTC")


@asynccontextmanager
async def database(tmp_path: Path, backend: str) -> AsyncIterator[tuple[str, AsyncEngine]]:
    """The bot's database: a migrated SQLite file, or a fresh PostgreSQL schema (dropped afterwards)."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path}/bot.db"
        await upgrade(url)
        yield url, create_engine(url)
        return
    # Alembic works in the URL's default schema; a schema per test is built from the models, which
    # tests/storage/test_migrations.py proves the migrations match.
    engine, schema = await postgres_engine()
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        yield PG_URL, engine
    finally:
        await engine.dispose()
        await drop_schema(schema)


@asynccontextmanager
async def running_harness(tmp_path: Path, backend: str = "sqlite", **settings: Any) -> AsyncIterator[Harness]:
    async with database(tmp_path, backend) as (url, engine), _running(url, engine, **settings) as harness:
        yield harness


@asynccontextmanager
async def _running(url: str, engine: AsyncEngine, **settings: Any) -> AsyncIterator[Harness]:
    config = Settings(database_url=url, telegram_bot_token=TOKEN, **settings)
    api = FakeBotApi(token=TOKEN)
    clock = Clock()
    app = build_application(
        config, engine, token=TOKEN, request=FakeRequest(api), rate_limit=False, clock=clock
    )
    harness = Harness(api=api, app=app, clock=clock)

    async def remember(update: object, context: Any) -> None:
        assert context.error is not None
        harness.errors.append(context.error)

    # Errors must reach the test, not only the user's polite "something went wrong".
    app.add_error_handler(remember)
    await app.initialize()
    await app.post_init(app)  # type: ignore[misc]
    try:
        yield harness
    finally:
        await app.shutdown()
        await app.post_shutdown(app)  # type: ignore[misc]
