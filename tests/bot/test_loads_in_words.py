"""A newcomer's trial: after a workout, As written asked for the loads it did not know, and the answers came
in words ("about 45 I think", "40 on the rows and 55 on the pulldown", "the row was 40kg"). They went to the
question answerer instead, were declined as off-topic or answered with the row's card, and the question
was dropped, so a following plain "24, 35" was declined too. Now loads told in words are logged, each on the
lift it names and the rest in the order asked; a message that is no load and nothing the answerer answers
is told so, with how to answer, and the question keeps waiting.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness, labels
from tests.bot.harness import logged_rows as rows
from tests.bot.harness import plain as text

USER = 7331
SKIP = "⏭ Skip"
ASKED_RDL = (
    "⚖️ Dumbbell Romanian deadlift, 2×8: what load did you lift per dumbbell? Type one dumbbell's load, e.g."
    " 16 or 16 kg, and I'll log it, or tap ⏭ Skip to leave it for now."
)
ASKED_ROW = (
    "⚖️ Seated cable row, 2×10: what load did you lift? Type it, e.g. 60 or 60 kg, and I'll log it, or tap"
    " ⏭ Skip to leave it for now."
)
HOW = (
    "For Dumbbell Romanian deadlift, type the load you lifted per dumbbell, e.g. 16 or 16 kg, or tap ⏭ Skip"
    " to leave it for now. Or send the 4 loads in one message, in order (Dumbbell Romanian deadlift, Lat"
    " pulldown, Seated cable row, Bent-over rear-delt fly), e.g. 16, 60, 60, 6, or name them, e.g. 60 on"
    " the lat pulldown."
)


async def as_written(bot: Harness) -> None:
    """A beginner's first gym session done as written: four lifts asked for a load, the RDL first."""
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")


async def loaded(bot: Harness) -> list[tuple[str, float, str | None]]:
    return [(ex, load, note) for ex, _, load, note in await rows(bot) if load is not None]


async def test_a_load_said_with_filler_answers_the_lift_asked(bot: Harness) -> None:
    await as_written(bot)
    answered = text(await bot.send(USER, "about 45 I think"))
    assert answered == (
        "✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 45 kg each hand\n\n⚖️ Lat pulldown, 2×10: what load did"
        " you lift? Type it, e.g. 60 or 60 kg, and I'll log it, or tap ⏭ Skip to leave it for now. Then 2"
        " more lifts."
    ), answered
    assert await loaded(bot) == [("dumbbell-rdl", 45.0, "each hand")] * 2
    assert labels(bot, USER) == ["↩️ Undo", SKIP]


@pytest.mark.parametrize(
    "said",
    ["40 on the rows and 55 on the pulldown", "pulldown 55, row 40", "55 kg pulldown; the row was 40kg"],
)
async def test_loads_named_by_lift_go_to_that_lift_whatever_the_order(bot: Harness, said: str) -> None:
    await as_written(bot)
    answered = text(await bot.send(USER, said))
    assert answered == (
        "✍️ Logged:\n• Lat pulldown: 2×10 @ 55 kg\n• Seated cable row: 2×10 @ 40 kg\n\n"
        f"{ASKED_RDL} Then 1 more lift."
    ), answered
    assert await loaded(bot) == [("lat-pulldown", 55.0, None)] * 2 + [("seated-cable-row", 40.0, None)] * 2
    # The lifts not named are still asked, in order: the RDL now, then the fly.
    assert text(await bot.send(USER, "16")).startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg")
    assert text(await bot.send(USER, "fly was 7.5")).startswith(
        "✍️ Logged Bent-over rear-delt fly: 2×12 @ 7.5 kg each hand"
    )
    assert {ex for ex, *_ in await loaded(bot)} == {
        "dumbbell-rdl",
        "lat-pulldown",
        "seated-cable-row",
        "rear-delt-fly",
    }


@pytest.mark.parametrize("said", ["rows were 40", "the row was 40kg"])
async def test_one_lift_named_is_logged_and_the_first_is_still_asked(bot: Harness, said: str) -> None:
    await as_written(bot)
    answered = text(await bot.send(USER, said))
    assert answered == f"✍️ Logged:\n• Seated cable row: 2×10 @ 40 kg\n\n{ASKED_RDL} Then 2 more lifts.", (
        answered
    )
    assert await loaded(bot) == [("seated-cable-row", 40.0, None)] * 2


