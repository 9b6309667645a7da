"""A newcomer trial lost loads told with a question mark: "just the empty bar I think, 20 kilos?" was
declined as a question and the wait ended, so the next "20" was declined too; "just the 2 kilo ones, my right
shoulder clicks a bit on that one, is that normal?" got the clicking answer and the wait ended, so the next
"2" was declined. Now a message that reads as nothing but a load, question mark and all, is the answer,
said so; a load told then a question is logged and the question answered; and a question beside the load
is answered and the load asked again (``test_load_wait_aside``).
"""

from __future__ import annotations

from tests.bot.harness import Harness, labels
from tests.bot.harness import logged_rows as rows
from tests.bot.harness import plain as text

USER = 7117
SKIP = "⏭ Skip"
HEDGED = "You asked, so to be clear: I took that as your answer. Not right? Tap ↩️ Undo."


async def loaded(bot: Harness) -> list[tuple[str, float]]:
    return [(ex, load) for ex, _, load, _ in await rows(bot) if load is not None]


async def as_written(bot: Harness) -> None:
    # Beginner gym, session 1: dumbbell RDL, lat pulldown, seated cable row, rear-delt fly asked in turn.
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")


async def test_a_load_with_a_question_mark_is_the_answer_said_so(bot: Harness) -> None:
    await as_written(bot)
    rdl = text(await bot.send(USER, "16 kilos?"))
    assert rdl.startswith(f"✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand\n{HEDGED}"), rdl
    assert "⚖️ Lat pulldown, 2×10: what load did you lift?" in rdl
    # Before: "I don't know that one", the wait ended and the next "20" declined.
    pulldown = text(await bot.send(USER, "just the empty bar I think, 20 kilos?"))
    assert pulldown.startswith(f"✍️ Logged Lat pulldown: 2×10 @ 20 kg\n{HEDGED}"), pulldown
    assert "⚖️ Seated cable row, 2×10: what load" in pulldown
    row = text(await bot.send(USER, "was it 12.5?"))
    assert row.startswith("✍️ Logged Seated cable row: 2×10 @ 12.5 kg"), row
    assert labels(bot, USER) == ["↩️ Undo", SKIP]
    assert (
        await loaded(bot)
        == [("dumbbell-rdl", 16.0)] * 2 + [("lat-pulldown", 20.0)] * 2 + [("seated-cable-row", 12.5)] * 2
    )
    assert bot.errors == []


async def test_a_load_then_a_question_logs_the_load_and_answers_the_question(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "16, 40, skip")
    # Before: the clicking answered, the wait ended and the next "2" declined.
    sent = await bot.send(
        USER, "just the 2 kilo ones, my right shoulder clicks a bit on that one, is that normal?"
    )
    replies = [text([one]) for one in sent]
    assert len(replies) == 2, replies
    assert "click" in replies[0].casefold() and "Logged" not in replies[0], replies[0]
    assert replies[1].startswith("✍️ Logged Bent-over rear-delt fly: 2×12 @ 2 kg each hand"), replies[1]
    assert ("rear-delt-fly", 2.0) in await loaded(bot)
    assert bot.errors == []


async def test_a_load_then_a_question_keeps_asking_the_lifts_left(bot: Harness) -> None:
    await as_written(bot)
    said = text(await bot.send(USER, "16 kg, how heavy should the pulldown be?"))
    assert "✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand" in said, said
    assert said.endswith("Then 2 more lifts."), "the next lift's question comes last, waiting"
    assert "Logged Lat pulldown" in text(await bot.send(USER, "40"))


async def test_a_question_keeps_the_wait_and_asks_again(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "16, 40, skip")
    sent = await bot.send(USER, "how long should I rest between sets?")
    # Before: the answer, then "Still not logged without a load: … send it with /log", and the wait over:
    # a newcomer never logged the load.
    assert len(sent) == 2 and "Rest & recovery" in text(sent[:1]), text(sent)
    assert text(sent[1:]).startswith("⚖️ Bent-over rear-delt fly, 2×12: what load did you lift per dumbbell?")
    assert "Still not logged" not in text(sent) and labels(bot, USER) == [SKIP]
    logged = text(await bot.send(USER, "2"))
    assert logged.startswith("✍️ Logged Bent-over rear-delt fly: 2×12 @ 2 kg each hand"), logged


async def test_a_pain_that_leaves_the_lift_out_names_it_unlogged(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "16, 40, skip")
    answered = text(await bot.send(USER, "my right shoulder clicks on the fly, is that normal?"))
    # The fly is out of the plan, so no longer asked: its load is left to a /log.
    assert "I'll leave the bent-over rear-delt fly out of your workouts" in answered, answered
    assert answered.endswith(
        "Still not logged without a load: Bent-over rear-delt fly. When you know it, send it with /log,"
        " e.g. /log bent-over rear-delt fly 2x12 6kg."
    ), answered
    assert "⚖️" not in answered and SKIP not in labels(bot, USER)
    assert "Logged" not in text(await bot.send(USER, "2")), "nothing left to ask"


async def test_a_greeting_keeps_the_wait_with_no_such_line(bot: Harness) -> None:
    await as_written(bot)
    hello = text(await bot.send(USER, "hello"))
    assert "Still not logged" not in hello and "⚖️ Dumbbell Romanian deadlift" in hello, hello
    assert "Logged Dumbbell Romanian deadlift" in text(await bot.send(USER, "16"))
