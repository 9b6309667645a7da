"""Updates run side by side across chats, strictly one after another within a chat, and fairly."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Coroutine, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.turns import TurnOrder

log = logging.getLogger(__name__)

# PTB's own slots are left wide open: an update waiting for its turn must hold none (see the class).
_PTB_SLOTS = sys.maxsize


def backlog_share(limit: int) -> int:
    """How many of ``limit`` slots chats with a backlog may hold at once: half, at least one.

    The rest stay for chats without one, so a chat that sends one message is not kept waiting for a
    slot by floods that wait on Telegram; the backlog's share of the event loop is bounded by its
    pace (one start per pass of the loop, ``bot.turns``), not by this.
    """
    return max(1, limit // 2)


class ChatOrderedProcessor(BaseUpdateProcessor):
    """PTB's update processor, with a fair turn for each update (``bot.turns.TurnOrder``).

    While one update waits on Telegram or the database, updates from other chats go ahead (up to
    ``limit`` at once), so one slow round trip does not hold up every chat behind it. A chat's own
    updates run one at a time, in the order Telegram sent them: a second tap never overtakes the first,
    and its replies come out in order. A chat sending faster than it is answered (a flood, a paste loop)
    has a backlog: its updates wait in a lane shared with the other backlogged chats, the least served
    first, and start one per pass of the event loop, in at most ``backlog_share`` of the slots, while a
    chat without a backlog goes straight ahead. So however many chats flood, each pass of the loop runs
    at most one of their updates besides everyone else's steps.

    Every update runs in the task PTB made for it; one whose turn has not come waits in
    ``do_process_update``. PTB takes one of its own slots before calling that, so its slots are left
    wide open (``max_concurrent_updates`` reads as unlimited): an update waiting its turn must not keep
    another chat's update out. This processor's ``limit`` is what bounds the updates running at once
    (``running``). PTB waits for these tasks when it stops, so whatever was queued still runs, in order.
    """

    __slots__ = ("_limit", "_tick_pending", "_turns")

    def __init__(self, max_concurrent_updates: int, backlog_concurrency: int | None = None) -> None:
        if max_concurrent_updates < 1:
            raise ValueError("max_concurrent_updates must be a positive integer")
        super().__init__(_PTB_SLOTS)
        self._limit = max_concurrent_updates
        if backlog_concurrency is None:
            backlog_concurrency = backlog_share(max_concurrent_updates)
        self._turns: TurnOrder[asyncio.Future[None]] = TurnOrder(max_concurrent_updates, backlog_concurrency)
        self._tick_pending = False

    @property
    def limit(self) -> int:
        """The most updates that run at once (``UPDATE_CONCURRENCY``)."""
        return self._limit

    @property
    def running(self) -> int:
        """Updates running now; those waiting for their turn are not counted."""
        return self._turns.running

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        # An update with no chat (or user) is a chat of its own: it orders with nothing.
        chat = _chat_of(update)
        key: Hashable = chat if chat is not None else object()
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._start(self._turns.arrive(key, turn))
        try:
            # Even when its turn came at once, let the updates already queued behind this one arrive
            # before it runs: an update that never suspends (SQLite on the loop's thread, a reply that
            # is answered at once) would otherwise finish before the next of its chat is seen, and a
            # flooding chat would never count as one.
            if turn.done():
                await asyncio.sleep(0)
            else:
                await turn
        except asyncio.CancelledError:
            # Cancelled while waiting (the loop is closing): give the turn back, or pass it on.
            if not self._turns.withdraw(key, turn):
                self._start(self._turns.finish(key))
            if isinstance(coroutine, Coroutine):
                coroutine.close()  # it never began: no "never awaited" warning
            raise
        try:
            await self.run_update(update, coroutine)
        except Exception:
            # PTB's own processing hands handler errors to the error handlers; anything that still
            # escapes is logged here, with its chat, and the chat's next update runs as usual.
            log.exception("update processing failed for chat %s", key)
        finally:
            self._start(self._turns.finish(key))

    def _start(self, turns: list[asyncio.Future[None]]) -> None:
        for turn in turns:
            _wake(turn)
        if self._turns.backlog_due and not self._tick_pending:
            self._tick_pending = True
            asyncio.get_running_loop().call_soon(self._tick)

    def _tick(self) -> None:
        """One backlogged update's turn, then the next on the next pass of the loop (if one is due)."""
        self._tick_pending = False
        turn = self._turns.tick()
        self._start([] if turn is None else [turn])

    async def run_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run one update's processing, in its turn; a subclass wraps it (``bot.intake`` settles it)."""
        await coroutine

    async def initialize(self) -> None:
        """Nothing to set up: the turn order fills as chats write."""

    async def shutdown(self) -> None:
        """Nothing to release: PTB waits for the updates in progress before shutting down."""


def _wake(turn: asyncio.Future[None]) -> None:
    # A turn cancelled with its update is given back by that update's own task (withdraw, or finish
    # when it had already started); nothing to wake here.
    if not turn.done():
        turn.set_result(None)


def _chat_of(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    # Button presses on inline-mode messages carry no chat; a user's private chat has the user's id.
    return update.effective_user.id if update.effective_user is not None else None
