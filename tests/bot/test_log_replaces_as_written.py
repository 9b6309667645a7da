"""A /log after ✅ As written corrects what As written assumed, through the real Application.

A newcomer trial: As written logged the day's pull-ups as the plan wrote them (2×10); the trainee then sent
what they really did, "/log pull up 6,5", and the /log was added: /history said "10, 10, 6, 5" and the next
target and /progress read the plan's numbers as lifted. Typed sets of an exercise the day holds only As
written's sets of now take their place, and the reply says so; an undo of that /log brings them back.
"""

from __future__ import annotations

from sqlalchemy import select

from storage.models import LoggedSet, ReplacedSet
from storage.records import SetOrigin
from tests.bot.harness import Harness, charted, joined, labels, logged_rows

USER = 6206
# The beginner gym's session 1: As written logs the bodyweight lifts (inverted row 2×10, reverse snow angel
# 2×12) and asks the loads of the rest.
ASSUMED = [("inverted-row", 10), ("inverted-row", 10), ("reverse-snow-angel", 12), ("reverse-snow-angel", 12)]
CORRECTED = (
    "✍️ Logged Inverted row: 6, 5\n"
    "✏️ In place of the Inverted row 2×10 that ✅ As written assumed, not on top of it: the day's sets are the"
    " ones you typed."
)


async def as_written(bot: Harness) -> int:
    """Session 1 logged with Done → As written; the As written reply's message id (for its Undo)."""
    await bot.onboard(USER)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = await bot.press(USER, "✅ As written")
    assert "• Inverted row: 2×10" in joined(written)
    assert [(ex, reps) for ex, reps, _, _ in await logged_rows(bot)] == ASSUMED
    bot.clock.advance(minutes=5)
    return written[-1].message_id


async def reps(bot: Harness) -> list[tuple[str, int, SetOrigin]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.origin).order_by(LoggedSet.id)
        return [tuple(row) for row in (await session.execute(query)).all()]


async def kept_for_undo(bot: Harness) -> int:
    async with bot.app.bot_data.sessionmaker() as session:
        return len((await session.scalars(select(ReplacedSet))).all())


async def test_a_log_after_as_written_replaces_what_it_assumed(bot: Harness) -> None:
    await as_written(bot)
    assert joined(await bot.send(USER, "/log inverted row 6,5")) == CORRECTED
    assert labels(bot, USER) == ["↩️ Undo"]
    assert await reps(bot) == [
        ("reverse-snow-angel", 12, SetOrigin.AS_WRITTEN),
        ("reverse-snow-angel", 12, SetOrigin.AS_WRITTEN),
        ("inverted-row", 6, SetOrigin.TYPED),
        ("inverted-row", 5, SetOrigin.TYPED),
    ]
    history = joined(await bot.send(USER, "/history"))
    assert history.endswith("  • Reverse snow angel: 2×12\n  • Inverted row: 6, 5"), history
    assert "10" not in history.replace("2×12", ""), "the lifts the /log did not name keep As written's sets"

    # Progression builds on 6, 5 alone: session 4 is the next with the inverted row.
    for _ in range(3):
        bot.clock.advance(days=3)
        workout = joined(await bot.send(USER, "/workout"))
        if "Inverted row" not in workout:
            await bot.press(USER, "✅ Done")
    assert "Session 4 ·" in workout
    assert "📈 <i>Inverted row: last time 6, 5 → today 2×6. Still well short of 10–12" in workout
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    [row] = [lift for lift in lifts if lift.name == "Inverted row"]
    assert [done.reps for _, done in row.sets] == [6, 5]


async def test_a_second_log_adds_to_the_first_as_ever(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "/log inverted row 6,5")
    bot.clock.advance(minutes=3)
    again = joined(await bot.send(USER, "/log inverted row 4"))
    assert again == "✍️ Logged Inverted row: 1×4", "typed sets are added to, never replaced"
    assert [(ex, n) for ex, n, _ in await reps(bot) if ex == "inverted-row"] == [
        ("inverted-row", 6),
        ("inverted-row", 5),
        ("inverted-row", 4),
    ]
    # A lift As written never logged today is logged as ever, with no word of replacing.
    face_pulls = joined(await bot.send(USER, "/log face pull 3x15 10kg"))
    assert face_pulls == "✍️ Logged Cable face pull: 3×15 @ 10 kg"


async def test_undo_of_the_correction_brings_back_as_written(bot: Harness) -> None:
    await as_written(bot)
    await bot.send(USER, "/log inverted row 6,5")
    undone = joined(await bot.send(USER, "/undo"))
    assert undone == (
        "↩️ Took back: Inverted row 6, 5. Send /undo again to take back more.\n"
        "Back in their place: the Inverted row 2×10 that ✅ As written assumed."
    )
    assert sorted((ex, n) for ex, n, _ in await reps(bot)) == sorted(ASSUMED)
    assert await kept_for_undo(bot) == 0
    assert "• Inverted row: 2×10" in joined(await bot.send(USER, "/history"))
    # Corrected again, the assumed sets are still As written's: the /log replaces them again.
    bot.clock.advance(minutes=2)
    assert joined(await bot.send(USER, "/log inverted row 7,6")).startswith(
        "✍️ Logged Inverted row: 7, 6\n✏️ In place of the Inverted row 2×10"
    )


async def test_the_corrections_undo_button_brings_them_back_too(bot: Harness) -> None:
    await as_written(bot)
    [reply] = await bot.send(USER, "/log inverted row 6,5")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log face pull 3x15 10kg")
    undone = joined(await bot.press(USER, "↩️ Undo", message_id=reply.message_id))
    assert undone.endswith("\nBack in their place: the Inverted row 2×10 that ✅ As written assumed.")
    assert [(ex, n) for ex, n, _ in await reps(bot) if ex == "inverted-row"] == [
        ("inverted-row", 10),
        ("inverted-row", 10),
    ]


async def test_a_later_log_of_the_lift_keeps_the_day_from_getting_both(bot: Harness) -> None:
    await as_written(bot)
    [reply] = await bot.send(USER, "/log inverted row 6,5")
    bot.clock.advance(minutes=3)
    await bot.send(USER, "/log inverted row 4")
    # The first correction's Undo: its sets go, and the later /log's set stays the day's inverted row, so As
    # written's 2×10 does not come back beside it (never 10, 10, 4), nor is the day left without the lift.
    undone = joined(await bot.press(USER, "↩️ Undo", message_id=reply.message_id))
    assert undone == "↩️ Took back: Inverted row 6, 5. Send /undo again to take back more."
    assert [(ex, n) for ex, n, _ in await reps(bot) if ex == "inverted-row"] == [("inverted-row", 4)]
    assert await kept_for_undo(bot) == 0


async def test_undoing_as_written_after_a_correction_keeps_the_correction(bot: Harness) -> None:
    written = await as_written(bot)
    await bot.send(USER, "/log inverted row 6,5")
    undone = joined(await bot.press(USER, "↩️ Undo", message_id=written))
    assert undone.startswith("↩️ Took back: Reverse snow angel 2×12."), undone
    assert [(ex, n) for ex, n, _ in await reps(bot)] == [("inverted-row", 6), ("inverted-row", 5)]
    assert await kept_for_undo(bot) == 0, "As written's assumed sets went with it: no undo brings them back"
    assert joined(await bot.send(USER, "/undo")).startswith("↩️ Took back today's session: Inverted row 6, 5.")
    assert await reps(bot) == []
