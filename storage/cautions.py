"""Cautions: the exercises a chat said hurts, the day each was told and whether in the lower back
(``bot.coach.cautions`` leaves them out of its sessions), and the day each was cleared. A cleared caution
keeps its row: the first session back after it holds the last load and reps. Each function takes the
session first and never commits: the caller owns the transaction. Results are plain values."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Caution, LoggedSet
from storage.records import Told


async def tell(
    session: AsyncSession,
    chat_id: int,
    exercise: str,
    day: date,
    *,
    lower_back: bool = False,
    body_part: str | None = None,
    by_part: bool = False,
) -> None:
    """Caution ``exercise`` from ``day``; told again, the day moves (the last telling is the one to date)
    and a clearing is lifted. ``by_part``: told of the body part and a kind of move, the exercise standing
    for the kind. Chat updates run one at a time, so a delete then an insert cannot race another of the
    same chat."""
    await session.execute(delete(Caution).where(Caution.chat_id == chat_id, Caution.exercise == exercise))
    session.add(
        Caution(
            chat_id=chat_id,
            exercise=exercise,
            told_on=day,
            lower_back=lower_back,
            body_part=body_part,
            by_part=by_part,
        )
    )
    await session.flush()


# A caution's columns in ``Told``'s order.
_TOLD = (Caution.told_on, Caution.lower_back, Caution.cleared_on, Caution.body_part, Caution.by_part)


async def told(session: AsyncSession, chat_id: int) -> dict[str, Told]:
    """The chat's cautions, cleared or not, each as told, in the order told."""
    result = await session.execute(
        select(Caution.exercise, *_TOLD)
        .where(Caution.chat_id == chat_id)
        .order_by(Caution.told_on, Caution.id)
    )
    return {
        exercise: Told(day, low, cleared, part, by_part)
        for exercise, day, low, cleared, part, by_part in result.all()
    }


async def told_by_chat(
    session: AsyncSession, chat_ids: Collection[int], since: date | None = None
) -> dict[int, dict[str, Told]]:
    """The cautions of a batch of chats that leave something out of a session on ``since`` or later (the
    reminders' previews), in one query: those not cleared, and those cleared on ``since`` or later (the
    day it is cleared still leaves its exercise out, ``Told.in_force``); a chat with none is absent."""
    if not chat_ids:
        return {}
    still = Caution.cleared_on.is_(None)
    result = await session.execute(
        select(Caution.chat_id, Caution.exercise, *_TOLD)
        .where(
            Caution.chat_id.in_(chat_ids), still if since is None else or_(still, Caution.cleared_on >= since)
        )
        .order_by(Caution.chat_id, Caution.told_on, Caution.id)
    )
    found: dict[int, dict[str, Told]] = {}
    for chat_id, exercise, day, low, cleared, part, by_part in result.all():
        found.setdefault(chat_id, {})[exercise] = Told(day, low, cleared, part, by_part)
    return found


async def clear(session: AsyncSession, chat_id: int, exercise: str, day: date) -> bool:
    """Lift the caution on ``exercise`` after ``day``, the last day it leaves the exercise out (``Told``:
    the day "It's fine now" was said, or the day before when nothing of that day was logged yet); False when
    there was none in force (already cleared, or never told)."""
    result = await session.execute(
        update(Caution)
        .where(Caution.chat_id == chat_id, Caution.exercise == exercise, Caution.cleared_on.is_(None))
        .values(cleared_on=day)
    )
    return bool(getattr(result, "rowcount", 0))


async def ever_logged(session: AsyncSession, chat_id: int, exercises: Collection[str]) -> frozenset[str]:
    """Which of ``exercises`` the chat has logged a set of, any day: one never logged has no "last time"
    for its first session back after a pain to be lighter than."""
    if not exercises:
        return frozenset()
    result = await session.scalars(
        select(LoggedSet.exercise)
        .where(LoggedSet.chat_id == chat_id, LoggedSet.exercise.in_(exercises))
        .distinct()
    )
    return frozenset(result.all())
