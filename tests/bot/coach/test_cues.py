"""A cue fits the kit of every chat its move is planned for, and a chat that owns a kit item the cue leaves
out reads the cue for it.

A newcomer trial: a trainee who said she has no pull-up bar read, under her kneeling band pulldown, "looped
round a pull-up bar". The band pulldown's cue now anchors the band on a door anchor, a beam or a branch, and
only a chat with a bar reads the cue that loops it round the bar.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from bot.coach import rules
from bot.coach.answerer import Answerer, plain_text
from bot.coach.assist import Asker
from bot.coach.catalog import Catalog
from bot.coach.content import CONTENT_DIR, ContentError
from bot.coach.cues import KIT_CUE
from bot.coach.knowledge import KnowledgeBase
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, plan_session
from bot.coach.workouts import render_session

CATALOG = Catalog.load()
ANSWERER = Answerer(KnowledgeBase.load())
HOME = tuple(CATALOG.kit.home)
PULLDOWN = CATALOG.exercises["band-pulldown"]
BAR = "pull-up bar"


def every_home_kit() -> list[frozenset[str]]:
    return [frozenset(kit) for size in range(len(HOME) + 1) for kit in itertools.combinations(HOME, size)]


def test_no_cue_names_a_home_kit_item_its_move_does_not_need() -> None:
    for exercise in CATALOG.exercises.values():
        owned = exercise.needs | exercise.needs_one_of
        for kit in every_home_kit():
            if not exercise.fits_kit(kit):
                continue
            cue = exercise.cue_for(kit)
            named = {item for item, words in KIT_CUE.items() if words.search(cue)}
            assert named <= owned | kit, (exercise.id, sorted(kit), cue)


def test_the_band_pulldown_names_the_bar_only_to_a_chat_that_has_one() -> None:
    assert BAR not in PULLDOWN.cue_for(frozenset({"bands"}))
    assert "door anchor" in PULLDOWN.cue_for(frozenset({"bands"}))
    assert "round your pull-up bar" in PULLDOWN.cue_for(frozenset({"bands", "bar"}))


@pytest.mark.parametrize(
    ("kit", "bar_said"), [(frozenset({"bands"}), False), (frozenset({"bands", "dumbbells"}), False)]
)
def test_every_card_with_the_band_pulldown_fits_the_kit(kit: frozenset[str], bar_said: bool) -> None:
    for level in Level:
        profile = Profile(level, Equipment.HOME, kit, per_week=3)
        cards = [render_session(plan_session(CATALOG, profile, number)) for number in range(1, 13)]
        with_it = [card for card in cards if PULLDOWN.name in card]
        assert with_it, (level, sorted(kit))
        assert all((BAR in card) is bar_said for card in with_it), (level, sorted(kit))


def test_a_card_with_a_bar_and_the_band_pulldown_loops_the_band_round_it() -> None:
    kit = frozenset({"bands", "bar"})
    cards = [
        render_session(plan_session(CATALOG, Profile(level, Equipment.HOME, kit, per_week=3), number))
        for level in Level
        for number in range(1, 13)
    ]
    shown = [card for card in cards if PULLDOWN.name in card]
    assert shown and all("looped round your pull-up bar" in card for card in shown)


def test_asked_what_it_is_the_answer_gives_the_cue_for_the_askers_kit() -> None:
    without = ANSWERER.answer(
        "what's a kneeling band pulldown?", Asker("beginner", "home", frozenset({"bands"}))
    )
    assert without.exercise == "band-pulldown" and BAR not in plain_text(without.text), without.text
    owner = Asker("beginner", "home", frozenset({"bands", "bar"}))
    assert "round your pull-up bar" in plain_text(
        ANSWERER.answer("what's a kneeling band pulldown?", owner).text
    )
    # Asked with no kit known (backcoach ask): the cue every kit fits.
    assert BAR not in plain_text(ANSWERER.answer("what's a kneeling band pulldown?").text)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # The trial's cue: a bar named to every chat with bands.
        (
            "looped round a beam or a sturdy branch. Kneel",
            "looped round a pull-up bar, a beam or a sturdy branch. Kneel",
            r"'band-pulldown'\.cue names bar, which it does not need: say it under cue_with\.bar",
        ),
        # A kit cue for a kit item the move needs anyway: the cue itself can name it.
        (
            'cue_with.bar = "Anchor',
            'cue_with.bands = "Anchor',
            r"'band-pulldown'\.cue_with\.bands: it needs bands",
        ),
        # A kit cue naming another item no chat of that kit is sure to have.
        (
            "looped round your pull-up bar, or over",
            "looped round your pull-up bar or your rings, or over",
            r"'band-pulldown'\.cue_with\.bar names low-bar",
        ),
        # A kit cue is held to the catalog's facts as the cue is.
        (
            'cue_with.bar = "Anchor the band high',
            'cue_with.bar = "Hinge forward and anchor the band high',
            r"'band-pulldown'\.bent_over: false, but its cue_with\.bar says it is done bent over",
        ),
        ('cue_with.bar = "Anchor', 'cue_with.trampoline = "Anchor', r"trampoline is not in \[kit\]"),
    ],
)
def test_the_start_up_check_holds_each_cue_to_the_kit(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    path = tmp_path / "content" / "exercises.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        rules.load_checked(tmp_path / "content")
