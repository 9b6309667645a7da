"""Done's ✅ As written answered by typing, through the real Application.

A newcomer trial typed "as written" under Done's ✅ As written / ✏️ Adjust offer and got "I don't know that
one". While that offer is the last thing the bot asked, "as written" (also "as written please", "yes as
written", "all as planned") now does what the button does; once anything else was said since, or in any
other chat state, the words are read as before.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 8484
DECLINE = "I don't know that one"


async def home_done(bot: Harness) -> None:
    # Beginner at home with bands, session 1: four band and floor moves, none asking a load.
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")


@pytest.mark.parametrize("said", ["as written", "As written please", "yes as written", "all as planned"])
async def test_typed_under_dones_offer_logs_as_written(bot: Harness, said: str) -> None:
    await home_done(bot)
    written = joined(await bot.send(USER, said))
    assert written == (
        "Logged ✓ <b>Tue 24 Nov</b>\n• Kneeling band pulldown: 2×10\n• Band row: 2×10\n"
        "• Band face pull: 2×12\n• Floor slide: 2×12"
    )
    assert labels(bot, USER) == ["↩️ Undo"]
    assert len(await logged_rows(bot)) == 8
    # Answered once: typed again it is read as usual, and nothing is logged twice.
    assert DECLINE in joined(await bot.send(USER, said))
    assert len(await logged_rows(bot)) == 8


async def test_the_rest_of_a_session_a_log_started_and_its_loads_asked(bot: Harness) -> None:
    # Beginner gym: a /log, then /done offers the rest; typed, As written asks the loads it has none of.
    await bot.onboard(USER)
    await bot.send(USER, "/log inverted row 2x10")
    await bot.send(USER, "/done")
    asked = joined(await bot.send(USER, "as written please"))
    assert asked.startswith(
        "Logged ✓ <b>Tue 24 Nov</b>, the rest of the session:\n• Reverse snow angel: 2×12"
    )
    assert "⚖️ <b>Dumbbell Romanian deadlift</b>, 2×8: what load did you lift per dumbbell?" in asked, asked
    # The load question is now the last thing asked: its answer is a load.
    answered = joined(await bot.send(USER, "the 16s"))
    assert answered.startswith("✍️ Logged Dumbbell Romanian deadlift: 2×8 @ 16 kg each hand"), answered


async def test_never_typed_in_another_context(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    # No Done offered: read as usual.
    assert DECLINE in joined(await bot.send(USER, "as written"))
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    # A question answered since: the offer is no longer the last thing asked.
    await bot.send(USER, "how long should I rest between sets?")
    assert DECLINE in joined(await bot.send(USER, "as written"))
    assert await logged_rows(bot) == []
    # ✏️ Adjust pressed: its panel is what is asked now.
    await bot.send(USER, "/done")
    await bot.press(USER, "✏️ Adjust")
    assert DECLINE in joined(await bot.send(USER, "as written"))
    assert await logged_rows(bot) == []


async def test_an_offer_of_another_day_is_not_answered(bot: Harness) -> None:
    await home_done(bot)
    bot.clock.advance(days=1)
    assert DECLINE in joined(await bot.send(USER, "as written"))
    assert await logged_rows(bot) == []
