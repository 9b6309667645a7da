"""A question about what the plan leaves out for a pain told, told from questions about training that use the
same words, and which of a chat's cautions it asks after. Tested directly."""

from __future__ import annotations

import pytest

from bot.coach import rules
from bot.coach.cautionasked import Asked, about, read
from bot.coach.cautions import PATTERN_WORDS
from bot.coach.lognames import Names
from bot.coach.texts import Texts

CATALOG = rules.shipped()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())

# A newcomer trial's questions, declined or answered with a card, and more ways of asking the same.
ASKS = [
    "is my shoulder still on the no list?",
    "what are you leaving out for me at the moment?",
    "which exercises did you take out because of my back?",
    "are face pulls still off?",
    "can I do pull-ups again or are they still blocked?",
    "what's on my injury list?",
    "what exercises are you skipping because of my pain?",
    "is the RDL still left out?",
    "what have you removed from my workouts?",
    "which moves are off my plan right now?",
    "are pull-ups still excluded?",
    "is anything left out of my workouts?",
    "am I still off face pulls?",
    "are you still keeping rows out?",
    "do I still have any cautions?",
    "what are my cautions",
    "is the deadlift back in yet?",
    "are face pulls back in my plan yet?",
    "what are you holding back for my shoulder?",
    "which lifts are you avoiding for my back?",
    "still leaving out the RDL?",
    "is my back still flagged?",
    "what's still blocked for me",
    "whats on the no go list for me",
    "what did you take out of my workouts because of my elbow pain?",
    "is anything on hold for my shoulder?",
    "what's out of my plan right now?",
    "which exercises are still off for me?",
    "why did you take face pulls out?",
    "list what you're leaving out for me",
    "what exercises are currently excluded from my plan?",
    "are my face pulls still off the plan?",
    "is the prone cobra still off?",
    "thanks for the workout. what are you leaving out for me these days?",
]

# Questions about training, advice asked, requests and stories that use the same words.
ASKS_NOT = [
    "are face pulls good for shoulders?",
    "can I do pull-ups every day?",
    "what should I leave out if I'm short on time?",
    "why no rows today?",  # the ⚠️ line's own question (``cautions.asks_why_left_out``)
    "should I take a week off?",
    "what should I do instead of face pulls?",
    "is it ok to leave out the deadlift?",
    "can I skip the rows today?",
    "what exercises are in my plan?",
    "is my shoulder fine now to do face pulls?",
    "can I still do pull-ups with a sore elbow?",
    "which exercises should I avoid with a bad back?",
    "is my form off?",
    "my shoulder feels off, should I skip face pulls?",
    "how much time off should I take between sessions?",
    "do I need to leave out deadlifts with a bad back?",
    "can you take out the last set I logged?",
    "please delete the barbell one",
    "is there a drop set in my workout today?",
    "why have my loads dropped?",
    "are pull-ups banned for beginners?",  # about nobody in particular
    "do you have a list of exercises?",
    "tell me what to leave out of my warm up",
    "do I skip rows when my back hurts?",
    "is my back in good shape for deadlifts?",
    "when will my strength come back?",
    "how do I take off the band safely?",
    "it's fine now",
    "my lower back hurts when I do rows",
    "can I do face pulls again?",
    "what happens if I skip a week?",
    "should I drop the weight on rows?",
    "I left out the face pulls yesterday, is that ok?",
    "are rows still worth doing if my back hurts?",
    "what do I do if my shoulder is still off?",
    "are rows off the table for me with a herniated disc?",
    "I finished today's session, how do I tick it off?",
    "my wifi keeps dropping out, how do I fix it?",
    "how do I put the reminders on hold while I'm away?",
    "is my eating holding back my gains?",
    "what am I missing by skipping back day?",
    "everyone at my gym skips it, whats the big deal about upper back?",
    "How many sessions in a row have I knocked out so far?",
    "When I pull the bar off the floor it feels like my upper back just switches off.",
    "can I train for back in my house?",
    "how do I get my head back in the game?",
    "is my row technique off?",
]


