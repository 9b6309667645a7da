"""Writing what became of sent reminders, and who may send them: the dispatcher's statements.

Like ``storage.repo``: each function takes the session first and never commits. The outcome statements
are built once, with bound parameters, and run as executemany over a group of outcomes, so SQLAlchemy
compiles and caches each of them once.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import BigInteger, Table, bindparam, case, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import repo
from storage.models import Chat, LeaderLease, Outbox
from storage.records import ChatView, OutboxRow, OutboxStatus, Outcome, Settle

_OUTBOX = cast(Table, Outbox.__table__)
_CHATS = cast(Table, Chat.__table__)
_LEADERS = cast(Table, LeaderLease.__table__)


def _ours() -> Any:
    # A row leased without a lease time (never, outside hand-written tests) matches any lease.
    lease = bindparam("b_lease", type_=_OUTBOX.c.lease_until.type)
    return (_OUTBOX.c.lease_until == lease) | lease.is_(None)


_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("b_id"))
    .values(
        status=OutboxStatus.SENT,
        message_id=bindparam("b_message"),
        error=None,
        finished_at=bindparam("b_now"),
        lease_until=None,
    )
)
_BIT = bindparam("b_bit", type_=BigInteger)
_MARK_TIP_USED = (
    update(_CHATS)
    .where(_CHATS.c.id == bindparam("b_id"))
    .values(
        # Against the mask as it is now rather than as it was at the lease: a used tip starts the
        # rotation over, anything else joins it.
        tips_used=case((_CHATS.c.tips_used.op("&")(_BIT) != 0, _BIT), else_=_CHATS.c.tips_used.op("|")(_BIT))
    )
)
# A retry or a hand-back changes the row only while the lease is still ours: if it ran out and another
# sender took the row, clearing that sender's lease would let a third one send the row alongside it.
_RESCHEDULE = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("b_id"), _OUTBOX.c.status == OutboxStatus.PENDING, _ours())
    .values(
        not_before=bindparam("b_not_before"),
        lease_until=None,
        error=bindparam("b_error"),
        attempts=case((_OUTBOX.c.attempts > 0, _OUTBOX.c.attempts - bindparam("b_refund")), else_=0),
    )
)
# Handed back unsent, for the next batch; the lease's attempt is refunded.
_HAND_BACK = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("b_id"), _OUTBOX.c.status == OutboxStatus.PENDING, _ours())
    .values(lease_until=None, attempts=_OUTBOX.c.attempts - 1)
)


async def write_outcomes(session: AsyncSession, group: Sequence[Outcome], now: datetime) -> None:
    """Record a group of outcomes, one executemany statement per kind of outcome."""
    by_settle: dict[Settle, list[Outcome]] = {}
    for outcome in group:
        by_settle.setdefault(outcome.settle, []).append(outcome)
        if outcome.migrated_to is not None:
            await repo.migrate_chat(session, outcome.chat_id, outcome.migrated_to)
    if sent := by_settle.get(Settle.SENT):
        await session.execute(
            _MARK_SENT, [{"b_id": o.outbox_id, "b_message": o.message_id, "b_now": now} for o in sent]
        )
        tips = [{"b_id": o.chat_id, "b_bit": 1 << o.tip_index} for o in sent if o.tip_index is not None]
        if tips:
            await session.execute(_MARK_TIP_USED, tips)
    finished = by_settle.get(Settle.BLOCKED, []) + by_settle.get(Settle.FAILED, [])
    await finish_rows(session, [(o.outbox_id, OutboxStatus(o.settle), o.error or "") for o in finished], now)
    if blocked := by_settle.get(Settle.BLOCKED):
        await session.execute(
            update(_CHATS)
            .where(_CHATS.c.id.in_({o.chat_id for o in blocked}))
            .values(active=False, next_reminder_at=None)
        )
    if retries := by_settle.get(Settle.RETRY):
        rescheduled: list[dict[str, object]] = [
            {
                "b_id": o.outbox_id,
                "b_lease": o.lease_until,
                "b_not_before": o.not_before,
                "b_error": (o.error or "")[:255],
                "b_refund": int(o.refund),
            }
            for o in retries
        ]
        await session.execute(_RESCHEDULE, rescheduled)
    if releases := by_settle.get(Settle.RELEASE):
        await session.execute(_HAND_BACK, [{"b_id": o.outbox_id, "b_lease": o.lease_until} for o in releases])


# --- leadership: one replica dispatches at a time --------------------------------------------------------

_RENEW = (
    update(_LEADERS)
    .where(
        _LEADERS.c.name == bindparam("b_name"),
        (_LEADERS.c.holder == bindparam("b_holder")) | (_LEADERS.c.expires_at <= bindparam("b_now")),
    )
    .values(holder=bindparam("b_holder"), expires_at=bindparam("b_until"))
)


async def hold_lease(session: AsyncSession, name: str, holder: str, now: datetime, until: datetime) -> bool:
    """Take or renew the named lease for ``holder`` until ``until``; whether ``holder`` has it now.

    One conditional UPDATE (free, or already ours) and, for a name never taken, one INSERT that a racing
    replica's INSERT turns into a no-op: no read-then-write, which SQLite could not upgrade to a write
    while another process writes.
    """
    values = {"b_name": name, "b_holder": holder, "b_now": now, "b_until": until}
    result = await session.execute(_RENEW, values)
    if getattr(result, "rowcount", 0):
        return True
    statement = repo.insert_for(session, LeaderLease).values(name=name, holder=holder, expires_at=until)
    result = await session.execute(statement.on_conflict_do_nothing(index_elements=[LeaderLease.name]))
    return bool(getattr(result, "rowcount", 0))


async def lease_live(session: AsyncSession, name: str, now: datetime) -> bool:
    """Whether some replica holds the named lease at ``now`` (it has not run out or been given up)."""
    expires_at = await session.scalar(select(LeaderLease.expires_at).where(LeaderLease.name == name))
    return expires_at is not None and expires_at > now


async def give_up_lease(session: AsyncSession, name: str, holder: str) -> None:
    """Let the lease go at once (a clean stop), so another replica need not wait for it to run out."""
    await session.execute(
        update(_LEADERS)
        .where(_LEADERS.c.name == name, _LEADERS.c.holder == holder)
        .values(expires_at=datetime.fromtimestamp(0, UTC))
    )


async def release_row_leases(session: AsyncSession) -> int:
    """Free every pending row's lease: on taking over, whatever is leased was the previous leader's.

    Its sends stopped before its leadership ran out, so the rows go out again now instead of after their
    lease; the one that might duplicate is a send still in flight when the previous leader died.
    """
    result = await session.execute(
        update(_OUTBOX)
        .where(_OUTBOX.c.status == OutboxStatus.PENDING, _OUTBOX.c.lease_until.is_not(None))
        .values(lease_until=None)
    )
    return int(getattr(result, "rowcount", 0))


# --- reading a leased batch as plain snapshots ----------------------------------------------------------


async def sendable_rows(
    session: AsyncSession, now: datetime, limit: int, *, exclude: Collection[int] = ()
) -> list[OutboxRow]:
    """``repo.sendable_outbox`` as snapshots (the rows stay locked until the transaction ends)."""
    return [row.row() for row in await repo.sendable_outbox(session, now, limit, exclude=exclude)]


async def chat_views(session: AsyncSession, chat_ids: Collection[int]) -> dict[int, ChatView]:
    return {chat_id: chat.view() for chat_id, chat in (await repo.chats_by_id(session, chat_ids)).items()}


_FINISH = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("b_id"))
    .values(
        status=bindparam("b_status", type_=_OUTBOX.c.status.type),
        error=bindparam("b_error"),
        finished_at=bindparam("b_now"),
        lease_until=None,
    )
)


async def finish_rows(
    session: AsyncSession, finished: Sequence[tuple[int, OutboxStatus, str]], now: datetime
) -> None:
    """Close rows that will not be sent: (outbox id, final status, why), one executemany."""
    if finished:
        values: list[dict[str, object]] = [
            {"b_id": outbox_id, "b_status": status, "b_error": reason[:255], "b_now": now}
            for outbox_id, status, reason in finished
        ]
        await session.execute(_FINISH, values)
