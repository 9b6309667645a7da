"""Sets of several lifts told in one message, through the real Application against the Bot API double: one
/log offer with one button that logs every lift's sets, and /log itself taking several exercises."""

from __future__ import annotations

from sqlalchemy import select

from bot import callbacks
from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 4004
# The newcomer trial's message: answered with "Did you mean Deadlift / Lat pulldown?" before.
TRIAL = "hit 200x3 on deadlift today, then 3 sets of 8 on pulldown at 75"
TRIAL_LINE = "deadlift 1x3 200kg; lat pulldown 3x8 75kg"


async def sets_of(bot: Harness) -> list[tuple[str, int, float | None, str]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load, LoggedSet.unit).order_by(
            LoggedSet.id
        )
        return [tuple(row) for row in (await session.execute(query)).all()]


def buttons(bot: Harness) -> list[tuple[str, str]]:
    return [button for row in bot.api.buttons(bot.api.last()) for button in row]


async def test_sets_of_two_lifts_are_offered_as_one_log_and_the_button_logs_both(bot: Harness) -> None:
    await bot.onboard(USER)  # a gym beginner: today has the lat pulldown
    [offer] = await bot.send(USER, TRIAL)
    assert offer.plain_text == f"📝 Shall I log that? {TRIAL_LINE} — tap below, or correct it with /log."
    assert "Did you mean" not in (offer.plain_text or "")
    assert buttons(bot) == [(f"▶ /log {TRIAL_LINE}", callbacks.pack("cmd", "log", TRIAL_LINE))]
    assert await sets_of(bot) == []

    logged = await bot.press(USER, f"▶ /log {TRIAL_LINE}")
    reply = logged[-1].plain_text or ""
    assert reply.startswith("✍️ Logged:\n• Barbell deadlift: 1×3 @ 200 kg\n• Lat pulldown: 3×8 @ 75 kg"), reply
    assert await sets_of(bot) == [("deadlift", 3, 200.0, "kg")] + [("lat-pulldown", 8, 75.0, "kg")] * 3
    history = (await bot.send(USER, "/history"))[-1].plain_text or ""
    assert "Barbell deadlift" in history and "Lat pulldown" in history, history
    assert bot.errors == []


