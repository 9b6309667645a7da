"""The learned model: its arithmetic (the phrasing scorer's naive Bayes, kept sparse), its file, and the
second look it gives the answerer's decisions."""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.answerer import Answerer
from bot.coach.knowledge import DEFAULT_DIRECTORY, TOPIC_IDS, KnowledgeBase
from bot.coach.learned import OFFTOPIC, PHRASED_FILE, SMALLTALK, Learned
from bot.coach.secondlook import (
    ANSWERS_DECLINED,
    COMMAND_STORY_WORDS,
    DECLINES,
    LEANS_OFFTOPIC,
    LEANS_TO,
    MIN_WORDS,
    NEITHER_SURE,
    OVERRULES,
    PAST_STRANGE,
    RULED_OUT,
    RULES_OUT,
    SMALL_TALK,
    STORY_WORDS,
    Verdict,
    second_look,
)

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = Answerer(KnowledgeBase.load())
CLASSES = ("a", "b", "c")
EXAMPLES = [
    ("a", ("x", "y", "z")),
    ("b", ("z", "w", "v")),
    ("a", ("x", "u")),
    ("b", ("w", "t")),
    ("c", ("s", "s", "x")),
]


def _learn_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("learn", ROOT / "evals" / "learn.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _dense(
    examples: list[tuple[str, tuple[str, ...]]], features: list[str], alpha: float, t: float
) -> list[float]:
    """The textbook multinomial naive Bayes (every class's likelihood of every feature), as the oracle."""
    vocabulary = {f for _, fs in examples for f in fs}
    counts = {c: [f for label, fs in examples if label == c for f in fs] for c in CLASSES}
    logits = [
        sum(
            math.log((counts[c].count(f) + alpha) / (len(counts[c]) + alpha * len(vocabulary)))
            for f in features
            if f in vocabulary
        )
        for c in CLASSES
    ]
    top = max(logits)
    exps = [math.exp((v - top) / t) for v in logits]
    return [e / sum(exps) for e in exps]


@given(st.lists(st.sampled_from(["x", "y", "z", "w", "v", "u", "t", "s", "unknown"]), max_size=8))
def test_sparse_posterior_is_the_dense_naive_bayes(features: list[str]) -> None:
    learned = Learned.train(EXAMPLES, CLASSES, alpha=0.1, min_count=1)
    dense = _dense(EXAMPLES, features, 0.1, learned.temperature)
    assert learned.posterior(features) == pytest.approx(dense, abs=1e-3)
    assert sum(learned.posterior(features)) == pytest.approx(1.0)


def test_the_evidence_decides_and_rare_features_are_left_out() -> None:
    learned = Learned.train(EXAMPLES, CLASSES, alpha=0.1, min_count=2)
    assert learned.best(["x", "x"])[0] == "a"
    assert learned.best(["w", "z"])[0] == "b"
    _, sure, given = learned.best(["w", "z"], "a")
    assert given == pytest.approx(learned.posterior(["w", "z"])[0]) and given < sure
    assert learned.best(["w"], "no such class")[2] == 0.0
    assert "v" not in learned.at and "s" in learned.at  # seen once; seen twice
    assert learned.posterior(["v"]) == pytest.approx([1 / 3] * 3)  # nothing known: no preference


