"""A bodyweight or band move's 📈 target comes from the reps logged, through the real Application, and As
written logs what the line said (``bot.coach.bodyreps``).

A strength coach's trial: a home beginner's band-assisted pull-ups logged 6, 5 against 2 × 10–12 were
told "last time 6, 5 → today 2×10", and As written logged 2×10 they could not do.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, next_load_line

USER = 5047


async def test_band_assisted_pull_ups_far_short_ask_a_rep_more_and_as_written_logs_it(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Pull-up bar", "Resistance bands"))
    assert "Logged Band-assisted pull-up: 6, 5" in joined(
        await bot.send(USER, "/log band-assisted pull-up 6 5")
    )
    bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    assert "2 × 10–12" in workout, workout
    line = next_load_line(workout, "Band-assisted pull-up")
    assert line.startswith(
        "📈 <i>Band-assisted pull-up: last time 6, 5 → today 2×6. Still well short of 10–12:"
    ), line
    assert line.endswith(
        "an easier version is fine for now (Chair-assisted pull-up, or more help from a stronger band).</i>"
    )
    await bot.press(USER, "✅ Done")
    logged = joined(await bot.press(USER, "✅ As written"))
    assert "• Band-assisted pull-up: 2×6" in logged, logged
