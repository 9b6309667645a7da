"""Recording what became of sent reminders: outcomes written in groups, retried, never held back."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.pacing import Sleep
from storage import delivery
from storage.records import Outcome, Settle

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Recorder:
    """Writes outcomes in groups without holding any of them back (group commit).

    The first outcome is written at once; those that arrive while a write runs go into the next write,
    together. Under load that is one transaction per several messages instead of one per message; at a
    paced trickle it is one per message. ``record`` returns once the outcome is written, so a sender
    holds its concurrency slot until then and a crash can still only resend messages in flight.

    A write that fails is tried again after ``RETRY_DELAYS`` (a lock timeout, a dropped connection):
    given up, the rows' leases run out and a sent message would go out a second time.
    """

    RETRY_DELAYS = (0.05, 0.25, 1.0)

    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], clock: Clock, sleep: Sleep = asyncio.sleep
    ) -> None:
        self._sessionmaker = sessionmaker
        self._clock = clock
        self._sleep = sleep
        self.failed = False
        self._queue: list[tuple[Outcome, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def record(self, outcome: Outcome) -> None:
        written = asyncio.get_running_loop().create_future()
        self._queue.append((outcome, written))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all())
        await written

    async def _write_all(self) -> None:
        while self._queue:
            group, self._queue = self._queue, []
            outcomes = [outcome for outcome, _ in group]
            for delay in (*self.RETRY_DELAYS, None):
                try:
                    # A failed transaction was rolled back, so writing the group again writes it once.
                    async with self._sessionmaker.begin() as session:
                        await delivery.write_outcomes(session, outcomes, self._clock())
                    break
                except Exception:
                    ids = [outcome.outbox_id for outcome in outcomes]
                    if delay is None:
                        self.failed = True
                        # The leases run out and the rows are tried again (a sent one may go out twice).
                        log.exception("outcomes of reminders %s not recorded", ids)
                        break
                    log.warning("outcomes of reminders %s not recorded; retrying", ids, exc_info=True)
                    await self._sleep(delay)
            for _, written in group:
                if not written.done():
                    written.set_result(None)

    async def hand_back(self, leased: Sequence[tuple[int, int, datetime | None]]) -> None:
        """Release leased rows unsent, (outbox id, chat id, lease), for the next run; in one write."""
        await asyncio.gather(
            *(self.record(Outcome(row, chat, Settle.RELEASE, lease)) for row, chat, lease in leased)
        )

    async def close(self) -> None:
        while self._writer is not None and not self._writer.done():
            await self._writer
