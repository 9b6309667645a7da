"""Set-up answers typed before their question comes, through the real Application: kept, said back, and
confirmed in their turn instead of asked again.

A newcomer trial, at the kit question, wrote "I'm in Lisbon, mondays and thursdays at 7": the bot answered
it as a question, asked the kit again, and later asked for the timezone and the days as if nothing had
been said.
"""

from __future__ import annotations

from tests.bot.harness import Harness, chat_row, labels, texts

USER = 1402
EARLY = "I'm in Lisbon, mondays and thursdays at 7"


async def to_kit_question(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏠 Home")


async def test_the_trials_message_at_the_kit_question_is_kept_for_its_turn(bot: Harness) -> None:
    await to_kit_question(bot)
    said = texts(await bot.send(USER, EARLY))
    assert said[0] == "⏰ Reminders at <b>07:00</b>. Meant the evening? Send <code>/schedule 19:00</code>."
    assert said[1] == (
        "📝 Noted for later: timezone: Europe/Lisbon; training days: Mon, Thu, reminders at 07:00."
    )
    assert said[2].startswith("↩️ To finish setting up: <b>what do you have at home?</b>")
    assert "✅ Confirm" in labels(bot, USER), "the kit question's boxes, still open"
    chat = await chat_row(bot, USER)
    assert (chat.onboarding_step, chat.setup_told, chat.timezone) == ("kit", "timezone,days", "Europe/Lisbon")
    assert (chat.workout_days, chat.reminder_minute) == (0b0001001, 7 * 60)
    # The kit answered, set-up confirms the timezone and the days and ends: neither is asked.
    done = texts(await bot.send(USER, "a pull-up bar and bands"))
    assert done[0] == "👍 Home kit: pull-up bar, resistance bands"
    assert done[-1].startswith(
        "👍 Timezone: Europe/Lisbon, from what you said earlier (/timezone to change it).\n"
        "👍 Training days: <b>Mon, Thu</b>, reminders at <b>07:00</b>, from what you said earlier"
        " (/schedule to change them).\n\n✅ <b>All set!</b>"
    )
    assert "Timezone: Europe/Lisbon" in done[-1] and "<b>Mon, Thu</b> at <b>07:00</b>" in done[-1]
    assert not any("Your timezone?" in text or "how many days" in text for text in done)
    chat = await chat_row(bot, USER)
    assert (chat.onboarding_step, chat.setup_told) == (None, None)
    assert chat.next_reminder_at is not None


async def test_the_kit_ticked_by_its_buttons_confirms_them_too(bot: Harness) -> None:
    await to_kit_question(bot)
    await bot.send(USER, EARLY)
    await bot.press(USER, "⬜️ Pull-up bar")
    done = texts(await bot.press(USER, "✅ Confirm"))
    assert done[-1].startswith("👍 Timezone: Europe/Lisbon, from what you said earlier")
    assert "✅ <b>All set!</b>" in done[-1]


async def test_one_message_answers_the_open_question_and_later_ones(bot: Harness) -> None:
    await bot.send(USER, "/start")
    said = texts(await bot.send(USER, "beginner, I train at the gym, 3 days a week"))
    assert said[0] == "👍 Level: 🌱 Beginner"
    # The place comes next and is confirmed there; the days, two questions on, are noted for later.
    assert said[1] == "📝 Noted for later: training days: Mon, Wed, Fri."
    assert said[-1].startswith("👍 You train: 🏋️ Gym, from what you said earlier")
    assert "<b>Your timezone?</b>" in said[-1]
    done = texts(await bot.press(USER, "Berlin"))
    assert done[-1].startswith("👍 Training days: <b>Mon, Wed, Fri</b>, reminders at <b>18:00</b>")
    chat = await chat_row(bot, USER)
    assert (chat.level, chat.equipment, chat.timezone, chat.weekly_target) == (
        "beginner",
        "gym",
        "Europe/Berlin",
        3,
    )


async def test_days_told_at_the_timezone_question_wait_for_their_turn(bot: Harness) -> None:
    await to_kit_question(bot)
    await bot.send(USER, "nothing")
    said = texts(await bot.send(USER, "tuesdays and fridays at 6pm"))
    assert said[0] == "📝 Noted for later: training days: Tue, Fri, reminders at 18:00."
    assert said[-1].startswith("↩️ To finish setting up: <b>your timezone?</b>")
    done = texts(await bot.send(USER, "I live in Amsterdam"))
    assert done[0].startswith("👍 Timezone: Europe/Amsterdam")
    assert done[-1].startswith("👍 Training days: <b>Tue, Fri</b>, reminders at <b>18:00</b>")


async def test_a_timezone_and_days_in_the_timezones_answer_end_set_up(bot: Harness) -> None:
    await to_kit_question(bot)
    await bot.send(USER, "nothing")
    done = texts(await bot.send(USER, EARLY))
    assert done[-1].startswith("👍 Training days: <b>Mon, Thu</b>, reminders at <b>07:00</b>")
    assert "✅ <b>All set!</b>" in done[-1]


async def test_schedule_and_timezone_sent_early_are_not_asked_again(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.send(USER, "/schedule tue sat 07:30")
    await bot.send(USER, "/timezone Europe/Madrid")
    await bot.press(USER, "💪 Intermediate")
    done = texts(await bot.press(USER, "🏋️ Gym"))
    assert done[-1].startswith(
        "👍 Timezone: Europe/Madrid, from what you said earlier (/timezone to change it).\n"
        "👍 Training days: <b>Tue, Sat</b>, reminders at <b>07:30</b>"
    )
    assert (await chat_row(bot, USER)).onboarding_step is None


async def test_a_bare_count_or_a_question_is_no_early_answer(bot: Harness) -> None:
    await bot.send(USER, "/start")
    # "2" is the second level, not two days a week.
    said = texts(await bot.send(USER, "2"))
    assert said[0] == "👍 Level: 💪 Intermediate"
    assert not any(text.startswith("📝") for text in said)
    asked = texts(await bot.send(USER, "is training in Lisbon on mondays ok?"))
    assert not any(text.startswith("📝") for text in asked)
    assert (await chat_row(bot, USER)).setup_told is None


async def test_a_gym_keeps_no_kit_told_early(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    said = texts(await bot.send(USER, "the gym, I also own a pull-up bar"))
    assert said[0] == "👍 You train: 🏋️ Gym"
    assert not any(text.startswith("📝") for text in said), "no kit question comes to confirm it"
    assert (await chat_row(bot, USER)).setup_told is None
