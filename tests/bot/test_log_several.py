"""/log of several exercises through the real Application against the Bot API double."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 4004


async def sets_of(bot: Harness) -> list[tuple[str, int, float | None, str]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.exercise, LoggedSet.reps, LoggedSet.load, LoggedSet.unit).order_by(
            LoggedSet.id
        )
        return [tuple(row) for row in (await session.execute(query)).all()]


async def test_a_log_of_several_logs_all_or_says_which_part_it_could_not_read(bot: Harness) -> None:
    await bot.onboard(USER)
    [refused] = await bot.send(USER, "/log deadlift 1x3 200kg; tbar row 3x8 40kg")
    text = refused.plain_text or ""
    assert text.startswith("In “tbar row 3x8 40kg”: I don't know the exercise “tbar row”."), text
    assert "Nothing is logged yet" in text and bot.api.buttons(refused) == []
    assert await sets_of(bot) == []
    [logged] = await bot.send(USER, "/log deadlift 1x3 200kg; pull-up 5,5,4 # strict")
    assert (logged.plain_text or "").startswith(
        "✍️ Logged:\n• Barbell deadlift: 1×3 @ 200 kg\n• Pull-up: 5, 5, 4"
    )
    assert await sets_of(bot) == [("deadlift", 3, 200.0, "kg")] + [
        ("pull-up", r, None, "kg") for r in (5, 5, 4)
    ]
    async with bot.app.bot_data.sessionmaker() as session:  # a note is its own part's
        notes = (
            await session.execute(select(LoggedSet.exercise, LoggedSet.note).order_by(LoggedSet.id))
        ).all()
    assert [tuple(row) for row in notes] == [("deadlift", None)] + [("pull-up", "strict")] * 3
    # One undo takes the whole /log back.
    undone = (await bot.send(USER, "/undo"))[-1].plain_text or ""
    assert "Barbell deadlift" in undone and "Pull-up" in undone, undone
    assert await sets_of(bot) == []
    assert bot.errors == []
