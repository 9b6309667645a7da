from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names, own_name
from bot.coach.logparse import (
    MAX_PARTS,
    LogError,
    LogErrorKind,
    ParsedLog,
    describe,
    match_exercise,
    parse_log,
    parts,
)
from bot.coach.logsets import MANY_SETS, load_ends, turnable
from bot.coach.texts import Texts

CATALOG = Catalog.load()
NAMES = [Names(ex.id, (ex.name, ex.short)) for ex in CATALOG.exercises.values()]
# What a gym trainee's plan holds today: "row" means its barbell row, not every row in the catalog.
PLAN = ("deadlift", "bent-over-row", "face-pull", "lat-pulldown")
HOLDS = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "hold")
TEXTS = Texts.load()


def parse(text: str, unit: str = "kg") -> ParsedLog | LogError:
    return parse_log(text, NAMES, unit=unit, prefer=PLAN, holds=HOLDS)


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
        # "ups" is a plural too: a newcomer's "/log pull-ups 8,8,8" was an unknown exercise.
        ("pull-ups 8,8,8", ParsedLog("pull-up", (8, 8, 8), None, "kg")),
        ("chin ups 5 5 5", ParsedLog("chin-up", (5, 5, 5), None, "kg")),
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
        # Reps separated by spaces, as a notebook has them; the numbers still follow the name.
        ("pull up 5 5 4", ParsedLog("pull-up", (5, 5, 4), None, "kg")),
        ("pull up 5 5 4 +10kg", ParsedLog("pull-up", (5, 5, 4), 10.0, "kg")),
        ("face pull 12 12 10 @ 15 kg", ParsedLog("face-pull", (12, 12, 10), 15.0, "kg")),
        ("row 40kg 10 10 8 rir1", ParsedLog("bent-over-row", (10, 10, 8), 40.0, "kg", rir=1)),
        ("row 8 40kg", ParsedLog("bent-over-row", (8,), 40.0, "kg")),
        # Sets x reps x load, read as "row 3x10 40" is: a newcomer's "3 x 8 x 60" was "I couldn't read x".
        ("lat pulldown 3 x 8 x 60", ParsedLog("lat-pulldown", (8, 8, 8), 60.0, "lb")),
        ("lat pulldown 3x8x60", ParsedLog("lat-pulldown", (8, 8, 8), 60.0, "lb")),
        ("lat pulldown 3x8x60 kg", ParsedLog("lat-pulldown", (8, 8, 8), 60.0, "kg")),
        ("row 3×10×12.5", ParsedLog("bent-over-row", (10, 10, 10), 12.5, "lb")),
    ],
)
def test_reads_what_people_type(text: str, expected: ParsedLog) -> None:
    lb = ("row 3x10 40", "row 3x10 42.5", "lat pulldown 3 x 8 x 60", "lat pulldown 3x8x60", "row 3×10×12.5")
    unit = "lb" if text in lb else "kg"
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
        ("pull-up " + ",".join(["5"] * 21), LogErrorKind.TOO_MANY_SETS),
        ("deadlift 3x5 100kg rir12", LogErrorKind.BAD_RIR),
        ("zercher squat 3x5 60kg", LogErrorKind.UNTRACKED),
        ("tbar row 3x8 40kg", LogErrorKind.UNKNOWN_EXERCISE),
        # Ten reps at 40, or sets of 10 and 40? Asked, not guessed.
        ("row 10 40", LogErrorKind.UNCLEAR_NUMBERS),
        ("row 3 10", LogErrorKind.UNCLEAR_NUMBERS),
        ("pull up 20 5 5 4", LogErrorKind.UNCLEAR_NUMBERS),
        ("row 3x10 40 50", LogErrorKind.MALFORMED),
        # 3 sets of 10 at 5, or 3 kg for 5 sets of 10 (load x reps x sets)? Asked, not guessed.
        ("face pull 3x10x5", LogErrorKind.UNCLEAR_NUMBERS),
        # Neither end of "100x5x40" can be the sets.
        ("row 100x5x40", LogErrorKind.UNCLEAR_NUMBERS),
        # Loads first and sets first in one /log; loads in two units; "3x10, 8" (is it 10, 10, 10, 8?).
        ("deadlift 200x3, 3x8x60", LogErrorKind.MALFORMED),
        ("deadlift 180kgx5, 400lbx3", LogErrorKind.MALFORMED),
        ("row 3x10, 8", LogErrorKind.MALFORMED),
        # Help is no load: a row has none to take.
        ("row 3x10 40kg assist", LogErrorKind.NEGATIVE_LOAD),
        ("row 3x10x40x2", LogErrorKind.MALFORMED),
        ("pull-up 3x30s", LogErrorKind.NOT_TIMED),
        ("row 45s", LogErrorKind.NOT_TIMED),
        ("plank 3x60s", LogErrorKind.UNKNOWN_HOLD),
        ("prone cobra 3x601s", LogErrorKind.TOO_LONG),
        ("prone cobra 11 min", LogErrorKind.TOO_LONG),
        ("prone cobra 0s", LogErrorKind.NO_SECONDS),
        ("prone cobra 30s,0s", LogErrorKind.NO_SECONDS),
        ("prone cobra 40kg", LogErrorKind.NO_SECONDS),
        ("prone cobra 30s 3x10", LogErrorKind.MALFORMED),
        ("prone cobra 21x30s", LogErrorKind.TOO_MANY_SETS),
    ],
)
def test_refuses_with_a_reason(text: str, kind: LogErrorKind) -> None:
    result = parse(text)
    assert isinstance(result, LogError), result
    assert result.kind is kind


