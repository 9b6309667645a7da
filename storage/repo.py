"""Queries. Each takes the session first and never commits: the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    BigInteger,
    Date,
    Table,
    bindparam,
    delete,
    func,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base, Chat, Outbox, Pause, WorkoutLog
from storage.records import OutboxKind, OutboxStatus

# Both dialects spell "insert unless it exists" the same way; statements are built per dialect and
# picked by the connection's.
_DIALECTS = {"sqlite": sqlite, "postgresql": postgresql}


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def insert_for(session: AsyncSession, table: type[Base]) -> sqlite.Insert | postgresql.Insert:
    """An INSERT in the session's dialect, which both spell with ``on_conflict_do_nothing``."""
    return postgresql.insert(table) if _dialect(session) == "postgresql" else sqlite.insert(table)


async def get_chat(session: AsyncSession, chat_id: int) -> Chat | None:
    return await session.get(Chat, chat_id)


async def get_or_create_chat(
    session: AsyncSession, chat_id: int, *, kind: str, title: str | None, timezone: str
) -> Chat:
    """The chat row, locked for this transaction and created on first contact.

    The row lock (FOR UPDATE on PostgreSQL; SQLite serialises writers anyway) makes two replicas
    handling the same chat take turns instead of the last writer silently undoing the other's change.
    """
    chat = await lock_chat(session, chat_id)
    if chat is not None:
        return chat
    statement = insert_for(session, Chat).values(
        id=chat_id, kind=kind, title=title, timezone=timezone, onboarding_step="level"
    )
    await session.execute(statement.on_conflict_do_nothing(index_elements=[Chat.id]))
    chat = await lock_chat(session, chat_id)
    assert chat is not None
    return chat


# The queries every update runs, built once with bound parameters: building a statement and keying it
# for SQLAlchemy's compiled cache cost more than running it on SQLite.
_CHAT_ID = bindparam("chat_id", type_=BigInteger)
_DAY = bindparam("day", type_=Date)
_LOCK_CHAT = (
    select(Chat).where(Chat.id == _CHAT_ID).with_for_update().execution_options(populate_existing=True)
)
_DAYS_LOGGED_BEFORE = select(func.count(func.distinct(WorkoutLog.local_date))).where(
    WorkoutLog.chat_id == _CHAT_ID, WorkoutLog.local_date < _DAY
)
# The logged days (with no end) and the pauses, in one round trip: the streak needs both.
_HISTORY = union_all(
    select(WorkoutLog.local_date, null().cast(Date)).where(WorkoutLog.chat_id == _CHAT_ID).distinct(),
    select(Pause.start_date, Pause.end_date).where(Pause.chat_id == _CHAT_ID),
)
# Days up to ``day`` only, the same days /streak counts: "Session N" is always its total + 1.
_PROGRESS_ON = select(
    func.count(func.distinct(WorkoutLog.local_date)).filter(WorkoutLog.local_date <= _DAY),
    func.count(WorkoutLog.id).filter(WorkoutLog.local_date == _DAY),
).where(WorkoutLog.chat_id == _CHAT_ID)
# One statement: the session number is counted inside the INSERT (the same transaction's snapshot).
# Built on the table, not the mapped class: the ORM would take the parameters as a bulk insert.
_LOG_WORKOUT = {
    name: dialect.insert(cast(Table, WorkoutLog.__table__))
    .values(
        chat_id=_CHAT_ID,
        local_date=_DAY,
        user_id=bindparam("user_id"),
        user_name=bindparam("user_name"),
        session_number=_DAYS_LOGGED_BEFORE.scalar_subquery() + 1,
        logged_at=bindparam("now"),
    )
    .on_conflict_do_nothing(index_elements=["chat_id", "local_date", "user_id"])
    for name, dialect in _DIALECTS.items()
}
_IS_LOGGED = (
    select(WorkoutLog.id).where(WorkoutLog.chat_id == _CHAT_ID, WorkoutLog.local_date == _DAY).limit(1)
)
_IS_LOGGED_BY = _IS_LOGGED.where(WorkoutLog.user_id == bindparam("user_id"))


async def lock_chat(session: AsyncSession, chat_id: int) -> Chat | None:
    """The chat row locked for update (PostgreSQL), so concurrent edits of one chat serialise."""
    result = await session.execute(_LOCK_CHAT, {"chat_id": chat_id})
    return result.scalar_one_or_none()


