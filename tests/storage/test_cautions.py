"""Cautions on both backends: told (in the lower back or not), told again (the day moves, a clearing is
lifted), read per chat and per batch, cleared (the row kept with its day), and checked by the database
(one row per exercise, no empty name)."""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import cautions, repo
from storage.models import Caution
from storage.records import Told

Maker = async_sessionmaker[AsyncSession]
ANN = 910_000_101
BOB = 910_000_102
DEC_4 = date(2026, 12, 4)
DEC_6 = date(2026, 12, 6)
DEC_7 = date(2026, 12, 7)
DEC_8 = date(2026, 12, 8)


async def _chats(maker: Maker, *chat_ids: int) -> None:
    async with maker.begin() as session:
        for chat_id in chat_ids:
            await repo.get_or_create_chat(session, chat_id, kind="private", title=None, timezone="UTC")


async def test_a_caution_told_again_moves_its_day_and_clearing_it_says_whether_there_was_one(
    sessionmaker: Maker,
) -> None:
    await _chats(sessionmaker, ANN, BOB)
    async with sessionmaker.begin() as session:
        await cautions.tell(session, ANN, "backpack-rdl", DEC_4)
        await cautions.tell(session, ANN, "backpack-row", DEC_4, lower_back=True)
        await cautions.tell(session, BOB, "deadlift", DEC_6)
    async with sessionmaker.begin() as session:
        await cautions.tell(session, ANN, "backpack-rdl", DEC_6)  # told again, two days later
    async with sessionmaker() as session:
        assert await cautions.told(session, ANN) == {
            "backpack-row": Told(DEC_4, lower_back=True),
            "backpack-rdl": Told(DEC_6),
        }
        assert await session.scalar(select(func.count()).select_from(Caution)) == 3, "one row per exercise"
        assert await cautions.told_by_chat(session, [ANN, BOB, 1]) == {
            ANN: {"backpack-row": Told(DEC_4, lower_back=True), "backpack-rdl": Told(DEC_6)},
            BOB: {"deadlift": Told(DEC_6)},
        }
        assert await cautions.told_by_chat(session, []) == {}
    async with sessionmaker.begin() as session:
        assert await cautions.clear(session, ANN, "backpack-rdl", DEC_7)
        assert not await cautions.clear(session, ANN, "backpack-rdl", DEC_7), "already cleared"
        assert not await cautions.clear(session, ANN, "deadlift", DEC_7), "Bob's, not Ann's"
    async with sessionmaker() as session:
        # Kept with the day it was cleared (the first session back holds its load), and out of the previews.
        assert await cautions.told(session, ANN) == {
            "backpack-row": Told(DEC_4, lower_back=True),
            "backpack-rdl": Told(DEC_6, cleared_on=DEC_7),
        }
        assert await cautions.told_by_chat(session, [ANN]) == {
            ANN: {"backpack-row": Told(DEC_4, lower_back=True)}
        }
        # A preview of the day it was cleared, or an earlier one, still leaves it out.
        assert (await cautions.told_by_chat(session, [ANN], since=DEC_7))[ANN] == {
            "backpack-row": Told(DEC_4, lower_back=True),
            "backpack-rdl": Told(DEC_6, cleared_on=DEC_7),
        }
        assert (await cautions.told_by_chat(session, [ANN], since=DEC_8))[ANN] == {
            "backpack-row": Told(DEC_4, lower_back=True)
        }
        assert await cautions.told(session, BOB) == {"deadlift": Told(DEC_6)}
    async with sessionmaker.begin() as session:
        await cautions.tell(session, ANN, "backpack-rdl", DEC_7)  # it hurts again: in force again
    async with sessionmaker() as session:
        assert (await cautions.told(session, ANN))["backpack-rdl"] == Told(DEC_7)


def test_a_caution_is_in_force_from_the_day_told_through_the_day_it_was_cleared() -> None:
    # The day it is cleared keeps it out: that day's /workout was shown without it, and As written logs
    # what was shown (a trial's As written logged a face pull cleared minutes before, never seen that day).
    told = Told(DEC_4, cleared_on=DEC_6)
    assert [told.in_force(date(2026, 12, d)) for d in (3, 4, 5, 6, 7)] == [False, True, True, True, False]
    assert Told(DEC_4).in_force(date(2027, 1, 1))
    same_day = Told(DEC_6, cleared_on=DEC_6)
    assert [same_day.in_force(day) for day in (DEC_4, DEC_6, DEC_7)] == [False, True, False]


@pytest.mark.parametrize("exercise", ["backpack-rdl", ""])
async def test_the_database_keeps_one_named_caution_per_exercise(sessionmaker: Maker, exercise: str) -> None:
    await _chats(sessionmaker, ANN)
    async with sessionmaker.begin() as session:
        await cautions.tell(session, ANN, "backpack-rdl", DEC_4)
    with pytest.raises(IntegrityError):
        async with sessionmaker.begin() as session:
            session.add(Caution(chat_id=ANN, exercise=exercise, told_on=DEC_6))
            await session.flush()
