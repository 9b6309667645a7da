"""Set-up's questions answered by typing instead of tapping, and the open question shown again after a reply
to anything else; /schedule with a time alone.

A newcomer trial: at "Where do you train?" `home` got the "Training at home" card, at "Your level?" `1` got
"I don't know that one…" and `beginner` the Beginner routine card, and at the days question "probably 3, like
tuesday thursday and saturday" was not read; `/schedule 19:30` answered "Tell me the days first…".
"""

from __future__ import annotations

from storage.models import Chat
from tests.bot.harness import Harness, chat_row, labels, texts

USER = 1301


async def test_every_question_typed_finishes_set_up_as_the_buttons_do(bot: Harness) -> None:
    await bot.send(USER, "/start")
    level = texts(await bot.send(USER, "1"))
    assert level[0] == "👍 Level: 🌱 Beginner"
    assert "Where do you train?" in level[-1] and labels(bot, USER) == ["🏋️ Gym", "🏠 Home"]

    place = texts(await bot.send(USER, "at home"))
    assert place[0] == "👍 You train: 🏠 Home"
    assert "What do you have at home?" in place[-1]

    owned = texts(await bot.send(USER, "a pull-up bar and some bands"))
    assert owned[0] == "👍 Home kit: pull-up bar, resistance bands"
    assert "Your timezone?" in owned[-1]

    zone = texts(await bot.send(USER, "Berlin"))
    assert "how many days a week can you train?" in zone[-1]

    done = texts(await bot.send(USER, "probably 3, like tuesday thursday and saturday"))
    assert "All set" in done[-1]
    assert "Beginner" in done[-1] and "Home (pull-up bar, resistance bands)" in done[-1]
    assert "<b>Tue, Thu, Sat</b>" in done[-1] and "Europe/Berlin" in done[-1]

    chat = await chat_row(bot, USER)
    assert chat.onboarded
    assert (chat.level, chat.equipment, chat.kit, chat.timezone) == (
        "beginner",
        "home",
        "bar,bands",
        "Europe/Berlin",
    )
    assert (chat.workout_days, chat.weekly_target) == (0b0101010, 3)


async def test_a_word_answers_the_level_and_the_place(bot: Harness) -> None:
    await bot.send(USER, "/start")
    level = texts(await bot.send(USER, "beginner"))
    assert level[0] == "👍 Level: 🌱 Beginner", "the level, not the Beginner routine card"
    place = texts(await bot.send(USER, "home"))
    assert place[0] == "👍 You train: 🏠 Home", "the place, not the Training at home card"
    nothing = texts(await bot.send(USER, "nothing"))
    assert nothing[0] == "👍 Home kit: nothing: towel, door and floor"
    assert (await chat_row(bot, USER)).kit == ""


async def test_at_the_gym_skips_the_kit_question(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🔥 Advanced")
    gym = texts(await bot.send(USER, "at the gym"))
    assert gym[0] == "👍 You train: 🏋️ Gym" and "Your timezone?" in gym[-1]
    assert (await chat_row(bot, USER)).equipment == "gym"


async def test_a_question_is_answered_then_the_open_question_shown_again(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    asked = texts(await bot.send(USER, "is home training enough?"))
    assert len(asked) == 2, "the answer, then the question"
    assert "You train" not in asked[0] and "To finish setting up" not in asked[0]
    assert asked[-1].startswith("↩️ To finish setting up: <b>where do you train?</b>")
    assert labels(bot, USER) == ["🏋️ Gym", "🏠 Home"]
    assert (await chat_row(bot, USER)).equipment is None, "a question about home training is not the answer"
    # The buttons under the reminder answer it.
    pressed = texts(await bot.press(USER, "🏋️ Gym"))
    assert "Your timezone?" in pressed[-1]


async def test_a_message_naming_no_option_keeps_its_reply_and_gets_the_question(bot: Harness) -> None:
    await bot.send(USER, "/start")
    replies = texts(await bot.send(USER, "not a beginner, not advanced"))
    assert replies[-1].startswith("↩️ To finish setting up: <b>your level?</b>")
    assert labels(bot, USER) == ["🌱 Beginner", "💪 Intermediate", "🔥 Advanced"]
    assert (await chat_row(bot, USER)).level is None
    # A digit only counts where it is clear: at the place question "2" names no button a user can see.
    await bot.send(USER, "2")
    assert (await chat_row(bot, USER)).level == "intermediate"
    two = texts(await bot.send(USER, "2"))
    assert two[-1].startswith("↩️ To finish setting up: <b>where do you train?</b>")
    assert (await chat_row(bot, USER)).equipment is None


async def test_the_days_question_reads_days_or_a_count_in_a_short_message(bot: Harness) -> None:
    await bot.onboard(USER)
    # Set-up again from the days question, as a chat stopped there.
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await session.get(Chat, USER)
        assert chat is not None
        chat.onboarding_step = "days"
        await session.commit()
    unread = texts(await bot.send(USER, "5 days"))
    assert unread[-1].startswith("↩️ To finish setting up: <b>how many days a week can you train?</b>")
    assert "⭐ 2 days: Mon, Thu" in labels(bot, USER)
    done = texts(await bot.send(USER, "probably 3 I think"))
    assert "All set" in done[-1] and "<b>Mon, Wed, Fri</b>" in done[-1]


async def test_schedule_with_a_time_alone_keeps_the_days(bot: Harness) -> None:
    await bot.onboard(USER, days=3)
    replies = texts(await bot.send(USER, "/schedule 19:30"))
    assert replies == [
        "📅 Reminders set to <b>Mon, Wed, Fri</b> at <b>19:30</b> (UTC). Weekly target: <b>3</b>, "
        "one session a training day."
    ]
    evening = texts(await bot.send(USER, "/schedule 7pm"))
    assert "<b>Mon, Wed, Fri</b> at <b>19:00</b>" in evening[-1]
    chat = await chat_row(bot, USER)
    assert (chat.workout_days, chat.reminder_minute, chat.weekly_target) == (0b0010101, 19 * 60, 3)
    assert chat.next_reminder_at is not None and chat.next_reminder_at.hour == 19
    usage = texts(await bot.send(USER, "/schedule"))
    assert "<code>19:30</code>" in usage[-1] and "keeps your days" in usage[-1]
    wrong = texts(await bot.send(USER, "/schedule 25:00"))
    assert "Tell me the days first" in wrong[-1]
    assert (await chat_row(bot, USER)).reminder_minute == 19 * 60, "bad input changes nothing"


async def test_schedule_with_a_time_alone_during_set_up_keeps_it_and_asks_on(bot: Harness) -> None:
    await bot.send(USER, "/start")
    await bot.press(USER, "🌱 Beginner")
    await bot.press(USER, "🏋️ Gym")
    await bot.press(USER, "UTC")
    replies = texts(await bot.send(USER, "/schedule 6:30 am"))
    assert replies[0] == "⏰ Reminders will come at <b>06:30</b>."
    assert replies[-1].startswith("↩️ To finish setting up: <b>how many days a week can you train?</b>")
    chat = await chat_row(bot, USER)
    assert (chat.reminder_minute, chat.onboarding_step) == (6 * 60 + 30, "days")
    done = texts(await bot.press(USER, "⭐ 2 days: Mon, Thu"))
    assert "I'll remind you on <b>Mon, Thu</b> at <b>06:30</b>" in done[-1]
