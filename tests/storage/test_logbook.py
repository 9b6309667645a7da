"""The set log on both backends: logging, undo, history, export and forgetting (nothing left behind)."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import String, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import cautions, inbox, logbook, repo, undoing
from storage.logbook import NewSet
from storage.models import Base, Chat, LoggedSet, WorkoutLog
from storage.records import SetOrigin

NOW = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)
DAY = date(2026, 12, 4)
# Distinctive ids, so a scan of every column for them cannot match by accident.
GROUP = -100_777_000_111
OTHER = 555_000_222
ANN = 910_000_001
BOB = 910_000_002

Maker = async_sessionmaker[AsyncSession]


async def _chat(maker: Maker, chat_id: int, kind: str = "group") -> None:
    async with maker.begin() as session:
        await repo.get_or_create_chat(session, chat_id, kind=kind, title="T", timezone="UTC")


def _rows(exercise: str, reps: list[int], load: float | None, unit: str = "kg") -> list[NewSet]:
    return [NewSet(exercise, r, load, unit) for r in reps]


async def test_log_sets_creates_the_session_and_numbers_sets_per_exercise(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        first = await logbook.log_sets(
            session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=_rows("row", [10, 10, 9], 40), now=NOW
        )
        assert [row.set_number for row in first] == [1, 2, 3]
    async with sessionmaker.begin() as session:
        more = [*_rows("row", [8], 40), NewSet("pull-up", 5, None, "kg", rir=1, note="slow")]
        second = await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=more, now=NOW)
        assert [(row.exercise, row.set_number) for row in second] == [("row", 4), ("pull-up", 1)]
    async with sessionmaker() as session:
        # One session row for the day, however many /log commands fed it; Done and /log agree on it.
        assert await session.scalar(select(func.count()).select_from(WorkoutLog)) == 1
        assert await repo.is_logged(session, GROUP, DAY, user_id=ANN)
        stored = (await session.scalars(select(LoggedSet).order_by(LoggedSet.id))).all()
        assert [(s.exercise, s.set_number, s.reps, s.load) for s in stored] == [
            ("row", 1, 10, 40.0),
            ("row", 2, 10, 40.0),
            ("row", 3, 9, 40.0),
            ("row", 4, 8, 40.0),
            ("pull-up", 1, 5, None),
        ]
        assert (stored[-1].rir, stored[-1].note, stored[-1].logged_at) == (1, "slow", NOW)


async def test_fractional_loads_come_back_exactly(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        sets = [NewSet("face-pull", 12, 17.25, "kg"), NewSet("face-pull", 12, 35.5, "lb")]
        await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=NOW)
    async with sessionmaker() as session:
        rows = await logbook.export_rows(session, GROUP)
        assert [(row.load, row.unit) for row in rows] == [(17.25, "kg"), (35.5, "lb")]


async def test_holds_are_stored_as_seconds_with_no_reps(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        sets = [
            NewSet("prone-cobra", 0, None, "kg", seconds=45),
            NewSet("prone-cobra", 0, 5.0, "kg", seconds=30),
        ]
        await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=NOW)
    async with sessionmaker() as session:
        rows = await logbook.export_rows(session, GROUP)
        assert [(r.set_number, r.reps, r.seconds, r.load) for r in rows] == [
            (1, 0, 45, None),
            (2, 0, 30, 5.0),
        ]
        history = await logbook.exercise_history(session, GROUP, ANN)
        assert [r.seconds for r in history["prone-cobra"]] == [45, 30]
    # A hold has no reps, and lasts a second to ten minutes.
    for bad in (
        NewSet("prone-cobra", 5, None, "kg", seconds=45),
        NewSet("prone-cobra", 0, None, "kg", seconds=0),
    ):
        with pytest.raises(IntegrityError):
            async with sessionmaker.begin() as session:
                await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="A", sets=[bad], now=NOW)


async def test_database_rejects_impossible_sets(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    for bad in (NewSet("row", -1, 40, "kg"), NewSet("row", 101, 40, "kg"), NewSet("row", 5, -2.5, "kg")):
        with pytest.raises(IntegrityError):
            async with sessionmaker.begin() as session:
                await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="A", sets=[bad], now=NOW)
    with pytest.raises(ValueError, match="unit"):
        async with sessionmaker.begin() as session:
            sets = [NewSet("row", 5, 40, "stone")]
            await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="A", sets=sets, now=NOW)


async def test_undo_removes_that_members_day_and_its_sets_only(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        for user, day in ((ANN, DAY), (BOB, DAY), (ANN, DAY - timedelta(days=1))):
            sets = _rows("row", [10, 10], 40)
            await logbook.log_sets(session, GROUP, day, user_id=user, user_name="x", sets=sets, now=NOW)
    async with sessionmaker.begin() as session:
        undone = await undoing.undo_day(session, GROUP, DAY, user_id=ANN)
        assert undone is not None and undone.session
        assert [(row.exercise, row.reps, row.load, row.user_id) for row in undone.sets] == [
            ("row", 10, 40.0, ANN)
        ] * 2
    async with sessionmaker.begin() as session:
        assert await undoing.undo_day(session, GROUP, DAY, user_id=ANN) is None
        assert not await repo.is_logged(session, GROUP, DAY, user_id=ANN)
        assert await repo.is_logged(session, GROUP, DAY, user_id=BOB)
        left = await session.execute(select(LoggedSet.user_id, func.count()).group_by(LoggedSet.user_id))
        assert dict(left.all()) == {ANN: 2, BOB: 2}  # Ann's other day and Bob's day are untouched


async def test_undo_of_a_done_without_sets(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        await repo.log_workout(session, GROUP, DAY, user_id=ANN, user_name="Ann", now=NOW)
    async with sessionmaker.begin() as session:
        assert await undoing.undo_day(session, GROUP, DAY, user_id=ANN) == undoing.Undone([], session=True)
        assert not await repo.is_logged(session, GROUP, DAY)


async def test_recent_sessions_newest_first_with_their_sets(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        for offset in range(12):
            day = DAY - timedelta(days=offset * 2)
            sets = _rows("row", [10, 9], 40 + offset)
            await logbook.log_sets(session, GROUP, day, user_id=ANN, user_name="Ann", sets=sets, now=NOW)
        await logbook.log_sets(session, GROUP, DAY, user_id=BOB, user_name="Bob", sets=[], now=NOW)
    async with sessionmaker() as session:
        mine = await logbook.recent_sessions(session, GROUP, limit=10, user_id=ANN)
        assert [s.day for s in mine] == [DAY - timedelta(days=o * 2) for o in range(10)]
        assert [(r.reps, r.load) for r in mine[1].sets] == [(10, 41.0), (9, 41.0)]
        everyone = await logbook.recent_sessions(session, GROUP, limit=3)
        assert {(s.user_name, s.day) for s in everyone[:2]} == {("Ann", DAY), ("Bob", DAY)}
        assert [s.sets for s in everyone if s.user_id == BOB] == [[]]
        assert await logbook.recent_sessions(session, OTHER) == []


async def test_exercise_history_is_per_member_and_oldest_first(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        later, earlier = DAY, DAY - timedelta(days=3)
        # Logged out of order (a backdated session), read back in date order.
        await logbook.log_sets(
            session, GROUP, later, user_id=ANN, user_name="A", sets=_rows("row", [12], 42.5), now=NOW
        )
        await logbook.log_sets(
            session, GROUP, earlier, user_id=ANN, user_name="A", sets=_rows("row", [10], 40), now=NOW
        )
        await logbook.log_sets(
            session, GROUP, earlier, user_id=ANN, user_name="A", sets=_rows("pull-up", [5], None), now=NOW
        )
        await logbook.log_sets(
            session, GROUP, later, user_id=BOB, user_name="B", sets=_rows("row", [8], 80), now=NOW
        )
    async with sessionmaker() as session:
        history = await logbook.exercise_history(session, GROUP, ANN)
        assert set(history) == {"row", "pull-up"}
        assert [(r.day, r.load) for r in history["row"]] == [(earlier, 40.0), (later, 42.5)]
        only_rows = await logbook.exercise_history(session, GROUP, ANN, ["row"])
        assert set(only_rows) == {"row"}
        days = await logbook.member_days(session, GROUP)
        assert days == {ANN: ("A", [earlier, later]), BOB: ("B", [later])}


async def _fill_every_table(maker: Maker, chat_id: int, users: tuple[int, ...]) -> None:
    await _chat(maker, chat_id)
    async with maker.begin() as session:
        for user in users:
            sets = _rows("row", [10, 10], 40)
            await logbook.log_sets(session, chat_id, DAY, user_id=user, user_name="n", sets=sets, now=NOW)
            # Pull-ups As written assumed, then typed in their place: the assumed ones kept for an undo.
            assumed = [NewSet("pull-up", 10, None, "kg", origin=SetOrigin.AS_WRITTEN)] * 2
            await logbook.log_sets(session, chat_id, DAY, user_id=user, user_name="n", sets=assumed, now=NOW)
            later = NOW + timedelta(minutes=5)
            replaced = await logbook.replace_assumed(
                session, chat_id, DAY, user_id=user, exercises=["pull-up"], now=later
            )
            assert [row.reps for row in replaced["pull-up"]] == [10, 10]
            typed = _rows("pull-up", [6, 5], None)
            await logbook.log_sets(session, chat_id, DAY, user_id=user, user_name="n", sets=typed, now=later)
            await logbook.set_short_minutes(session, chat_id, DAY, user_id=user, minutes=30)
        await repo.add_pause(session, chat_id, DAY, DAY + timedelta(days=7))
        await cautions.tell(session, chat_id, "backpack-rdl", DAY)
        await repo.add_outbox(
            session, chat_id=chat_id, kind="workout", slot_date=DAY, due_at=NOW, not_before=NOW
        )
        update = {"update_id": abs(chat_id), "message": {"chat": {"id": chat_id}}}
        await inbox.store(session, [(abs(chat_id), chat_id, json.dumps(update))], NOW)


async def _tables_holding(maker: Maker, value: int) -> set[str]:
    """Every table with a row that has ``value`` in any column (numbers, or inside text)."""
    found = set()
    async with maker() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.c:
                if isinstance(column.type, String):
                    test = column.contains(str(value))
                else:
                    test = func.cast(column, String).contains(str(value))
                if await session.scalar(select(func.count()).select_from(table).where(test)):
                    found.add(table.name)
    return found


# Tables that hold no chat's data: which replica leads the reminder dispatch.
NOT_CHAT_DATA = {"leader_leases"}
CHAT_TABLES = set(Base.metadata.tables) - NOT_CHAT_DATA


async def test_forget_chat_leaves_no_row_in_any_table(sessionmaker: Maker) -> None:
    await _fill_every_table(sessionmaker, GROUP, (ANN, BOB))
    await _fill_every_table(sessionmaker, OTHER, (OTHER,))
    # The fixture must reach every table, or the proof below would not cover a table added later.
    assert await _tables_holding(sessionmaker, GROUP) == CHAT_TABLES
    async with sessionmaker.begin() as session:
        chat = await repo.lock_chat(session, GROUP)  # as a handler holds it while /forget runs
        assert chat is not None
        await logbook.forget_chat(session, GROUP)
    assert await _tables_holding(sessionmaker, GROUP) == set()
    assert await _tables_holding(sessionmaker, ANN) == set()
    assert await _tables_holding(sessionmaker, OTHER) == CHAT_TABLES
    async with sessionmaker() as session:
        assert await session.get(Chat, GROUP) is None


async def test_forget_member_keeps_the_group_and_the_others(sessionmaker: Maker) -> None:
    await _fill_every_table(sessionmaker, GROUP, (ANN, BOB))
    assert "logged_sets" in await _tables_holding(sessionmaker, ANN)
    async with sessionmaker.begin() as session:
        await logbook.forget_member(session, GROUP, ANN)
    assert await _tables_holding(sessionmaker, ANN) == set()
    assert {"workout_logs", "logged_sets"} <= await _tables_holding(sessionmaker, BOB)
    async with sessionmaker() as session:
        assert await session.get(Chat, GROUP) is not None
        assert [row.user_id for row in await logbook.export_rows(session, GROUP)] == [BOB] * 4


async def test_new_chats_log_in_kg_with_the_units_default_step(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, OTHER, kind="private")
    async with sessionmaker() as session:
        chat = await session.get(Chat, OTHER)
        assert chat is not None
        assert (chat.unit, chat.increment, chat.levelup_asked_on) == ("kg", None, None)
    async with sessionmaker.begin() as session:
        chat = await repo.lock_chat(session, OTHER)
        assert chat is not None
        chat.unit, chat.increment, chat.levelup_asked_on = "lb", 2.5, DAY
    async with sessionmaker() as session:
        chat = await session.get(Chat, OTHER)
        assert chat is not None and (chat.unit, chat.increment, chat.levelup_asked_on) == ("lb", 2.5, DAY)


async def test_sets_follow_their_session_and_chat(sessionmaker: Maker) -> None:
    """The foreign keys themselves: a deleted session takes its sets, a migrated group keeps them."""
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        for day in (DAY, DAY - timedelta(days=1)):
            sets = _rows("row", [10, 10], 40)
            await logbook.log_sets(session, GROUP, day, user_id=ANN, user_name="Ann", sets=sets, now=NOW)
    async with sessionmaker.begin() as session:
        await session.execute(delete(WorkoutLog).where(WorkoutLog.local_date == DAY))
    async with sessionmaker.begin() as session:
        await repo.migrate_chat(session, GROUP, GROUP - 1)
    async with sessionmaker() as session:
        rows = await logbook.export_rows(session, GROUP - 1)
        assert [(row.day, row.set_number) for row in rows] == [
            (DAY - timedelta(days=1), 1),
            (DAY - timedelta(days=1), 2),
        ]
        assert await session.scalar(select(func.count()).select_from(LoggedSet)) == 2


async def test_undo_last_entry_takes_back_one_log_at_a_time(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    later = NOW + timedelta(minutes=5)
    async with sessionmaker.begin() as session:  # Done first, then two /log commands
        await repo.log_workout(session, GROUP, DAY, user_id=ANN, user_name="Ann", now=NOW)
    async with sessionmaker.begin() as session:
        sets = _rows("row", [10, 10, 9], 40)
        await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=later)
    async with sessionmaker.begin() as session:
        sets = _rows("pull-up", [5, 4], None)
        await logbook.log_sets(
            session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=later + timedelta(minutes=1)
        )
    removed = []
    for _ in range(4):
        async with sessionmaker.begin() as session:
            undone = await undoing.undo_last_entry(session, GROUP, DAY, user_id=ANN)
            removed.append(
                None if undone is None else ([(r.exercise, r.reps) for r in undone.sets], undone.session)
            )
            if len(removed) == 1:  # after the pull-ups went, the rows are still there
                assert [r.exercise for r in await logbook.export_rows(session, GROUP)] == ["row"] * 3
                assert await repo.is_logged(session, GROUP, DAY, user_id=ANN)
    # The pull-ups, the rows, then the Done itself, then nothing.
    assert removed == [
        ([("pull-up", 5), ("pull-up", 4)], False),
        ([("row", 10), ("row", 10), ("row", 9)], False),
        ([], True),
        None,
    ]
    async with sessionmaker() as session:
        assert not await repo.is_logged(session, GROUP, DAY)


async def test_last_entry_names_what_undo_last_entry_takes_and_takes_nothing(sessionmaker: Maker) -> None:
    """/undo's question reads the entry first (``last_entry``, ``latest_logged``); only Yes removes it."""
    await _chat(sessionmaker, GROUP)
    later = NOW + timedelta(minutes=5)
    async with sessionmaker.begin() as session:
        sets = [*_rows("row", [10, 10], 40), *_rows("pull-up", [5], None)]
        await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=NOW)
        await logbook.log_sets(
            session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=_rows("face-pull", [15], 10), now=later
        )
    days, since = [DAY], datetime.combine(DAY, datetime.min.time(), tzinfo=UTC)
    for expected, opened in ((["face-pull"], False), (["row", "row", "pull-up"], True)):
        async with sessionmaker.begin() as session:
            found = await undoing.latest_logged(
                session, GROUP, user_id=ANN, days=days, today=DAY, since=since
            )
            assert found == (DAY, later if not opened else NOW)
            peeked = await undoing.last_entry(session, GROUP, DAY, user_id=ANN)
            assert peeked is not None and [r.exercise for r in peeked.sets] == expected
            assert peeked.session is opened
            assert len(await logbook.export_rows(session, GROUP)) == (4 if not opened else 3)
            assert await undoing.undo_last_entry(session, GROUP, DAY, user_id=ANN) == peeked
    async with sessionmaker() as session:
        assert await undoing.last_entry(session, GROUP, DAY, user_id=ANN) is None
        assert (
            await undoing.latest_logged(session, GROUP, user_id=BOB, days=days, today=DAY, since=since)
            is None
        )


