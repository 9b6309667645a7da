"""Updates run side by side across chats, and strictly one after another within a chat."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# PTB's own semaphore is taken before ``do_process_update``; sized like this it never makes an update
# wait, so updates reach ``do_process_update`` in the order PTB started them (arrival order).
_NO_LIMIT = 1 << 30


class ChatOrderedProcessor(BaseUpdateProcessor):
    """PTB's update processor with a queue per chat.

    While one update waits on Telegram or the database, updates from other chats go ahead (up to
    ``max_concurrent_updates`` at once), so one slow round trip no longer holds up every chat behind it.
    A chat's own updates still run one at a time, in the order Telegram sent them: a second tap never
    overtakes the first, and its replies come out in order. An update waiting for its chat's previous
    one holds no slot, so a burst from one chat does not hold up the others either.
    """

    __slots__ = ("_last", "_limit", "_relays", "_slots")

    def __init__(self, max_concurrent_updates: int) -> None:
        if max_concurrent_updates < 1:
            raise ValueError("max_concurrent_updates must be at least 1")
        # PTB sizes its semaphore from the property while it initialises: unlimited until then.
        self._limit = _NO_LIMIT
        super().__init__(_NO_LIMIT)
        self._limit = max_concurrent_updates
        self._slots = asyncio.BoundedSemaphore(max_concurrent_updates)
        # Per chat, set when that chat's latest update so far has finished.
        self._last: dict[int, asyncio.Event] = {}
        self._relays: set[asyncio.Task[Any]] = set()

    @property
    def max_concurrent_updates(self) -> int:
        return self._limit

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_of(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        before = self._last.get(key)
        finished = asyncio.Event()
        self._last[key] = finished
        started = False
        try:
            if before is not None:
                await before.wait()
            async with self._slots:
                started = True
                await coroutine
        finally:
            if not started and isinstance(coroutine, Coroutine):
                coroutine.close()  # cancelled before it began: no "never awaited" warning
            if before is None or before.is_set():
                self._finish(key, finished)
            else:
                # Cancelled while waiting: the chat's next update must still wait for the one before.
                relay = asyncio.ensure_future(before.wait())
                self._relays.add(relay)
                relay.add_done_callback(lambda task: self._relayed(task, key, finished))

    def _relayed(self, task: asyncio.Task[Any], key: int, finished: asyncio.Event) -> None:
        self._relays.discard(task)
        self._finish(key, finished)

    def _finish(self, key: int, finished: asyncio.Event) -> None:
        finished.set()
        if self._last.get(key) is finished:
            del self._last[key]

    async def initialize(self) -> None:
        """Nothing to set up: the queues are created as chats write."""

    async def shutdown(self) -> None:
        """Nothing to release: PTB waits for the updates in progress before shutting down."""


def _chat_of(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    # Button presses on inline-mode messages carry no chat; a user's private chat has the user's id.
    return update.effective_user.id if update.effective_user is not None else None
