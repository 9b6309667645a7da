"""An advanced trainee's first barbell RDL through the real Application: after deadlifts logged, its first
target comes from the deadlift's estimated one-rep max, and As written logs the numbers the line gave.

A strength coach's trial: the volume day said "Barbell Romanian deadlift: first time — pick a load you
could lift a couple more times than 10" with a 150 kg × 5 deadlift in the log.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, joined, next_load_line

USER = 5023
MONDAY = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)


async def test_a_first_rdl_starts_from_the_deadlift_logged(bot: Harness) -> None:
    bot.clock.now = MONDAY - timedelta(hours=9)
    await bot.onboard(USER, level="🔥 Advanced")
    bot.clock.now = MONDAY
    assert "Logged" in joined(await bot.send(USER, "/log deadlift 4x5 150kg"))
    bot.clock.now = MONDAY + timedelta(days=2)
    assert "Logged" in joined(await bot.send(USER, "/log deadlift 4x7 130kg"))
    # The next Monday: the week's first barbell hinge. A Friday would be the week's third, a dumbbell RDL
    # (at most two barbell-hinge days a week).
    bot.clock.now = MONDAY + timedelta(days=7)
    workout = joined(await bot.send(USER, "/workout"))
    assert "· volume day" in workout, workout
    assert next_load_line(workout, "Barbell Romanian deadlift") == (
        "📈 <i>Barbell Romanian deadlift: first time — from your barbell deadlift 150 kg × 5 (a one-rep max"
        " of about 175 kg): today 4×10 @ 100 kg, about 57 % of it; log what you managed.</i>"
    )
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert "Barbell Romanian deadlift: 4×10 @ 100 kg" in written, written
    assert "Barbell Romanian deadlift</b>, 4×10: what load" not in written, "the line gave the load"
