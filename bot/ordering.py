"""Updates run side by side across chats, and strictly one after another within a chat."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Awaitable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)


class ChatOrderedProcessor(BaseUpdateProcessor):
    """PTB's update processor with a queue per chat.

    While one update waits on Telegram or the database, updates from other chats go ahead (up to
    ``max_concurrent_updates`` chats at once), so one slow round trip no longer holds up every chat
    behind it. A chat's own updates run one at a time, in the order Telegram sent them: a second tap
    never overtakes the first, and its replies come out in order.

    PTB takes one of its ``max_concurrent_updates`` slots before calling ``do_process_update``, in
    arrival order. An update whose chat is already being served is queued behind that chat's current
    update and its call returns at once, giving its slot back: the call serving the chat runs the queue
    in the same slot. So a burst from one chat occupies one slot, not all of them, and
    ``current_concurrent_updates`` counts the chats being served.
    """

    __slots__ = ("_queues",)

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        # Per chat being served: the updates that arrived meanwhile, oldest first.
        self._queues: dict[int, deque[tuple[object, Awaitable[Any]]]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_of(update)
        if key is None:
            await self.run_update(update, coroutine)
            return
        queue = self._queues.get(key)
        if queue is not None:
            queue.append((update, coroutine))
            return
        queue = self._queues[key] = deque()
        current: tuple[object, Awaitable[Any]] | None = (update, coroutine)
        try:
            while current is not None:
                try:
                    await self.run_update(*current)
                except Exception:
                    # PTB's own processing hands handler errors to the error handlers; anything that
                    # still escapes must not cost the chat the updates queued behind it.
                    log.exception("update processing failed for chat %s", key)
                current = queue.popleft() if queue else None
        finally:
            del self._queues[key]
            for _update, left in queue:
                if isinstance(left, Coroutine):
                    left.close()  # cancelled at shutdown before it began: no "never awaited" warning

    async def run_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run one update's processing, in its turn; a subclass wraps it (``bot.intake`` settles it)."""
        await coroutine

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
