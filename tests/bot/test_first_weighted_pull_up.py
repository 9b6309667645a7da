"""An advanced block 2 through the real Application: its main vertical pull is the weighted pull-up, and
its first target comes from the bodyweight pull-ups logged in block 1.

A strength coach's trial: the card said "Weighted pull-up: first time — pick a load you could lift a
couple more times than 3 with clean form." after weeks of pull-ups logged (10, 9, 8, 8). A second
trial: "today 4×5 @ 2.5 kg" then was nowhere near 1 in reserve for a best of 10; each rep to spare is now
worth about 1.25 kg of added load.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.bot.harness import Harness, charted, joined, next_load_line

USER = 5021
MONDAY = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)


async def test_block_twos_weighted_pull_up_starts_from_the_bodyweight_ones(bot: Harness) -> None:
    bot.clock.now = MONDAY - timedelta(hours=9)
    await bot.onboard(USER, level="🔥 Advanced")
    for week in range(4):  # three weeks and the deload week: block 1's twelve sessions
        for offset in (0, 2, 4):  # Mon, Wed, Fri
            bot.clock.now = MONDAY + timedelta(weeks=week, days=offset)
            reps = "10, 9, 8, 8" if (week, offset) == (2, 4) else "8, 8, 7"
            assert "Logged" in joined(await bot.send(USER, f"/log pull-up {reps}"))
    bot.clock.now = MONDAY + timedelta(weeks=4)
    # Before a weighted set is logged, the vertical pull's chart is the pull-ups logged, in reps, named so.
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    assert [lift.name for lift in lifts] == ["Pull-up"]
    assert "Pull-up: 8 reps" in (bot.api.files[-1].caption or "")
    workout = joined(await bot.send(USER, "/workout"))
    assert "Session 13 · block 2" in workout and "· heavy day" in workout, workout
    assert next_load_line(workout, "Weighted pull-up") == (
        "📈 <i>Weighted pull-up: last time Pull-up 10, 9, 8, 8 → today 4×5 @ 5 kg: your first sets with "
        "added load. Your best of 10 without it beats 5 reps with 1 in reserve by 4, and each rep to spare "
        "is worth about 1.25 kg added (rounded down to your step). A first guess: log what you managed.</i>"
    )
    # As written logs what the line said, with no load asked for.
    await bot.press(USER, "✅ Done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert "Weighted pull-up: 4×5 @ 5 kg" in written, written

    # From then on /progress charts the weighted pull-up, the block's vertical pull, by its added load.
    await bot.send(USER, "/progress")
    caption = bot.api.files[-1].caption or ""
    assert [lift.name for lift in lifts] == ["Weighted pull-up"]
    assert "load added to bodyweight: the top set's load, one line per kind of day" in caption, caption
    assert "Weighted pull-up: 5 kg × 5, first heavy day" in caption, caption
    assert "pull-up sets logged beside it" not in caption, "no pull-ups since its first loaded set"

    # The block's volume day makes bodyweight pull-ups its vertical pull: reps, not drawn on the added-load
    # lines, so the caption says where they are rather than letting them vanish.
    bot.clock.now = MONDAY + timedelta(weeks=4, days=4)
    assert "Logged" in joined(await bot.send(USER, "/log strict pull-up 10, 10, 9, 9"))
    await bot.send(USER, "/progress")
    caption = bot.api.files[-1].caption or ""
    assert [lift.name for lift in lifts] == ["Weighted pull-up"]
    assert (
        "Weighted pull-up: added load only; the pull-up sets logged beside it are reps without a load, "
        "in /history"
    ) in caption, caption


async def test_a_weighted_pull_ups_load_is_asked_as_the_load_added(bot: Harness) -> None:
    """A trial: "Weighted pull-up, 4×6: what load did you lift? Type it, e.g. 60 or 60 kg" left a trainee
    wondering whether to count their bodyweight in. The question asks what was added, with a small
    example, and the answer is logged as the added load."""
    bot.clock.now = MONDAY - timedelta(hours=9)
    await bot.onboard(USER, level="🔥 Advanced")
    for week in range(4):
        for offset in (0, 2, 4):
            bot.clock.now = MONDAY + timedelta(weeks=week, days=offset)
            assert "Logged" in joined(await bot.send(USER, "/log pull-up 8, 8, 7"))
    bot.clock.now = MONDAY + timedelta(weeks=4)
    await bot.send(USER, "/log weighted pull-up 4x5 5kg")
    bot.clock.now = MONDAY + timedelta(weeks=4, days=2)
    workout = joined(await bot.send(USER, "/workout"))
    assert "· moderate day" in workout and "Weighted pull-up: first moderate day for it" in workout, workout
    await bot.press(USER, "✅ Done")
    assert "Barbell Romanian deadlift</b>, 4×8: what load" in joined(await bot.press(USER, "✅ As written"))
    written = joined(await bot.press(USER, "⏭ Skip"))
    assert (
        "⚖️ <b>Weighted pull-up</b>, 4×6: what did you add (belt, vest or dumbbell between the feet)? Type the"
        " added load only, e.g. <code>5</code> or <code>5 kg</code>, and I'll log it, or tap ⏭ Skip to leave"
        " it for now."
    ) in written, written
    assert "what load did you lift" not in written.split("Weighted pull-up</b>")[1].split("\n")[0]
    assert "0 kg isn't a load I can log for <b>Weighted pull-up</b>" in joined(await bot.send(USER, "0"))
    assert "Type what you lifted (the load added, not your bodyweight)" in joined(await bot.send(USER, "0"))
    assert "Logged Weighted pull-up: 4×6 @ 7.5 kg" in joined(await bot.send(USER, "7.5")), "the added load"