async def deactivate_chat(session: AsyncSession, chat_id: int) -> None:
    await session.execute(update(Chat).where(Chat.id == chat_id).values(active=False, next_reminder_at=None))


async def migrate_chat(session: AsyncSession, old_id: int, new_id: int) -> None:
    """A group became a supergroup: keep its history under the new id.

    If the new id already has a row (someone used the bot there before the migration reached us),
    that row is only minutes old, so it gives way to the group's settings and history.
    """
    if await session.get(Chat, old_id) is None:
        return
    await session.execute(delete(Chat).where(Chat.id == new_id))
    await session.execute(update(Chat).where(Chat.id == old_id).values(id=new_id, kind="supergroup"))


async def log_workout(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, user_name: str | None, now: datetime
) -> bool:
    """Record that the member trained on that local day; False if it was already recorded."""
    values = {"chat_id": chat_id, "day": day, "user_id": user_id, "user_name": user_name, "now": now}
    result = await session.execute(_LOG_WORKOUT[_dialect(session)], values)
    return bool(getattr(result, "rowcount", 0))


class History(NamedTuple):
    days: list[date]  # distinct, in order
    pauses: list[tuple[date, date]]  # (first day, last day), in order


async def history(session: AsyncSession, chat_id: int) -> History:
    found = History([], [])
    for start, end in (await session.execute(_HISTORY, {"chat_id": chat_id})).all():
        if end is None:
            found.days.append(start)
        else:
            found.pauses.append((start, end))
    found.days.sort()
    found.pauses.sort()
    return found


async def progress_on(session: AsyncSession, chat_id: int, day: date) -> tuple[int, bool]:
    """How many days the chat has logged in all, and whether ``day`` is one of them (one query)."""
    row = (await session.execute(_PROGRESS_ON, {"chat_id": chat_id, "day": day})).one()
    return row[0], row[1] > 0


async def is_logged(session: AsyncSession, chat_id: int, day: date, *, user_id: int | None = None) -> bool:
    """Whether the chat logged ``day``; with ``user_id``, whether that member did (groups log per member)."""
    if user_id is None:
        return await session.scalar(_IS_LOGGED, {"chat_id": chat_id, "day": day}) is not None
    values = {"chat_id": chat_id, "day": day, "user_id": user_id}
    return await session.scalar(_IS_LOGGED_BY, values) is not None


async def members_on(session: AsyncSession, chat_id: int, day: date) -> list[str]:
    result = await session.scalars(
        select(WorkoutLog.user_name)
        .where(WorkoutLog.chat_id == chat_id, WorkoutLog.local_date == day)
        .order_by(WorkoutLog.logged_at)
    )
    return [name or "someone" for name in result]


async def add_pause(session: AsyncSession, chat_id: int, start: date, end: date) -> None:
    session.add(Pause(chat_id=chat_id, start_date=start, end_date=end))


async def end_pauses(session: AsyncSession, chat_id: int, last_day: date) -> None:
    """Cut short any pause still running, so resuming early does not shield the weeks after it, and drop
    any still to come after ``last_day``: it never happened."""
    await drop_pauses_after(session, chat_id, last_day)
    await session.execute(
        update(Pause).where(Pause.chat_id == chat_id, Pause.end_date > last_day).values(end_date=last_day)
    )


async def drop_pauses_after(session: AsyncSession, chat_id: int, last_day: date) -> None:
    """Forget the pauses that start after ``last_day``: a coming pause cancelled or replaced."""
    await session.execute(delete(Pause).where(Pause.chat_id == chat_id, Pause.start_date > last_day))


async def outbox_rows(session: AsyncSession, chat_id: int) -> Sequence[Outbox]:
    result = await session.scalars(select(Outbox).where(Outbox.chat_id == chat_id).order_by(Outbox.id))
    return result.all()


# --- reminder delivery (scheduler.dispatch; outcomes and the lead: storage.delivery) -------------------


_OUTBOX_TABLE = cast(Table, Outbox.__table__)
_QUEUE_ROWS = {
    name: dialect.insert(_OUTBOX_TABLE)
    .on_conflict_do_nothing(index_elements=["chat_id", "kind", "slot_date"])
    .returning(_OUTBOX_TABLE.c.chat_id, _OUTBOX_TABLE.c.kind, _OUTBOX_TABLE.c.slot_date)
    for name, dialect in _DIALECTS.items()
}


