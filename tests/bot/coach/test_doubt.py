"""Asking back when the answerer's signals disagree, instead of answering one topic confidently."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.coach.answerer import Answerer
from bot.coach.doubt import Signals, doubts, instead_of_declining
from bot.coach.knowledge import KnowledgeBase

FORM, ROW, GRIPS, WARMUP = 0, 1, 2, 3


def posterior(**by_topic: float) -> list[float]:
    found = [0.0, 0.0, 0.0, 0.0, 0.0]  # four topics and "off-topic" last
    for name, p in by_topic.items():
        found[{"form": FORM, "row": ROW, "grips": GRIPS, "warmup": WARMUP}[name]] = p
    return found


def test_agreeing_signals_answer() -> None:
    signals = Signals([4.0, 1.0, 0.0, 0.0], 0.9, posterior(form=0.8, row=0.1), situations=[FORM])
    assert doubts(FORM, signals) == ()


def test_a_situation_of_another_topic_asks_back_with_both() -> None:
    # "I hinge and pull the bar to my belly but feel it in my biceps": the row's situation, form's words.
    signals = Signals([4.0, 4.0, 0.0, 0.0], 0.1, posterior(form=0.99), situations=[ROW])
    assert doubts(FORM, signals) == (FORM, ROW)


def test_a_situation_of_the_chosen_topic_and_another_offers_both() -> None:
    signals = Signals([6.5, 0.0, 4.0, 0.0], 0.9, posterior(grips=0.5, form=0.1), situations=[FORM, GRIPS])
    assert doubts(FORM, signals) == (FORM, GRIPS)


def test_an_answer_both_are_sure_of_ignores_a_side_situation() -> None:
    signals = Signals([6.0, 0.0, 1.0, 0.0], 0.97, posterior(form=0.98), situations=[GRIPS])
    assert doubts(FORM, signals) == ()


def test_the_scorer_preferring_the_runner_up_of_a_thin_lead_asks_back() -> None:
    # "are face pulls worth it or just a warm-up thing": warm-up leads by 1.5, the scorer says face pull.
    signals = Signals([0.0, 0.0, 1.5, 3.0], 0.75, posterior(grips=0.88, warmup=0.12))
    assert doubts(WARMUP, signals) == (WARMUP, GRIPS)


@pytest.mark.parametrize(
    "signals",
    [
        Signals([0.0, 0.0, 1.0, 9.5], 0.8, posterior(grips=0.88, warmup=0.1)),  # a wide curated lead
        Signals([0.0, 0.0, 2.0, 4.0], 0.8, posterior(grips=0.75, warmup=0.15)),  # the scorer only fairly sure
        Signals([0.0, 0.0, 1.5, 3.0], 0.75, posterior(grips=0.45, warmup=0.1)),  # the scorer only leans
        Signals([0.0, 0.0, 1.5, 3.0], 0.75, posterior(grips=0.55, warmup=0.4)),  # ... and keeps the chosen
        Signals([0.0, 0.0, 1.5, 3.0], 0.75, None),  # the scorer may not be used (foreign words)
    ],
)
def test_a_wide_lead_or_a_weak_disagreement_still_answers(signals: Signals) -> None:
    assert doubts(WARMUP, signals) == ()


def test_the_scorer_sure_of_another_topic_asks_back_on_a_lead_short_of_wide() -> None:
    # "my newborn wakes me three times a night and my back still feels heavy": how often (5.5) by its
    # words, recovery by the scorer (0.99).
    signals = Signals([0.0, 0.0, 0.0, 5.5], 0.99, posterior(grips=0.99))
    assert doubts(WARMUP, signals) == (WARMUP, GRIPS)
    assert doubts(WARMUP, Signals([0.0, 0.0, 0.5, 8.5], 0.99, posterior(grips=0.99))) == (WARMUP, GRIPS)
    assert doubts(WARMUP, Signals([0.0, 0.0, 0.5, 9.0], 0.99, posterior(grips=0.99))) == ()


def test_two_topics_scored_alike_and_both_in_the_scorers_view_ask_back() -> None:
    # Pain on rows, "what am I doing wrong technique-wise?": the row 10.5, form 9.5, the scorer split.
    signals = Signals([9.5, 10.5, 0.0, 0.0], 0.5, posterior(row=0.34, form=0.26))
    assert doubts(ROW, signals) == (ROW, FORM)


@pytest.mark.parametrize(
    "signals",
    [
        Signals([7.5, 10.5, 0.0, 0.0], 0.9, posterior(row=0.5, form=0.3)),  # form 3 points behind
        Signals([3.5, 5.0, 0.0, 0.0], 0.9, posterior(row=0.5, form=0.3)),  # 1.5 points, but under 80% of it
        Signals([9.5, 10.5, 0.0, 0.0], 0.9, posterior(row=0.8, form=0.15)),  # the scorer gives form little
    ],
)
def test_a_runner_up_far_enough_behind_or_ruled_out_is_not_offered(signals: Signals) -> None:
    assert doubts(ROW, signals) == ()


def test_a_declined_story_naming_the_back_offers_its_situation_first() -> None:
    signals = Signals([5.5, 4.0, 0.0, 2.5], 0.3, None, situations=[ROW], names_subject=True)
    assert instead_of_declining(signals) == (ROW, FORM, WARMUP)


def test_a_long_message_the_scorer_is_certain_of_offers_that_topic_instead_of_declining() -> None:
    # "All I train is chest and arms, never really saw the point of working stuff I can't see in the mirror":
    # the body parts are the asker's contrast; the matcher declines, the scorer is certain.
    told = Signals([1.5, 0.0, 0.0, 3.0], 0.1, posterior(form=0.99), words=21)
    assert instead_of_declining(told) == (FORM, WARMUP)
    # Short, it names another part as its subject ("drop sets for biceps"); unsure or uncued, it is declined.
    assert instead_of_declining(Signals([1.5, 0.0, 0.0, 3.0], 0.1, posterior(form=0.99), words=4)) == ()
    assert instead_of_declining(Signals([1.5, 0.0, 0.0, 3.0], 0.1, posterior(form=0.9), words=21)) == ()
    assert instead_of_declining(Signals([0.5, 0.0, 0.0, 3.0], 0.1, posterior(form=0.99), words=21)) == ()


def test_a_declined_question_without_the_back_stays_declined() -> None:
    # "how to sit in a car on long drives": a mobility situation inside another subject.
    signals = Signals([0.0, 4.0, 0.0, 0.0], 0.05, None, situations=[ROW], names_subject=False)
    assert instead_of_declining(signals) == ()
    assert instead_of_declining(Signals([3.0, 2.0, 0.0, 0.0], 0.3, None, names_subject=True)) == ()


def test_the_rule_is_pure() -> None:
    source = Path(__file__).resolve().parents[3] / "bot" / "coach" / "doubt.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported <= {"__future__", "collections.abc", "dataclasses"}


ANSWERER = Answerer(KnowledgeBase.load())


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        # A story naming the back, whose setting (a joke, the car) would have declined its mobility situation.
        (
            "My sister jokes that I look like a question mark. I train my back twice a week, but I can "
            "barely twist round to look behind me when I reverse the car. What should I add?",
            {"mobility"},
        ),
    ],
)
def test_crossed_wording_gets_a_question_back_with_the_right_button(question: str, offered: set[str]) -> None:
    reply = ANSWERER.answer(question)

    assert reply.kind == "ask"
    assert reply.topic is None and reply.score < 0.5
    assert offered <= set(reply.candidates) and 2 <= len(reply.candidates) <= 3


def test_a_grip_situation_on_an_exercise_is_not_answered_as_the_exercise() -> None:
    reply = ANSWERER.answer("on rows the bar keeps slipping out of my fingers near the end")
    assert reply.topic == "grips" or (reply.kind == "ask" and "grips" in reply.candidates)


@pytest.mark.parametrize(
    "question", ["how do i deadlift", "best grip for pull ups", "how often should i train my back"]
)
def test_plain_questions_are_still_answered(question: str) -> None:
    assert ANSWERER.answer(question).kind == "answer"
