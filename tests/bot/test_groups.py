"""A group of training buddies shares one level, schedule and streak; everyone can log."""

from tests.bot.harness import Harness

GROUP = -5005
ANN, BOB = 501, 502


async def test_group_onboarding_workout_and_members_logging(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.send(GROUP, "/start@BackCoachBot", user_id=ANN)
    await bot.press(GROUP, "💪 Intermediate", user_id=BOB)
    await bot.press(GROUP, "🏋️ Gym", user_id=ANN)
    await bot.press(GROUP, "UTC", user_id=ANN)
    # Anyone may answer while the group is set up; an intermediate is advised three days a week.
    done = await bot.press(GROUP, "⭐ 3 days: Mon, Wed, Fri", user_id=BOB)
    assert "All set" in (done[-1].text or "") and "Mon, Wed, Fri" in (done[-1].text or "")

    await bot.send(GROUP, "/workout@BackCoachBot", user_id=ANN)
    first = await bot.press(GROUP, "✅ Done", user_id=ANN)
    assert "Logged for Ann" in (first[-1].text or "") or "Logged for User501" in (first[-1].text or "")
    second = await bot.press(GROUP, "✅ Done", user_id=BOB)
    assert "1/3" in (second[-1].text or ""), "two members on one day are one group session"

    streak = await bot.send(GROUP, "/streak", user_id=BOB)
    assert "Total sessions: 1" in (streak[-1].text or "")


async def test_workout_in_a_group_answers_for_the_member_who_asks(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.onboard(GROUP, user_id=ANN)
    [before] = await bot.send(GROUP, "/workout", user_id=ANN)
    await bot.press(GROUP, "✅ Done", user_id=ANN)

    # Bob has not trained yet: he gets the session Ann just did, not the group's next one.
    [for_bob] = await bot.send(GROUP, "/workout", user_id=BOB)
    assert "did today's session already" in (for_bob.text or "")
    assert "already logged" not in (for_bob.text or "")
    assert (before.text or "") in (for_bob.text or ""), "the same session Ann was given"
    # Ann has: she hears it is logged and sees what comes next.
    [for_ann] = await bot.send(GROUP, "/workout", user_id=ANN)
    assert "already logged" in (for_ann.text or "")
    assert (before.text or "") not in (for_ann.text or "")

    await bot.press(GROUP, "✅ Done", user_id=BOB)
    [again] = await bot.send(GROUP, "/workout", user_id=BOB)
    assert "already logged" in (again.text or "")


async def test_group_ignores_plain_chatter_and_unknown_commands(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    before = len(bot.api.sent)
    await bot.send(GROUP, "anyone up for pizza?", user_id=ANN)
    await bot.send(GROUP, "/othercommand@SomeOtherBot", user_id=ANN)
    assert len(bot.api.sent) == before


async def test_group_mention_is_a_question(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    sent = await bot.send(GROUP, "@BackCoachBot how often should we train our back?", user_id=ANN)
    assert len(sent) == 1 and sent[-1].text


async def test_group_other_timezone_asks_for_the_command(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    await bot.send(GROUP, "/start", user_id=ANN)
    await bot.press(GROUP, "🌱 Beginner", user_id=ANN)
    await bot.press(GROUP, "🏠 Home", user_id=ANN)
    await bot.press(GROUP, "✅ Confirm", user_id=ANN)
    other = await bot.press(GROUP, "🌍 Other…", user_id=ANN)
    bot.api.set_member(GROUP, BOB, "administrator")
    assert "/timezone" in (other[-1].text or "")
    asked = await bot.send(GROUP, "/timezone@BackCoachBot Asia/Tokyo", user_id=BOB)
    assert "how many days a week" in (asked[-1].text or "")
    # "Pick my own days" points to /schedule, which any member may send while the group is set up.
    own = await bot.press(GROUP, "📅 Pick my own days", user_id=ANN)
    assert "/schedule" in (own[-1].text or "")
    done = await bot.send(GROUP, "/schedule@BackCoachBot tue sat 07:30", user_id=ANN)
    assert "All set" in (done[-1].text or "") and "Asia/Tokyo" in (done[-1].text or "")
    assert "Tue, Sat" in (done[-1].text or "") and "07:30" in (done[-1].text or "")


async def test_a_question_in_a_forum_topic_is_answered_in_that_topic(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Back Buddies")
    question = "@BackCoachBot how often should we train our back?"
    [answer] = await bot.send(GROUP, question, user_id=ANN, message_thread_id=7)
    assert answer.params.get("message_thread_id") == 7
    assert answer.text and answer.reply_markup and answer.reply_markup["inline_keyboard"]
    [outside] = await bot.send(GROUP, question, user_id=ANN)
    assert "message_thread_id" not in outside.params
