"""One dumbbell's load is each hand's, said so in every line that names it, and loads no dumbbell or no
session comes near are asked about, through the real Application.

A trial (a gym lifter): the dumbbell RDL's /workout line read "today 2×8 @ 12.5 kg" beside the log's "12 kg
each hand"; the one-arm dumbbell row was "37.5 kg each hand" from /log but a bare "@ 10 kg" from a load
answered; "/log chest supported row 4x6 325" logged "325 kg each hand"; "lat pulldown 4x8 7.5" the day
after 80×8 passed without a word.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, next_load_line
from tests.bot.harness import logged_rows as rows

USER = 9341
RDL = "Dumbbell Romanian deadlift"


async def test_every_load_of_a_dumbbell_lift_is_said_as_each_hands(bot: Harness) -> None:
    await bot.onboard(USER)
    for _ in range(2):
        await bot.send(USER, "/log db rdl 2x10 12kg")
        bot.clock.advance(days=3)
    line = next_load_line(joined(await bot.send(USER, "/workout")), RDL)
    # Never 12.5 kg, a fifth of a step (a newcomer trial): 12 kg is a rack in 2 kg steps, so the next pair is
    # 14 kg, 17 % heavier, earned with reps first.
    assert "last time 2×10 @ 12 kg each hand → today 2×11 @ 12 kg each hand" in line, line
    assert "The next pair up, 14 kg each hand, is 17 % heavier" in line and "12.5" not in line, line
    assert "Going by your 12 kg pair, your dumbbells go up 2 kg at a time" in line, line
    # Session 3 has the one-arm dumbbell row, whose load As written asks: its answer is each hand's too.
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    answered = joined(await bot.send(USER, "40, 45, 10"))
    assert "One-arm dumbbell row: 2×10 @ 10 kg each hand" in answered, answered
    assert ("one-arm-dumbbell-row", "each hand") in {(ex, note) for ex, _, _, note in await rows(bot)}
    # /progress's caption names the basis beside the lift, once for all its loads.
    await bot.send(USER, "/progress")
    caption = bot.api.files[-1].caption or ""
    assert f"{RDL}, each hand: 12 kg × 11" in caption, caption


async def test_a_dumbbell_heavier_than_any_made_is_refused_and_a_big_drop_asked_about(bot: Harness) -> None:
    await bot.onboard(USER)
    refused = joined(await bot.send(USER, "/log chest supported row 4x6 325"))
    assert "325 kg each hand is more than any dumbbell weighs (the heaviest are about 100 kg)" in refused
    assert "haven't logged it" in refused and await rows(bot) == [], refused
    # The same load as a cable's is a load /log takes (a stack is no dumbbell).
    assert "@ 100 kg" in joined(await bot.send(USER, "/log lat pulldown 4x8 100"))
    bot.clock.advance(days=1)
    dropped = joined(await bot.send(USER, "/log lat pulldown 4x8 7.5"))
    assert "Logged Lat pulldown: 4×8 @ 7.5 kg" in dropped, dropped
    assert "🤔 Lat pulldown: 7.5 kg is a big drop from 100 kg: a typo?" in dropped, dropped
    # A light day at a working share is no typo.
    bot.clock.advance(days=1)
    assert "🤔" not in joined(await bot.send(USER, "/log lat pulldown 4x8 70"))
