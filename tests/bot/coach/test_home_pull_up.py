"""A home trainee asking how to get a pull-up reads the help their kit gives, never a gym's machine; and
"which band?" gets the card's honest answer: a band's strength is its brand's colour, chosen by the reps.

A strength coach's trial as a home trainee (bands, a doorway bar, a backpack): the pull-up answer offered
"the assisted pull-up machine", and "what band should I use" had no word on choosing one.
"""

from __future__ import annotations

import pytest

from bot.coach.answerer import Answerer, plain_text
from bot.coach.assist import Asker
from bot.coach.knowledge import KnowledgeBase

ANSWERER = Answerer(KnowledgeBase.load())
FIRST = "how do I get my first pull-up?"


def answered(question: str, asker: Asker | None = None) -> str:
    answer = ANSWERER.answer(question, asker)
    assert answer.kind == "answer" and answer.topic == "pull-up", (question, answer)
    return plain_text(answer.text)


def help_paragraph(text: str) -> str:
    [paragraph] = [p for p in text.split("\n\n") if p.startswith("Can't do one yet?")]
    return paragraph


@pytest.mark.parametrize(
    ("kit", "said"),
    [
        # Bar and bands: the band over the bar first, the chair and a jump besides.
        ({"bar", "bands"}, ["band over the bar", "chair", "jumping pull-ups", "Negatives from the chair"]),
        # Bar only: the chair and a jump, a band as the upgrade.
        ({"bar"}, ["the chair or a jump", "jumping pull-ups", "negatives from the chair", "cheap upgrade"]),
        # No bar: build the pull first, then start on a bar with hangs.
        ({"bands"}, ["First build the pull with the band work above", "dead hangs and scapular pulls"]),
        (set(), ["First build the pull with the towel work above", "dead hangs and scapular pulls"]),
        ({"low-bar"}, ["First make the inverted rows hard", "dead hangs and scapular pulls"]),
        ({"load"}, ["First build the pull with the rows above", "Inverted rows under a low bar or a sturdy"]),
    ],
    ids=["bar+bands", "bar", "bands", "nothing", "low-bar", "load"],
)
@pytest.mark.parametrize("level", ["beginner", "intermediate", None])
def test_a_home_trainees_first_pull_up_is_helped_by_their_kit_not_a_machine(
    kit: set[str], said: list[str], level: str | None
) -> None:
    text = answered(FIRST, Asker(level, "home", frozenset(kit)))
    assert "machine" not in text.lower(), text
    if level == "beginner" or "bar" not in kit:
        assert all(s in help_paragraph(text) for s in said), text


def test_an_intermediate_at_home_with_bands_loops_the_band_and_without_them_uses_the_chair() -> None:
    banded = help_paragraph(answered(FIRST, Asker("intermediate", "home", frozenset({"bar", "bands"}))))
    assert banded.startswith("Can't do one yet? Loop your band over the bar") and "lighter band" in banded
    bare = help_paragraph(answered(FIRST, Asker("intermediate", "home", frozenset({"bar"}))))
    assert bare.startswith("Can't do one yet? Push from a chair") and "cheap upgrade" in bare


def test_the_gym_card_still_offers_the_assisted_machine() -> None:
    assert "assisted pull-up machine" in answered(FIRST, Asker("beginner", "gym", None))


@pytest.mark.parametrize(
    "question",
    [
        "what band should I use for pull ups",
        "which resistance band colour",
        "how strong a band do I need",
        "what band should I use",
        "which band for band rows",
        "what strength resistance band do I need for pull ups",
    ],
)
@pytest.mark.parametrize(
    "asker",
    [
        None,
        Asker("beginner", "home", frozenset({"bar", "bands", "load"})),
        Asker("intermediate", "gym", None),
    ],
    ids=["unknown", "home", "gym"],
)
def test_which_band_gets_the_cards_honest_answer_and_how_to_log_it(
    question: str, asker: Asker | None
) -> None:
    text = answered(question, asker)
    [band] = [p for p in text.split("\n\n") if p.startswith("Which band?")]
    assert "sold by colour" in band and "each brand's colours differ" in band
    assert "target reps with the last two hard" in band
    assert "go stronger when you end up well short, lighter as you improve" in band
    assert band.endswith("/log band pull-up 3x6 red band.")
    if asker is not None and asker.equipment == "home":
        assert "machine" not in text.lower(), text
