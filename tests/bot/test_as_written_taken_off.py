"""✅ As written after a lift was taken off today's log, through the real Application.

A newcomer trial: "I didn't do the band rows today, please take them off", 🗑 Take it off, and then Done's
✅ As written logged the band rows again, as if done. A lift taken off today (and not logged again since) is
what the trainee said they did not do: As written and Save leave it out and never ask its load, and the
reply names it, with /log for one done after all.
"""

from __future__ import annotations

from tests.bot.harness import Harness, joined, labels, logged_rows

USER = 7373
TAKE = "🗑 Take it off"
LEFT_OUT = "⏭ Left out Band row: you took it off today's log. Did it after all? Log it with /log."


async def band_row_taken_off(bot: Harness) -> None:
    # Beginner at home with bands, session 1: band pulldown, band row, band face pull, floor slide.
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    await bot.send(USER, "/log band pulldown 2x10")
    await bot.send(USER, "/log band row 2x10")
    await bot.send(USER, "I didn't do the band rows today, please take them off")
    await bot.press(USER, TAKE)


async def logged(bot: Harness) -> list[str]:
    return sorted({ex for ex, _, _, _ in await logged_rows(bot)})


async def test_as_written_leaves_out_a_lift_taken_off_and_says_so(bot: Harness) -> None:
    await band_row_taken_off(bot)
    offered = joined(await bot.send(USER, "/done"))
    assert offered.endswith(
        "Still to log: Band row, Band face pull, Floor slide. Keep logging with /log as you go, or tap ✅"
        " As written if the rest went as planned.\n✅ As written leaves out Band row: you took it off today's"
        " log."
    ), offered
    # No ✏️ Adjust: the only main lift left is the one taken off.
    assert labels(bot, USER) == ["✅ As written"]
    written = joined(await bot.press(USER, "✅ As written"))
    assert written == (
        "Logged ✓ <b>Tue 24 Nov</b>, the rest of the session:\n• Band face pull: 2×12\n• Floor slide: 2×12\n"
        + LEFT_OUT
    )
    assert await logged(bot) == ["band-face-pull", "band-pulldown", "floor-slide"]

    # All that is left is the lift taken off: nothing logged, no Undo for a press that logged nothing.
    await bot.send(USER, "/done")
    nothing = joined(await bot.press(USER, "✅ As written"))
    assert nothing == (
        "Nothing logged: all that's left of today's session is Band row, which you took off today's log. Did"
        " it after all? Log it with /log."
    )
    assert labels(bot, USER) == []
    assert await logged(bot) == ["band-face-pull", "band-pulldown", "floor-slide"]


async def test_a_lift_taken_off_and_put_back_or_logged_again_is_no_longer_left_out(bot: Harness) -> None:
    await band_row_taken_off(bot)
    # Put back with the take-off's Undo: logged, so nothing is left out.
    await bot.press(USER, "↩️ Undo")
    await bot.send(USER, "/done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert "Left out" not in written and "Band row" not in written, written
    assert await logged(bot) == ["band-face-pull", "band-pulldown", "band-row", "floor-slide"]


async def test_a_lift_taken_off_is_never_asked_its_load(bot: Harness) -> None:
    # Beginner gym, session 1: the dumbbell RDL, pulldown, cable row and rear-delt fly take a load.
    await bot.onboard(USER)
    await bot.send(USER, "/log seated cable row 2x10 40kg")
    await bot.send(USER, "remove the cable row")
    await bot.press(USER, TAKE)
    await bot.send(USER, "/done")
    written = joined(await bot.press(USER, "✅ As written"))
    assert (
        "Not logged without a load: Dumbbell Romanian deadlift, Lat pulldown, Bent-over rear-delt fly."
        in written
    )
    assert "⏭ Left out Seated cable row: you took it off today's log." in written, written
    # Three loads answer the three lifts asked: the cable row is not among them.
    answered = joined(await bot.send(USER, "16, 40, 6"))
    assert "Seated cable row" not in answered, answered
    assert "seated-cable-row" not in await logged(bot)
