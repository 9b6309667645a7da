"""Dumbbells called by their weight in answer to a load question, through the real Application.

A newcomer trial: after ✅ As written asked "what load did you lift per dumbbell?", "the 15s" (the pair of
15 kg dumbbells, as a lifter names them on the rack) was told "I need a number", and so were "the 15's",
"with the 15s" and "15s". Each is now one dumbbell's load, each hand's, in the chat's unit.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness, logged_rows, plain

USER = 5151


async def as_written(bot: Harness) -> None:
    # Beginner gym, session 1: the dumbbell RDL is asked first, per dumbbell; then the pulldown, the cable
    # row and the rear-delt fly.
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")


@pytest.mark.parametrize("said", ["the 15s", "the 15's", "with the 15s", "15s", "The 15’s."])
async def test_the_15s_are_15_kg_each_hand(bot: Harness, said: str) -> None:
    await as_written(bot)
    logged = plain(await bot.send(USER, said))
    assert logged.startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 15 kg each hand"), logged
    assert "⚖️ Lat pulldown, 2×10: what load did you lift?" in logged
    rows = [(ex, load, note) for ex, _, load, note in await logged_rows(bot) if load is not None]
    assert rows == [("dumbbell-rdl", 15.0, "each hand")] * 2


async def test_in_a_pounds_chat_they_are_pounds(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/units lb")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    logged = plain(await bot.send(USER, "the 35s"))
    assert logged.startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 35 lb each hand"), logged


async def test_among_other_loads_in_one_message(bot: Harness) -> None:
    await as_written(bot)
    logged = plain(await bot.send(USER, "16, 40, skip, the 6s"))
    assert "Bent-over rear-delt fly: 2×12 @ 6 kg each hand" in logged, logged


async def test_named_with_its_lift_and_never_on_a_lift_no_hand_holds(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "16")
    await bot.send(USER, "40")
    # The cable row takes the stack's load: a pair of dumbbells is no answer to it, and nothing is logged.
    said = plain(await bot.send(USER, "the 15s"))
    assert said.startswith("I need a number for Seated cable row"), said
    named = plain(await bot.send(USER, "40 on the row and the 6's on the fly"))
    assert "Seated cable row: 2×10 @ 40 kg" in named, named
    assert "Bent-over rear-delt fly: 2×12 @ 6 kg each hand" in named, named
