"""A light day the trainee chose is no baseline: the next target keeps coming from the heavier sessions.

A newcomer trial: seated row 30 kg 3×10 on a day her shoulder hurt, after 40 kg × 7 (her best), and the next
plan read "last time 3×10 @ 30 kg → today 3×6 @ 32.5 kg. Every set hit the top: heavier now."
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined

USER = 4431
ROW = "Seated cable row"


def line_of(workout: str, name: str) -> str:
    [line] = [row for row in workout.splitlines() if row.startswith(f"📈 <i>{name}:")]
    return line


async def test_a_light_day_is_said_and_the_target_comes_from_the_heavier_sessions(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log seated cable row 3x7 40kg")
    bot.clock.advance(days=3)
    await bot.send(USER, "/log seated cable row 3x10 30kg")
    bot.clock.advance(days=3)
    line = line_of(joined(await bot.send(USER, "/workout")), ROW)
    assert line == (
        f"📈 <i>{ROW}: last time 3×10 @ 30 kg, well under your recent sets, so I count it as a light day,"
        " not a new starting point; before that 3×7 @ 40 kg → today 2×7 @ 40 kg again: back where you were"
        " before going up.</i>"
    ), line
    assert "32.5 kg" not in line and "heavier now" not in line
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert f"{ROW}: 2×7 @ 40 kg" in written, written


async def test_a_working_load_a_little_down_is_still_a_baseline(bot: Harness) -> None:
    # 37.5 kg after 40 kg is under 10 % down, a back-off's size: it counts as the lift's level.
    await bot.onboard(USER)
    await bot.send(USER, "/log seated cable row 3x7 40kg")
    bot.clock.advance(days=3)
    await bot.send(USER, "/log seated cable row 2x12 37.5kg")
    bot.clock.advance(days=3)
    line = line_of(joined(await bot.send(USER, "/workout")), ROW)
    assert "light day" not in line and "last time 2×12 @ 37.5 kg" in line, line


async def test_progress_marks_a_light_day_off_the_line_and_reads_no_drop(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log seated cable row 3x7 40kg")
    bot.clock.advance(days=3)
    await bot.send(USER, "/log seated cable row 3x10 30kg")
    light_day = f"{bot.clock.now:%d %b}"
    await bot.send(USER, "/progress")
    said = bot.api.files[-1].caption or ""
    # The latest set the caption reads is the 40 kg, not a 10 kg drop to the light day.
    assert f"{ROW}: 40 kg × 7" in said and "-10" not in said, said
    assert (
        f"{ROW} on {light_day} (30 kg): a light day you chose, marked hollow off the line, not a drop" in said
    ), said
    # A load a little down is a working set, and the caption reads it as one.
    bot.clock.advance(days=3)
    await bot.send(USER, "/log seated cable row 3x8 37.5kg")
    await bot.send(USER, "/progress")
    said = bot.api.files[-1].caption or ""
    assert f"{ROW}: 37.5 kg × 8 (-2.5 kg)" in said, said