@pytest.mark.parametrize(
    "text, seconds, load",
    [
        ("prone cobra 3x30s", (30, 30, 30), None),
        ("prone cobra 3x45 sec", (45, 45, 45), None),
        ("prone cobra 3 x 45 seconds", (45, 45, 45), None),
        ("prone cobra 60s", (60,), None),
        ("prone cobra 60 s", (60,), None),
        ("prone cobra 60s, 60s, 45s", (60, 60, 45), None),
        ("prone cobra 60,60,45 sec", (60, 60, 45), None),
        ("prone cobra 60s 60s 45s", (60, 60, 45), None),
        ("prone cobra 2x30s 2x20s", (30, 30, 20, 20), None),
        ("prone cobra 2x1 min", (60, 60), None),
        ("prone cobra 1.5min", (90,), None),
        ("prone cobra 10 min", (600,), None),
        ("Prone Cobra Hold 3×40s @ 2.5 kg", (40, 40, 40), 2.5),
        # A hold's own numbers are seconds, with or without the unit.
        ("prone cobra 3x30", (30, 30, 30), None),
        ("prone cobra 30 30 25", (30, 30, 25), None),
        # Seconds say which "prone" exercise is meant.
        ("prone 30s", (30,), None),
    ],
)
def test_reads_timed_holds_as_seconds(text: str, seconds: tuple[int, ...], load: float | None) -> None:
    assert parse(text) == ParsedLog("prone-cobra", (), load, "kg", seconds=seconds)


def test_a_timed_log_of_what_is_not_a_hold_names_the_holds() -> None:
    for text in ("plank 3x60s", "pull-up 3x30s"):
        result = parse(text)
        assert isinstance(result, LogError) and result.suggestions == ("prone-cobra",), text
        line = describe(result, TEXTS, {ex.id: ex.name for ex in CATALOG.exercises.values()})
        assert "Prone cobra hold" in line and "/log prone cobra 3x30s" in line, line
    # Without holds to offer, a plank is a lift this coach does not track.
    unknown = parse_log("plank 3x60s", NAMES)
    assert isinstance(unknown, LogError) and unknown.kind is LogErrorKind.UNTRACKED


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
    # Only the face pulls: a pull-up is spelled with "pul" too, but is not what was meant.
    assert unknown.suggestions == unknown.candidates == ("face-pull", "band-face-pull")
    rows = parse("tbar row 3x8")
    assert isinstance(rows, LogError) and rows.kind is LogErrorKind.UNKNOWN_EXERCISE
    # Every row is a candidate to pick from; the reply names the closest three.
    assert len(rows.suggestions) == 3 and len(rows.candidates) > 3
    assert all(ex.endswith("row") for ex in rows.candidates)


