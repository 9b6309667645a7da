"""Claiming due reminders, sending them, and recording what happened — one tick at a time.

A tick has two phases, each safe to run on any number of replicas:

1. **Claim** (one transaction): lock a batch of chats whose ``next_reminder_at`` has passed, queue an
   outbox row for each slot (the unique slot key makes a second claim a no-op), advance each chat
   to its next slot, commit.
2. **Send**: lease a batch of pending outbox rows (short transaction), send them without holding a
   transaction open, and record each outcome in its own short transaction.

A crash after the claim loses nothing (the row stays pending); a crash between a send and its
outcome resends that one message once the lease expires — the only duplicate this design allows.
For that to hold, a sender never starts a send late in its lease (see ``DispatchConfig.lease``).
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from bot.coach.knowledge import TIP_TOPICS, KnowledgeBase
from bot.coach.model import Equipment, Level
from bot.coach.workouts import Catalog, plan_session, render_preview
from scheduler import messages
from scheduler.planning import SPARSE_AFTER, reschedule
from scheduler.slots import Kind, next_tip
from storage import repo
from storage.models import Chat, Outbox

__all__ = ["Content", "DispatchConfig", "TickReport", "claim", "send_ready", "tick"]

log = logging.getLogger(__name__)

SNOOZE = "snooze"
SKIP = "skip"
# tips_used is a signed 64-bit bitmask.
MAX_TIPS = 63

PENDING, SENT, SKIPPED, LATE, BLOCKED, FAILED = "pending", "sent", "skipped", "late", "blocked", "failed"


@dataclass(frozen=True)
class DispatchConfig:
    grace: timedelta = timedelta(minutes=60)
    # Bounds the work of one tick so a backlog after downtime is drained over several ticks
    # instead of one long burst that would starve update handling.
    batch_size: int = 100
    # A crashed sender's rows become sendable again after this. The rows of one batch are sent one after
    # another, so a send starts only in the first half of its row's lease (later ones are handed back
    # unsent) and the second half covers the send in flight: keep it over twice PTB's request timeouts,
    # or a slow send can outlive the lease and meet the same row sent again by another replica.
    lease: timedelta = timedelta(seconds=60)
    max_attempts: int = 6
    backoff_base: timedelta = timedelta(seconds=30)
    backoff_cap: timedelta = timedelta(minutes=15)
    concurrency: int = 8
    # Telegram allows about 30 messages/s per bot; stay below it with room for replies to updates.
    max_per_second: float = 20.0

    @classmethod
    def from_settings(cls, grace_minutes: int) -> DispatchConfig:
        return cls(grace=timedelta(minutes=grace_minutes))


@dataclass(frozen=True)
class Content:
    catalog: Catalog
    tips: tuple[str, ...]
    texts: messages.ReminderTexts

    @classmethod
    def build(
        cls, catalog: Catalog, knowledge: KnowledgeBase, texts: messages.ReminderTexts | None = None
    ) -> Content:
        tips = tuple(tip.text for tip in knowledge.tips if tip.topic in TIP_TOPICS)[:MAX_TIPS]
        return cls(catalog=catalog, tips=tips, texts=texts or messages.default_texts())


@dataclass
class TickReport:
    claimed: int = 0
    sent: int = 0
    skipped_late: int = 0
    skipped_logged: int = 0
    # Stopped, paused or nudges switched off between the claim and the send.
    cancelled: int = 0
    blocked: int = 0
    retried: int = 0
    failed: int = 0
    # Leased but handed back unsent because too little of the lease was left (see DispatchConfig.lease).
    deferred: int = 0


Sleep = Callable[[float], Awaitable[Any]]
Clock = Callable[[], datetime]


def _aware(instant: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; everything stored is UTC.
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)


async def tick(
    target: Bot | Any,
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    content: Content,
    config: DispatchConfig | None = None,
    *,
    sleep: Sleep = asyncio.sleep,
    clock: Clock | None = None,
) -> TickReport:
    """Claim what is due at ``now`` and send whatever is ready; ``target`` is a Bot or an Application.

    ``clock`` tells the time while the tick runs. Sending a batch takes real time, and two decisions must
    use the time they are made at rather than ``now``: a 429's ``retry_after`` counts from when the 429
    arrived, and a send must not start once its lease is running out. Without a clock time stands still
    at ``now`` (tests that move time by hand).
    """
    config = config or DispatchConfig()
    bot: Bot = target if isinstance(target, Bot) else target.bot
    now = now.astimezone(UTC)
    report = TickReport()
    await claim(sessionmaker, now, config, report)
    await send_ready(bot, sessionmaker, now, content, config, report, sleep=sleep, clock=clock)
    return report


async def claim(
    sessionmaker: async_sessionmaker[AsyncSession], now: datetime, config: DispatchConfig, report: TickReport
) -> None:
    """Phase 1: turn due chat slots into outbox rows and move each chat on to its next slot."""
    async with sessionmaker.begin() as session:
        for chat in await repo.claim_due_chats(session, now, config.batch_size):
            report.claimed += 1
            await _claim_one(session, chat, now, config, report)
            reschedule(chat, now)


async def _claim_one(
    session: AsyncSession, chat: Chat, now: datetime, config: DispatchConfig, report: TickReport
) -> None:
    if chat.next_reminder_at is None or chat.next_reminder_kind is None or chat.next_reminder_day is None:
        return
    due = _aware(chat.next_reminder_at)
    kind, day = chat.next_reminder_kind, chat.next_reminder_day
    status, error, finished = PENDING, None, None
    if now - due > config.grace:
        status, error, finished = LATE, "past the grace window", now
    elif kind == Kind.WORKOUT and await repo.is_logged(session, chat.id, day):
        status, error, finished = SKIPPED, "already logged", now
    inserted = await repo.add_outbox(
        session,
        chat_id=chat.id,
        kind=kind,
        slot_date=day,
        due_at=due,
        not_before=due,
        status=status,
        error=error,
        finished_at=finished,
    )
    if not inserted:
        return
    if status == LATE:
        report.skipped_late += 1
    elif status == SKIPPED:
        report.skipped_logged += 1
    elif kind == Kind.WORKOUT:
        # Counted at the claim because the chat's next slot (weekly once this reaches SPARSE_AFTER)
        # is computed right here.
        chat.unanswered += 1


@dataclass
class _Delivery:
    outbox_id: int
    chat_id: int
    attempts: int
    rendered: messages.Rendered
    tip_index: int | None = None
    tip_count: int = 0
    lease_until: datetime | None = None


@dataclass
class _Skip:
    status: str
    reason: str


async def send_ready(
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    content: Content,
    config: DispatchConfig,
    report: TickReport,
    *,
    sleep: Sleep = asyncio.sleep,
    clock: Clock | None = None,
) -> None:
    """Phase 2: lease ready outbox rows, send them with bounded concurrency, record each outcome."""
    current = _current(clock, now)
    deliveries = await _lease(sessionmaker, now, content, config, report, clock=current)
    if not deliveries:
        return
    limit = asyncio.Semaphore(config.concurrency)
    pacer = _Pacer(config.max_per_second, sleep)

    async def deliver(delivery: _Delivery) -> None:
        async with limit:
            await pacer.wait()
            # Past the first half of its lease a row goes back unsent (see DispatchConfig.lease).
            if delivery.lease_until is not None and current() >= delivery.lease_until - config.lease / 2:
                await _release(sessionmaker, delivery, delivery.lease_until)
                report.deferred += 1
                return
            await _send_one(bot, sessionmaker, now, current, delivery, config, report)

    outcomes = await asyncio.gather(*(deliver(delivery) for delivery in deliveries), return_exceptions=True)
    for delivery, outcome in zip(deliveries, outcomes, strict=True):
        if isinstance(outcome, BaseException):
            # Typically the outcome could not be written; the lease runs out and the row is tried again.
            log.error("reminder %s: outcome not recorded", delivery.outbox_id, exc_info=outcome)


def _current(clock: Clock | None, now: datetime) -> Clock:
    if clock is None:
        return lambda: now
    return lambda: clock().astimezone(UTC)


async def _lease(
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    content: Content,
    config: DispatchConfig,
    report: TickReport,
    *,
    clock: Clock | None = None,
) -> list[_Delivery]:
    current = _current(clock, now)
    deliveries: list[_Delivery] = []
    async with sessionmaker.begin() as session:
        chats_this_tick: set[int] = set()
        for row in await repo.sendable_outbox(session, now, config.batch_size):
            # At most one message per chat per tick: with ticks seconds apart that keeps every chat
            # under Telegram's one-message-a-second limit without a per-chat limiter.
            if row.chat_id in chats_this_tick:
                continue
            chat = await repo.get_chat(session, row.chat_id)
            prepared = await _prepare(session, row, chat, now, content, config)
            if isinstance(prepared, _Skip):
                _finish(row, prepared.status, now, prepared.reason)
                _count_skip(report, prepared)
                continue
            # A lease counts from when it is taken, not from the start of the tick: the claim and the
            # rows prepared before this one may have taken a good part of a short lease.
            leased_at = current()
            until = leased_at + config.lease
            if not await repo.take_lease(session, row.id, leased_at, until):
                continue
            chats_this_tick.add(row.chat_id)
            prepared.attempts = row.attempts + 1
            prepared.lease_until = until
            deliveries.append(prepared)
    return deliveries


def _count_skip(report: TickReport, skip: _Skip) -> None:
    if skip.status == LATE:
        report.skipped_late += 1
    elif skip.reason == "already logged":
        report.skipped_logged += 1
    else:
        report.cancelled += 1


def _finish(row: Outbox, status: str, now: datetime, error: str | None = None) -> None:
    row.status = status
    row.error = error[:255] if error else None
    row.finished_at = now
    row.lease_until = None


async def _prepare(
    session: AsyncSession,
    row: Outbox,
    chat: Chat | None,
    now: datetime,
    content: Content,
    config: DispatchConfig,
) -> _Delivery | _Skip:
    """What to send for this row, or why it should not be sent any more."""
    if chat is None or not chat.active:
        return _Skip(SKIPPED, "chat inactive")
    if not chat.reminders_enabled:
        return _Skip(SKIPPED, "reminders stopped")
    if chat.paused_until is not None and row.slot_date <= chat.paused_until:
        return _Skip(SKIPPED, "paused")
    if row.kind == Kind.REST and not chat.nudges_enabled:
        return _Skip(SKIPPED, "nudges off")
    if now - _aware(row.due_at) > config.grace:
        return _Skip(LATE, "past the grace window")
    texts = content.texts
    if row.kind in (Kind.WORKOUT, SNOOZE):
        if await repo.is_logged(session, chat.id, row.slot_date):
            return _Skip(SKIPPED, "already logged")
        rendered = messages.workout_reminder(
            texts,
            chat_id=chat.id,
            slot=row.slot_date,
            preview=await _preview(session, chat, content),
            fatigue=row.kind == Kind.WORKOUT and chat.unanswered == SPARSE_AFTER,
            snoozed=row.kind == SNOOZE,
        )
        return _Delivery(row.id, chat.id, row.attempts, rendered)
    if row.kind == Kind.REST:
        if await _missed_before(session, chat, row.slot_date):
            rendered = messages.missed_nudge(texts, await _preview(session, chat, content))
            return _Delivery(row.id, chat.id, row.attempts, rendered)
        if not content.tips:
            return _Skip(SKIPPED, "no tips")
        count = len(content.tips)
        index = next_tip(_used_tips(chat.tips_used, count), count, seed=chat.id)
        rendered = messages.rest_nudge(texts, content.tips[index])
        return _Delivery(row.id, chat.id, row.attempts, rendered, tip_index=index, tip_count=count)
    return _Skip(FAILED, f"unknown kind {row.kind!r}")


async def _preview(session: AsyncSession, chat: Chat, content: Content) -> str | None:
    if chat.level not in set(Level) or chat.equipment not in set(Equipment):
        return None
    done = await repo.sessions_done(session, chat.id)
    planned = plan_session(content.catalog, Level(chat.level), Equipment(chat.equipment), done + 1, chat.id)
    return render_preview(planned)


async def _missed_before(session: AsyncSession, chat: Chat, rest_day: date) -> bool:
    """Whether we reminded the chat of the workout right before this rest day and it went unlogged."""
    previous = rest_day - timedelta(days=1)
    # Only a reminder that actually went out (or that the chat skipped) makes the day "missed": a chat
    # that joined, paused or was offline that day was never asked.
    status = await repo.outbox_status(session, chat.id, Kind.WORKOUT, previous)
    if status not in (SENT, SKIPPED):
        return False
    return not await repo.is_logged(session, chat.id, previous)


def _used_tips(mask: int, count: int) -> frozenset[int]:
    return frozenset(i for i in range(count) if mask >> i & 1)


def _after_tip(mask: int, index: int, count: int) -> int:
    used = _used_tips(mask, count)
    # next_tip hands back an already-used index only once the rotation is exhausted: start over.
    return 1 << index if index in used else mask | 1 << index


def _markup(buttons: messages.Buttons) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in buttons]
    )


async def _send_one(
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    current: Clock,
    delivery: _Delivery,
    config: DispatchConfig,
    report: TickReport,
) -> None:
    try:
        message = await bot.send_message(
            delivery.chat_id,
            delivery.rendered.text,
            parse_mode=ParseMode.HTML,
            reply_markup=_markup(delivery.rendered.buttons),
        )
    except RetryAfter as error:
        # Flood control is Telegram pacing us, not the message failing: it does not use up an attempt. The
        # wait counts from the answer, not from the start of the tick, which may be seconds earlier.
        await _retry(sessionmaker, delivery, current() + _retry_after(error), str(error), refund=True)
        report.retried += 1
    except ChatMigrated as error:
        async with sessionmaker.begin() as session:
            await repo.migrate_chat(session, delivery.chat_id, error.new_chat_id)
        log.info("chat %s migrated to %s; reminder re-queued", delivery.chat_id, error.new_chat_id)
        await _retry(sessionmaker, delivery, now, str(error), refund=True)
        report.retried += 1
    except Forbidden as error:
        await _gone(sessionmaker, delivery, now, str(error))
        report.blocked += 1
    except BadRequest as error:
        if "chat not found" in error.message.lower():
            await _gone(sessionmaker, delivery, now, str(error))
            report.blocked += 1
        else:
            # The request itself is wrong (markup, length…); sending it again cannot help.
            log.error("reminder %s rejected: %s", delivery.outbox_id, error.message)
            await _record_failure(sessionmaker, delivery, now, str(error))
            report.failed += 1
    except Exception as error:
        # Timeouts, 5xx and other network trouble are transient; so, for all we know, is anything else.
        if not isinstance(error, TelegramError):
            log.exception("unexpected error sending reminder %s", delivery.outbox_id)
        if delivery.attempts >= config.max_attempts:
            await _record_failure(sessionmaker, delivery, now, repr(error))
            report.failed += 1
        else:
            backoff = config.backoff_base * 2 ** (delivery.attempts - 1)
            await _retry(sessionmaker, delivery, current() + min(backoff, config.backoff_cap), repr(error))
            report.retried += 1
    else:
        await _record_sent(sessionmaker, delivery, now, message.message_id)
        report.sent += 1


def _retry_after(error: RetryAfter) -> timedelta:
    # PTB 22 warns that the attribute will become a timedelta; accept both without the noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = error.retry_after
    return wait if isinstance(wait, timedelta) else timedelta(seconds=wait)


async def _record_sent(
    sessionmaker: async_sessionmaker[AsyncSession], delivery: _Delivery, now: datetime, message_id: int
) -> None:
    async with sessionmaker.begin() as session:
        row = await session.get(Outbox, delivery.outbox_id)
        if row is not None:
            _finish(row, SENT, now)
            row.message_id = message_id
        if delivery.tip_index is not None:
            chat = await repo.get_chat(session, delivery.chat_id)
            if chat is not None:
                chat.tips_used = _after_tip(chat.tips_used, delivery.tip_index, delivery.tip_count)


async def _retry(
    sessionmaker: async_sessionmaker[AsyncSession],
    delivery: _Delivery,
    when: datetime,
    error: str,
    *,
    refund: bool = False,
) -> None:
    async with sessionmaker.begin() as session:
        row = await session.get(Outbox, delivery.outbox_id)
        if row is None:
            return
        row.not_before = when
        row.lease_until = None
        row.error = error[:255]
        if refund:
            row.attempts = max(0, row.attempts - 1)


async def _release(
    sessionmaker: async_sessionmaker[AsyncSession], delivery: _Delivery, leased_until: datetime
) -> None:
    """Give a leased row back unsent, for the next tick of any replica; the lease's attempt is refunded."""
    async with sessionmaker.begin() as session:
        # Only while the lease is still ours: if it ran out and another sender took the row, clearing
        # that sender's lease would let a third one send the row alongside it.
        await session.execute(
            update(Outbox)
            .where(
                Outbox.id == delivery.outbox_id,
                Outbox.status == PENDING,
                Outbox.lease_until == leased_until,
            )
            .values(lease_until=None, attempts=Outbox.attempts - 1)
            .execution_options(synchronize_session=False)
        )


async def _gone(
    sessionmaker: async_sessionmaker[AsyncSession], delivery: _Delivery, now: datetime, error: str
) -> None:
    async with sessionmaker.begin() as session:
        await repo.deactivate_chat(session, delivery.chat_id)
        row = await session.get(Outbox, delivery.outbox_id)
        if row is not None:
            _finish(row, BLOCKED, now, error)


async def _record_failure(
    sessionmaker: async_sessionmaker[AsyncSession], delivery: _Delivery, now: datetime, error: str
) -> None:
    async with sessionmaker.begin() as session:
        row = await session.get(Outbox, delivery.outbox_id)
        if row is not None:
            _finish(row, FAILED, now, error)


class _Pacer:
    """Spaces sends evenly to stay under a global rate; real (loop) time, since it paces real I/O."""

    def __init__(self, per_second: float, sleep: Sleep) -> None:
        self._interval = 1.0 / per_second if per_second > 0 else 0.0
        self._sleep = sleep
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        if not self._interval:
            return
        async with self._lock:
            current = asyncio.get_running_loop().time()
            delay = self._next - current
            self._next = max(current, self._next) + self._interval
        if delay > 0:
            await self._sleep(delay)
