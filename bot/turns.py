"""Which waiting update starts next, across chats: pure bookkeeping, no asyncio and no Telegram.

``bot.ordering`` does the waiting; this decides the order. The rules, and why:

- A chat's updates run one at a time, in arrival order (a second tap never overtakes the first).
- At most ``limit`` updates run at once.
- An update that finds its chat idle (nothing running, nothing waiting) is *fresh*: it starts as soon
  as a slot is free. An update that arrives while its chat's previous one still runs or waits is
  *backlog*: the chat is sending faster than it is answered (a flood, a paste loop).
- Backlog updates start one per ``tick``, which the caller makes once per pass of the event loop, and
  at most ``backlog_limit`` run at once, all backlogged chats together. So a flood adds at most one
  update's work to each pass of the loop, whatever the number of flooding chats, and every other
  chat's step comes around again after it, while against a real Bot API many backlogged updates can
  still wait on Telegram side by side.
- Among backlogged chats the one with the fewest updates started since it was last idle goes first
  (ties: the one waiting longest), so equally busy chats take turns, and a chat that sent three quick
  messages is not queued behind chats that have sent fifty.
- A backlog is never starved: while it waits with none of its updates running, fresh updates leave it
  the last free slot, unless the backlog had the previous turn.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class TurnOrder(Generic[T]):
    """The turn of each waiting item (an update's ticket), by chat; items are told when they may start."""

    __slots__ = (
        "_backlog",
        "_backlog_limit",
        "_backlog_running",
        "_fresh",
        "_last_from_backlog",
        "_limit",
        "_running",
        "_seq",
        "_served",
        "_waiting",
    )

    def __init__(self, limit: int, backlog_limit: int) -> None:
        if limit < 1 or backlog_limit < 1:
            raise ValueError("limits must be at least 1")
        self._limit = limit
        self._backlog_limit = min(backlog_limit, limit)
        # Per chat with updates not yet started: those updates, oldest first.
        self._waiting: dict[Hashable, deque[T]] = {}
        # Per chat not idle: updates started since it last was (how much of the loop it has had lately).
        self._served: dict[Hashable, int] = {}
        # Chats waiting for a slot: fresh ones in arrival order; backlogged ones as (served, joined, chat),
        # least served first. A chat is in at most one lane, and in none while one of its updates runs.
        self._fresh: deque[Hashable] = deque()
        self._backlog: list[tuple[int, int, Hashable]] = []
        self._seq = itertools.count()
        # Per chat with an update running: whether that update came from the backlog lane.
        self._running: dict[Hashable, bool] = {}
        self._backlog_running = 0
        self._last_from_backlog = False

    @property
    def running(self) -> int:
        return len(self._running)

    @property
    def waiting(self) -> int:
        return sum(len(items) for items in self._waiting.values())

    @property
    def backlog_due(self) -> bool:
        """Whether a backlogged update could start now: ``tick`` would start one."""
        return (
            bool(self._backlog)
            and self._backlog_running < self._backlog_limit
            and len(self._running) < self._limit
        )

    def arrive(self, chat: Hashable, item: T) -> list[T]:
        """``item`` arrived for ``chat``; the fresh items that may start now (``item`` among them, or not)."""
        queue = self._waiting.get(chat)
        if queue is not None:
            queue.append(item)  # already in a lane
        elif chat in self._running:
            self._waiting[chat] = deque((item,))  # joins the backlog lane when the running one finishes
        else:
            self._waiting[chat] = deque((item,))
            self._fresh.append(chat)
        return self._fill()

    def finish(self, chat: Hashable) -> list[T]:
        """``chat``'s running item is through; the fresh items that may start now."""
        if self._running.pop(chat):
            self._backlog_running -= 1
        if chat in self._waiting:
            heapq.heappush(self._backlog, (self._served[chat], next(self._seq), chat))
        else:
            del self._served[chat]  # idle again: its next update is fresh
        return self._fill()

    def tick(self) -> T | None:
        """The one backlogged item that starts on this pass of the loop, if the lane and a slot are free."""
        if not self.backlog_due:
            return None
        return self._start(heapq.heappop(self._backlog)[2], from_backlog=True)

    def withdraw(self, chat: Hashable, item: T) -> bool:
        """Take back an item that has not started (its update was cancelled); False if it had started."""
        queue = self._waiting.get(chat)
        if queue is None or item not in queue:
            return False
        queue.remove(item)
        if not queue:
            del self._waiting[chat]
            if chat in self._fresh:
                self._fresh.remove(chat)
            elif chat not in self._running:
                self._backlog = [entry for entry in self._backlog if entry[2] != chat]
                heapq.heapify(self._backlog)
                del self._served[chat]
        return True

    def _fill(self) -> list[T]:
        started: list[T] = []
        while self._fresh and len(self._running) < self._limit - self._kept_for_backlog():
            started.append(self._start(self._fresh.popleft(), from_backlog=False))
        return started

    def _kept_for_backlog(self) -> int:
        starving = bool(self._backlog) and self._backlog_running == 0 and not self._last_from_backlog
        return 1 if starving else 0

    def _start(self, chat: Hashable, *, from_backlog: bool) -> T:
        queue = self._waiting[chat]
        item = queue.popleft()
        if not queue:
            del self._waiting[chat]
        self._running[chat] = from_backlog
        self._backlog_running += from_backlog
        self._served[chat] = self._served.get(chat, 0) + 1
        self._last_from_backlog = from_backlog
        return item
