"""A coach's trial of As written's load questions and of a dumbbell accessory's line after weeks away.

A rear-delt fly logged at the top of its range three weeks before was told "take the next dumbbell up
from 10 kg", and As written then said "Tell me what it weighs now" under a question about another lift.
Four lifts without a known load were asked one by one, each question saying nothing of how many were to
come. Now a log weeks old is held after the break (``comeback``), named, and logged as shown; the lifts
without a load are listed once, answerable in one message ("16, 40, 45, 6", a skip for any), or one at a
time with each question saying how many follow.
"""

from __future__ import annotations

from tests.bot.harness import Harness, labels
from tests.bot.harness import logged_rows as rows
from tests.bot.harness import plain as text

USER = 7117
SKIP = "⏭ Skip"
FLY = "Bent-over rear-delt fly"


def fly_line(workout: str) -> str:
    return next((line for line in workout.splitlines() if line.startswith(f"📈 {FLY}:")), "")


async def until_the_fly(bot: Harness, chat_id: int = USER) -> str:
    """/workout every other day, the sessions without the fly done as written (loads skipped), until one
    has the fly; that /workout's card."""
    for _ in range(4):
        workout = text(await bot.send(chat_id, "/workout"))
        if FLY in workout:
            return workout
        await bot.press(chat_id, "✅ Done")
        await bot.press(chat_id, "✅ As written")
        await bot.send(chat_id, ", ".join(["skip"] * 6))
        bot.clock.advance(days=2)
    raise AssertionError("no session with the fly")


async def test_a_dumbbell_fly_logged_three_weeks_ago_starts_there_again_and_is_logged_as_shown(
    bot: Harness,
) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log rear delt fly 2x15 10kg")  # the top of 12–15: a dumbbell up, if recent
    bot.clock.advance(days=21)
    workout = await until_the_fly(bot)
    # Sessions without the fly came in between: three weeks since the fly, not a break from training.
    assert fly_line(workout) == (
        f"📈 {FLY}: last time 2×15 @ 10 kg each hand → today 2×15 @ 10 kg each hand: 3 weeks since you last"
        " did it, so the same as last time before going up again."
    ), workout
    assert "next dumbbell up" not in workout
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    # Named on the card, so logged at it: no question about the fly, no "tell me what it weighs".
    assert f"• {FLY}: 2×15 @ 10 kg" in written, written
    assert "Tell me what it weighs" not in written and f"⚖️ {FLY}" not in written
    assert "went up" not in written
    # Back in its rhythm, the next session of it goes on as usual: at the top, the next dumbbell up is a big
    # jump from 10 kg, earned with reps first (``pairstep``).
    await bot.send(USER, ", ".join(["skip"] * 6))
    bot.clock.advance(days=2)
    assert "today 2×16 @ 10 kg each hand. The next dumbbell up is a big jump" in fly_line(
        await until_the_fly(bot)
    )


