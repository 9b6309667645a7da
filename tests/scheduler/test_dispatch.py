"""The reminder tick against the real PTB Application and the Bot API double, on SQLite and PostgreSQL.

Time is whatever instant each test passes to ``tick``; nothing here sleeps.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot import callbacks
from bot.app import build_application
from bot.context import CoachApplication
from bot.settings import Settings
from fakeapi import FakeBotApi, FakeRequest, SentMessage
from scheduler import dispatch
from scheduler.dispatch import Content, DispatchConfig, TickReport
from scheduler.messages import ReminderTexts
from scheduler.planning import reschedule
from storage import repo
from storage.db import create_engine, make_sessionmaker
from storage.models import Base, Chat, Outbox

TOKEN = "123:ABC"
# Tuesday evening, after that day's rest-day slot: with the default Mon+Thu 18:00 schedule
# the first reminder is Thursday 26 Nov at 18:00 UTC.
START = datetime(2026, 11, 24, 19, 0, tzinfo=UTC)
THURSDAY_DUE = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
CHAT = 4242
FATIGUE = "only remind you weekly"

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


async def no_sleep(_seconds: float) -> None:
    return None


@dataclass
class Env:
    api: FakeBotApi
    app: CoachApplication
    sessionmaker: async_sessionmaker[AsyncSession]
    content: Content
    sleeps: list[float] = field(default_factory=list)

    async def tick(self, now: datetime, config: DispatchConfig | None = None) -> TickReport:
        async def record(seconds: float) -> None:
            self.sleeps.append(seconds)

        return await dispatch.tick(self.app, self.sessionmaker, now, self.content, config, sleep=record)

    async def chat(self, chat_id: int = CHAT) -> Chat:
        async with self.sessionmaker() as session:
            chat = await session.get(Chat, chat_id)
            assert chat is not None
            return chat

    async def silence(self, chat_id: int = CHAT) -> None:
        async with self.sessionmaker.begin() as session:
            chat = await session.get(Chat, chat_id)
            assert chat is not None
            chat.reminders_enabled = False
            reschedule(chat, START)

    async def outbox(self, chat_id: int = CHAT) -> list[Outbox]:
        async with self.sessionmaker() as session:
            return list(await repo.outbox_rows(session, chat_id))

    async def log(self, day: date, chat_id: int = CHAT) -> None:
        async with self.sessionmaker.begin() as session:
            await repo.log_workout(session, chat_id, day, user_id=chat_id, user_name="Ann", now=NOW)


async def add_chat(
    sessionmaker: async_sessionmaker[AsyncSession],
    chat_id: int = CHAT,
    *,
    now: datetime = START,
    timezone: str = "UTC",
    days: int = 0b0001001,
    minute: int = 18 * 60,
    kind: str = "private",
) -> Chat:
    async with sessionmaker.begin() as session:
        chat = Chat(
            id=chat_id,
            kind=kind,
            level="beginner",
            equipment="gym",
            timezone=timezone,
            workout_days=days,
            reminder_minute=minute,
            onboarding_step=None,
            active=True,
            reminders_enabled=True,
            nudges_enabled=True,
            unanswered=0,
            tips_used=0,
            created_at=now - timedelta(days=30),
        )
        reschedule(chat, now)
        session.add(chat)
    return chat


def build(engine: AsyncEngine, api: FakeBotApi) -> CoachApplication:
    config = Settings(database_url="sqlite+aiosqlite:///unused.db", telegram_bot_token=SecretStr(TOKEN))
    return build_application(config, engine, token=TOKEN, request=FakeRequest(api), rate_limit=False)


@pytest.fixture
async def env(engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[Env]:
    api = FakeBotApi(token=TOKEN)
    api.private_chat(CHAT)
    await add_chat(sessionmaker)
    app = build(engine, api)
    await app.initialize()
    content = Content.build(app.bot_data.catalog, app.bot_data.knowledge)
    try:
        yield Env(api, app, sessionmaker, content)
    finally:
        await app.shutdown()


def reminders(api: FakeBotApi, chat_id: int = CHAT) -> list[SentMessage]:
    return [m for m in api.messages_for(chat_id) if m.method == "sendMessage"]


async def test_reminder_arrives_at_its_instant_with_three_buttons_exactly_once(env: Env) -> None:
    assert (await env.chat()).next_reminder_at is not None

    report = await env.tick(THURSDAY_DUE - timedelta(seconds=1))
    assert report == TickReport()
    assert env.api.sent == []

    report = await env.tick(THURSDAY_DUE)
    assert (report.claimed, report.sent) == (1, 1)
    [message] = reminders(env.api)
    assert "Today:" in (message.text or "")
    labels = [cell for row in env.api.buttons(message) for cell in row]
    assert labels == [
        ("✅ Done", callbacks.pack("done", "20261126")),
        ("⏰ Snooze 1h", callbacks.pack("rem", "snooze", "20261126")),
        ("⏭ Skip today", callbacks.pack("rem", "skip", "20261126")),
    ]

    for later in (timedelta(0), timedelta(seconds=15), timedelta(minutes=30)):
        assert await env.tick(THURSDAY_DUE + later) == TickReport()
    assert len(reminders(env.api)) == 1

    [row] = await env.outbox()
    assert (row.kind, row.slot_date, row.status, row.message_id) == ("workout", date(2026, 11, 26), "sent", 1)
    chat = await env.chat()
    assert chat.next_reminder_kind == "rest" and chat.next_reminder_day == date(2026, 11, 27)
    assert chat.unanswered == 1


async def test_dst_gap_berlin_reminder_goes_out_at_0130_utc(env: Env) -> None:
    # 29 March 2026: Berlin jumps from 02:00 to 03:00, so 02:30 local does not exist and moves to 03:30 CEST.
    chat_id = 77
    env.api.private_chat(chat_id)
    await add_chat(
        env.sessionmaker,
        chat_id,
        now=datetime(2026, 3, 28, 12, tzinfo=UTC),
        timezone="Europe/Berlin",
        days=1 << 6,
        minute=2 * 60 + 30,
    )
    due = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert await env.tick(due - timedelta(seconds=1)) == TickReport()
    report = await env.tick(due)
    assert report.sent == 1
    assert len(reminders(env.api, chat_id)) == 1


async def test_no_reminder_when_todays_session_is_already_logged(env: Env) -> None:
    await env.log(date(2026, 11, 26))
    report = await env.tick(THURSDAY_DUE + timedelta(seconds=5))
    assert (report.claimed, report.sent, report.skipped_logged) == (1, 0, 1)
    assert env.api.sent == []
    [row] = await env.outbox()
    assert (row.status, row.error) == ("skipped", "already logged")
    assert (await env.chat()).unanswered == 0


async def test_rest_day_tips_rotate_without_repeats_until_all_are_used(env: Env) -> None:
    # Mon, Wed, Fri workouts (all logged) give three rest-day nudges a week.
    await env.silence()
    chat_id = 91
    env.api.private_chat(chat_id)
    await add_chat(env.sessionmaker, chat_id, days=0b0010101)
    count = len(env.content.tips)
    tips: list[str] = []
    for _ in range(200):
        chat = await env.chat(chat_id)
        assert chat.next_reminder_at is not None and chat.next_reminder_day is not None
        due = chat.next_reminder_at.replace(tzinfo=UTC)
        if chat.next_reminder_kind == "workout":
            await env.log(chat.next_reminder_day, chat_id)
            assert (await env.tick(due)).skipped_logged == 1
            continue
        report = await env.tick(due)
        assert report.sent == 1
        text = reminders(env.api, chat_id)[-1].text or ""
        assert "Rest day" in text
        tips.append(text.split("💡 ", 1)[1])
        if len(tips) == count + 3:
            break
    assert len(set(tips[:count])) == count, "every tip once before any repeats"
    assert set(tips[count:]) <= set(tips[:count])
    assert (await env.chat(chat_id)).tips_used.bit_count() == 3, "the rotation started over"


async def test_missed_workout_gets_a_gentle_nudge_instead_of_a_tip(env: Env) -> None:
    await env.tick(THURSDAY_DUE)
    friday = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    report = await env.tick(friday)
    assert report.sent == 1
    message = reminders(env.api)[-1]
    assert "No worries about yesterday" in (message.text or "")
    assert "💡" not in (message.text or "")
    assert env.api.buttons(message) == [[("✅ Done", callbacks.pack("done", "20261127"))]]
    assert (await env.chat()).tips_used == 0


async def test_logged_workout_then_rest_day_gets_a_tip(env: Env) -> None:
    await env.tick(THURSDAY_DUE)
    await env.log(date(2026, 11, 26))
    await env.tick(datetime(2026, 11, 27, 18, 0, tzinfo=UTC))
    text = reminders(env.api)[-1].text or ""
    assert "Rest day" in text and "💡" in text
    assert (await env.chat()).tips_used.bit_count() == 1


def is_workout_reminder(api: FakeBotApi, message: SentMessage) -> bool:
    return any(label == "⏰ Snooze 1h" for row in api.buttons(message) for label, _ in row)


async def test_three_ignored_reminders_switch_to_weekly_and_say_so_once(env: Env) -> None:
    workouts: list[tuple[date, str]] = []
    nudges: list[SentMessage] = []
    for _ in range(20):
        if len(workouts) == 5:
            break
        chat = await env.chat()
        assert chat.next_reminder_at is not None
        before = len(reminders(env.api))
        await env.tick(chat.next_reminder_at.replace(tzinfo=UTC))
        [message] = reminders(env.api)[before:]
        if is_workout_reminder(env.api, message):
            workouts.append((chat.next_reminder_at.date(), message.text or ""))
        else:
            nudges.append(message)
    # Thu 26, Mon 30 Nov, Thu 3 Dec; then Mondays only, with no rest-day nudges in between.
    assert [day for day, _ in workouts] == [
        date(2026, 11, 26),
        date(2026, 11, 30),
        date(2026, 12, 3),
        date(2026, 12, 7),
        date(2026, 12, 14),
    ]
    assert [FATIGUE in text for _, text in workouts] == [False, False, True, False, False]
    assert len(nudges) == 2, "Fri 27 and Tue 1 Dec only: none once reminders are weekly"
    assert all("No worries" in (m.text or "") for m in nudges)
    assert (await env.chat()).unanswered == 5


async def test_reminder_later_than_the_grace_window_is_recorded_not_sent(env: Env) -> None:
    report = await env.tick(THURSDAY_DUE + timedelta(minutes=61))
    assert (report.claimed, report.sent, report.skipped_late) == (1, 0, 1)
    assert env.api.sent == []
    [row] = await env.outbox()
    assert row.status == "late" and row.finished_at is not None
    chat = await env.chat()
    assert chat.next_reminder_day == date(2026, 11, 27), "moved on to the next slot"
    assert chat.unanswered == 0


async def test_reminder_within_the_grace_window_is_still_sent(env: Env) -> None:
    report = await env.tick(THURSDAY_DUE + timedelta(minutes=59))
    assert report.sent == 1


async def test_blocked_chat_is_deactivated_and_never_retried(env: Env) -> None:
    env.api.block(CHAT)
    report = await env.tick(THURSDAY_DUE)
    assert (report.blocked, report.retried, report.sent) == (1, 0, 0)
    chat = await env.chat()
    assert not chat.active and chat.next_reminder_at is None
    [row] = await env.outbox()
    assert row.status == "blocked" and "blocked" in (row.error or "")
    for hours in (1, 24, 24 * 8):
        assert await env.tick(THURSDAY_DUE + timedelta(hours=hours)) == TickReport()
    assert env.api.calls["sendMessage"] == 1


# PTB itself warns about the future type of retry_after while building the RetryAfter error.
@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_retry_after_is_honoured_and_nothing_is_lost(env: Env) -> None:
    env.api.fail(
        "sendMessage", CHAT, status=429, description="Too Many Requests: retry after 30", retry_after=30
    )
    report = await env.tick(THURSDAY_DUE)
    assert (report.retried, report.sent) == (1, 0)
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=29)) == TickReport()
    report = await env.tick(THURSDAY_DUE + timedelta(seconds=30))
    assert report.sent == 1
    assert len(reminders(env.api)) == 1
    [row] = await env.outbox()
    assert row.status == "sent" and row.attempts == 1, "flood control does not use up an attempt"


async def test_chat_not_found_deactivates(env: Env) -> None:
    stranger = 5150  # never registered with the double: Telegram answers "chat not found"
    await add_chat(env.sessionmaker, stranger)
    report = await env.tick(THURSDAY_DUE)
    assert report.blocked == 1 and report.sent == 1
    assert not (await env.chat(stranger)).active
    [row] = await env.outbox(stranger)
    assert row.status == "blocked" and "chat not found" in (row.error or "").lower()


async def test_server_errors_and_timeouts_are_retried_with_backoff_then_sent(env: Env) -> None:
    env.api.fail("sendMessage", CHAT, status=500, description="Internal Server Error")
    env.api.stall("sendMessage", CHAT)
    assert (await env.tick(THURSDAY_DUE)).retried == 1
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=29)) == TickReport()
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=30))).retried == 1  # the timeout
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=89)) == TickReport(), "second backoff is 60 s"
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=90))).sent == 1
    assert len(reminders(env.api)) == 1
    [row] = await env.outbox()
    assert (row.status, row.attempts) == ("sent", 3)


async def test_persistent_failure_gives_up_after_max_attempts(env: Env) -> None:
    env.api.fail("sendMessage", CHAT, status=502, description="Bad Gateway", times=100)
    config = DispatchConfig(max_attempts=3, backoff_base=timedelta(seconds=10))
    now = THURSDAY_DUE
    reports = []
    for _ in range(3):
        reports.append(await env.tick(now, config))
        now += timedelta(minutes=5)
    assert [(r.retried, r.failed) for r in reports] == [(1, 0), (1, 0), (0, 1)]
    [row] = await env.outbox()
    assert row.status == "failed" and row.attempts == 3
    assert (await env.chat()).active, "a flaky server is not the chat's fault"


async def test_migrated_group_gets_the_reminder_at_its_new_id(env: Env) -> None:
    old, new = -100, -1001234567
    env.api.group_chat(old, "Buddies")
    env.api.group_chat(new, "Buddies", kind="supergroup")
    await add_chat(env.sessionmaker, old, kind="group")
    env.api.fail(
        "sendMessage",
        old,
        status=400,
        description="Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=new,
    )
    assert (await env.tick(THURSDAY_DUE)).retried == 1
    async with env.sessionmaker() as session:
        assert await session.get(Chat, old) is None
        moved = await session.get(Chat, new)
        assert moved is not None and moved.kind == "supergroup"
    assert (await env.tick(THURSDAY_DUE)).sent == 1
    assert len(reminders(env.api, new)) == 1 and reminders(env.api, old) == []
    [row] = await env.outbox(new)
    assert row.status == "sent"


async def test_lease_of_a_crashed_sender_expires_and_the_row_is_sent_once(env: Env) -> None:
    report = TickReport()
    await dispatch.claim(env.sessionmaker, THURSDAY_DUE, DispatchConfig(), report)
    # A sender takes the lease and dies before sending or recording anything.
    leased = await dispatch._lease(env.sessionmaker, THURSDAY_DUE, env.content, DispatchConfig(), report)
    assert len(leased) == 1
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=59)) == TickReport()
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=60))).sent == 1
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=200)) == TickReport()
    assert len(reminders(env.api)) == 1


async def test_batches_are_bounded_and_sends_paced(env: Env) -> None:
    for chat_id in range(1, 6):
        env.api.private_chat(chat_id)
        await add_chat(env.sessionmaker, chat_id)
    config = DispatchConfig(batch_size=2, max_per_second=10)
    counts = [(await env.tick(THURSDAY_DUE, config)).sent for _ in range(4)]
    # The default chat is due too: six reminders, two per tick.
    assert counts == [2, 2, 2, 0]
    assert env.sleeps and all(0 < s <= 0.1 + 1e-6 for s in env.sleeps), env.sleeps


async def test_one_message_per_chat_per_tick(env: Env) -> None:
    async with env.sessionmaker.begin() as session:
        await repo.add_outbox(
            session,
            chat_id=CHAT,
            kind="snooze",
            slot_date=date(2026, 11, 26),
            due_at=THURSDAY_DUE,
            not_before=THURSDAY_DUE,
        )
    assert (await env.tick(THURSDAY_DUE)).sent == 1
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=15))).sent == 1
    assert len(reminders(env.api)) == 2


async def test_stopped_after_claim_is_not_sent(env: Env) -> None:
    report = TickReport()
    await dispatch.claim(env.sessionmaker, THURSDAY_DUE, DispatchConfig(), report)
    async with env.sessionmaker.begin() as session:
        chat = await session.get(Chat, CHAT)
        assert chat is not None
        chat.reminders_enabled = False
    report = await env.tick(THURSDAY_DUE)
    assert (report.sent, report.cancelled) == (0, 1)
    assert env.api.sent == []


async def test_concurrent_ticks_send_each_reminder_once(
    env: Env, engine: AsyncEngine, request: pytest.FixtureRequest
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("replicas share work only on PostgreSQL (SKIP LOCKED); SQLite runs one process")
    for chat_id in range(1, 21):
        env.api.private_chat(chat_id)
        await add_chat(env.sessionmaker, chat_id)
    other = make_sessionmaker(engine)

    async def replica(maker: async_sessionmaker[AsyncSession]) -> TickReport:
        return await dispatch.tick(env.app, maker, THURSDAY_DUE, env.content, sleep=no_sleep)

    reports = await asyncio.gather(*(replica(m) for m in (env.sessionmaker, other, env.sessionmaker)))
    assert sum(r.claimed for r in reports) == 21
    assert sum(r.sent for r in reports) == 21
    assert sorted(m.chat_id for m in env.api.sent) == sorted([CHAT, *range(1, 21)])


async def test_crash_between_claim_and_send_delivers_everything_once_after_restart(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/crash.db"
    api = FakeBotApi(token=TOKEN)
    first_engine = create_engine(url)
    async with first_engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    first = make_sessionmaker(first_engine)
    for chat_id in (1, 2, 3):
        api.private_chat(chat_id)
        await add_chat(first, chat_id)
    first_app = build(first_engine, api)
    await first_app.initialize()
    report = TickReport()
    await dispatch.claim(first, THURSDAY_DUE, DispatchConfig(), report)
    assert report.claimed == 3
    # The process dies here: the claim is committed, nothing was sent.
    await first_app.shutdown()
    await first_engine.dispose()

    second_engine = create_engine(url)
    second_app = build(second_engine, api)
    await second_app.initialize()
    try:
        second = make_sessionmaker(second_engine)
        content = Content.build(second_app.bot_data.catalog, second_app.bot_data.knowledge)
        restart = THURSDAY_DUE + timedelta(seconds=40)
        for offset in (0, 15, 30, 3600):
            await dispatch.tick(
                second_app, second, restart + timedelta(seconds=offset), content, sleep=no_sleep
            )
        assert sorted(m.chat_id for m in api.sent) == [1, 2, 3]
        async with second() as session:
            statuses = (await session.scalars(select(Outbox.status))).all()
        assert statuses == ["sent", "sent", "sent"]
    finally:
        await second_app.shutdown()
        await second_engine.dispose()


def test_texts_load_with_several_openers() -> None:
    texts = ReminderTexts.load()
    assert len(texts.openers) >= 4
    assert "{tip}" in texts["nudge.tip"]
