"""Sets and reps the way round a coach reads them (a strength coach's trial): "band row 12x2" is 2 sets of 12,
since nobody rows a band for twos; "pull-up 12x2" may be either, so it is asked back; "romanian deadlift
12x10x2" is 2 sets of 10 at 12, not 12 sets at 2 kg; sets told in words are as told."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names
from bot.coach.logparse import LogError, LogErrorKind, ParsedLog, describe, parse_log, written
from bot.coach.logpick import picks
from bot.coach.logsets import FEW_REPS, MANY_SETS, MAX_SETS, turnable
from bot.coach.logtold import told
from bot.coach.texts import Texts

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
HOLDS = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "hold")
LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")
# As /log has them (``log_command.light_ids``): moves never done for a few reps.
LIGHT = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.min_reps is not None or not ex.multi_joint)
# An advanced gym day: its hinge is the deadlift, so "romanian deadlift" is one of two loaded RDLs.
PLAN = ("deadlift", "lat-pulldown", "seated-cable-row")
TEXTS = Texts.load()


def parse(text: str) -> ParsedLog | LogError:
    return parse_log(text, NAMES, unit="kg", prefer=PLAN, holds=HOLDS, loaded=LOADED, light=LIGHT)


def test_the_light_moves_are_the_band_cable_and_single_joint_ones() -> None:
    assert {"band-row", "band-pull-apart", "face-pull", "rear-delt-fly", "lat-pulldown"} <= LIGHT
    assert not {"deadlift", "pull-up", "chin-up", "inverted-row", "bent-over-row"} & LIGHT


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # The trial: logged as "Band row: 12×2".
        ("band row 12x2", ParsedLog("band-row", (12, 12), None, "kg")),
        ("band row 15x3", ParsedLog("band-row", (15,) * 3, None, "kg")),
        ("band pull-apart 10 x 2", ParsedLog("band-pull-apart", (10, 10), None, "kg")),
        ("face pull 15x3 20kg", ParsedLog("face-pull", (15,) * 3, 20.0, "kg")),
        ("lat pulldown 10x2 50kg", ParsedLog("lat-pulldown", (10, 10), 50.0, "kg")),
        ("lat pulldown 10x2x50", ParsedLog("lat-pulldown", (10, 10), 50.0, "kg")),
    ],
)
def test_many_sets_of_a_few_reps_of_a_light_move_are_the_other_way_round(
    typed: str, expected: ParsedLog
) -> None:
    assert parse(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("band row 3x10", ParsedLog("band-row", (10,) * 3, None, "kg")),
        ("band row 5x5", ParsedLog("band-row", (5,) * 5, None, "kg")),
        ("band row 4x8", ParsedLog("band-row", (8,) * 4, None, "kg")),
        ("deadlift 5x5 100kg", ParsedLog("deadlift", (5,) * 5, 100.0, "kg")),
        ("deadlift 5x3 140kg", ParsedLog("deadlift", (3,) * 5, 140.0, "kg")),
        ("pull-up 5x3", ParsedLog("pull-up", (3,) * 5, None, "kg")),
        ("pull-up 3x10", ParsedLog("pull-up", (10,) * 3, None, "kg")),
        # Told in words, sets are as told, however few the reps.
        ("band row 12 sets of 2", ParsedLog("band-row", (2,) * 12, None, "kg")),
        ("pull-up 10 sets of 3", ParsedLog("pull-up", (3,) * 10, None, "kg")),
        ("band row 2 reps for 12 sets", ParsedLog("band-row", (2,) * 12, None, "kg")),
    ],
)
def test_sets_by_reps_a_plan_gives_stay_as_typed(typed: str, expected: ParsedLog) -> None:
    assert parse(typed) == expected


@pytest.mark.parametrize(
    ("typed", "exercise", "load"),
    [
        ("pull-up 12x2", "pull-up", None),
        ("deadlift 10x3 100kg", "deadlift", 100.0),
        ("chin-up 8x1", "chin-up", None),
    ],
)
def test_many_sets_of_a_few_reps_of_another_move_are_asked_back(
    typed: str, exercise: str, load: float | None
) -> None:
    asked = parse(typed)
    assert isinstance(asked, LogError) and asked.kind is LogErrorKind.SETS_OR_REPS, asked
    numbers = typed.split()[1]
    sets, reps = map(int, numbers.split("x"))
    assert asked.readings == (
        ParsedLog(exercise, (reps,) * sets, load, "kg"),
        ParsedLog(exercise, (sets,) * reps, load, "kg"),
    )
    line = describe(asked, TEXTS)
    assert f"“{numbers}” {sets} sets of {reps}, or {reps} sets of {sets}?" in line, line


@given(
    st.sampled_from(sorted(LIGHT - HOLDS)),
    st.integers(MANY_SETS, MAX_SETS),
    st.integers(1, FEW_REPS),
)
def test_any_light_move_is_read_as_few_sets_of_many_reps(exercise: str, sets: int, reps: int) -> None:
    name = CATALOG.exercises[exercise].name
    result = parse(f"{name} {sets}x{reps}")
    assert result == ParsedLog(exercise, (sets,) * reps, None, "kg"), name


@given(st.integers(1, MAX_SETS), st.integers(1, 30))
def test_sets_are_turned_round_only_when_many_of_a_few_reps(sets: int, reps: int) -> None:
    result = parse(f"band row {sets}x{reps}")
    assert isinstance(result, ParsedLog)
    turned = turnable(sets, reps)
    assert result.reps == ((sets,) * reps if turned else (reps,) * sets)
    assert turned == (sets >= MANY_SETS and reps <= FEW_REPS)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # The trial: refused with no button, for either RDL. 12 sets at 2 kg is nobody's RDL.
        ("barbell rdl 12x10x2", ParsedLog("barbell-rdl", (10, 10), 12.0, "kg")),
        ("seated row 10x12x3", ParsedLog("seated-cable-row", (12,) * 3, 10.0, "kg")),
        ("seated row 3x10x8", ParsedLog("seated-cable-row", (10,) * 3, 8.0, "kg")),
    ],
)
def test_an_end_that_is_too_many_sets_is_the_load(typed: str, expected: ParsedLog) -> None:
    assert parse(typed) == expected


@pytest.mark.parametrize("typed", ["seated row 3x10x5", "seated row 10x10x9", "seated row 5x10x7"])
def test_either_end_a_count_of_sets_still_asks(typed: str) -> None:
    result = parse(typed)
    assert isinstance(result, LogError) and result.kind is LogErrorKind.UNCLEAR_NUMBERS, result
    assert len(result.readings) == 2


def test_the_romanian_deadlift_that_fits_two_is_asked_about_with_its_sets() -> None:
    asked = parse("romanian deadlift 12x10x2")
    assert isinstance(asked, LogError) and asked.kind is LogErrorKind.WHICH_LOADED
    assert {"barbell-rdl", "dumbbell-rdl"} <= set(asked.candidates)


@pytest.mark.parametrize("exercise", ["pull-up", "deadlift", "band-row"])
@pytest.mark.parametrize(("sets", "reps"), [(12, 2), (8, 1), (20, 3), (3, 10)])
def test_a_reading_written_back_reads_the_same(exercise: str, sets: int, reps: int) -> None:
    reading = ParsedLog(exercise, (reps,) * sets, None, "kg")
    line = written(reading, CATALOG.exercises[exercise].short)
    assert ("sets of" in line) == turnable(sets, reps), line
    assert parse(line) == reading, line


def test_sets_told_in_a_message_are_offered_as_told() -> None:
    assert told("did band rows, twelve sets of two", NAMES, unit="kg") == "band row 12 sets of 2"
    assert told("band rows 3 sets of 12", NAMES, unit="kg") == "band row 3x12"


def test_a_name_that_fits_two_with_numbers_that_read_two_ways_offers_each_exercise_and_reading() -> None:
    text = "romanian deadlift 3x10x5"
    asked = parse(text)
    assert isinstance(asked, LogError)
    gym = {"barbell-rdl", "dumbbell-rdl"}
    offered = picks(asked, text, usable=gym, today=(), unit="kg", holds=HOLDS, loaded=LOADED, light=LIGHT)
    assert offered == tuple(
        ParsedLog(exercise, (10,) * sets, load, "kg")
        for exercise in ("barbell-rdl", "dumbbell-rdl")
        for sets, load in ((3, 5.0), (5, 3.0))
    )
    # Numbers no reading of which is within the limits still say why, with no button.
    refused = parse("romanian deadlift 3x101x5")
    assert isinstance(refused, LogError)
    why = picks(
        refused, "romanian deadlift 3x101x5", usable=gym, today=(), unit="kg", holds=HOLDS, loaded=LOADED
    )
    assert isinstance(why, LogError) and why.kind is LogErrorKind.UNCLEAR_NUMBERS and not why.readings