@pytest.mark.parametrize(
    "text",
    [
        # A newcomer's "/log bicep curls 3x10 12kg" was offered a Romanian deadlift and face pulls.
        "bicep curls 3x10 12kg",
        "squats 3x5 100kg",
        "bench press 3x8 60kg",
        "shrugs 3x10",
        "leg press 3x10 100kg",
        "hammer curls 3x10",
        "cable crossover 3x12",
        "tricep pushdown 3x12",
        "lunges 3x10",
        "good mornings 3x8",
        # Spelled like ours, but another movement or another part of the body: these were logged as
        # pull-ups, a dumbbell RDL and a Y-T-W raise.
        "sit ups 3x20",
        "push ups 3x15",
        "dumbbell curl 3x10 12kg",
        "front raise 3x12",
        "lateral raises 3x12 8kg",
        "calf raises 3x15",
        "chest fly 3x12",
    ],
)
def test_a_lift_not_tracked_is_said_so_with_nothing_made_up(text: str) -> None:
    result = parse_log(text, NAMES, prefer=PLAN, holds=HOLDS, loaded=LOADED)
    assert isinstance(result, LogError) and result.kind is LogErrorKind.UNTRACKED, result
    assert result.suggestions == result.candidates == ()
    line = describe(result, TEXTS)
    assert "I only log upper-back lifts" in line and "/workout" in line, line


@pytest.mark.parametrize(
    "text, movement",
    [
        ("tbar row", ("row",)),
        ("kroc rows", ("row",)),
        ("wide grip pulldowns", ("pulldown",)),
        ("neutral grip pullups wide", ("pull-up",)),
        ("trap bar deadlift", ("deadlift", "rdl")),
        ("pec fly", ("reverse-pec-deck",)),
    ],
)
def test_an_unknown_name_of_a_movement_we_track_offers_that_movement(
    text: str, movement: tuple[str, ...]
) -> None:
    result = match_exercise(text, NAMES)
    assert isinstance(result, LogError) and result.kind is LogErrorKind.UNKNOWN_EXERCISE, result
    assert result.candidates and all(any(m in ex for m in movement) for ex in result.candidates), result


@pytest.mark.parametrize(
    "text, expected",
    [
        ("rear delt flies 3x12", ("rear-delt-fly", "backpack-rear-delt-fly")),
        ("rear delt fly 3x12", ("rear-delt-fly", "backpack-rear-delt-fly")),
        ("row 3x10", ("bent-over-row",)),
    ],
)
def test_flies_are_flys(text: str, expected: tuple[str, ...]) -> None:
    result = parse(text)
    if len(expected) == 1:
        assert isinstance(result, ParsedLog) and result.exercise == expected[0]
    else:
        assert isinstance(result, LogError) and result.kind is LogErrorKind.AMBIGUOUS
        assert set(result.candidates) == set(expected)


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
    values |= {
        "sets": "21",
        "load": "-5",
        "unit": "kg",
        "rir": "12",
        "seconds": "601",
        "numbers": "10 40",
        "parts": "9",
        "bar": "20",
    }
    error = LogError(kind, values, ("face-pull", "pull-up"))
    line = describe(error, TEXTS, {"face-pull": "Face pull"})
    assert "\n" not in line and "/log" in line
    assert "<b>zz</b>" not in line and "<x>" not in line  # what the trainee typed is escaped


def test_describe_shows_suggestions_by_name() -> None:
    result = parse("facepul rope thing 3x10")
    assert isinstance(result, LogError)
    names = {ex.id: ex.name for ex in CATALOG.exercises.values()}
    assert "face pull" in describe(result, TEXTS, names).lower()


