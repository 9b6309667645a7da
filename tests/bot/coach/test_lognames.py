"""Which exercises a typed name could plausibly mean (``related``), and how names are keyed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.lognames import ELSEWHERE, Names, exercise_named, index, name_key, related

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


def test_notebook_shorthand_is_written_out() -> None:
    # A newcomer trial: "/log db row 40kg 4x10" offered the seated cable row first; "dl" was unknown.
    assert name_key("db row") == name_key("Dumbbell row") == "dumbbell row"
    assert name_key("DLs") == "deadlift" and name_key("bb row") == "barbell row"
    names = tuple(Names(ex.id, (ex.name, ex.short)) for ex in CATALOG.exercises.values())
    assert KEYS["one-arm-dumbbell-row"] >= {name_key("db row")}
    assert exercise_named("did db rows 4x10 today", names) == "dumbbell row"


def test_a_name_that_fits_several_is_kept_whole_not_cut_to_another() -> None:
    # A newcomer trial: "assisted pull ups 2x10 with 40kg assistance" was offered as "pull up 2x10 40kg",
    # the weighted pull-up. "assisted pull up" names two exercises; /log places it or asks which.
    names = tuple(Names(ex.id, (ex.name, ex.short)) for ex in CATALOG.exercises.values())
    assert exercise_named("assisted pull ups 2x10 with 40kg assistance", names) == "assisted pull up"
    assert exercise_named("assisted pull ups 3x8", names, prefer={"chair-assisted-pull-up"}) == (
        "chair assisted pull up"
    )
