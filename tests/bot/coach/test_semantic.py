"""The semantic check: word-vector similarity per topic, and asking back when the matcher was misled."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from bot.coach.answerer import Answerer, background
from bot.coach.knowledge import KnowledgeBase
from bot.coach.semantic import SemanticIndex, Vectors, rival, shipped_embedder, unit_rows


class LetterEmbedder:
    """A stand-in model: a text's vector counts the letters a, b and c, so closeness is easy to follow."""

    def embed_many(self, texts: Sequence[str]) -> Vectors:
        counts = np.array([[t.count(ch) for ch in "abc"] for t in texts], dtype=np.float32)
        return unit_rows(counts)


def test_a_label_scores_the_mean_of_its_closest_examples() -> None:
    examples = [(0, "aaa"), (0, "aab"), (0, "ccc"), (1, "bbb"), (2, "abc")]
    index = SemanticIndex(LetterEmbedder(), examples, labels=3, neighbours=2)

    found = index.similarities("a")

    # Label 0's two closest examples are "aaa" (cosine 1) and "aab" (2/sqrt(5)); "ccc" (0) is left out.
    assert found[0] == pytest.approx((1 + 2 / np.sqrt(5)) / 2, abs=1e-6)
    # Label 1 has one example: its missing second neighbour counts as -1, so a thin label cannot win on luck.
    assert found[1] == pytest.approx((0 - 1) / 2, abs=1e-6)
    assert max(range(3), key=found.__getitem__) == 0


def test_a_label_without_examples_is_never_closest() -> None:
    index = SemanticIndex(LetterEmbedder(), [(0, "aaa")], labels=2, neighbours=1)
    assert index.similarities("a") == pytest.approx([1.0, -1.0])


def test_an_empty_text_gets_a_zero_vector_not_a_division_error() -> None:
    vectors = unit_rows(np.zeros((1, 3), dtype=np.float32))
    assert not np.isnan(vectors).any()
    assert LetterEmbedder().embed_many([""]).tolist() == [[0.0, 0.0, 0.0]]


def test_a_rival_must_be_clearly_closer_than_the_chosen_label() -> None:
    assert rival([0.70, 0.72, 0.50], chosen=0, margin=0.03) is None  # close: keep the matcher's choice
    assert rival([0.70, 0.74, 0.50], chosen=0, margin=0.03) == 1
    assert rival([0.80, 0.74, 0.50], chosen=0, margin=0.03) is None  # the choice is the closest itself


def test_the_shipped_vectors_put_situations_near_their_topic() -> None:
    examples = [
        (0, "pull the rope towards my face at the cable"),
        (0, "rear delts with the rope attachment"),
        (1, "the bar drifts away from my shins off the floor"),
        (1, "my hips shoot up before the bar moves"),
        (2, "how much protein should i eat to grow"),
        (2, "what should i eat after training"),
    ]
    index = SemanticIndex(shipped_embedder(), examples, labels=3, neighbours=2)

    rope = index.similarities("my neck gets stiff when i pull the rope to my eyes")
    shins = index.similarities("the barbell scrapes my shins and my butt rises first")

    assert max(range(3), key=rope.__getitem__) == 0
    assert max(range(3), key=shins.__getitem__) == 1


KB = KnowledgeBase.load()
WITH = Answerer(KB)
WITHOUT = Answerer(KB, semantic=False)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("on my last few reps of rows the bar slips out of my fingers", "grips"),
        (
            "the top of my shoulders burn and my neck gets tight and stiff every time i do face pulls",
            "face-pull",
        ),
    ],
)
def test_a_misleading_word_gets_a_question_back_instead_of_a_wrong_answer(
    question: str, expected: str
) -> None:
    misled = WITHOUT.answer(question)
    assert misled.kind == "answer" and misled.topic != expected  # what the matcher alone would reply

    reply = WITH.answer(question)

    assert reply.kind == "ask"
    assert expected in reply.candidates and misled.topic in reply.candidates
    assert reply.topic is None and reply.score < 0.5


def test_short_questions_and_sure_answers_are_left_alone() -> None:
    for question in ("why does form matter so much", "how do i deadlift", "best grip for pull ups"):
        assert WITH.answer(question) == WITHOUT.answer(question)


def test_a_story_may_name_its_setting_but_a_short_question_may_not() -> None:
    story = WITH.reader.read(" ".join(["word"] * 45))
    assert background(story) == 2
    assert background(WITH.reader.read("my dog ate my homework")) == 0
