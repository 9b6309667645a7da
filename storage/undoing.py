"""Taking back what was logged: /undo, the Undo buttons and the question /undo asks before a log of several
lifts. Removing the rows is the whole of an undo: streaks, records and the next prescription are all
derived from the log. Each function takes the session first and never commits: the caller owns the
transaction.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.logbook import KEPT_COLUMNS, SET_COLUMNS, SetRow, keep_replaced, members_day, sets_where
from storage.models import LoggedSet, ReplacedSet, WorkoutLog
from storage.records import SetOrigin


class Undone(NamedTuple):
    """What an undo took back: the sets (in the order logged), whether the day's session went too, and the
    As written sets the batch taken back had replaced, logged again (``logbook.replace_assumed``)."""

    sets: list[SetRow]
    session: bool
    restored: tuple[SetRow, ...] = ()
    relogged: tuple[SetRow, ...] = ()
    """The typed sets the batch taken back had taken the place of (🔁 Replace), logged again."""


Settled = tuple[tuple[SetRow, ...], tuple[SetRow, ...]]


async def _settle_replaced(session: AsyncSession, log: WorkoutLog, logged_at: datetime) -> Settled:
    """After the batch of ``logged_at`` left ``log``: the sets it had replaced come back, each exercise's
    unless it still has sets (a later /log of it: the day is not left without it), and the replaced sets of
    As written's own batch go with it. Returns the sets logged again, in their order: As written's, and the
    typed ones a 🔁 Replace took out (with their own origin, kept since 0018; before it only As written's
    were replaced)."""
    await session.execute(
        delete(ReplacedSet).where(ReplacedSet.workout_log_id == log.id, ReplacedSet.logged_at == logged_at)
    )
    replaced = (
        await session.scalars(
            select(ReplacedSet)
            .where(ReplacedSet.workout_log_id == log.id, ReplacedSet.replaced_at == logged_at)
            .order_by(ReplacedSet.id)
        )
    ).all()
    if not replaced:
        return (), ()
    still = set(
        (
            await session.scalars(
                select(LoggedSet.exercise).where(
                    LoggedSet.workout_log_id == log.id,
                    LoggedSet.exercise.in_({row.exercise for row in replaced}),
                )
            )
        ).all()
    )
    restored: list[SetRow] = []
    relogged: list[SetRow] = []
    for row in replaced:
        if row.exercise not in still:
            origin = row.origin or SetOrigin.AS_WRITTEN
            back = _log_again(session, row, log, origin)
            (relogged if origin is SetOrigin.TYPED else restored).append(back)
        await session.delete(row)
    await session.flush()
    return tuple(restored), tuple(relogged)


def _log_again(
    session: AsyncSession, copy: ReplacedSet, log: WorkoutLog, origin: SetOrigin, number: int | None = None
) -> SetRow:
    """Log the replaced set ``copy`` again into ``log`` (as set ``number`` when given): the set as logged."""
    kept = {column: getattr(copy, column) for column in KEPT_COLUMNS}
    if number is not None:
        kept["set_number"] = number
    session.add(LoggedSet(**kept, origin=origin))
    return SetRow(log.local_date, copy.user_id, log.user_name, *(kept[column] for column in SET_COLUMNS))


async def _members_log(session: AsyncSession, chat_id: int, day: date, user_id: int) -> WorkoutLog | None:
    return await session.scalar(select(WorkoutLog).where(members_day(chat_id, day, user_id)))


async def _copies(session: AsyncSession, log: WorkoutLog, replaced_at: datetime) -> Sequence[ReplacedSet]:
    """The sets kept as replaced at ``replaced_at`` (a correction or a lift taken off), in set order."""
    return (
        await session.scalars(
            select(ReplacedSet)
            .where(ReplacedSet.workout_log_id == log.id, ReplacedSet.replaced_at == replaced_at)
            .order_by(ReplacedSet.set_number)
        )
    ).all()


class Uncorrected(NamedTuple):
    """What taking back a correction of ``exercise`` did: the sets as they were put back, or, when a later
    correction of the same sets stands, nothing (``later``)."""

    exercise: str
    sets: tuple[SetRow, ...]
    later: bool = False


async def undo_correction(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, corrected_at: datetime
) -> Uncorrected | None:
    """Put back the values the correction of ``corrected_at`` changed (``logbook.correct_sets``) in the sets
    still logged as it left them: None when there are none (taken back already, or their log undone)."""
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return None
    copies = await _copies(session, log, corrected_at)
    kept: list[tuple[ReplacedSet, LoggedSet]] = []
    for copy in copies:
        row = await session.scalar(
            select(LoggedSet).where(
                LoggedSet.workout_log_id == log.id,
                LoggedSet.exercise == copy.exercise,
                LoggedSet.set_number == copy.set_number,
                LoggedSet.logged_at == copy.logged_at,
            )
        )
        if row is not None:
            kept.append((copy, row))
    if not kept:
        return None
    later = await session.scalar(
        select(func.count(ReplacedSet.id)).where(
            ReplacedSet.workout_log_id == log.id,
            ReplacedSet.exercise == kept[0][0].exercise,
            ReplacedSet.set_number.in_([copy.set_number for copy, _ in kept]),
            ReplacedSet.replaced_at > corrected_at,
        )
    )
    if later:
        return Uncorrected(kept[0][0].exercise, (), later=True)
    back: list[SetRow] = []
    for copy, row in kept:
        row.reps, row.load, row.unit = copy.reps, copy.load, copy.unit
        back.append(SetRow(day, user_id, log.user_name, *(getattr(copy, column) for column in SET_COLUMNS)))
    for copy in copies:
        await session.delete(copy)
    await session.flush()
    return Uncorrected(kept[0][0].exercise, tuple(back))


async def undo_day(session: AsyncSession, chat_id: int, day: date, *, user_id: int) -> Undone | None:
    """Remove the member's session of ``day`` and its sets: what went, or None if nothing was logged.

    Streaks, records and the next prescription are all derived from the log, so removing the rows is
    the whole of an undo.
    """
    log_id = await session.scalar(select(WorkoutLog.id).where(members_day(chat_id, day, user_id)))
    if log_id is None:
        return None
    removed = await sets_where(session, LoggedSet.workout_log_id == log_id)
    # Both deletes are explicit: the database's cascade would do the sets too, but the ORM session
    # must not keep stale LoggedSet objects around either way.
    await session.execute(delete(LoggedSet).where(LoggedSet.workout_log_id == log_id))
    await session.execute(delete(ReplacedSet).where(ReplacedSet.workout_log_id == log_id))
    await session.execute(delete(WorkoutLog).where(WorkoutLog.id == log_id))
    return Undone(removed, session=True)


async def _last_batch(
    session: AsyncSession, chat_id: int, day: date, user_id: int
) -> tuple[WorkoutLog, ColumnElement[bool] | None, datetime | None] | None:
    """The member's session of ``day`` and which of its sets are the most recent log (None: the whole
    session is, it being a bare Done or created or completed by its latest batch), or None without one."""
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return None
    latest = await session.scalar(
        select(func.max(LoggedSet.logged_at)).where(LoggedSet.workout_log_id == log.id)
    )
    if latest is None or latest == log.logged_at:
        return log, None, None
    return log, (LoggedSet.workout_log_id == log.id) & (LoggedSet.logged_at == latest), latest


async def last_entry(session: AsyncSession, chat_id: int, day: date, *, user_id: int) -> Undone | None:
    """What ``undo_last_entry`` would take back, taking nothing: /undo asks before a log of several lifts."""
    found = await _last_batch(session, chat_id, day, user_id)
    if found is None:
        return None
    log, batch, _ = found
    if batch is None:
        return Undone(await sets_where(session, LoggedSet.workout_log_id == log.id), session=True)
    return Undone(await sets_where(session, batch), session=False)


async def undo_last_entry(session: AsyncSession, chat_id: int, day: date, *, user_id: int) -> Undone | None:
    """Remove the member's most recent log of ``day``: what went, or None if nothing was logged.

    The most recent log is the last batch of sets (one ``/log`` or one "As written"), and with it the
    session row if that batch created it, or completed a bare Done (``log_sets``' ``completes_done``);
    a session with no sets (a bare Done) goes as a whole. Which batch created the session is read from
    the times: a session and the sets that created or completed it share their ``logged_at``.
    """
    found = await _last_batch(session, chat_id, day, user_id)
    if found is None:
        return None
    log, batch, latest = found
    if batch is None or latest is None:
        return await undo_day(session, chat_id, day, user_id=user_id)
    removed = await sets_where(session, batch)
    await session.execute(delete(LoggedSet).where(batch))
    return Undone(removed, False, *await _settle_replaced(session, log, latest))


async def undo_batch(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, logged_at: datetime
) -> Undone | None:
    """Remove the member's batch of sets logged at ``logged_at`` into the session of ``day`` (what one /log
    or one "As written" added, named by its time as ``undo_last_entry`` names the latest), or the bare Done
    that opened the session at ``logged_at`` (a batch of no sets): what went, or None when no such batch is
    left (taken back already, or never the member's).

    The session goes with it when the batch created it and nothing else is left in it. When later batches
    are left, the session stays and is dated to the earliest of them, so that batch now counts as the one
    that created it (``undo_last_entry`` and /undo read it that way) and no bare Done appears from nowhere.
    """
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return None
    batch = (LoggedSet.workout_log_id == log.id) & (LoggedSet.logged_at == logged_at)
    removed = await sets_where(session, batch)
    if log.logged_at != logged_at:
        if not removed:
            # An As written batch a /log replaced all of: its sets went then, and can no longer come back.
            await _settle_replaced(session, log, logged_at)
            return None
        await session.execute(delete(LoggedSet).where(batch))
        return Undone(removed, False, *await _settle_replaced(session, log, logged_at))
    # The batch opened the session (its time is the session's own): a bare Done has no sets of its own.
    await session.execute(delete(LoggedSet).where(batch))
    restored = await _settle_replaced(session, log, logged_at)
    left = await session.scalar(
        select(func.min(LoggedSet.logged_at)).where(LoggedSet.workout_log_id == log.id)
    )
    if left is None:
        await session.execute(delete(ReplacedSet).where(ReplacedSet.workout_log_id == log.id))
        await session.execute(delete(WorkoutLog).where(WorkoutLog.id == log.id))
        return Undone(removed, session=True)
    log.logged_at = left
    return Undone(removed, False, *restored)


async def batch_logged_by(session: AsyncSession, chat_id: int, day: date, logged_at: datetime) -> int | None:
    """Who logged the sets of ``day`` at ``logged_at`` in the chat, or opened a session with a Done then
    (a group's Undo pressed by another member), or None when no such sets or session are left."""
    found = await session.scalar(
        select(LoggedSet.user_id)
        .join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)
        .where(LoggedSet.chat_id == chat_id, WorkoutLog.local_date == day, LoggedSet.logged_at == logged_at)
        .limit(1)
    )
    if found is None:
        found = await session.scalar(
            select(WorkoutLog.user_id)
            .where(
                WorkoutLog.chat_id == chat_id, WorkoutLog.local_date == day, WorkoutLog.logged_at == logged_at
            )
            .limit(1)
        )
    return None if found is None else int(found)


async def latest_logged(
    session: AsyncSession, chat_id: int, *, user_id: int, days: Collection[date], today: date, since: datetime
) -> tuple[date, datetime] | None:
    """The day of what the member logged last, by when it was logged, and when that was (its session opened
    or its latest sets added); None when nothing counts.

    A backdated session ("I trained yesterday") logged after today's sets is the last thing logged. Only
    sessions of ``days`` are looked at, and of those not dated ``today`` only ones logged (or added to)
    from ``since`` on: an undo takes back what was logged today, not last week.
    """
    found = (
        await session.execute(
            select(WorkoutLog.id, WorkoutLog.local_date, WorkoutLog.logged_at, func.max(LoggedSet.logged_at))
            .outerjoin(LoggedSet, LoggedSet.workout_log_id == WorkoutLog.id)
            .where(
                WorkoutLog.chat_id == chat_id,
                WorkoutLog.user_id == user_id,
                WorkoutLog.local_date.in_(list(days)),
            )
            .group_by(WorkoutLog.id, WorkoutLog.local_date, WorkoutLog.logged_at)
        )
    ).all()
    latest = [
        (max(opened, added or opened), log_id, day)
        for log_id, day, opened, added in found
        if day == today or max(opened, added or opened) >= since
    ]
    if not latest:
        return None
    when, _, day = max(latest)
    return day, when


async def undo_latest(
    session: AsyncSession, chat_id: int, *, user_id: int, days: Collection[date], today: date, since: datetime
) -> tuple[date, Undone] | None:
    """Remove what the member logged last (``latest_logged``' rules): the day it was for and what went."""
    found = await latest_logged(session, chat_id, user_id=user_id, days=days, today=today, since=since)
    if found is None:
        return None
    undone = await undo_last_entry(session, chat_id, found[0], user_id=user_id)
    return None if undone is None else (found[0], undone)


async def entries(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, exercise: str
) -> list[tuple[datetime, list[SetRow]]]:
    """The member's entries of ``exercise`` on ``day``: each batch that logged some of its sets (a /log, As
    written, a button), named by the time it was logged, with those sets, in the order logged."""
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return []
    lift = (LoggedSet.workout_log_id == log.id) & (LoggedSet.exercise == exercise)
    stamps = (await session.scalars(select(LoggedSet.logged_at).where(lift).order_by(LoggedSet.id))).all()
    return [
        (at, await sets_where(session, lift & (LoggedSet.logged_at == at))) for at in dict.fromkeys(stamps)
    ]


async def take_off(
    session: AsyncSession,
    chat_id: int,
    day: date,
    *,
    user_id: int,
    exercise: str,
    now: datetime,
    entry: datetime | None = None,
) -> list[SetRow]:
    """Take the member's sets of ``exercise`` on ``day`` off the log, whichever batches logged them, or only
    the ``entry`` logged at that time (``entries``), keeping a copy of each as replaced at ``now``, which
    names the taking off for its own undo (``put_back``). The day's session stays, with the rest of its sets
    (none: it counts as a bare Done, as /undo reads it). Returns the sets taken off, in their order; none
    when there were none."""
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return []
    lift = (LoggedSet.workout_log_id == log.id) & (LoggedSet.exercise == exercise)
    if entry is not None:
        lift &= LoggedSet.logged_at == entry
    taken: list[SetRow] = []
    for row, was in await keep_replaced(
        session, lift, LoggedSet.set_number, now=now, owner=(day, user_id, log.user_name)
    ):
        taken.append(was)
        await session.delete(row)
    await session.flush()
    return taken


async def taken_off(session: AsyncSession, chat_id: int, day: date, *, user_id: int) -> frozenset[str]:
    """The exercises the member took off the day's log (``take_off``) and has not logged again since: a copy
    of their sets is kept, and none of them is logged. As written leaves them out: a lift the trainee said
    they did not do is not to be logged as done by the next press. (A correction's copies are of sets still
    logged, an As written set a typed log replaced has that log's sets beside it: neither is taken off.)"""
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return frozenset()
    kept = set(
        (
            await session.scalars(select(ReplacedSet.exercise).where(ReplacedSet.workout_log_id == log.id))
        ).all()
    )
    if not kept:
        return frozenset()
    logged = (
        await session.scalars(
            select(LoggedSet.exercise).where(LoggedSet.workout_log_id == log.id, LoggedSet.exercise.in_(kept))
        )
    ).all()
    return frozenset(kept - set(logged))


async def put_back(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, taken_at: datetime
) -> list[SetRow] | None:
    """Log again the sets ``take_off`` took off at ``taken_at``, in their batches (each batch's own Undo takes
    them back again), after any of the lift logged since; None when none are left to put back (put back
    already, or the day's session undone since)."""
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return None
    copies = await _copies(session, log, taken_at)
    logged = (
        await session.execute(
            select(LoggedSet.exercise, LoggedSet.set_number, LoggedSet.logged_at, LoggedSet.origin).where(
                LoggedSet.workout_log_id == log.id
            )
        )
    ).all()
    # A copy of a set still logged is a correction's, not one taken off: never logged twice.
    still = {(row.exercise, row.set_number, row.logged_at) for row in logged}
    copies = [copy for copy in copies if (copy.exercise, copy.set_number, copy.logged_at) not in still]
    if not copies:
        return None
    numbers = {(row.exercise, row.set_number) for row in logged}
    origins = {row.logged_at: row.origin for row in logged}
    last = max((number for ex, number in numbers if ex == copies[0].exercise), default=0)
    back: list[SetRow] = []
    for copy in copies:
        moved: int | None = None
        if (copy.exercise, copy.set_number) in numbers:
            last += 1
            moved = last
        # A copy kept before 0018 has no origin: its batch's other sets say whether As written logged it.
        origin = copy.origin or origins.get(copy.logged_at, SetOrigin.TYPED)
        back.append(_log_again(session, copy, log, origin, moved))
        await session.delete(copy)
    await session.flush()
    return back


class LiftDay(NamedTuple):
    """One lift's sets of a member's day (in the order logged), whether the member typed any of them, and a
    fingerprint of them (their ids and times logged): a log, an undo or a 🔁 Replace of the lift since
    changes it, so a question asked about the sets knows when it was answered already
    (``bot.handlers.relog``). Ids alone would not do: SQLite gives a deleted set's id to the next one."""

    sets: list[SetRow]
    typed: bool
    mark: int


# The fingerprint's size: five base-36 digits in a button.
MARKS = 36**5


async def lift_day(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, exercise: str
) -> LiftDay | None:
    """The member's sets of ``exercise`` on ``day`` (``LiftDay``), or None when there are none."""
    log = await _members_log(session, chat_id, day, user_id)
    if log is None:
        return None
    lift = (LoggedSet.workout_log_id == log.id) & (LoggedSet.exercise == exercise)
    query = select(LoggedSet.id, LoggedSet.logged_at, LoggedSet.origin).where(lift).order_by(LoggedSet.id)
    found = (await session.execute(query)).all()
    if not found:
        return None
    typed = any(origin == SetOrigin.TYPED for _, _, origin in found)
    told = ";".join(f"{row_id}@{when.isoformat()}" for row_id, when, _ in found)
    return LiftDay(await sets_where(session, lift), typed, zlib.crc32(told.encode()) % MARKS)
