"""Recording what became of sent reminders: outcomes written in groups, retried, never held back."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import BigInteger, Table, bindparam, case, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.pacing import Sleep
from storage import repo
from storage.models import Chat, Outbox

if TYPE_CHECKING:
    from scheduler.render import Delivery

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

PENDING, SENT, SKIPPED, LATE, BLOCKED, FAILED = "pending", "sent", "skipped", "late", "blocked", "failed"
# A retry or a hand-back: the row stays pending (internal outcome kinds, never stored).
RETRY, RELEASE = "retry", "release"

OUTBOX = cast(Table, Outbox.__table__)
CHATS = cast(Table, Chat.__table__)


@dataclass
class Outcome:
    """What became of one leased row, waiting to be written."""

    delivery: Delivery
    kind: str  # SENT, BLOCKED, FAILED, RETRY or RELEASE
    error: str | None = None
    message_id: int | None = None
    not_before: datetime | None = None
    refund: bool = False
    migrated_to: int | None = None


class Recorder:
    """Writes outcomes in groups without holding any of them back (group commit).

    The first outcome is written at once; those that arrive while a write runs go into the next write,
    together. Under load that is one transaction per several messages instead of one per message; at a
    paced trickle it is one per message, as before. ``record`` returns once the outcome is written, so a
    sender holds its concurrency slot until then and a crash can still only resend messages in flight.

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
                        await write_outcomes(session, outcomes, self._clock())
                    break
                except Exception:
                    ids = [outcome.delivery.outbox_id for outcome in outcomes]
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

    async def hand_back(self, deliveries: list[Delivery]) -> None:
        """Release leased rows unsent, for the next run or replica; together, in one write."""
        await asyncio.gather(*(self.record(Outcome(delivery, RELEASE)) for delivery in deliveries))

    async def close(self) -> None:
        while self._writer is not None and not self._writer.done():
            await self._writer


def _ours() -> Any:
    # A row leased without a lease time (never, outside hand-written tests) matches any lease.
    lease = bindparam("b_lease", type_=OUTBOX.c.lease_until.type)
    return (OUTBOX.c.lease_until == lease) | lease.is_(None)


# The outcome statements, built once: SQLAlchemy then also keys its compiled cache only once per statement.
_MARK_SENT = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("b_id"))
    .values(
        status=SENT,
        message_id=bindparam("b_message"),
        error=None,
        finished_at=bindparam("b_now"),
        lease_until=None,
    )
)
_BIT = bindparam("b_bit", type_=BigInteger)
_MARK_TIP_USED = (
    update(CHATS)
    .where(CHATS.c.id == bindparam("b_id"))
    .values(
        # after_tip in SQL, against the mask as it is now rather than as it was at the lease.
        tips_used=case((CHATS.c.tips_used.op("&")(_BIT) != 0, _BIT), else_=CHATS.c.tips_used.op("|")(_BIT))
    )
)
_MARK_FINISHED = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("b_id"))
    .values(
        status=bindparam("b_status"),
        error=bindparam("b_error"),
        finished_at=bindparam("b_now"),
        lease_until=None,
    )
)
# A retry or a hand-back changes the row only while the lease is still ours: if it ran out and another
# sender took the row, clearing that sender's lease would let a third one send the row alongside it.
_RESCHEDULE = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("b_id"), OUTBOX.c.status == PENDING, _ours())
    .values(
        not_before=bindparam("b_not_before"),
        lease_until=None,
        error=bindparam("b_error"),
        attempts=case((OUTBOX.c.attempts > 0, OUTBOX.c.attempts - bindparam("b_refund")), else_=0),
    )
)
# Handed back unsent, for the next batch of any replica; the lease's attempt is refunded.
_HAND_BACK = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("b_id"), OUTBOX.c.status == PENDING, _ours())
    .values(lease_until=None, attempts=OUTBOX.c.attempts - 1)
)


async def write_outcomes(session: AsyncSession, group: list[Outcome], now: datetime) -> None:
    """Record a group of outcomes, one executemany statement per kind of outcome."""
    by_kind: dict[str, list[Outcome]] = {}
    for outcome in group:
        by_kind.setdefault(outcome.kind, []).append(outcome)
    for outcome in group:
        if outcome.migrated_to is not None:
            await repo.migrate_chat(session, outcome.delivery.chat_id, outcome.migrated_to)
    if sent := by_kind.get(SENT):
        await session.execute(
            _MARK_SENT,
            [{"b_id": o.delivery.outbox_id, "b_message": o.message_id, "b_now": now} for o in sent],
        )
        tips = [o.delivery for o in sent if o.delivery.tip_index is not None]
        if tips:
            await session.execute(
                _MARK_TIP_USED, [{"b_id": d.chat_id, "b_bit": 1 << cast(int, d.tip_index)} for d in tips]
            )
    finished = by_kind.get(BLOCKED, []) + by_kind.get(FAILED, [])
    if finished:
        await session.execute(
            _MARK_FINISHED,
            [
                {
                    "b_id": o.delivery.outbox_id,
                    "b_status": o.kind,
                    "b_error": (o.error or "")[:255],
                    "b_now": now,
                }
                for o in finished
            ],
        )
    if blocked := by_kind.get(BLOCKED):
        await session.execute(
            update(CHATS)
            .where(CHATS.c.id.in_({o.delivery.chat_id for o in blocked}))
            .values(active=False, next_reminder_at=None)
        )
    if retries := by_kind.get(RETRY):
        await session.execute(
            _RESCHEDULE,
            [
                {
                    "b_id": o.delivery.outbox_id,
                    "b_lease": o.delivery.lease_until,
                    "b_not_before": o.not_before,
                    "b_error": (o.error or "")[:255],
                    "b_refund": int(o.refund),
                }
                for o in retries
            ],
        )
    if releases := by_kind.get(RELEASE):
        await session.execute(
            _HAND_BACK, [{"b_id": o.delivery.outbox_id, "b_lease": o.delivery.lease_until} for o in releases]
        )
