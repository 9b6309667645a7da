"""A pain told as long past is answered, and leaves the plan as it is.

A newcomer trial (home, dumbbells): "I had some pain in my lower back a few years ago. Is the deadlift safe
for me?" got the safety-led answer ending "I'll leave the dumbbell Romanian deadlift out of your workouts
until you tell me it's fine", and the next /workout said "you told me it hurt on 7 Dec" and left the RDL,
the bent-over row and the rear-delt fly out. A pain years back that is not said to hurt now is no caution:
the answer is still safety-led, and says the plan keeps the move and how to have it left out if it does hurt
now."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Caution
from tests.bot.harness import Harness, joined

USER = 8471
DUMBBELLS = "Dumbbells"
RDL = "Dumbbell Romanian deadlift"
PAST = (
    "As that pain was a while back, your plan keeps the dumbbell Romanian deadlift. If it does hurt now, tell"
    " me where and on which exercise, and I'll leave that out until it's fine."
)


async def cautions(bot: Harness) -> list[str]:
    async with bot.app.bot_data.sessionmaker() as session:
        return list((await session.scalars(select(Caution.exercise))).all())


@pytest.mark.parametrize(
    "told",
    [
        "I had some pain in my lower back a few years ago. Is the deadlift safe for me?",
        "I used to get lower back pain on deadlifts, is it safe for me?",
        "I had a back injury back in 2019, is the deadlift ok for me?",
        "my lower back hurt on deadlifts years back, can I do them?",
    ],
)
async def test_a_pain_years_back_is_answered_and_the_plan_keeps_the_move(bot: Harness, told: str) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(DUMBBELLS,))
    [answer] = await bot.send(USER, told)
    said = answer.plain_text or ""
    assert said.startswith("Safety first."), said
    assert said.splitlines()[-1] == PAST
    assert "It's fine now" not in joined([answer]) and all(
        "fine" not in data for row in bot.api.buttons(answer) for _, data in row
    )
    assert await cautions(bot) == []
    shown = joined(await bot.send(USER, "/workout"))
    assert "⚠️" not in shown and RDL in shown and "Bent-over row with dumbbells" in shown


async def test_a_pain_from_long_ago_that_hurts_now_is_still_left_out(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(DUMBBELLS,))
    [answer] = await bot.send(USER, "I hurt my lower back years ago and now it aches when I do the deadlift")
    assert (answer.plain_text or "").splitlines()[-1] == (
        "I'll leave the dumbbell Romanian deadlift out of your workouts until you tell me it's fine."
    )
    assert await cautions(bot) == ["dumbbell-rdl"]
    shown = joined(await bot.send(USER, "/workout"))
    assert shown.startswith("⚠️ Dumbbell Romanian deadlift left out")
