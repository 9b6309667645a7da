"""Cautions: the exercises a chat said hurt, and the day each was told (``bot.coach.cautions`` leaves them
out of its sessions). Each function takes the session first and never commits: the caller owns the
transaction. Results are plain values."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Caution


async def tell(session: AsyncSession, chat_id: int, exercise: str, day: date) -> None:
    """Caution ``exercise`` from ``day``; told again, the day moves (the last telling is the one to date).
    Chat updates run one at a time, so a delete then an insert cannot race another of the same chat."""
    await session.execute(delete(Caution).where(Caution.chat_id == chat_id, Caution.exercise == exercise))
    session.add(Caution(chat_id=chat_id, exercise=exercise, told_on=day))
    await session.flush()


async def told(session: AsyncSession, chat_id: int) -> dict[str, date]:
    """The chat's cautioned exercises, each with the day it was told, in the order told."""
    result = await session.execute(
        select(Caution.exercise, Caution.told_on)
        .where(Caution.chat_id == chat_id)
        .order_by(Caution.told_on, Caution.id)
    )
    return {exercise: day for exercise, day in result.all()}


async def told_by_chat(session: AsyncSession, chat_ids: Collection[int]) -> dict[int, dict[str, date]]:
    """``told`` for a batch of chats (the reminders' previews), in one query; a chat with none is absent."""
    if not chat_ids:
        return {}
    result = await session.execute(
        select(Caution.chat_id, Caution.exercise, Caution.told_on)
        .where(Caution.chat_id.in_(chat_ids))
        .order_by(Caution.chat_id, Caution.told_on, Caution.id)
    )
    found: dict[int, dict[str, date]] = {}
    for chat_id, exercise, day in result.all():
        found.setdefault(chat_id, {})[exercise] = day
    return found


async def clear(session: AsyncSession, chat_id: int, exercise: str) -> bool:
    """Lift the caution on ``exercise``; False when there was none (already cleared, or never told)."""
    result = await session.execute(
        delete(Caution).where(Caution.chat_id == chat_id, Caution.exercise == exercise)
    )
    return bool(getattr(result, "rowcount", 0))
