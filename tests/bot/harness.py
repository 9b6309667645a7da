"""Drives the real PTB Application against the in-process Bot API double, as a user would."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import Job

from bot import reminder_job
from bot.app import build_application
from bot.coach.answerer import Answerer
from bot.coach.charts import Lift
from bot.coach.knowledge import KnowledgeBase
from bot.context import CoachApplication
from bot.settings import Settings
from fakeapi import CallbackAnswer, FakeBotApi, FakeRequest, SentMessage, drive
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Base, Chat, LoggedSet
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
    stopped: bool = False

    async def stop(self) -> None:
        """Stop as the process does on SIGTERM: shutdown, then post_shutdown (which hands the lead over and
        disposes the engine). Once; leaving ``running_app`` stops a harness that is still running."""
        if self.stopped:
            return
        self.stopped = True
        await self.app.shutdown()
        await self.app.post_shutdown(self.app)  # type: ignore[misc]

    async def _run(self, update: dict[str, Any]) -> list[SentMessage]:
        before = len(self.api.sent)
        await drive(self.app, update)
        return self.api.sent[before:]

    async def send(
        self, chat_id: int, text: str, *, user_id: int | None = None, **extra: Any
    ) -> list[SentMessage]:
        """What the bot sent or edited in answer to a text message from the user."""
        return await self._run(self.api.make_message(chat_id, user_id or chat_id, text, **extra))

    async def press(
        self, chat_id: int, label: str, *, user_id: int | None = None, message_id: int | None = None
    ) -> list[SentMessage]:
        """Press the button captioned ``label`` on the newest message that has it, or on ``message_id``."""
        return await self._run(self.api.press(chat_id, label, user_id=user_id, message_id=message_id))

    async def callback(
        self, chat_id: int, data: str, *, message_id: int | None = None, user_id: int | None = None
    ) -> list[SentMessage]:
        if message_id is None:
            message_id = self.api.last(chat_id).message_id
        return await self._run(self.api.make_callback(chat_id, user_id or chat_id, message_id, data))

    def toasts(self) -> list[CallbackAnswer]:
        return self.api.callback_answers

    async def onboard(
        self,
        chat_id: int,
        level: str = "🌱 Beginner",
        equipment: str = "🏋️ Gym",
        kit: tuple[str, ...] = (),
        *,
        days: int = 2,
        user_id: int | None = None,
    ) -> None:
        """/start through the set-up; at home, ``kit`` names the checklist boxes to tick ("Pull-up bar");
        ``days`` a week picks the button "2 days: Mon, Thu" (⭐ or not); in a group, ``user_id`` is the
        member who answers."""
        await self.send(chat_id, "/start", user_id=user_id)
        await self.press(chat_id, level, user_id=user_id)
        await self.press(chat_id, equipment, user_id=user_id)
        if "at home" in (self.api.last(chat_id).text or ""):
            for label in kit:
                await self.press(chat_id, f"⬜️ {label}", user_id=user_id)
            await self.press(chat_id, "✅ Confirm", user_id=user_id)
        await self.press(chat_id, "UTC", user_id=user_id)
        await self.press(chat_id, self.button_starting(chat_id, f"{days} days:"), user_id=user_id)

    def button_starting(self, chat_id: int, start: str) -> str:
        """The caption of the newest message's button that starts with ``start`` once a ⭐ is set aside."""
        rows = self.api.buttons(self.api.last(chat_id))
        return next(text for row in rows for text, _ in row if text.removeprefix("⭐ ").startswith(start))


@dataclass
class Firing:
    """A periodic job and the next instant the JobQueue would fire it."""

    job: Job[Any]
    at: datetime
    every: timedelta


class SimulatedJobs:
    """The reminder jobs ``post_init`` scheduled, fired when the JobQueue would fire them, on the harness
    clock instead of the real one.

    The harness never starts the Application, so APScheduler (which keeps the real time) fires nothing by
    itself. ``run_until`` moves the clock from one firing to the next and runs each job through PTB's own
    ``Job.run``: the lead job ``FIRST_LEAD_SECONDS`` after start and then every lease renewal interval, the
    tick ``FIRST_TICK_SECONDS`` after start and then every ``SCHEDULER_TICK_SECONDS``, and the catch-up
    run the lead job queues on taking the lead, at once. Hours of the schedule take milliseconds.
    """

    def __init__(self, harness: Harness) -> None:
        job_queue = harness.app.job_queue
        assert job_queue is not None
        [lead] = job_queue.get_jobs_by_name(reminder_job.LEAD_JOB_NAME)
        [tick] = job_queue.get_jobs_by_name(reminder_job.TICK_JOB_NAME)
        assert isinstance(lead.data, reminder_job.TickState)
        started = harness.clock.now
        self.harness = harness
        self.tick = tick
        # The lead job first: at one instant, a renewed lead is what the tick runs on.
        self.firings = [
            Firing(
                lead,
                started + timedelta(seconds=reminder_job.FIRST_LEAD_SECONDS),
                lead.data.leadership.config.renew_every,
            ),
            Firing(
                tick,
                started + timedelta(seconds=reminder_job.FIRST_TICK_SECONDS),
                timedelta(seconds=harness.app.bot_data.settings.scheduler_tick_seconds),
            ),
        ]

    async def run_until(self, instant: datetime) -> None:
        """Fire every job due up to ``instant``, in order, each at its own instant; the clock ends there."""
        while (firing := min(self.firings, key=lambda each: each.at)).at <= instant:
            self.harness.clock.now = firing.at
            await firing.job.run(self.harness.app)
            firing.at += firing.every
            await self._run_queued_ticks()
        self.harness.clock.now = instant

    async def _run_queued_ticks(self) -> None:
        job_queue = self.harness.app.job_queue
        assert job_queue is not None
        for job in job_queue.get_jobs_by_name(reminder_job.TICK_JOB_NAME):
            if job != self.tick:  # a one-off run_once(run_tick, 0): due now
                job.schedule_removal()
                await job.run(self.harness.app)


