from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.logparse import (
    LogError,
    LogErrorKind,
    Names,
    ParsedLog,
    describe,
    match_exercise,
    parse_log,
)
from bot.coach.texts import Texts

CATALOG = Catalog.load()
NAMES = [Names(ex.id, (ex.name, ex.short)) for ex in CATALOG.exercises.values()]
# What a gym trainee's plan holds today: "row" means its barbell row, not every row in the catalog.
PLAN = ("deadlift", "bent-over-row", "face-pull", "lat-pulldown")
TEXTS = Texts.load()


def parse(text: str, unit: str = "kg") -> ParsedLog | LogError:
    return parse_log(text, NAMES, unit=unit, prefer=PLAN)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("row 3x10 40kg", ParsedLog("bent-over-row", (10, 10, 10), 40.0, "kg")),
        ("pull-up 5,5,4", ParsedLog("pull-up", (5, 5, 4), None, "kg")),
        ("deadlift 60kg 3x8 rir2", ParsedLog("deadlift", (8, 8, 8), 60.0, "kg", rir=2)),
        ("row 3×10 @ 40 kg", ParsedLog("bent-over-row", (10, 10, 10), 40.0, "kg")),
        ("face pull 12,12,10 15lb", ParsedLog("face-pull", (12, 12, 10), 15.0, "lb")),
        ("Face Pulls 12, 12, 10 @ 15 lbs", ParsedLog("face-pull", (12, 12, 10), 15.0, "lb")),
        ("row 3x10 40", ParsedLog("bent-over-row", (10, 10, 10), 40.0, "lb")),
        ("row 3 x 10 42,5 kg", ParsedLog("bent-over-row", (10, 10, 10), 42.5, "kg")),
        ("row 3x10 42.5", ParsedLog("bent-over-row", (10, 10, 10), 42.5, "lb")),
        ("pullups 8", ParsedLog("pull-up", (8,), None, "kg")),
        ("pull-up 5/5/4 +10kg", ParsedLog("pull-up", (5, 5, 4), 10.0, "kg")),
        ("deadlift 3X5 100 KG rpe 8", ParsedLog("deadlift", (5, 5, 5), 100.0, "kg", rir=2)),
        ("row 3x10 40kg # felt easy", ParsedLog("bent-over-row", (10, 10, 10), 40.0, "kg", note="felt easy")),
        ("chin up 6,5 bw", ParsedLog("chin-up", (6, 5), None, "kg")),
        ("barbell row 4x8 0kg", ParsedLog("bent-over-row", (8, 8, 8, 8), None, "kg")),
        ("cable row 3x12 50kg", ParsedLog("seated-cable-row", (12, 12, 12), 50.0, "kg")),
        ("lat pulldwon 3x10 45kg", ParsedLog("lat-pulldown", (10, 10, 10), 45.0, "kg")),
        # Digits from other scripts are digits: full-width, Arabic-Indic, Devanagari.
        ("row ３x１０ ４０kg", ParsedLog("bent-over-row", (10, 10, 10), 40.0, "kg")),
        ("row ٣x١٠ ٤٠kg", ParsedLog("bent-over-row", (10, 10, 10), 40.0, "kg")),
        ("pull-up ५,५,४", ParsedLog("pull-up", (5, 5, 4), None, "kg")),
    ],
)
def test_reads_what_people_type(text: str, expected: ParsedLog) -> None:
    unit = "lb" if text in ("row 3x10 40", "row 3x10 42.5") else "kg"
    assert parse(text, unit) == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ("", LogErrorKind.EMPTY),
        ("   ", LogErrorKind.EMPTY),
        ("3x10 40kg", LogErrorKind.NO_EXERCISE),
        ("row", LogErrorKind.NO_REPS),
        ("row 40kg", LogErrorKind.NO_REPS),
        ("row 3x0", LogErrorKind.NO_REPS),
        ("row 0x10 40kg", LogErrorKind.NO_REPS),
        ("row 00x10", LogErrorKind.NO_REPS),
        ("row 3x10 forty", LogErrorKind.MALFORMED),
        ("row 3x10 5,5", LogErrorKind.MALFORMED),
        ("row 3x10 40kg 50kg", LogErrorKind.MALFORMED),
        ("row 3x½", LogErrorKind.DIGITS),
        ("row Ⅲx10", LogErrorKind.DIGITS),
        ("row 3x10 -5kg", LogErrorKind.NEGATIVE_LOAD),
        ("deadlift 1x1 501kg", LogErrorKind.TOO_HEAVY),
        ("deadlift 1x1 1101lb", LogErrorKind.TOO_HEAVY),
        ("pull-up 101", LogErrorKind.TOO_MANY_REPS),
        ("pull-up 3x101", LogErrorKind.TOO_MANY_REPS),
        ("pull-up 21x5", LogErrorKind.TOO_MANY_SETS),
        ("deadlift 3x5 100kg rir12", LogErrorKind.BAD_RIR),
        ("zercher squat 3x5 60kg", LogErrorKind.UNKNOWN_EXERCISE),
    ],
)
def test_refuses_with_a_reason(text: str, kind: LogErrorKind) -> None:
    result = parse(text)
    assert isinstance(result, LogError), result
    assert result.kind is kind


