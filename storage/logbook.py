"""The set log: what each member lifted, and removing it again (/forget; an undo is ``storage.undoing``).

Kept apart from ``storage.repo`` (sessions, reminders, the outbox) because it is a feature of its own
with its own readers: progression, records, /history, /progress and /export. Each function takes the
session first and never commits: the caller owns the transaction. Results are plain tuples, so the
pure coaching logic works on them without knowing about the ORM.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from storage import repo
from storage.models import Base, Chat, LoggedSet, ReplacedSet, ShortSession, WorkoutLog
from storage.records import SetOrigin

UNITS = ("kg", "lb")


class NewSet(NamedTuple):
    """A set to log; its number within the day's exercise is given on insert. A timed hold has
    ``seconds`` and 0 reps; ``origin`` says whether the member typed it or As written assumed it."""

    exercise: str
    reps: int
    load: float | None
    unit: str
    rir: int | None = None
    note: str | None = None
    seconds: int | None = None
    origin: SetOrigin = SetOrigin.TYPED


class SetRow(NamedTuple):
    """A logged set with the day and member it belongs to."""

    day: date
    user_id: int
    user_name: str | None
    exercise: str
    set_number: int
    reps: int
    load: float | None
    unit: str
    rir: int | None
    note: str | None
    seconds: int | None


class SessionSets(NamedTuple):
    """One member's session on one day and every set logged in it (possibly none: "Done" alone)."""

    day: date
    user_id: int
    user_name: str | None
    session_number: int
    sets: list[SetRow]


# The columns of a SetRow, in its order.
_SET_ROWS = select(
    WorkoutLog.local_date,
    LoggedSet.user_id,
    WorkoutLog.user_name,
    LoggedSet.exercise,
    LoggedSet.set_number,
    LoggedSet.reps,
    LoggedSet.load,
    LoggedSet.unit,
    LoggedSet.rir,
    LoggedSet.note,
    LoggedSet.seconds,
).join(WorkoutLog, LoggedSet.workout_log_id == WorkoutLog.id)


def _set_row(row: Sequence[Any]) -> SetRow:
    return SetRow(*row)


_Earlier = aliased(WorkoutLog)


def _session_number() -> ColumnElement[int]:
    """A session's number, read when shown: the chat's logged days up to and including its day.

    The number stored on insert counts only the days logged before it then, so a backdated /done
    (or an undone earlier day) would leave two days with one number; counting at read time numbers
    sessions in date order whatever order they were logged in, the same count /done replies with.
    """
    return (
        select(func.count(func.distinct(_Earlier.local_date)))
        .where(_Earlier.chat_id == WorkoutLog.chat_id, _Earlier.local_date <= WorkoutLog.local_date)
        .correlate(WorkoutLog)
        .scalar_subquery()
    )


def members_day(chat_id: int, day: date, user_id: int) -> ColumnElement[bool]:
    """The member's session of ``day`` in the chat: what a log, an undo and a day's sets are about."""
    return (WorkoutLog.chat_id == chat_id) & (WorkoutLog.local_date == day) & (WorkoutLog.user_id == user_id)


