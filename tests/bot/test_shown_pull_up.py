"""Strict pull-ups the member has done well are theirs, through the real Application: the plan never steps
a main pull below them, and a plain "pull-up" typed is the strict one, whatever easier version today has.

A strength coach's trial: an advanced trainee in block 2, after strict pull-ups 10, 9, 8, 8 logged in block
1, was given "Pull-up: stuck three times → today Machine-assisted pull-up: 4×10" on the volume day, and
"/log pull-up 4x10" came back "Read as Machine-assisted pull-up, today's version".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, joined, next_load_line

USER = 5031
MONDAY = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)


async def test_an_advanced_volume_days_pull_ups_stay_strict_after_strict_ones_done_well(bot: Harness) -> None:
    bot.clock.now = MONDAY - timedelta(hours=9)
    await bot.onboard(USER, level="🔥 Advanced")
    for week in range(4):  # block 1's twelve sessions, its deload week too
        for offset in (0, 2, 4):
            bot.clock.now = MONDAY + timedelta(weeks=week, days=offset)
            reps = "10, 9, 8, 8" if (week, offset) == (2, 4) else "8, 8, 7"
            assert "Logged" in joined(await bot.send(USER, f"/log pull-up {reps}"))
    for offset in (0, 2):  # block 2's heavy and moderate days: weighted pull-ups
        bot.clock.now = MONDAY + timedelta(weeks=4, days=offset)
        await bot.send(USER, "/workout")
        await bot.press(USER, "✅ Done")
        assert "Weighted pull-up" in joined(await bot.press(USER, "✅ As written"))
    bot.clock.now = MONDAY + timedelta(weeks=4, days=4)
    workout = joined(await bot.send(USER, "/workout"))
    assert "Session 15 · block 2" in workout and "· volume day" in workout, workout
    assert "<b>2. Pull-up</b>" in workout and "Machine-assisted" not in workout, workout
    assert next_load_line(workout, "Pull-up") == (
        "📈 <i>Pull-up: last volume day 10, 9, 8, 8 → today 4×9. Your best set's 10 is where every set is"
        " headed: a rep or two closer each time.</i>"
    )
    logged = joined(await bot.send(USER, "/log pull-up 4x10"))
    assert logged.startswith("✍️ Logged Pull-up: 4×10\n") and "Read as" not in logged, logged
    # The strict sets fill the day's pull-up slot: the card ticks it off.
    assert "✓ <b>2. Pull-up</b>: 4×10" in joined(await bot.send(USER, "/workout"))


async def test_a_plain_pull_up_is_strict_once_strict_ones_were_done_well(bot: Harness) -> None:
    # A beginner at home with a bar and bands: the main pull is band-assisted pull-ups for 2 × 10–12.
    await bot.onboard(USER, equipment="🏠 Home", kit=("Pull-up bar", "Resistance bands"))
    # Never done strict ones well (a try of 4, 3): a plain "pull-up" is today's band-assisted version.
    assert "Logged Pull-up: 4, 3" in joined(await bot.send(USER, "/log strict pull-up 4 3"))
    bot.clock.advance(days=2)
    plain = joined(await bot.send(USER, "/log pull-up 8 8"))
    assert plain.startswith("✍️ Logged Band-assisted pull-up: 2×8\n") and "Read as Band-assisted" in plain, (
        plain
    )
    # Two sets of six strict, under the plan's 10: the plan stays band-assisted, but the member's "pull-up"
    # is now the strict one, and the reply says how to log the band-assisted version instead.
    bot.clock.advance(days=2)
    assert "Logged Pull-up: 2×6" in joined(await bot.send(USER, "/log strict pull-up 6 6"))
    bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    assert "Band-assisted pull-up</b>" in workout, workout
    logged = joined(await bot.send(USER, "/log pull-up 7 6"))
    assert logged.startswith("✍️ Logged Pull-up: 7, 6\n"), logged
    assert (
        "<i>Read as Pull-up, the version your log shows you doing well. If you did today's Band-assisted "
        "pull-up instead, tap ↩️ Undo and send <code>/log Band-assisted pull-up 7 6</code>.</i>"
    ) in logged, logged
