"""What an exercise on the card is: its name and cue, with its topic's card one tap away."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coach import rules
from bot.coach.answerer import Answerer, answer_json, plain_text
from bot.coach.assist import Asker
from bot.coach.catalog import Catalog, Exercise
from bot.coach.content import CONTENT_DIR, ContentError
from bot.coach.glossary import Definer, Glossary
from bot.coach.knowledge import KnowledgeBase
from bot.coach.model import Equipment

KB = KnowledgeBase.load()
ANSWERER = Answerer(KB)
CATALOG = Catalog.load()
CUED = [e for e in CATALOG.exercises.values() if not e.subject]
POINTER = "That's the short version: tap {title} below for the whole card."
FORMS = (
    "what is a {name}?",
    "what's a {name}",
    "What does {name} mean?",
    "{name}?",
    "never heard of a {name}",
    "how do I do a {name}?",
    "how do you do {name}",
)


def asking_from(exercise: Exercise) -> Asker:
    """A chat where ``exercise`` is the one its names stand for: its place, and at home its kit."""
    if Equipment.GYM in exercise.places:
        return Asker("beginner", "gym")
    return Asker("beginner", "home", frozenset(exercise.needs))


def assert_cue(question: str, exercise: Exercise, asker: Asker | None = None) -> None:
    answer = ANSWERER.answer(question, asker)
    assert (answer.kind, answer.exercise, answer.topic) == ("answer", exercise.id, exercise.topic), question
    title = KB.topics[exercise.topic].title
    assert plain_text(answer.text) == f"{exercise.name}\n\n{exercise.cue}\n\n{POINTER.format(title=title)}"
    assert KB.topics[exercise.topic].answer not in answer.text
    # The one button is the topic card's, and ask --json keeps the topic id.
    assert answer.suggestions == (exercise.topic,) and answer.candidates == ()
    assert answer_json(answer)["topic"] == exercise.topic


@pytest.mark.parametrize("exercise", CUED, ids=[e.id for e in CUED])
def test_every_exercise_is_reachable_by_its_name_and_short_name(exercise: Exercise) -> None:
    for name in (exercise.name, exercise.short):
        for form in FORMS:
            assert_cue(form.format(name=name), exercise, asking_from(exercise))


def test_the_trial_question_gets_the_floor_slide_cue_not_the_home_card() -> None:
    floor_slide = CATALOG.exercises["floor-slide"]
    assert_cue("what's a floor slide? the card says W and Y, I don't get it", floor_slide)
    assert_cue("how do I do floor slides", floor_slide)
    assert_cue("Y-T-W raises?", CATALOG.exercises["prone-ytw-raise"])


def test_a_name_two_exercises_share_is_the_one_the_chat_can_do() -> None:
    assisted = "what's an assisted pull-up?"
    assert ANSWERER.answer(assisted, Asker("beginner", "gym")).exercise == "assisted-pull-up-machine"
    assert ANSWERER.answer(assisted, Asker("beginner", "home", frozenset({"bar"}))).exercise == (
        "chair-assisted-pull-up"
    )
    fly = "how do I do a rear-delt fly"
    assert ANSWERER.answer(fly, Asker("beginner", "gym")).exercise == "rear-delt-fly"
    assert ANSWERER.answer(fly, Asker("beginner", "home")).exercise == "backpack-rear-delt-fly"
    dumbbells = Asker("beginner", "home", frozenset({"dumbbells"}))
    assert ANSWERER.answer(fly, dumbbells).exercise == "rear-delt-fly"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how do I do a deadlift?", "deadlift"),
        ("what's a deadlift?", "deadlift"),
        ("how do I do a lat pulldown?", "lat-pulldown"),
        ("what is a face pull", "face-pull"),
        ("how do you do pull-ups", "pull-up"),
        ("what's an inverted row?", "inverted-row"),
        ("how do I do a bent-over row?", "bent-over-row"),
        ("what's a barbell row?", "bent-over-row"),
        ("what is a strict pull-up", "pull-up"),
    ],
)
def test_the_lift_a_card_is_about_keeps_the_whole_card(question: str, topic: str) -> None:
    answer = ANSWERER.answer(question)
    assert answer.exercise is None and answer.topic == topic
    assert KB.topics[topic].answer in answer.text


def test_every_subject_lift_by_any_name_keeps_its_card() -> None:
    subjects = [e for e in CATALOG.exercises.values() if e.subject]
    cards = {"deadlift", "bent-over-row", "lat-pulldown", "face-pull", "pull-up", "inverted-row"}
    assert {e.topic for e in subjects} == cards
    for exercise in subjects:
        for name in (exercise.name, exercise.short, *exercise.aliases):
            answer = ANSWERER.answer(f"how do I do a {name}?")
            assert answer.exercise is None and KB.topics[exercise.topic].answer in answer.text, name


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how many sets of floor slides", "faq-home"),
        ("how many band rows should I do", None),
        ("should I do floor slides every day?", None),
        ("band row vs dumbbell row?", None),
        ("how do I do band rows properly at home with a heavy band", None),
    ],
)
def test_a_question_about_using_it_gets_what_it_got_before(question: str, topic: str | None) -> None:
    answer = ANSWERER.answer(question)
    assert answer.exercise is None and answer.term is None
    if topic is not None:
        assert answer.topic == topic and KB.topics[topic].answer in answer.text


def test_pain_and_commands_come_before_a_cue() -> None:
    hurt = ANSWERER.answer("what's a band row? it hurts my shoulder")
    assert hurt.safety and hurt.exercise is None
    logged = ANSWERER.answer("how do I log a band row")
    assert logged.command == "log" and logged.exercise is None


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = (CONTENT_DIR / "exercises.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "exercises.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "routines.toml").write_text((CONTENT_DIR / "routines.toml").read_text(encoding="utf-8"))
    return tmp_path


def test_an_exercise_topic_is_checked_naming_file_and_key(tmp_path: Path) -> None:
    slide = 'short = "floor slide"\ntopic = "faq-home"'
    where = r"exercises\.toml: exercise\[\d+\] 'floor-slide'\.topic: "
    with pytest.raises(ContentError, match=where + "unknown topic 'home'"):
        rules.load_checked(_broken(tmp_path, slide, 'short = "floor slide"\ntopic = "home"'))
    with pytest.raises(ContentError, match=where + "Field required"):
        rules.load_checked(_broken(tmp_path, slide, 'short = "floor slide"'))
    with pytest.raises(
        ContentError, match=r"exercises\.toml: exercise\[\d+\] 'chin-up'\.subject: 'pull-up' is already"
    ):
        rules.load_checked(_broken(tmp_path, 'short = "chin-up"', 'short = "chin-up"\nsubject = true'))


def test_an_exercise_may_not_take_a_glossary_term_s_name() -> None:
    clash = CATALOG.exercises["floor-slide"].model_copy(update={"short": "drop sets"})
    clashing = r"exercises\.toml: 'floor-slide' is called 'drop sets', which glossary\.toml's 'drop-set'"
    with pytest.raises(ContentError, match=clashing):
        Definer.build(Glossary.load(), [clash])
