"""A block's weeks through the real Application: an advanced trainee on Mon/Wed/Fri (three sessions a
week against the plan's two) is in week 2 in their second calendar week and deloads in the block's last
week, not after eleven days.

A newcomer trial: straight after session 6 (Fri 18 Dec, eleven days after starting on Mon 7 Dec),
/workout gave "Session 7 · block 1, deload week"; Fri 11 Dec already said week 2.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, joined

USER = 5011
HEADER = re.compile(r"Session (\d+) · block (\d+), (week (\d+)|deload week)")


async def test_mon_wed_fri_counts_the_block_in_calendar_weeks(bot: Harness) -> None:
    bot.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday
    await bot.onboard(USER, level="🔥 Advanced")
    seen: list[tuple[str, int, int, str]] = []
    for week in range(5):
        for offset in (0, 2, 4):  # Mon, Wed, Fri
            day = datetime(2026, 12, 7, 18, 0, tzinfo=UTC) + timedelta(weeks=week, days=offset)
            bot.clock.now = day
            workout = joined(await bot.send(USER, "/workout"))
            found = HEADER.search(workout)
            assert found is not None, workout
            seen.append((day.strftime("%a %d %b"), int(found[1]), int(found[2]), found[3]))
            # A coach's trial: the deload week's card still said "log your sets and beat them".
            if found[3] == "deload week":
                assert "beat" not in workout and "Keep the loads light" in workout, workout
            else:
                assert "beat them" in workout, workout
            await bot.press(USER, "✅ Done")
    said = {when: (number, header) for when, number, _block, header in seen}
    assert [number for number, _ in said.values()] == list(range(1, 16))
    assert [block for *_, block, _header in seen] == [1] * 12 + [2] * 3
    # The trial's days: Fri 11 Dec is still week 1, Wed 16 Dec week 2, session 7 (Mon 21 Dec) week 3.
    assert said["Fri 11 Dec"][1] == "week 1"
    assert said["Mon 14 Dec"][1] == said["Wed 16 Dec"][1] == said["Fri 18 Dec"][1] == "week 2"
    assert said["Mon 21 Dec"] == (7, "week 3")
    # The advanced block is four weeks: its fourth calendar week is the deload, and only it.
    deloads = [when for when, (_, header) in said.items() if header == "deload week"]
    assert deloads == ["Mon 28 Dec", "Wed 30 Dec", "Fri 01 Jan"]
    assert said["Mon 04 Jan"][1] == "week 1"
