"""Which lifts /progress charts, and the set its caption gives for each, through the real Application:
the plan's main lifts, not the variant a day swapped in, each at the heavy day's top set its line ends on.

A newcomer trial on an advanced gym plan: after a volume day, whose hinge is the barbell Romanian deadlift
in the deadlift's place (the deadlift asks too few reps for it), /progress charted the Romanian deadlift
and left the deadlift, the block's main hinge, off the chart, because the lifts were picked by the latest
day logged; and its caption gave the volume day's lighter set for the lat pulldown while the line ended
at the heavy day's.
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
    # The last session was a volume day: each lift's latest set is still the heavy day's, where the line
    # ends, not the volume day's lighter 4×10 under it.
    for said in (
        "Barbell deadlift: 180 kg × 5, heavy day",
        "Lat pulldown: 80 kg × 6, heavy day",
        "Seated cable row: 80 kg × 6, heavy day",
    ):
        assert f"{said} ·" in f"{caption} ·", caption


async def test_the_variant_stands_in_while_the_main_lift_has_no_data(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    bot.clock.advance(days=6)
    await train(bot, "barbell romanian deadlift 4x10 120kg", "lat pulldown 4x10 60kg")
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    assert names(lifts) == ["Barbell Romanian deadlift", "Lat pulldown"]


async def test_a_home_beginners_lifts_are_named_short_in_the_legend(bot: Harness) -> None:
    # A newcomer trial: the legend ran off both sides with "…nian deadlift with a loaded backpack or
    # dumbbells" and "Kneeling ban…"; the catalog's short names fit.
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands", "A backpack or other load"))
    lifts = charted(bot)
    await train(bot, "backpack rdl 3x10 8kg", "band pulldown 3x12", "backpack row 3x10 8kg")
    await bot.send(USER, "/progress")
    assert bot.api.files[-1].method == "sendPhoto"
    assert [(lift.name, lift.short) for lift in lifts] == [
        ("Romanian deadlift with a loaded backpack or dumbbells", "Backpack RDL"),
        ("Kneeling band pulldown", "Band pulldown"),
        ("Bent-over row with a loaded backpack or dumbbells", "Backpack row"),
    ]
    # The caption keeps the names the plan shows.
    assert "Romanian deadlift with a loaded backpack or dumbbells: 8 kg × 10" in (
        bot.api.files[-1].caption or ""
    )