def test_the_file_round_trips_byte_for_byte(tmp_path: Path) -> None:
    learned = Learned.train(EXAMPLES, CLASSES, min_count=1)
    first, second = tmp_path / "one.json.gz", tmp_path / "two.json.gz"
    learned.save(first)
    learned.save(second)
    assert first.read_bytes() == second.read_bytes()
    again = Learned.load(first)
    assert again.posterior(["x", "w"]) == pytest.approx(learned.posterior(["x", "w"]))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("lift"), "missing key 'lift'"),
        (lambda d: d["unseen"].pop(), "'unseen' has 2 values for 3 classes"),
        (lambda d: d["at"].update(x=[0, 7]), "beyond the 3 of 'classes'"),
        (lambda d: d["at"].update(x=[]), "'at' and 'lift' must list the same features"),
        (lambda d: d["at"].update(y=["a"]), "'at' must list class numbers"),
    ],
)
def test_a_broken_file_is_named_with_its_key(tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "learned.json.gz"
    Learned.train(EXAMPLES, CLASSES, min_count=1).save(path)
    data = json.loads(gzip.decompress(path.read_bytes()))
    change(data)
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    with pytest.raises(ValueError, match=f"learned.json.gz: .*{message}"):
        Learned.load(path)
    path.write_bytes(b"not gzip")
    with pytest.raises(ValueError, match=r"learned\.json\.gz: not a learned model"):
        Learned.load(path)


def test_the_shipped_model_is_counted_from_the_current_sets_and_words() -> None:
    """Run evals/learn.py (``make learn``) after changing the lexicon, situations, phrasings or sets."""
    fresh = _learn_module().learn()
    shipped = Learned.load()
    assert shipped.classes == fresh.classes
    assert shipped.classes[: len(TOPIC_IDS)] == TOPIC_IDS
    assert shipped.unseen == fresh.unseen
    assert shipped.at == fresh.at, "learned.json.gz is stale: run make learn"
    assert shipped.lift == fresh.lift


def test_the_shipped_phrasing_model_is_counted_from_the_current_phrasings() -> None:
    fresh = _learn_module().phrased()
    shipped = Learned.load(DEFAULT_DIRECTORY / PHRASED_FILE)
    assert shipped.classes == (*TOPIC_IDS, OFFTOPIC)
    assert (shipped.unseen, shipped.temperature) == (fresh.unseen, fresh.temperature)
    assert shipped.at == fresh.at, "phrased.json.gz is stale: run make learn"
    assert shipped.lift == fresh.lift


def test_an_answerer_refuses_a_model_of_other_topics() -> None:
    other = Learned.train([("nope", ("x",)), ("nope", ("x",))], ("nope", OFFTOPIC))
    with pytest.raises(ValueError, match=r"learned\.json\.gz: .* run evals/learn\.py"):
        Answerer(KnowledgeBase.load(), learned=other)
    with pytest.raises(ValueError, match=r"phrased\.json\.gz: .* run evals/learn\.py"):
        Answerer(KnowledgeBase.load(), phrased=other)


def _look(kind: str, best: str, sure: float, **over: object) -> Verdict | None:
    given_ = {
        "topic": "deadlift" if kind == "answer" else None,
        "candidates": (),
        "safety": False,
        "given": 1.0,
    }
    given_ |= {
        "elsewhere": False,
        "strange": False,
        "words": 8,
        "framed_only": False,
        "rules_sure": 1.0,
    } | over
    return second_look(
        kind,
        given_["topic"],
        given_["candidates"],
        safety=given_["safety"],  # type: ignore[arg-type]
        elsewhere=given_["elsewhere"],  # type: ignore[arg-type]
        strange=given_["strange"],  # type: ignore[arg-type]
        words=given_["words"],  # type: ignore[arg-type]
        best=best,
        sure=sure,
        given=given_["given"],  # type: ignore[arg-type]
        framed_only=given_["framed_only"],  # type: ignore[arg-type]
        rules_sure=given_["rules_sure"],  # type: ignore[arg-type]
    )


def test_the_second_look_answers_what_was_declined_only_when_all_but_certain() -> None:
    assert _look("decline", "grips", ANSWERS_DECLINED) == Verdict("topic", "grips")
    assert _look("decline", "grips", ANSWERS_DECLINED - 0.01) is None
    assert _look("decline", "command:export", 0.99) == Verdict("command", "export")
    assert _look("decline", "grips", 0.99, words=3) is None  # "i'm bored"
    assert _look("decline", "grips", 0.99, elsewhere=True) is None  # "how often should i train legs"
    assert _look("decline", "faq-frequency", 0.9999, elsewhere=True) is None  # "leg day twice a week"
    # A story may hold a word of another subject beside its question ("between school run and shift").
    story = {"elsewhere": True, "words": STORY_WORDS}
    assert _look("decline", "advanced", PAST_STRANGE, **story) == Verdict("topic", "advanced")
    assert _look("decline", "advanced", PAST_STRANGE - 0.001, **story) is None
    assert _look("decline", "advanced", 0.9999, elsewhere=True, words=STORY_WORDS - 1) is None
    assert _look("decline", "benefits", PAST_STRANGE, strange=True) == Verdict("topic", "benefits")
    assert _look("decline", "warm-up", PAST_STRANGE - 0.001, strange=True) is None  # "warm up my car"
    assert _look("decline", "command:pause", 0.99, safety=True) is None  # pain keeps its lead
    # Nothing of the coach's but a question's frame: "the difference between in, on and at".
    assert _look("decline", "anatomy", 0.9999, framed_only=True, words=14) is None
    assert _look("decline", "faq-results", 0.9999, framed_only=True, words=COMMAND_STORY_WORDS) == Verdict(
        "topic", "faq-results"
    )
    assert _look("decline", "command:export", 0.99, framed_only=True) == Verdict("command", "export")
    # Small talk the rules did not know: a word back, never past a pain or a command.
    assert _look("decline", SMALLTALK, SMALL_TALK, words=2) == Verdict("smalltalk")
    assert _look("decline", SMALLTALK, SMALL_TALK - 0.01) is None
    assert _look("answer", SMALLTALK, OVERRULES) == Verdict("smalltalk")
    assert _look("answer", SMALLTALK, OVERRULES - 0.005) is None
    assert _look("decline", SMALLTALK, 0.999, safety=True) is None
    assert _look("command", SMALLTALK, 0.999) is None


def test_an_answer_neither_is_sure_of_that_the_model_rules_out_is_declined() -> None:
    # "is 22.5 kg per dumbbell or both together?" was Staying motivated on "together".
    unsure = {"given": RULED_OUT, "rules_sure": NEITHER_SURE - 0.01}
    assert _look("answer", "bent-over-row", LEANS_TO - 0.01, **unsure) == Verdict("decline")
    assert _look("answer", "form", LEANS_TO, **unsure) == Verdict("ask", "form")
    assert _look("answer", "command:log", 0.9, **unsure) == Verdict("decline")
    assert _look("answer", "form", 0.63, **(unsure | {"rules_sure": NEITHER_SURE})) is None
    assert _look("answer", "form", 0.63, **(unsure | {"given": RULED_OUT + 0.01})) is None
    assert _look("answer", "form", 0.63, **(unsure | {"words": MIN_WORDS - 1})) is None
    # Sure of another topic, the model takes it instead.
    assert _look("answer", "grips", OVERRULES, **unsure) == Verdict("topic", "grips")
    asked = SHIPPED.answer("should my shoulder blades move when i row")
    assert (asked.kind, set(asked.candidates)) == ("ask", {"bent-over-row", "form"})


def test_the_second_look_overrules_an_answer_or_a_did_you_mean_only_at_its_highest_bar() -> None:
    assert _look("answer", "grips", OVERRULES) == Verdict("topic", "grips")
    assert _look("answer", "grips", OVERRULES - 0.005) is None
    assert _look("answer", "deadlift", 0.999) is None  # agrees
    assert _look("ask", "grips", 0.995, candidates=("form", "pull-up")) == Verdict("topic", "grips")
    assert _look("ask", "grips", 0.995, candidates=("grips", "pull-up")) is None  # already offered
    assert _look("answer", OFFTOPIC, DECLINES) == Verdict("decline")
    assert _look("answer", OFFTOPIC, DECLINES, elsewhere=True, words=2) == Verdict("decline")
    assert _look("decline", OFFTOPIC, 0.999) is None
    # More likely off-topic than anything, when it all but rules out the rules' topic or command.
    assert _look("answer", OFFTOPIC, LEANS_OFFTOPIC, given=RULES_OUT) == Verdict("decline")
    assert _look("command", OFFTOPIC, LEANS_OFFTOPIC, given=RULES_OUT) == Verdict("decline")
    assert _look("answer", OFFTOPIC, LEANS_OFFTOPIC, given=RULES_OUT + 0.01) is None
    assert _look("answer", OFFTOPIC, LEANS_OFFTOPIC - 0.01, given=0.0) is None
    assert _look("command", OFFTOPIC, DECLINES, given=0.5) is None
    for kind in ("command", "smalltalk"):
        assert _look(kind, "grips", 0.9999) is None  # a command of few words stays
    # A command gives way to another command only: "showing up at 3am" beside a city is /timezone.
    schedule = {"topic": "command:schedule"}
    assert _look("command", "command:timezone", OVERRULES, **schedule) == Verdict("command", "timezone")
    assert _look("command", "command:timezone", OVERRULES - 0.005, **schedule) is None
    assert _look("command", "command:schedule", 0.9999, **schedule) is None
    assert _look("command", OFFTOPIC, 0.9999, **schedule) is None
    # ... and to a topic only in a story, next to certain.
    assert _look("command", "motivation", 0.9999, **schedule) is None
    assert _look("command", "motivation", 0.9999, words=COMMAND_STORY_WORDS, **schedule) == Verdict(
        "topic", "motivation"
    )
    assert _look("command", "motivation", 0.9999, words=COMMAND_STORY_WORDS - 1, **schedule) is None
    assert (
        _look("command", "motivation", PAST_STRANGE - 0.0005, words=COMMAND_STORY_WORDS, **schedule) is None
    )


def test_the_answerer_takes_the_models_second_look() -> None:
    """With a model certain of /export for a question the rules decline, the answer is /export; with one
    certain a training question is off-topic, it is declined; the real model leaves both alone."""
    kb = KnowledgeBase.load()
    real = Answerer(kb)
    question = "the sessions i did with you, can i keep them somewhere of my own"
    reading = real.reader.read(question)
    assert real.answer(question).kind == "decline"
    classes = (*TOPIC_IDS, OFFTOPIC, "command:export", SMALLTALK)
    # Every class is given a little of its own, as every class of the real model has.
    others = [(c, tuple(f"{c} {n}" for n in range(30))) for c in classes]
    sure_of = [("command:export", reading.features)] * 50 + others
    answer = Answerer(kb, learned=Learned.train(sure_of, classes, min_count=1)).answer(question)
    assert (answer.kind, answer.command) == ("command", "export")

    rows = "how do i keep my lower back flat on barbell rows"
    assert real.answer(rows).topic == "bent-over-row"
    sure_off = [(OFFTOPIC, real.reader.read(rows).features)] * 50 + others
    declined = Answerer(kb, learned=Learned.train(sure_off, classes, min_count=1)).answer(rows)
    assert declined.kind == "decline" and declined.topic is None


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("going to Lisbon for 3 weeks at Christmas, dont send me reminders while I am away", "pause"),
        ("don't ping me for like 10 days, off on a trip", "pause"),
        ("no reminders until january please", "pause"),
        ("please stop messaging me every day, I'll train on my own", "stop"),
        ("stop the reminders for good", "stop"),
    ],
)
def test_stopping_the_reminders_for_a_while_is_a_pause(question: str, command: str) -> None:
    assert Answerer(KnowledgeBase.load()).answer(question).command == command