@dataclass(frozen=True)
class Database:
    """The bot's database for one test: its URL, and on PostgreSQL the schema the test owns."""

    url: str
    schema: str | None = None

    def engine(self) -> AsyncEngine:
        """A new engine on it: each bot process (``running_app``) has its own, as separate processes do."""
        if self.schema is None:
            return create_engine(self.url)
        return create_engine(self.url, connect_args={"server_settings": {"search_path": self.schema}})


@asynccontextmanager
async def database(tmp_path: Path, backend: str) -> AsyncIterator[Database]:
    """The bot's database: a migrated SQLite file, or a fresh PostgreSQL schema (dropped afterwards)."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path}/bot.db"
        await upgrade(url)
        yield Database(url)
        return
    # Alembic works in the URL's default schema; a schema per test is built from the models, which
    # tests/storage/test_migrations.py proves the migrations match.
    engine, schema = await postgres_engine()
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        await engine.dispose()
        yield Database(PG_URL, schema)
    finally:
        await drop_schema(schema)


@asynccontextmanager
async def running_harness(tmp_path: Path, backend: str = "sqlite", **settings: Any) -> AsyncIterator[Harness]:
    async with database(tmp_path, backend) as db, running_app(db, **settings) as harness:
        yield harness


@asynccontextmanager
async def running_app(
    db: Database, *, api: FakeBotApi | None = None, clock: Clock | None = None, **settings: Any
) -> AsyncIterator[Harness]:
    """One bot process on ``db``: the real Application, initialized and post_init run, on its own engine.

    Several may share one database, one Bot API double (``api``: one Telegram) and one ``clock`` (one wall
    clock), as a bot and its restart or its replicas do.
    """
    config = Settings(database_url=db.url, telegram_bot_token=TOKEN, **settings)
    api = api or FakeBotApi(token=TOKEN)
    clock = clock or Clock()
    app = build_application(
        config,
        db.engine(),
        token=TOKEN,
        request=FakeRequest(api),
        rate_limit=False,
        clock=clock,
        answerer=shipped_answerer(),
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
        await harness.stop()


@functools.cache
def shipped_answerer() -> Answerer:
    """The answerer on the shipped content, built once per test process (a build reads every content file
    and the learned model: most of an application's build time)."""
    return Answerer(KnowledgeBase.load())


def joined(sent: list[Any]) -> str:
    """The texts of the messages a step sent, one after another."""
    return "\n".join(message.text or "" for message in sent)


def plain(sent: list[Any]) -> str:
    """The texts of the messages a step sent as the user reads them, one after another."""
    return "\n".join(message.plain_text or "" for message in sent)


def texts(sent: list[SentMessage]) -> list[str]:
    """The texts of the messages a step sent, each on its own."""
    return [message.text or "" for message in sent]


async def chat_row(bot: Harness, chat_id: int) -> Chat:
    """The chat's row as stored now."""
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, chat_id)
        assert chat is not None
        return chat


def labels(bot: Harness, chat_id: int) -> list[str]:
    """The button labels under the last message sent to ``chat_id``."""
    return [label for row in bot.api.buttons(bot.api.last(chat_id)) for label, _ in row]


async def logged_rows(bot: Harness) -> list[tuple[str, int, float | None, str | None]]:
    """Every logged set as (exercise, reps, load, note), in the order logged."""
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load, LoggedSet.note)
        return [tuple(row) for row in (await session.execute(query.order_by(LoggedSet.id))).all()]


def next_load_line(workout: str, name: str) -> str:
    """/workout's "last time → today" line for one exercise."""
    return next(row for row in workout.splitlines() if row.startswith(f"📈 <i>{name}:"))


async def log_session(bot: Harness, user: int, *typed: str) -> None:
    """One session's sets, each a /log a few minutes apart; then three days on (the next session's day)."""
    for sets in typed:
        await bot.send(user, f"/log {sets}")
        bot.clock.advance(minutes=4)
    bot.clock.advance(days=3)


def charted(bot: Harness) -> list[Lift]:
    """The lifts every /progress from now on hands to the chart renderer."""
    lifts: list[Lift] = []
    charts = bot.app.bot_data.charts
    render = charts.render

    async def keep(**given: Any) -> Any:
        lifts[:] = given["lifts"]
        return await render(**given)

    charts.render = keep  # type: ignore[method-assign]
    return lifts
