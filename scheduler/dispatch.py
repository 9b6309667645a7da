"""Claiming due reminders, sending them, and recording what happened, batch after batch.

A batch has two phases, each safe to run on any number of replicas:

1. **Claim** (one transaction): lock a batch of chats whose ``next_reminder_at`` has passed, queue an
   outbox row for each slot in one INSERT (the unique slot key makes a second claim a no-op), advance
   each chat to its next slot, commit.
2. **Send**: lease a batch of pending outbox rows (one short transaction, one UPDATE for the leases),
   send them without holding a transaction open, and record outcomes as they come in: whatever
   accumulated while the previous write ran goes into the next one (group commit).

A crash after the claim loses nothing (the row stays pending); a crash between a send and the write
of its outcome resends that message once the lease expires — the only duplicate this design allows.
Group commit keeps that window to one write transaction, as when each outcome had its own.
For that to hold, a sender never starts a send late in its lease (see ``DispatchConfig.lease``).

``tick`` runs one batch; ``drain`` keeps claiming, leasing and sending while anything is due, the next
batch's database work overlapping the current batch's sends, which is what the service's job does.
What a row says comes from ``scheduler.render``, turns at the rate from ``scheduler.pacing``, and the
outcomes are written by ``scheduler.outcomes``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import warnings
from collections.abc import Callable, Collection
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning, PTBUserWarning

from bot.keyboards import markup
from scheduler import messages
from scheduler.outcomes import (
    BLOCKED,
    FAILED,
    LATE,
    PENDING,
    RELEASE,
    RETRY,
    SENT,
    SKIPPED,
    Clock,
    Outcome,
    Recorder,
)
from scheduler.pacing import Pacer, Sleep
from scheduler.planning import reschedule
from scheduler.render import SNOOZE, Content, Delivery, Facts, Skip, prepare
from scheduler.slots import Kind
from storage import repo
from storage.db import sqlite_on_worker_thread
from storage.models import Chat, Outbox

__all__ = ["Content", "DispatchConfig", "TickReport", "claim", "drain", "send_ready", "tick"]

log = logging.getLogger(__name__)
# do_api_request warns that Bot.send_message exists; _post_message skips it on purpose (see there).
warnings.filterwarnings("ignore", r"Please use 'Bot\.sendMessage'", category=PTBUserWarning)

# Telegram allows a bot about one message a second in any one chat.
PER_CHAT_GAP = timedelta(seconds=1)
# A paced batch covers this much sending, and at least PACED_BATCH_ROWS rows (see drain).
PACED_BATCH_SECONDS = 0.05
PACED_BATCH_ROWS = 20


@dataclass(frozen=True)
class DispatchConfig:
    grace: timedelta = timedelta(minutes=60)
    # The most rows one claim and one lease take; ``drain`` goes round after round while there is a
    # backlog, and a paced run takes smaller rounds (see drain), yielding to update handling between.
    batch_size: int = 100
    # A crashed sender's rows become sendable again after this. A leased row waits its turn to be sent,
    # so a send starts only in the first half of its row's lease (later ones are handed back unsent)
    # and the second half covers the send in flight: keep it over twice PTB's request timeouts, or a
    # slow send can outlive the lease and meet the same row sent again by another replica.
    lease: timedelta = timedelta(seconds=60)
    max_attempts: int = 6
    backoff_base: timedelta = timedelta(seconds=30)
    backoff_cap: timedelta = timedelta(minutes=15)
    concurrency: int = 8
    # Telegram allows about 30 messages/s per bot; stay below it with room for replies to updates.
    # Per process: replicas each pace themselves. Under 30, since a paced second can hold one more.
    max_per_second: float = 20.0
    # Send as paid broadcasts (allow_paid_broadcast): up to 1,000/s, each message charged in Stars.
    paid_broadcast: bool = False

    @classmethod
    def from_settings(
        cls,
        grace_minutes: int,
        *,
        max_per_second: float | None = None,
        batch_size: int | None = None,
        concurrency: int | None = None,
        paid_broadcast: bool = False,
    ) -> DispatchConfig:
        config = cls(grace=timedelta(minutes=grace_minutes), paid_broadcast=paid_broadcast)
        if max_per_second is not None:
            config = replace(config, max_per_second=max_per_second)
        if batch_size is not None:
            config = replace(config, batch_size=batch_size)
        if concurrency is not None:
            config = replace(config, concurrency=concurrency)
        return config


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

    def add(self, other: TickReport) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


async def tick(
    target: Bot | Any,
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    content: Content,
    config: DispatchConfig | None = None,
    *,
    sleep: Sleep = asyncio.sleep,
    clock: Clock | None = None,
    pacer: Pacer | None = None,
) -> TickReport:
    """Claim what is due at ``now`` and send what is ready, one batch; ``target`` is a Bot or an Application.

    ``clock`` tells the time while the tick runs. Sending a batch takes real time, and two decisions must
    use the time they are made at rather than ``now``: a 429's ``retry_after`` counts from when the 429
    arrived, and a send must not start once its lease is running out. Without a clock time stands still
    at ``now`` (tests that move time by hand).
    """
    config = config or DispatchConfig()
    report = TickReport()
    pacer = pacer or Pacer(config.max_per_second, sleep)
    await _batch(
        _bot(target), sessionmaker, now, content, config, report, pacer, clock, config.batch_size, set()
    )
    return report


@sqlite_on_worker_thread
async def drain(
    target: Bot | Any,
    sessionmaker: async_sessionmaker[AsyncSession],
    content: Content,
    config: DispatchConfig,
    *,
    clock: Clock,
    budget: timedelta | None = None,
    pacer: Pacer | None = None,
    sleep: Sleep = asyncio.sleep,
    running: Callable[[], bool] = lambda: True,
) -> TickReport:
    """Claim, lease and send until nothing is due or ready, ``running()`` turns false or ``budget`` is spent.

    One run of the service: a backlog (thousands due at the same minute, or the catch-up after downtime)
    goes out at ``max_per_second`` in one run. The database work overlaps the sends: while ``concurrency``
    senders work through one leased batch, the next is claimed and leased, so paced sends never wait on a
    claim. ``pacer`` should live as long as the service, so the rate also holds from one run to the next.
    Leased rows not sent when the run stops are handed back at once for the next run (or replica).
    """
    pacer = pacer or Pacer(config.max_per_second, sleep)
    bot = _bot(target)
    report = TickReport()
    current = _current(clock, clock())
    loop = asyncio.get_running_loop()
    deadline = real_deadline = None
    if budget is not None:
        deadline = current() + budget
        # A second bound on real (loop) time, for a clock that stands still (tests moving time by hand).
        real_deadline = loop.time() + budget.total_seconds()

    def remaining() -> timedelta:
        if deadline is None or real_deadline is None:
            return config.lease
        return min(deadline - current(), timedelta(seconds=real_deadline - loop.time()))

    batch, senders = config.batch_size, config.concurrency
    if config.max_per_second > 0:
        # A leased row can wait behind a queued batch, the batch being put and every sender's turn; at
        # the rate, all of that must pass within the first half of its lease (see DispatchConfig.lease).
        per_lease = config.max_per_second * config.lease.total_seconds()
        senders = max(1, min(senders, int(per_lease / 4)))
        # With the next batch prepared during the sends a paced batch need not be big, and a big one
        # holds the loop for a long stretch of claiming and rendering: turns the pacer cannot catch up on.
        paced = max(PACED_BATCH_ROWS, math.ceil(config.max_per_second * PACED_BATCH_SECONDS))
        batch = max(1, min(batch, paced, int(per_lease / 8)))
    queue: asyncio.Queue[Delivery | None] = asyncio.Queue(maxsize=batch)
    recorder = Recorder(sessionmaker, current, sleep)
    # Chats with a message queued or sent less than a second ago: Telegram allows one a second per chat.
    queued: set[int] = set()
    sent_at: dict[int, datetime] = {}
    # The producer failed or was cancelled: what is queued goes back unsent rather than out unrecorded.
    halted = False
    # Leased rows the producer had not queued yet when it stopped; they go back too.
    unqueued: list[Delivery] = []

    def going() -> bool:
        # Once an outcome could not be written, sending more would only widen what a restart resends.
        return running() and not halted and not recorder.failed

    def produced() -> tuple[int, ...]:
        return (report.claimed, report.skipped_late, report.skipped_logged, report.cancelled)

    async def produce() -> None:
        while going():
            limit = batch
            if config.max_per_second > 0 and deadline is not None:
                window = remaining().total_seconds()
                limit = min(limit, int(window * config.max_per_second) - queue.qsize())
            if remaining() <= timedelta(0) or limit < 1:
                return
            now = current()
            for chat_id, at in list(sent_at.items()):
                if now - at >= PER_CHAT_GAP:
                    del sent_at[chat_id]
            before = produced()
            claimed = await claim(sessionmaker, now, config, report, limit=limit)
            deliveries, fetched = await _lease_batch(
                sessionmaker, now, content, config, report, current, limit, queued.union(sent_at)
            )
            for index, delivery in enumerate(deliveries):
                queued.add(delivery.chat_id)
                try:
                    await queue.put(delivery)
                except BaseException:
                    unqueued.extend(deliveries[index:])
                    raise
            # Rows all held back (their chat had a message a moment ago) are no reason to go on.
            progressed = bool(deliveries) or produced() != before
            if not (progressed and (claimed >= limit or fetched >= limit)):
                return
            # Claiming and leasing is a run of database work: let updates in between batches.
            await asyncio.sleep(0)

    def usable() -> bool:
        # A row the run has no time or leave left for goes back unsent too.
        return going() and remaining() > timedelta(0)

    async def send() -> None:
        while (delivery := await queue.get()) is not None:
            try:
                sent = await _deliver(bot, delivery, pacer, recorder, config, report, current, usable)
                if sent is not None:
                    sent_at[delivery.chat_id] = sent
            except Exception:
                log.exception("reminder %s: not sent", delivery.outbox_id)
            finally:
                queued.discard(delivery.chat_id)

    tasks = [asyncio.create_task(send()) for _ in range(senders)]
    try:
        await produce()
    except BaseException:
        halted = True
        raise
    finally:
        for _ in tasks:
            await queue.put(None)
        await asyncio.gather(*tasks)
        report.deferred += len(unqueued)
        await recorder.hand_back(unqueued)
        await recorder.close()
    return report


def _bot(target: Bot | Any) -> Bot:
    return target if isinstance(target, Bot) else cast(Bot, target.bot)


async def _batch(
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    content: Content,
    config: DispatchConfig,
    report: TickReport,
    pacer: Pacer,
    clock: Clock | None,
    limit: int,
    busy: set[int],
) -> bool:
    """One claim and one round of sends; whether either came back full (so more may be waiting)."""
    now = now.astimezone(UTC)
    before = TickReport()
    before.add(report)
    claimed = await claim(sessionmaker, now, config, report, limit=limit)
    fetched = await send_ready(
        bot, sessionmaker, now, content, config, report, clock=clock, pacer=pacer, limit=limit, busy=busy
    )
    # Rows all held back (their chat already had a message this run) are no reason to go on.
    progressed = report != before
    return progressed and (claimed >= limit or fetched >= limit)


async def claim(
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    config: DispatchConfig,
    report: TickReport,
    *,
    limit: int | None = None,
) -> int:
    """Phase 1: turn due chat slots into outbox rows and move each chat on to its next slot.

    Returns how many chats the claim locked.
    """
    async with sessionmaker.begin() as session:
        chats = await repo.claim_due_chats(session, now, limit or config.batch_size)
        report.claimed += len(chats)
        slotted = [
            chat
            for chat in chats
            if chat.next_reminder_at is not None
            and chat.next_reminder_kind is not None
            and chat.next_reminder_day is not None
        ]
        late = {chat.id for chat in slotted if now - _due(chat) > config.grace}
        logged = await repo.logged_pairs(
            session,
            [
                (chat.id, _day(chat))
                for chat in slotted
                if chat.id not in late and chat.next_reminder_kind == Kind.WORKOUT
            ],
        )
        rows: list[dict[str, Any]] = []
        statuses: dict[int, str] = {}
        for chat in slotted:
            due, kind, day = _due(chat), _kind(chat), _day(chat)
            status, error, finished = PENDING, None, None
            if chat.id in late:
                status, error, finished = LATE, "past the grace window", now
            elif kind == Kind.WORKOUT and (chat.id, day) in logged:
                status, error, finished = SKIPPED, "already logged", now
            statuses[chat.id] = status
            rows.append(
                {
                    "chat_id": chat.id,
                    "kind": kind,
                    "slot_date": day,
                    "due_at": due,
                    "not_before": due,
                    "status": status,
                    "error": error,
                    "finished_at": finished,
                }
            )
        inserted = await repo.add_outbox_rows(session, rows)
        for chat in slotted:
            if (chat.id, _kind(chat), _day(chat)) not in inserted:
                continue
            status = statuses[chat.id]
            if status == LATE:
                report.skipped_late += 1
            elif status == SKIPPED:
                report.skipped_logged += 1
            elif chat.next_reminder_kind == Kind.WORKOUT:
                # Counted at the claim because the chat's next slot (weekly once this reaches SPARSE_AFTER)
                # is computed right here.
                chat.unanswered += 1
        for chat in chats:
            reschedule(chat, now)
    return len(chats)


def _due(chat: Chat) -> datetime:
    assert chat.next_reminder_at is not None
    return chat.next_reminder_at


def _kind(chat: Chat) -> str:
    assert chat.next_reminder_kind is not None
    return chat.next_reminder_kind


def _day(chat: Chat) -> date:
    assert chat.next_reminder_day is not None
    return chat.next_reminder_day


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
    pacer: Pacer | None = None,
    limit: int | None = None,
    busy: set[int] | None = None,
) -> int:
    """Phase 2: lease ready outbox rows, send them with bounded concurrency, record the outcomes.

    Returns how many rows the lease query found (a full batch means more may be waiting).
    """
    current = _current(clock, now)
    deliveries, fetched = await _lease_batch(
        sessionmaker, now, content, config, report, current, limit or config.batch_size, busy
    )
    if not deliveries:
        return fetched
    limiter = asyncio.Semaphore(config.concurrency)
    pacer = pacer or Pacer(config.max_per_second, sleep)
    recorder = Recorder(sessionmaker, current, sleep)

    async def deliver(delivery: Delivery) -> None:
        async with limiter:
            await _deliver(bot, delivery, pacer, recorder, config, report, current, lambda: True)

    outcomes = await asyncio.gather(*(deliver(delivery) for delivery in deliveries), return_exceptions=True)
    for delivery, outcome in zip(deliveries, outcomes, strict=True):
        if isinstance(outcome, BaseException):
            log.error("reminder %s: not sent", delivery.outbox_id, exc_info=outcome)
    await recorder.close()
    return fetched


async def _deliver(
    bot: Bot,
    delivery: Delivery,
    pacer: Pacer,
    recorder: Recorder,
    config: DispatchConfig,
    report: TickReport,
    current: Clock,
    usable: Callable[[], bool],
) -> datetime | None:
    """Take a turn at the pacer, send one leased row and record the outcome; when it was sent, if it was.

    Past the first half of its lease a row goes back unsent (see DispatchConfig.lease), and so does one
    no longer ``usable``; both are checked before taking a turn and again after it.
    """

    def sendable() -> bool:
        until = delivery.lease_until
        return (until is None or current() < until - config.lease / 2) and usable()

    if sendable():
        await pacer.wait()
    if not sendable():
        report.deferred += 1
        await recorder.record(Outcome(delivery, RELEASE))
        return None
    outcome = await _send_one(bot, current(), current, delivery, config, report)
    sent = current()
    # The caller's slot is held until the outcome is written: at most ``concurrency`` messages are ever
    # sent and unrecorded, which bounds what a crash can duplicate.
    await recorder.record(outcome)
    return sent


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
) -> list[Delivery]:
    deliveries, _fetched = await _lease_batch(
        sessionmaker, now, content, config, report, _current(clock, now), config.batch_size, None
    )
    return deliveries


async def _gather_facts(session: AsyncSession, rows: Collection[Outbox]) -> Facts:
    chat_ids = {row.chat_id for row in rows}
    rest_before = [(row.chat_id, row.slot_date - timedelta(days=1)) for row in rows if row.kind == Kind.REST]
    on_the_day = [(row.chat_id, row.slot_date) for row in rows if row.kind in (Kind.WORKOUT, SNOOZE)]
    return Facts(
        chats=await repo.chats_by_id(session, chat_ids),
        logged=await repo.logged_pairs(session, on_the_day + rest_before),
        done=await repo.sessions_done_by_chat(session, chat_ids),
        workout_before=await repo.outbox_statuses(session, Kind.WORKOUT, rest_before),
    )


async def _lease_batch(
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    content: Content,
    config: DispatchConfig,
    report: TickReport,
    current: Clock,
    limit: int,
    busy: set[int] | None,
) -> tuple[list[Delivery], int]:
    busy = set() if busy is None else busy
    candidates: list[tuple[Outbox, Delivery]] = []
    until: datetime | None = None
    try:
        async with sessionmaker.begin() as session:
            rows = await repo.sendable_outbox(session, now, limit, exclude=busy)
            facts = await _gather_facts(session, rows)
            taken: set[int] = set()
            for row in rows:
                # At most one message per chat per batch (and none for a chat in ``busy``: it just had one).
                if row.chat_id in taken:
                    continue
                prepared = prepare(row, facts.chats.get(row.chat_id), facts, now, content, config.grace)
                if isinstance(prepared, Skip):
                    _finish(row, prepared.status, now, prepared.reason)
                    _count_skip(report, prepared)
                    continue
                taken.add(row.chat_id)
                candidates.append((row, prepared))
            if not candidates:
                return [], len(rows)
            # A lease counts from when it is taken, not from the start of the tick: the claim and preparing
            # the batch may have taken a good part of a short lease. One compare-and-set UPDATE for the batch;
            # a row another sender leased in the meantime is left out.
            leased_at = current()
            until = leased_at + config.lease
            leased = await repo.take_leases(session, [row.id for row, _ in candidates], leased_at, until)
    except BaseException:
        if until is not None:
            # Stopped (cancelled, or the commit failed) once the leases were taken: whether the commit
            # landed is unknown, so hand back whatever still carries this lease (nothing, if it did not).
            for _, delivery in candidates:
                delivery.lease_until = until
            await Recorder(sessionmaker, current).hand_back([delivery for _, delivery in candidates])
        raise
    deliveries: list[Delivery] = []
    for row, delivery in candidates:
        if row.id not in leased:
            continue
        busy.add(row.chat_id)
        delivery.attempts = row.attempts + 1
        delivery.lease_until = until
        deliveries.append(delivery)
    return deliveries, len(rows)


def _count_skip(report: TickReport, skip: Skip) -> None:
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


async def _post_message(
    bot: Bot, chat_id: int, text: str, buttons: messages.Buttons, *, paid: bool = False
) -> int | None:
    """sendMessage through the bot's transport; the new message's id.

    ``Bot.send_message`` would build a keyboard object and parse the answer into a ``Message`` for every
    reminder, a third of what a send costs, to read one id. ``Bot.do_api_request`` is the same call with
    the same error mapping (RetryAfter, Forbidden, BadRequest, ChatMigrated, TimedOut…) minus both.
    """
    values: dict[str, object] = {"chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML.value}
    if (keyboard := markup(buttons)) is not None:
        values["reply_markup"] = keyboard
    if paid:
        values["allow_paid_broadcast"] = True
    result = await bot.do_api_request("sendMessage", values)
    message_id = result.get("message_id") if isinstance(result, dict) else None
    if not isinstance(message_id, int):
        # Telegram said ok: the message is out, and sending it again would duplicate it.
        log.warning("sendMessage to %s answered without a message id: %r", chat_id, result)
        return None
    return message_id


async def _send_one(
    bot: Bot,
    now: datetime,
    current: Clock,
    delivery: Delivery,
    config: DispatchConfig,
    report: TickReport,
) -> Outcome:
    try:
        message_id = await _post_message(
            bot,
            delivery.chat_id,
            delivery.rendered.text,
            delivery.rendered.buttons,
            paid=config.paid_broadcast,
        )
    except RetryAfter as error:
        # Flood control is Telegram pacing us, not the message failing: it does not use up an attempt. The
        # wait counts from the answer, not from the start of the tick, which may be seconds earlier.
        report.retried += 1
        return Outcome(delivery, RETRY, str(error), not_before=current() + _retry_after(error), refund=True)
    except ChatMigrated as error:
        log.info("chat %s migrated to %s; reminder re-queued", delivery.chat_id, error.new_chat_id)
        report.retried += 1
        return Outcome(
            delivery, RETRY, str(error), not_before=now, refund=True, migrated_to=error.new_chat_id
        )
    except Forbidden as error:
        report.blocked += 1
        return Outcome(delivery, BLOCKED, str(error))
    except BadRequest as error:
        if "chat not found" in error.message.lower():
            report.blocked += 1
            return Outcome(delivery, BLOCKED, str(error))
        # The request itself is wrong (markup, length…); sending it again cannot help.
        log.error("reminder %s rejected: %s", delivery.outbox_id, error.message)
        report.failed += 1
        return Outcome(delivery, FAILED, str(error))
    except Exception as error:
        # Timeouts, 5xx and other network trouble are transient; so, for all we know, is anything else.
        if not isinstance(error, TelegramError):
            log.exception("unexpected error sending reminder %s", delivery.outbox_id)
        if delivery.attempts >= config.max_attempts:
            report.failed += 1
            return Outcome(delivery, FAILED, repr(error))
        backoff = config.backoff_base * 2 ** (delivery.attempts - 1)
        report.retried += 1
        return Outcome(delivery, RETRY, repr(error), not_before=current() + min(backoff, config.backoff_cap))
    report.sent += 1
    return Outcome(delivery, SENT, message_id=message_id)


def _retry_after(error: RetryAfter) -> timedelta:
    # PTB 22 warns that the attribute will become a timedelta; accept both without the noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = error.retry_after
    return wait if isinstance(wait, timedelta) else timedelta(seconds=wait)