async def log_sets(
    session: AsyncSession,
    chat_id: int,
    day: date,
    *,
    user_id: int,
    user_name: str | None,
    sets: Sequence[NewSet],
    now: datetime,
    completes_done: bool = False,
) -> list[SetRow]:
    """Log sets in the member's session of ``day``, creating that session if it is the first log.

    Sets of an exercise already logged that day continue its numbering (a second ``/log row`` adds
    sets 4-6, it does not clash with 1-3). Returns the rows as stored, set numbers included.

    ``completes_done``: the sets are a Done's own (its message's As written or Save). Into a bare Done
    they and the Done become one entry, as that message's Undo treats them: the session takes their
    time, so an undo takes both back (a /log after a Done stays an entry of its own).
    """
    if any(new.unit not in UNITS for new in sets):
        raise ValueError(f"unit must be one of {UNITS}")
    await repo.log_workout(session, chat_id, day, user_id=user_id, user_name=user_name, now=now)
    log_id = await session.scalar(select(WorkoutLog.id).where(members_day(chat_id, day, user_id)))
    assert log_id is not None, "log_workout inserted the row or found it"
    if completes_done:
        bare = ~exists().where(LoggedSet.workout_log_id == log_id)
        await session.execute(update(WorkoutLog).where(WorkoutLog.id == log_id, bare).values(logged_at=now))
    exercises = {new.exercise for new in sets}
    numbered = await session.execute(
        select(LoggedSet.exercise, func.max(LoggedSet.set_number))
        .where(LoggedSet.workout_log_id == log_id, LoggedSet.exercise.in_(exercises))
        .group_by(LoggedSet.exercise)
    )
    last_number: dict[str, int] = {exercise: number for exercise, number in numbered.all()}
    stored: list[SetRow] = []
    for new in sets:
        number = last_number.get(new.exercise, 0) + 1
        last_number[new.exercise] = number
        session.add(
            LoggedSet(
                chat_id=chat_id,
                workout_log_id=log_id,
                user_id=user_id,
                exercise=new.exercise,
                set_number=number,
                reps=new.reps,
                load=new.load,
                unit=new.unit,
                rir=new.rir,
                note=new.note,
                seconds=new.seconds,
                logged_at=now,
                origin=new.origin,
            )
        )
        stored.append(SetRow(day, user_id, user_name, new.exercise, number, *new[1:-1]))
    await session.flush()
    return stored


async def replace_assumed(
    session: AsyncSession,
    chat_id: int,
    day: date,
    *,
    user_id: int,
    exercises: Collection[str],
    now: datetime,
    replacing: Collection[str] = (),
) -> dict[str, list[SetRow]]:
    """Take out of the member's session of ``day`` the sets of each of ``exercises`` that the day holds
    only As written's (assumed) sets of, keeping them as replaced at ``now`` (the typed batch about to be
    logged then, which an undo of brings them back): per exercise, the sets taken out, in the order logged.

    An exercise with a set the member typed that day keeps all its sets: a second /log adds to the first,
    unless the member chose 🔁 Replace for it (``replacing``): then every set of it goes, typed ones too.
    """
    log_id = await session.scalar(select(WorkoutLog.id).where(members_day(chat_id, day, user_id)))
    if log_id is None or not (exercises or replacing):
        return {}
    typed = (
        select(LoggedSet.exercise)
        .where(LoggedSet.workout_log_id == log_id, LoggedSet.origin == SetOrigin.TYPED)
        .distinct()
    )
    assumed = and_(
        LoggedSet.workout_log_id == log_id,
        or_(
            and_(LoggedSet.exercise.in_(exercises), LoggedSet.exercise.not_in(typed)),
            LoggedSet.exercise.in_(replacing),
        ),
    )
    replaced: dict[str, list[SetRow]] = {}
    for row, was in await keep_replaced(session, assumed, LoggedSet.id, now=now, owner=(day, user_id, None)):
        replaced.setdefault(row.exercise, []).append(was)
        await session.delete(row)
    await session.flush()
    return replaced


async def correct_sets(
    session: AsyncSession,
    chat_id: int,
    day: date,
    *,
    user_id: int,
    exercise: str,
    numbers: Collection[int],
    now: datetime,
    load: tuple[float, str] | None = None,
    reps: int | None = None,
) -> list[SetRow]:
    """Give the member's sets ``numbers`` of ``exercise`` on ``day`` the corrected ``load`` (and its unit)
    or ``reps``, in place: they stay in the batch that logged them (its Undo takes them back as corrected),
    and a copy of each as it was is kept as replaced at ``now``, which names the correction for its own
    undo (``undoing.undo_correction``). Returns the sets as they were, in their order; none when gone."""
    log_id = await session.scalar(select(WorkoutLog.id).where(members_day(chat_id, day, user_id)))
    named = and_(
        LoggedSet.workout_log_id == log_id,
        LoggedSet.exercise == exercise,
        LoggedSet.set_number.in_(list(numbers)),
    )
    before: list[SetRow] = []
    for row, was in await keep_replaced(
        session, named, LoggedSet.set_number, now=now, owner=(day, user_id, None)
    ):
        before.append(was)
        if load is not None:
            row.load, row.unit = load
        if reps is not None:
            row.reps = reps
    await session.flush()
    return before


