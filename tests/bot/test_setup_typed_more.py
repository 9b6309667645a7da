"""Set-up answers typed in whole sentences, a time told with the days, and /settings' questions answered by
typing as /start's are.

A newcomer trial: "tuesdays and fridays, around 9 in the evening" left the reminders at 18:00; "honestly
I've never really lifted anything so a beginner I suppose" got the level question again; and after /settings
→ Level, "intermediate" typed was answered as a question about intermediate training.
"""

from __future__ import annotations

from tests.bot.harness import Harness, chat_row, labels, texts

USER = 1302


async def to_days_question(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, "UTC")


async def test_a_time_told_with_the_days_is_the_reminders_time(bot: Harness) -> None:
    await to_days_question(bot)
    done = texts(await bot.send(USER, "tuesdays and fridays, around 9 in the evening"))
    assert done[0] == "⏰ Reminders at <b>21:00</b>."
    assert "All set" in done[-1] and "I'll remind you on <b>Tue, Fri</b> at <b>21:00</b>" in done[-1]
    chat = await chat_row(bot, USER)
    assert (chat.workout_days, chat.weekly_target, chat.reminder_minute) == (0b0010010, 2, 21 * 60)
    assert chat.next_reminder_at is not None and chat.next_reminder_at.hour == 21


async def test_an_hour_without_its_half_of_the_day_is_the_morning_said_so(bot: Harness) -> None:
    await to_days_question(bot)
    done = texts(await bot.send(USER, "3 days a week, around 9 I guess"))
    assert done[0] == "⏰ Reminders at <b>09:00</b>. Meant the evening? Send <code>/schedule 21:00</code>."
    assert "<b>Mon, Wed, Fri</b> at <b>09:00</b>" in done[-1]
    assert (await chat_row(bot, USER)).reminder_minute == 9 * 60
    # The line's command does what it says: the days stay, the time moves.
    evening = texts(await bot.send(USER, "/schedule 21:00"))
    assert "<b>Mon, Wed, Fri</b> at <b>21:00</b>" in evening[-1]
    assert (await chat_row(bot, USER)).reminder_minute == 21 * 60


async def test_days_alone_keep_the_default_time_and_say_no_time(bot: Harness) -> None:
    await to_days_question(bot)
    done = texts(await bot.send(USER, "probably 3, like tuesday thursday and saturday"))
    assert not any(text.startswith("⏰") for text in done)
    assert "<b>Tue, Thu, Sat</b> at <b>18:00</b>" in done[-1]


async def test_the_level_in_a_long_sentence_is_read(bot: Harness) -> None:
    await bot.send(USER, "/start")
    told = (
        "honestly I've never really lifted anything in my life apart from shopping bags, so a beginner I"
        " suppose"
    )
    level = texts(await bot.send(USER, told))
    assert level[0] == "👍 Level: 🌱 Beginner"
    assert "Where do you train?" in level[-1]
    place = texts(
        await bot.send(USER, "I work long shifts and honestly can't afford a membership, so at home it is")
    )
    assert place[0] == "👍 You train: 🏠 Home"
    owned = texts(
        await bot.send(USER, "I've got a pull-up bar in the bedroom doorway and a couple of bands, that's it")
    )
    assert owned[0] == "👍 Home kit: pull-up bar, resistance bands"
    chat = await chat_row(bot, USER)
    assert (chat.level, chat.equipment, chat.kit, chat.onboarding_step) == (
        "beginner",
        "home",
        "bar,bands",
        "timezone",
    )


async def test_a_turned_down_option_or_a_question_is_no_answer(bot: Harness) -> None:
    await bot.send(USER, "/start")
    denied = texts(
        await bot.send(USER, "I don't think I'm a beginner any more, I've been at it for two years or so")
    )
    assert denied[-1].startswith("↩️ To finish setting up: <b>your level?</b>")
    asked = texts(await bot.send(USER, "is beginner right for me?"))
    assert len(asked) == 2 and not asked[0].startswith("👍")
    assert asked[-1].startswith("↩️ To finish setting up: <b>your level?</b>")
    assert (await chat_row(bot, USER)).level is None
    await bot.press(USER, "🌱 Beginner")
    await bot.send(USER, "at home")
    # The bar turned down and the bar that was are not owned; the bands are.
    await bot.send(USER, "I used to have a pull-up bar but it broke, so no bar now, only some bands")
    assert (await chat_row(bot, USER)).kit == "bands"


async def test_settings_questions_take_typed_answers(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/settings")
    await bot.press(USER, "Level")
    level = texts(await bot.send(USER, "intermediate I'd say"))
    assert level == ["Level set to 💪 Intermediate. Your next /workout is planned for it."]

    await bot.send(USER, "/settings")
    await bot.press(USER, "Equipment")
    home = texts(await bot.send(USER, "mostly at home these days"))
    assert "What do you have at home?" in home[-1]
    assert "⬜️ Pull-up bar" in labels(bot, USER)
    owned = texts(await bot.send(USER, "a pull-up bar and some bands"))
    assert owned == [
        "✅ Home kit saved: pull-up bar, resistance bands. Sessions use only that, plus a towel, a door and"
        " the floor."
    ]
    chat = await chat_row(bot, USER)
    assert (chat.level, chat.equipment, chat.kit, chat.awaiting) == (
        "intermediate",
        "home",
        "bar,bands",
        None,
    )

    # /level alone asks too.
    await bot.send(USER, "/level")
    advanced = texts(await bot.send(USER, "I've been lifting for ten years, so advanced"))
    assert advanced == ["Level set to 🔥 Advanced. Your next /workout is planned for it."]
    assert (await chat_row(bot, USER)).level == "advanced"


async def test_a_settings_question_waits_for_one_message_only(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/settings")
    await bot.press(USER, "Equipment")
    asked = texts(await bot.send(USER, "is home training enough?"))
    assert not any("Equipment set" in text or "What do you have at home?" in text for text in asked)
    # The wait is over: "gym" now is a message like any other, not the place.
    later = texts(await bot.send(USER, "gym"))
    assert not any("Equipment set" in text for text in later)
    chat = await chat_row(bot, USER)
    assert (chat.equipment, chat.awaiting) == ("gym", None)
    # A button answers as ever and ends the wait.
    await bot.send(USER, "/settings")
    await bot.press(USER, "Level")
    pressed = texts(await bot.press(USER, "🔥 Advanced"))
    assert "Level set to 🔥 Advanced" in pressed[-1]
    beginner = texts(await bot.send(USER, "beginner"))
    assert not any("Level set" in text for text in beginner)
    assert (await chat_row(bot, USER)).level == "advanced"


async def test_a_settings_move_to_the_gym_typed(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Pull-up bar",))
    await bot.send(USER, "/settings")
    await bot.press(USER, "Equipment")
    gym = texts(await bot.send(USER, "the gym from now on"))
    assert gym == ["Equipment set to 🏋️ Gym. Your next /workout uses it."]
    assert (await chat_row(bot, USER)).equipment == "gym"