async def test_undo_last_entry_of_a_log_that_opened_the_session_removes_it(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        sets = _rows("row", [10, 10], 40)
        await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=NOW)
    async with sessionmaker.begin() as session:
        undone = await undoing.undo_last_entry(session, GROUP, DAY, user_id=ANN)
        assert undone is not None and undone.session and [r.reps for r in undone.sets] == [10, 10]
        assert not await repo.is_logged(session, GROUP, DAY, user_id=ANN)


async def test_sets_that_complete_a_bare_done_go_back_with_it(sessionmaker: Maker) -> None:
    # Done, then its As written: one entry, as the Done message's own Undo takes them. A later /log
    # stays an entry of its own, and completing a session that has sets already changes nothing.
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        await repo.log_workout(session, GROUP, DAY, user_id=ANN, user_name="Ann", now=NOW)
    for minutes, sets, completes in (
        (5, _rows("row", [10, 10], 40), True),
        (6, _rows("pull-up", [5, 4], None), False),
        (7, _rows("shrug", [12], 20), True),
    ):
        async with sessionmaker.begin() as session:
            await logbook.log_sets(
                session,
                GROUP,
                DAY,
                user_id=ANN,
                user_name="Ann",
                sets=sets,
                now=NOW + timedelta(minutes=minutes),
                completes_done=completes,
            )
    removed = []
    for _ in range(4):
        async with sessionmaker.begin() as session:
            undone = await undoing.undo_last_entry(session, GROUP, DAY, user_id=ANN)
            removed.append(None if undone is None else ([r.exercise for r in undone.sets], undone.session))
    assert removed == [(["shrug"], False), (["pull-up"] * 2, False), (["row"] * 2, True), None]


