"""An advanced lifter's increases, ramps and weighted pull-up records through the real Application.

A strength coach's trial of the advanced gym plan: after "/log deadlift 180x5, 190x3, 200x3x2" the next
heavy day asked for 4×4 @ 200 kg (twice the sets and a rep more at the top triples' load) "or 220 kg
once all sets reach 5", a moderate day's 4×7 @ 172.5 kg pointed at 187.5 kg (10 %, a newcomer's pace),
and a weighted pull-up's record read "estimated 1-rep max 18.0 kg", the added load's alone.
"""

from __future__ import annotations

from datetime import date

from bot.coach.chart_axes import Scale
from bot.coach.charts import lift_series
from tests.bot.harness import Harness, charted, joined, log_session, next_load_line

USER = 5215


async def test_the_trials_heavy_and_moderate_days(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    assert "· heavy day" in joined(await bot.send(USER, "/workout"))
    await log_session(bot, USER, "deadlift 180x5, 190x3, 200x3x2")
    moderate = joined(await bot.send(USER, "/workout"))
    assert "· moderate day" in moderate
    await log_session(bot, USER, "deadlift 4x6 172.5kg")
    assert "· volume day" in joined(await bot.send(USER, "/workout"))
    await log_session(bot, USER, "rdl 4x10 120kg")

    heavy = joined(await bot.send(USER, "/workout"))
    assert "· heavy day" in heavy
    # 200 × 3 → 1RM 220 → 194 for 3 reps with 1 in reserve → 192.5: four triples all of them can take.
    assert next_load_line(heavy, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last heavy day 5 @ 180 kg, 3 @ 190 kg, 2×3 @ 200 kg → today 4×3 @ 192.5 kg: "
        "every set at a load all of them can take, worked out from your top set (200 kg × 3).</i>"
    )
    assert "4×4 @ 200 kg" not in heavy and "220 kg" not in heavy
    await log_session(bot, USER, "deadlift 4x3 192.5kg")

    # The next Monday: a Sunday would be the week's third barbell hinge (after Monday's RDL and Thursday's
    # deadlift), a dumbbell RDL in its place.
    bot.clock.advance(days=1)
    moderate = joined(await bot.send(USER, "/workout"))
    # 3.5 % of 172.5 kg is 6 kg: 5 kg on the bar, not 15.
    assert next_load_line(moderate, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last moderate day 4×6 @ 172.5 kg → today 4×7 @ 172.5 kg, "
        "or 177.5 kg once all sets reach 8.</i>"
    )
    await log_session(bot, USER, "deadlift 4x7 172.5kg")
    volume = joined(await bot.send(USER, "/workout"))
    assert "Session 6 ·" in volume
    # The Romanian deadlift's 120 kg gains 4.2 kg at 3.5 %: one 2.5 kg step.
    assert next_load_line(volume, "Barbell Romanian deadlift") == (
        "📈 <i>Barbell Romanian deadlift: last volume day 4×10 @ 120 kg → today 4×11 @ 120 kg, "
        "or 122.5 kg once all sets reach 12.</i>"
    )


async def test_an_intermediate_deadlift_adds_five_percent(bot: Harness) -> None:
    # A newcomer trial: 10 % on an intermediate's 140 kg pull was 152.5 kg two days later; 5 % is a
    # coach's step.
    await bot.onboard(USER, level="💪 Intermediate")
    await log_session(bot, USER, "deadlift 3x8 100kg")
    workout = joined(await bot.send(USER, "/workout"))
    assert next_load_line(workout, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last time 3×8 @ 100 kg → today 3×6 @ 105 kg. "
        "Every set hit the top: heavier now. 💪</i>"
    )


async def test_a_heavy_day_at_one_load_is_no_ramp(bot: Harness) -> None:
    # Two sets at one load (a session cut short) hold it for the plan's sets, as before.
    await bot.onboard(USER, level="🔥 Advanced")
    await log_session(bot, USER, "deadlift 2x4 180kg")
    await log_session(bot, USER, "deadlift 4x6 150kg")
    await log_session(bot, USER, "rdl 4x10 100kg")
    heavy = joined(await bot.send(USER, "/workout"))
    assert next_load_line(heavy, "Barbell deadlift").startswith(
        "📈 <i>Barbell deadlift: last heavy day 2×4 @ 180 kg → today 4×5 @ 180 kg"
    )


async def test_a_weighted_pull_up_has_no_one_rep_max_of_its_added_load(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    # Two sessions of each lift are its baseline (records.BASELINE_SESSIONS).
    await log_session(bot, USER, "weighted pull-up 3x5 15kg", "deadlift 4x5 150kg")
    await log_session(bot, USER, "weighted pull-up 3x5 15kg", "deadlift 4x5 150kg")
    # 15 kg × 8 is "estimated 1-rep max 19.0 kg (was 17.5 kg)" of the dumbbell alone: no record of it.
    said = joined(await bot.send(USER, "/log weighted pull-up 3x8 15kg"))
    assert "🏆 New record — Weighted pull-up: 8 reps at 15 kg (best was 5)." in said, said
    assert "1-rep max" not in said
    said = joined(await bot.send(USER, "/log weighted pull-up 8 17.5kg"))
    assert "🏆 New record — Weighted pull-up: heaviest ever, 17.5 kg (was 15 kg)." in said, said
    assert "1-rep max" not in said
    # 20 kg for 3 after 17.5 kg for 8 is the heaviest added load yet, whatever the reps.
    said = joined(await bot.send(USER, "/log weighted pull-up 3 20kg"))
    assert "🏆 New record — Weighted pull-up: heaviest ever, 20 kg (was 17.5 kg)." in said, said
    assert "1-rep max" not in said
    # 160 kg × 3 after 150 kg × 5 is the heaviest deadlift yet (its estimate is a record too; the heavier
    # load is the one named).
    bot.clock.advance(days=3)
    said = joined(await bot.send(USER, "/log deadlift 1x3 160kg"))
    assert "🏆 New record — Barbell deadlift: heaviest ever, 160 kg (was 150 kg)." in said, said

    lifts = charted(bot)
    await bot.send(USER, "/progress")
    caption = bot.api.files[-1].caption or ""
    pull_up = next(lift for lift in lifts if lift.name == "Weighted pull-up")
    assert not pull_up.estimable
    series = lift_series(pull_up, date(2026, 1, 1))
    assert {s.scale for s in series} == {Scale.LOAD}
    assert [(p.kind, p.value, p.reps) for s in series for p in s.points] == [
        ("heavy day", 15.0, 5),
        ("moderate day", 15.0, 5),
        ("volume day", 20.0, 3),
    ]
    assert "Weighted pull-up: 20 kg × 3, first volume day" in caption, caption
    assert "load added to bodyweight: the top set's load, one line per kind of day" in caption
    # The deadlift's line joins its heavy days' top load, the pull-up's stay one line per kind of day.
    assert "lifts charted as each day's top load; the line joins heavy days" in caption