async def test_rows_with_a_load_and_pulldowns_are_logged_as_todays_lifts(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/units lb")
    # Today has two rows (the cable row and the inverted row): with a load, "rows" is the cable row.
    [offer] = await bot.send(USER, "did 3 sets of 10 rows with 40kg and 2 sets of 8 pulldowns at 50")
    line = "cable row 3x10 40kg; lat pulldown 2x8 50lb"  # a load with no unit is in the chat's
    assert f"Shall I log that? {line}" in (offer.plain_text or "")
    assert [data for _, data in buttons(bot)] == [callbacks.pack("cmd", "log", line)]
    await bot.press(USER, f"▶ /log {line}")
    # Stored in the unit typed (40 kg stays 40 kg, shown in the chat's lb as 88.2 lb); no unit is the chat's.
    stored = await sets_of(bot)
    assert [(ex, reps) for ex, reps, _, _ in stored] == [("seated-cable-row", 10)] * 3 + [
        ("lat-pulldown", 8)
    ] * 2
    assert {(load, unit) for ex, _, load, unit in stored if ex == "seated-cable-row"} == {(40.0, "kg")}
    assert {(load, unit) for ex, _, load, unit in stored if ex == "lat-pulldown"} == {(50.0, "lb")}
    assert bot.errors == []


async def test_a_question_with_numbers_is_answered_not_logged(bot: Harness) -> None:
    await bot.onboard(USER)
    for question in ("is 3x8 at 75 good for pulldowns?", "is 3x8 at 75 good for pulldowns"):
        [answer] = await bot.send(USER, question)
        text = answer.plain_text or ""
        assert "Shall I log" not in text and text.startswith("Lat pulldown"), text
        assert not any(data.startswith(callbacks.pack("cmd", "log")) for _, data in buttons(bot)), question
    assert await sets_of(bot) == []
    assert bot.errors == []


async def test_two_lifts_told_for_another_day_say_the_log_for_that_day(bot: Harness) -> None:
    await bot.onboard(USER)
    [reply] = await bot.send(USER, "yesterday: deadlift 200x3, then pulldown 3x8 @ 75")
    text = reply.plain_text or ""
    assert (
        text == f"📝 Shall I log that for yesterday, Mon 23 Nov? {TRIAL_LINE} yesterday — tap below, "
        "or correct it with /log."
    )
    assert buttons(bot) == [
        (f"▶ /log {TRIAL_LINE} yesterday", callbacks.pack("cmd", "log", f"{TRIAL_LINE} yesterday"))
    ]
    assert await sets_of(bot) == []
    logged = (await bot.press(USER, f"▶ /log {TRIAL_LINE} yesterday"))[-1].plain_text or ""
    assert logged.startswith("✍️ Logged for yesterday, Mon 23 Nov:\n• Barbell deadlift: 1×3 @ 200 kg\n"), (
        logged
    )
    history = (await bot.send(USER, "/history"))[-1].plain_text or ""
    assert "Mon 23 Nov · session 1" in history and "Lat pulldown: 3×8 @ 75 kg" in history, history
    [reply] = await bot.send(USER, "last week: deadlift 200x3, then pulldown 3x8 @ 75")
    text = reply.plain_text or ""
    assert text.startswith("📝 I log sets for today or up to 2 days back"), text
    assert f"/log {TRIAL_LINE} yesterday" in text and bot.api.buttons(reply) == []
    assert bot.errors == []


async def test_sets_too_long_for_a_buttons_data_are_read_back_from_the_offer(bot: Harness) -> None:
    await bot.onboard(USER)
    [reply] = await bot.send(USER, "deadlift 200x3 then face pulls 3x15 then cable rows 3x10 at 50")
    line = "deadlift 1x3 200kg; face pull 3x15; cable row 3x10 50kg"
    assert reply.plain_text == (
        f"📝 Shall I log that? /log {line} — tap below to log it all in one go, or correct it with /log."
    )
    assert [label for row in bot.api.buttons(reply) for label, _ in row] == [f"▶ /log {line}"]
    logged = (await bot.press(USER, f"▶ /log {line}"))[-1].plain_text or ""
    assert (
        "• Barbell deadlift: 1×3 @ 200 kg\n• Cable face pull: 3×15\n• Seated cable row: 3×10 @ 50 kg"
        in logged
    )
    assert len(await sets_of(bot)) == 7
    assert bot.errors == []


async def test_a_log_of_several_logs_all_or_says_which_part_it_could_not_read(bot: Harness) -> None:
    await bot.onboard(USER)
    [refused] = await bot.send(USER, "/log deadlift 1x3 200kg; tbar row 3x8 40kg")
    text = refused.plain_text or ""
    assert text.startswith("In “tbar row 3x8 40kg”: I don't know the exercise “tbar row”."), text
    assert "Nothing is logged yet" in text and bot.api.buttons(refused) == []
    assert await sets_of(bot) == []
    [logged] = await bot.send(USER, "/log deadlift 1x3 200kg; pull-up 5,5,4 # strict")
    assert (logged.plain_text or "").startswith(
        "✍️ Logged:\n• Barbell deadlift: 1×3 @ 200 kg\n• Pull-up: 5, 5, 4"
    )
    assert await sets_of(bot) == [("deadlift", 3, 200.0, "kg")] + [
        ("pull-up", r, None, "kg") for r in (5, 5, 4)
    ]
    async with bot.app.bot_data.sessionmaker() as session:  # a note is its own part's
        notes = (
            await session.execute(select(LoggedSet.exercise, LoggedSet.note).order_by(LoggedSet.id))
        ).all()
    assert [tuple(row) for row in notes] == [("deadlift", None)] + [("pull-up", "strict")] * 3
    # One undo takes the whole /log back, asked first since it holds two lifts.
    asked = (await bot.send(USER, "/undo"))[-1].plain_text or ""
    assert asked.startswith("↩️ Take back today's session: 2 lifts (Barbell deadlift"), asked
    assert await sets_of(bot) != []
    undone = (await bot.press(USER, "Yes, take it back"))[-1].plain_text or ""
    assert "Barbell deadlift" in undone and "Pull-up" in undone, undone
    assert await sets_of(bot) == []
    assert bot.errors == []
