"""/progress in block 2 of an advanced gym plan, through the real Application.

A strength coach's trial: the chart drew block 2's lifts only (the Romanian deadlift, the weighted
pull-up, the chest-supported row) and left off the barbell deadlift trained all of block 1, 150 → 155 kg;
and the weighted pull-up's 2.5 to 5 kg added load lay flat at the foot of an axis running past 100 kg.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, charted, joined

USER = 5044
MONDAY = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)


async def test_block_twos_chart_keeps_block_ones_deadlift_and_reads_added_load_on_the_right(
    bot: Harness,
) -> None:
    bot.clock.now = MONDAY - timedelta(hours=9)
    await bot.onboard(USER, level="🔥 Advanced")
    for week in range(4):  # block 1: three weeks and the deload week, Mon, Wed, Fri
        for offset in (0, 2, 4):
            bot.clock.now = MONDAY + timedelta(weeks=week, days=offset)
            load = 150 if week < 2 else 155
            for sets in (f"deadlift 4x5 {load}kg", "lat pulldown 4x8 70kg", "seated cable row 4x8 60kg"):
                assert "Logged" in joined(await bot.send(USER, f"/log {sets}"))
    for day, added in ((0, 2.5), (2, 2.5), (4, 5)):  # block 2's first week
        bot.clock.now = MONDAY + timedelta(weeks=4, days=day)
        for sets in (
            "barbell rdl 4x8 120kg",
            f"weighted pull-up 4x5 {added:g}kg",
            "chest-supported row 4x8 50kg",
        ):
            assert "Logged" in joined(await bot.send(USER, f"/log {sets}"))
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    caption = bot.api.files[-1].caption or ""
    # Block 2's lifts first, in the slots' order, then block 1's that block 2 no longer has.
    assert [lift.name for lift in lifts] == [
        "Barbell Romanian deadlift",
        "Weighted pull-up",
        "Chest-supported dumbbell row",
        "Barbell deadlift",
        "Lat pulldown",
        "Seated cable row",
    ][: len(lifts)]
    assert len(lifts) == 5, "at most five lines"
    assert "Barbell deadlift, block 1's main lift: 155 kg × 5, heavy day (+5 kg on heavy days)" in caption
    assert "Lat pulldown, block 1's main lift: 70 kg × 8" in caption, caption
    assert "Barbell Romanian deadlift: 120 kg × 8" in caption, "this block's lifts are named as they were"
    assert "added load on the right-hand axis" in caption, caption
    assert [lift.added for lift in lifts] == [False, True, False, False, False]
