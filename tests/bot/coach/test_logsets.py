"""The numbers of a /log as lifters write them (a newcomer trial's notations), and readings written back."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names
from bot.coach.logparse import LogError, LogErrorKind, ParsedLog, parse_log, written
from bot.coach.logsets import MANY_SETS, turnable

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
HOLDS = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "hold")
LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")
HELPED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.counterweight)
BARBELLS = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.barbell)
# A gym beginner's day: its row is the seated cable row.
PLAN = ("lat-pulldown", "seated-cable-row", "face-pull")
MACHINE = "assisted-pull-up-machine"


def parse(text: str, unit: str = "kg") -> ParsedLog | LogError:
    return parse_log(
        text,
        NAMES,
        unit=unit,
        prefer=PLAN,
        holds=HOLDS,
        loaded=LOADED,
        usable=frozenset(CATALOG.exercises),
        helped=HELPED,
        barbells=BARBELLS,
    )


def test_the_counterweight_machine_is_the_catalogs_one_helped_exercise() -> None:
    assert {MACHINE} == HELPED
    assert MACHINE not in LOADED  # its help is never a load lifted


DB_ROW = "one-arm-dumbbell-row"


@pytest.mark.parametrize(
    "text",
    [
        # The trial: offered and logged as "Weighted pull-up: 2×10 @ 40 kg".
        "assisted pull ups 2x10 with 40kg assistance",
        "assisted pull-up 2x10 40kg assist",
        "assisted pull up 2x10 -40kg",
        "assisted pull ups 2x10 40 kg of assistance",
        "assisted pull ups 2x10 assisted by 40",
        "pull ups 2x10 with 40kg assistance",
        "pullups 2x10 40kg counterweight",
        # The trial: "takes no load, so I haven't logged it", the card: "less counterweight is progress".
        "machine assisted pull up 2x10 40kg",
        "machine assisted pull up 2x10 40",
        "assisted pull up 2x10 40kg",
        "assisted pull up 40kg x10, 10",
    ],
)
def test_assistance_is_the_machines_help_never_a_load(text: str) -> None:
    assert parse(text) == ParsedLog(MACHINE, (10, 10), None, "kg", assist=40.0)


@given(
    st.sampled_from(["assisted pull ups", "machine assisted pull-up", "pull ups", "assisted pullup"]),
    st.integers(1, 20),
    st.integers(1, 30),
    st.decimals(min_value=1, max_value=150, places=1).map(lambda d: f"{d.normalize():f}"),
    st.sampled_from(
        ["{a}kg assist", "with {a}kg assistance", "-{a}kg", "{a} kg counterweight", "assisted by {a}"]
    ),
)
def test_help_in_any_phrasing_is_never_added_weight(
    name: str, sets: int, reps: int, amount: str, said: str
) -> None:
    assume(not turnable(sets, reps))  # "12x2" may be 2 sets of 12: asked back, help and all
    result = parse(f"{name} {sets}x{reps} {said.format(a=amount)}")
    assert isinstance(result, ParsedLog), result
    assert (result.exercise, result.load, result.loads) == (MACHINE, None, ())
    assert result.assist == float(amount) and result.reps == (reps,) * sets


@given(
    st.sampled_from(["pullup", "pullups", "pull up", "Pull-ups", "PULLUP"]),
    st.lists(st.integers(1, 15), min_size=1, max_size=5),
    st.integers(1, 60),
    st.sampled_from(["kg", "lb"]),
    st.sampled_from(
        [
            "+{a}{u}",
            "+ {a} {u}",
            "plus {a}{u}",
            "{a}{u}",
            "with {a}{u} added",
            "added {a} {u}",
            "{a}{u} extra",
            "with {a}{u} on a belt",
            "with a {a}{u} dip belt",
            "in a {a}{u} vest",
        ]
    ),
)
def test_a_load_added_to_a_pull_up_is_the_weighted_pull_up_never_the_machines_help(
    name: str, reps: list[int], amount: int, unit: str, said: str
) -> None:
    # A trial: "/log pullup 10,9,8,8 +10kg" (a name run together, as "pull up" was not) logged the
    # assisted machine with 10 kg of help; "weighted pull-up ... 10kg" was read right.
    result = parse(f"{name} {','.join(map(str, reps))} {said.format(a=amount, u=unit)}")
    expected = ParsedLog("weighted-pull-up", tuple(reps), float(amount), unit)
    assert result == expected


def test_help_told_stays_help_and_a_load_on_a_chin_up_offers_the_weighted_pull_up() -> None:
    # Help is still the machine's, however the pull-up is spelled.
    for text in ("pullup 10,9,8,8 -10kg", "pullups 10,9,8,8 assisted 10kg", "pullup 3x8 10kg assist"):
        result = parse(text)
        assert isinstance(result, ParsedLog) and (result.exercise, result.assist) == (MACHINE, 10.0), text
    # No weighted chin-up is tracked: the load is refused, the weighted pull-up offered first.
    refused = parse("chin-up 3x8 +10kg")
    assert isinstance(refused, LogError) and refused.kind is LogErrorKind.NOT_LOADED
    assert refused.suggestions[0] == "weighted-pull-up"


def test_help_on_what_no_counterweight_helps_is_refused() -> None:
    for text in ("chin up 3x8 40kg assist", "row 3x10 -5kg", "band assisted pull up 3x8 -20kg"):
        refused = parse(text)
        assert isinstance(refused, LogError) and refused.kind is LogErrorKind.NEGATIVE_LOAD, text
    # A load that changes set by set is no machine's help.
    assert isinstance(parse("assisted pull up 40kgx10, 30kgx8"), LogError)


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        # The trial: "“chin-up” takes no load" for four rep counts, and "I can't tell reps from load".
        ("chin-up 15 12 10 6", "chin-up"),
        ("pull-up 15 12 10 6", "pull-up"),
        ("chin ups 12 5", "chin-up"),
        ("chin-up 8 8 30", "chin-up"),
        ("band row 20 12 10", "band-row"),
    ],
)
def test_bare_numbers_for_a_bodyweight_move_are_reps(text: str, exercise: str) -> None:
    reps = tuple(int(n) for n in text.split() if n.isdigit())
    assert parse(text) == ParsedLog(exercise, reps, None, "kg")


@given(
    st.lists(st.integers(1, 100), min_size=2, max_size=10),
    st.sampled_from(["chin-up", "band row", "band face pull"]),
)
def test_bare_numbers_for_a_move_that_takes_no_load_are_never_a_load(reps: list[int], name: str) -> None:
    result = parse(f"{name} {' '.join(map(str, reps))}")
    assert isinstance(result, ParsedLog) and result.reps == tuple(reps) and result.load is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Load first, as lifters write it: "200x3" is 3 reps at 200 (was "200 sets is more than I log").
        ("deadlift 200x3", ParsedLog("deadlift", (3,), 200.0, "kg")),
        ("seated row 100x8x4", ParsedLog("seated-cable-row", (8,) * 4, 100.0, "kg")),
        ("seated row 100x5x3", ParsedLog("seated-cable-row", (5,) * 3, 100.0, "kg")),
        ("seated row 90kgx8x4", ParsedLog("seated-cable-row", (8,) * 4, 90.0, "kg")),
        ("seated row 90 kg x 8 x 4", ParsedLog("seated-cable-row", (8,) * 4, 90.0, "kg")),
        ("lat pulldown 42,5x8", ParsedLog("lat-pulldown", (8,), 42.5, "kg")),
        ("lat pulldown 32.5 x 10, 10", ParsedLog("lat-pulldown", (10, 10), 32.5, "kg")),
        ("db row 40kg 4x10", ParsedLog("one-arm-dumbbell-row", (10,) * 4, 40.0, "kg")),
        # A load "each arm" is each hand's, and said so (a second trial read it as the whole load).
        ("db row 4x10 each arm 40kg", ParsedLog(DB_ROW, (10,) * 4, 40.0, "kg", each_hand=True)),
        ("db row 4x10 @ 40kg each", ParsedLog(DB_ROW, (10,) * 4, 40.0, "kg", each_hand=True)),
        ("dumbbell row 3x12 20kg a side", ParsedLog("one-arm-dumbbell-row", (12,) * 3, 20.0, "kg")),
        # Sets first stays sets first; a list after "3x8" is that many sets' reps.
        ("lat pulldown 3x8x60", ParsedLog("lat-pulldown", (8,) * 3, 60.0, "kg")),
        ("lat pulldown 3x8, 7, 6 @ 60", ParsedLog("lat-pulldown", (8, 7, 6), 60.0, "kg")),
        # Commas with spaces after them were read as "5,5," and "4", and refused.
        ("pull up 5, 5, 4", ParsedLog("pull-up", (5, 5, 4), None, "kg")),
        ("pull up 5 5 4 @ 10", ParsedLog("weighted-pull-up", (5, 5, 4), 10.0, "kg")),
        # Mixed loads: each set at its own.
        (
            "dl 180x5, 190x3, 200x3x2",
            ParsedLog("deadlift", (5, 3, 3, 3), None, "kg", loads=(180, 190, 200, 200)),
        ),
        ("deadlift 180kg x5, 190kg x3", ParsedLog("deadlift", (5, 3), None, "kg", loads=(180.0, 190.0))),
        ("deadlift 180x5 190x3", ParsedLog("deadlift", (5, 3), None, "kg", loads=(180.0, 190.0))),
        # One load above 20 says they all are: the 15 and 20 here are no sets.
        (
            "lat pulldown 15x10, 20x8, 25x6",
            ParsedLog("lat-pulldown", (10, 8, 6), None, "kg", loads=(15, 20, 25)),
        ),
        ("lat pulldown 50x10, 50x10", ParsedLog("lat-pulldown", (10, 10), 50.0, "kg")),
    ],
)
def test_lifters_notations(text: str, expected: ParsedLog) -> None:
    assert parse(text) == expected


def test_each_side_of_a_bar_is_asked_back() -> None:
    asked = parse("deadlift 3x5 60kg each side")
    assert isinstance(asked, LogError) and asked.kind is LogErrorKind.PER_SIDE
    assert parse("deadlift 3x5 each side") == ParsedLog("deadlift", (5,) * 3, None, "kg")


@given(
    st.integers(21, 500) | st.decimals(min_value=1, max_value=500, places=1).map(str),
    st.integers(1, 30),
    st.integers(1, 20) | st.none(),
    st.sampled_from(["x", " x ", "×", "*"]),
)
def test_a_load_first_is_the_load(load: object, reps: int, sets: int | None, times: str) -> None:
    """A first number that can't be a count of sets (over 20, or a decimal) is the load; a third, the sets."""
    typed = f"{load}{times}{reps}" + (f"{times}{sets}" if sets is not None else "")
    result = parse(f"deadlift {typed}")
    amount = float(str(load))
    assert result == ParsedLog("deadlift", (reps,) * (sets or 1), amount, "kg"), typed


