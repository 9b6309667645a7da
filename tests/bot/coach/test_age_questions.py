"""A question about lifting at an age goes to the beginner card, which starts gently (a newcomer trial's
67-year-old); an age asked about with nothing of training in it is still declined, as a wrong confident
answer is worse than none."""

from __future__ import annotations

import pytest

from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase

ANSWERER = Answerer(KnowledgeBase.load())


@pytest.mark.parametrize(
    "question",
    [
        "is lifting safe at 65?",
        "should I start lifting at my age?",
        "is lifting weights safe at 72?",
        "I'm 67, is lifting safe at my age?",
    ],
)
def test_lifting_at_an_age_gets_the_beginner_card(question: str) -> None:
    assert ANSWERER.answer(question).topic == "beginner"


@pytest.mark.parametrize(
    "question", ["is it too late to learn guitar at 50?", "what haircut suits a man of my age?"]
)
def test_an_age_without_training_is_declined(question: str) -> None:
    assert ANSWERER.answer(question).topic is None