def test_with_or_at_before_a_load_is_read_past() -> None:
    expected = ParsedLog("face-pull", (12, 12, 12), 8.0, "kg")
    for text in (
        "face pull 3x12 with 8kg",
        "face pull 3x12 at 8kg",
        "face pull 3x12 @ 8kg",
        "face pull 3x12 8kg",
    ):
        assert parse(text) == expected, text
    # Not inside a word, nor without a number after it.
    assert parse("face pull 3x12 8s") == LogError(LogErrorKind.MALFORMED, {"token": "8s"})
    assert parse("face pull 3x12 with") == LogError(LogErrorKind.MALFORMED, {"token": "with"})


@given(st.text(max_size=60))
def test_never_raises_on_any_input(text: str) -> None:
    result = parse(text)
    if isinstance(result, ParsedLog):
        if result.exercise in HOLDS:
            assert result.reps == () and 1 <= len(result.seconds) <= 20
            assert min(result.seconds) >= 1 and max(result.seconds) <= 600
        else:
            assert result.seconds == () and 1 <= len(result.reps) <= 20 and max(result.reps) <= 100
        assert result.load is None or 0 < result.load <= 1100
        assert result.exercise in CATALOG.exercises


REP_LISTS = st.integers(1, 100).flatmap(
    lambda low: st.lists(st.integers(low, min(100, 2 * low)), min_size=2, max_size=20)
)


@given(REP_LISTS, st.sampled_from(["pull-up", "pull up", "face pull"]))
def test_reps_apart_read_as_reps_with_commas(reps: list[int], name: str) -> None:
    spaced, commas = parse(f"{name} {' '.join(map(str, reps))}"), parse(f"{name} {','.join(map(str, reps))}")
    assert isinstance(spaced, ParsedLog) and spaced == commas
    assert spaced.reps == tuple(reps)


@given(st.lists(st.integers(0, 100), min_size=2, max_size=20))
def test_numbers_apart_are_reps_a_trailing_load_or_a_question(numbers: list[int]) -> None:
    result = parse(f"row {' '.join(map(str, numbers))}")
    if isinstance(result, ParsedLog) and result.load is not None:
        # "8 8 7 7 80": two sets or more, then a number standing apart from them, is their load.
        assert len(numbers) >= 3 and len(numbers) - 1 in load_ends(tuple(numbers))
        assert result.reps == tuple(numbers[:-1]) and result.load == numbers[-1]
    elif isinstance(result, ParsedLog):
        assert result.reps == tuple(numbers) and result.load is None
        assert not load_ends(tuple(numbers))  # reps go down a little set by set: "15 12 10 6"
    else:
        assert result.kind in (LogErrorKind.UNCLEAR_NUMBERS, LogErrorKind.NO_REPS)
        # Each reading is a load at an end that stands apart, or every number as reps.
        for reading in result.readings:
            assert reading.load is None or reading.load in (numbers[0], numbers[-1])
            assert len(reading.reps) in (len(numbers), len(numbers) - 1)


@given(
    st.integers(1, 20),
    st.integers(1, 600),
    st.sampled_from(["s", " s", "sec", " sec", " secs", " seconds"]),
    st.sampled_from(["x", " x ", "×", "*"]),
)
def test_timed_sets_read_back_in_any_spelling(sets: int, seconds: int, word: str, times: str) -> None:
    result = parse(f"prone cobra {sets}{times}{seconds}{word}")
    assert result == ParsedLog("prone-cobra", (), None, "kg", seconds=(seconds,) * sets)