async def test_every_load_in_one_message_logs_them_all_with_one_undo(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert (
        "Not logged without a load: Dumbbell Romanian deadlift, Lat pulldown, Seated cable row,"
        f" {FLY}.\n⚖️ You can send the 4 loads in one message, in that order, e.g. 16, 60, 60, 6 (skip for"
        " any you don't know), or answer one at a time:"
    ) in written, written
    assert written.endswith("leave it for now. Then 3 more lifts."), written
    question = bot.api.last(USER)
    bot.clock.advance(minutes=5)
    answered = text(await bot.send(USER, "16, 40\n45 kg; 7.5"))
    assert answered.startswith(
        "✍️ Logged:\n• Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand\n• Lat pulldown: 2×10 @ 40 kg\n"
        f"• Seated cable row: 2×10 @ 45 kg\n• {FLY}: 2×12 @ 7.5 kg each hand"
    ), answered
    assert "⚖️" not in answered and labels(bot, USER) == ["↩️ Undo"], "nothing left to ask"
    loaded = [(ex, load, note) for ex, _, load, note in await rows(bot) if load is not None]
    assert loaded == [
        ("dumbbell-rdl", 16.0, "each hand"),
        ("dumbbell-rdl", 16.0, "each hand"),
        ("lat-pulldown", 40.0, None),
        ("lat-pulldown", 40.0, None),
        ("seated-cable-row", 45.0, None),
        ("seated-cable-row", 45.0, None),
        ("rear-delt-fly", 7.5, "each hand"),
        ("rear-delt-fly", 7.5, "each hand"),
    ]
    # The first question's Skip is stale now; the next number is read as usual.
    assert await bot.press(USER, SKIP, message_id=question.message_id) == []
    assert bot.toasts()[-1].text == "That question is answered or skipped already."
    bot.clock.advance(minutes=1)
    undone = text(await bot.press(USER, "↩️ Undo"))
    assert undone.startswith("↩️ Took back: Dumbbell Romanian deadlift 2×8 @ 16 kg; Lat pulldown"), undone
    assert {ex for ex, *_ in await rows(bot)} == {"inverted-row", "reverse-snow-angel"}


async def test_some_loads_and_a_skip_then_the_rest_one_at_a_time(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    answered = text(await bot.send(USER, "16, skip"))
    assert answered.startswith("✍️ Logged:\n• Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand\n"), answered
    assert "⏭ Left Lat pulldown unlogged. Log it with /log when you know the load." in answered
    assert answered.endswith(
        "⚖️ Seated cable row, 2×10: what load did you lift? Type it, e.g. 60 or 60 kg, and I'll log it,"
        " or tap ⏭ Skip to leave it for now. Then 1 more lift."
    ), answered
    assert labels(bot, USER) == ["↩️ Undo", SKIP]
    last = text(await bot.send(USER, "45"))
    assert last.endswith("e.g. 6 or 6 kg, and I'll log it, or tap ⏭ Skip to leave it for now."), last
    assert "Then" not in last.split("⚖️")[-1], "the last question says none follow"
    assert text(await bot.send(USER, "8")).startswith(f"✍️ Logged {FLY}: 2×12 @ 8 kg each hand")
    assert "lat-pulldown" not in {ex for ex, *_ in await rows(bot)}, "skipped: unlogged"


async def test_a_list_with_a_bad_load_or_too_many_logs_nothing_and_keeps_asking(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    bad = text(await bot.send(USER, "16, 0, 45"))
    assert bad == (
        "Nothing logged yet: I can't log load 2 of your message for Lat pulldown. Type what you lifted,"
        " more than 0 and up to 500 kg, e.g. 60, and send the list again, or answer one at a time."
    ), bad
    assert labels(bot, USER) == [SKIP]
    many = text(await bot.send(USER, "16, 40, 45, 6, 7"))
    assert many == (
        "I'm asking about 4 lifts and read 5 loads in your message, so I logged nothing. Send one load"
        f" each, in order (Dumbbell Romanian deadlift, Lat pulldown, Seated cable row, {FLY}), or answer"
        " one at a time."
    ), many
    assert {ex for ex, *_ in await rows(bot)} == {"inverted-row", "reverse-snow-angel"}
    # Still waiting: a single number answers the first question.
    assert text(await bot.send(USER, "12")).startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 12 kg")


async def test_the_one_lift_that_went_up_is_asked_right_under_its_line(bot: Harness) -> None:
    await bot.onboard(USER)
    known = ("dumbbell rdl 2x8 16kg", "lat pulldown 2x10 40kg", "seated cable row 2x10 45kg")
    for lift in (*known, "straight arm pulldown 2x12 20kg"):
        await bot.send(USER, f"/log {lift}")
    # The top of 12–15 stretched for the next dumbbell up, a big jump from 10 kg (``pairstep``): it went up.
    await bot.send(USER, "/log rear delt fly 2x18 10kg")
    bot.clock.advance(days=2)
    await until_the_fly(bot)
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert (
        f"Not logged at the old load, since it went up: {FLY}. I'm asking its new load below.\n\n"
        f"⚖️ {FLY}, 2×12: what load did you lift per dumbbell?"
    ) in written, written
    assert labels(bot, USER)[-1] == SKIP


async def test_a_group_is_told_the_log_line_for_a_lift_that_went_up(bot: Harness) -> None:
    group, ann = -7117, 717
    bot.api.group_chat(group, "Back Buddies")
    await bot.onboard(group, user_id=ann)
    await bot.send(group, "/log rear delt fly 2x18 10kg", user_id=ann)
    bot.clock.advance(days=2)
    for _ in range(4):
        if FLY in text(await bot.send(group, "/workout", user_id=ann)):
            break
        await bot.press(group, "✅ Done", user_id=ann)
        await bot.press(group, "✅ As written", user_id=ann)
        bot.clock.advance(days=2)
    await bot.press(group, "✅ Done", user_id=ann)
    written = text(await bot.press(group, "✅ As written", user_id=ann))
    assert (
        f"Not logged at the old load, since it went up: {FLY}. Send what it weighs now with /log, e.g."
        " /log bent-over rear-delt fly 2x12 6kg."
    ) in written, written
    assert "You can send" not in written and "Then " not in written, "a group answers with /log"
    assert SKIP not in labels(bot, group)
    logged = text(await bot.send(group, "/log bent-over rear-delt fly 2x12 12kg", user_id=ann))
    assert f"Logged {FLY}: 2×12 @ 12 kg" in logged, logged
