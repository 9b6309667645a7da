"""The pull-up ladder through the real Application: what /workout shows is what As written logs."""

from __future__ import annotations

from tests.bot.harness import Harness
from tests.bot.test_training_log import BAR_AND_LOADS, USER, sets_of, text


async def test_as_written_logs_the_sessions_negatives_as_negatives(bot: Harness) -> None:
    # A newcomer trial: after pull-ups in range, As written logged the day's "Negative pull-up (slow
    # lowering)" as full pull-ups, and /history said "Pull-up: 3×7" (intermediate at home: 2. pull-ups,
    # and on sessions 1 and 3, 4. negatives).
    await bot.onboard(USER, level="💪 Intermediate", equipment="🏠 Home", kit=BAR_AND_LOADS)
    await bot.send(USER, "/log pull up 8,7,6")
    bot.clock.advance(days=2)
    await bot.send(USER, "/log pull up 3x7")
    bot.clock.advance(days=2)
    workout = text(await bot.send(USER, "/workout"))
    assert "<b>2. Pull-up</b>" in workout and "<b>4. Negative pull-up (slow lowering)</b>" in workout
    assert "Pull-up: last time 3×7 → today 3×8" in workout
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert "• Pull-up: 3×8\n" in written, written
    assert "• Negative pull-up (slow lowering): 3×6\n" in written, written
    for _ in range(3):  # the loads As written asks for (the backpack lifts)
        await bot.send(USER, "10")
    logged = [(ex, reps) for ex, reps, _ in await sets_of(bot) if "pull-up" in ex]
    assert logged[-6:] == [("pull-up", 8)] * 3 + [("negative-pull-up", 6)] * 3
    history = text(await bot.send(USER, "/history"))
    assert "Negative pull-up (slow lowering): 3×6" in history and "Pull-up: 6×8" not in history, history
    # The negatives the plan prescribed beside them say nothing of the pull-ups: 3×8 is the top, so up.
    bot.clock.advance(days=2)
    later = text(await bot.send(USER, "/workout"))
    assert "Pull-up: every set at the top → today try Weighted pull-up: 3×6 @ 2.5 kg" in later, later


async def test_negatives_give_way_to_the_pull_ups_the_member_has_done_well(bot: Harness) -> None:
    # A coach's trial: an intermediate logged pull-ups 8, 7, 6 and chin-ups 3×8, then got slow negatives as
    # the next secondary vertical pull (gym, session 4: a lat pulldown is the main vertical pull). Days in a
    # row, so session 4 is not a week's first, which backs the pulldown up with strict pull-ups itself.
    await bot.onboard(USER, level="💪 Intermediate", equipment="🏋️ Gym")
    for logged in ("/log pull up 8,7,6", "/log chin up 3x8", "/log lat pulldown 3x8 40kg"):
        await bot.send(USER, logged)
        bot.clock.advance(days=1)
    workout = text(await bot.send(USER, "/workout"))
    assert "<b>4. Negative pull-up (slow lowering)</b>" in workout, workout
    shown = (
        "You're already past the negative pull-up (your log shows it), so today the pull-up takes its place."
    )
    assert f"📈 <i>{shown} Pull-up: last time " in workout, workout
    assert "→ today 3×7" in workout, workout
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert "• Pull-up: 3×7\n" in written and "Negative" not in written, written
