"""A deload week through the real Application: every session of it is a deload, its day made easy (the
bottom of the day's range, half the sets, lighter than the recent work), and the next block picks up
from the working sets before it.

A strength coach's newcomer trial (advanced gym lifter, Mon/Wed/Fri): Monday of the deload week asked
2×8 @ 67.5 kg on the pulldown, but Wednesday compared itself with Monday ("last deload week 4×8 @ 79 kg
→ today 2×9 @ 79 kg") and judged the deadlift's heavy sets logged on Monday "short of 8–10"; and the
deadlift's deload load came from the moderate day's 175×5 (145 kg), not the heavy day's 210 kg. A later
trial: the heavy day's deload asked 2×8 @ 125 kg "about 19 % under your recent 155 kg × 4", twice the
reps of a lift worked for 3–5, with a percentage beside other reps than today's.
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
    # The week's third hinge is a dumbbell RDL: at most two barbell-hinge days a week.
    "volume day": ("dumbbell rdl 4x10 40kg", "lat pulldown 4x10 65kg"),
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
    # The heavy day's deload: its 3–5 at 3, half its four sets, 87.5 % of the heaviest recent working
    # load (the heavy day's 210 kg top sets, not an estimate from the moderate day's 175×5), on the step.
    assert next_load_line(monday, DEADLIFT) == (
        "📈 <i>Barbell deadlift: deload week → today 2×3 @ 182.5 kg, lighter than your 210 kg × 3 "
        "so every rep is easy.</i>"
    )
    assert next_load_line(monday, PULLDOWN) == (
        "📈 <i>Lat pulldown: deload week → today 2×6 @ 67.5 kg, lighter than your 77.5 kg × 6 "
        "so every rep is easy.</i>"
    )
    assert "2 × 3 reps · 4 in reserve" in monday and "8–10" not in monday, monday
    # The lifter goes heavy against the plan on Monday (a record is fine).
    await _log(bot, "deadlift 5 190kg", "deadlift 3 205kg", "deadlift 2x2 215kg", "lat pulldown 4x8 79kg")

    for offset in (2, 4):
        later = await _day(bot, 3, offset)
        assert "deload week" in later
        # Still a deload, from the same pre-deload work: no progression, no "last deload week". Wednesday
        # is the moderate day's deload (6–8 at 6: 210 kg × 3 is about 192.5 kg for six, 87.5 % of it);
        # Friday the volume day's, hinging with the dumbbell Romanian deadlift (the week's two barbell-hinge
        # days are done), 10–12 at 10 from its volume days' 40 kg × 10.
        hinge, today = (
            (DEADLIFT, "2×6 @ 167.5 kg")
            if offset == 2
            else ("Dumbbell Romanian deadlift", "2×10 @ 35 kg each hand")
        )
        assert f"deload week → today {today}, lighter than" in next_load_line(later, hinge), later
        pulldown = "2×8 @ 62.5 kg" if offset == 2 else "2×10 @ 60 kg"
        assert f"deload week → today {pulldown}, lighter than" in next_load_line(later, PULLDOWN), later
        stale = ("last deload week", "short of", "heavier now", "once all sets reach", "% under your recent")
        for word in stale:
            assert word not in later, later
        await _log(
            bot,
            f"lat pulldown {pulldown.replace('×', 'x').replace(' @ ', ' ')}",
            "deadlift 2x6 167.5kg" if offset == 2 else "dumbbell rdl 2x10 35kg",
        )

    # The first session after the deload, block 2's heavy day with the barbell Romanian deadlift as its hinge,
    # never logged (block 1's third hinge of a week was the dumbbell RDL): it starts from the deadlift's work
    # before the deload (210 kg × 3), not the deload's 2×6 @ 167.5 kg.
    after = await _day(bot, 4, 0)
    assert "Session 13 · block 2, week 1" in after and "· heavy day" in after, after
    assert next_load_line(after, "Barbell Romanian deadlift") == (
        "📈 <i>Barbell Romanian deadlift: first time — from your barbell deadlift 210 kg × 3 (a one-rep max"
        " of about 231 kg): today 4×6 @ 147.5 kg, about 64 % of it; log what you managed.</i>"
    )