async def test_undo_latest_orders_a_completed_done_by_its_sets(sessionmaker: Maker) -> None:
    # Done today, then a backdated Done, then today's As written: today's session is the last logged.
    await _chat(sessionmaker, GROUP)
    yesterday = DAY - timedelta(days=1)
    async with sessionmaker.begin() as session:
        await repo.log_workout(session, GROUP, DAY, user_id=ANN, user_name="Ann", now=NOW)
        later = NOW + timedelta(minutes=1)
        await repo.log_workout(session, GROUP, yesterday, user_id=ANN, user_name="Ann", now=later)
        sets = _rows("row", [10, 10], 40)
        last = NOW + timedelta(minutes=2)
        await logbook.log_sets(
            session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=last, completes_done=True
        )
    days, since = [DAY, yesterday], NOW - timedelta(hours=18)
    async with sessionmaker.begin() as session:
        found = await undoing.undo_latest(session, GROUP, user_id=ANN, days=days, today=DAY, since=since)
        assert found is not None and found[0] == DAY and found[1].session and len(found[1].sets) == 2
        assert [s.day for s in await logbook.recent_sessions(session, GROUP, user_id=ANN)] == [yesterday]


async def test_day_log_says_which_session_and_how_many_sets(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        assert await logbook.day_log(session, GROUP, DAY, user_id=ANN) is None
        await repo.log_workout(session, GROUP, DAY, user_id=BOB, user_name="Bob", now=NOW)
        await logbook.log_sets(
            session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=_rows("row", [10, 9], 40), now=NOW
        )
        assert await logbook.day_log(session, GROUP, DAY, user_id=ANN) == logbook.DayLog(1, 2)
        assert await logbook.day_log(session, GROUP, DAY, user_id=BOB) == logbook.DayLog(1, 0)


async def test_day_sets_are_one_members_sets_of_one_day_in_the_order_logged(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        for day, member, sets in (
            (DAY, ANN, _rows("row", [10, 9], 40)),
            (DAY, BOB, _rows("row", [12], 30)),
            (DAY - timedelta(days=1), ANN, _rows("pull-up", [5], None)),
            (DAY, ANN, _rows("face-pull", [15], 10)),
        ):
            await logbook.log_sets(session, GROUP, day, user_id=member, user_name="M", sets=sets, now=NOW)
    async with sessionmaker() as session:
        found = await logbook.day_sets(session, GROUP, DAY, user_id=ANN)
        assert [(row.exercise, row.set_number, row.reps) for row in found] == [
            ("row", 1, 10),
            ("row", 2, 9),
            ("face-pull", 1, 15),
        ]
        assert await logbook.day_sets(session, GROUP, DAY + timedelta(days=1), user_id=ANN) == []


async def test_move_future_logs_redates_and_merges_into_today(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    tomorrow = DAY + timedelta(days=1)
    async with sessionmaker.begin() as session:
        await logbook.log_sets(
            session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=_rows("row", [10, 9], 40), now=NOW
        )
        await logbook.log_sets(
            session, GROUP, tomorrow, user_id=ANN, user_name="Ann", sets=_rows("row", [8], 40), now=NOW
        )
        await logbook.log_sets(
            session, GROUP, tomorrow, user_id=BOB, user_name="Bob", sets=_rows("row", [7], 30), now=NOW
        )
    async with sessionmaker.begin() as session:
        assert await logbook.move_future_logs(session, GROUP, DAY) == 2
    async with sessionmaker() as session:
        days = (await session.execute(select(WorkoutLog.user_id, WorkoutLog.local_date))).all()
        assert sorted(days) == [(ANN, DAY), (BOB, DAY)]
        ann = await logbook.exercise_history(session, GROUP, ANN)
        assert [(r.day, r.set_number, r.reps) for r in ann["row"]] == [(DAY, 1, 10), (DAY, 2, 9), (DAY, 3, 8)]


async def test_undo_batch_takes_back_the_batch_it_names_and_keeps_the_session_for_the_rest(
    sessionmaker: Maker,
) -> None:
    # Rows (which opened the session), then pull-ups: the rows' Undo takes the rows, not the latest log,
    # and the session stays, dated to the pull-ups, so /undo then takes it back whole with them.
    await _chat(sessionmaker, GROUP)
    later = NOW + timedelta(minutes=5)
    for when, sets in ((NOW, _rows("row", [10, 10], 40)), (later, _rows("pull-up", [5, 4], None))):
        async with sessionmaker.begin() as session:
            await logbook.log_sets(session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=sets, now=when)
    async with sessionmaker.begin() as session:
        assert await undoing.undo_batch(session, GROUP, DAY, user_id=BOB, logged_at=NOW) is None
        assert await undoing.batch_logged_by(session, GROUP, DAY, NOW) == ANN
        undone = await undoing.undo_batch(session, GROUP, DAY, user_id=ANN, logged_at=NOW)
        assert undone is not None and not undone.session and [r.exercise for r in undone.sets] == ["row"] * 2
        assert await undoing.undo_batch(session, GROUP, DAY, user_id=ANN, logged_at=NOW) is None
        assert await undoing.batch_logged_by(session, GROUP, DAY, NOW) is None
        assert await repo.is_logged(session, GROUP, DAY, user_id=ANN)
    async with sessionmaker.begin() as session:
        last = await undoing.undo_last_entry(session, GROUP, DAY, user_id=ANN)
        assert last is not None and last.session and [r.reps for r in last.sets] == [5, 4]
        assert not await repo.is_logged(session, GROUP, DAY)


async def test_undo_batch_names_a_bare_done_by_the_sessions_time(sessionmaker: Maker) -> None:
    # A Done with no sets, then rows: the Done's Undo takes the Done and leaves the rows, their session
    # dated to them; with nothing logged into it, the Done's session goes whole.
    await _chat(sessionmaker, GROUP)
    later = NOW + timedelta(minutes=5)
    async with sessionmaker.begin() as session:
        await repo.log_workout(session, GROUP, DAY, user_id=ANN, user_name="Ann", now=NOW)
        await repo.log_workout(session, GROUP, DAY, user_id=BOB, user_name="Bob", now=later)
        await logbook.log_sets(
            session, GROUP, DAY, user_id=ANN, user_name="Ann", sets=_rows("row", [8], 40), now=later
        )
    async with sessionmaker.begin() as session:
        assert await undoing.undo_batch(session, GROUP, DAY, user_id=BOB, logged_at=NOW) is None
        assert await undoing.batch_logged_by(session, GROUP, DAY, NOW) == ANN
        assert await undoing.undo_batch(session, GROUP, DAY, user_id=ANN, logged_at=NOW) == undoing.Undone(
            [], False
        )
        assert await undoing.batch_logged_by(session, GROUP, DAY, NOW) is None
        assert await undoing.undo_batch(session, GROUP, DAY, user_id=ANN, logged_at=NOW) is None
        assert [r.reps for r in await logbook.day_sets(session, GROUP, DAY, user_id=ANN)] == [8]
        bobs = await undoing.undo_batch(session, GROUP, DAY, user_id=BOB, logged_at=later)
        assert bobs == undoing.Undone([], True) and not await repo.is_logged(session, GROUP, DAY, user_id=BOB)
    async with sessionmaker.begin() as session:
        last = await undoing.undo_last_entry(session, GROUP, DAY, user_id=ANN)
        assert last is not None and last.session and [r.reps for r in last.sets] == [8]


async def test_a_days_time_budget_is_the_members_and_the_days(sessionmaker: Maker) -> None:
    """/workout 30 keeps the budget for that member and that day; /workout full clears it; budgets older
    than As written reaches back are cleared when a new one is set."""
    await _chat(sessionmaker, GROUP)
    async with sessionmaker.begin() as session:
        await logbook.set_short_minutes(session, GROUP, DAY, user_id=ANN, minutes=30)
        await logbook.set_short_minutes(session, GROUP, DAY, user_id=ANN, minutes=20)  # asked again: replaced
        await logbook.set_short_minutes(session, GROUP, DAY - timedelta(days=1), user_id=ANN, minutes=45)
    async with sessionmaker() as session:
        assert await logbook.short_minutes(session, GROUP, DAY, user_id=ANN) == 20
        assert await logbook.short_minutes(session, GROUP, DAY, user_id=BOB) is None
        assert await logbook.short_minutes(session, GROUP, DAY - timedelta(days=1), user_id=ANN) == 45
    async with sessionmaker.begin() as session:
        await logbook.set_short_minutes(session, GROUP, DAY, user_id=ANN, minutes=None)
        later = DAY + timedelta(days=logbook.KEEP_BUDGETS_DAYS + 2)
        await logbook.set_short_minutes(session, GROUP, later, user_id=ANN, minutes=15)
    async with sessionmaker() as session:
        assert await logbook.short_minutes(session, GROUP, DAY, user_id=ANN) is None
        assert await logbook.short_minutes(session, GROUP, DAY - timedelta(days=1), user_id=ANN) is None
        assert await logbook.short_minutes(session, GROUP, later, user_id=ANN) == 15


async def test_a_trained_days_budget_is_kept_for_progression(sessionmaker: Maker) -> None:
    """Progression judges a day by the sets its cut session prescribed: the budget of a day trained stays
    past the week a day never trained keeps it, and ``short_days`` gives it with the session's number."""
    await _chat(sessionmaker, GROUP)
    trained, idle = DAY, DAY + timedelta(days=1)
    async with sessionmaker.begin() as session:
        await logbook.set_short_minutes(session, GROUP, trained, user_id=ANN, minutes=30)
        await logbook.set_short_minutes(session, GROUP, idle, user_id=ANN, minutes=20)
        sets = _rows("deadlift", [8, 8], 100.0)
        await logbook.log_sets(session, GROUP, trained, user_id=ANN, user_name="Ann", sets=sets, now=NOW)
    async with sessionmaker() as session:
        assert await logbook.short_days(session, GROUP, user_id=ANN) == {trained: (30, 1)}
        assert await logbook.short_days(session, GROUP, user_id=BOB) == {}
    async with sessionmaker.begin() as session:
        later = DAY + timedelta(days=logbook.KEEP_BUDGETS_DAYS + 5)
        await logbook.set_short_minutes(session, GROUP, later, user_id=ANN, minutes=15)
    async with sessionmaker() as session:
        assert await logbook.short_minutes(session, GROUP, trained, user_id=ANN) == 30
        assert await logbook.short_minutes(session, GROUP, idle, user_id=ANN) is None


async def test_days_sets_gives_each_days_sets_of_the_member_in_one_call(sessionmaker: Maker) -> None:
    await _chat(sessionmaker, GROUP)
    other = DAY + timedelta(days=2)
    async with sessionmaker.begin() as session:
        for day, who, name, sets in (
            (DAY, ANN, "Ann", _rows("deadlift", [8, 8], 100.0)),
            (other, ANN, "Ann", _rows("face-pull", [15], 10.0)),
            (DAY, BOB, "Bob", _rows("seated-cable-row", [10], 50.0)),
        ):
            await logbook.log_sets(session, GROUP, day, user_id=who, user_name=name, sets=sets, now=NOW)
    async with sessionmaker() as session:
        found = await logbook.days_sets(session, GROUP, [DAY, other, DAY + timedelta(days=1)], user_id=ANN)
        assert {day: [(r.exercise, r.reps) for r in rows] for day, rows in found.items()} == {
            DAY: [("deadlift", 8), ("deadlift", 8)],
            other: [("face-pull", 15)],
            DAY + timedelta(days=1): [],
        }
        assert found[DAY] == await logbook.day_sets(session, GROUP, DAY, user_id=ANN)
        assert await logbook.days_sets(session, GROUP, [], user_id=ANN) == {}
