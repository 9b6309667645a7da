"""What a newcomer trial's logging faults come down to, read without Telegram: a name widened by the words
before it ("romanian deadlifts"), the kit told with it (dumbbells are never a barbell lift), dumbbells
called by their weight ("with the 8s"), a name that fits one exercise of today's plan, a barbell lift
lighter than its bar, and a request to take one lift off today's log."""

from __future__ import annotations

import pytest

from bot.coach import logpick, records, removal
from bot.coach.catalog import Catalog
from bot.coach.ladders import held_versions
from bot.coach.lognames import Names, exercise_named
from bot.coach.logparse import LogError, LogErrorKind, ParsedLog, parse_log
from bot.coach.logtold import told
from bot.coach.texts import Texts
from bot.handlers.record_lines import record_lines

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")
BARBELLS = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.barbell)
# A beginner's gym session 1: its main lifts, and all its lifts.
MAIN = ("dumbbell-rdl", "lat-pulldown", "seated-cable-row")
TODAY = (*MAIN, "inverted-row", "rear-delt-fly")


def test_words_before_a_name_that_narrow_it_are_kept() -> None:
    # "deadlift" alone names the barbell deadlift; "romanian deadlift" only the RDLs.
    assert exercise_named("did the romanian deadlifts, 2 sets of 10", NAMES) == "romanian deadlift"
    assert exercise_named("romanian deadlifts 2x10", NAMES, prefer=MAIN) == "dumbbell rdl"
    assert exercise_named("conventional deadlifts 3x5", NAMES) == "deadlift"
    assert exercise_named("seated cable rows 3x10", NAMES) == "seated cable row"
    assert exercise_named("pull ups and rows", NAMES) == "pull up"


@pytest.mark.parametrize(
    ("text", "prefer", "line", "exercise"),
    [
        # The trial's: offered as "deadlift 2x10 10kg", logged as a 10 kg barbell deadlift.
        (
            "did the romanian deadlifts with two 10kg dumbbells, 2 sets of 10",
            MAIN,
            "dumbbell rdl 2x10 10kg each",
            "dumbbell-rdl",
        ),
        (
            "did the romanian deadlifts with two 10kg dumbbells, 2 sets of 10",
            (),
            "dumbbell romanian deadlift 2x10 10kg each",
            "dumbbell-rdl",
        ),
        ("deadlifts 3x10 with the 10s", MAIN, "dumbbell deadlift 3x10 10kg each", "dumbbell-rdl"),
        ("romanian deadlift 2x10 10kg", MAIN, "romanian deadlift 2x10 10kg", "dumbbell-rdl"),
        # The trial's: the 8 kg dropped.
        ("rear delt flys were 3 x 12 with the 8s", MAIN, "rear delt fly 3x12 8kg each", "rear-delt-fly"),
        ("rows 3x10 with a pair of 12s", ("one-arm-dumbbell-row",), "dumbbell row 3x10 12kg each", None),
        ("deadlift 3x5 100kg", MAIN, "deadlift 3x5 100kg", "deadlift"),
    ],
)
def test_sets_told_name_the_lift_the_words_mean(
    text: str, prefer: tuple[str, ...], line: str, exercise: str | None
) -> None:
    assert told(text, NAMES, prefer=prefer, unit="kg", loaded=LOADED, barbells=BARBELLS) == line
    parsed = parse_log(line, NAMES, prefer=prefer, loaded=LOADED, today=TODAY)
    if exercise is not None:
        assert isinstance(parsed, ParsedLog) and parsed.exercise == exercise
        assert parsed.exercise not in BARBELLS or "dumbbell" not in text


def test_dumbbells_told_never_offer_a_barbell_lift() -> None:
    # "barbell row" is the only name there: with dumbbells told, nothing rather than the barbell row.
    assert told("barbell rows 3x10 with the 20s", NAMES, loaded=LOADED, barbells=BARBELLS) is None


