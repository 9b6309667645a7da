"""Which lifts /progress charts, through the real Application: the plan's main lifts, not the variant a
day swapped in.

A newcomer trial on an advanced gym plan: after a volume day, whose hinge is the barbell Romanian deadlift
in the deadlift's place (the deadlift asks too few reps for it), /progress charted the Romanian deadlift
and left the deadlift, the block's main hinge, off the chart, because the lifts were picked by the latest
day logged.
"""

from __future__ import annotations

from bot.coach.charts import Lift
from tests.bot.harness import Harness, charted

USER = 5106


async def train(bot: Harness, *logs: str) -> None:
    """One session a day, as typed, then on to the next training day (Mon, Wed, Fri at 3 a week)."""
    for typed in logs:
        await bot.send(USER, f"/log {typed}")
        bot.clock.advance(minutes=5)
    weekday = bot.clock.now.weekday()
    bot.clock.advance(days=3 if weekday == 4 else 2)


# The advanced plan's days take turns: heavy, moderate, volume; the volume day hinges with the barbell
# Romanian deadlift in place of the deadlift. Pulls on every day.
HEAVY = ("deadlift 4x5 180kg", "lat pulldown 4x6 80kg", "seated cable row 4x6 80kg")
MODERATE = ("deadlift 4x8 150kg", "lat pulldown 4x8 70kg", "seated cable row 4x8 70kg")
VOLUME = ("romanian deadlift 4x10 120kg", "lat pulldown 4x10 60kg", "seated cable row 4x10 60kg")


def names(lifts: list[Lift]) -> list[str]:
    return [lift.name for lift in lifts]


async def test_after_a_volume_day_the_chart_keeps_the_deadlift(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    bot.clock.advance(days=6)  # to Monday 30 Nov
    for _ in range(3):
        await train(bot, *HEAVY)
        await train(bot, *MODERATE)
        await train(bot, *VOLUME)
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    assert names(lifts) == ["Barbell deadlift", "Lat pulldown", "Seated cable row"]
    caption = bot.api.files[-1].caption or ""
    assert "Romanian" not in caption, caption


async def test_the_variant_stands_in_while_the_main_lift_has_no_data(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    bot.clock.advance(days=6)
    await train(bot, "barbell romanian deadlift 4x10 120kg", "lat pulldown 4x10 60kg")
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    assert names(lifts) == ["Barbell Romanian deadlift", "Lat pulldown"]
