"""What a question would train, where chat sentences end, and the words of everyday life beside the bot's.

Phrased unlike the eval sets in evals/ (a test in test_answerer.py checks the corpus; these are new)."""

from __future__ import annotations

import pytest

from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase

ANSWERER = Answerer(KnowledgeBase.load())


@pytest.mark.parametrize(
    "question",
    [
        "best way to train my calves in the garage with no equipment?",
        "which stretches help stiff hips when I sit all day at the office",
        "give me a hamstring routine I can do at home",
        "how often should I train glutes per week",
    ],
)
def test_another_part_as_the_thing_trained_is_declined_whatever_method_comes_with_it(question: str) -> None:
    assert ANSWERER.answer(question).kind == "decline", question


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("my legs are sore from squats, can I still train back today?", "rest-recovery"),
        ("how to train my back at home with no equipment?", "faq-home"),
        ("what stretches loosen a tight upper back?", "mobility"),
    ],
)
def test_another_part_told_beside_the_back_keeps_the_back_question(question: str, topic: str) -> None:
    answer = ANSWERER.answer(question)
    assert topic in (answer.topic, *answer.candidates), (question, answer)


def test_a_room_of_the_house_alone_is_no_home_training_question() -> None:
    assert (
        ANSWERER.answer("we're repainting the bedroom, is grey or blue calmer for sleep?").kind == "decline"
    )
    assert ANSWERER.answer("can I do a proper back workout in my living room?").topic == "faq-home"


def test_an_emoji_ends_a_chat_sentence_so_a_day_named_before_it_asks_for_no_session() -> None:
    answer = ANSWERER.answer("lats are wrecked from yesterday 😫 push on anyway or rest?")
    assert answer.kind != "command", answer
    assert answer.topic == "rest-recovery" or "rest-recovery" in answer.candidates, answer
    assert ANSWERER.answer("what's my workout today 💪").command == "workout"


def test_getting_off_the_couch_is_motivation_not_the_rest_day_tips() -> None:
    answer = ANSWERER.answer("can't get off the couch lately, how do I keep going?")
    assert answer.kind != "command", answer
    assert ANSWERER.answer("please switch the rest day tips off").command == "nudges"


@pytest.mark.parametrize(
    "message",
    [
        "I was at the gym today and a guy dropped a dumbbell on his own foot, haha",
        "did I tell you I'm 58 now? time flies",
    ],
)
def test_telling_the_day_or_ones_age_points_to_no_command(message: str) -> None:
    assert ANSWERER.answer(message).kind != "command", message


@pytest.mark.parametrize(
    "message",
    [
        "you made my day 🙂",
        "evening coach!",
        "just back from the gym, feeling like a new woman",
        "you never sleep huh",
        "not bad for a robot 😄",
        "knock knock",
        "greetings from Nairobi!",
        "sorry for all my questions lately",
    ],
)
def test_warm_words_and_greetings_get_small_talk(message: str) -> None:
    assert ANSWERER.answer(message).kind == "smalltalk", message


@pytest.mark.parametrize(
    "question",
    [
        "two weeks vacation no gym, how i begin again, same weight or lighter?",
        "after my trip I not go gym for a month, how to start again",
    ],
)
def test_starting_again_after_time_away_in_a_learners_words_is_rest_and_returning(question: str) -> None:
    answer = ANSWERER.answer(question)
    assert "rest-recovery" in (answer.topic, *answer.candidates), (question, answer)


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("hey when are my reminders set for, I forgot", "reminders"),
        ("the bot thinks it's morning but here it's night, I'm in Perth", "timezone"),
        ("the step is 2.5 but my gym only has 1kg plates, can change?", "units"),
        ("how many sessions have I done in total?", "streak"),
    ],
)
def test_questions_about_the_bot_in_a_learners_or_chat_words(question: str, command: str) -> None:
    assert ANSWERER.answer(question).command == command, question


def test_a_bad_knee_told_leads_with_safety() -> None:
    answer = ANSWERER.answer("with my bad knee, which back exercises can I do standing up?")
    assert answer.safety, answer


def test_calories_are_ours_for_growth_and_a_diets_alone() -> None:
    assert ANSWERER.answer("how many calories a day to put on muscle?").topic == "nutrition"
    assert ANSWERER.answer("how many calories are in a slice of pizza").kind == "decline"
    assert ANSWERER.answer("how many calories does rowing burn?").kind == "decline"


def test_a_sore_or_worse_joint_leads_with_safety() -> None:
    assert ANSWERER.answer("my wrist gets sore on rows, what should I change?").safety
    assert ANSWERER.answer("the outside of my elbow aches on chin-ups").safety


def test_knees_to_stretch_are_another_subject_and_knees_on_a_lift_are_its_form() -> None:
    assert ANSWERER.answer("any good stretches for stiff knees after work?").kind == "decline"
    answer = ANSWERER.answer("my knees cave in when I deadlift, how do I fix it?")
    assert "deadlift" in (answer.topic, *answer.candidates), answer


def test_a_pain_and_is_the_lift_okay_offers_the_lifts_own_card() -> None:
    answer = ANSWERER.answer("my shoulder aches a bit when I reach up high, are pulldowns okay with that?")
    assert answer.safety
    assert "lat-pulldown" in (answer.topic, *answer.candidates), answer