# What a replaced set keeps of its logged set (all but its id; its origin too, in ``keep_replaced``), and a
# SetRow's columns of it.
SET_COLUMNS = ("exercise", "set_number", "reps", "load", "unit", "rir", "note", "seconds")
KEPT_COLUMNS = ("chat_id", "workout_log_id", "user_id", *SET_COLUMNS, "logged_at")


async def keep_replaced(
    session: AsyncSession,
    where: ColumnElement[bool],
    order: InstrumentedAttribute[int],
    *,
    now: datetime,
    owner: tuple[date, int, str | None],
) -> list[tuple[LoggedSet, SetRow]]:
    """The logged sets ``where`` says, in ``order``, each with a copy of it kept as replaced at ``now``: that
    time names what replaces or changes them (a typed /log, a correction, a lift taken off) for its own undo.
    Each comes with the set as it was, of ``owner`` (its day, member and member's name)."""
    found = (await session.scalars(select(LoggedSet).where(where).order_by(order))).all()
    kept_rows: list[tuple[LoggedSet, SetRow]] = []
    for row in found:
        kept = {column: getattr(row, column) for column in KEPT_COLUMNS}
        session.add(ReplacedSet(**kept, replaced_at=now, origin=row.origin))
        kept_rows.append((row, SetRow(*owner, *(kept[column] for column in SET_COLUMNS))))
    return kept_rows


async def sets_where(session: AsyncSession, where: ColumnElement[bool]) -> list[SetRow]:
    """The logged sets ``where`` says, in the order logged."""
    rows = await session.execute(_SET_ROWS.where(where).order_by(LoggedSet.id))
    return [_set_row(row) for row in rows.all()]


async def recent_sessions(
    session: AsyncSession, chat_id: int, *, limit: int = 10, user_id: int | None = None
) -> list[SessionSets]:
    """The last ``limit`` sessions (newest first), each with its sets in the order they were logged.

    In a group without ``user_id`` every member's session counts as one; with it, only that member's.
    """
    logs = select(WorkoutLog).where(WorkoutLog.chat_id == chat_id)
    if user_id is not None:
        logs = logs.where(WorkoutLog.user_id == user_id)
    found = (
        await session.execute(
            logs.add_columns(_session_number())
            .order_by(WorkoutLog.local_date.desc(), WorkoutLog.id.desc())
            .limit(limit)
        )
    ).all()
    if not found:
        return []
    by_log = {
        log.id: SessionSets(log.local_date, log.user_id, log.user_name, number, []) for log, number in found
    }
    rows = await session.execute(
        _SET_ROWS.add_columns(LoggedSet.workout_log_id)
        .where(LoggedSet.workout_log_id.in_(by_log))
        .order_by(LoggedSet.id)
    )
    for *fields, log_id in rows.all():
        by_log[log_id].sets.append(_set_row(fields))
    return list(by_log.values())


async def exercise_history(
    session: AsyncSession, chat_id: int, user_id: int, exercises: Collection[str] | None = None
) -> dict[str, list[SetRow]]:
    """Every set the member logged, per exercise, oldest first: the input of progression and records."""
    query = _SET_ROWS.where(LoggedSet.chat_id == chat_id, LoggedSet.user_id == user_id)
    if exercises is not None:
        query = query.where(LoggedSet.exercise.in_(exercises))
    history: dict[str, list[SetRow]] = {}
    for row in (await session.execute(query.order_by(WorkoutLog.local_date, LoggedSet.id))).all():
        found = _set_row(row)
        history.setdefault(found.exercise, []).append(found)
    return history


