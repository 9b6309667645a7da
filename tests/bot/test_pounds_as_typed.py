"""A load typed in pounds comes back as the same number of pounds.

A newcomer trial: "/log rdl 2x10 25lb" in a kg chat was stored as 11.3 kg and, after /units lb, shown as
"24.9 lb"; a 10 kg set showed as "22 lb" beside a 5 lb step.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 8339


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.plain_text or "" for message in sent)


async def stored(bot: Harness, exercise: str) -> list[tuple[int, float | None, str]]:
    async with bot.app.bot_data.sessionmaker() as session:
        query = select(LoggedSet.reps, LoggedSet.load, LoggedSet.unit).where(LoggedSet.exercise == exercise)
        return [tuple(row) for row in (await session.execute(query.order_by(LoggedSet.id))).all()]


@pytest.mark.parametrize(
    ("typed", "kg"), [("25", "11.3"), ("25.25", "11.5"), ("0.35", "0.2"), ("1099.99", "498.9")]
)
async def test_a_load_logged_in_lb_in_a_kg_chat_is_kept_in_lb_and_shown_as_typed(
    bot: Harness, typed: str, kg: str
) -> None:
    await bot.onboard(USER)
    logged = text(await bot.send(USER, f"/log lat pulldown 2x10 {typed}lb"))
    assert f"2×10 @ {kg} kg" in logged, logged
    [exercise] = await _exercises(bot)
    assert await stored(bot, exercise) == [(10, float(typed), "lb")] * 2
    await bot.send(USER, "/units lb")
    history = text(await bot.send(USER, "/history"))
    assert f"2×10 @ {typed} lb" in history, history


async def test_a_load_typed_in_lb_in_answer_to_as_written_is_kept_in_lb(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await bot.send(USER, "/workout")
    await bot.press(USER, "✅ Done")
    await bot.press(USER, "✅ As written")
    answered = text(await bot.send(USER, "225 lb"))
    assert answered.startswith("✍️ Logged Barbell deadlift: 3×6 @ 102.1 kg"), answered
    assert await stored(bot, "deadlift") == [(6, 225.0, "lb")] * 3


async def test_a_kg_load_shown_in_lb_is_prescribed_on_the_lb_step(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/log lat pulldown 10, 9 10kg")
    await bot.send(USER, "/log cable row 12, 12 10kg")
    await bot.send(USER, "/units lb")
    bot.clock.advance(days=2)
    workout = text(await bot.send(USER, "/workout"))
    # Last time as lifted (10 kg is 22 lb, the same plates); held, the same load; added, on the 5 lb step.
    assert (
        "Lat pulldown: last time 10, 9 @ 22 lb → today 2×10 @ 22 lb, or 25 lb once all sets reach 12."
        in workout
    )
    assert "Seated cable row: last time 2×12 @ 22 lb → today 2×10 @ 25 lb." in workout


async def _exercises(bot: Harness) -> list[str]:
    async with bot.app.bot_data.sessionmaker() as session:
        return sorted(set((await session.scalars(select(LoggedSet.exercise))).all()))
