"""Loads told in words while As written waits: which number is which lift's, and what is no answer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.loadanswer import Answer, Kind
from bot.coach.loadwords import Told, Unasked, Unclear, holding, placed, read_told
from bot.coach.lognames import Names

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
# A beginner's first gym session asks these, in this order.
ASKED = [("dumbbell-rdl",), ("lat-pulldown",), ("seated-cable-row",), ("rear-delt-fly",)]


def loads(text: str, asked: list[tuple[str, ...]] = ASKED) -> list[tuple[float, int | None]] | None:
    told = read_told(text, asked, NAMES)
    assert not isinstance(told, Unasked), told
    return None if told is None else [(one.answer.amount, one.lift) for one in told]


def answered(text: str) -> list[float | None]:
    told = read_told(text, ASKED, NAMES)
    assert isinstance(told, list), told
    order = placed(told, len(ASKED))
    assert order is not None
    return [None if answer is None else answer.amount for answer in order]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # Filler around one number: the number is the answer to the lift asked now.
        ("about 45 I think", [(45.0, None)]),
        ("around 45", [(45.0, None)]),
        ("roughly 45kg", [(45.0, None)]),
        ("maybe 45 kilos", [(45.0, None)]),
        ("it was 45", [(45.0, None)]),
        ("40ish", [(40.0, None)]),
        ("~ 82,5 kg", [(82.5, None)]),
        # What held the load is no lift's name: "24kg dumbbell" is a number in order.
        ("24kg dumbbell, pulldown was 35", [(24.0, None), (35.0, 1)]),
        # Named lifts, in any order, by the names /log reads ("rows", "the pulldown").
        ("40 on the rows and 55 on the pulldown", [(40.0, 2), (55.0, 1)]),
        ("pulldown 55, row 40", [(55.0, 1), (40.0, 2)]),
        ("rows were 40", [(40.0, 2)]),
        ("the row was 40kg", [(40.0, 2)]),
        ("rdl 20 then fly 8 kg each", [(20.0, 0), (8.0, 3)]),
        ("45 on the cable row and 50 on the lat pulldown", [(45.0, 2), (50.0, 1)]),
    ],
)
def test_loads_told_in_words(typed: str, read: list[tuple[float, int | None]]) -> None:
    assert loads(typed) == read


@pytest.mark.parametrize(
    ("typed", "order"),
    [
        ("24kg dumbbell, pulldown was 35", [24.0, 35.0, None, None]),
        ("40 on the rows and 55 on the pulldown", [None, 55.0, 40.0, None]),
        # Named ones take their lifts first; the unnamed fill the rest in the order asked.
        ("row 40, 16, 7.5", [16.0, 7.5, 40.0, None]),
        ("fly 6, 16", [16.0, None, None, 6.0]),
    ],
)
def test_named_loads_go_to_their_lift_and_the_rest_in_order(typed: str, order: list[float | None]) -> None:
    assert answered(typed) == order


def test_unit_and_each_are_kept() -> None:
    told = read_told("the fly was 8 kg each, pulldown 90 lbs", ASKED, NAMES)
    assert told == [
        Told(Answer(Kind.LOAD, 8.0, "kg", "8", each=True), 3),
        Told(Answer(Kind.LOAD, 90.0, "lb", "90"), 1),
    ]


def test_dumbbells_called_by_their_weight_are_each_hands_load_on_the_lift_named() -> None:
    # "the 12.5's on the fly": the "s" is the pair's, not a word of the lift's name ("s fly" named none).
    told = read_told("the 12.5's on the fly and 40 on the pulldown", ASKED, NAMES)
    assert told == [
        Told(Answer(Kind.LOAD, 12.5, None, "12.5", each=True), 3),
        Told(Answer(Kind.LOAD, 40.0, None, "40"), 1),
    ]
    assert loads("a pair of 16s, pulldown 40") == [(16.0, None), (40.0, 1)]


def test_a_skip_among_them_skips_the_next_lift_in_order() -> None:
    told = read_told("pulldown 55, skip", ASKED, NAMES)
    assert isinstance(told, list)
    order = placed(told, len(ASKED))
    assert order is not None and [a.kind if a else None for a in order] == [Kind.SKIP, Kind.LOAD, None, None]


def test_a_lift_that_is_not_asked_is_named_back() -> None:
    # The pec deck is an exercise, but not the rear-delt fly asked: its 35 is no one's load.
    assert read_told("24kg dumbbell, pec deck was 35", ASKED, NAMES) == Unasked("pec deck")
    assert read_told("40 for the deadlift", ASKED, NAMES) == Unasked("deadlift")
    # Asked, the pec deck is named, and the dumbbell's load goes first in order.
    asked = [("dumbbell-rdl",), ("reverse-pec-deck",)]
    assert loads("24kg dumbbell, pec deck was 35", asked) == [(24.0, None), (35.0, 1)]


@pytest.mark.parametrize(
    "typed",
    [
        "hello",
        "my back hurts",
        "how heavy should a row be?",
        "3x8 100kg",  # sets: offered as a /log
        "did 3 sets of 8 at 40",
        "40 for 10",  # two numbers in a part: a load and reps?
        "-5",
        "60 stone",
        "1000000000000",
        "skip",  # no load at all: "skip" alone is read as the plain answer
        "I did the pec deck",
        "bench press 60",  # a lift the coach does not know: not guessed
    ],
)
def test_what_is_no_answer(typed: str) -> None:
    assert not isinstance(read_told(typed, ASKED, NAMES), list)


def test_a_lift_answered_twice_or_too_many_loads_place_nothing() -> None:
    twice = read_told("row 40, rows 45", ASKED, NAMES)
    assert isinstance(twice, list) and placed(twice, len(ASKED)) is None
    many = read_told("16, 40, 45, 6, 7", ASKED, NAMES)
    assert isinstance(many, list) and placed(many, len(ASKED)) is None


FILLER = st.sampled_from(["", "about ", "around ", "maybe ", "roughly ", "i think it was "])
UNITS = st.sampled_from(["", "kg", " kg", " kilos", "lb", " lbs", " pounds"])
LIFTS = st.sampled_from([("rdl", 0), ("pulldown", 1), ("the rows", 2), ("rear delt fly", 3), ("", None)])


@given(
    st.lists(
        st.tuples(st.integers(10, 5000).map(lambda n: n / 10), FILLER, UNITS, LIFTS),
        min_size=1,
        max_size=4,
    )
)
def test_every_load_told_is_read_with_its_lift(parts: list) -> None:  # type: ignore[type-arg]
    """However the parts are worded, each number is read once, as typed, on the lift its part names."""
    text = ", ".join(
        f"{filler}{amount:g}{unit} on {lift}" if lift else f"{filler}{amount:g}{unit}"
        for amount, filler, unit, (lift, _) in parts
    )
    told = read_told(text, ASKED, NAMES)
    assert isinstance(told, list), text
    assert [(one.answer.amount, one.lift) for one in told] == [
        (amount, at) for amount, _, _, (_, at) in parts
    ], text
    named = [at for *_, (_, at) in parts if at is not None]
    order = placed(told, len(ASKED))
    assert (order is None) == (len(set(named)) < len(named)), text


# An intermediate's first gym session, its deadlift answered: two pulldowns among the lifts still asked.
PULLDOWNS = [("lat-pulldown",), ("seated-cable-row",), ("rear-delt-fly",), ("straight-arm-pulldown",)]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # The plain pulldown is the lat pulldown, the one whose name it fits with no word besides but "lat".
        ("40 on the rows and 55 on the pulldown", [(40.0, 1), (55.0, 0)]),
        ("55 on the pulldown", [(55.0, 0)]),
        # "Straight arm" fits only the straight-arm pulldown; "arm" is a name's word here, not "each arm".
        ("straight arm 20", [(20.0, 3)]),
        ("20 on the straight arm pulldown", [(20.0, 3)]),
        ("arm pulldown 20", [(20.0, 3)]),
    ],
)
def test_a_name_fitting_several_lifts_asked_is_the_one_it_fits_best(
    typed: str, read: list[tuple[float, int | None]]
) -> None:
    assert loads(typed, PULLDOWNS) == read


def test_a_name_fitting_several_lifts_alike_is_unclear() -> None:
    # The band pulldown and the towel pulldown are each a word besides "pulldown": neither fits it best.
    told = read_told("pulldown 30", [("band-pulldown",), ("towel-pulldown",)], NAMES)
    assert told == Unclear("pulldown", (0, 1)), told


def test_what_held_the_load_is_no_lift_named() -> None:
    home = [("backpack-rdl",), ("backpack-row",), ("backpack-rear-delt-fly",)]
    assert loads("the backpack was 10kg", home) == [(10.0, None)]
    assert loads("10 kg in the backpack", home) == [(10.0, None)]


@pytest.mark.parametrize("typed", ["8 kg for both", "8 for both", "both 8", "both were 8kg", "8 on both"])
def test_one_load_for_both_of_two_lifts_asked_is_each_ones(typed: str) -> None:
    assert loads(typed, ASKED[:2]) == [(8.0, 0), (8.0, 1)]
    # With one asked, "both" is both hands; with four, which two is not said.
    assert loads(typed, ASKED[:1]) == [(8.0, None)]
    assert read_told(typed, ASKED, NAMES) is None


@pytest.mark.parametrize("typed", ["8 for all", "all 8", "8 kg for all of them", "all at 8"])
def test_one_load_for_all_lifts_asked(typed: str) -> None:
    assert loads(typed) == [(8.0, at) for at in range(len(ASKED))]


def test_both_hands_is_no_two_lifts() -> None:
    assert loads("8 kg in both hands", ASKED[:2]) == [(8.0, None)]
    assert loads("8 kg all in all", ASKED[:2]) == [(8.0, None)]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("same", [(None, None)]),
        ("same as last time on the row", [(None, 2)]),
        ("same for both", [(None, 0), (None, 1), (None, 2), (None, 3)][:0] or None),
        ("same on the row, 55 on the pulldown", [(None, 2), (55.0, 1)]),
    ],
)
def test_same_is_last_times_load(typed: str, read: list[tuple[float | None, int | None]] | None) -> None:
    told = read_told(typed, ASKED, NAMES)
    got = (
        None
        if not isinstance(told, list)
        else [(None if one.answer.kind == Kind.SAME else one.answer.amount, one.lift) for one in told]
    )
    assert got == read
    if typed == "same for both":
        pair = read_told(typed, ASKED[:2], NAMES)
        assert isinstance(pair, list) and [(one.answer.kind, one.lift) for one in pair] == [
            (Kind.SAME, 0),
            (Kind.SAME, 1),
        ]


def test_an_unsure_answer_told_without_its_question_mark_is_the_load() -> None:
    # A trial's "just the empty bar I think, 20 kilos?" and "just the 2 kilo ones", read once unmarked.
    assert loads("just the empty bar I think, 20 kilos") == [(20.0, None)]
    assert loads("just the 2 kilo ones") == [(2.0, None)]
    assert loads("was it 12.5") == [(12.5, None)]
    assert loads("my right shoulder clicks a bit on that one") is None


def test_a_short_name_is_held_in_the_names_of_the_lifts_it_can_mean() -> None:
    lifts = [["dumbbell-rdl"], ["lat-pulldown"], ["seated-cable-row"], ["one-arm-dumbbell-row"]]
    # "deadlift" alone names the barbell deadlift, but the dumbbell RDL's name holds it too.
    assert holding("deadlift", lifts, NAMES) == (0,)
    assert holding("the row", lifts, NAMES) == ()
    assert holding("row", lifts, NAMES) == (2, 3)
    assert holding("dumbbell row", lifts, NAMES) == (3,)
    assert holding("", lifts, NAMES) == ()


def test_a_name_with_its_kit_is_not_another_lift_asked() -> None:
    # A trial's "the cable row was 67.5" was logged on the chest-supported dumbbell row ("cable" filler).
    asked = [("chest-supported-row",)]
    assert read_told("the cable row was 67.5", asked, NAMES) == Unasked("cable row")
    assert read_told("32 on the one arm row", [("seated-cable-row",)], NAMES) == Unasked("one arm row")
    told = read_told("the dumbbell row was 32.5", asked, NAMES)
    assert isinstance(told, list) and [(t.answer.amount, t.lift) for t in told] == [(32.5, 0)]


def test_loosely_a_short_name_is_the_one_lift_whose_name_holds_it() -> None:
    asked = [("dumbbell-rdl",), ("inverted-row",)]
    assert read_told("the deadlift was 5 kg", asked, NAMES) == Unasked("deadlift")
    for said in ("the deadlifts were 4 kg", "I used the 5 kg ones on the deadlift", "the deadlift was 5 kg"):
        told = read_told(said, asked, NAMES, loose=True)
        assert isinstance(told, list) and [t.lift for t in told] == [0], said