def test_dumbbells_called_by_their_weight_after_log_are_each_hands_load() -> None:
    for typed in (
        "rear delt fly 3x12 with the 8s",
        "rear delt flys 3x12 with 8s",
        "rear delt fly 3x12 8kg each",
    ):
        parsed = parse_log(typed, NAMES, loaded=LOADED, today=TODAY)
        assert parsed == ParsedLog("rear-delt-fly", (12, 12, 12), 8.0, "kg", each_hand=True), typed
        assert isinstance(parsed, ParsedLog) and parsed.each_hand
    # A rest is no pair of dumbbells.
    rested = parse_log("face pull 3x12 20kg with 60s rest", NAMES, loaded=LOADED)
    assert not isinstance(rested, ParsedLog) or not rested.each_hand


def test_a_name_that_fits_one_exercise_of_todays_plan_is_that_one() -> None:
    # The gym's fly and the home one share a name; only the gym's is today's.
    assert parse_log("rear delt flys 3x12", NAMES, loaded=LOADED, today=TODAY) == ParsedLog(
        "rear-delt-fly", (12, 12, 12), None, "kg"
    )
    other_day = parse_log("rear delt flys 3x12", NAMES, loaded=LOADED, today=MAIN)
    assert isinstance(other_day, LogError) and other_day.kind is LogErrorKind.AMBIGUOUS


def test_a_barbell_lift_lighter_than_its_bar_is_asked_with_the_held_versions() -> None:
    held = held_versions(CATALOG, "deadlift")
    assert set(held) == {"dumbbell-rdl", "backpack-rdl"}
    light = ParsedLog("deadlift", (10, 10), 10.0, "kg")
    error = logpick.below_bar(light, name="deadlift", bar=20.0, held=held)
    assert isinstance(error, LogError) and error.kind is LogErrorKind.BELOW_BAR
    assert error.candidates == (*held, "deadlift")
    assert error.values == {"name": "deadlift", "load": "10", "bar": "20", "unit": "kg"}
    assert (
        logpick.below_bar(ParsedLog("deadlift", (5,), 20.0, "kg"), name="deadlift", bar=20.0, held=held)
        is None
    )
    assert logpick.below_bar(ParsedLog("deadlift", (5,), 40.0, "lb"), name="deadlift", bar=45.0, held=held)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "that wasn't a barbell deadlift, I did the dumbbell romanian deadlifts,"
            " please delete the barbell one",
            "barbell",
        ),
        ("remove the deadlift I logged", "deadlift"),
        ("take the rows off today's log", "row"),
        ("please remove today's face pulls", "face pull"),
        ("can you take back the rear delt flys", "rear delt fly"),
        ("delete it", None),
        ("delete my last log", None),
        ("how do I delete a log?", None),
        ("should I drop the deadlift", None),
        ("remove the deadlift from my program", None),
        ("did 3x10 rows, delete the pulldown", None),
    ],
)
def test_a_request_to_take_a_lift_off_names_it(text: str, said: str | None) -> None:
    assert removal.read(text) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A newcomer trial's request was pointed to /undo: its object is a pronoun for the lift named before.
        ("I didn't do the band rows today, please take them off", "band row"),
        ("skipped the face pulls, so delete those please", "face pull"),
        ("the rear delt flys were wrong, remove them", "rear delt fly"),
        # The lift named last before the request.
        ("I did the pulldowns but not the band rows, take them off", "band row"),
        # "Rows" alone is the one logged today.
        ("I didn't do the rows today, please take them off", "cable row"),
        # Nothing named before it: /undo's, as before.
        ("delete it", None),
        ("remove those", None),
        ("please take them off", None),
    ],
)
def test_a_pronoun_is_the_lift_named_before_it(text: str, said: str | None) -> None:
    assert removal.read(text, NAMES, prefer={"seated-cable-row", "lat-pulldown"}) == said


def test_a_pairs_record_is_each_hands_load() -> None:
    record = records.NewRecord(records.RecordKind.HEAVIEST, 10.0, 8.0, 12, 10.0)
    fly = "Bent-over rear-delt fly"
    line = record_lines(Texts.load(), [(fly, record)], "kg", {fly})
    assert "10 kg each hand (was 8 kg each hand)" in line, line
    assert "each hand" not in record_lines(Texts.load(), [(fly, record)], "kg")
