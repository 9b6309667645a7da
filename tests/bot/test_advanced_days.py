"""Advanced heavy, moderate and volume days through the real Application: /workout's next-load line
compares a day with the last one of its kind, and /progress's caption compares like with like.

A newcomer trial as an advanced gym lifter: the line read the last session of any day.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, log_session, next_load_line

USER = 5005


async def test_each_day_is_compared_with_the_last_of_its_kind(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    assert "· heavy day" in joined(await bot.send(USER, "/workout"))
    await log_session(
        bot, USER, "deadlift 5 180kg", "deadlift 3 190kg", "deadlift 2x3 200kg", "lat pulldown 4x8 90kg"
    )

    # Session 2, a moderate day: not "4×6 @ 200 kg, or 220 kg once all sets reach 8".
    moderate = joined(await bot.send(USER, "/workout"))
    assert "· moderate day" in moderate
    assert next_load_line(moderate, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: first moderate day for it → today 4×6 @ 172.5 kg, "
        "worked out from your recent set (200 kg × 3).</i>"
    )
    await log_session(bot, USER, "deadlift 4x6 172.5kg", "lat pulldown 4x6 85kg")

    volume = joined(await bot.send(USER, "/workout"))
    assert "· volume day" in volume
    assert "Lat pulldown: first volume day for it → today 4×10 @ " in volume
    # No 10–12 rep deadlifts on short rests: the volume day hinges with a Romanian deadlift, a lift of
    # its own, whose first load starts from the deadlift's estimated one-rep max.
    assert "Barbell deadlift" not in volume
    assert next_load_line(volume, "Barbell Romanian deadlift") == (
        "📈 <i>Barbell Romanian deadlift: first time — from your barbell deadlift 200 kg × 3 (a one-rep max"
        " of about 220 kg): today 4×10 @ 125 kg, about 57 % of it; log what you managed.</i>"
    )
    await log_session(bot, USER, "rdl 4x12 120kg", "lat pulldown 12,11,10,10 80kg")

    # Session 4, a heavy day after a volume day: the last heavy day's numbers, never the volume day's.
    heavy = joined(await bot.send(USER, "/workout"))
    assert "Session 4 ·" in heavy and "· heavy day" in heavy
    assert next_load_line(heavy, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last heavy day 5 @ 180 kg, 3 @ 190 kg, 2×3 @ 200 kg → today 4×3 @ 192.5 kg: "
        "every set at a load all of them can take, worked out from your top set (200 kg × 3).</i>"
    )
    # A pulldown's heavy day is 6–8: a cable is no lift for triples.
    assert next_load_line(heavy, "Lat pulldown") == (
        "📈 <i>Lat pulldown: last heavy day 4×8 @ 90 kg → today 4×6 @ 92.5 kg. "
        "Every set hit the top: heavier now. 💪</i>"
    )
    assert "last time" not in heavy

    # As written logs what the line said.
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert "Barbell deadlift: 4×3 @ 192.5 kg" in written and "Lat pulldown: 4×6 @ 92.5 kg" in written

    # /progress: the latest heavy day against the first heavy day, not against the volume day before;
    # and the deadlift's day the plan eased after a ramp to a top set is no loss against that ramp (a
    # coach's trial: it read "-7.5 kg on heavy days").
    await bot.send(USER, "/progress")
    caption = bot.api.files[-1].caption or ""
    assert (
        "Barbell deadlift: 192.5 kg × 3, heavy day (4 sets at it; last heavy day 2×3 @ 200 kg at the top)"
        in caption
    ), caption
    assert "Lat pulldown: 92.5 kg × 6, heavy day (+2.5 kg on heavy days)" in caption, caption

    # The next volume day's Romanian deadlift follows the last one: every set at the top, an advanced
    # hinge's 3.5 % more (4.2 kg: 2.5 kg on the bar).
    bot.clock.advance(days=3)
    await log_session(bot, USER, "deadlift 4x6 175kg", "lat pulldown 4x8 85kg")
    volume = joined(await bot.send(USER, "/workout"))
    assert "Session 6 ·" in volume and "· volume day" in volume
    assert next_load_line(volume, "Barbell Romanian deadlift") == (
        "📈 <i>Barbell Romanian deadlift: last volume day 4×12 @ 120 kg → today 4×10 @ 122.5 kg. "
        "Every set hit the top: heavier now. 💪</i>"
    )


async def test_a_first_heavy_day_after_a_volume_day_is_worked_out_from_it(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    # Sessions 1 and 2 logged without the pulldown, 3 (a volume day) with it.
    await log_session(bot, USER, "deadlift 4x5 150kg")
    await log_session(bot, USER, "deadlift 4x6 130kg")
    await log_session(bot, USER, "lat pulldown 12,11,10,10 80kg")
    heavy = joined(await bot.send(USER, "/workout"))
    assert "· heavy day" in heavy
    # Not "last time 12, 11, 10, 10 @ 80 kg → today 4×6 @ 82.5 kg": 80 × 12 → 1RM 112 → 90 for 6.
    assert next_load_line(heavy, "Lat pulldown") == (
        "📈 <i>Lat pulldown: first heavy day for it → today 4×6 @ 90 kg, "
        "worked out from your recent set (80 kg × 12).</i>"
    )
    assert next_load_line(heavy, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last heavy day 4×5 @ 150 kg → today 4×3 @ 155 kg. "
        "Every set hit the top: heavier now. 💪</i>"
    )


async def test_an_intermediate_day_still_follows_the_last_session(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await log_session(bot, USER, "lat pulldown 3x8 60kg")
    # 52.5 kg is under 15 % down: a working load, not a light day (``comeback.chosen_light``).
    await log_session(bot, USER, "lat pulldown 3x7 52.5kg")
    workout = joined(await bot.send(USER, "/workout"))
    assert next_load_line(workout, "Lat pulldown") == (
        "📈 <i>Lat pulldown: last time 3×7 @ 52.5 kg → today 3×8 @ 52.5 kg: "
        "hit 8 on every set and it's 55 kg next time.</i>"
    )
    await bot.send(USER, "/progress")
    assert "Lat pulldown: 52.5 kg × 7 (-7.5 kg)" in (bot.api.files[-1].caption or "")


async def test_ramped_deadlift_sets_never_make_a_top_triple_the_working_load(bot: Harness) -> None:
    # Newcomer trial: "100x5, 110x5, 120x3" gave "today 3×6 @ 120 kg", a load only lifted for a triple.
    await bot.onboard(USER, level="💪 Intermediate")
    await log_session(bot, USER, "dl 100x5, 110x5, 120x3")
    workout = joined(await bot.send(USER, "/workout"))
    assert next_load_line(workout, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last time 5 @ 100 kg, 5 @ 110 kg, 3 @ 120 kg, short of 6–8 → today "
        "3×6 @ 102.5 kg, lighter, worked out from your recent set (120 kg × 3).</i>"
    )
    assert "@ 120 kg, or" not in workout