@pytest.mark.parametrize(
    ("question", "topic", "safety"),
    [
        (
            "3 straight sets is not doing it anymore, I only got 40 mins between school run and shift and I "
            "want something that packs more work in, what can I do?",
            "advanced",
            False,
        ),
        (
            "After Tuesday my back is tender right through Wednesday, and by Thursday I am never sure "
            "whether to go again or give it another day, what should I do?",
            "rest-recovery",
            True,
        ),
        (
            "haven't lifted anything heavier than a nappy bag since before I got pregnant, total blank "
            "slate, where do I even start",
            "beginner",
            True,
        ),
    ],
)
def test_a_long_story_is_answered_past_a_word_of_another_subject_or_a_sign(
    question: str, topic: str, safety: bool
) -> None:
    answer = SHIPPED.answer(question)
    assert (answer.kind, answer.topic, answer.safety) == ("answer", topic, safety)
    if "pregnant" in question:  # a special lead the rules declined with still comes first
        assert answer.text.startswith("<b>Safety first.</b> Pregnant")


@pytest.mark.parametrize(
    "said", ["You're awfy good at this for a robot", "alright I'm headed out to shoe, talk at ya later"]
)
def test_small_talk_the_rules_do_not_know_gets_a_word_back(said: str) -> None:
    assert SHIPPED.answer(said).kind == "smalltalk"