@pytest.mark.parametrize("text", ASKS)
def test_a_question_about_what_is_left_out_is_read(text: str) -> None:
    assert read(text, NAMES) is not None


@pytest.mark.parametrize("text", ASKS_NOT)
def test_a_question_about_training_is_not_read_as_one_about_what_is_left_out(text: str) -> None:
    assert read(text, NAMES) is None


@pytest.mark.parametrize(
    ("text", "named", "kind", "part"),
    [
        ("are face pulls still off?", ("face-pull", "band-face-pull"), None, None),
        ("is the RDL still left out?", (), "hinge", None),
        ("are you still keeping rows out?", (), "horizontal-pull", None),
        ("is my shoulder still on the no list?", (), None, "shoulder"),
        ("which exercises did you take out because of my back?", (), None, "back"),
        ("what's out for my lower back right now?", (), None, "lower back"),
        ("what are you leaving out for me at the moment?", (), None, None),
    ],
)
def test_what_a_question_names(text: str, named: tuple[str, ...], kind: str | None, part: str | None) -> None:
    asked = read(text, NAMES)
    assert asked is not None
    assert (asked.named, asked.kind, asked.part) == (named, kind, part)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # Words of pain that point back at the pain told are no new pain…
        ("what's on my injury list?", "whats on my list"),
        ("what exercises are you skipping because of my pain?", "what exercises are you skipping"),
        ("is my back still flagged for my lower back pain?", "is my back still flagged"),
        # …a pain told now, or in a sentence of its own, is.
        (
            "which exercises are off because my elbow hurts on rows?",
            "which exercises are off because my elbow hurts on rows",
        ),
        (
            "what are you leaving out? my elbow is killing me on rows",
            "what are you leaving out my elbow is killing me on rows",
        ),
    ],
)
def test_the_rest_keeps_a_new_pain_and_drops_the_words_pointing_back(text: str, rest: str) -> None:
    asked = read(text, NAMES)
    assert asked is not None and asked.rest == rest


# Cautions as the handler passes them: each exercise told of, to the body part told.
CAUTIONS: dict[str, str | None] = {
    "lat-pulldown": "shoulder",
    "backpack-rdl": "lower back",
    "face-pull": None,
}


@pytest.mark.parametrize(
    ("asked", "cautions"),
    [
        # A shoulder told of on the pulldown keeps every pull from overhead out: the pull-ups too.
        (Asked(named=("pull-up",)), ("lat-pulldown",)),
        # A hinge keeps out the moves done bent over: "rows" asks after it.
        (Asked(kind="horizontal-pull"), ("backpack-rdl",)),
        (Asked(named=("band-face-pull",)), ("face-pull",)),
        (Asked(named=("band-row",)), ()),
        (Asked(part="shoulder"), ("lat-pulldown",)),
        (Asked(part="back"), ("backpack-rdl",)),
        (Asked(part="lower back"), ("backpack-rdl",)),
        (Asked(part="elbow"), ()),
        (Asked(), None),
    ],
)
def test_which_cautions_a_question_asks_after(asked: Asked, cautions: tuple[str, ...] | None) -> None:
    assert about(asked, CAUTIONS, CATALOG) == cautions


def test_an_elbow_told_of_on_the_pulldown_keeps_only_its_versions_out() -> None:
    assert about(Asked(named=("pull-up",)), {"lat-pulldown": "elbow"}, CATALOG) == ()
    assert about(Asked(named=("band-pulldown",)), {"lat-pulldown": "elbow"}, CATALOG) == ("lat-pulldown",)


def test_every_kind_of_move_a_question_names_has_its_words_for_the_reply() -> None:
    # "No rows are left out": the handler says a kind asked after by its [caution.kinds] words.
    texts = Texts.load()
    assert all(f"caution.kinds.{kind}" in texts for kind in PATTERN_WORDS)