async def test_an_unnamed_load_and_a_named_one(bot: Harness) -> None:
    await as_written(bot)
    answered = text(await bot.send(USER, "24kg dumbbell, pulldown was 35"))
    assert answered == (
        "✍️ Logged:\n• Dumbbell Romanian deadlift: 2×8 @ 24 kg each hand\n• Lat pulldown: 2×10 @ 35 kg\n\n"
        f"{ASKED_ROW} Then 1 more lift."
    ), answered
    assert await loaded(bot) == [("dumbbell-rdl", 24.0, "each hand")] * 2 + [("lat-pulldown", 35.0, None)] * 2


async def test_a_lift_not_asked_logs_nothing_and_the_question_keeps_waiting(bot: Harness) -> None:
    await as_written(bot)
    # The pec deck is not the rear-delt fly asked: its 35 is not logged on the next lift in order.
    told = text(await bot.send(USER, "24kg dumbbell, pec deck was 35"))
    assert told == f"“pec deck” isn't one of the lifts I'm asking a load for, so nothing is logged yet. {HOW}"
    assert labels(bot, USER) == [SKIP]
    assert await loaded(bot) == []
    # Still waiting: the plain list the trial's next message was is logged in order.
    answered = text(await bot.send(USER, "24, 35"))
    assert answered.startswith(
        "✍️ Logged:\n• Dumbbell Romanian deadlift: 2×8 @ 24 kg each hand\n• Lat pulldown: 2×10 @ 35 kg\n"
    ), answered
    assert await loaded(bot) == [("dumbbell-rdl", 24.0, "each hand")] * 2 + [("lat-pulldown", 35.0, None)] * 2


async def test_a_message_the_answerer_would_decline_is_told_how_to_answer_and_the_wait_goes_on(
    bot: Harness,
) -> None:
    await as_written(bot)
    told = text(await bot.send(USER, "I did the pec deck"))
    assert told == f"I couldn't read “I did the pec deck” as a load, so nothing is logged yet. {HOW}", told
    assert labels(bot, USER) == [SKIP]
    # The reply's own example of naming a lift is read as an answer.
    named = text(await bot.send(USER, "60 on the lat pulldown"))
    assert named.startswith("✍️ Logged:\n• Lat pulldown: 2×10 @ 60 kg\n\n⚖️ Dumbbell Romanian deadlift"), named
    assert text(await bot.send(USER, "16")).startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg")
    assert await loaded(bot) == [("lat-pulldown", 60.0, None)] * 2 + [("dumbbell-rdl", 16.0, "each hand")] * 2


async def test_the_last_lift_asked_is_told_how_to_answer_it_alone(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "16, 40, 45")
    told = text(await bot.send(USER, "the machine was busy lol"))
    assert told == (
        "I couldn't read “the machine was busy lol” as a load, so nothing is logged yet. For Bent-over"
        " rear-delt fly, type the load you lifted per dumbbell, e.g. 6 or 6 kg, or tap ⏭ Skip to leave it"
        " for now."
    ), told
    assert text(await bot.send(USER, "8")).startswith("✍️ Logged Bent-over rear-delt fly: 2×12 @ 8 kg")


async def test_sets_told_are_offered_as_a_log_as_before(bot: Harness) -> None:
    await as_written(bot)
    offered = text(await bot.send(USER, "seated cable row 2x10 40kg"))
    assert offered == (
        "📝 Shall I log that? seated cable row 2x10 40kg — tap below, or correct it with /log."
    ), offered
    assert labels(bot, USER) == ["▶ /log seated cable row 2x10 40kg"]
    assert await loaded(bot) == []


async def test_a_training_question_is_answered_and_the_load_asked_again(bot: Harness) -> None:
    await as_written(bot)
    sent = await bot.send(USER, "how heavy should a dumbbell RDL be?")
    answered = text(sent[:1])
    assert answered.startswith("Deadlift\n\nOn your plan:"), answered
    assert "nothing is logged yet" not in answered and "⚖️" not in answered
    # Before: the wait ended here.
    assert text(sent[1:]).startswith("⚖️ Dumbbell Romanian deadlift, 2×8: what load"), text(sent)
    assert text(await bot.send(USER, "16")).startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg")
