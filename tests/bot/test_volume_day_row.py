"""A volume day's row through the real Application: it suits the day's reps.

A strength coach's trial (advanced gym lifter, Mon/Wed/Fri): the second week's volume day asked "Pendlay
row 3 × 5–8 reps · 1 in reserve · rest 120–150 s", an explosive row from a dead stop, capped at a heavy
range on a day of 12–15 with short rests. A Pendlay row is a heavy day's (``days`` in exercises.toml).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, joined

USER = 5032


async def test_a_volume_days_row_is_one_for_its_reps(bot: Harness) -> None:
    bot.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday
    await bot.onboard(USER, level="🔥 Advanced")
    volume: list[str] = []
    for week in range(3):
        for offset in (0, 2, 4):  # Mon, Wed, Fri
            bot.clock.now = datetime(2026, 12, 7, 18, 0, tzinfo=UTC) + timedelta(weeks=week, days=offset)
            workout = joined(await bot.send(USER, "/workout"))
            if "· volume day" in workout:
                volume.append(workout)
            await bot.press(USER, "✅ Done")
    assert len(volume) == 3
    for workout in volume:
        assert "Pendlay row" not in workout, workout
        # Every lift of the day at its range or one the move holds up to: nothing capped at a heavy 5–8.
        assert "5–8 reps" not in workout, workout
    # The trial's day: the second volume day's secondary row is one for 12–15.
    assert "Chest-supported dumbbell row</b>\n3 × 12–15 reps · 1 in reserve" in volume[1], volume[1]
