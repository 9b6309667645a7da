""" "done" typed alone in a private chat is /done, through the real Application.

A newcomer trial typed `done` after a session and got "That's the spirit!" (the small talk the word also
is); /streak then showed no session. A sentence around the word, a question or a group keeps its old
reading.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.coach.donetyped import says_done
from storage.models import WorkoutLog
from tests.bot.harness import START, Harness, labels

USER = 7301


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def days(bot: Harness) -> list[object]:
    async with bot.app.bot_data.sessionmaker() as session:
        return list(await session.scalars(select(WorkoutLog.local_date).where(WorkoutLog.chat_id == USER)))


@pytest.mark.parametrize(
    "said", ["done", "Done!", "all done ✅", "done for today", "workout done 💪", "finished my workout"]
)
def test_the_session_said_done_alone_is_read(said: str) -> None:
    assert says_done(said)


@pytest.mark.parametrize(
    "said", ["done?", "well done", "done 3x10 rows", "finished reading the card, what next", "are we done"]
)
def test_done_in_a_sentence_or_asked_is_not(said: str) -> None:
    assert not says_done(said)


async def test_done_typed_logs_the_session_and_offers_as_written(bot: Harness) -> None:
    await bot.onboard(USER)
    reply = await bot.send(USER, "done")
    assert "logged" in text(reply) and "That's the spirit" not in text(reply)
    assert "✅ As written" in labels(bot, USER)
    assert await days(bot) == [START.date()]
    again = text(await bot.send(USER, "all done ✅"))
    assert "already" in again.lower() and await days(bot) == [START.date()]


async def test_done_typed_before_set_up_is_not_logged(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.send(USER, "done")
    assert await days(bot) == []