@given(
    st.sampled_from(PLAN),
    st.integers(1, 20),
    st.integers(1, 100),
    st.decimals(min_value=0, max_value=500, places=2),
    st.sampled_from(["kg", "lb"]),
)
def test_what_the_bot_writes_reads_back(exercise: str, sets: int, reps: int, load: object, unit: str) -> None:
    # Many sets of a few reps are written in words, as "12x2" may be the other way round (``written``).
    told = f"{sets} sets of {reps}" if turnable(sets, reps) else f"{sets}x{reps}"
    typed = f"{exercise} {told} {load}{unit}"
    result = parse(typed)
    assert isinstance(result, ParsedLog), typed
    assert (result.exercise, result.reps, result.unit) == (exercise, (reps,) * sets, unit)
    assert result.load == (float(str(load)) or None)


@given(
    st.sampled_from(PLAN),
    st.integers(1, 20),
    st.integers(1, 100),
    st.integers(21, 500),
    st.sampled_from(["x", " x ", "×", "*"]),
    st.sampled_from(["kg", "lb"]),
)
def test_sets_by_reps_by_load_is_sets_by_reps_then_the_load(
    exercise: str, sets: int, reps: int, load: int, times: str, unit: str
) -> None:
    assume(not turnable(sets, reps))  # "10x3x100": ten sets of three, or three of ten? Asked: see below.
    expected = ParsedLog(exercise, (reps,) * sets, float(load), unit)
    assert parse(f"{exercise} {sets}{times}{reps}{times}{load}", unit) == expected
    assert parse(f"{exercise} {sets}x{reps} {load}", unit) == expected


@given(st.integers(1, 20), st.integers(1, 100), st.integers(0, 20))
def test_a_third_number_that_could_be_the_sets_is_asked_back(sets: int, reps: int, third: int) -> None:
    # One end a count of sets a plan gives, the other more than twice that: the first is the sets (below).
    assume((sets >= MANY_SETS) == (third >= MANY_SETS) or third == 0)
    result = parse(f"row {sets}x{reps}x{third}")
    assert isinstance(result, LogError) and result.kind is LogErrorKind.UNCLEAR_NUMBERS
    assert f"{sets}x{reps}x{third}" in describe(result, TEXTS)


LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")
# A home trainee with a pull-up bar and bands: the plan's row is the band row.
HOME_PLAN = ("band-assisted-pull-up", "band-row", "band-pulldown")
HOME_KIT = frozenset({"band-row", "band-assisted-pull-up", "band-pulldown", "pull-up", "band-face-pull"})


def parse_home(text: str, usable: frozenset[str] = HOME_KIT) -> ParsedLog | LogError:
    return parse_log(text, NAMES, prefer=HOME_PLAN, holds=HOLDS, loaded=LOADED, usable=usable)


def test_a_load_goes_to_an_exercise_that_takes_one() -> None:
    # A trial: "row 3x10 40kg" went to the plan's band row, which then got a load prescribed.
    assert parse_home("row 3x10") == ParsedLog("band-row", (10, 10, 10), None, "kg")
    assert parse_home("row 3x10 0kg") == ParsedLog("band-row", (10, 10, 10), None, "kg")
    which = parse_home("row 3x10 40kg")
    assert isinstance(which, LogError) and which.kind is LogErrorKind.WHICH_LOADED
    assert set(which.suggestions) <= LOADED and "one-arm-dumbbell-row" in which.suggestions
    # The one loaded row the kit allows, or the plan's, is taken without asking.
    with_load = parse_home("row 3x10 40kg", HOME_KIT | {"backpack-row"})
    assert isinstance(with_load, ParsedLog) and with_load.exercise == "backpack-row"
    assert parse_log("row 3x10 40kg", NAMES, prefer=PLAN, loaded=LOADED) == parse("row 3x10 40kg")
    # A name that fits one loaded exercise is it; numbers that carry a load count too.
    assert parse_home("pull up 5 5 4 10kg") == ParsedLog("weighted-pull-up", (5, 5, 4), 10.0, "kg")
    assert parse_home("dumbbell row 3x10 40") == ParsedLog("one-arm-dumbbell-row", (10, 10, 10), 40.0, "kg")
    unclear = parse_home("row 10 40")
    assert isinstance(unclear, LogError) and unclear.kind is LogErrorKind.WHICH_LOADED


