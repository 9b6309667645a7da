"""Set-up's days question answered with a count in words and the days and time beside it, and a US
timezone's loads in pounds.

A newcomer trial: "twice a week, mornings, say monday and thursday at 6:30am" got the FAQ card on how often
to train and the question again ("twice a week" alone too, and the days and time without the count a
/schedule pointer); and a Chicago user was given kg with no word of it.
"""

from __future__ import annotations

import pytest

from tests.bot.harness import Harness, chat_row, texts

USER = 1311


async def to_days_question(bot: Harness, zone: str = "UTC") -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, zone)


@pytest.mark.parametrize(
    "told",
    [
        "twice a week, mornings, say monday and thursday at 6:30am",
        "mornings, say monday and thursday at 6:30am",
    ],
)
async def test_a_count_with_days_and_a_time_answers_the_days_question(bot: Harness, told: str) -> None:
    await to_days_question(bot)
    done = texts(await bot.send(USER, told))
    assert done[0] == "⏰ Reminders at <b>06:30</b>."
    assert "All set" in done[-1] and "I'll remind you on <b>Mon, Thu</b> at <b>06:30</b>" in done[-1]
    assert not any("How often" in text or "/schedule" in text for text in done)
    chat = await chat_row(bot, USER)
    assert (chat.workout_days, chat.weekly_target, chat.reminder_minute, chat.onboarding_step) == (
        0b0001001,
        2,
        6 * 60 + 30,
        None,
    )


async def test_twice_a_week_alone_is_the_count(bot: Harness) -> None:
    await to_days_question(bot)
    done = texts(await bot.send(USER, "twice a week"))
    assert len(done) == 1 and "I'll remind you on <b>Mon, Thu</b> at <b>18:00</b>" in done[0]
    chat = await chat_row(bot, USER)
    assert (chat.workout_days, chat.weekly_target) == (0b0001001, 2)


async def test_a_us_timezone_loads_in_pounds_and_says_so(bot: Harness) -> None:
    await to_days_question(bot, "Chicago")
    done = texts(await bot.send(USER, "3"))
    assert "Loads in <b>lb</b>: <code>/units kg</code> to change." in done[-1]
    chat = await chat_row(bot, USER)
    assert (chat.unit, chat.increment, chat.unit_chosen) == ("lb", None, False)
    # The line's command does what it says.
    assert "Loads are now in <b>kg</b>" in texts(await bot.send(USER, "/units kg"))[-1]
    assert (await chat_row(bot, USER)).unit == "kg"


async def test_a_timezone_elsewhere_stays_in_kg_and_says_nothing_of_it(bot: Harness) -> None:
    await to_days_question(bot, "Sao Paulo")
    done = texts(await bot.send(USER, "3"))
    assert "All set" in done[-1] and "Loads in" not in done[-1]
    assert (await chat_row(bot, USER)).unit == "kg"


async def test_units_chosen_during_set_up_are_kept(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.send(USER, "/units kg 2")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, "New York")
    done = texts(await bot.send(USER, "3"))
    assert "All set" in done[-1] and "Loads in" not in done[-1]
    chat = await chat_row(bot, USER)
    assert (chat.unit, chat.increment, chat.unit_chosen) == ("kg", 2, True)
