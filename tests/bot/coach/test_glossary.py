"""The glossary: a question that only asks what a card's word means gets a short definition, not the card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.coach import rules
from bot.coach.answerer import Answerer, answer_json, plain_text
from bot.coach.assist import Asker
from bot.coach.content import ContentError
from bot.coach.glossary import Definer, Glossary
from bot.coach.knowledge import DEFAULT_DIRECTORY, KnowledgeBase
from bot.coach.preview import as_text, profile_from_flags, sessions

KB = KnowledgeBase.load()
ANSWERER = Answerer(KB)
GLOSSARY = Glossary.load()
DEFINER = Definer.build(GLOSSARY)


@pytest.mark.parametrize(
    ("question", "term", "topic"),
    [
        ("What does RIR mean?", "rir", "intermediate"),
        ("what's a drop set", "drop-set", "advanced"),
        ("rir?", "rir", "intermediate"),
        ("wtf is a negative", "negative", "pull-up"),
        ("what is meant by hinge", "hinge", "deadlift"),
        ("what does 2 in reserve mean on my card", "rir", "intermediate"),
        ("what does 3 × 10 mean", "sets-x-reps", "beginner"),
        ("AMRAP stands for?", "amrap", "intermediate"),
        ("waht does rir meen", "rir", "intermediate"),
        ("hey coach, sorry, dumb question: what are supersets?", "superset", "advanced"),
        ("what is scapular retraction", "scapular-retraction", "anatomy"),
        ("what's a rung on the ladder", "ladder", "pull-up"),
        ("never heard of a drop set", "drop-set", "advanced"),
    ],
)
def test_asking_what_a_word_means_gets_its_definition_and_the_card_a_tap_away(
    question: str, term: str, topic: str
) -> None:
    answer = ANSWERER.answer(question)
    assert (answer.kind, answer.term, answer.topic) == ("answer", term, topic)
    title = KB.topics[topic].title
    shown = plain_text(answer.text)
    definition = next(t for t in GLOSSARY.term if t.id == term)
    # No heading: the card's title over a word ("Intermediate progression" over RIR) reads as "not yet".
    assert shown.startswith(plain_text(definition.text))
    assert f"tap {title} below" in shown.splitlines()[-1]
    assert KB.topics[topic].answer not in answer.text
    # The one button is the topic card's, and ask --json keeps the topic id (no new field).
    assert answer.suggestions == (topic,) and answer.candidates == ()
    assert answer_json(answer) == {"question": question, "topic": topic, "score": 1.0, "answer": shown}


@pytest.mark.parametrize(
    "question",
    [
        "how many RIR should I leave",
        "should I do drop sets",
        "what rir should I use on rows",
        "what is rir for deadlifts",
        "what is a good rest time",
        "rir or rpe?",  # two terms: the card compares them
        "what is my max",  # the asker's own number, not a meaning
        "what are the sets and reps for me",  # the asker's own prescription
        "what sets do I do",  # "what" without "is": which, not what it means
        "sets?",  # a common word alone more likely asks how many
        "explain drop sets to me in detail",
        "whats the point of supersets",
        "how do I do drop sets",  # how to use them: only an exercise is asked how it goes
    ],
)
def test_anything_else_about_the_term_gets_the_answer_it_got_before(question: str) -> None:
    answer = ANSWERER.answer(question)
    assert answer.term is None
    assert DEFINER.asked(question) is None


def test_the_card_question_of_the_issue_still_gets_the_whole_card() -> None:
    answer = ANSWERER.answer("how many RIR should I leave")
    assert answer.topic == "intermediate" and KB.topics["intermediate"].answer in answer.text


def test_pain_comes_before_any_definition() -> None:
    answer = ANSWERER.answer("what does a hinge mean, my lower back hurts when I do it")
    assert answer.safety and answer.term is None


def test_every_name_of_every_term_is_reachable_and_its_own() -> None:
    for term in GLOSSARY.term:
        for name in term.names:
            for question in (f"what does {name} mean?", f"what is {name}", f"{name} meaning"):
                found = DEFINER.asked(question)
                assert found is not None and found.id == term.id, question


def test_definitions_are_two_or_three_sentences_and_fit_a_chat() -> None:
    for term in GLOSSARY.term:
        sentences = re.findall(r"[.!?](?:\s|$)", plain_text(term.text))
        assert 2 <= len(sentences) <= 3, term.id
        assert "<b>" in term.text, term.id  # the word defined stands out


def test_the_words_the_workout_cards_show_are_defined() -> None:
    catalog = rules.shipped()
    shown = " ".join(
        as_text(session).lower()
        for level in ("beginner", "intermediate", "advanced")
        for equipment, kit in (("gym", None), ("home", "bar,low-bar,bands,load"))
        for session in sessions(catalog, profile_from_flags(catalog, level, equipment, kit, 2), 12)
    )
    for word in (
        "reps",
        "in reserve",
        "rest",
        "superset",
        "drop set",
        "deload",
        "block",
        "hinge",
        "negative",
    ):
        assert word in shown, word
        assert DEFINER.asked(f"what does {word} mean") is not None, word


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = (DEFAULT_DIRECTORY / "glossary.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "glossary.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def test_a_term_on_another_level_card_points_a_chat_to_its_own_level_card_where_that_speaks_of_it() -> None:
    # A trial: a beginner asking what "2 in reserve" means was sent to Intermediate progression, while the
    # beginner routine says "stop 2–3 reps short of failure".
    asked = "what does 2 in reserve mean?"
    beginner = ANSWERER.answer(asked, Asker.from_values("beginner", "home", ""))
    assert (beginner.term, beginner.topic) == ("rir", "beginner") and "Beginner routine" in beginner.text
    intermediate = ANSWERER.answer(asked, Asker.from_values("intermediate", "gym", ""))
    assert intermediate.topic == "intermediate" and ANSWERER.answer(asked).topic == "intermediate"
    # A term no beginner card speaks of keeps its own card, whoever asks.
    drop_set = ANSWERER.answer("what is a drop set?", Asker.from_values("beginner", "gym", ""))
    assert drop_set.topic == "advanced"


def test_a_beginner_asking_about_loads_gets_the_beginner_card_unless_a_level_is_named() -> None:
    # A trial: "my dumbbells are 6 kg, too heavy or too light?" got the intermediate card's 3–4 sets of 6–12.
    beginner = Asker.from_values("beginner", "home", "bands,dumbbells")
    asked = "My dumbbells are 6 kg each. Are they too heavy or too light for me?"
    assert ANSWERER.answer(asked).topic == "intermediate"
    answer = ANSWERER.answer(asked, beginner)
    assert answer.topic == "beginner" and "1–3 sets of 8–15 reps" in answer.text
    named = ANSWERER.answer("what do intermediate lifters do to progress?", beginner)
    assert named.topic == "intermediate"


def test_a_broken_glossary_names_file_and_key(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"glossary\.toml: term\[1\] 'rep'\.topic: unknown topic 'reps'"):
        Glossary.load(_broken(tmp_path, 'topic = "beginner"', 'topic = "reps"'))
    with pytest.raises(ContentError, match=r"glossary\.toml: term\[1\] 'rep'\.text: .*Telegram HTML"):
        Glossary.load(_broken(tmp_path, "A <b>rep</b>", "A <u>rep</u>"))
    with pytest.raises(ContentError, match=r"glossary\.toml: term\[1\] 'rep'\.also: .*level cards only"):
        Glossary.load(_broken(tmp_path, 'topic = "beginner"', 'topic = "beginner"\nalso = ["grips"]'))
    with pytest.raises(ContentError, match=r"glossary\.toml: 'set' names both 'rep' and 'set'"):
        Glossary.load(_broken(tmp_path, '"repetitions"]', '"repetitions", "sets"]'))
    with pytest.raises(
        ContentError, match=r"glossary\.toml: names made only of \[asking\] words: this thing"
    ):
        Glossary.load(_broken(tmp_path, '"repetitions"]', '"repetitions", "this thing"]'))
    with pytest.raises(ContentError, match=r"glossary\.toml: asking\.pointer: only \{title\}"):
        Glossary.load(_broken(tmp_path, "tap <i>{title}</i>", "tap <i>{topic}</i>"))
    with pytest.raises(ContentError, match=r"glossary\.toml: asking\.be: one word each, not 'is not'"):
        Glossary.load(_broken(tmp_path, 'be = ["is", "are"]', 'be = ["is not", "are"]'))
