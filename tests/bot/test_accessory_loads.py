"""As written asks for the load of every lift that takes one and has none known, accessories too, and a
dumbbell lift's question says the load is one dumbbell's.

A newcomer trial: the rear-delt fly (dumbbells), the straight-arm pulldown and face pull (cable) were
logged by As written with no load and never asked for one, so their progression never got a load; and
the dumbbell Romanian deadlift's question did not say whether to give the load per hand or in total. A
later one: a home backpack row's question gave a barbell's "e.g. 60" and did not say whether to give the
backpack's weight or a dumbbell's, and "twelve" in answer dropped the question.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness, labels
from tests.bot.harness import logged_rows as rows
from tests.bot.harness import plain as text

USER = 9119
SKIP = "⏭ Skip"


async def as_written(bot: Harness, level: str | None = None) -> str:
    await bot.onboard(USER, **({"level": level} if level else {}))
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    return text(await bot.press(USER, "✅ As written"))


async def test_every_lift_that_takes_a_load_is_asked_in_session_order_and_dumbbells_per_dumbbell(
    bot: Harness,
) -> None:
    # Beginner gym, session 1: dumbbell RDL, lat pulldown, seated cable row (main), inverted row,
    # rear-delt fly (dumbbells), reverse snow angel.
    written = await as_written(bot)
    assert "• Inverted row: 2×10\n• Reverse snow angel: 2×12" in written, "bodyweight moves: never asked"
    assert (
        "Not logged without a load: Dumbbell Romanian deadlift, Lat pulldown, Seated cable row,"
        " Bent-over rear-delt fly.\n⚖️ You can send the 4 loads in one message, in that order, e.g."
        " 16, 60, 60, 6 (skip for any you don't know), or answer one at a time:" in written
    )
    assert written.endswith(
        "⚖️ Dumbbell Romanian deadlift, 2×8: what load did you lift per dumbbell? Type one dumbbell's load,"
        " e.g. 16 or 16 kg, and I'll log it, or tap ⏭ Skip to leave it for now. Then 3 more lifts."
    ), written
    assert labels(bot, USER) == ["✏️ Adjust", "↩️ Undo", SKIP]

    rdl = text(await bot.send(USER, "16"))
    assert rdl.startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand"), rdl
    assert rdl.endswith(
        "⚖️ Lat pulldown, 2×10: what load did you lift? Type it, e.g. 60 or 60 kg, and I'll log"
        " it, or tap ⏭ Skip to leave it for now. Then 2 more lifts."
    )
    assert labels(bot, USER) == ["↩️ Undo", SKIP]
    await bot.send(USER, "40")
    row = text(await bot.send(USER, "45 kg"))
    assert "⚖️ Bent-over rear-delt fly, 2×12: what load did you lift per dumbbell?" in row, row
    fly = text(await bot.send(USER, "7.5"))
    assert fly.startswith("✍️ Logged Bent-over rear-delt fly: 2×12 @ 7.5 kg each hand"), fly
    assert "⚖️" not in fly and labels(bot, USER) == ["↩️ Undo"], "nothing left to ask"

    assert await rows(bot) == [
        ("inverted-row", 10, None, None),
        ("inverted-row", 10, None, None),
        ("reverse-snow-angel", 12, None, None),
        ("reverse-snow-angel", 12, None, None),
        ("dumbbell-rdl", 8, 16.0, "each hand"),
        ("dumbbell-rdl", 8, 16.0, "each hand"),
        ("lat-pulldown", 10, 40.0, None),
        ("lat-pulldown", 10, 40.0, None),
        ("seated-cable-row", 10, 45.0, None),
        ("seated-cable-row", 10, 45.0, None),
        ("rear-delt-fly", 12, 7.5, "each hand"),
        ("rear-delt-fly", 12, 7.5, "each hand"),
    ]
    # Everything is logged: the day is done, and the next message is read as usual.
    assert "⚖️" not in text(await bot.send(USER, "20"))
    assert len(await rows(bot)) == 12
    assert bot.errors == []


async def test_a_cable_accessory_is_asked_and_each_question_can_be_skipped(bot: Harness) -> None:
    # Intermediate gym, session 1: deadlift, lat pulldown, seated cable row, pull-up, rear-delt fly,
    # straight-arm cable pulldown.
    written = await as_written(bot, "💪 Intermediate")
    assert "Bent-over rear-delt fly, Straight-arm cable pulldown." in written
    question = bot.api.last(USER)
    # ⏭ Skip leaves the deadlift unlogged and asks the next.
    skipped = text(await bot.press(USER, SKIP))
    assert skipped.startswith(
        "⏭ Left Barbell deadlift unlogged. Log it when you know the load,"
        " e.g. /log barbell deadlift 3x6 60kg."
    ), skipped
    assert "⚖️ Lat pulldown, 3×6: what load" in skipped
    # The old question's Skip is for the deadlift, asked no more: it skips nothing now.
    assert await bot.press(USER, SKIP, message_id=question.message_id) == []
    assert bot.toasts()[-1].text == "That question is answered or skipped already."
    assert text(await bot.send(USER, "50")).startswith("✍️ Logged Lat pulldown: 3×6 @ 50 kg")
    # "skip" typed does what the button does.
    typed = text(await bot.send(USER, "skip"))
    assert typed.startswith("⏭ Left Seated cable row unlogged.") and "Bent-over rear-delt fly, 3×10" in typed
    await bot.send(USER, "10")
    pulldown = text(await bot.send(USER, "25"))
    assert pulldown.startswith("✍️ Logged Straight-arm cable pulldown: 3×10 @ 25 kg"), pulldown
    loaded = {(ex, load) for ex, _, load, _ in await rows(bot) if load is not None}
    assert loaded == {("lat-pulldown", 50.0), ("rear-delt-fly", 10.0), ("straight-arm-pulldown", 25.0)}
    assert not {"deadlift", "seated-cable-row"} & {ex for ex, *_ in await rows(bot)}, "skipped: unlogged"
    # What was skipped is still to log, and a /log logs it into the same session.
    assert "Still to log: Barbell deadlift, Seated cable row." in text(await bot.send(USER, "/done"))
    logged = text(await bot.send(USER, "/log barbell deadlift 3x6 80kg"))
    assert "Logged Barbell deadlift: 3×6 @ 80 kg" in logged
    assert bot.errors == []


@pytest.mark.parametrize(
    "typed",
    ["🤷", "💪💪", "abc", "idk", "?", "-5", "1000000000000", "60 stone", "twelve and a half", "a dozen kg"],
)
async def test_no_load_in_answer_is_told_what_the_question_takes(bot: Harness, typed: str) -> None:
    await as_written(bot)
    reply = text(await bot.send(USER, typed))
    assert reply == (
        "I need a number for Dumbbell Romanian deadlift: the load you lifted per dumbbell, e.g. 16 or 16 kg."
        " Don't know it? Tap ⏭ Skip and log it later with /log."
    ), reply
    assert labels(bot, USER) == [SKIP]
    # Still waiting: the next number answers the same question.
    assert text(await bot.send(USER, "12")).startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 12 kg")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("0", "0 kg isn't a load I can log for Dumbbell Romanian deadlift."),
        ("99999", "99999 kg isn't a load I can log for Dumbbell Romanian deadlift."),
        ("9000 lb", "9000 lb isn't a load I can log for Dumbbell Romanian deadlift."),
    ],
)
async def test_a_load_out_of_range_is_told_the_range(bot: Harness, typed: str, said: str) -> None:
    await as_written(bot)
    reply = text(await bot.send(USER, typed))
    assert reply.startswith(said) and "more than 0 and up to" in reply and "per dumbbell" in reply, reply
    assert labels(bot, USER) == [SKIP]
    assert not [row for row in await rows(bot) if row[0] == "dumbbell-rdl"]
    assert text(await bot.send(USER, "12")).startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 12 kg")


@pytest.mark.parametrize(
    ("typed", "load"),
    [
        ("１６", 16.0),
        ("١٦ kg", 16.0),
        ("१२.५", 12.5),
        ("twelve", 12.0),
        ("twenty five kg", 25.0),
        ("about 14", 14.0),
    ],
)
async def test_digits_of_any_script_and_numbers_in_words_are_a_load(
    bot: Harness, typed: str, load: float
) -> None:
    await as_written(bot)
    await bot.send(USER, typed)
    assert [row[2] for row in await rows(bot) if row[0] == "dumbbell-rdl"] == [load, load]


async def test_a_question_is_answered_and_the_load_asked_again(bot: Harness) -> None:
    await as_written(bot)
    sent = await bot.send(USER, "how heavy should a dumbbell RDL be?")
    assert "⚖️" not in text(sent[:1]) and "I need a number" not in text(sent)
    # Before: the wait ended here.
    assert text(sent[1:]).startswith("⚖️ Dumbbell Romanian deadlift, 2×8: what load"), text(sent)
    assert "Logged Dumbbell Romanian deadlift" in text(await bot.send(USER, "16"))


async def test_a_band_session_asks_for_nothing(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert "⚖️" not in written and "Not logged without a load" not in written
    assert SKIP not in labels(bot, USER) and {load for *_, load, _ in await rows(bot)} == {None}


async def test_an_accessory_whose_rule_moves_its_load_is_asked_and_one_it_keeps_is_logged_at_it(
    bot: Harness,
) -> None:
    # Beginner gym: the rear-delt fly (2 × 12–15) is in sessions 1 and 4.
    await bot.onboard(USER)
    # The top of its range stretched for a big jump, as the next dumbbell up from 10 kg is: heavier next time.
    await bot.send(USER, "/log rear delt fly 2x18 10kg")
    for session in range(1, 5):
        await bot.send(USER, "/workout")
        await bot.press(USER, "✅ Done")
        written = text(await bot.press(USER, "✅ As written"))
        if session == 4:
            # /workout shows it no load: 12.5 kg was never said, so what was lifted is asked.
            assert "⚖️ Bent-over rear-delt fly, 2×12: what load did you lift per dumbbell?" in written, written
            await bot.send(USER, "12")
            break
        while "⚖️" in (bot.api.last(USER).plain_text or ""):
            await bot.send(USER, "10")
        bot.clock.advance(days=2)
    fly = [(reps, load) for ex, reps, load, _ in await rows(bot) if ex == "rear-delt-fly"]
    assert fly == [(18, 10.0)] * 2 + [(12, 12.0)] * 2


async def test_a_group_gets_the_log_line_per_dumbbell_and_it_logs(bot: Harness) -> None:
    group, ann = -9119, 911
    bot.api.group_chat(group, "Back Buddies")
    await bot.onboard(group, user_id=ann)
    await bot.send(group, "/workout", user_id=ann)
    await bot.press(group, "✅ Done", user_id=ann)
    written = text(await bot.press(group, "✅ As written", user_id=ann))
    assert written.endswith(
        "⚖️ Dumbbell Romanian deadlift, 2×8: what load did you lift per dumbbell? Send one dumbbell's load"
        " with /log, e.g. /log dumbbell romanian deadlift 2x8 16kg."
    ), written
    assert SKIP not in labels(bot, group), "a group waits for no answer: nothing to skip"
    logged = text(await bot.send(group, "/log dumbbell romanian deadlift 2x8 16kg", user_id=ann))
    assert "Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg" in logged


async def test_a_backpack_lift_asks_for_the_backpack_or_each_dumbbell_with_a_backpacks_example(
    bot: Harness,
) -> None:
    # A trial: "what load did you lift? e.g. 60" for a backpack row, total or per dumbbell left unsaid.
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    first = written.split("⚖️ ")[-1]
    assert first.startswith(
        ("Romanian deadlift with a loaded backpack", "Bent-over row with a loaded backpack")
    )
    assert first.endswith(
        ": what load did you lift? Type the backpack's weight, or each dumbbell's if you used two, e.g. 10 or"
        " 10 kg, and I'll log it, or tap ⏭ Skip to leave it for now. Then 2 more lifts."
    ), written
    assert "60" not in first
    # A failed try is told what to give, the question kept open.
    retry = text(await bot.send(USER, "twelve and a half kilos"))
    assert (
        "the load you lifted (the backpack's, or each dumbbell's if you used two), e.g. 10 or 10 kg" in retry
    )
    # A number in words is the backpack's load; "each" says two dumbbells, each hand's, as /log says it.
    backpack = text(await bot.send(USER, "twelve kilos"))
    assert backpack.startswith("✍️ Logged ") and "@ 12 kg\n" in backpack and "each hand" not in backpack
    assert "⚖️" in backpack, "the other backpack lift is asked next"
    dumbbells = text(await bot.send(USER, "8 kg each"))
    assert dumbbells.startswith("✍️ Logged ") and "@ 8 kg each hand" in dumbbells, dumbbells
    logged = {(ex, load, note) for ex, _, load, note in await rows(bot) if load is not None}
    assert {(load, note) for _, load, note in logged} == {(12.0, None), (8.0, "each hand")}
    assert {ex for ex, _, _ in logged} == {"backpack-rdl", "backpack-row"}
    assert bot.errors == []


async def test_a_barbell_load_said_each_is_asked_again(bot: Harness) -> None:
    await as_written(bot, "💪 Intermediate")  # the barbell deadlift is asked first
    reply = text(await bot.send(USER, "60 each"))
    assert reply.startswith("I need a number for Barbell deadlift: the load you lifted, e.g. 60"), reply
    assert text(await bot.send(USER, "sixty kg")).startswith("✍️ Logged Barbell deadlift: 3×6 @ 60 kg")


async def test_a_group_gets_the_backpack_line_at_a_backpacks_example_and_it_logs(bot: Harness) -> None:
    group, ann = -9120, 912
    bot.api.group_chat(group, "Home Backs")
    await bot.onboard(group, equipment="🏠 Home", kit=("A backpack or other load",), user_id=ann)
    await bot.send(group, "/workout", user_id=ann)
    await bot.press(group, "✅ Done", user_id=ann)
    written = text(await bot.press(group, "✅ As written", user_id=ann))
    asked = written.split("⚖️ ")[-1]
    assert (
        ": what load did you lift? Send the backpack's weight, or each dumbbell's if you used two, with /log"
        in (asked)
    ), written
    line = asked.split("e.g. /log ")[-1].rstrip(".")
    assert line.endswith(" 10kg") and "with a loaded backpack or dumbbells" in line, line
    logged = text(await bot.send(group, f"/log {line}", user_id=ann))
    assert "@ 10 kg" in logged and "Logged" in logged, logged


async def test_a_home_fly_with_a_weight_in_each_hand_is_asked_per_hand_at_a_light_example(
    bot: Harness,
) -> None:
    # A trial: the home rear-delt fly ("light weights or water bottles") was asked "e.g. 60", in total.
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    said = ""
    for _ in range(3):
        await bot.send(USER, "/workout")
        await bot.press(USER, "✅ Done")
        said = text(await bot.press(USER, "✅ As written"))
        for _ in range(4):
            if "⚖️ Rear-delt fly" in said.split("\n")[-1] or "⚖️" not in said:
                break
            said = text(await bot.send(USER, "10"))
        if "⚖️ Rear-delt fly" in said:
            break
        bot.clock.advance(days=2)
    asked = said.split("⚖️ ")[-1]
    assert asked.startswith("Rear-delt fly with light weights or water bottles"), said
    assert "what load did you lift per dumbbell?" in asked and "e.g. 6 or 6 kg" in asked, asked
    logged = text(await bot.send(USER, "3"))
    assert "@ 3 kg each hand" in logged, logged
    assert bot.errors == []