async def claim_due_chats(session: AsyncSession, now: datetime, limit: int) -> Sequence[Chat]:
    """Active chats whose next reminder is due, oldest first, locked so other replicas skip them."""
    result = await session.scalars(
        select(Chat)
        .where(Chat.next_reminder_at <= now, Chat.active.is_(True))
        .order_by(Chat.next_reminder_at, Chat.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )
    return result.all()


async def add_outbox(
    session: AsyncSession,
    *,
    chat_id: int,
    kind: OutboxKind,
    slot_date: date,
    due_at: datetime,
    not_before: datetime,
    status: OutboxStatus = OutboxStatus.PENDING,
    error: str | None = None,
    finished_at: datetime | None = None,
) -> bool:
    """Queue (or record) one message for a slot; False if that slot already has a row."""
    row = {
        "chat_id": chat_id,
        "kind": kind,
        "slot_date": slot_date,
        "due_at": due_at,
        "not_before": not_before,
        "status": status,
        "error": error,
        "finished_at": finished_at,
    }
    return bool(await add_outbox_rows(session, [row]))


async def sendable_outbox(
    session: AsyncSession, now: datetime, limit: int, *, exclude: Collection[int] = ()
) -> Sequence[Outbox]:
    """Pending rows whose time has come and whose lease (if any) ran out, locked against other replicas.

    Rows of the chats in ``exclude`` (they just had a message) are left for later.
    """
    conditions = [
        Outbox.status == OutboxStatus.PENDING,
        Outbox.not_before <= now,
        or_(Outbox.lease_until.is_(None), Outbox.lease_until <= now),
    ]
    if exclude:
        conditions.append(Outbox.chat_id.not_in(exclude))
    result = await session.scalars(
        select(Outbox)
        .where(*conditions)
        .order_by(Outbox.not_before, Outbox.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )
    return result.all()


async def take_lease(session: AsyncSession, outbox_id: int, now: datetime, until: datetime) -> bool:
    """Compare-and-set the lease, so two senders that read the same free row cannot both send it."""
    result = await session.execute(
        update(Outbox)
        .where(
            Outbox.id == outbox_id,
            Outbox.status == OutboxStatus.PENDING,
            or_(Outbox.lease_until.is_(None), Outbox.lease_until <= now),
        )
        .values(lease_until=until, attempts=Outbox.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


async def cancel_outbox(
    session: AsyncSession, chat_id: int, kind: OutboxKind, slot_date: date, now: datetime, reason: str
) -> None:
    """Mark a still-pending row as skipped (e.g. the snoozed reminder of a day the chat skipped)."""
    await session.execute(
        update(Outbox)
        .where(
            Outbox.chat_id == chat_id,
            Outbox.kind == kind,
            Outbox.slot_date == slot_date,
            Outbox.status == OutboxStatus.PENDING,
        )
        .values(status=OutboxStatus.SKIPPED, error=reason, finished_at=now, lease_until=None)
        .execution_options(synchronize_session=False)
    )


async def outbox_exists(session: AsyncSession, chat_id: int, kind: OutboxKind, slot_date: date) -> bool:
    found = await session.scalar(
        select(Outbox.id).where(Outbox.chat_id == chat_id, Outbox.kind == kind, Outbox.slot_date == slot_date)
    )
    return found is not None


async def outbox_status(
    session: AsyncSession, chat_id: int, kind: OutboxKind, slot_date: date
) -> OutboxStatus | None:
    return await session.scalar(
        select(Outbox.status).where(
            Outbox.chat_id == chat_id, Outbox.kind == kind, Outbox.slot_date == slot_date
        )
    )


async def counts(session: AsyncSession) -> dict[str, int]:
    """Operator figures: chats by state, sessions logged, reminders by outcome."""
    chats = await session.execute(select(Chat.active, func.count()).group_by(Chat.active))
    by_state = {("active" if active else "inactive"): count for active, count in chats.all()}
    outcomes = await session.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
    figures = {
        "chats_active": by_state.get("active", 0),
        "chats_inactive": by_state.get("inactive", 0),
        "sessions_logged": await session.scalar(select(func.count()).select_from(WorkoutLog)) or 0,
    }
    figures |= {f"reminders_{status}": count for status, count in outcomes.all()}
    return figures


# --- set-based variants for a dispatcher batch: one statement per batch instead of one per row ---------


async def chats_by_id(session: AsyncSession, chat_ids: Collection[int]) -> dict[int, Chat]:
    if not chat_ids:
        return {}
    result = await session.scalars(select(Chat).where(Chat.id.in_(chat_ids)))
    return {chat.id: chat for chat in result}


async def logged_pairs(session: AsyncSession, wanted: Collection[tuple[int, date]]) -> set[tuple[int, date]]:
    """Which of these (chat, local day) pairs have a workout logged."""
    if not wanted:
        return set()
    chats = {chat_id for chat_id, _ in wanted}
    days = {day for _, day in wanted}
    # A batch spans one or two local days, so filtering on both sets and then on the pairs in Python
    # reads hardly more than the pairs themselves, and needs no row-value IN.
    result = await session.execute(
        select(WorkoutLog.chat_id, WorkoutLog.local_date)
        .where(WorkoutLog.chat_id.in_(chats), WorkoutLog.local_date.in_(days))
        .distinct()
    )
    return {(chat_id, day) for chat_id, day in result.all()} & set(wanted)


async def trained_days_by_chat(session: AsyncSession, chat_ids: Collection[int]) -> dict[int, list[date]]:
    """The days each chat logged, oldest first: their number is the sessions it has done, and the coach
    counts a block's weeks in them."""
    if not chat_ids:
        return {}
    result = await session.execute(
        select(WorkoutLog.chat_id, WorkoutLog.local_date)
        .where(WorkoutLog.chat_id.in_(chat_ids))
        .group_by(WorkoutLog.chat_id, WorkoutLog.local_date)
        .order_by(WorkoutLog.chat_id, WorkoutLog.local_date)
    )
    found: dict[int, list[date]] = {}
    for chat_id, day in result.all():
        found.setdefault(chat_id, []).append(day)
    return found


async def outbox_statuses(
    session: AsyncSession, kind: OutboxKind, wanted: Collection[tuple[int, date]]
) -> dict[tuple[int, date], OutboxStatus]:
    """The status of each (chat, slot day) row of this kind that exists."""
    if not wanted:
        return {}
    chats = {chat_id for chat_id, _ in wanted}
    days = {day for _, day in wanted}
    result = await session.execute(
        select(Outbox.chat_id, Outbox.slot_date, Outbox.status).where(
            Outbox.kind == kind, Outbox.chat_id.in_(chats), Outbox.slot_date.in_(days)
        )
    )
    wanted_set = set(wanted)
    return {(c, d): status for c, d, status in result.all() if (c, d) in wanted_set}


async def add_outbox_rows(
    session: AsyncSession, rows: Sequence[dict[str, Any]]
) -> set[tuple[int, OutboxKind, date]]:
    """Queue many rows in one INSERT; the (chat, kind, slot day) keys actually inserted (not already there).

    Each dict carries the keyword arguments of ``add_outbox``.
    """
    if not rows:
        return set()
    values = [
        {"attempts": 0, "status": OutboxStatus.PENDING, "error": None, "finished_at": None, **row}
        for row in rows
    ]
    # One statement built once per dialect and run as an executemany: SQLAlchemy's "insertmanyvalues"
    # still sends multi-row INSERTs, from a cached compilation rather than compiling 200 VALUES each time.
    result = await session.execute(_QUEUE_ROWS[_dialect(session)], values)
    return {(chat_id, OutboxKind(kind), day) for chat_id, kind, day in result.all()}


async def take_leases(
    session: AsyncSession, outbox_ids: Collection[int], now: datetime, until: datetime
) -> set[int]:
    """``take_lease`` for many rows in one UPDATE; the ids whose lease this call took."""
    if not outbox_ids:
        return set()
    result = await session.execute(
        update(Outbox)
        .where(
            Outbox.id.in_(outbox_ids),
            Outbox.status == OutboxStatus.PENDING,
            or_(Outbox.lease_until.is_(None), Outbox.lease_until <= now),
        )
        .values(lease_until=until, attempts=Outbox.attempts + 1)
        .returning(Outbox.id)
        .execution_options(synchronize_session=False)
    )
    return set(result.scalars().all())
