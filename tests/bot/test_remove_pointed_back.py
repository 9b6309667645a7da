"""A request to take a lift off today's log whose object is a pronoun, through the real Application.

A newcomer trial at home with bands: "I didn't do the band rows today, please take them off" after ✅ As
written was pointed to /undo (which would take the whole session back), while "remove the band row from
today's log" worked. The pronoun now stands for the lift the message named before it, with the same
🗑 Take it off offer.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 6262
TAKE = "🗑 Take it off"


async def home_session_as_written(bot: Harness) -> None:
    # Beginner at home with bands, session 1: band pulldown, band row, band face pull, floor slide.
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")


@pytest.mark.parametrize(
    "said",
    [
        "I didn't do the band rows today, please take them off",
        "remove the band row from today's log",
        "skipped the band rows, delete those",
        "I never did the rows today, take them off please",
    ],
)
async def test_the_lift_named_before_is_offered(bot: Harness, said: str) -> None:
    await home_session_as_written(bot)
    before = await logged_rows(bot)
    offered = joined(await bot.send(USER, said))
    assert offered == "🗑 Take today's Band row (2×10) off your log? The rest of today's log stays as it is."
    assert labels(bot, USER) == [TAKE]
    await bot.press(USER, TAKE)
    assert await logged_rows(bot) == [row for row in before if row[0] != "band-row"]


async def test_a_pronoun_with_no_lift_before_it_is_read_as_before(bot: Harness) -> None:
    await home_session_as_written(bot)
    for said in ("delete it", "remove those"):
        reply = joined(await bot.send(USER, said))
        assert not reply.startswith("🗑"), reply
    # A lift named before that was not logged today is said so, with nothing to press.
    said = joined(await bot.send(USER, "I didn't do the deadlifts, take them off"))
    assert said.startswith("I found no deadlift among the sets you logged today"), said
    assert labels(bot, USER) == []
