"""/undo asks before taking back an entry of several lifts, through the real Application.

A newcomer trial: /undo took back a whole six-lift "As written" at once, without a word. Now an entry of
more than one lift gets a question with Yes and Keep buttons; one lift's /log still goes at once. The Yes
takes the entry back only while it is still the last thing its member logged: pressed twice, after
another log, on another day, by someone else or with a forged payload, it says so and takes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot import callbacks
from storage.models import LoggedSet, WorkoutLog
from tests.bot.harness import Harness

USER = 6306
GROUP, ANN, BOB = -6307, 631, 632
YES, KEEP = "Yes, take it back", "Keep it"
SIX = (
    "/log deadlift 3x5 100kg; lat pulldown 3x10 40kg; seated cable row 3x10 40kg; face pull 3x15 15kg; "
    "barbell row 3x8 50kg; straight-arm pulldown 3x12 20kg"
)
ASKED = (
    "↩️ Take back today's session: 6 lifts (Barbell deadlift 3×5 @ 100 kg; Lat pulldown 3×10 @ 40 kg; "
    "Seated cable row 3×10 @ 40 kg and 3 more)?"
)
GONE = "That's already taken back, so nothing more went. /history shows what is logged."
STALE = "That button has expired. Send /help to start fresh."


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def sets(bot: Harness) -> list[tuple[int, str]]:
    """The sets left in the database: member and exercise, in the order logged."""
    async with bot.app.bot_data.sessionmaker() as session:
        found = await session.execute(select(LoggedSet.user_id, LoggedSet.exercise).order_by(LoggedSet.id))
        return [(user, exercise) for user, exercise in found.all()]


async def sessions(bot: Harness) -> int:
    async with bot.app.bot_data.sessionmaker() as session:
        return len((await session.execute(select(WorkoutLog.id))).all())


async def ask(bot: Harness, chat: int = USER, user: int | None = None) -> tuple[int, list[tuple[str, str]]]:
    """/undo, which asks: the question's message id and its buttons (label, payload)."""
    bot.clock.advance(minutes=2)
    [asked] = await bot.send(chat, "/undo", user_id=user)
    [row] = bot.api.buttons(asked)
    return asked.message_id, row


async def test_undo_asks_before_taking_back_six_lifts_and_keep_keeps_them(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, SIX)
    logged = await sets(bot)
    assert len(logged) == 18
    question, row = await ask(bot)
    assert bot.api.last(USER).text == ASKED
    assert [label for label, _ in row] == [YES, KEEP]
    assert all(len(data.encode()) <= 64 for _, data in row)
    assert await sets(bot) == logged, "asking takes nothing back"

    kept = await bot.press(USER, KEEP, message_id=question)
    assert text(kept) == "👍 Kept: nothing was taken back."
    assert bot.api.buttons(bot.api.last(USER)) == [], "the question's buttons are gone"
    assert await sets(bot) == logged and await sessions(bot) == 1

    question, _ = await ask(bot)
    taken = await bot.press(USER, YES, message_id=question)
    assert text(taken) == (
        "↩️ Took back today's session: Barbell deadlift 3×5 @ 100 kg; Lat pulldown 3×10 @ 40 kg; "
        "Seated cable row 3×10 @ 40 kg and 3 more. Nothing is logged for today now."
    )
    assert await sets(bot) == [] and await sessions(bot) == 0
    assert text(await bot.send(USER, "/undo")) == "Nothing logged today to undo."


async def test_one_lifts_log_is_taken_back_at_once(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, SIX)
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log pull-up 5,5,4")
    bot.clock.advance(minutes=3)
    [undone] = await bot.send(USER, "/undo")
    assert undone.text == "↩️ Took back: Pull-up 5, 5, 4. Send /undo again to take back more."
    assert bot.api.buttons(undone) == []
    assert len(await sets(bot)) == 18