def test_a_load_on_a_band_or_bodyweight_name_is_refused_with_loaded_ones_offered() -> None:
    for typed in ("band row 3x10 40kg", "inverted row 3x10 +10kg", "band pull-up 5 5 4 20lb"):
        refused = parse_home(typed)
        assert isinstance(refused, LogError) and refused.kind is LogErrorKind.NOT_LOADED, typed
        assert refused.suggestions and set(refused.suggestions) <= LOADED
    line = describe(parse_home("band row 3x10 40kg"), TEXTS)  # type: ignore[arg-type]
    assert "“band row” takes no load" in line and "<code>/log band row 3x10</code>" in line


def test_numbers_that_could_be_reps_or_a_load_come_with_both_readings() -> None:
    unclear = parse("row 10 40 rir2 # felt easy")
    assert isinstance(unclear, LogError) and unclear.kind is LogErrorKind.UNCLEAR_NUMBERS
    assert unclear.readings == (
        ParsedLog("bent-over-row", (10,), 40.0, "kg", 2, "felt easy"),
        ParsedLog("bent-over-row", (40,), 10.0, "kg", 2, "felt easy"),
    )
    only = parse("row 10 150")
    assert isinstance(only, LogError) and [r.reps for r in only.readings] == [(10,)]
    # Of three numbers or more, a first one that stands apart may be the load, or all may be reps; a last
    # one standing apart is the load (the sets come first in /log, and 40 reps after two of 10 are rare).
    many = parse("row 40 10 10")
    assert isinstance(many, LogError) and many.readings == (
        ParsedLog("bent-over-row", (10, 10), 40.0, "kg"),
        ParsedLog("bent-over-row", (40, 10, 10), None, "kg"),
    )
    assert parse("row 10 10 40") == ParsedLog("bent-over-row", (10, 10), 40.0, "kg")


# Today's plan has band-assisted pull-ups: every harder rung of the ladder reads as them when named alike.
BAND_DAY = {"pull-up": "band-assisted-pull-up", "weighted-pull-up": "band-assisted-pull-up"}
ALIASED = [Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values()]


def parse_band_day(text: str) -> ParsedLog | LogError:
    return parse_log(
        text, ALIASED, prefer=HOME_PLAN, holds=HOLDS, loaded=LOADED, usable=HOME_KIT, easier=BAND_DAY
    )


@given(
    st.sampled_from(["pull-up", "pull up", "Pull-ups", "pullups", "PULL UPS", "assisted pull-up"]),
    # Reps no more than twice apart: further apart, one of them could be a load, and that is asked back.
    st.integers(1, 50).flatmap(lambda low: st.lists(st.integers(low, 2 * low), min_size=1, max_size=6)),
)
def test_a_plain_pull_up_on_a_band_day_is_the_band_assisted_one(name: str, reps: list[int]) -> None:
    # A trial: "/log pull-up 5 5 4" on a band-assisted day logged strict pull-ups and moved the ladder.
    result = parse_band_day(f"{name} {' '.join(map(str, reps))}")
    assert isinstance(result, ParsedLog) and result.exercise == "band-assisted-pull-up"
    assert result.reps == tuple(reps) and result.load is None
    assert result.instead_of == (None if "assisted" in name else "pull-up")


def test_strict_pull_ups_or_a_load_still_name_the_harder_rung() -> None:
    for typed in ("strict pull-up 5 5 4", "unassisted pull-ups 5,5,4"):
        assert parse_band_day(typed) == ParsedLog("pull-up", (5, 5, 4), None, "kg"), typed
    assert parse_band_day("pull up 5 5 4 10kg") == ParsedLog("weighted-pull-up", (5, 5, 4), 10.0, "kg")
    assert parse_band_day("negative pull-up 3x5") == ParsedLog("negative-pull-up", (5, 5, 5), None, "kg")
    # Without a band day the plain name is the strict pull-up, as before.
    assert parse_log("pull-up 5,5,4", ALIASED, prefer=PLAN) == ParsedLog("pull-up", (5, 5, 4), None, "kg")


