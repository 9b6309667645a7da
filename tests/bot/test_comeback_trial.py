"""A newcomer trial's coaching faults, through the real Application against the Bot API double.

Back after two weeks of flu, /workout asked a rep more on every band move ("Band pull-apart: last time 15,
12 → today 2×13"), and four weeks after the last log a rep more again, though the rest card says "after a
week or more off, start a little lighter"; a deadlift's 8, 8, 6 @ 100 kg asked 3×7, under the two sets
that made 8; /progress said "Band row: 11 reps (-1)" after a move to another band; "deadlift 150" after
3×6 @ 105 kg got a 🏆 with no second look; and a deload day's ramp climbed to a single near the working
load before easy sets.
"""

from __future__ import annotations

from datetime import timedelta

from tests.bot.harness import Harness, labels, logged_rows, next_load_line, plain
from tests.bot.test_deload_week import LOGS, START, _day, _log

USER = 5031
BAR, BANDS = "Pull-up bar", "Resistance bands"


def line(workout: str, name: str) -> str:
    return next(row for row in workout.splitlines() if row.startswith(f"📈 {name}:"))


async def test_back_after_two_weeks_of_flu_every_band_move_holds_and_as_written_logs_it(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS))
    await bot.send(USER, "/log band pull-apart 15, 12")
    await bot.send(USER, "/log band row 11, 10 green band")
    bot.clock.advance(days=14)  # 24 Nov, then the flu: back on 8 Dec
    workout = plain(await bot.send(USER, "/workout"))
    assert line(workout, "Band pull-apart") == (
        "📈 Band pull-apart: last time 15, 12 → today 2×12: back after 2 weeks, so no more than your weakest"
        " set last time before going up again."
    ), workout
    assert line(workout, "Band row") == (
        "📈 Band row: last time 11, 10 with the green band → today 2×10 with the green band: back after 2"
        " weeks, so no more than your weakest set last time before going up again."
    )
    await bot.press(USER, "✅ Done")
    written = plain(await bot.press(USER, "✅ As written"))
    assert "• Band row: 2×10 with the green band" in written and "• Band pull-apart: 2×12" in written, written
    # Back in its rhythm, the next session of it climbs again.
    bot.clock.advance(days=3)
    await bot.send(USER, "/log band row 2x10 green band")
    bot.clock.advance(days=3)
    climbing = plain(await bot.send(USER, "/workout"))
    assert "Band row: last time 2×10 with the green band → today 2×11 with the green band." in climbing


async def test_four_weeks_away_starts_a_little_lighter_loaded_or_not(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log lat pulldown 2x10 40kg")
    await bot.send(USER, "/log scapular pull-up 2x12")
    bot.clock.advance(days=3)
    await bot.send(USER, "/log face pull 2x12 20kg")  # session 2; session 3 has both again
    bot.clock.advance(weeks=4)
    workout = plain(await bot.send(USER, "/workout"))
    assert "First week back" in workout, "the card and the lines say the same"
    assert line(workout, "Lat pulldown") == (
        "📈 Lat pulldown: last time 2×10 @ 40 kg → today 2×10 @ 35 kg: back after 4 weeks, so a little"
        " lighter than last time to find your feet again."
    ), workout
    assert line(workout, "Scapular pull-up") == (
        # Never under its card's 12–15: held at the bottom, last time's 12.
        "📈 Scapular pull-up: last time 2×12 → today 2×12: back after 4 weeks, so the same as last time"
        " before going up again."
    )


async def test_a_deadlift_that_faded_holds_its_load_for_the_best_sets_reps(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/log deadlift 8,8,6 100kg")
    bot.clock.advance(days=3)
    workout = plain(await bot.send(USER, "/workout"))
    assert line(workout, "Barbell deadlift") == (
        "📈 Barbell deadlift: last time 8, 8, 6 @ 100 kg → today 3×8 @ 100 kg: hit 8 on every set and it's"
        " 105 kg next time."
    ), workout


async def test_a_band_move_under_its_best_set_says_why(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS))
    await bot.send(USER, "/log band row 12, 9 green band")
    bot.clock.advance(days=3)
    workout = plain(await bot.send(USER, "/workout"))
    assert line(workout, "Band row") == (
        "📈 Band row: last time 12, 9 with the green band → today 2×10 with the green band. Your best"
        " set's 12 is where every set is headed: a rep or two closer each time."
    ), workout


async def test_progress_says_a_new_band_never_a_minus(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=(BAR, BANDS))
    await bot.send(USER, "/log band row 2x12 red band")
    bot.clock.advance(days=3)
    await bot.send(USER, "/log band row 11, 10 green band")
    await bot.send(USER, "/progress")
    caption = bot.api.files[-1].caption or ""
    assert "Band row: 11 reps with the green band, a new band (12 with the red band before)" in caption, (
        caption
    )
    assert "(-1)" not in caption


async def test_a_load_far_over_the_best_is_logged_and_asked_about_not_cheered(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    for typed in ("deadlift 3x6 100kg", "deadlift 3x6 102.5kg", "deadlift 3x6 105kg"):
        await bot.send(USER, f"/log {typed}")
        bot.clock.advance(days=3)
    reply = plain(await bot.send(USER, "/log deadlift 7,7,7 150kg"))
    assert reply.startswith("✍️ Logged Barbell deadlift: 3×7 @ 150 kg"), reply
    assert (
        "🤔 Barbell deadlift: 150 kg is a big jump from 105 kg: a typo? Reply e.g. actually the deadlift"
        " was 105 not 150 to correct it. If it's right, that's a new best: well done."
    ) in reply
    assert "🏆" not in reply
    assert ("deadlift", 7, 150.0, None) in await logged_rows(bot), "logged all the same"
    # The correction it names is read as one.
    fixed = plain(await bot.send(USER, "actually the deadlift was 105 not 150"))
    assert "from 3×7 @ 150 kg to 3×7 @ 105 kg" in fixed, fixed
    assert labels(bot, USER)
    # A real step up is cheered as before.
    bot.clock.advance(days=3)
    assert "🏆" in plain(await bot.send(USER, "/log deadlift 3x6 160kg"))


async def test_a_deload_days_ramp_is_short_and_ends_well_under_the_easy_sets(bot: Harness) -> None:
    bot.clock.now = START - timedelta(hours=9)
    await bot.onboard(USER, level="🔥 Advanced")
    await bot.send(USER, "/schedule mon,wed,fri")
    for week in range(3):
        for offset in (0, 2, 4):
            workout = await _day(bot, week, offset)
            kind = next(kind for kind in LOGS if f"· {kind}" in workout)
            await _log(bot, *LOGS[kind])
    monday = await _day(bot, 3, 0)
    assert "deload week → today 2×3 @ 182.5 kg" in next_load_line(monday, "Barbell deadlift")
    ramp = next(row for row in monday.splitlines() if row.startswith("🔥 Warm-up sets"))
    assert ramp == "🔥 Warm-up sets (kg): bar × 8, 90 × 5, 137.5 × 3", ramp