@pytest.mark.parametrize(
    "question",
    [
        "how often should i train legs",
        "is my herniated disc in my upper back serious",
        "my knee has been swollen for two weeks since I fell at football and my doctor wants a scan, "
        "should I worry about the scan results?",
    ],
)
def test_short_questions_of_another_subject_and_a_doctors_question_stay_declined(question: str) -> None:
    assert SHIPPED.answer(question).kind == "decline"


@pytest.mark.parametrize(
    "question",
    [
        "whats the difference between an ISA and a LISA",
        "Explain me please the difference between in, on and at, I always confuse them.",
    ],
)
def test_a_question_with_nothing_of_the_coach_but_its_frame_stays_declined(question: str) -> None:
    assert SHIPPED.answer(question).kind == "decline"


def test_sets_told_as_done_that_the_model_knows_for_a_log_point_to_log() -> None:
    answer = SHIPPED.answer("want to put in my rows, 3 sets of 10 at 20kg")
    assert (answer.kind, answer.command) == ("command", "log")
    # Told with a pain, the safety answer stands.
    assert SHIPPED.answer("did rows 3x10 at 20kg and my lower back hurts").safety


def test_a_special_lead_that_asked_back_may_take_the_topic_the_model_is_sure_of() -> None:
    answer = SHIPPED.answer(
        "get tingling right down to my pinky when i hang off the bar, should i keep doing the slow "
        "lowering ones or stop"
    )
    assert (answer.kind, answer.topic, answer.safety) == ("answer", "pull-up", True)
    assert answer.text.startswith("<b>Safety first.</b> Numbness, tingling")


def test_a_level_question_the_rules_answered_with_another_topic_gets_the_second_look() -> None:
    answer = SHIPPED.answer(
        "When I must to put more kilos in the row, after how many weeks or how many repetitions?"
    )
    assert answer.topic == "intermediate"