@given(st.integers(1, 20), st.integers(1, 30), st.integers(1, 20))
def test_either_end_could_be_the_sets_so_both_are_offered(first: int, reps: int, last: int) -> None:
    # Unless one end is more than twice the sets a plan gives and the other is not: "12x10x2" is 2 sets.
    assume((first >= MANY_SETS) == (last >= MANY_SETS))
    result = parse(f"seated row {first}x{reps}x{last}")
    assert isinstance(result, LogError) and result.kind is LogErrorKind.UNCLEAR_NUMBERS
    assert ParsedLog("seated-cable-row", (reps,) * first, float(last), "kg") in result.readings
    assert ParsedLog("seated-cable-row", (reps,) * last, float(first), "kg") in result.readings


def test_numbers_that_read_several_ways_offer_each() -> None:
    # The trial: "I can't tell reps from load in “11 11 35”" with no buttons, while "10 35" had two.
    unclear = parse("seated cable row 35 11 11")
    assert isinstance(unclear, LogError) and unclear.kind is LogErrorKind.UNCLEAR_NUMBERS
    assert unclear.readings == (
        ParsedLog("seated-cable-row", (11, 11), 35.0, "kg"),
        ParsedLog("seated-cable-row", (35, 11, 11), None, "kg"),
    )
    # A pull-up name with numbers apart: the weighted pull-up either way, or the pull-up's reps.
    both = parse("pull up 12 5")
    assert isinstance(both, LogError)
    assert ParsedLog("pull-up", (12, 5), None, "kg") in both.readings
    assert ParsedLog("weighted-pull-up", (12,), 5.0, "kg") in both.readings


