"""What the /progress caption says of the weeks and the lifts, through the real Application.

A newcomer trial (gym intermediate, about four weeks with a two-week /pause) read "6 sessions in 5 weeks,
target met in 1 of them": the paused weeks counted as weeks the target was missed, though /streak passes
them by. And "Barbell deadlift: 100 kg × 7 (+0 kg)": the reps gained at the load were not said, nor the
110 kg lifted in between.
"""

from __future__ import annotations

from tests.bot.harness import Harness

USER = 5107


async def caption(bot: Harness) -> str:
    await bot.send(USER, "/progress")
    return bot.api.files[-1].caption or ""


async def test_a_held_load_says_the_reps_gained_and_the_best_set(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    for sets in ("deadlift 3x5 100kg", "deadlift 3x3 110kg", "deadlift 3x7 100kg"):
        await bot.send(USER, f"/log {sets}")
        bot.clock.advance(days=2)
    said = await caption(bot)
    assert "Barbell deadlift: 100 kg × 7 (+2 reps at 100 kg), best 110 kg × 3" in said, said
    assert "+0" not in said, said


async def test_one_session_tells_no_change(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/log deadlift 3x5 100kg")
    said = await caption(bot)
    assert said.endswith("Barbell deadlift: 100 kg × 5"), said


async def test_weeks_paused_are_not_counted_as_missed(bot: Harness) -> None:
    # The trial's shape: two weeks trained, a two-week /pause, then back. Tue 24 Nov to Sun 27 Dec.
    await bot.onboard(USER, level="💪 Intermediate")
    for days_on in (1, 1, 5, 2, 4):  # Tue, Wed, Thu; Tue, Thu: 3 then 2 sessions
        await bot.send(USER, "/log deadlift 3x5 100kg")
        bot.clock.advance(days=days_on)
    assert f"{bot.clock.now:%a %d %b}" == "Mon 07 Dec"
    await bot.send(USER, "/pause 2 weeks")
    bot.clock.advance(days=14)  # Mon 21 Dec
    await bot.send(USER, "/log deadlift 3x6 100kg")
    streak = "\n".join(message.text or "" for message in await bot.send(USER, "/streak"))
    said = await caption(bot)
    # Was "6 sessions in 5 weeks, target met in 2 of them": the paused weeks read as missed, while the
    # streak, two weeks, passes them by.
    assert "Weekly streak: <b>2</b> weeks" in streak, streak
    assert said.startswith(
        "📈 6 sessions in 3 weeks (not counting 2 weeks paused), target met in 2 of them"
    ), said
