"""A dumbbell pair's load is each hand's wherever the day's sets are listed, as the reply that logged it
said, through the real Application.

A newcomer trial: the rear-delt fly logged "@ 8 kg each hand" when its load was answered, but As written's
list and Done's list later showed "3×11 @ 8 kg", as if 8 kg were all that was lifted.
"""

from __future__ import annotations

from tests.bot.harness import Harness
from tests.bot.harness import logged_rows as rows
from tests.bot.harness import plain as text

USER = 9121


async def test_each_hand_is_said_in_every_list_of_the_days_sets(bot: Harness) -> None:
    # Beginner gym, session 1: dumbbell RDL, lat pulldown, seated cable row, inverted row, rear-delt fly.
    await bot.onboard(USER)
    logged = text(await bot.send(USER, "/log rear delt fly 2x12 each arm 7.5kg"))
    assert "Bent-over rear-delt fly: 2×12 @ 7.5 kg each hand" in logged, logged
    # /workout's ticks beside the fly: was "2×12 @ 7.5 kg".
    card = text(await bot.send(USER, "/workout"))
    assert "2×12 @ 7.5 kg each hand" in card, card
    # Done's list of what counts already: was "• Bent-over rear-delt fly: 2×12 @ 7.5 kg".
    done = text(await bot.press(USER, "✅ Done"))
    assert "• Bent-over rear-delt fly: 2×12 @ 7.5 kg each hand" in done, done
    # As written's list of the rest: the dumbbell RDL's load answered, said and noted as each hand's.
    await bot.press(USER, "✅ As written")
    answered = text(await bot.send(USER, "16, 40, 45"))
    assert "Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand" in answered, answered
    assert {(ex, note) for ex, _, _, note in await rows(bot) if ex in {"rear-delt-fly", "dumbbell-rdl"}} == {
        ("rear-delt-fly", "each hand"),
        ("dumbbell-rdl", "each hand"),
    }