async def export_rows(session: AsyncSession, chat_id: int, *, user_id: int | None = None) -> list[SetRow]:
    """Every set of the chat (or of one member), by day and in the order logged: one CSV row each."""
    query = _SET_ROWS.where(LoggedSet.chat_id == chat_id)
    if user_id is not None:
        query = query.where(LoggedSet.user_id == user_id)
    result = await session.execute(query.order_by(WorkoutLog.local_date, LoggedSet.id))
    return [_set_row(row) for row in result.all()]


async def member_days(session: AsyncSession, chat_id: int) -> dict[int, tuple[str | None, list[date]]]:
    """Each member's name (as last logged) and training days, oldest first: the group chart's lines."""
    result = await session.execute(
        select(WorkoutLog.user_id, WorkoutLog.user_name, WorkoutLog.local_date)
        .where(WorkoutLog.chat_id == chat_id)
        .order_by(WorkoutLog.local_date, WorkoutLog.id)
    )
    names: dict[int, str | None] = {}
    days: dict[int, list[date]] = {}
    for member, name, day in result.all():
        names[member] = name or names.get(member)
        days.setdefault(member, []).append(day)
    return {member: (names[member], days[member]) for member in days}


async def forget_chat(session: AsyncSession, chat_id: int) -> None:
    """Delete every row about the chat, in every table.

    Every table with a ``chat_id`` column is emptied of the chat explicitly, children first, rather
    than trusting each foreign key to cascade: a table added later without one is still covered.
    """
    for table in reversed(Base.metadata.sorted_tables):
        if "chat_id" in table.c:
            await session.execute(delete(table).where(table.c.chat_id == chat_id))
    await session.execute(delete(Chat).where(Chat.id == chat_id))


async def forget_member(session: AsyncSession, chat_id: int, user_id: int) -> None:
    """Delete one member's rows in a group (their sessions and sets); the group's own settings stay."""
    for table in reversed(Base.metadata.sorted_tables):
        if "chat_id" in table.c and "user_id" in table.c:
            await session.execute(
                delete(table).where(and_(table.c.chat_id == chat_id, table.c.user_id == user_id))
            )


class DayLog(NamedTuple):
    """A member's session of one day: which planned session it was, and how many sets it holds."""

    session_number: int
    sets: int


async def day_log(session: AsyncSession, chat_id: int, day: date, *, user_id: int) -> DayLog | None:
    row = (
        await session.execute(
            select(_session_number(), func.count(LoggedSet.id))
            .select_from(WorkoutLog)
            .outerjoin(LoggedSet, LoggedSet.workout_log_id == WorkoutLog.id)
            .where(members_day(chat_id, day, user_id))
            .group_by(WorkoutLog.id, WorkoutLog.chat_id, WorkoutLog.local_date)
        )
    ).first()
    return None if row is None else DayLog(row[0], row[1])


async def day_sets(session: AsyncSession, chat_id: int, day: date, *, user_id: int) -> list[SetRow]:
    """The member's sets of ``day``, in the order logged: what of that day's session is done."""
    return await sets_where(
        session,
        members_day(chat_id, day, user_id),
    )


async def days_sets(
    session: AsyncSession, chat_id: int, days: Collection[date], *, user_id: int
) -> dict[date, list[SetRow]]:
    """The member's sets of each of ``days``, in the order logged, in one query (what ``day_sets`` gives
    for one day)."""
    if not days:
        return {}
    where = (
        (WorkoutLog.chat_id == chat_id) & (WorkoutLog.user_id == user_id) & WorkoutLog.local_date.in_(days)
    )
    found: dict[date, list[SetRow]] = {day: [] for day in days}
    for row in await sets_where(session, where):
        found[row.day].append(row)
    return found


