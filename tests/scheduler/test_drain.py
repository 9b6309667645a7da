"""The service's run: a backlog bigger than one batch drains in one run at the configured rate, on a fake
clock; and reminders go out through the dispatcher's own bot, never through the app's AIORateLimiter.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.ext import AIORateLimiter
from telegram.request import BaseRequest, RequestData

from bot import reminder_job
from bot.app import build_application
from bot.context import BotContext, CoachApplication
from bot.reminder_sender import TelegramSender
from bot.settings import PAID_CONCURRENCY, Settings
from fakeapi import FakeBotApi, FakeRequest
from scheduler import dispatch
from scheduler.dispatch import Content, DispatchConfig
from scheduler.pacing import Pacer
from storage import delivery, repo
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Outbox
from storage.records import OutboxKind, OutboxStatus
from tests.bot.harness import shipped_answerer
from tests.scheduler.test_dispatch import CHAT, THURSDAY_DUE, TOKEN, add_chat, build


@dataclass
class FakeTime:
    """A wall clock that moves only when someone sleeps on it."""

    now: datetime = THURSDAY_DUE

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return (self.now - THURSDAY_DUE).total_seconds()

    async def sleep(self, seconds: float) -> None:
        # Wake at the instant the sleeper asked for; sleepers overlapping in time do not add up.
        wake = self.now + timedelta(seconds=seconds)
        await asyncio.sleep(0)
        self.now = max(self.now, wake)


class TimedRequest(FakeRequest):
    """The Bot API double, noting the fake time of every sendMessage."""

    __slots__ = ("sends", "time")

    def __init__(self, api: FakeBotApi, time: FakeTime) -> None:
        super().__init__(api)
        self.time = time
        self.sends: list[float] = []

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if url.lower().endswith("/sendmessage"):  # Bot API methods are case-insensitive
            self.sends.append(self.time.monotonic())
        return await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )


@dataclass
class Backlog:
    api: FakeBotApi
    request: TimedRequest
    time: FakeTime
    app: CoachApplication
    sessionmaker: async_sessionmaker[AsyncSession]
    content: Content

    async def pending(self) -> int:
        async with self.sessionmaker() as session:
            return (
                await session.scalar(select(func.count()).where(Outbox.status == OutboxStatus.PENDING)) or 0
            )

    async def drain(
        self,
        config: DispatchConfig,
        budget: timedelta | None,
        pacer: Pacer,
        running: Callable[[], bool] = lambda: True,
        *,
        paid: bool = False,
    ) -> dispatch.RunReport:
        return await dispatch.drain(
            TelegramSender(self.app.bot_data.reminder_bot, paid_broadcast=paid),
            self.sessionmaker,
            self.content,
            config,
            clock=self.time,
            budget=budget,
            pacer=pacer,
            sleep=self.time.sleep,
            running=running,
        )


async def backlog_of(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession], chats: int
) -> AsyncIterator[Backlog]:
    api = FakeBotApi(token=TOKEN, auto_create_chats=True)
    for chat_id in range(1, chats + 1):
        await add_chat(sessionmaker, chat_id)
    time = FakeTime()
    request = TimedRequest(api, time)
    app = build(engine, api)
    app.bot_data.reminder_bot = Bot(TOKEN, request=request, get_updates_request=request)
    await app.initialize()
    await app.bot_data.reminder_bot.initialize()
    content = Content.build(app.bot_data.catalog, app.bot_data.knowledge)
    try:
        yield Backlog(api, request, time, app, sessionmaker, content)
    finally:
        await app.bot_data.reminder_bot.shutdown()
        await app.shutdown()


@pytest.fixture
async def backlog(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> AsyncIterator[Backlog]:
    async for prepared in backlog_of(engine, sessionmaker, 250):
        yield prepared


def most_in_any_second(times: list[float]) -> int:
    ordered = sorted(times)
    start, most = 0, 0
    for end, instant in enumerate(ordered):
        # The window [instant - 1 s, instant], with a hair of slack for float arithmetic.
        while ordered[start] <= instant - 1.0 + 1e-9:
            start += 1
        most = max(most, end - start + 1)
    return most


async def test_a_backlog_larger_than_a_batch_drains_in_one_run_at_the_configured_rate(
    backlog: Backlog,
) -> None:
    config = DispatchConfig(batch_size=40, max_per_second=10, concurrency=4)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    report = await backlog.drain(config, timedelta(seconds=60), pacer)

    assert report.claimed == 250 and report.sent == 250, report
    assert await backlog.pending() == 0
    assert sorted(m.chat_id for m in backlog.api.sent) == list(range(1, 251)), "each chat exactly once"
    assert len(backlog.request.sends) == 250
    assert most_in_any_second(backlog.request.sends) <= 10
    # Evenly paced through the batches, with no gap between them: 250 sends at 10/s take 24.9 s.
    assert backlog.time.monotonic() == pytest.approx(24.9, abs=0.2)


async def test_a_run_stops_at_its_budget_and_the_next_run_carries_on(backlog: Backlog) -> None:
    config = DispatchConfig(batch_size=100, max_per_second=10, concurrency=4)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    first = await backlog.drain(config, timedelta(seconds=5), pacer)
    assert 45 <= first.sent <= 51, first
    assert max(backlog.request.sends) <= 5.0 + 1e-9, "nothing starts after the run's budget"
    # The pacer outlives the run: the next run does not burst at its start.
    second = await backlog.drain(config, timedelta(seconds=60), pacer)
    assert first.sent + second.sent == 250
    assert await backlog.pending() == 0
    assert most_in_any_second(backlog.request.sends) <= 10


async def test_without_a_budget_a_run_goes_on_until_the_backlog_is_gone(backlog: Backlog) -> None:
    config = DispatchConfig(batch_size=40, max_per_second=10, concurrency=4)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    report = await backlog.drain(config, None, pacer)
    assert report.sent == 250 and await backlog.pending() == 0
    assert most_in_any_second(backlog.request.sends) <= 10
    # No pause anywhere: not between batches, not every tick interval.
    gaps = [b - a for a, b in itertools.pairwise(backlog.request.sends)]
    assert max(gaps) == pytest.approx(0.1, abs=1e-6)


async def test_a_run_told_to_stop_hands_its_queued_rows_back_for_the_next(backlog: Backlog) -> None:
    config = DispatchConfig(batch_size=40, max_per_second=10, concurrency=4)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    first = await backlog.drain(config, None, pacer, running=lambda: len(backlog.request.sends) < 30)
    assert first.sent == 30, first
    assert first.deferred > 0, "what was leased and queued went back, unsent"
    assert await backlog.pending() == first.claimed - 30, "claimed and not sent: still pending"
    async with backlog.sessionmaker() as session:
        leased = await session.scalar(select(func.count()).where(Outbox.lease_until.is_not(None)))
    assert leased == 0, "handed back rows are free for the next run at once, not after the lease"
    second = await backlog.drain(config, None, pacer)
    assert first.sent + second.sent == 250
    assert sorted(m.chat_id for m in backlog.api.sent) == list(range(1, 251)), "each chat exactly once"


async def test_a_chat_with_two_ready_rows_gets_them_at_least_a_second_apart(backlog: Backlog) -> None:
    config = DispatchConfig(batch_size=300, max_per_second=0, concurrency=4)
    pacer = Pacer(0)
    await backlog.drain(config, None, pacer)
    async with backlog.sessionmaker.begin() as session:
        await repo.add_outbox(
            session,
            chat_id=7,
            kind=OutboxKind.SNOOZE,
            slot_date=THURSDAY_DUE.date(),
            due_at=backlog.time.now,
            not_before=backlog.time.now,
        )
        await repo.add_outbox(
            session,
            chat_id=7,
            kind=OutboxKind.REST,
            slot_date=THURSDAY_DUE.date() + timedelta(days=1),
            due_at=backlog.time.now,
            not_before=backlog.time.now,
        )
    sent_before = len(backlog.request.sends)
    assert (await backlog.drain(config, None, pacer)).sent == 1
    assert await backlog.pending() == 1, "the second waits: its chat had a message this instant"
    backlog.time.now += timedelta(seconds=1)
    assert (await backlog.drain(config, None, pacer)).sent == 1
    assert len(backlog.request.sends) == sent_before + 2


async def test_nothing_due_ends_the_run_at_once(backlog: Backlog) -> None:
    config = DispatchConfig(batch_size=40, max_per_second=10)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    await backlog.drain(config, timedelta(seconds=60), pacer)
    started = backlog.time.now
    assert await backlog.drain(config, timedelta(seconds=60), pacer) == dispatch.RunReport()
    assert backlog.time.now == started


# ------------------------------------------------------------------- reminders bypass the app's limiter


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_reminder_sends_bypass_the_apps_rate_limiter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bot.db"
    await upgrade(url)
    engine = create_engine(url)
    api = FakeBotApi(token=TOKEN)
    for chat_id in (CHAT, CHAT + 1):
        api.private_chat(chat_id)
    config = Settings(database_url=url, telegram_bot_token=SecretStr(TOKEN), scheduler_tick_seconds=15)
    clock = FakeTime(THURSDAY_DUE - timedelta(hours=1))
    app = build_application(
        config,
        engine,
        token=TOKEN,
        request=FakeRequest(api),
        rate_limit=True,
        clock=clock,
        answerer=shipped_answerer(),
    )
    limiter = app.bot.rate_limiter
    assert isinstance(limiter, AIORateLimiter)
    through_limiter: list[str] = []
    original = AIORateLimiter.process_request

    async def spy(self: AIORateLimiter, *args: Any, **kwargs: Any) -> Any:
        through_limiter.append(kwargs.get("endpoint") or args[3])
        return await original(self, *args, **kwargs)

    # The limiter has __slots__: spy on its class.
    monkeypatch.setattr(AIORateLimiter, "process_request", spy)
    sessionmaker = app.bot_data.sessionmaker
    await add_chat(sessionmaker, CHAT)
    await add_chat(sessionmaker, CHAT + 1)
    # With the limiter in the way this 429 would be slept out inside send_message (and retried there);
    # the dispatcher must see it and reschedule the row instead.
    api.inject("sendMessage", CHAT + 1, status=429, retry_after=1, limit=1)
    await app.initialize()
    await app.post_init(app)  # type: ignore[misc]
    try:
        assert app.bot_data.reminder_bot is not app.bot
        job_queue = app.job_queue
        assert job_queue is not None
        [job] = job_queue.get_jobs_by_name(reminder_job.TICK_JOB_NAME)
        clock.now = THURSDAY_DUE
        through_limiter.clear()
        report = await reminder_job.run_tick(BotContext.from_job(job, app))
        assert (report.sent, report.retried) == (1, 1), report
        assert api.injected == {"429": 1}
        assert [m.chat_id for m in api.sent if m.method == "sendMessage"] == [CHAT]
        assert "sendMessage" not in through_limiter, through_limiter

        # The limiter is really there for everything else the app sends.
        await app.bot.send_text(CHAT, "hello")
        await app.bot.send_message(CHAT, "hello")
        assert through_limiter == ["sendMessage", "sendMessage"]
    finally:
        await app.shutdown()
        await app.post_shutdown(app)  # type: ignore[misc]


async def test_without_a_transport_given_the_reminder_bot_has_its_own(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bot.db"
    config = Settings(database_url=url, telegram_bot_token=SecretStr(TOKEN), telegram_base_url="http://x/bot")
    engine = create_engine(url)
    try:
        app = build_application(config, engine, token=TOKEN)
        reminder_bot = app.bot_data.reminder_bot
        assert reminder_bot.request is not app.bot.request
        assert reminder_bot.base_url == app.bot.base_url
        assert not hasattr(reminder_bot, "rate_limiter")
    finally:
        await engine.dispose()


def test_settings_bound_the_reminder_rate() -> None:
    assert Settings().reminder_max_per_second == 25
    assert Settings().reminder_batch_size == 200
    assert Settings().reminder_concurrency == 8
    with pytest.raises(ValueError, match="REMINDER_PAID_BROADCAST"):
        Settings(reminder_max_per_second=30)
    assert Settings(reminder_max_per_second=980, reminder_paid_broadcast=True).reminder_max_per_second == 980
    with pytest.raises(ValueError):
        Settings(reminder_max_per_second=981, reminder_paid_broadcast=True)


def test_paid_broadcast_rates_get_the_senders_they_need_unless_set() -> None:
    assert Settings(reminder_paid_broadcast=True).reminder_concurrency == 8, "25/s needs no more"
    paid = Settings(reminder_max_per_second=980, reminder_paid_broadcast=True)
    assert paid.reminder_concurrency == PAID_CONCURRENCY
    chosen = Settings(reminder_max_per_second=980, reminder_paid_broadcast=True, reminder_concurrency=16)
    assert chosen.reminder_concurrency == 16


@pytest.mark.parametrize(("rate", "limit", "most"), [(990, 1000, 996), (29.9, 30, 30), (25, None, 26)])
def test_a_pacer_never_plans_more_turns_in_a_second_than_the_limit(
    rate: float, limit: float | None, most: int
) -> None:
    assert Pacer(rate, limit=limit).most == most


async def test_a_pacer_whose_sleep_returns_at_once_still_moves_on() -> None:
    # tick() in tests runs the pacer on the real clock with a sleep that returns at once; a full second
    # must not turn into a loop that never yields (the turns are taken at the instants slept to).
    async def no_sleep(_seconds: float) -> None:
        return None

    pacer = Pacer(10, no_sleep)
    for _ in range(100):
        await asyncio.wait_for(pacer.wait(), timeout=1)
    with pytest.raises(ValueError):
        Settings(reminder_concurrency=0)


async def test_many_senders_at_a_low_rate_do_not_outwait_their_leases(backlog: Backlog) -> None:
    # 64 senders queueing at 1/s would reach their turn up to 64 s after the lease (60 s) was taken.
    config = DispatchConfig(batch_size=100, max_per_second=1, concurrency=64)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    report = await backlog.drain(config, None, pacer)
    assert report.deferred == 0, report
    assert report.sent == 250
    assert most_in_any_second(backlog.request.sends) <= 1


async def test_a_pacer_woken_late_every_time_still_keeps_going() -> None:
    now = 0.0

    async def late_sleep(seconds: float) -> None:
        nonlocal now
        await asyncio.sleep(0)
        now += seconds + 0.08  # a busy loop: every wake-up 80 ms late, more than any catch-up at 25/s

    pacer = Pacer(25, late_sleep, lambda: now)
    grants: list[float] = []

    async def sender() -> None:
        for _ in range(25):
            await pacer.wait()
            grants.append(now)

    await asyncio.gather(*(sender() for _ in range(8)))
    assert len(grants) == 200, "every caller got its turns"
    # Each turn costs at most its interval plus the lateness: the rate degrades, it never stops.
    assert grants[-1] <= 200 * (1 / 25 + 0.08)
    assert most_in_any_second(grants) <= 25


async def test_a_failing_producer_sends_nothing_more_and_hands_the_queue_back(
    backlog: Backlog, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = DispatchConfig(batch_size=100, max_per_second=10, concurrency=4)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    claims = 0
    original = dispatch.claim

    async def failing_claim(*args: Any, **kwargs: Any) -> int:
        nonlocal claims
        claims += 1
        if claims == 2:
            raise ConnectionError("database went away")
        return await original(*args, **kwargs)

    monkeypatch.setattr(dispatch, "claim", failing_claim)
    with pytest.raises(ConnectionError):
        await backlog.drain(config, None, pacer)
    # The first batch was leased and queued; at most the senders' rows in hand went out.
    assert len(backlog.request.sends) <= config.concurrency
    async with backlog.sessionmaker() as session:
        leased = await session.scalar(select(func.count()).where(Outbox.lease_until.is_not(None)))
    assert leased == 0, "queued rows were handed back, not left to wait out their lease"
    monkeypatch.setattr(dispatch, "claim", original)
    await backlog.drain(config, None, pacer)
    assert sorted(m.chat_id for m in backlog.api.sent) == list(range(1, 251)), "each chat exactly once"


@pytest.mark.parametrize(
    ("rate", "limit", "senders"), [(29.7, 30, 4), (25, 30, 8), (990, 1000, 32), (25, None, 8)]
)
async def test_a_stalled_loop_does_not_turn_into_a_burst_of_sends(
    rate: float, limit: int | None, senders: int
) -> None:
    now = 0.0
    stalled = False

    async def sleep(seconds: float) -> None:
        nonlocal now, stalled
        # Wake at the instant the sleeper asked for; sleepers overlapping in time do not add up.
        wake = now + seconds
        await asyncio.sleep(0)
        now = max(now, wake)
        if not stalled and now >= 1.0:
            stalled = True
            now += 0.5  # the loop was busy for half a second (a GC, a batch being rendered)

    pacer = Pacer(rate, sleep, lambda: now, limit=limit)
    grants: list[float] = []

    async def sender() -> None:
        for _ in range(int(3 * rate) // senders):
            await pacer.wait()
            grants.append(now)

    await asyncio.gather(*(sender() for _ in range(senders)))
    assert stalled
    grants.sort()
    # Without a limit, the rate itself is the budget: a quarter of a send of catch-up, no more.
    most = limit if limit is not None else int(rate + 1 + Pacer.MIN_CATCH_UP)
    assert most_in_any_second(grants) <= most, "turns that fell in the stall did not bunch over the limit"
    # Away from the stall the rate is kept: no drift, turns an interval apart once the catch-up is used.
    before = [grant for grant in grants if grant < 1.0]
    assert len(before) >= rate
    assert before[-1] - before[-2] == pytest.approx(1 / rate)
    # After it, the pacer catches up its share of the room the limit leaves, then keeps the rate.
    after = [grant for grant in grants if 1.5 <= grant < 2.5]
    assert len(after) >= rate + Pacer.CATCH_UP_SHARE * ((limit or rate) - rate) - 1


async def test_turns_that_fall_due_together_go_in_one_pass_of_a_busy_loop() -> None:
    # Every pass of the event loop takes 3 ms (it is busy with sends, answers and database work), three
    # intervals at 990/s: a pacer handing turns from one caller to the next, a pass per turn, would reach
    # a third of the rate.
    now = 0.0

    async def busy_loop() -> None:
        nonlocal now
        while True:
            await asyncio.sleep(0)
            now += 0.003

    async def sleep(seconds: float) -> None:
        until = now + seconds
        while now < until:  # noqa: ASYNC110 - the fake clock moves one loop pass at a time
            await asyncio.sleep(0)

    pacer = Pacer(990, sleep, lambda: now, limit=1000)
    grants: list[float] = []

    async def sender() -> None:
        while now < 2.0:
            await pacer.wait()
            grants.append(now)

    loop_work = asyncio.create_task(busy_loop())
    await asyncio.gather(*(sender() for _ in range(32)))
    loop_work.cancel()
    assert len([grant for grant in grants if 1.0 <= grant < 2.0]) >= 0.97 * 1000
    assert most_in_any_second(grants) <= pacer.most < 1000


@pytest.mark.parametrize("paid", [False, True])
async def test_paid_broadcast_reminders_say_so_to_telegram(backlog: Backlog, paid: bool) -> None:
    config = DispatchConfig(batch_size=100, max_per_second=0, concurrency=8)
    report = await backlog.drain(config, None, Pacer(0), paid=paid)
    assert report.sent == 250
    flags = {sent.params.get("allow_paid_broadcast") for sent in backlog.api.sent}
    assert flags == ({True} if paid else {None})


async def test_an_outcome_write_that_fails_is_tried_again_not_left_to_resend(
    backlog: Backlog, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = DispatchConfig(batch_size=100, max_per_second=10, concurrency=4)
    original = delivery.write_outcomes
    failures = 0

    async def flaky_write(*args: Any, **kwargs: Any) -> None:
        nonlocal failures
        if failures < 2:  # two in a row: a lock timeout, then a dropped connection
            failures += 1
            raise ConnectionError("database went away for a moment")
        await original(*args, **kwargs)

    monkeypatch.setattr(delivery, "write_outcomes", flaky_write)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    report = await backlog.drain(config, None, pacer)
    assert failures == 2
    assert report.sent == 250 and report.deferred == 0
    async with backlog.sessionmaker() as session:
        statuses = await session.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
        leased = await session.scalar(select(func.count()).where(Outbox.lease_until.is_not(None)))
    assert dict(statuses.all()) == {OutboxStatus.SENT: 250}
    assert leased == 0
    # Had the write been given up, these rows' leases would have run out and they would go out again.
    backlog.time.now += timedelta(minutes=5)
    await backlog.drain(config, None, pacer)
    assert sorted(m.chat_id for m in backlog.api.sent) == list(range(1, 251)), "each chat exactly once"


async def test_a_cancelled_run_hands_back_the_rows_it_had_leased_but_not_queued(backlog: Backlog) -> None:
    config = DispatchConfig(batch_size=100, max_per_second=10, concurrency=4)
    pacer = Pacer(config.max_per_second, backlog.time.sleep, backlog.time.monotonic)
    run = asyncio.create_task(backlog.drain(config, None, pacer))
    while len(backlog.request.sends) < 30:  # noqa: ASYNC110 - fake time moves as the run sleeps
        await asyncio.sleep(0)
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    async with backlog.sessionmaker() as session:
        leased = await session.scalar(select(func.count()).where(Outbox.lease_until.is_not(None)))
        pending = await session.scalar(select(func.count()).where(Outbox.status == OutboxStatus.PENDING))
    assert leased == 0, "nothing waits out a lease after a cancelled run"
    assert pending and pending > 0
    await backlog.drain(config, None, pacer)
    assert sorted(m.chat_id for m in backlog.api.sent) == list(range(1, 251)), "each chat exactly once"


async def test_a_run_keeps_sqlite_off_the_event_loop_thread(backlog: Backlog, engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("where statements run is a SQLite matter (aiosqlite's worker thread)")
    threads: set[int] = set()
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        # The engine pools one connection; the trace stays on it, and runs where each statement runs.
        await raw.driver_connection.set_trace_callback(
            lambda statement: threads.add(threading.get_ident()) if "outbox" in statement else None
        )
    config = DispatchConfig(batch_size=40, max_per_second=0, concurrency=4)
    report = await backlog.drain(config, None, Pacer(0))
    assert report.sent == 250
    assert threads and threading.get_ident() not in threads


async def test_a_turn_counts_from_when_the_answer_came_back() -> None:
    # A server that stalls answers 30 sends late, all at once: arrivals bunch, whatever the grants
    # were. The next second's turns must count from the answers, or 30 more would land within it.
    now = 0.0

    async def sleep(seconds: float) -> None:
        nonlocal now
        await asyncio.sleep(0)
        now += seconds

    pacer = Pacer(29.4, sleep, lambda: now, limit=30)
    for _ in range(30):
        await pacer.acquire()
    now += 0.5  # the answers take half a second to come back
    for _ in range(30):
        pacer.release()
    released = now
    await pacer.acquire()
    assert now >= released + 1.0, "the 31st waits a second from the answers, not from the grants"
    pacer.release()
