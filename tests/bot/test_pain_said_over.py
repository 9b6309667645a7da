""" "My back does not hurt now. It was 5 years ago." said of a pain the plan leaves out is "It's fine now".

A newcomer trial: after a past pain had been taken for a present one, "No no, my back does not hurt now. It
was 5 years ago. I want to use my dumbbells." got "Did you mean … [Good form] [Advanced techniques]", and the
RDL stayed out. "Does not hurt now", "doesn't hurt anymore", "it was years ago" and "that was an old injury"
now do what ✅ It's fine now does, for the caution they are about; with nothing left out, that is said.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import callbacks
from storage.models import Caution
from tests.bot.harness import Harness, joined

USER = 8472
DUMBBELLS = "Dumbbells"
PAIN = "sharp pain in my lower back when I do the deadlift"
TRIAL = "No no, my back does not hurt now. It was 5 years ago. I want to use my dumbbells."
CLEARED = (
    "👍 Good to hear. The dumbbell Romanian deadlift is back in your workouts from today. Today's session"
    " has the dumbbell Romanian deadlift, bent-over row and bent-over rear-delt fly again: send /workout to"
    " see it."
)
NOTHING = (
    "Nothing is left out of your workouts right now, so there's nothing to bring back. If something hurts,"
    " tell me which exercise and where, and I'll leave it out."
)


async def open_cautions(bot: Harness) -> list[str]:
    async with bot.app.bot_data.sessionmaker() as session:
        rows = await session.scalars(
            select(Caution.exercise).where(Caution.cleared_on.is_(None)).order_by(Caution.id)
        )
        return list(rows.all())


@pytest.mark.parametrize(
    "said", [TRIAL, "my back doesn't hurt now", "It was 5 years ago.", "that was an old injury"]
)
async def test_said_over_clears_the_caution_in_force_as_the_button_does(bot: Harness, said: str) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(DUMBBELLS,))
    await bot.send(USER, PAIN)
    assert joined(await bot.send(USER, "/workout")).startswith("⚠️ Dumbbell Romanian deadlift left out")
    [reply] = await bot.send(USER, said)
    assert (reply.plain_text or "").startswith(CLEARED)
    assert await open_cautions(bot) == []
    shown = joined(await bot.send(USER, "/workout"))
    assert "⚠️" not in shown and "Dumbbell Romanian deadlift" in shown


async def test_said_over_of_one_body_part_clears_that_ones(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(DUMBBELLS, "Resistance bands"))
    await bot.send(USER, PAIN)
    await bot.send(USER, "my shoulder hurts when I do band rows")
    [reply] = await bot.send(USER, "my shoulder does not hurt now, that was an old injury")
    assert (reply.plain_text or "").startswith("👍 Good to hear. The band row is back in your workouts")
    assert await open_cautions(bot) == ["dumbbell-rdl"]
    # Nothing named, two open: which one, a button each; nothing cleared by a guess.
    await bot.send(USER, "my shoulder hurts when I do band rows")
    [which] = await bot.send(USER, "it was years ago")
    assert (which.plain_text or "").startswith("👍 Good to hear. Which one is fine now?")
    assert bot.api.buttons(which) == [
        [("✅ Dumbbell Romanian deadlift: fine now", callbacks.pack("fine", "dumbbell-rdl"))],
        [("✅ Band row: fine now", callbacks.pack("fine", "band-row"))],
    ]
    assert await open_cautions(bot) == ["dumbbell-rdl", "band-row"]


async def test_with_nothing_left_out_it_is_said_not_a_did_you_mean(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(DUMBBELLS,))
    [reply] = await bot.send(USER, TRIAL)
    assert reply.plain_text == NOTHING
    assert bot.api.buttons(reply) == []
    # Only "it was long ago", with nothing it could be about: the answerer's reply, no word on cautions.
    [other] = await bot.send(USER, "that was an old injury")
    assert "nothing to bring back" not in (other.plain_text or "")
    assert await open_cautions(bot) == []


async def test_it_still_hurting_clears_nothing(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(DUMBBELLS,))
    await bot.send(USER, PAIN)
    said = joined(await bot.send(USER, "it was years ago but it still aches when I deadlift"))
    assert "back in your workouts" not in said
    assert await open_cautions(bot) == ["dumbbell-rdl"]