GROUPS = st.lists(
    st.tuples(st.integers(21, 500), st.integers(1, 20), st.integers(1, 4)), min_size=2, max_size=4
).filter(lambda groups: sum(sets for _, _, sets in groups) <= 20)


@given(GROUPS, st.sampled_from([", ", " ", ","]), st.sampled_from(["", "kg"]))
def test_loads_set_by_set(groups: list[tuple[int, int, int]], between: str, unit: str) -> None:
    typed = between.join(
        f"{load}{unit}x{reps}" + (f"x{sets}" if sets > 1 else "") for load, reps, sets in groups
    )
    result = parse(f"deadlift {typed}")
    assert isinstance(result, ParsedLog), typed
    assert result.reps == tuple(reps for _, reps, sets in groups for _ in range(sets))
    assert result.set_loads() == tuple(float(load) for load, _, sets in groups for _ in range(sets))


READINGS = st.builds(
    ParsedLog,
    exercise=st.sampled_from(["deadlift", "seated-cable-row", "lat-pulldown"]),
    reps=st.lists(st.integers(1, 100), min_size=1, max_size=20).map(tuple),
    load=st.none() | st.decimals(min_value=1, max_value=500, places=2).map(float),
    unit=st.sampled_from(["kg", "lb"]),
    rir=st.none() | st.integers(0, 10),
)
NAMED = {"deadlift": "deadlift", "seated-cable-row": "cable row", "lat-pulldown": "lat pulldown"}


