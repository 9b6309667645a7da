"""The age a chat tells, optionally, through the real Application: /settings → Age, or "I'm 67" typed in a
private chat, said back; a trainee of 60+ then gets /workout without jumping or floor work (a newcomer
trial's 67-year-old beginner had jumping jacks and face-down moves, nothing asked or adapted)."""

from bot import callbacks
from storage import repo
from tests.bot.harness import Harness

USER = 6767
JUMPING = ("jumping jacks", "skipping", "jogging")
FLOOR = ("Prone", "Floor slide", "Reverse snow angel", "lying on your side", "hands and knees", "inchworm")


async def stored(bot: Harness, chat_id: int = USER) -> str | None:
    async with bot.app.bot_data.sessionmaker() as session:
        chat = await repo.get_chat(session, chat_id)
    assert chat is not None
    return chat.age_bracket


async def workout_text(bot: Harness, chat_id: int = USER) -> str:
    sent = await bot.send(chat_id, "/workout")
    return "\n".join(message.text or "" for message in sent)


async def test_settings_asks_the_age_and_a_60_plus_bracket_adapts_the_workout(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home")
    before = await workout_text(bot)
    assert any(word in before for word in (*JUMPING, *FLOOR)), (
        "the plan for anyone has some, or this test proves nothing"
    )
    menu = await bot.send(USER, "/settings")
    assert "Age: not told" in (menu[-1].text or "")

    [asked] = await bot.press(USER, "Age")
    assert "Your age" in (asked.text or "") and "optional" in (asked.text or "")
    [saved] = await bot.press(USER, "60–69")
    assert "Age set to 60–69" in (saved.text or "") and "adapted for 60+" in (saved.text or "")
    assert await stored(bot) == "60-69"
    assert "Age: 60–69" in ((await bot.send(USER, "/settings"))[-1].text or "")

    after = await workout_text(bot)
    for word in (*JUMPING, *FLOOR):
        assert word not in after, word
    assert "Standing" in after or "Wall slide" in after
    assert "Adapted for 60+" in after and "start gently" in after


async def test_a_younger_bracket_keeps_the_plan_and_rather_not_say_clears_it(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "/settings")
    await bot.press(USER, "Age")
    [saved] = await bot.press(USER, "40–49")
    assert "Age set to 40–49. Your plan stays as it is." in (saved.text or "")
    assert "Adapted for 60+" not in await workout_text(bot)

    await bot.send(USER, "/settings")
    await bot.press(USER, "Age")
    [cleared] = await bot.press(USER, "Rather not say")
    assert "Age cleared" in (cleared.text or "")
    assert await stored(bot) is None


async def test_a_forged_age_button_gets_a_polite_answer(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.callback(USER, callbacks.pack("age", "99-plus"))
    assert bot.errors == []
    assert "expired" in (bot.toasts()[-1].text or "")
    assert await stored(bot) is None


async def test_an_age_typed_is_said_back_and_kept(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home")
    [said] = await bot.send(USER, "I'm 67")
    assert "Noted: you're 67, so your sessions are adapted for 60+" in (said.text or "")
    assert await stored(bot) == "60-69"
    [again] = await bot.send(USER, "I am 72 years old")
    assert "you're 72" in (again.text or "") and await stored(bot) == "70-plus"
    text = await workout_text(bot)
    assert not any(word in text for word in (*JUMPING, *FLOOR))


async def test_a_question_beside_the_age_is_still_answered(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "I'm 67, are deadlifts safe for beginners?")
    assert "Noted: you're 67" in (sent[0].text or "")
    assert len(sent) >= 2 and "deadlift" in (sent[-1].text or "").lower()
    assert await stored(bot) == "60-69"


async def test_numbers_that_are_no_age_are_not_read_as_one(bot: Harness) -> None:
    await bot.onboard(USER)
    for text in ("I'm 80 kg, how much should I row?", "when I'm 70 can I still deadlift?"):
        sent = await bot.send(USER, text)
        assert not any("Noted: you're" in (message.text or "") for message in sent), text
    assert await stored(bot) is None


async def test_an_age_typed_during_set_up_is_kept_and_the_question_shown_again(bot: Harness) -> None:
    await bot.send(USER, "/start")
    sent = await bot.send(USER, "I am 67 years old")
    assert "Noted: you're 67" in (sent[0].text or "")
    assert len(sent) == 2, "the open set-up question again"
    assert await stored(bot) == "60-69"


async def test_an_age_question_from_a_chat_of_60_plus_gets_what_its_plan_does(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "I'm 67, is lifting safe at my age?")
    assert "Noted: you're 67" in (sent[0].text or "")
    answer = sent[-1].text or ""
    assert "Beginner routine" in answer and "At 60+ your plan already adapts" in answer
    # Asked again later, the age already told: the note, with no second "Noted".
    again = await bot.send(USER, "is lifting safe at 65?")
    assert [m for m in again if "At 60+ your plan already adapts" in (m.text or "")]
    assert not [m for m in again if "Noted" in (m.text or "")]


async def test_a_chat_that_told_no_age_or_a_younger_one_gets_the_card_alone(bot: Harness) -> None:
    await bot.onboard(USER)
    [answer] = await bot.send(USER, "is lifting safe at 65?")
    assert "Beginner routine" in (answer.text or "") and "At 60+" not in (answer.text or "")
    await bot.send(USER, "I'm 45")
    [answer] = await bot.send(USER, "should I start lifting at my age?")
    assert "At 60+" not in (answer.text or "")


async def test_a_first_message_with_an_age_and_never_having_lifted_answers_the_level(bot: Harness) -> None:
    # A newcomer trial: the age was noted, but then "I don't know that one, sorry" and the level question
    # again, though "never lifted weights before" answers it.
    await bot.send(USER, "/start")
    sent = await bot.send(
        USER, "Hello, I'm Rosa, I'm 68 and a retired teacher. I've never lifted weights before"
    )
    said = [message.text or "" for message in sent]
    assert "Noted: you're 68" in said[0]
    assert any("Level: 🌱 Beginner" in text or "Level: Beginner" in text for text in said), said
    assert not any("I don't know that one" in text or "Your level?" in text for text in said), said
    assert "Where do you train?" in said[-1]
    assert await stored(bot) == "60-69"


async def test_the_same_age_told_again_with_a_question_is_not_noted_again(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "I'm 68")
    sent = await bot.send(USER, "I'm 68, is it really safe for me to lift weights?")
    assert sent and not any("Noted: you're" in (message.text or "") for message in sent)
    assert await stored(bot) == "60-69"
    # A new bracket is news: said.
    [said] = await bot.send(USER, "I'm 71")
    assert "Noted: you're 71" in (said.text or "")
