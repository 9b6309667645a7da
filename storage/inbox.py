"""Inbox queries: incoming updates kept until their effects are committed.

Each takes the session first and never commits: the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Final

from sqlalchemy import BigInteger, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat, InboxUpdate

NEW: Final = "new"
DONE: Final = "done"
FAILED: Final = "failed"
# The row a health probe writes and rolls back; Telegram's update ids are never negative.
PROBE_ID: Final = -1


async def store(
    session: AsyncSession, updates: Sequence[tuple[int, int | None, str]], now: datetime
) -> set[int]:
    """Insert ``(update_id, chat_id, payload)`` rows in one statement; the ids not stored before.

    Telegram delivers an update again when its receipt was not confirmed (polling restarted before
    the next getUpdates, a webhook answer lost): the repeat is recognised here and not queued twice.
    """
    if not updates:
        return set()
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    # One statement for every batch size, given the rows as executemany parameters: SQLAlchemy sends
    # them as one multi-row INSERT all the same, but a statement with the rows inlined as .values() had
    # to be built (and, for each new batch size, compiled) anew: 10-20 ms of event loop for a batch of 60.
    statement = (
        dialect.insert(InboxUpdate)
        .on_conflict_do_nothing(index_elements=[InboxUpdate.update_id])
        .returning(InboxUpdate.update_id)
    )
    rows = [
        {"update_id": update_id, "chat_id": chat_id, "payload": payload, "status": NEW, "received_at": now}
        for update_id, chat_id, payload in updates
    ]
    return set((await session.execute(statement, rows)).scalars())


# Built once with bound parameters, as storage.repo's per-update queries are: building and keying a
# statement for SQLAlchemy's cache cost more than SQLite took to run it.
_SETTLE = (
    update(InboxUpdate)
    .where(InboxUpdate.update_id == bindparam("id", type_=BigInteger), InboxUpdate.status == NEW)
    .values(status=bindparam("new_status"), handled_at=bindparam("now"))
    .execution_options(synchronize_session=False)
)
_SETTLE_MANY = (
    update(InboxUpdate)
    .where(
        InboxUpdate.update_id.in_(bindparam("update_ids", expanding=True, type_=BigInteger)),
        InboxUpdate.status == NEW,
    )
    .values(status=bindparam("new_status"), handled_at=bindparam("now"))
    .execution_options(synchronize_session=False)
)


async def settle(session: AsyncSession, update_id: int, status: str, now: datetime) -> bool:
    """Mark a ``new`` update ``done`` or ``failed``; False if it was no longer new.

    Inside the update's own transaction this is what makes its effects happen once: a second
    handling of the same update (a replay racing the first) finds the row settled and rolls back.
    """
    result = await session.execute(_SETTLE, {"id": update_id, "new_status": status, "now": now})
    return bool(getattr(result, "rowcount", 0))


async def settle_many(session: AsyncSession, statuses: Mapping[int, str], now: datetime) -> int:
    """Mark each ``new`` update of ``{update_id: status}`` with its status; how many were still new.

    One statement per status, for the updates that finish at about the same time (``bot.intake``).
    """
    settled = 0
    for status in sorted(set(statuses.values())):
        ids = [update_id for update_id, wanted in statuses.items() if wanted == status]
        result = await session.execute(_SETTLE_MANY, {"update_ids": ids, "new_status": status, "now": now})
        settled += int(getattr(result, "rowcount", 0))
    return settled


async def exists(session: AsyncSession, update_id: int) -> bool:
    return await session.get(InboxUpdate, update_id) is not None


async def unhandled(session: AsyncSession) -> list[tuple[int, str]]:
    """Every update still waiting for its effects, oldest first (Telegram's ids grow with time)."""
    rows = await session.execute(
        select(InboxUpdate.update_id, InboxUpdate.payload)
        .where(InboxUpdate.status == NEW)
        .order_by(InboxUpdate.update_id)
    )
    return [(update_id, payload) for update_id, payload in rows.all()]


async def prune(session: AsyncSession, *, done_before: datetime, failed_before: datetime) -> int:
    """Forget handled updates; failed ones stay longer, for whoever looks into why they failed."""
    result = await session.execute(
        delete(InboxUpdate)
        .where(
            ((InboxUpdate.status == DONE) & (InboxUpdate.handled_at < done_before))
            | ((InboxUpdate.status == FAILED) & (InboxUpdate.handled_at < failed_before))
        )
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0))


async def counts(session: AsyncSession) -> dict[str, int]:
    """Rows per status (for health checks and tests)."""
    rows = await session.execute(select(InboxUpdate.status, func.count()).group_by(InboxUpdate.status))
    return {status: count for status, count in rows.all()}


async def probe(session: AsyncSession, now: datetime) -> datetime | None:
    """Read two real tables and write a row (the caller rolls it back): can the bot work right now?

    Returns when the most overdue active chat's reminder fell due (None when none is scheduled), which
    tells whether the reminder loop keeps up.
    """
    await session.execute(select(InboxUpdate.update_id).order_by(InboxUpdate.update_id).limit(1))
    oldest = await session.scalar(
        select(Chat.next_reminder_at)
        .where(Chat.next_reminder_at.is_not(None), Chat.active.is_(True))
        .order_by(Chat.next_reminder_at, Chat.id)
        .limit(1)
    )
    await session.execute(
        insert(InboxUpdate).values(update_id=PROBE_ID, payload="", status="probe", received_at=now)
    )
    return oldest
