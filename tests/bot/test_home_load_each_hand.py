"""A backpack-or-dumbbells move logged as each hand's load ("14 kg each": two dumbbells) through the real
Application: the work is the total load, so two 14 kg dumbbells weigh against a 24 kg backpack as 28 kg,
for records and the next load, while the replies still say what was told ("@ 14 kg each hand").

A strength coach's trial: 14 kg each hand after 24 kg in one backpack read as no record, and the next
load was worked out from 14 kg.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined

USER = 8341
RDL = "Romanian deadlift with a loaded backpack or dumbbells"
KIT = ("A backpack or other load",)


def rdl_line(workout: str) -> str:
    [line] = [row for row in workout.splitlines() if row.startswith(f"📈 <i>{RDL}:")]
    return line


async def test_two_dumbbells_each_hand_weigh_as_their_total_against_a_backpack(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    for _ in range(2):  # two sessions: the baseline no record is set in
        await bot.send(USER, "/log backpack rdl 10, 10 with 24kg")
        bot.clock.advance(days=2)
    told = joined(await bot.send(USER, "/log backpack rdl 2x10 14kg each"))
    # Said as told, weighed as lifted. Before: no record (14 kg < 24 kg).
    assert f"{RDL}: 2×10 @ 14 kg each hand" in told, told
    assert f"🏆 New record — {RDL}: heaviest ever, 28 kg (was 24 kg)." in told, told

    bot.clock.advance(days=2)
    # The next load goes on from the 28 kg lifted, not from 14 kg. Before: "last time 2×10 @ 14 kg → today
    # 2×11 @ 14 kg …", a load half what was lifted.
    line = rdl_line(joined(await bot.send(USER, "/workout")))
    # Said both ways where told as each hand's: "@ 28 kg" alone read as 28 kg a hand (a second trial).
    assert line == (
        f"📈 <i>{RDL}: last time 2×10 @ 28 kg in all (14 kg each hand) → every set hit the top: add a little"
        " to the backpack (more than 28 kg in all, 14 kg each hand) and do 2×8. 💪 Log what it weighs.</i>"
    )

    # /history keeps what was told.
    assert "2×10 @ 14 kg each hand" in joined(await bot.send(USER, "/history"))


async def test_a_pair_as_heavy_as_the_backpack_in_all_sets_a_rep_record_and_a_lighter_one_none(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    for _ in range(2):
        await bot.send(USER, "/log backpack rdl 10, 10 with 24kg")
        bot.clock.advance(days=2)
    # 12 kg each is the 24 kg worked at: 12 reps at it beat 10. Before: 12 kg was no working load.
    told = joined(await bot.send(USER, "/log backpack rdl 2x12 12kg each"))
    assert f"{RDL}: 2×12 @ 12 kg each hand" in told, told
    assert f"🏆 New record — {RDL}: 12 reps at 24 kg (best was 10)." in told, told
    bot.clock.advance(days=2)
    told = joined(await bot.send(USER, "/log backpack rdl 2x12 10kg each"))
    assert f"{RDL}: 2×12 @ 10 kg each hand" in told and "🏆" not in told, told


async def test_a_row_told_each_hands_says_its_load_both_ways_and_one_told_whole_as_told(bot: Harness) -> None:
    """A coach's trial: "/log bent-over row 2x10 8 kg each" came back in /workout as "2×10 @ 16 kg", read
    as 16 kg a hand."""
    await bot.onboard(USER, equipment="🏠 Home", kit=KIT)
    told = joined(await bot.send(USER, "/log bent-over row 2x10 8 kg each"))
    assert "Logged" in told and "@ 8 kg each hand" in told, told
    bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    [line] = [row for row in workout.splitlines() if "last time 2×10" in row]
    assert "@ 16 kg in all (8 kg each hand) → today 2×11 @ 16 kg in all (8 kg each hand)" in line, line
    bot.clock.advance(days=2)
    await bot.send(USER, "/log bent-over row 2x11 16kg")
    bot.clock.advance(days=2)
    workout = joined(await bot.send(USER, "/workout"))
    [line] = [row for row in workout.splitlines() if "last time 2×11" in row]
    assert "@ 16 kg → today 2×12 @ 16 kg" in line and "each hand" not in line, line