def test_limits_are_inclusive_and_per_unit() -> None:
    assert isinstance(parse("deadlift 1x1 500kg"), ParsedLog)
    assert isinstance(parse("deadlift 1x1 1100lb"), ParsedLog)
    assert isinstance(parse("deadlift 1x1 501", unit="lb"), ParsedLog)
    assert isinstance(parse("pull-up 100"), ParsedLog)


def test_unknown_exercise_offers_the_closest_names() -> None:
    result = parse("pul up negatve 3x5")
    assert isinstance(result, ParsedLog) and result.exercise == "negative-pull-up"
    unknown = parse("facepul rope thing 3x10")
    assert isinstance(unknown, LogError) and unknown.kind is LogErrorKind.UNKNOWN_EXERCISE
    assert "face-pull" in unknown.suggestions
    assert len(unknown.suggestions) == 3


def test_a_word_that_fits_several_asks_which_unless_the_plan_decides() -> None:
    assert match_exercise("row", NAMES, prefer=PLAN) == "bent-over-row"
    ambiguous = match_exercise("row", NAMES)
    assert isinstance(ambiguous, LogError) and ambiguous.kind is LogErrorKind.AMBIGUOUS
    assert 2 <= len(ambiguous.suggestions) <= 5
    assert all(ex.endswith("-row") for ex in ambiguous.suggestions)


def test_aliases_given_by_the_caller_are_names_too() -> None:
    names = [*NAMES, Names("weighted-pull-up", ("weighted pull-up", "wpu"))]
    assert match_exercise("WPU", names) == "weighted-pull-up"
    assert match_exercise("weighted pullups", names) == "weighted-pull-up"


@pytest.mark.parametrize("kind", list(LogErrorKind))
def test_every_error_has_one_line_with_an_example(kind: LogErrorKind) -> None:
    values = {"token": "<x>", "char": "½", "name": "<b>zz</b>", "reps": "101", "max": "100"}
    values |= {"sets": "21", "load": "-5", "unit": "kg", "rir": "12"}
    error = LogError(kind, values, ("face-pull", "pull-up"))
    line = describe(error, TEXTS, {"face-pull": "Face pull"})
    assert "\n" not in line and "/log" in line
    assert "<b>zz</b>" not in line and "<x>" not in line  # what the trainee typed is escaped


def test_describe_shows_suggestions_by_name() -> None:
    result = parse("facepul rope thing 3x10")
    assert isinstance(result, LogError)
    names = {ex.id: ex.name for ex in CATALOG.exercises.values()}
    assert "face pull" in describe(result, TEXTS, names).lower()


@given(st.text(max_size=60))
def test_never_raises_on_any_input(text: str) -> None:
    result = parse(text)
    if isinstance(result, ParsedLog):
        assert 1 <= len(result.reps) <= 20 and max(result.reps) <= 100
        assert result.load is None or 0 < result.load <= 1100
        assert result.exercise in CATALOG.exercises


@given(
    st.sampled_from(PLAN),
    st.integers(1, 20),
    st.integers(1, 100),
    st.decimals(min_value=0, max_value=500, places=2),
    st.sampled_from(["kg", "lb"]),
)
def test_what_the_bot_writes_reads_back(exercise: str, sets: int, reps: int, load: object, unit: str) -> None:
    typed = f"{exercise} {sets}x{reps} {load}{unit}"
    result = parse(typed)
    assert isinstance(result, ParsedLog), typed
    assert (result.exercise, result.reps, result.unit) == (exercise, (reps,) * sets, unit)
    assert result.load == (float(str(load)) or None)
