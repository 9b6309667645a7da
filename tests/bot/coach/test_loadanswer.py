"""What a message typed in answer to a load question says, and what a chat waiting for one keeps."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach import loadanswer
from bot.coach.catalog import Catalog
from bot.coach.loadanswer import Answer, Awaited, Kind
from bot.coach.model import SetDone
from bot.coach.panelshift import Shift
from bot.coach.progression import Reason
from bot.coach.sessionlog import Target


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("100", (100.0, None)),
        ("100 kg", (100.0, "kg")),
        ("82,5kg", (82.5, "kg")),
        ("225 lbs", (225.0, "lb")),
        (" 60 Kilos. ", (60.0, "kg")),
        # Digits of any script, full-width ones too: a number typed on another keyboard is still one.
        ("１００", (100.0, None)),
        ("٦٠ kg", (60.0, "kg")),
        ("१६", (16.0, None)),
        ("１６ｋｇ", (16.0, "kg")),
        # Numbers in words, and "about" a number: "twelve" dropped the question.
        ("twelve", (12.0, None)),
        ("Twelve kilos", (12.0, "kg")),
        ("twenty five kg", (25.0, "kg")),
        ("forty-two lbs.", (42.0, "lb")),
        ("about 60 kg", (60.0, "kg")),
        ("8 kg each", (8.0, "kg")),
        ("100x5", None),
        ("what load?", None),
        ("3x6 100kg", None),
        ("", None),
    ],
)
def test_a_load_typed_in_answer_is_a_number_and_maybe_its_unit(
    typed: str, read: tuple[float, str | None] | None
) -> None:
    assert loadanswer.typed_load(typed) == read


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("skip", Kind.SKIP),
        ("Skip it.", Kind.SKIP),
        ("next", Kind.SKIP),
        # Plainly a failed try at the answer: told what it takes, the question still open.
        ("🤷", Kind.NOT_A_LOAD),
        ("💪💪", Kind.NOT_A_LOAD),
        ("abc", Kind.NOT_A_LOAD),
        ("idk", Kind.NOT_A_LOAD),
        ("don’t know", Kind.NOT_A_LOAD),
        ("?", Kind.NOT_A_LOAD),
        ("-5", Kind.NOT_A_LOAD),
        ("1000000000000", Kind.NOT_A_LOAD),
        ("60 stone", Kind.NOT_A_LOAD),
        ("twelve and a half kilos", Kind.NOT_A_LOAD),
        ("a dozen kg", Kind.NOT_A_LOAD),
        ("twenty twelve", Kind.NOT_A_LOAD),
        ("0", Kind.LOAD),
        ("99999", Kind.LOAD),
        # Anything else is read as usual: a question, a greeting, sets (offered as a /log).
        ("hello", None),
        ("how heavy should a face pull be?", None),
        ("3x6 100kg", None),
        ("did 3 sets of 8 at 40", None),
        ("three sets of eight", None),
        ("twelve?", None),
    ],
)
def test_what_an_answer_says(typed: str, kind: Kind | None) -> None:
    answer = loadanswer.read_answer(typed)
    assert (answer.kind if answer is not None else None) == kind


def test_a_load_out_of_range_is_said_back_as_typed() -> None:
    assert loadanswer.read_answer("٩٩٩٩٩ kg") == Answer(Kind.LOAD, 99999.0, "kg", "99999")
    assert loadanswer.read_answer("two hundred") == Answer(Kind.LOAD, 200.0, None, "200")


@pytest.mark.parametrize(
    ("typed", "each"),
    [("8 kg each", True), ("8 each hand", True), ("eight per dumbbell", True), ("8 kg", False)],
)
def test_a_load_said_to_be_each_hands_is_marked(typed: str, each: bool) -> None:
    answer = loadanswer.read_answer(typed)
    assert answer is not None and (answer.kind, answer.amount, answer.each) == (Kind.LOAD, 8.0, each)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # Dumbbells called by their weight, as a lifter names a pair on the rack: a newcomer's "the 15s" was
        # told it was no number.
        ("the 15s", (15.0, None)),
        ("the 15's", (15.0, None)),
        ("The 15’s.", (15.0, None)),
        ("with the 15s", (15.0, None)),
        ("15s", (15.0, None)),
        ("a pair of 12.5s", (12.5, None)),
        ("about the 15s", (15.0, None)),
        ("the 15 kg dumbbells", (15.0, "kg")),
        ("the 35 lb ones", (35.0, "lb")),
    ],
)
def test_dumbbells_called_by_their_weight_are_each_hands_load(
    typed: str, read: tuple[float, str | None]
) -> None:
    answer = loadanswer.read_answer(typed)
    assert answer is not None and (answer.kind, answer.amount, answer.unit, answer.each) == (
        Kind.LOAD,
        *read,
        True,
    )


@pytest.mark.parametrize("typed", ["15 kgs", "15kgs", "15 lbs", "15"])
def test_a_unit_with_an_s_is_no_pair(typed: str) -> None:
    answer = loadanswer.read_answer(typed)
    assert answer is not None and answer.kind is Kind.LOAD and not answer.each


def test_each_hands_load_is_a_dumbbells_or_a_backpack_lifts_said_so_never_a_barbells() -> None:
    catalog = Catalog.load().exercises
    each, alone = Answer(Kind.LOAD, 8.0, each=True), Answer(Kind.LOAD, 8.0)
    assert loadanswer.held_each(catalog["dumbbell-rdl"], alone) is True  # a pair: always each hand's
    assert loadanswer.held_each(catalog["backpack-row"], alone) is False  # the backpack's
    assert loadanswer.held_each(catalog["backpack-row"], each) is True  # two dumbbells
    assert loadanswer.held_each(catalog["deadlift"], alone) is False
    assert loadanswer.held_each(catalog["deadlift"], each) is None  # each side of the bar? no answer


@given(
    st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    st.lists(st.integers(-9, 9), max_size=6),
    st.integers(0, 20),
)
def test_the_load_awaited_keeps_its_day_place_and_reps_in_sixteen_characters(
    day: date, reps: list[int], start: int
) -> None:
    shifts = [Shift(reps=r) for r in reps]
    value = loadanswer.awaiting_load(day, shifts, start)
    assert len(value) <= 16
    assert loadanswer.awaited_load(value, len(shifts)) == Awaited(day, shifts, start)
    # Another number of lifts (the plan changed since): the day and place, and the reps as planned.
    assert loadanswer.awaited_load(value, len(shifts) + 1) == Awaited(
        day, [Shift()] * (len(shifts) + 1), start
    )
    assert loadanswer.awaited_load("timezone", 0) is None and loadanswer.awaited_load(None, 0) is None


def test_a_value_kept_before_skips_existed_still_reads() -> None:
    assert loadanswer.awaited_load("L20261124jkj", 3) == Awaited(
        date(2026, 11, 24), [Shift(), Shift(reps=1), Shift()], 0
    )


def _home_target(reason: Reason, *, main: bool) -> Target:
    from bot.coach.progression import Plan, Prescription

    prescription = Prescription("backpack-row", 2, 10, 10.0, reason)
    last = (SetDone(12, 10.0), SetDone(12, 10.0))
    return Target("backpack-row", prescription, Plan(2, (10, 12)), main, "backpack-row", last, True, "", True)


@pytest.mark.parametrize("main", [True, False])
def test_a_home_load_told_to_go_heavier_is_asked_not_logged_at_the_old_load(main: bool) -> None:
    heavier = _home_target(Reason.ADD_LOAD, main=main)
    assert heavier.unstated_load
    assert loadanswer.asks_load(heavier, Shift(), {"backpack-row"})
    assert loadanswer.held_load(heavier) is None
    held = _home_target(Reason.ADD_REP, main=main)
    assert not held.unstated_load
    assert not loadanswer.asks_load(held, Shift(), {"backpack-row"})


def test_a_heavier_home_load_set_on_the_panel_is_not_asked() -> None:
    heavier = _home_target(Reason.ADD_LOAD, main=True)
    assert not loadanswer.asks_load(heavier, Shift(steps=1), {"backpack-row"})


def _accessory(reason: Reason, load: float | None, *, dumbbells: bool, last: float | None = 8.0) -> Target:
    from bot.coach.progression import Plan, Prescription

    exercise = "rear-delt-fly" if dumbbells else "face-pull"
    prescription = Prescription(exercise, 3, 10, load, reason)
    sets = (SetDone(12, last),) * 3 if last is not None else ()
    plan = Plan(3, (10, 12))
    return Target(exercise, prescription, plan, False, exercise, sets, True, "", dumbbells=dumbbells)


def test_as_written_logs_an_accessory_at_the_load_workout_showed_and_asks_the_next_dumbbell_up() -> None:
    # A cable's next plate is a number /workout shows: As written logs it (it used to ask, after showing
    # nothing at all, and log the bottom of the range: read as going backwards).
    cable = _accessory(Reason.ADD_LOAD, 22.5, dumbbells=False, last=20.0)
    assert cable.shows_line and loadanswer.held_load(cable) == 22.5
    assert not loadanswer.asks_load(cable, Shift(), {"face-pull"})
    # The next dumbbell up is the rack's size: /workout names none, so As written asks it.
    fly = _accessory(Reason.ADD_LOAD, 8.0, dumbbells=True)
    assert fly.shows_line and fly.unstated_load and loadanswer.held_load(fly) is None
    assert loadanswer.asks_load(fly, Shift(), {"rear-delt-fly"})
    held = _accessory(Reason.ADD_REP, 8.0, dumbbells=True)
    assert not held.unstated_load and loadanswer.held_load(held) == 8.0
    # Never logged: no line (a first time says nothing new) and its load is asked.
    first = _accessory(Reason.START, None, dumbbells=True, last=None)
    assert not first.shows_line and loadanswer.asks_load(first, Shift(), {"rear-delt-fly"})


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("16, 40, 45, 6", [16.0, 40.0, 45.0, 6.0]),
        ("16\n40 kg", [16.0, 40.0]),
        ("40; skip; 55", [40.0, None, 55.0]),
        ("8 kg each, twelve", [8.0, 12.0]),
    ],
)
def test_several_loads_in_one_message_are_read_in_order(typed: str, read: list[float | None]) -> None:
    answers = loadanswer.read_answers(typed)
    assert answers is not None
    assert [a.amount if a.kind == Kind.LOAD else None for a in answers] == read


@pytest.mark.parametrize(
    "typed", ["16", "82,5 kg", "16,40", "3x6 100kg, 50", "skip, skip", "rows went ok, 40"]
)
def test_one_answer_a_decimal_comma_sets_or_words_are_not_several_loads(typed: str) -> None:
    assert loadanswer.read_answers(typed) is None


def test_a_failed_try_among_several_is_kept_to_be_told() -> None:
    answers = loadanswer.read_answers("16, abc")
    assert answers is not None and [a.kind for a in answers] == [Kind.LOAD, Kind.NOT_A_LOAD]


@pytest.mark.parametrize(
    "typed", ["same", "Same again", "same as last time", "as before", "the same weight."]
)
def test_same_says_last_times_load(typed: str) -> None:
    assert loadanswer.read_answer(typed) == Answer(Kind.SAME)


@pytest.mark.parametrize(
    ("typed", "asking"),
    [
        ("how heavy should it be", True),
        ("can I log it later", True),
        ("What's a good load", True),
        ("is 10 kg enough?", True),
        ("the backpack was 10kg", False),
        ("just two water bottles, like half a litre each", False),
        ("deadlift was 100", False),
        # An exclamation, not a question.
        ("what a session", False),
    ],
)
def test_a_question_asks_by_its_mark_or_its_first_word(typed: str, *, asking: bool) -> None:
    assert loadanswer.asks(typed) is asking


@pytest.mark.parametrize(
    ("typed", "unmarked"),
    [("20 kilos?", "20 kilos"), ("was it 12.5?", "was it 12.5"), ("20", None), ("is it 20??", "is it 20")],
)
def test_a_message_with_a_question_mark_is_read_again_without_it(typed: str, unmarked: str | None) -> None:
    assert loadanswer.unmarked(typed) == unmarked


def test_a_load_told_then_a_question_splits_where_the_question_begins() -> None:
    trial = "just the 2 kilo ones, my right shoulder clicks a bit on that one, is that normal?"
    assert loadanswer.split_question(trial) == [
        ("just the 2 kilo ones, my right shoulder clicks a bit on that one", "is that normal?"),
        ("just the 2 kilo ones", "my right shoulder clicks a bit on that one, is that normal?"),
    ]
    assert loadanswer.split_question("16 kg but how heavy should the pulldown be") == [
        ("16 kg", "how heavy should the pulldown be")
    ]
    # Nothing asked after the load, or a question before it: no such split.
    assert loadanswer.split_question("40 on the rows and 55 on the pulldown") == []
    assert loadanswer.split_question("is that normal? 2 kilos, ok?") == []
    assert loadanswer.split_question("12.5?") == []


@given(st.text(max_size=40))
def test_every_split_is_a_told_part_without_a_mark_and_a_rest_that_asks(text: str) -> None:
    for said, rest in loadanswer.split_question(text):
        assert said and "?" not in said and loadanswer.asks(rest) and rest in text
