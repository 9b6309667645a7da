"""After /undo, /history, /streak and /progress tell the same story, through the real Application.

A newcomer trial: Done, then As written, then /undo, and /history still listed the day as "done (no sets
logged)". As written had logged the session into the Done's own message, whose Undo takes both back,
but /undo took back only the sets and left a bare Done behind.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness

USER = 6006
NO_SETS = "• done (no sets logged)"


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def history(bot: Harness) -> str:
    return text(await bot.send(USER, "/history"))


async def sessions_everywhere(bot: Harness) -> tuple[int, int, int]:
    """How many sessions /history lists, /streak counts and /progress's caption names."""
    listed = (await history(bot)).count("· session")
    streak = text(await bot.send(USER, "/streak"))
    [total] = [line for line in streak.splitlines() if line.startswith("Total sessions: ")]
    before = len(bot.api.files)
    chart = text(await bot.send(USER, "/progress"))
    if len(bot.api.files) == before:
        assert chart.startswith("Nothing to chart yet"), chart
        charted = 0
    else:
        caption = bot.api.files[-1].caption or ""
        assert caption.startswith("📈 "), caption
        charted = int(caption.removeprefix("📈 ").split()[0])
    return listed, int(total.removeprefix("Total sessions: ")), charted


@pytest.mark.parametrize("done", ["button", "/done"])
async def test_a_done_taken_back_leaves_no_session_anywhere(bot: Harness, done: str) -> None:
    await bot.onboard(USER)
    if done == "button":
        await bot.send(USER, "/workout")
        assert "Session 1 logged" in text(await bot.press(USER, "✅ Done"))
    else:
        assert "Session 1 logged" in text(await bot.send(USER, "/done"))
    bot.clock.advance(minutes=3)
    undone = text(await bot.send(USER, "/undo"))
    assert undone == "↩️ Took back today's session. Nothing is logged for today now."
    assert await history(bot) == "No sessions yet. Do one with /workout, tap Done, and it shows up here."
    assert await sessions_everywhere(bot) == (0, 0, 0)


@pytest.mark.parametrize("fill", [("✅ As written",), ("✏️ Adjust", "💾 Save")])
async def test_undo_after_done_and_as_written_takes_back_the_whole_session(
    bot: Harness, fill: tuple[str, ...]
) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    for label in fill:
        bot.clock.advance(minutes=2)
        await bot.press(USER, label)
    # The main lifts have no load yet: asked for, not logged (the rest of the session is).
    assert "Inverted row: 2×10" in await history(bot) and "Lat pulldown" not in await history(bot)
    bot.clock.advance(minutes=2)
    # Several lifts in one entry: /undo asks first (test_undo_question), and Yes takes them back.
    asked = text(await bot.send(USER, "/undo"))
    assert asked.startswith("↩️ Take back today's session: "), asked
    undone = text(await bot.press(USER, "Yes, take it back"))
    assert undone.startswith("↩️ Took back today's session: Inverted row 2×10; "), undone
    assert undone.endswith(" Nothing is logged for today now.")
    found = await history(bot)
    assert NO_SETS not in found and found.startswith("No sessions yet"), found
    assert await sessions_everywhere(bot) == (0, 0, 0)
    assert text(await bot.send(USER, "/undo")) == "Nothing logged today to undo."


async def test_a_log_after_a_done_is_taken_back_on_its_own_and_the_done_stays(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/done")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log row 3x10 40kg")
    bot.clock.advance(minutes=3)
    assert text(await bot.send(USER, "/undo")) == (
        "↩️ Took back: Seated cable row 3×10 @ 40 kg. Send /undo again to take back more."
    )
    # The Done was not taken back: the day is still a session, with nothing lifted logged.
    assert NO_SETS in await history(bot)
    assert await sessions_everywhere(bot) == (1, 1, 1)
    undone = text(await bot.send(USER, "/undo"))
    assert undone == "↩️ Took back today's session. Nothing is logged for today now."
    assert (await history(bot)).startswith("No sessions yet")
    assert await sessions_everywhere(bot) == (0, 0, 0)


async def test_undoing_the_logs_of_a_day_never_marked_done(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log row 3x10 40kg")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log face pull 3x15 10kg")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/undo")
    # The day still has sets: they are what /history shows, never "done".
    found = await history(bot)
    assert "• Seated cable row: 3×10 @ 40 kg" in found and "Cable face pull" not in found
    assert NO_SETS not in found
    assert await sessions_everywhere(bot) == (1, 1, 1)
    # The last set of the day goes, and the day with it: the /log made it a session, not a Done.
    assert text(await bot.send(USER, "/undo")) == (
        "↩️ Took back today's session: Seated cable row 3×10 @ 40 kg. Nothing is logged for today now."
    )
    assert (await history(bot)).startswith("No sessions yet")
    assert await sessions_everywhere(bot) == (0, 0, 0)


async def test_the_rest_logged_after_a_log_is_undone_alone_and_the_logged_sets_show(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log row 3x10 40kg")
    bot.clock.advance(minutes=3)
    assert "already counts as a session" in text(await bot.send(USER, "/done"))
    await bot.press(USER, "✅ As written")
    bot.clock.advance(minutes=3)
    assert text(await bot.send(USER, "/undo")).startswith("↩️ Take back your last entry: ")
    assert text(await bot.press(USER, "Yes, take it back")).startswith("↩️ Took back: Inverted row 2×10; ")
    found = await history(bot)
    assert "• Seated cable row: 3×10 @ 40 kg" in found and "Lat pulldown" not in found
    assert NO_SETS not in found
    assert await sessions_everywhere(bot) == (1, 1, 1)
    await bot.send(USER, "/undo")
    assert await sessions_everywhere(bot) == (0, 0, 0)


async def test_a_session_with_no_sets_is_listed_indented_like_the_sets_of_the_others(bot: Harness) -> None:
    # A newcomer trial: "• done (no sets logged)" stood at the left edge under its day, while every
    # exercise line is indented (the text catalog trimmed the indent written in messages.toml).
    await bot.onboard(USER)
    await bot.send(USER, "/done")
    bot.clock.advance(days=1)
    await bot.send(USER, "/log row 3x10 40kg")
    assert await history(bot) == (
        "🗓 <b>Your last sessions</b>\n"
        "<b>Wed 25 Nov</b> · session 2\n"
        "  • Seated cable row: 3×10 @ 40 kg\n"
        "<b>Tue 24 Nov</b> · session 1\n"
        "  • done (no sets logged)"
    )
