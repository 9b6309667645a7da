"""Days a trainee says they can't train are never put on the /schedule button nor picked in set-up, through
the real Application.

A newcomer trial: "tue, thur and sat. i do night shift mon and wed so evening 6pm is better for me" got
"▶ /schedule mon,tue,wed,thu,sat 18:00", one tap from five days, two of them her night shifts.
"""

from __future__ import annotations

from bot import callbacks
from tests.bot.harness import Harness, chat_row, texts

USER = 7311
TRIAL = "tue, thur and sat. i do night shift mon and wed so evening 6pm is better for me"


def labels(bot: Harness) -> list[str]:
    return [text for row in bot.api.buttons(bot.api.last(USER)) for text, _ in row]


async def test_the_trials_message_gets_only_the_days_asked_for(bot: Harness) -> None:
    await bot.onboard(USER)  # Mon and Thu at 18:00
    await bot.send(USER, TRIAL)
    assert labels(bot) == ["▶ /schedule tue,thu,sat 18:00"]
    pressed = " ".join(texts(await bot.press(USER, "▶ /schedule tue,thu,sat 18:00")))
    assert "Reminders set to <b>Tue, Thu, Sat</b> at <b>18:00</b>" in pressed
    chat = await chat_row(bot, USER)
    assert (chat.workout_days, chat.weekly_target) == (0b0101010, 3)
    # Work that takes days with no word of the days wanted puts none on the button.
    await bot.send(USER, "can you change my days? I work mon and wed now")
    assert [data for row in bot.api.buttons(bot.api.last(USER)) for _, data in row] == [
        callbacks.pack("cmd", "schedule")
    ]
    assert bot.errors == []


async def test_a_count_told_in_set_up_lands_around_the_days_that_dont_work(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, "UTC")
    replies = " ".join(texts(await bot.send(USER, "twice a week, I work mondays and thursdays")))
    assert "Tue, Fri" in replies and "Mon" not in replies
    chat = await chat_row(bot, USER)
    assert (chat.workout_days, chat.weekly_target, chat.onboarding_step) == (0b0010010, 2, None)
    assert bot.errors == []
