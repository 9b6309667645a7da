"""Updates run side by side across chats, and strictly one after another within a chat."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class ChatOrderedProcessor(BaseUpdateProcessor):
    """PTB's update processor with a queue per chat.

    While one update waits on Telegram or the database, updates from other chats go ahead (up to
    ``max_concurrent_updates``), so one slow round trip no longer holds up every chat behind it. A
    chat's own updates still run one at a time in the order Telegram sent them: a second tap never
    overtakes the first, and its replies come out in order.

    Arrival order is kept because PTB starts one task per update in order and asyncio's semaphore
    (inside ``process_update``) lets them in first come, first served; each then queues behind the
    previous update of its chat. A burst from one chat can hold several slots while it waits on
    itself, which slows the others down to one-at-a-time at worst, never to a halt.
    """

    __slots__ = ("_last",)

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        # Per chat, set when that chat's latest update so far has finished.
        self._last: dict[int, asyncio.Event] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_of(update)
        if key is None:
            await coroutine
            return
        before = self._last.get(key)
        finished = asyncio.Event()
        self._last[key] = finished
        try:
            if before is not None:
                try:
                    await before.wait()
                except asyncio.CancelledError:
                    if isinstance(coroutine, Coroutine):
                        coroutine.close()  # never started: no "never awaited" warning
                    raise
            await coroutine
        finally:
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