async def test_as_written_of_a_whole_session_is_asked_about(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    bot.clock.advance(minutes=2)
    await bot.press(USER, "✅ As written")
    logged = await sets(bot)
    assert len({exercise for _, exercise in logged}) > 1, logged
    question, _ = await ask(bot)
    asked = bot.api.last(USER).text or ""
    assert asked.startswith("↩️ Take back today's session: ") and " lifts (" in asked, asked
    await bot.press(USER, YES, message_id=question)
    assert await sets(bot) == [] and await sessions(bot) == 0


async def test_a_second_yes_says_it_is_gone_and_takes_nothing_more(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log pull-up 5,5,4")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log row 3x10 40kg; face pull 3x15 10kg")
    question, row = await ask(bot)
    assert bot.api.last(USER).text == (
        "↩️ Take back your last entry: 2 lifts (Seated cable row 3×10 @ 40 kg; Cable face pull 3×15 @ 10 kg)?"
    )
    await bot.press(USER, YES, message_id=question)
    assert await sets(bot) == [(USER, "pull-up")] * 3
    # The same Yes again (a second client still showing it): the pull-ups are the last entry now.
    yes = dict(row)[YES]
    again = await bot.callback(USER, yes, message_id=question)
    assert text(again) == GONE
    assert await sets(bot) == [(USER, "pull-up")] * 3


async def test_a_yes_after_another_log_takes_nothing(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, SIX)
    question, _ = await ask(bot)
    bot.clock.advance(minutes=1)
    await bot.send(USER, "/log pull-up 5,5,4")
    logged = await sets(bot)
    answer = await bot.press(USER, YES, message_id=question)
    assert text(answer) == (
        "You logged more after I asked, so I took nothing back. "
        "Send /undo to take back the last thing you logged."
    )
    assert await sets(bot) == logged


async def test_a_yes_on_another_day_takes_nothing(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, SIX)
    question, _ = await ask(bot)
    bot.clock.advance(days=1)
    answer = await bot.press(USER, YES, message_id=question)
    assert text(answer).startswith("That question was from an earlier day, so I took nothing back.")
    assert len(await sets(bot)) == 18


async def test_forged_payloads_get_a_polite_answer_and_take_nothing(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, SIX)
    question, row = await ask(bot)
    yes = dict(row)[YES]
    head, owner, answer = yes.rsplit(":", 2)
    day_part = head.split(":")
    forged = [
        f"{head}:{owner}:x",  # no such answer
        f"{head}:--{owner}:y",  # not a member's id
        f"{head}:{owner}",  # a part short
        f"{yes}:y",  # a part over
        yes.replace(day_part[2], "20261399"),  # no such day
        f"{':'.join(day_part[:4])}:!!:{owner}:{answer}",  # no such time
        "1:uq",
    ]
    for data in forged:
        assert await bot.callback(USER, data, message_id=question) == []
        assert bot.toasts()[-1].text == STALE, data
    # Well-formed, but naming a time nothing was logged at: nothing to take back.
    instant = callbacks.unpack_instant(day_part[4])
    assert instant is not None
    other = callbacks.pack_instant(instant + timedelta(seconds=1))
    elsewhere = f"{':'.join(day_part[:4])}:{other}:{owner}:{answer}"
    assert text(await bot.callback(USER, elsewhere, message_id=question)) == GONE
    assert len(await sets(bot)) == 18


async def test_in_a_group_the_question_is_for_whoever_sent_undo(bot: Harness) -> None:
    await bot.onboard(GROUP, user_id=ANN)
    await bot.send(GROUP, SIX, user_id=ANN)
    bot.clock.advance(minutes=1)
    await bot.send(GROUP, "/log row 3x10 40kg; face pull 3x15 10kg", user_id=BOB)
    question, _ = await ask(bot, GROUP, ANN)
    assert (bot.api.last(GROUP).text or "").startswith("↩️ Take back today's session: 6 lifts")
    before = await sets(bot)
    assert await bot.press(GROUP, YES, user_id=BOB, message_id=question) == []
    assert bot.toasts()[-1].text == (
        "That question is for whoever sent /undo. Send /undo to take back your own last entry."
    )
    assert await sets(bot) == before
    await bot.press(GROUP, YES, user_id=ANN, message_id=question)
    assert await sets(bot) == [(BOB, "seated-cable-row")] * 3 + [(BOB, "face-pull")] * 3
