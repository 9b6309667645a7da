"""The dispatcher's run against the real PTB Application and the Bot API double, on SQLite and PostgreSQL.

Time is a fake clock: each test sets the instant a run starts at, and the run's own waits (pacing,
retries) move it; nothing here sleeps for real.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot import callbacks
from bot.app import build_application
from bot.context import CoachApplication
from bot.reminder_sender import TelegramSender
from bot.settings import Settings
from fakeapi import FakeBotApi, FakeRequest, SentMessage
from scheduler import dispatch
from scheduler.dispatch import Content, DispatchConfig, RunReport
from scheduler.messages import ReminderTexts
from scheduler.pacing import Pacer
from scheduler.planning import reschedule
from scheduler.render import Facts, next_session
from storage import cautions, repo
from storage.db import create_engine, make_sessionmaker
from storage.models import Base, Chat, Outbox
from storage.records import OutboxKind, OutboxStatus, Told
from tests.bot.harness import shipped_answerer

TOKEN = "123:ABC"
# Tuesday evening, after that day's rest-day slot: with the default Mon+Thu 18:00 schedule
# the first reminder is Thursday 26 Nov at 18:00 UTC.
START = datetime(2026, 11, 24, 19, 0, tzinfo=UTC)
THURSDAY_DUE = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
THURSDAY = THURSDAY_DUE.date()
CHAT = 4242
FATIGUE = "only remind you weekly"

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
# The fake clock's monotonic zero: before any instant a test uses.
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass
class FakeTime:
    """A wall clock that moves only when set or slept on."""

    now: datetime = THURSDAY_DUE
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return (self.now - EPOCH).total_seconds()

    async def sleep(self, seconds: float) -> None:
        # Wake at the instant the sleeper asked for; sleepers overlapping in time do not add up.
        self.sleeps.append(seconds)
        wake = self.now + timedelta(seconds=seconds)
        await asyncio.sleep(0)
        self.now = max(self.now, wake)


async def run(
    send: TelegramSender,
    sessionmaker: async_sessionmaker[AsyncSession],
    content: Content,
    time: FakeTime,
    config: DispatchConfig | None = None,
) -> RunReport:
    """One run of the service's dispatcher on the fake clock, from the clock's current instant."""
    config = config or DispatchConfig()
    pacer = Pacer(config.max_per_second, time.sleep, time.monotonic)
    return await dispatch.drain(
        send, sessionmaker, content, config, clock=time, pacer=pacer, sleep=time.sleep
    )


@dataclass
class Env:
    api: FakeBotApi
    app: CoachApplication
    sessionmaker: async_sessionmaker[AsyncSession]
    content: Content
    time: FakeTime = field(default_factory=FakeTime)

    @property
    def sleeps(self) -> list[float]:
        return self.time.sleeps

    async def tick(self, now: datetime, config: DispatchConfig | None = None) -> RunReport:
        """A run of the dispatcher starting at ``now``."""
        self.time.now = now
        return await run(TelegramSender(self.app.bot), self.sessionmaker, self.content, self.time, config)

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
    return build_application(
        config, engine, token=TOKEN, request=FakeRequest(api), rate_limit=False, answerer=shipped_answerer()
    )


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


def reminders_all(api: FakeBotApi) -> list[SentMessage]:
    return [m for m in api.sent if m.method == "sendMessage"]


async def test_reminder_arrives_at_its_instant_with_three_buttons_exactly_once(env: Env) -> None:
    assert (await env.chat()).next_reminder_at is not None

    report = await env.tick(THURSDAY_DUE - timedelta(seconds=1))
    assert report == RunReport()
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
        assert await env.tick(THURSDAY_DUE + later) == RunReport()
    assert len(reminders(env.api)) == 1

    [row] = await env.outbox()
    assert (row.kind, row.slot_date, row.status, row.message_id) == (
        OutboxKind.WORKOUT,
        date(2026, 11, 26),
        OutboxStatus.SENT,
        1,
    )
    chat = await env.chat()
    assert chat.next_reminder_kind is OutboxKind.REST and chat.next_reminder_day == date(2026, 11, 27)
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
    assert await env.tick(due - timedelta(seconds=1)) == RunReport()
    report = await env.tick(due)
    assert report.sent == 1
    assert len(reminders(env.api, chat_id)) == 1


async def test_no_reminder_when_todays_session_is_already_logged(env: Env) -> None:
    await env.log(date(2026, 11, 26))
    report = await env.tick(THURSDAY_DUE + timedelta(seconds=5))
    assert (report.claimed, report.sent, report.skipped_logged) == (1, 0, 1)
    assert env.api.sent == []
    [row] = await env.outbox()
    assert (row.status, row.error) == (OutboxStatus.SKIPPED, "already logged")
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
        if chat.next_reminder_kind is OutboxKind.WORKOUT:
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
    # It quotes how long the chat's next planned session takes, not a fixed figure.
    planned = next_session((await env.chat()).view(), Facts({}, set(), {}, {}), env.content)
    assert planned is not None
    assert f"If you have {planned.minutes} minutes today" in (message.text or "")
    assert env.api.buttons(message) == [[("✅ Done", callbacks.pack("done", "20261127"))]]
    assert (await env.chat()).tips_used == 0


async def test_the_preview_leaves_out_what_the_chat_said_hurts_from_the_day_it_said_so(env: Env) -> None:
    planned = next_session(
        (await env.chat()).view(), Facts({}, set(), {}, {}), env.content, date(2026, 11, 26)
    )
    assert planned is not None
    first = planned.exercises[0].exercise
    async with env.sessionmaker.begin() as session:
        await cautions.tell(session, CHAT, first.id, date(2026, 11, 25))
    await env.tick(THURSDAY_DUE)
    [message] = reminders(env.api)
    preview = (message.text or "").split("Today: ", 1)[1].split(" (~", 1)[0]
    # The plan's hinge, and the moves done bent over with it (they load the lower back the same way).
    assert first.pattern == "hinge" and any(item.exercise.bent_over for item in planned.exercises)
    kept = [item.exercise.short for item in planned.exercises[1:] if not item.exercise.bent_over]
    assert preview.split(", ") == kept
    # A caution told after the reminder's day leaves that day's session as it was.
    told_later = Facts({}, set(), {}, {}, cautions={CHAT: {first.id: Told(date(2026, 11, 27))}})
    later = next_session((await env.chat()).view(), told_later, env.content, date(2026, 11, 26))
    assert later is not None and later.exercises == planned.exercises
    # Cleared on the reminder's day, it is still out of that day's session, as /workout leaves it; back after.
    cleared = Facts(
        {}, set(), {}, {}, cautions={CHAT: {first.id: Told(date(2026, 11, 25), cleared_on=THURSDAY)}}
    )
    that_day = next_session((await env.chat()).view(), cleared, env.content, THURSDAY)
    assert that_day is not None and [item.exercise.short for item in that_day.exercises] == kept
    day_after = next_session((await env.chat()).view(), cleared, env.content, THURSDAY + timedelta(days=1))
    assert day_after is not None and first in [item.exercise for item in day_after.exercises]


async def test_a_caution_cleared_on_the_reminders_day_still_leaves_its_exercise_out_of_the_preview(
    env: Env,
) -> None:
    # That day's /workout leaves it out (As written logs what it showed), so the reminder's preview does too.
    planned = next_session(
        (await env.chat()).view(), Facts({}, set(), {}, {}), env.content, date(2026, 11, 26)
    )
    assert planned is not None
    first = planned.exercises[0].exercise
    async with env.sessionmaker.begin() as session:
        await cautions.tell(session, CHAT, first.id, date(2026, 11, 25))
        assert await cautions.clear(session, CHAT, first.id, THURSDAY)
    await env.tick(THURSDAY_DUE)
    [message] = reminders(env.api)
    preview = (message.text or "").split("Today: ", 1)[1].split(" (~", 1)[0]
    assert preview.split(", ") == [
        item.exercise.short for item in planned.exercises[1:] if not item.exercise.bent_over
    ]


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
    assert row.status is OutboxStatus.LATE and row.finished_at is not None
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
    assert row.status is OutboxStatus.BLOCKED and "blocked" in (row.error or "")
    for hours in (1, 24, 24 * 8):
        assert await env.tick(THURSDAY_DUE + timedelta(hours=hours)) == RunReport()
    assert env.api.calls["sendMessage"] == 1


# PTB itself warns about the future type of retry_after while building the RetryAfter error.
@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_retry_after_is_honoured_and_nothing_is_lost(env: Env) -> None:
    env.api.fail(
        "sendMessage", CHAT, status=429, description="Too Many Requests: retry after 30", retry_after=30
    )
    report = await env.tick(THURSDAY_DUE)
    assert (report.retried, report.sent) == (1, 0)
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=29)) == RunReport()
    report = await env.tick(THURSDAY_DUE + timedelta(seconds=30))
    assert report.sent == 1
    assert len(reminders(env.api)) == 1
    [row] = await env.outbox()
    assert row.status is OutboxStatus.SENT and row.attempts == 1, "flood control does not use up an attempt"


async def test_chat_not_found_deactivates(env: Env) -> None:
    stranger = 5150  # never registered with the double: Telegram answers "chat not found"
    await add_chat(env.sessionmaker, stranger)
    report = await env.tick(THURSDAY_DUE)
    assert report.blocked == 1 and report.sent == 1
    assert not (await env.chat(stranger)).active
    [row] = await env.outbox(stranger)
    assert row.status is OutboxStatus.BLOCKED and "chat not found" in (row.error or "").lower()


async def test_server_errors_and_timeouts_are_retried_with_backoff_then_sent(env: Env) -> None:
    env.api.fail("sendMessage", CHAT, status=500, description="Internal Server Error")
    env.api.stall("sendMessage", CHAT)
    assert (await env.tick(THURSDAY_DUE)).retried == 1
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=29)) == RunReport()
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=30))).retried == 1  # the timeout
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=89)) == RunReport(), "second backoff is 60 s"
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=90))).sent == 1
    assert len(reminders(env.api)) == 1
    [row] = await env.outbox()
    assert (row.status, row.attempts) == (OutboxStatus.SENT, 3)


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
    assert row.status is OutboxStatus.FAILED and row.attempts == 3
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
    assert row.status is OutboxStatus.SENT


async def test_lease_of_a_crashed_sender_expires_and_the_row_is_sent_once(env: Env) -> None:
    report = RunReport()
    await dispatch.claim(env.sessionmaker, THURSDAY_DUE, DispatchConfig(), report)
    # A sender takes the lease and dies before sending or recording anything.
    async with env.sessionmaker.begin() as session:
        [row] = await repo.sendable_outbox(session, THURSDAY_DUE, 10)
        until = THURSDAY_DUE + DispatchConfig().lease
        assert await repo.take_leases(session, [row.id], THURSDAY_DUE, until) == {row.id}
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=59)) == RunReport()
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=60))).sent == 1
    assert await env.tick(THURSDAY_DUE + timedelta(seconds=200)) == RunReport()
    assert len(reminders(env.api)) == 1


async def test_a_run_goes_batch_after_batch_and_paces_its_sends(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    for chat_id in range(1, 6):
        env.api.private_chat(chat_id)
        await add_chat(env.sessionmaker, chat_id)
    claims: list[int] = []
    original = dispatch.claim

    async def counted(*args: object, **kwargs: object) -> int:
        claimed = await original(*args, **kwargs)  # type: ignore[arg-type]
        claims.append(claimed)
        return claimed

    monkeypatch.setattr(dispatch, "claim", counted)
    instants: list[datetime] = []
    env.api.subscribe(lambda _message: instants.append(env.time.now))
    config = DispatchConfig(batch_size=2, max_per_second=10)
    report = await env.tick(THURSDAY_DUE, config)
    # The default chat is due too: six reminders in one run, claimed two at a time.
    assert (report.claimed, report.sent) == (6, 6)
    assert claims[:3] == [2, 2, 2]
    assert sorted(m.chat_id for m in reminders_all(env.api)) == [1, 2, 3, 4, 5, CHAT]
    # Six sends at 10/s on the fake clock, a tenth of a second apart with no pause between batches.
    # (The first turn may come a quarter interval early: the pacer's catch-up for late wake-ups.)
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(instants)]
    assert gaps[0] == pytest.approx(0.075, abs=1e-3)
    assert gaps[1:] == pytest.approx([0.1] * 4, abs=1e-3)
    assert await env.tick(env.time.now, config) == RunReport()


async def test_one_message_per_chat_per_tick(env: Env) -> None:
    async with env.sessionmaker.begin() as session:
        await repo.add_outbox(
            session,
            chat_id=CHAT,
            kind=OutboxKind.SNOOZE,
            slot_date=date(2026, 11, 26),
            due_at=THURSDAY_DUE,
            not_before=THURSDAY_DUE,
        )
    assert (await env.tick(THURSDAY_DUE)).sent == 1
    assert (await env.tick(THURSDAY_DUE + timedelta(seconds=15))).sent == 1
    assert len(reminders(env.api)) == 2


async def test_stopped_after_claim_is_not_sent(env: Env) -> None:
    report = RunReport()
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
    send = TelegramSender(env.app.bot)

    async def replica(maker: async_sessionmaker[AsyncSession]) -> RunReport:
        return await run(send, maker, env.content, FakeTime(THURSDAY_DUE))

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
    report = RunReport()
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
            time = FakeTime(restart + timedelta(seconds=offset))
            await run(TelegramSender(second_app.bot), second, content, time)
        assert sorted(m.chat_id for m in api.sent) == [1, 2, 3]
        async with second() as session:
            statuses = (await session.scalars(select(Outbox.status))).all()
        assert statuses == [OutboxStatus.SENT] * 3
    finally:
        await second_app.shutdown()
        await second_engine.dispose()


def test_texts_load_with_several_openers() -> None:
    texts = ReminderTexts.load()
    assert len(texts.openers) >= 4
    assert "{tip}" in texts["nudge.tip"]


async def test_the_preview_gives_the_moves_the_chat_swapped_in(env: Env) -> None:
    view = (await env.chat()).view()
    planned = next_session(view, Facts({}, set(), {}, {}), env.content)
    assert planned is not None
    assert "lat-pulldown" in [item.exercise.id for item in planned.exercises]
    chosen = replace(view, swaps="lat-pulldown>assisted-pull-up-machine,no-such>move")
    swapped = next_session(chosen, Facts({}, set(), {}, {}), env.content)
    assert swapped is not None
    ids = [item.exercise.id for item in swapped.exercises]
    assert "lat-pulldown" not in ids and "assisted-pull-up-machine" in ids
