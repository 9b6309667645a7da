"""The ↩️ Undo under a Done takes back what that reply did, through the real Application.

A newcomer trial: the Undo under a bare Done carried no batch, so pressed after a /log it took back the
whole day, the /log's sets with it, and in a group another member's press took back their own session.
Its payload now names the Done by the session's time, as a /log's Undo names its batch
(``test_undo_batches``); the Undo under As written already named its sets.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot import callbacks
from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import Harness

USER = 6206
GROUP, ANN, BOB = -6207, 621, 622
UNDO = "↩️ Undo"
TODAY_KEPT = (
    "↩️ Took back the Done. The sets you logged since stay, so today still counts as a session: "
    "/undo takes them back, the last first."
)
DONE_GONE = (
    "That Done is already taken back: this Undo has nothing left to undo. /history shows what is logged."
)


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def rows(bot: Harness) -> tuple[list[tuple[date, int]], list[tuple[int, str, int]]]:
    """The sessions (day, member) and sets (member, exercise, reps) left in the database."""
    async with bot.app.bot_data.sessionmaker() as session:
        days = (
            await session.execute(select(WorkoutLog.local_date, WorkoutLog.user_id).order_by(WorkoutLog.id))
        ).all()
        sets = (
            await session.execute(
                select(LoggedSet.user_id, LoggedSet.exercise, LoggedSet.reps).order_by(LoggedSet.id)
            )
        ).all()
    return [tuple(row) for row in days], [tuple(row) for row in sets]  # type: ignore[misc]


async def done(bot: Harness, chat: int = USER, user: int | None = None, typed: str = "/done") -> int:
    """A Done (typed, or /workout's button); the reply's message id, for its Undo."""
    bot.clock.advance(minutes=3)
    if typed == "button":
        await bot.send(chat, "/workout", user_id=user)
        sent = await bot.press(chat, "✅ Done", user_id=user)
    else:
        sent = await bot.send(chat, typed, user_id=user)
    assert "logged" in text(sent).lower(), text(sent)
    return sent[-1].message_id


async def log(bot: Harness, sets: str, chat: int = USER, user: int | None = None) -> None:
    bot.clock.advance(minutes=3)
    await bot.send(chat, f"/log {sets}", user_id=user)


def undo_payload(bot: Harness, message_id: int, chat: int = USER) -> str:
    message = bot.api.message(chat, message_id)
    assert message is not None
    [payload] = [data for row in bot.api.buttons(message) for label, data in row if label == UNDO]
    return payload


def today(bot: Harness) -> date:
    return bot.clock().date()  # the chats here are on UTC


@pytest.mark.parametrize("typed", ["/done", "button"])
async def test_a_dones_undo_pressed_after_a_log_takes_back_the_done_and_keeps_the_sets(
    bot: Harness, typed: str
) -> None:
    await bot.onboard(USER)
    message = await done(bot, typed=typed)
    assert len(undo_payload(bot, message).encode()) <= 64
    await log(bot, "row 3x10 40kg")
    bot.clock.advance(minutes=1)
    assert text(await bot.press(USER, UNDO, message_id=message)) == TODAY_KEPT
    # The /log's sets stay (the whole day went before), and the day is theirs now: /undo takes it back whole.
    assert await rows(bot) == ([(today(bot), USER)], [(USER, "seated-cable-row", 10)] * 3)
    assert text(await bot.send(USER, "/undo")) == (
        "↩️ Took back today's session: Seated cable row 3×10 @ 40 kg. Nothing is logged for today now."
    )
    assert await rows(bot) == ([], [])


async def test_a_bare_dones_undo_takes_the_session_back_once_and_then_says_so(bot: Harness) -> None:
    await bot.onboard(USER)
    message = await done(bot)
    payload = undo_payload(bot, message)
    assert text(await bot.press(USER, UNDO, message_id=message)) == (
        "↩️ Took back today's session. Nothing is logged for today now."
    )
    assert await rows(bot) == ([], [])
    # Pressed again (a second client still showing it) after a new /log opened today's session anew.
    await log(bot, "row 3x10 40kg")
    assert await bot.callback(USER, payload, message_id=message) == []
    assert bot.toasts()[-1].text == DONE_GONE
    assert await rows(bot) == ([(today(bot), USER)], [(USER, "seated-cable-row", 10)] * 3)


async def test_a_dones_undo_after_slash_undo_took_the_done_says_it_is_gone(bot: Harness) -> None:
    await bot.onboard(USER)
    message = await done(bot)
    await bot.send(USER, "/undo")
    assert await bot.press(USER, UNDO, message_id=message) == []
    assert bot.toasts()[-1].text == DONE_GONE


async def test_a_backdated_dones_undo_after_a_log_for_that_day_names_the_day(bot: Harness) -> None:
    await bot.onboard(USER)
    bot.clock.advance(days=1)
    message = await done(bot, typed="/done yesterday")
    await log(bot, "yesterday row 3x10 40kg")
    undone = text(await bot.press(USER, UNDO, message_id=message))
    yesterday = await rows(bot)
    assert undone.startswith("↩️ Took back the Done of ") and "that day still counts" in undone, undone
    assert len(yesterday[0]) == 1 and yesterday[0][0][0] < today(bot) and len(yesterday[1]) == 3


async def test_a_dones_undo_from_another_day_says_so_and_takes_nothing(bot: Harness) -> None:
    await bot.onboard(USER)
    message = await done(bot)
    bot.clock.advance(days=1)
    assert await bot.press(USER, UNDO, message_id=message) == []
    assert bot.toasts()[-1].text == (
        "That Undo only works on the day it was logged. "
        "Send /undo to take back the last thing you logged today."
    )
    assert len((await rows(bot))[0]) == 1


async def test_in_a_group_a_dones_undo_is_for_whoever_tapped_done(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.send(GROUP, "/start", user_id=ANN)
    for label in ("🌱 Beginner", "🏋️ Gym", "UTC", "⭐ 2 days: Mon, Thu"):
        await bot.press(GROUP, label, user_id=ANN)
    anns = await done(bot, GROUP, ANN)
    await done(bot, GROUP, BOB)
    # Bob's press took back Bob's own session before: the button named no one's Done.
    assert await bot.press(GROUP, UNDO, user_id=BOB, message_id=anns) == []
    assert bot.toasts()[-1].text == (
        "That Undo is for the session of whoever tapped Done. Send /undo to take back your own last entry."
    )
    assert await rows(bot) == ([(today(bot), ANN), (today(bot), BOB)], [])
    undone = text(await bot.press(GROUP, UNDO, user_id=ANN, message_id=anns))
    assert undone == "↩️ Took back today's session. Nothing is logged for today now."
    assert await rows(bot) == ([(today(bot), BOB)], [])


async def test_an_old_dones_undo_without_a_time_takes_a_bare_done_and_leaves_logged_sets(
    bot: Harness,
) -> None:
    await bot.onboard(USER)
    message = await done(bot)
    day = callbacks.pack_day(today(bot))
    # Buttons sent before the Done's Undo named its time ("1:lu:day:day:d:"), and before any Undo named one.
    old, older = f"1:lu:{day}:{day}:d:", f"1:lu:{day}:{day}:d"
    await log(bot, "row 3x10 40kg")
    for payload in (old, older):
        assert await bot.callback(USER, payload, message_id=message) == []
        assert (bot.toasts()[-1].text or "").startswith("This Undo button is from an older message")
    assert await rows(bot) == ([(today(bot), USER)], [(USER, "seated-cable-row", 10)] * 3)
    await bot.send(USER, "/undo")
    await bot.send(USER, "/undo")
    await done(bot)
    # With nothing logged into it, the day's session is the Done the button was under.
    undone = text(await bot.callback(USER, old, message_id=message))
    assert undone == "↩️ Took back today's session. Nothing is logged for today now."
    assert await rows(bot) == ([], [])
    # A Done's Undo with its time cut off is no button the bot made.
    assert await bot.callback(USER, f"1:lu:{day}:{day}:n:", message_id=message) == []
    assert bot.toasts()[-1].text == "That button has expired. Send /help to start fresh."


async def test_as_writtens_undo_pressed_after_a_log_takes_back_only_its_sets(bot: Harness) -> None:
    await bot.onboard(USER)
    message = await done(bot, typed="button")
    bot.clock.advance(minutes=1)
    await bot.press(USER, "✅ As written", message_id=message)
    written = len((await rows(bot))[1])
    await log(bot, "face pull 3x15 10kg")
    undone = text(await bot.press(USER, UNDO, message_id=message))
    # As written's own sets (a loaded lift with no load yet is asked for, not logged), not the face pulls.
    assert undone.startswith("↩️ Took back: Inverted row 2×10; ") and "face pull" not in undone.lower(), undone
    assert written > 3 and await rows(bot) == ([(today(bot), USER)], [(USER, "face-pull", 15)] * 3)
    assert text(await bot.send(USER, "/undo")).startswith("↩️ Took back today's session: Cable face pull")
    assert await rows(bot) == ([], [])
