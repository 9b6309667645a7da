"""A home trainee's topic cards: the gym's barbell, cable and machine technique never shows under a home
note; the note's own paragraph stands where the gym's was, so the card keeps its order, and a safety lead
still holds back its "<b>Volume:</b>" and "<b>Load:</b>" paragraphs, the home ones too.

A coach's trial: the home notes sat on top of cards that went on to say "adjust the seat and thigh pad" and
"let the barbell or dumbbells hang" to a trainee with only bands.
"""

from __future__ import annotations

import re

import pytest

from bot.coach.answerer import Answerer, plain_text
from bot.coach.assist import Asker, Assist, Note
from bot.coach.knowledge import KnowledgeBase

KB = KnowledgeBase.load()
ASSIST = Assist.load()
ANSWERER = Answerer(KB, ASSIST)
LEAD = "<b>Safety first.</b>"

KITS = [frozenset(), frozenset({"bands"}), frozenset({"bar"}), frozenset({"low-bar"}), frozenset({"load"})]
KITS += [
    frozenset({"bar", "bands"}),
    frozenset({"bands", "load"}),
    frozenset({"bar", "low-bar", "bands", "load"}),
]
HOME = [Asker(level, "home", kit) for level in ("beginner", "intermediate", "advanced") for kit in KITS]

# Words of each card's gym-only paragraphs: none may reach a home trainee who has a note for the card.
GYM_ONLY = {
    "lat-pulldown": ["seat and thigh pad", "bring the bar to your upper chest"],
    "bent-over-row": ["let the barbell or dumbbells hang", "try a wider and a closer grip"],
    "inverted-row": ["the more upright you stand"],
    "beginner": ["machines, cables and dumbbells first", "before any barbell deadlift", "40kg"],
    "grips": ["lifting straps", "mixed grip on deadlifts"],
    "exercise-rotation": ["barbell row", "pulldown → pull-up"],
    "pull-up": ["assisted pull-up machine"],
}
# The opening of each card's paragraph the home trainee gets in its place, and words of the home version.
HOME_PARAGRAPH = {
    "lat-pulldown": "Setup:",
    "bent-over-row": "How:",
    "inverted-row": "How:",
    "beginner": "How your plan works:",
    "grips": "Hands give out before your back?",
    "exercise-rotation": "Your plan runs in",
    "pull-up": "Can't do one yet?",
}


def note(topic: str, asker: Asker) -> Note | None:
    return next((n for n in ASSIST.note if n.topic == topic and n.fits(asker)), None)


def openings(text: str) -> list[str]:
    """Each paragraph's heading (its bold opening, or first words), in order: the card's structure."""
    found = []
    for paragraph in text.split("\n\n"):
        bold = re.match(r"\s*<b>(.*?)</b>", paragraph)
        found.append(bold.group(1) if bold else " ".join(paragraph.split()[:3]))
    return found


def readers(topic: str) -> list[Asker]:
    """The home askers whose note for ``topic`` stands in for some of its card (lacking a low bar, for the
    inverted row: with one, its card is their own)."""
    return [a for a in HOME if (n := note(topic, a)) is not None and n.replaces]


@pytest.mark.parametrize("asker", [HOME[0], *(a for a in HOME if "load" in a.owned())], ids=str)
def test_a_safety_lead_holds_back_the_beginner_cards_progress_at_home_and_in_the_gym(asker: Asker) -> None:
    for who in (asker, Asker(asker.level, "gym", frozenset())):
        plain = plain_text(ANSWERER.render("beginner", who))
        led = plain_text(ANSWERER.render("beginner", who, lead=LEAD))
        assert "Progress:" in plain
        # After "stop the movement that hurts", adding weight reads as "carry on".
        assert "Progress:" not in led and "Sets and loads can wait" in led


@pytest.mark.parametrize("topic", list(GYM_ONLY))
@pytest.mark.parametrize("lead", ["", LEAD])
def test_a_home_card_has_no_gym_technique_and_has_the_home_paragraph(topic: str, lead: str) -> None:
    askers = readers(topic)
    assert askers, "every home note of these cards stands in for its gym paragraphs"
    for asker in askers:
        text = plain_text(ANSWERER.render(topic, asker, lead=lead))
        shown = [w for w in GYM_ONLY[topic] if w.lower() in text.lower()]
        assert not shown, f"{asker}: {shown}\n{text}"
        opened = [p for p in text.split("\n\n") if p.startswith(HOME_PARAGRAPH[topic])]
        assert len(opened) == 1 and opened[0] not in plain_text(KB.topics[topic].answer), (asker, text)


@pytest.mark.parametrize("topic", list(GYM_ONLY))
def test_the_home_card_keeps_the_gym_cards_order(topic: str) -> None:
    card = openings(KB.topics[topic].answer)
    for asker in readers(topic):
        home = note(topic, asker)
        assert home is not None
        # Under the note's lead, the card's paragraphs in their order, each home one where the gym's was.
        assert openings(home.body(KB.topics[topic].answer))[-len(card) :] == card, asker


@pytest.mark.parametrize("asker", [a for a in HOME if "load" in a.owned()], ids=str)
def test_a_safety_lead_holds_back_the_home_rows_volume_and_its_backpack_step_up(asker: Asker) -> None:
    plain = plain_text(ANSWERER.render("bent-over-row", asker))
    led = plain_text(ANSWERER.render("bent-over-row", asker, lead=LEAD))
    assert "add a little weight to the backpack" in plain and "Volume:" in plain
    assert "add a little weight to the backpack" not in led and "Volume:" not in led
    assert "Sets and loads can wait" in led and "How: hinge forward" in led


@pytest.mark.parametrize("topic", list(GYM_ONLY))
def test_the_gym_card_is_unchanged(topic: str) -> None:
    for level in ("beginner", "intermediate", "advanced"):
        text = ANSWERER.render(topic, Asker(level, "gym", None))
        assert all(p in text.split("\n\n") for p in KB.topics[topic].answer.split("\n\n")), (level, text)


def test_a_note_paragraph_takes_the_place_of_the_one_it_replaces_and_the_rest_leads() -> None:
    card = "Intro.\n\n<b>How:</b> barbell.\n\n<b>Grip:</b> wide.\n\n<b>Volume:</b> 3x8."
    home = Note(
        topic="bent-over-row",
        text="<b>At home:</b> lead.\n\n<b>How:</b> backpack.",
        replaces=("<b>How:</b>", "<b>Grip:</b>"),
    )
    fitted = "<b>At home:</b> lead.\n\nIntro.\n\n<b>How:</b> backpack.\n\n<b>Volume:</b> 3x8."
    assert home.body(card) == fitted
    assert Note(topic="bent-over-row", text="lead.").body(card) == f"lead.\n\n{card}"


def test_a_long_lead_fails_at_start_up_and_long_paragraphs_standing_in_for_the_cards_do_not() -> None:
    long = "x" * 450
    with pytest.raises(ValueError, match="lead is at most 400"):
        Note(topic="bent-over-row", text=long)
    Note(topic="bent-over-row", text=f"lead.\n\n<b>How:</b> {long}", replaces=("<b>How:</b>",))
