"""Queries. Each takes the session first and never commits: the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat, Outbox, Pause, WorkoutLog, utcnow


def _insert(session: AsyncSession, table: type[Chat] | type[WorkoutLog]) -> sqlite.Insert | postgresql.Insert:
    # Both dialects spell "insert unless it exists" the same way; pick the one for this connection.
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


async def get_chat(session: AsyncSession, chat_id: int) -> Chat | None:
    return await session.get(Chat, chat_id)


async def get_or_create_chat(
    session: AsyncSession, chat_id: int, *, kind: str, title: str | None, timezone: str
) -> Chat:
    """The chat row, created on first contact; safe when two updates of a new chat race."""
    chat = await session.get(Chat, chat_id)
    if chat is not None:
        return chat
    statement = _insert(session, Chat).values(
        id=chat_id, kind=kind, title=title, timezone=timezone, onboarding_step="level"
    )
    await session.execute(statement.on_conflict_do_nothing(index_elements=[Chat.id]))
    chat = await session.get(Chat, chat_id)
    assert chat is not None
    return chat


async def lock_chat(session: AsyncSession, chat_id: int) -> Chat | None:
    """The chat row locked for update (PostgreSQL), so concurrent edits of one chat serialise."""
    result = await session.execute(
        select(Chat).where(Chat.id == chat_id).with_for_update().execution_options(populate_existing=True)
    )
    return result.scalar_one_or_none()


async def touch_interaction(session: AsyncSession, chat_id: int) -> None:
    """Any sign of life resets the ignored-reminder count (only writes when there is something to reset)."""
    await session.execute(update(Chat).where(Chat.id == chat_id, Chat.unanswered > 0).values(unanswered=0))


async def deactivate_chat(session: AsyncSession, chat_id: int) -> None:
    await session.execute(update(Chat).where(Chat.id == chat_id).values(active=False, next_reminder_at=None))


async def migrate_chat(session: AsyncSession, old_id: int, new_id: int) -> None:
    """A group became a supergroup: keep its history under the new id."""
    if await session.get(Chat, new_id) is not None:
        await session.execute(delete(Chat).where(Chat.id == old_id))
        return
    await session.execute(update(Chat).where(Chat.id == old_id).values(id=new_id, kind="supergroup"))


async def log_workout(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, user_name: str | None
) -> bool:
    """Record that the member trained on that local day; False if it was already recorded."""
    earlier_days = await session.scalar(
        select(func.count(func.distinct(WorkoutLog.local_date))).where(
            WorkoutLog.chat_id == chat_id, WorkoutLog.local_date < day
        )
    )
    statement = (
        _insert(session, WorkoutLog)
        .values(
            chat_id=chat_id,
            local_date=day,
            user_id=user_id,
            user_name=user_name,
            session_number=(earlier_days or 0) + 1,
            logged_at=utcnow(),
        )
        .on_conflict_do_nothing(
            index_elements=[WorkoutLog.chat_id, WorkoutLog.local_date, WorkoutLog.user_id]
        )
    )
    result = await session.execute(statement)
    return bool(getattr(result, "rowcount", 0))


async def logged_days(session: AsyncSession, chat_id: int) -> list[date]:
    result = await session.scalars(
        select(WorkoutLog.local_date)
        .where(WorkoutLog.chat_id == chat_id)
        .distinct()
        .order_by(WorkoutLog.local_date)
    )
    return list(result)


async def sessions_done(session: AsyncSession, chat_id: int) -> int:
    count = await session.scalar(
        select(func.count(func.distinct(WorkoutLog.local_date))).where(WorkoutLog.chat_id == chat_id)
    )
    return count or 0


async def is_logged(session: AsyncSession, chat_id: int, day: date) -> bool:
    found = await session.scalar(
        select(WorkoutLog.id).where(WorkoutLog.chat_id == chat_id, WorkoutLog.local_date == day).limit(1)
    )
    return found is not None


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
    """Cut short any pause still running, so resuming early does not shield the weeks after it."""
    await session.execute(
        update(Pause).where(Pause.chat_id == chat_id, Pause.end_date > last_day).values(end_date=last_day)
    )


async def pause_ranges(session: AsyncSession, chat_id: int) -> list[tuple[date, date]]:
    result = await session.execute(
        select(Pause.start_date, Pause.end_date).where(Pause.chat_id == chat_id).order_by(Pause.start_date)
    )
    return [(start, end) for start, end in result.all()]


async def outbox_rows(session: AsyncSession, chat_id: int) -> Sequence[Outbox]:
    result = await session.scalars(select(Outbox).where(Outbox.chat_id == chat_id).order_by(Outbox.id))
    return result.all()
