"""Pacing reminder sends under a global rate, the way Telegram counts it: any sliding second."""

from __future__ import annotations

import asyncio
import collections
import math
from collections.abc import Awaitable, Callable
from typing import Any

Sleep = Callable[[float], Awaitable[Any]]

# Telegram's limit on paid broadcasts, messages per second per bot.
PAID_LIMIT = 1000


class Pacer:
    """Spaces sends evenly to stay under a global rate, across batches and runs when it is kept.

    Each caller books the next free turn, an interval after the one before, and sleeps until it. Booking
    needs no hand-over from the caller before, so however many turns have come due while the loop was
    busy, they all go in the loop's next pass rather than one per pass: at hundreds of sends a second a
    pass can take longer than an interval, and a pacer that handed turns on one at a time fell behind.

    Turns that come due together after a stall (a garbage collection, a batch being rendered) would be a
    burst, and Telegram counts any sliding second, so two bounds keep a stall from costing a 429: a turn
    that finds no caller waiting is lost beyond ``catch_up``, and no second ever holds more than
    ``most`` sends (a turn waits until the oldest answer of the last second is a second old; see
    ``acquire``).

    Real (loop) time by default, since it paces real I/O; ``monotonic`` and ``sleep`` let tests run it
    on a fake clock.
    """

    # The least catch-up, in sends: asyncio wakes sleepers a little late, and without this the rate
    # would drift below ``per_second``.
    MIN_CATCH_UP = 0.25
    # Of the room between the rate and a ``limit``, the share catch-up may use; the rest is for the jitter
    # between a turn and its request reaching Telegram.
    CATCH_UP_SHARE = 0.5

    def __init__(
        self,
        per_second: float,
        sleep: Sleep = asyncio.sleep,
        monotonic: Callable[[], float] | None = None,
        *,
        limit: float | None = None,
    ) -> None:
        self._interval = 1.0 / per_second if per_second > 0 else 0.0
        # Without a limit, ``per_second`` is the whole budget (the service's: the rest of Telegram's 30/s
        # is for replies and other replicas), and the catch-up is the least that absorbs late wake-ups.
        catch_up = self.MIN_CATCH_UP
        if limit is not None:
            catch_up = max(catch_up, self.CATCH_UP_SHARE * (limit - per_second))
        self._catch_up = catch_up * self._interval
        # Turns are an interval apart and none is early, so a second holds the first turn in it and those
        # due within it plus the catch-up; never more than the limit.
        self.most = math.floor(per_second + catch_up) + 1
        if limit is not None:
            self.most = min(self.most, math.floor(limit))
        self._sleep = sleep
        self._monotonic = monotonic
        self._next = 0.0
        # When the answers of the last second's turns came back, oldest first; and turns still waiting.
        self._recent: collections.deque[float] = collections.deque()
        self._in_flight = 0

    def _now(self) -> float:
        return self._monotonic() if self._monotonic else asyncio.get_running_loop().time()

    async def wait(self) -> None:
        """Take a turn for something that is done the moment it starts."""
        await self.acquire()
        self.release()

    async def acquire(self) -> None:
        """Take a turn for a send; ``release`` it once the send's answer is in.

        A turn counts towards its second from when the answer came back, not from when it was granted:
        Telegram counts a message when it arrives, which is somewhere in between, and a stall on either
        side (ours or the server's) can bunch requests granted an interval apart into one burst on
        arrival. Counting the turns in flight and the answers of the last second keeps every second of
        arrivals within ``most`` as well.
        """
        if not self._interval:
            self._in_flight += 1
            return
        now = self._now()
        turn = max(self._next, now - self._catch_up)
        self._next = turn + self._interval
        if turn > now:
            await self._sleep(turn - now)
        recent = self._recent
        now = self._now()
        while True:
            while recent and recent[0] <= now - 1.0:
                recent.popleft()
            if len(recent) + self._in_flight < self.most:
                break
            # Taken no earlier than the instant slept to (a microsecond past the oldest answer's second,
            # so float rounding cannot leave it a hair short), even if the sleep returned early (a test's
            # no-op sleep on the real clock): this never spins.
            until = recent[0] + 1.0 + 1e-6 if recent else now + self._interval
            await self._sleep(until - now)
            now = max(self._now(), until)
        self._in_flight += 1

    def release(self) -> None:
        self._in_flight -= 1
        if self._interval:
            self._recent.append(self._now())