async def move_future_logs(session: AsyncSession, chat_id: int, today: date) -> int:
    """Re-date sessions logged after ``today`` (the chat's timezone moved back across midnight) to today.

    A member who also logged today keeps one session: the later one's sets join it, numbered after
    today's. Returns how many sessions moved.
    """
    future = (
        await session.scalars(
            select(WorkoutLog)
            .where(WorkoutLog.chat_id == chat_id, WorkoutLog.local_date > today)
            .order_by(WorkoutLog.local_date, WorkoutLog.id)
        )
    ).all()
    for log in future:
        kept = await session.scalar(
            select(WorkoutLog.id).where(
                WorkoutLog.chat_id == chat_id,
                WorkoutLog.local_date == today,
                WorkoutLog.user_id == log.user_id,
            )
        )
        if kept is None:
            log.local_date = today
            await session.flush()
            continue
        numbered = await session.execute(
            select(LoggedSet.exercise, func.max(LoggedSet.set_number))
            .where(LoggedSet.workout_log_id == kept)
            .group_by(LoggedSet.exercise)
        )
        last_number: dict[str, int] = {exercise: number for exercise, number in numbered.all()}
        for moved in (
            await session.scalars(
                select(LoggedSet).where(LoggedSet.workout_log_id == log.id).order_by(LoggedSet.id)
            )
        ).all():
            last_number[moved.exercise] = last_number.get(moved.exercise, 0) + 1
            moved.set_number = last_number[moved.exercise]
            moved.workout_log_id = kept
        await session.flush()
        await session.delete(log)
        await session.flush()
    return len(future)


# A budget is read up to the days As written reaches back; older ones of days never trained are cleared
# when a new one is set. A trained day's budget stays: it says what that session prescribed, which is
# what progression judges it by (``short_days``).
KEEP_BUDGETS_DAYS = 7


async def short_minutes(session: AsyncSession, chat_id: int, day: date, *, user_id: int) -> int | None:
    """The time budget the member gave the day's session (/workout 30), or None for the whole session."""
    return (
        await session.execute(
            select(ShortSession.minutes).where(
                ShortSession.chat_id == chat_id,
                ShortSession.local_date == day,
                ShortSession.user_id == user_id,
            )
        )
    ).scalar_one_or_none()


async def set_short_minutes(
    session: AsyncSession, chat_id: int, day: date, *, user_id: int, minutes: int | None
) -> None:
    """Give the day's session a time budget (None: the whole session again). Chat updates run one at a
    time, so a read then a write cannot race another /workout of the same chat."""
    mine = and_(ShortSession.chat_id == chat_id, ShortSession.user_id == user_id)
    trained = exists().where(
        WorkoutLog.chat_id == ShortSession.chat_id,
        WorkoutLog.user_id == ShortSession.user_id,
        WorkoutLog.local_date == ShortSession.local_date,
    )
    stale = (ShortSession.local_date < date.fromordinal(day.toordinal() - KEEP_BUDGETS_DAYS)) & ~trained
    await session.execute(delete(ShortSession).where(mine, stale | (ShortSession.local_date == day)))
    if minutes is not None:
        session.add(ShortSession(chat_id=chat_id, local_date=day, user_id=user_id, minutes=minutes))
        await session.flush()


async def short_days(session: AsyncSession, chat_id: int, *, user_id: int) -> dict[date, tuple[int, int]]:
    """The member's trained days that had a time budget: each day's (minutes, session number), the
    session that day prescribed being that one cut to them."""
    result = await session.execute(
        select(ShortSession.local_date, ShortSession.minutes, WorkoutLog.session_number)
        .join(
            WorkoutLog,
            and_(
                WorkoutLog.chat_id == ShortSession.chat_id,
                WorkoutLog.user_id == ShortSession.user_id,
                WorkoutLog.local_date == ShortSession.local_date,
            ),
        )
        .where(ShortSession.chat_id == chat_id, ShortSession.user_id == user_id)
    )
    return {day: (minutes, number) for day, minutes, number in result.all()}
