"""Claiming due reminders, sending them, and recording what happened, batch after batch.

A batch has two phases, each safe to run on any number of dispatchers (only the leader runs one, see
``scheduler.leadership``, but a claim or lease never relies on that):

1. **Claim** (one transaction): lock a batch of chats whose ``next_reminder_at`` has passed, queue an
   outbox row for each slot in one INSERT (the unique slot key makes a second claim a no-op), advance
   each chat to its next slot, commit.
2. **Send**: lease a batch of pending outbox rows (one short transaction, one UPDATE for the leases),
   send them without holding a transaction open, and record outcomes as they come in: whatever
   accumulated while the previous write ran goes into the next one (group commit).

A crash after the claim loses nothing (the row stays pending); a crash between a send and the write
of its outcome resends that message once the lease expires (or the next leader frees it) — the only
duplicate this design allows. For that to hold, a sender never starts a send late in its lease (see
``DispatchConfig.lease``).

``drain`` keeps claiming, leasing and sending while anything is due, the next batch's database work
overlapping the current batch's sends; it is what the service runs. What a row says comes from
``scheduler.render``, turns at the rate from ``scheduler.pacing``, the message goes out through a
``scheduler.sending.Send`` (the bot side's), and the outcomes are written by ``scheduler.outcomes``.
No Telegram here, and time only from the clock and sleep passed in.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.outcomes import Clock, Recorder
from scheduler.pacing import Pacer, Sleep
from scheduler.planning import reschedule
from scheduler.render import Content, Delivery, Facts, Skip, prepare
from scheduler.sending import Gone, Moved, Rejected, RetryLater, Send, SendFailed
from storage import cautions, repo
from storage import delivery as store
from storage.models import Chat
from storage.records import OutboxKind, OutboxRow, OutboxStatus, Outcome, Settle

__all__ = ["Content", "DispatchConfig", "RunReport", "claim", "drain"]

log = logging.getLogger(__name__)

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
    # A crashed sender's rows become sendable again after this (or at once, when another replica takes
    # over the lead). A leased row waits its turn to be sent, so a send starts only in the first half of
    # its row's lease (later ones are handed back unsent) and the second half covers the send in flight:
    # keep it over twice the transport's timeouts, or a slow send can outlive the lease and meet the same
    # row sent again.
    lease: timedelta = timedelta(seconds=60)
    max_attempts: int = 6
    backoff_base: timedelta = timedelta(seconds=30)
    backoff_cap: timedelta = timedelta(minutes=15)
    concurrency: int = 8
    # The whole bot's reminder budget: one replica dispatches at a time (scheduler.leadership).
    max_per_second: float = 20.0

    @classmethod
    def from_settings(
        cls,
        grace_minutes: int,
        *,
        max_per_second: float | None = None,
        batch_size: int | None = None,
        concurrency: int | None = None,
    ) -> DispatchConfig:
        config = cls(grace=timedelta(minutes=grace_minutes))
        if max_per_second is not None:
            config = replace(config, max_per_second=max_per_second)
        if batch_size is not None:
            config = replace(config, batch_size=batch_size)
        if concurrency is not None:
            config = replace(config, concurrency=concurrency)
        return config


@dataclass
class RunReport:
    claimed: int = 0
    sent: int = 0
    skipped_late: int = 0
    skipped_logged: int = 0
    # Stopped, paused or nudges switched off between the claim and the send.
    cancelled: int = 0
    blocked: int = 0
    retried: int = 0
    failed: int = 0
    # Leased but handed back unsent: too little of the lease was left (see DispatchConfig.lease), or
    # the run stopped.
    deferred: int = 0

    def add(self, other: RunReport) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))


async def drain(
    send: Send,
    sessionmaker: async_sessionmaker[AsyncSession],
    content: Content,
    config: DispatchConfig,
    *,
    clock: Clock,
    budget: timedelta | None = None,
    pacer: Pacer | None = None,
    sleep: Sleep = asyncio.sleep,
    running: Callable[[], bool] = lambda: True,
) -> RunReport:
    """Claim, lease and send until nothing is due or ready, ``running()`` turns false or ``budget`` is spent.

    One run of the service: a backlog (thousands due at the same minute, or the catch-up after downtime)
    goes out at ``max_per_second`` in one run. The database work overlaps the sends: while ``concurrency``
    senders work through one leased batch, the next is claimed and leased, so paced sends never wait on a
    claim. ``clock`` is the time of every decision (what is due, leases, a 429's wait), read when it is
    made; ``pacer`` should live as long as the service, so the rate also holds from one run to the next,
    and with ``sleep`` it runs on the same clock as everything else in tests. Leased rows not sent when
    the run stops are handed back at once for the next run (or the next leader).
    """
    pacer = pacer or Pacer(config.max_per_second, sleep)
    report = RunReport()

    def current() -> datetime:
        return clock().astimezone(UTC)

    deadline = None if budget is None else current() + budget

    def remaining() -> timedelta:
        return config.lease if deadline is None else deadline - current()

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
            for index, item in enumerate(deliveries):
                queued.add(item.chat_id)
                try:
                    await queue.put(item)
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

    async def sender() -> None:
        while (item := await queue.get()) is not None:
            try:
                sent = await _deliver(send, item, pacer, recorder, config, report, current, usable)
                if sent is not None:
                    sent_at[item.chat_id] = sent
            except Exception:
                log.exception("reminder %s: not sent", item.outbox_id)
            finally:
                queued.discard(item.chat_id)

    tasks = [asyncio.create_task(sender()) for _ in range(senders)]
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
        await recorder.hand_back([(d.outbox_id, d.chat_id, d.lease_until) for d in unqueued])
        await recorder.close()
    return report


async def claim(
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    config: DispatchConfig,
    report: RunReport,
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
                if chat.id not in late and chat.next_reminder_kind == OutboxKind.WORKOUT
            ],
        )
        rows: list[dict[str, Any]] = []
        statuses: dict[int, OutboxStatus] = {}
        for chat in slotted:
            due, kind, day = _due(chat), _kind(chat), _day(chat)
            status, error, finished = OutboxStatus.PENDING, None, None
            if chat.id in late:
                status, error, finished = OutboxStatus.LATE, "past the grace window", now
            elif kind == OutboxKind.WORKOUT and (chat.id, day) in logged:
                status, error, finished = OutboxStatus.SKIPPED, "already logged", now
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
            if status == OutboxStatus.LATE:
                report.skipped_late += 1
            elif status == OutboxStatus.SKIPPED:
                report.skipped_logged += 1
            elif chat.next_reminder_kind == OutboxKind.WORKOUT:
                # Counted at the claim because the chat's next slot (weekly once this reaches SPARSE_AFTER)
                # is computed right here.
                chat.unanswered += 1
        for chat in chats:
            reschedule(chat, now)
    return len(chats)


def _due(chat: Chat) -> datetime:
    assert chat.next_reminder_at is not None
    return chat.next_reminder_at


def _kind(chat: Chat) -> OutboxKind:
    assert chat.next_reminder_kind is not None
    return chat.next_reminder_kind


def _day(chat: Chat) -> date:
    assert chat.next_reminder_day is not None
    return chat.next_reminder_day


async def _deliver(
    send: Send,
    item: Delivery,
    pacer: Pacer,
    recorder: Recorder,
    config: DispatchConfig,
    report: RunReport,
    current: Clock,
    usable: Callable[[], bool],
) -> datetime | None:
    """Take a turn at the pacer, send one leased row and record the outcome; when it was sent, if it was.

    Past the first half of its lease a row goes back unsent (see DispatchConfig.lease), and so does one
    no longer ``usable``; both are checked before taking a turn and again after it.
    """

    def sendable() -> bool:
        until = item.lease_until
        return (until is None or current() < until - config.lease / 2) and usable()

    turn = sendable()
    if turn:
        await pacer.acquire()
    if not (turn and sendable()):
        if turn:
            pacer.release()
        report.deferred += 1
        await recorder.record(Outcome(item.outbox_id, item.chat_id, Settle.RELEASE, item.lease_until))
        return None
    try:
        outcome = await _send_one(send, current, item, config, report)
    finally:
        pacer.release()
    sent = current()
    # The caller's slot is held until the outcome is written: at most ``concurrency`` messages are ever
    # sent and unrecorded, which bounds what a crash can duplicate.
    await recorder.record(outcome)
    return sent


async def _gather_facts(session: AsyncSession, rows: list[OutboxRow]) -> Facts:
    chat_ids = {row.chat_id for row in rows}
    rest_before = [
        (row.chat_id, row.slot_date - timedelta(days=1)) for row in rows if row.kind == OutboxKind.REST
    ]
    on_the_day = [
        (row.chat_id, row.slot_date) for row in rows if row.kind in (OutboxKind.WORKOUT, OutboxKind.SNOOZE)
    ]
    return Facts(
        chats=await store.chat_views(session, chat_ids),
        logged=await repo.logged_pairs(session, on_the_day + rest_before),
        trained=await repo.trained_days_by_chat(session, chat_ids),
        workout_before=await repo.outbox_statuses(session, OutboxKind.WORKOUT, rest_before),
        # A caution cleared on a row's day still leaves its exercise out of that day's preview.
        cautions=await cautions.told_by_chat(
            session, chat_ids, since=min((row.slot_date for row in rows), default=None)
        ),
    )


async def _lease_batch(
    sessionmaker: async_sessionmaker[AsyncSession],
    now: datetime,
    content: Content,
    config: DispatchConfig,
    report: RunReport,
    current: Clock,
    limit: int,
    busy: set[int],
) -> tuple[list[Delivery], int]:
    candidates: list[tuple[OutboxRow, Delivery]] = []
    until: datetime | None = None
    try:
        async with sessionmaker.begin() as session:
            rows = await store.sendable_rows(session, now, limit, exclude=busy)
            facts = await _gather_facts(session, rows)
            taken: set[int] = set()
            finished: list[tuple[int, OutboxStatus, str]] = []
            for row in rows:
                # At most one message per chat per batch (and none for a chat in ``busy``: it just had one).
                if row.chat_id in taken:
                    continue
                prepared = prepare(row, facts.chats.get(row.chat_id), facts, now, content, config.grace)
                if isinstance(prepared, Skip):
                    finished.append((row.id, prepared.status, prepared.reason))
                    _count_skip(report, prepared)
                    continue
                taken.add(row.chat_id)
                candidates.append((row, prepared))
            await store.finish_rows(session, finished, now)
            if not candidates:
                return [], len(rows)
            # A lease counts from when it is taken, not from the start of the run: the claim and preparing
            # the batch may have taken a good part of a short lease. One compare-and-set UPDATE for the batch;
            # a row another sender leased in the meantime is left out.
            leased_at = current()
            until = leased_at + config.lease
            leased = await repo.take_leases(session, [row.id for row, _ in candidates], leased_at, until)
    except BaseException:
        if until is not None:
            # Stopped (cancelled, or the commit failed) once the leases were taken: whether the commit
            # landed is unknown, so hand back whatever still carries this lease (nothing, if it did not).
            await Recorder(sessionmaker, current).hand_back(
                [(item.outbox_id, item.chat_id, until) for _, item in candidates]
            )
        raise
    deliveries: list[Delivery] = []
    for row, item in candidates:
        if row.id not in leased:
            continue
        item.attempts = row.attempts + 1
        item.lease_until = until
        deliveries.append(item)
    return deliveries, len(rows)


def _count_skip(report: RunReport, skip: Skip) -> None:
    if skip.status == OutboxStatus.LATE:
        report.skipped_late += 1
    elif skip.reason == "already logged":
        report.skipped_logged += 1
    else:
        report.cancelled += 1


async def _send_one(
    send: Send, current: Clock, item: Delivery, config: DispatchConfig, report: RunReport
) -> Outcome:
    def outcome(settle: Settle, error: str | None = None, **details: Any) -> Outcome:
        return Outcome(item.outbox_id, item.chat_id, settle, item.lease_until, error, **details)

    try:
        message_id = await send(item.chat_id, item.rendered)
    except RetryLater as error:
        # Flood control is Telegram pacing us, not the message failing: it does not use up an attempt. The
        # wait counts from the answer, not from the start of the run, which may be long before.
        report.retried += 1
        return outcome(Settle.RETRY, error.reason, not_before=current() + error.after, refund=True)
    except Moved as error:
        log.info("chat %s migrated to %s; reminder re-queued", item.chat_id, error.new_chat_id)
        report.retried += 1
        return outcome(
            Settle.RETRY, error.reason, not_before=current(), refund=True, migrated_to=error.new_chat_id
        )
    except Gone as error:
        report.blocked += 1
        return outcome(Settle.BLOCKED, error.reason)
    except Rejected as error:
        log.error("reminder %s rejected: %s", item.outbox_id, error.reason)
        report.failed += 1
        return outcome(Settle.FAILED, error.reason)
    except Exception as error:
        # Timeouts, 5xx and other network trouble are transient; so, for all we know, is anything else.
        if not isinstance(error, SendFailed):
            log.exception("unexpected error sending reminder %s", item.outbox_id)
        reason = error.reason if isinstance(error, SendFailed) else repr(error)
        if item.attempts >= config.max_attempts:
            report.failed += 1
            return outcome(Settle.FAILED, reason)
        backoff = config.backoff_base * 2 ** (item.attempts - 1)
        report.retried += 1
        return outcome(Settle.RETRY, reason, not_before=current() + min(backoff, config.backoff_cap))
    report.sent += 1
    return outcome(Settle.SENT, message_id=message_id, tip_index=item.tip_index)
