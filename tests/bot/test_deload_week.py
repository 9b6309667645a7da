"""A deload week through the real Application: every session of it is a deload, and the next block
picks up from the working sets before it.

A strength coach's newcomer trial (advanced gym lifter, Mon/Wed/Fri): Monday of the deload week asked
2×8 @ 67.5 kg on the pulldown, but Wednesday compared itself with Monday ("last deload week 4×8 @ 79 kg
→ today 2×9 @ 79 kg") and judged the deadlift's heavy sets logged on Monday "short of 8–10"; and the
deadlift's deload load came from the moderate day's 175×5 (145 kg), not the heavy day's 210 kg.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, joined, next_load_line

USER = 5031
START = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)  # a Monday
# What the lifter logs on each kind of day in the three training weeks before the deload.
LOGS = {
    "heavy day": ("deadlift 5 180kg", "deadlift 3 200kg", "deadlift 4x3 210kg", "lat pulldown 4x6 77.5kg"),
    "moderate day": ("deadlift 4x5 175kg", "lat pulldown 4x8 72.5kg"),
    "volume day": ("rdl 4x10 140kg", "lat pulldown 4x10 65kg"),
}
DEADLIFT, PULLDOWN = "Barbell deadlift", "Lat pulldown"


async def _day(bot: Harness, week: int, offset: int) -> str:
    bot.clock.now = START + timedelta(weeks=week, days=offset)
    return joined(await bot.send(USER, "/workout"))


async def _log(bot: Harness, *typed: str) -> None:
    for sets in typed:
        await bot.send(USER, f"/log {sets}")
        bot.clock.advance(minutes=4)


async def test_every_session_of_the_deload_week_is_a_deload(bot: Harness) -> None:
    bot.clock.now = START - timedelta(hours=9)
    await bot.onboard(USER, level="🔥 Advanced")
    await bot.send(USER, "/schedule mon,wed,fri")
    for week in range(3):
        for offset in (0, 2, 4):
            workout = await _day(bot, week, offset)
            kind = next(kind for kind in LOGS if f"· {kind}" in workout)
            await _log(bot, *LOGS[kind])

    monday = await _day(bot, 3, 0)
    assert "deload week" in monday
    # The deload load is eight easy reps (four in reserve) from the lift's heaviest recent working sets:
    # the heavy day's 210 kg top sets (165 kg), not an estimate from the moderate day's 175×5 (145 kg).
    assert next_load_line(monday, DEADLIFT) == (
        "📈 <i>Barbell deadlift: deload week → today 2×8 @ 165 kg, about 21 % under your recent "
        "210 kg × 3. Keep every rep easy.</i>"
    )
    assert next_load_line(monday, PULLDOWN) == (
        "📈 <i>Lat pulldown: deload week → today 2×8 @ 65 kg, about 16 % under your recent "
        "77.5 kg × 6. Keep every rep easy.</i>"
    )
    # The lifter goes heavy against the plan on Monday (a record is fine).
    await _log(bot, "deadlift 5 190kg", "deadlift 3 205kg", "deadlift 2x2 215kg", "lat pulldown 4x8 79kg")

    for offset in (2, 4):
        later = await _day(bot, 3, offset)
        assert "deload week" in later
        # Still a deload, from the same pre-deload work: no progression, no "last deload week". Friday
        # hinges with the Romanian deadlift (the deadlift's two a week are done): from its volume days.
        hinge, load = (DEADLIFT, "165 kg") if offset == 2 else ("Barbell Romanian deadlift", "122.5 kg")
        assert f"deload week → today 2×8 @ {load}" in next_load_line(later, hinge), later
        assert "2×8 @ 65 kg" in next_load_line(later, PULLDOWN), later
        for word in ("last deload week", "short of", "heavier now", "once all sets reach"):
            assert word not in later, later
        await _log(bot, "lat pulldown 2x8 65kg", "deadlift 2x8 165kg" if offset == 2 else "rdl 2x8 122.5kg")

    # The first session after the deload, block 2's heavy day with the Romanian deadlift as its hinge: its
    # load comes from the work before the deload (140 kg × 10), not the deload's 2×8 @ 122.5 kg (125 kg).
    after = await _day(bot, 4, 0)
    assert "Session 13 · block 2, week 1" in after and "· heavy day" in after, after
    assert next_load_line(after, "Barbell Romanian deadlift") == (
        "📈 <i>Barbell Romanian deadlift: first heavy day for it → today 4×6 @ 150 kg, "
        "worked out from your recent set (140 kg × 10).</i>"
    )