@given(READINGS)
def test_a_reading_written_back_reads_the_same(reading: ParsedLog) -> None:
    assert parse(written(reading, NAMED[reading.exercise]), reading.unit) == reading


@given(GROUPS, st.sampled_from(["kg", "lb"]))
def test_loads_set_by_set_written_back_read_the_same(groups: list[tuple[int, int, int]], unit: str) -> None:
    loads = tuple(float(load) for load, _, sets in groups for _ in range(sets))
    reps = tuple(reps for _, reps, sets in groups for _ in range(sets))
    reading = ParsedLog("deadlift", reps, None, unit, loads=loads)
    line = written(reading, "deadlift")
    assert parse(line) == (reading if len(set(loads)) > 1 else ParsedLog("deadlift", reps, loads[0], unit))


@given(st.integers(1, 20), st.integers(1, 30), st.decimals(min_value=1, max_value=150, places=1).map(float))
def test_help_written_back_reads_the_same(sets: int, reps: int, amount: float) -> None:
    reading = ParsedLog(MACHINE, (reps,) * sets, None, "kg", assist=amount)
    assert parse(written(reading, "assisted pull up")) == reading


@pytest.mark.parametrize(
    ("typed", "reps", "load"),
    [
        # A trial: "8 8 7 7 80" was asked back as maybe 80 reps.
        ("lat pulldown 8 8 7 7 80", (8, 8, 7, 7), 80.0),
        ("seated cable row 11 11 35", (11, 11), 35.0),
        ("deadlift 5 5 5 100", (5, 5, 5), 100.0),
    ],
)
def test_a_last_number_far_above_the_sets_of_a_loaded_lift_is_its_load(
    typed: str, reps: tuple[int, ...], load: float
) -> None:
    result = parse(typed)
    assert isinstance(result, ParsedLog) and (result.reps, result.load, result.unit) == (reps, load, "kg")


@pytest.mark.parametrize("typed", ["row 10 40", "row 35 11 11", "pull up 5 5 4 20"])
def test_numbers_that_could_be_either_still_ask(typed: str) -> None:
    # Two numbers, a load first, or a bodyweight lift's name: reps or a load, either is as likely.
    result = parse(typed)
    assert isinstance(result, LogError) and result.kind is LogErrorKind.UNCLEAR_NUMBERS
