"""A load step told in a question about the units: the /units pointer's button carries it.

A newcomer trial: "my dumbbells only go up in 2kg jumps, what do I do?" got a "/units kg" button, which sets
no step; the button now runs /units kg 2, and the step is the chat's.
"""

from __future__ import annotations

from bot import callbacks
from tests.bot.harness import Harness, chat_row, labels, texts

USER = 1312


async def test_the_step_told_rides_on_the_units_button(bot: Harness) -> None:
    await bot.onboard(USER)
    asked = texts(await bot.send(USER, "my dumbbells only go up in 2kg jumps, what do I do?"))
    assert "/units" in asked[-1]
    assert labels(bot, USER) == ["▶ /units kg 2"]
    pressed = texts(await bot.press(USER, "▶ /units kg 2"))
    assert pressed[-1].startswith("✅ Loads are now in <b>kg</b>, in steps of 2 kg.")
    chat = await chat_row(bot, USER)
    assert (chat.unit, chat.increment, chat.unit_chosen) == ("kg", 2, True)


async def test_a_forged_step_is_refused(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/units lb")
    for forged in ("kg 0.001", "kg 2 5", "stone 2"):
        assert await bot.callback(USER, callbacks.pack("cmd", "units", forged)) == []
    assert (await chat_row(bot, USER)).unit == "lb"
