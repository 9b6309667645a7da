"""A home load /workout says to make heavier ("add a little to the backpack (more than 10 kg)") has no
number the bot can state, so As written asks what it weighed instead of logging the old load.

A newcomer trial: As written logged "2×8 @ 10 kg" (the old load, fewer reps than last time), and the next
/workout said "last time 2×8 @ 10 kg → today 2×9 @ 10 kg": the progression taken back down.
"""

from __future__ import annotations

from sqlalchemy import select

from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 8338
ROW = "backpack-row"
ROW_NAME = "Bent-over row with a loaded backpack or dumbbells"


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.plain_text or "" for message in sent)


async def rows(bot: Harness) -> list[tuple[int, float | None, str]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.reps, LoggedSet.load, LoggedSet.unit).where(LoggedSet.exercise == ROW)
        return [tuple(row) for row in (await session.execute(query.order_by(LoggedSet.id))).all()]


def row_line(sent: list) -> str:  # type: ignore[type-arg]
    found = [
        line for m in sent for line in (m.plain_text or "").splitlines() if line.startswith(f"📈 {ROW_NAME}")
    ]
    [line] = found
    return line


async def test_as_written_asks_the_heavier_backpack_load_and_progression_goes_on_from_it(
    bot: Harness,
) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    await bot.send(USER, "/log backpack row 12, 12 with 10kg")
    await bot.send(USER, "/log backpack romanian deadlift 8, 8 with 10kg")
    bot.clock.advance(days=2)
    shown = row_line(await bot.send(USER, "/workout"))
    assert "add a little to the backpack (more than 10 kg) and do 2×10" in shown, shown
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert f"{ROW_NAME}: 2×10 @ 10 kg" not in written, "the old load is not what was lifted"
    assert f"{ROW_NAME} (it went up since last time: its new load)" in written, written
    assert f"⚖️ {ROW_NAME}, 2×10: what load did you lift?" in written, written
    assert await rows(bot) == [(12, 10.0, "kg")] * 2, "nothing logged at the old load"

    answered = text(await bot.send(USER, "12"))
    assert answered.startswith(f"✍️ Logged {ROW_NAME}: 2×10 @ 12 kg"), answered
    assert await rows(bot) == [(12, 10.0, "kg")] * 2 + [(10, 12.0, "kg")] * 2

    bot.clock.advance(days=2)
    shown = row_line(await bot.send(USER, "/workout"))
    assert "last time 2×10 @ 12 kg → today 2×11 @ 12 kg" in shown, shown


async def test_a_skipped_heavier_load_leaves_the_lift_unlogged(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("A backpack or other load",))
    await bot.send(USER, "/log backpack row 12, 12 with 10kg")
    await bot.send(USER, "/log backpack romanian deadlift 8, 8 with 10kg")
    bot.clock.advance(days=2)
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    written = text(await bot.press(USER, "✅ As written"))
    assert "what load did you lift?" in written
    await bot.press(USER, "⏭ Skip")
    assert await rows(bot) == [(12, 10.0, "kg")] * 2, "skipped: nothing logged at the old load"
