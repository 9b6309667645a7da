"""The newcomer trial's progression faults through the real Application: /log, then what /workout says.

A held load was put on the chat's step (12 kg dumbbells → 12.5 kg), a first volume day was heavier than
the moderate day before it, and short sets on a heavy day led to more load.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, log_session, next_load_line

USER = 5006


async def test_a_held_load_off_the_step_is_kept_as_logged(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await log_session(bot, USER, "lat pulldown 3x7 42kg")
    workout = joined(await bot.send(USER, "/workout"))
    # Not "today 3×8 @ 42.5 kg": the 42 kg lifted is held; the load added later is on the 2.5 kg step.
    assert next_load_line(workout, "Lat pulldown") == (
        "📈 <i>Lat pulldown: last time 3×7 @ 42 kg → today 3×8 @ 42 kg: "
        "hit 8 on every set and it's 42.5 kg next time.</i>"
    )
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert "Lat pulldown: 3×8 @ 42 kg" in written


async def test_a_first_volume_day_is_never_heavier_than_the_moderate_day_before(bot: Harness) -> None:
    # The trial's lift was the deadlift, which the volume day now swaps for a Romanian deadlift; the
    # pulldown does all three days.
    await bot.onboard(USER, level="🔥 Advanced")
    await log_session(bot, USER, "lat pulldown 4x6 100kg")
    assert "· moderate day" in joined(await bot.send(USER, "/workout"))
    await log_session(bot, USER, "lat pulldown 4x6 90kg")
    volume = joined(await bot.send(USER, "/workout"))
    assert "· volume day" in volume
    # Not "4×10 @ 85 kg" from the heavy day's sets: 90 kg × 6 → 75 kg for 10 with 2 in reserve.
    assert next_load_line(volume, "Lat pulldown") == (
        "📈 <i>Lat pulldown: first volume day for it → today 4×10 @ 75 kg, "
        "worked out from your recent set (90 kg × 6).</i>"
    )


async def test_two_sets_on_a_heavy_day_never_add_load(bot: Harness) -> None:
    # Two sets at one load past the top of 3–5 are not the four asked: not "4×3 @ 205 kg" but the load
    # held (a ramp to two top sets is eased instead: tests/bot/test_advanced_increase.py).
    await bot.onboard(USER, level="🔥 Advanced")
    await log_session(bot, USER, "deadlift 2x6 200kg")
    await log_session(bot, USER, "deadlift 4x6 160kg")
    await log_session(bot, USER, "deadlift 4x8 140kg")
    heavy = joined(await bot.send(USER, "/workout"))
    assert "Session 4 ·" in heavy and "· heavy day" in heavy
    assert next_load_line(heavy, "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last heavy day 2×6 @ 200 kg → today 4×5 @ 200 kg: "
        "hit 5 on every set and it's 205 kg next time.</i>"
    )