def test_the_name_that_claims_the_harder_rung_is_one_the_plain_name_is_not() -> None:
    assert own_name("pull-up", "band-assisted-pull-up", ALIASED) == "strict pull-up"
    assert own_name("pull-up", "chin-up", ALIASED) == "Pull-up"


def test_a_log_of_several_exercises_is_read_part_by_part() -> None:
    pieces = parts("deadlift 1x3 200kg; lat pulldown 3x8 75kg")
    assert pieces == ["deadlift 1x3 200kg", "lat pulldown 3x8 75kg"]
    read = [parse(piece) for piece in pieces]
    assert [(p.exercise, p.reps, p.load) for p in read if isinstance(p, ParsedLog)] == [
        ("deadlift", (3,), 200.0),
        ("lat-pulldown", (8, 8, 8), 75.0),
    ]
    # Blank parts are no parts; one exercise is one part; nothing typed is none.
    assert parts(" row 3x10 40kg ;; ") == ["row 3x10 40kg"]
    assert parts("pull-up 5,5,4 # felt strong") == ["pull-up 5,5,4 # felt strong"]
    assert parts("  ") == []


@given(st.integers(MAX_PARTS + 1, 40))
def test_more_parts_than_one_log_takes_are_refused(count: int) -> None:
    error = parts("; ".join(["row 3x10"] * count))
    assert isinstance(error, LogError) and error.kind is LogErrorKind.TOO_MANY_PARTS
    assert error.values == {"parts": str(count), "max": str(MAX_PARTS)}
    assert parts("; ".join(["row 3x10"] * MAX_PARTS)) == ["row 3x10"] * MAX_PARTS


def test_a_move_the_kit_does_not_allow_is_its_stand_in_when_no_other_name_fits() -> None:
    """ "db rdl" names only the gym's dumbbell RDL; at home it is the backpack-or-dumbbells RDL, the one
    lift the plan has (``bot.coach.ladders.stand_ins``), so its history, next load and records are one."""
    usable = frozenset({"backpack-rdl", "backpack-row", "pull-up"})
    swaps = {"dumbbell-rdl": "backpack-rdl", "one-arm-dumbbell-row": "backpack-row"}

    def read(text: str, stand_ins: dict[str, str] | None = swaps) -> ParsedLog | LogError:
        return parse_log(text, NAMES, holds=HOLDS, loaded=LOADED, usable=usable, stand_ins=stand_ins)

    assert read("db rdl 3x10 12kg") == ParsedLog("backpack-rdl", (10, 10, 10), 12.0, "kg")
    assert read("one arm db row 3x10 12kg") == ParsedLog("backpack-row", (10, 10, 10), 12.0, "kg")
    # Without a stand-in the name keeps its own move; a move the kit allows is never swapped.
    assert read("db rdl 3x10 12kg", None) == ParsedLog("dumbbell-rdl", (10, 10, 10), 12.0, "kg")
    assert read("pull-up 5 5 4", {"pull-up": "backpack-row"}) == ParsedLog("pull-up", (5, 5, 4), None, "kg")


