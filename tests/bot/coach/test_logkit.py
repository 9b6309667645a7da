"""A second newcomer trial's /log lines: sets told in words ("3 sets of 8 at 70", "105x7 for 3 sets"), a load
"each arm" that is each hand's, a band's colour and a backpack as words about the kit, and a name that fits
several exercises read as the one the chat's kit allows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names
from bot.coach.logparse import LogError, LogErrorKind, ParsedLog, parse_log
from bot.coach.logreading import written
from bot.coach.logsets import turnable
from bot.coach.logtold import told

CATALOG = Catalog.load()
NAMES = [Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values()]
HOLDS = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "hold")
LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")
GYM_PLAN = ("deadlift", "bent-over-row", "face-pull", "lat-pulldown")
# A home chat with bands and a pull-up bar: no cable, no barbell.
HOME = frozenset(
    {"band-face-pull", "band-pulldown", "band-row", "backpack-rdl", "backpack-row", "pull-up", "chin-up"}
)


def parse(text: str, **kwargs: object) -> ParsedLog | LogError:
    return parse_log(text, NAMES, holds=HOLDS, loaded=LOADED, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bb row 3 sets of 8 at 70", ParsedLog("bent-over-row", (8, 8, 8), 70.0, "kg")),
        ("bb row 3 sets of 8 @ 70kg", ParsedLog("bent-over-row", (8, 8, 8), 70.0, "kg")),
        ("bb row 3 sets of 8 with 70", ParsedLog("bent-over-row", (8, 8, 8), 70.0, "kg")),
        ("bb row 3 sets of 8 reps at 70", ParsedLog("bent-over-row", (8, 8, 8), 70.0, "kg")),
        ("bb row 70 for 3 sets of 8", ParsedLog("bent-over-row", (8, 8, 8), 70.0, "kg")),
        ("deadlift 105x7 for 3 sets", ParsedLog("deadlift", (7, 7, 7), 105.0, "kg")),
        ("deadlift 105kg x 7 for 3 sets", ParsedLog("deadlift", (7, 7, 7), 105.0, "kg")),
        ("pull up 2 sets of 8", ParsedLog("pull-up", (8, 8), None, "kg")),
    ],
)
def test_sets_told_in_words_read_as_in_a_told_set(text: str, expected: ParsedLog) -> None:
    assert parse(text, prefer=GYM_PLAN) == expected


def test_a_load_each_arm_is_each_hands_and_written_back_so() -> None:
    read = parse("db row 10,10,9 each arm 32kg")
    assert read == ParsedLog("one-arm-dumbbell-row", (10, 10, 9), 32.0, "kg", each_hand=True)
    assert isinstance(read, ParsedLog)
    assert written(read, "db row") == "db row 10,10,9 32kg each hand"
    assert parse("db row 10,10,9 32kg each hand") == read
    # Reps "each arm" with no load say nothing the log keeps.
    assert parse("db row 10,10,9 each arm") == ParsedLog("one-arm-dumbbell-row", (10, 10, 9), None, "kg")


@pytest.mark.parametrize(
    "text, note",
    [
        ("band pulldown 2x12 red band", "red band"),
        ("band pulldown 2x12 heavy band", "heavy band"),
        ("band pulldown 2x12 green", "green band"),
        ("band pulldown 2x12 with the light green band", "light green band"),
        ("band pulldown red band 2x12", "red band"),
        ("band pulldown 2x12 red band # easy", "red band; easy"),
    ],
)
def test_a_bands_colour_or_strength_is_kept_in_the_note(text: str, note: str) -> None:
    assert parse(text) == ParsedLog("band-pulldown", (12, 12), None, "kg", note=note)


@pytest.mark.parametrize(
    "text",
    [
        "rdl 2x10 backpack 8kg",
        "rdl 2x10 with a backpack of 8kg",
        "rdl backpack 8kg 2x10",
        "rdl 2x10 8kg backpack",
    ],
)
def test_a_backpack_is_the_kit_and_its_load_the_load(text: str) -> None:
    assert parse(text) == ParsedLog("backpack-rdl", (10, 10), 8.0, "kg")


def test_a_name_chosen_without_asking_is_one_the_kit_allows() -> None:
    # The trial: "face pulls" at home with bands logged the cable face pull.
    assert parse("face pulls 2x15", usable=HOME) == ParsedLog("band-face-pull", (15, 15), None, "kg")
    # At the gym the cable one is still the one meant, and with no kit known nothing changes.
    gym = frozenset({"face-pull", "band-face-pull"})
    assert parse("face pulls 2x15", usable=gym) == ParsedLog("face-pull", (15, 15), None, "kg")
    assert parse("face pulls 2x15") == ParsedLog("face-pull", (15, 15), None, "kg")


def test_of_several_the_kit_allows_todays_is_taken_else_asked() -> None:
    both = HOME | {"band-pull-apart"}
    read = parse("face pulls 2x15", usable=both | {"face-pull-x"}, today=("band-face-pull",))
    assert read == ParsedLog("band-face-pull", (15, 15), None, "kg")
    # A kit that allows none the name fits: the exercise named, as before.
    assert parse("face pulls 2x15", usable=frozenset({"pull-up"})) == ParsedLog(
        "face-pull", (15, 15), None, "kg"
    )


def test_a_load_first_for_its_sets_is_told_as_those_sets() -> None:
    said = "hit 105x7 for 3 sets on deadlift today, then pulldown 52.5 x 8,8,8"
    assert told(said, NAMES, prefer=GYM_PLAN, unit="kg", loaded=LOADED) == (
        "deadlift 3x7 105kg; lat pulldown 8,8,8 52.5kg"
    )
    assert told("105x7 for 3 sets on deadlift", NAMES, unit="kg") == "deadlift 3x7 105kg"


@given(
    sets=st.integers(min_value=1, max_value=20),
    reps=st.integers(min_value=1, max_value=100),
    load=st.integers(min_value=21, max_value=500),
)
def test_any_sets_told_in_words_log_as_their_crossed_form(sets: int, reps: int, load: int) -> None:
    words = parse(f"deadlift {sets} sets of {reps} at {load}")
    crossed = parse(f"deadlift {sets}x{reps} {load}kg")
    # "10x2" may be 2 sets of 10, and is asked back with the sets told among the readings; words are as told.
    assert words == crossed or (turnable(sets, reps) and words in getattr(crossed, "readings", ()))
    assert words == ParsedLog("deadlift", (reps,) * sets, float(load), "kg")
    assert parse(f"deadlift {load}x{reps} for {sets} sets") == words
    assert parse(f"deadlift {load} for {sets} sets of {reps}") == words


@given(
    sets=st.integers(min_value=21, max_value=99),
    reps=st.integers(min_value=1, max_value=100),
)
def test_more_sets_told_in_words_than_anyone_logs_are_refused(sets: int, reps: int) -> None:
    read = parse(f"deadlift {sets} sets of {reps} at 100")
    assert isinstance(read, LogError)
    assert read.kind is LogErrorKind.TOO_MANY_SETS


@given(st.sampled_from(["red", "green", "blue", "black", "yellow"]), st.sampled_from(["", " band", " bands"]))
def test_any_band_colour_is_a_note_never_a_number(colour: str, band: str) -> None:
    read = parse(f"band pulldown 3x{12} {colour}{band}")
    assert read == ParsedLog("band-pulldown", (12, 12, 12), None, "kg", note=f"{colour}{band or ' band'}")


def test_a_backpack_told_with_a_plans_row_is_the_backpack_row() -> None:
    read = parse("row 3x10 backpack 10kg", prefer=GYM_PLAN)
    assert read == ParsedLog("backpack-row", (10, 10, 10), 10.0, "kg")


GYM = frozenset(ex.id for ex in CATALOG.exercises.values() if "gym" in ex.places and "load" not in ex.needs)


@pytest.mark.parametrize("typed", ["rdl", "RDLs", "romanian deadlift", "Romanian deadlifts", "barbell rdl"])
def test_the_volume_days_romanian_deadlift_is_read_by_its_every_name(typed: str) -> None:
    volume_day = ("barbell-rdl", "pull-up", "seated-cable-row")
    read = parse(f"{typed} 4x10 80kg", prefer=volume_day, usable=GYM, today=volume_day)
    assert read == ParsedLog("barbell-rdl", (10, 10, 10, 10), 80.0, "kg")
    # A deadlift is still a deadlift on that day, and a dumbbell RDL what it says.
    assert parse("dl 4x5 140", prefer=volume_day, usable=GYM) == ParsedLog(
        "deadlift", (5, 5, 5, 5), 140.0, "kg"
    )
    assert parse("db rdl 4x10 30kg", prefer=volume_day, usable=GYM) == ParsedLog(
        "dumbbell-rdl", (10, 10, 10, 10), 30.0, "kg"
    )


def test_an_rdl_on_a_day_without_one_asks_which_the_gym_has() -> None:
    heavy_day = ("deadlift", "lat-pulldown", "seated-cable-row")
    read = parse("rdl 4x10 80kg", prefer=heavy_day, usable=GYM, today=heavy_day)
    assert isinstance(read, LogError)
    assert read.suggestions[:2] == ("barbell-rdl", "dumbbell-rdl")
