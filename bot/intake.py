"""Durable intake: every update is in the inbox before Telegram is told it arrived.

Polling (``bot.polling``) and the webhook (``bot.webhook``) both hand what Telegram sent to
:meth:`Inbox.receive`, which stores the batch in one INSERT and only then queues its updates for the
Application; the next getUpdates, or the webhook's 200, is what confirms them to Telegram. An update's
row is marked handled inside the same transaction as its effects (``bot.handlers.common.turn`` calls
:func:`settle_in`), so after a crash an update either has all of its effects or none and is replayed
at start (:meth:`Inbox.replay`). Updates whose handler touches no table are marked right after it
returns. An update that cannot be read or whose handler fails is kept as ``failed``, logged once with
its id, and skipped: intake never stops or loops on one bad update.

An update whose transaction changed nothing (a question, /streak, /workout) has no effects to be atomic
with: it is marked right after its transaction, before its replies go out, together with every other
update finishing at the same time, in one statement and one commit (:meth:`Inbox.mark`). On SQLite each
statement is a few round trips to aiosqlite's thread, and each update's own write was a third of its time
(BENCHMARKS.md §1).

What can repeat: a reply sent for an update that changes nothing, if the process dies after sending
it and before marking the update. What cannot: an effect (a logged session, a changed schedule).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackContext

from bot.ordering import ChatOrderedProcessor
from storage import inbox as queries
from storage.db import transaction, wrote

if TYPE_CHECKING:
    from bot.polling import RawUpdates

log = logging.getLogger(__name__)

# PTB takes about a quarter of a millisecond to read an update: a getUpdates batch of 100 read in one go
# would hold the event loop for 25 ms. Between groups of this many, every other task gets its step.
READ_PER_PASS: Final = 8
KEEP_DONE: Final = timedelta(days=1)
KEEP_FAILED: Final = timedelta(days=7)
PRUNE_EVERY_SECONDS: Final = 3600.0


class AlreadyHandled(Exception):
    """The update was settled by another handling of it (a replay racing the original): roll back."""


@dataclass
class Receipt:
    """What became of one update from the inbox while its handlers run."""

    update_id: int
    inbox: Inbox
    settled: bool = False
    failed: bool = False
    # Its transaction changed nothing: marked after the commit (settle_after_commit), not in it.
    read_only: bool = False


# Set by the processor for the task that runs one inbox update; turn() and the error handler read it.
_RECEIPT: ContextVar[Receipt | None] = ContextVar("inbox_receipt", default=None)


async def settle_in(session: AsyncSession, update_id: int, now: datetime) -> None:
    """Mark the current inbox update done inside the caller's transaction (the one with its effects).

    If the transaction changed nothing, leave it to :func:`settle_after_commit`.
    """
    receipt = _RECEIPT.get()
    if receipt is None or receipt.update_id != update_id or receipt.settled:
        return
    await session.flush()
    if not wrote(await session.connection()):
        receipt.read_only = True
        return
    # Not new any more: settled by another handling (roll back), or gone because the handler forgot
    # the chat (/forget), its updates included (nothing left to mark).
    settled = await queries.settle(session, update_id, queries.DONE, now)
    if not settled and await queries.exists(session, update_id):
        raise AlreadyHandled(update_id)
    receipt.settled = True


async def settle_after_commit(update_id: int) -> None:
    """Mark the current update done if its committed transaction changed nothing; before any reply.

    Raises AlreadyHandled, as ``settle_in`` would have, when another handling marked it first.
    """
    receipt = _RECEIPT.get()
    if receipt is None or receipt.update_id != update_id or receipt.settled or not receipt.read_only:
        return
    if not await receipt.inbox.mark(update_id, queries.DONE):
        raise AlreadyHandled(update_id)
    receipt.settled = True


async def on_error(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """First error handler: a failed update is kept as failed; a duplicate handling ends quietly."""
    if isinstance(context.error, AlreadyHandled):
        raise ApplicationHandlerStop
    receipt = _RECEIPT.get()
    if receipt is not None:
        receipt.failed = True


def parse(data: Mapping[str, Any], bot: Bot) -> Update | None:
    """The update, or None (logged once, with its id) when this version of the bot cannot read it."""
    update_id = data.get("update_id")
    try:
        update = Update.de_json(dict(data), bot)
        message = update.effective_message
        if message is not None:
            for name in ("text", "caption"):
                value = getattr(message, name)
                if value is not None and not isinstance(value, str):
                    raise TypeError(f"{name} is {type(value).__name__}, not a string")
    except Exception as error:
        log.warning(
            "update %s cannot be read (%s: %s); kept as failed and skipped",
            update_id,
            type(error).__name__,
            error,
        )
        return None
    return update


def chat_of(data: Mapping[str, Any]) -> int | None:
    """The chat an update belongs to, read from its JSON (it may be one PTB cannot parse)."""
    for key, value in data.items():
        if key == "update_id" or not isinstance(value, dict):
            continue
        message = value.get("message")
        chat = value.get("chat") or (message.get("chat") if isinstance(message, dict) else None)
        if isinstance(chat, dict) and type(chat.get("id")) is int:
            return int(chat["id"])
    return None


class Inbox:
    """The inbox of one process: stores, queues, replays and settles updates; prunes old rows."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: Callable[[], datetime],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.clock = clock
        self.monotonic = monotonic
        # Updates queued and not yet settled, with the moment they were queued.
        self._waiting: dict[int, float] = {}
        # Updates to mark in the next statement, and the one statement being written at a time.
        self._batch = _Batch()
        self._writing = asyncio.Lock()
        # The getUpdates transport of the application's bot, set by bot.app (polling reads from it).
        self.raw_updates: RawUpdates | None = None

    async def receive(self, app: Application[Any, Any, Any, Any, Any, Any], raw: Sequence[Any]) -> int:
        """Store a batch (one INSERT, committed), then queue the updates not seen before; how many.

        Raises when the batch could not be stored: nothing may then be confirmed to Telegram.
        """
        rows = [
            (data["update_id"], chat_of(data), json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            for data in raw
            if isinstance(data, dict) and type(data.get("update_id")) is int
        ]
        # Not sessionmaker.begin(): its shielded commit and close cost this batch three more passes of
        # the loop, each behind every other chat's steps. Nothing cancels a receive midway (the polling
        # loop and the webhook handler await it to the end), and a batch whose commit is lost is not
        # confirmed, so Telegram sends it again and the inbox keeps it once.
        async with transaction(self.sessionmaker) as session:
            fresh = await queries.store(session, rows, self.clock())
        ordered = sorted(
            (data for data in raw if isinstance(data, dict) and data.get("update_id") in fresh),
            key=lambda data: int(data["update_id"]),
        )
        await self._queue(app, [(int(data["update_id"]), data) for data in ordered])
        return len(ordered)

    async def replay(self, app: Application[Any, Any, Any, Any, Any, Any]) -> int:
        """Queue every update a previous run stored but did not finish, oldest first; how many."""
        async with self.sessionmaker() as session:
            rows = await queries.unhandled(session)
        loaded: list[tuple[int, Any]] = []
        for update_id, payload in rows:
            try:
                loaded.append((update_id, json.loads(payload)))
            except ValueError:
                log.warning("stored update %d is not JSON; kept as failed and skipped", update_id)
                loaded.append((update_id, None))
        await self._queue(app, loaded)
        if loaded:
            log.info("replaying %d update(s) received before the last stop", len(loaded))
        return len(loaded)

    async def _queue(
        self, app: Application[Any, Any, Any, Any, Any, Any], batch: Sequence[tuple[int, Any]]
    ) -> None:
        unreadable: list[int] = []
        readable: list[tuple[int, Update]] = []
        for index, (update_id, data) in enumerate(batch):
            if index and index % READ_PER_PASS == 0:
                await asyncio.sleep(0)
            update = parse(data, app.bot) if isinstance(data, dict) else None
            if update is None:
                unreadable.append(update_id)
            else:
                readable.append((update_id, update))
        # Queued together once all are read: a chat's updates in one batch then reach the update
        # processor in the same pass, so a chat that sent several is seen to have a backlog (bot.turns).
        for update_id, update in readable:
            self._waiting[update_id] = self.monotonic()
            await app.update_queue.put(update)
        if unreadable:
            now = self.clock()
            async with self.sessionmaker.begin() as session:
                for update_id in unreadable:
                    await queries.settle(session, update_id, queries.FAILED, now)

    def receipt(self, update: object) -> Receipt | None:
        if isinstance(update, Update) and update.update_id in self._waiting:
            return Receipt(update.update_id, self)
        return None

    async def finish(self, receipt: Receipt) -> None:
        """After the handlers: mark what they did not mark themselves (failed, or touched no table).

        A failure was already logged, with the update's id, by the application's error handler.
        """
        self._waiting.pop(receipt.update_id, None)
        if receipt.settled and not receipt.failed:
            return
        status = queries.FAILED if receipt.failed else queries.DONE
        try:
            await self.mark(receipt.update_id, status)
        except Exception as error:
            # Left as new, so the next start replays it; nothing more can be done from here.
            log.warning("could not mark update %d %s (%s)", receipt.update_id, status, type(error).__name__)

    async def mark(self, update_id: int, status: str) -> bool:
        """Mark a ``new`` update ``status``; False if another handling marked it first.

        Group commit: the updates that finish while a batch waits for the database join it, and whichever
        of them gets the turn first writes it for all of them, in one statement and one commit.
        """
        batch = self._batch
        batch.statuses[update_id] = status
        async with self._writing:
            if not batch.written:
                # A writer cancelled midway (the process stopping) leaves the batch unwritten for the
                # next of its updates to write; its own row stays new and is replayed at start.
                try:
                    batch.lost = await self._write(batch)
                except Exception as error:
                    batch.error = error
                batch.written = True
        if batch.error is not None:
            raise batch.error
        return update_id not in batch.lost

    async def _write(self, batch: _Batch) -> set[int]:
        """Write one batch; the updates another handling had marked first."""
        async with self.sessionmaker() as session:
            # In line for the connection behind the transactions already waiting for it, not ahead of
            # them as a task that has just handed it back would be: the updates they finish join this
            # batch until it is this batch's turn.
            await asyncio.sleep(0)
            await session.connection()
            if self._batch is batch:
                self._batch = _Batch()
            statuses, now = dict(batch.statuses), self.clock()
            if await queries.settle_many(session, statuses, now) == len(statuses):
                await session.commit()
                return set()
            # Some were no longer new (rare: a replay racing the original): undone, and marked one at a
            # time to know which. Rows gone with a forgotten chat count as marked, as in settle_in.
            await session.rollback()
            lost = set()
            for update_id, status in statuses.items():
                settled = await queries.settle(session, update_id, status, now)
                if not settled and await queries.exists(session, update_id):
                    lost.add(update_id)
            await session.commit()
            return lost

    def stalled_for(self) -> float:
        """Seconds the oldest queued update has been waiting for its handlers (0 when none waits)."""
        if not self._waiting:
            return 0.0
        return max(0.0, self.monotonic() - min(self._waiting.values()))

    async def prune(self) -> int:
        now = self.clock()
        async with self.sessionmaker.begin() as session:
            return await queries.prune(session, done_before=now - KEEP_DONE, failed_before=now - KEEP_FAILED)


@dataclass
class _Batch:
    statuses: dict[int, str] = field(default_factory=dict)
    written: bool = False
    lost: set[int] = field(default_factory=set)
    error: Exception | None = None


class InboxProcessor(ChatOrderedProcessor):
    """Chat-ordered processing that settles each inbox update once its handlers are through."""

    __slots__ = ("inbox",)

    def __init__(self, max_concurrent_updates: int, inbox: Inbox) -> None:
        super().__init__(max_concurrent_updates)
        self.inbox = inbox

    async def run_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        receipt = self.inbox.receipt(update)
        if receipt is None:
            await coroutine
            return
        # The update's processing runs in this task (PTB awaits the handlers), so turn() and the error
        # handler see the receipt.
        token = _RECEIPT.set(receipt)
        try:
            await coroutine
        finally:
            _RECEIPT.reset(token)
        # Not reached when cancelled (the process is stopping): the row stays new and is replayed.
        await self.inbox.finish(receipt)


async def prune_job(context: CallbackContext[Any, Any, Any, Any]) -> None:
    try:
        pruned = await inbox_of(context.application).prune()
    except Exception as error:
        log.warning("could not prune the inbox (%s)", type(error).__name__)
        return
    if pruned:
        log.info("pruned %d handled update(s) from the inbox", pruned)


def inbox_of(app: Application[Any, Any, Any, Any, Any, Any]) -> Inbox:
    processor = app.update_processor
    if not isinstance(processor, InboxProcessor):
        raise TypeError("the application was not built with an inbox (bot.app.build_application)")
    return processor.inbox