def test_a_plain_pull_up_is_the_strict_one_for_a_member_who_has_done_them_well() -> None:
    # A strength coach's trial: an advanced trainee's "/log pull-up 4x10" was logged as the assisted machine.
    # A rung the member has done well (``shownrung.done_rungs``) is theirs; the reading names the plan's.
    machine_day = {"pull-up": "assisted-pull-up-machine", "weighted-pull-up": "assisted-pull-up-machine"}
    read = parse_log(
        "pull-up 4x10", ALIASED, prefer=PLAN, loaded=LOADED, easier=machine_day, shown={"pull-up"}
    )
    assert read == ParsedLog("pull-up", (10, 10, 10, 10), None, "kg", plan_version="assisted-pull-up-machine")
    # Never shown: the plan's version, as before; a name only the easier one has is always the easier one.
    plain = parse_log("pull-up 4x10", ALIASED, prefer=PLAN, loaded=LOADED, easier=machine_day)
    assert isinstance(plain, ParsedLog) and (plain.exercise, plain.instead_of, plain.plan_version) == (
        "assisted-pull-up-machine",
        "pull-up",
        None,
    )
    kept = parse_log(
        "machine assisted pull-up 4x10", ALIASED, prefer=PLAN, easier=machine_day, shown={"pull-up"}
    )
    assert isinstance(kept, ParsedLog) and (kept.exercise, kept.plan_version) == (
        "assisted-pull-up-machine",
        None,
    )
    # A load still names the weighted pull-up, with no word of the plan's version.
    weighted = parse_log("pull-up 4x5 +5kg", ALIASED, loaded=LOADED, easier=machine_day, shown={"pull-up"})
    assert weighted == ParsedLog("weighted-pull-up", (5, 5, 5, 5), 5.0, "kg")


@given(
    st.sampled_from(["pull-up", "pull up", "Pull-ups", "pullups"]), st.lists(st.integers(1, 12), min_size=1)
)
def test_a_band_day_reading_holds_unless_the_rung_was_shown(name: str, reps: list[int]) -> None:
    typed = f"{name} {' '.join(map(str, reps))}"
    for shown, exercise in ((frozenset(), "band-assisted-pull-up"), (frozenset({"pull-up"}), "pull-up")):
        read = parse_log(
            typed,
            ALIASED,
            prefer=HOME_PLAN,
            holds=HOLDS,
            loaded=LOADED,
            usable=HOME_KIT,
            easier=BAND_DAY,
            shown=shown,
        )
        if isinstance(read, LogError):
            continue  # numbers far apart may be a load: asked back, whatever the name
        assert read.exercise == exercise
        assert (read.instead_of, read.plan_version) == (
            ("pull-up", None) if not shown else (None, "band-assisted-pull-up")
        )


@pytest.mark.parametrize("text", ["db row 3x10 20s", "dumbbell row 3 x 10 20s", "db rows 3x10 22.5s"])
def test_dumbbells_called_by_their_weight_are_each_hands_load(text: str) -> None:
    # A trial's "/log db row 3x10 20s" was "I couldn't read “20s”": a pair of 20s, not 20 seconds.
    parsed = parse(text)
    assert isinstance(parsed, ParsedLog), parsed
    assert (parsed.exercise, parsed.reps, parsed.each_hand) == ("one-arm-dumbbell-row", (10, 10, 10), True)
    assert parsed.load == float(text.split()[-1].removesuffix("s"))


@pytest.mark.parametrize(
    ("text", "reps"),
    [
        ("db row 10,10,10,8 20s", (10, 10, 10, 8)),
        ("db row 10, 10, 8 20s", (10, 10, 8)),
        ("db row 10/10/8 22.5s", (10, 10, 8)),
        ("db row 10 10 8 20s", (10, 10, 8)),
    ],
)
def test_dumbbells_by_their_weight_after_reps_told_set_by_set(text: str, reps: tuple[int, ...]) -> None:
    # A trial's "/log db rdl 7,7,7,6 45s" was "I couldn't read “45s”", where "db rdl 4x6 45s" was read.
    parsed = parse(text)
    assert isinstance(parsed, ParsedLog), parsed
    assert (parsed.exercise, parsed.reps, parsed.each_hand) == ("one-arm-dumbbell-row", reps, True)
    assert parsed.load == float(text.split()[-1].removesuffix("s"))


@pytest.mark.parametrize(
    "text", ["db row 3x10 60s rest", "row 3x10 20s", "db row 10,10 60s rest", "row 10,8 20s"]
)
def test_seconds_after_sets_are_no_dumbbells_but_with_dumbbells_named(text: str) -> None:
    assert isinstance(parse(text), LogError)
