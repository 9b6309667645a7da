"""Questions in plain words: free text, /ask, /faq buttons and group mentions."""

from tests.bot.harness import Harness

USER = 6006
GROUP = -6006


def labels(bot: Harness) -> list[str]:
    return [text for row in bot.api.buttons(bot.api.last()) for text, _ in row]


async def test_free_text_question_gets_answer_and_related_topics(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "are deadlifts safe for a beginner?")
    assert len(sent) == 1
    assert "form" in (sent[0].plain_text or "").lower() or "light" in (sent[0].plain_text or "").lower()
    assert 1 <= len(labels(bot)) <= 2


async def test_question_before_onboarding_is_still_answered(bot: Harness) -> None:
    sent = await bot.send(USER, "how often should I train my upper back")
    assert "week" in (sent[0].plain_text or "").lower()
    # Then the set-up question still open, with its buttons, so the next message can answer it.
    assert len(sent) == 2 and "setting up" in (sent[1].plain_text or "")


async def test_out_of_scope_is_declined_honestly_with_three_topics(bot: Harness) -> None:
    sent = await bot.send(USER, "what's the best marathon training plan for my calves?")
    assert "know" in (sent[0].plain_text or "").lower()
    assert len(labels(bot)) == 3


async def test_greeting_is_small_talk(bot: Harness) -> None:
    sent = await bot.send(USER, "hi there!")
    assert (sent[0].plain_text or "").startswith("Hi!") and not sent[0].reply_markup
    # Not set up yet: the set-up question follows the greeting.
    assert len(sent) == 2 and "setting up" in (sent[1].plain_text or "")
    await bot.onboard(USER)
    again = await bot.send(USER, "hi there!")
    assert len(again) == 1 and labels(bot) == []


async def test_ask_command_and_empty_ask(bot: Harness) -> None:
    sent = await bot.send(USER, "/ask protein?")
    assert "protein" in (sent[0].plain_text or "").lower()
    usage = await bot.send(USER, "/ask")
    assert "/ask" in (usage[0].plain_text or "")


async def test_faq_buttons_show_answers(bot: Harness) -> None:
    sent = await bot.send(USER, "/faq")
    buttons = labels(bot)
    assert len(buttons) == 25 or len(bot.api.buttons(sent[0])) >= 5
    topic_button = bot.api.buttons(sent[0])[0][0][0]
    answer = await bot.press(USER, topic_button)
    assert topic_button in (answer[-1].plain_text or "")


async def test_group_questions_only_when_addressed(bot: Harness) -> None:
    bot.api.group_chat(GROUP, "Lifters")
    assert await bot.send(GROUP, "how often should we train back?", user_id=1) == []
    mentioned = await bot.send(GROUP, "@BackCoachBot how often should we train back?", user_id=1)
    assert len(mentioned) == 1 and "week" in (mentioned[0].plain_text or "").lower()
    replied = await bot.send(
        GROUP, "and is protein important?", user_id=1, reply_to_message_id=mentioned[0].message_id
    )
    assert len(replied) == 1 and "protein" in (replied[0].plain_text or "").lower()
    asked = await bot.send(GROUP, "/ask@BackCoachBot can I train at home without equipment", user_id=2)
    assert len(asked) == 1


async def test_what_a_word_means_gets_a_definition_and_the_card_one_tap_away(bot: Harness) -> None:
    # An intermediate chat: RIR's own card (a beginner's chat is pointed to the beginner routine).
    await bot.onboard(USER, level="💪 Intermediate")
    sent = await bot.send(USER, "What does RIR mean?")
    assert len(sent) == 1
    text = sent[0].plain_text or ""
    assert text.startswith("RIR (reps in reserve) is how many more clean reps")
    assert "double progression" not in text.lower()  # the rest of the card waits behind the button
    assert (
        text.splitlines()[-1]
        == "That's the short version: tap Intermediate progression below for the whole card."
    )
    assert [label for label, _ in bot.api.buttons(sent[0])[0]] == ["Intermediate progression"]
    assert len(bot.api.buttons(sent[0])) == 1
    card = await bot.press(USER, "Intermediate progression")
    assert "double progression" in (card[-1].plain_text or "").lower()


async def test_what_an_exercise_on_the_card_is_gets_its_cue_and_the_card_one_tap_away(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home")  # kit: nothing, the track with floor slides
    sent = await bot.send(USER, "what's a floor slide? the card says W and Y, I don't get it")
    assert len(sent) == 1
    assert (sent[0].plain_text or "") == (
        "Floor slide\n\n"
        "Face down, arms in a W with the backs of your hands off the floor; slide them overhead into a Y and "
        "back, shoulders away from your ears.\n\n"
        "That's the short version: tap Training at home below for the whole card."
    )
    assert [[label for label, _ in row] for row in bot.api.buttons(sent[0])] == [["Training at home"]]
    card = await bot.press(USER, "Training at home")
    assert "prone Y-T-W raises and floor slides" in (card[-1].plain_text or "")


async def test_a_name_two_exercises_share_is_read_for_the_chat_s_kit(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Pull-up bar",))
    sent = await bot.send(USER, "how do I do an assisted pull-up?")
    assert (sent[0].plain_text or "").startswith("Chair-assisted pull-up\n\nA sturdy chair under the bar")
    assert [[label for label, _ in row] for row in bot.api.buttons(sent[0])] == [["Pull-ups"]]
