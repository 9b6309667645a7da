"""An intermediate's deadlift week through the real Application.

A newcomer trial (intermediate, gym, a weekly target of 2, trained Mon/Wed/Fri for two weeks): the
barbell deadlift was first in every session, past exercises.toml's ``max_per_week = 2`` and the FAQ's
"never more than two deadlift days in a week", because the cap counted the target's weeks, not the
calendar's; and 3×8 @ 140 kg became 3×6 @ 152.5 kg two days later, "or 167.5 kg once all sets reach 8".
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, next_load_line

USER = 5316


async def test_mon_wed_fri_deadlifts_twice_a_week_and_adds_a_sane_step(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    # The harness starts on a Tuesday: on to Monday.
    bot.clock.advance(days=6)
    assert bot.clock.now.weekday() == 0
    days = []
    for week in range(2):
        for day in range(3):
            workout = joined(await bot.send(USER, "/workout"))
            days.append(workout)
            first = next(row for row in workout.splitlines() if "1. " in row)
            if day < 2:
                assert "1. Barbell deadlift" in first, (week, day, first)
                await bot.send(USER, "/log deadlift 3x8 140kg")
            else:
                # The third session of the calendar week hinges with dumbbells, and says why.
                assert "1. Dumbbell Romanian deadlift" in first, (week, day, first)
                assert (
                    "At most 2 sessions a week have a barbell hinge, never on back-to-back days, so this one"
                    " has the dumbbell RDL in place of the deadlift" in workout
                ), workout
                await bot.send(USER, "/log dumbbell rdl 3x8 30kg")
            bot.clock.advance(days=2 if day < 2 else 3)
    # Wednesday after 3×8 @ 140 kg on Monday: 5 % on an intermediate's deadlift, 145 kg, not 152.5 kg.
    assert next_load_line(days[1], "Barbell deadlift") == (
        "📈 <i>Barbell deadlift: last time 3×8 @ 140 kg → today 3×6 @ 145 kg. "
        "Every set hit the top: heavier now. 💪</i>"
    )
    assert "152.5" not in days[1] and "167.5" not in days[1]
    assert "add about 2.5 % (5 % on the deadlift)" in days[0]
