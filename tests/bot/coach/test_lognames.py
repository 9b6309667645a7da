"""Which exercises a typed name could plausibly mean (``related``), and how names are keyed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.lognames import ELSEWHERE, Names, index, name_key, related

CATALOG = Catalog.load()
KEYS = index(tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values()))
NAMED = sorted((ex, name) for ex, names in KEYS.items() for name in names)


@given(st.sampled_from(NAMED))
def test_every_name_is_related_to_its_own_exercise(named: tuple[str, str]) -> None:
    exercise, name = named
    assert related(name, KEYS[exercise])


@given(st.sampled_from(NAMED), st.data())
def test_one_letter_left_out_of_a_name_keeps_it_related(named: tuple[str, str], data: st.DataObject) -> None:
    exercise, name = named
    at = data.draw(st.integers(0, len(name) - 1))
    if name[at] == " " or len(name.split()[name[:at].count(" ")]) < 4:
        return  # a space is no letter, and a short word with a letter gone is another word
    slipped = name[:at] + name[at + 1 :]
    if set(slipped.split()) & ELSEWHERE:
        return  # "floor slide" less its l is "floor side": a part of the body this coach does not train
    assert related(slipped, KEYS[exercise]), (name, at)


def test_a_part_of_the_body_the_exercise_does_not_name_rules_it_out() -> None:
    assert not related(name_key("chest fly"), KEYS["rear-delt-fly"])
    assert not related(name_key("calf raises"), KEYS["prone-ytw-raise"])
    # Named by the exercise itself, it is no other part: the chest-supported row.
    assert related(name_key("chest suported row"), KEYS["chest-supported-row"])


def test_what_a_movement_is_done_with_is_not_the_movement() -> None:
    assert not related(name_key("dumbbell curl"), KEYS["one-arm-dumbbell-row"])
    assert not related(name_key("cable crossover"), KEYS["seated-cable-row"])
    assert related(name_key("wide grip cable pulldown"), KEYS["lat-pulldown"])
    # Nor is a word two letters short of another the same word: pull-ups are no face pulls.
    assert not related(name_key("pullups"), KEYS["face-pull"])


def test_plurals_are_singular_flies_too() -> None:
    assert name_key("Rear-Delt Flies") == name_key("rear delt fly") == "rear delt fly"
    assert name_key("pull-ups") == "pull up" and name_key("press") == "press"
