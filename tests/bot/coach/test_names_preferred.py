"""Which lift a name that fits several means: the kit told rules some out, then today's main lifts, the rest
of today's session and the lifts logged, the most recent first (a trial's "the 10s on the rows" was the
seated cable row)."""

from __future__ import annotations

from bot.coach.catalog import Catalog
from bot.coach.loadanswer import Answer, Kind
from bot.coach.loadwords import Told, Unclear, lift_named, read_told
from bot.coach.loglifts import Lifts, kit_fits
from bot.coach.lognames import Names, exercise_named
from bot.coach.logtold import told

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
LOADED = {ex.id for ex in CATALOG.exercises.values() if ex.kind == "load"}
MAIN = {"dumbbell-rdl", "lat-pulldown", "seated-cable-row"}
# A beginner's gym session 3: the main lifts, and a one-arm dumbbell row among the rest.
TODAY = [*MAIN, "one-arm-dumbbell-row", "face-pull", "scapular-pull-up"]


def test_the_kit_told_rules_out_the_lifts_named_with_another() -> None:
    dumbbell = ("dumbbell",)
    assert kit_fits("one-arm-dumbbell-row", dumbbell, NAMES)
    assert kit_fits("rear-delt-fly", dumbbell, NAMES)  # done with dumbbells, and its names say no other kit
    assert kit_fits("backpack-row", dumbbell, NAMES)  # "… a loaded backpack or dumbbells"
    assert not kit_fits("seated-cable-row", dumbbell, NAMES)
    assert not kit_fits("bent-over-row", dumbbell, NAMES)  # the barbell row
    assert not kit_fits("band-row", dumbbell, NAMES)


def test_rows_with_the_10s_are_todays_dumbbell_row_not_its_main_cable_row() -> None:
    line = told(
        "did 3x10 on the rows with the 10s", NAMES, prefer=MAIN, unit="kg", loaded=LOADED, then=[TODAY]
    )
    assert line == "dumbbell row 3x10 10kg each"
    # Without a kit told, the main row as before; so too without the preferences after it.
    assert told("did 3x10 rows at 40", NAMES, prefer=MAIN, unit="kg", loaded=LOADED, then=[TODAY]) == (
        "cable row 3x10 40kg"
    )


def test_after_todays_session_the_lift_logged_most_recently() -> None:
    lifts = Lifts(NAMES, MAIN, LOADED, then=[TODAY, ["chest-supported-row"], ["one-arm-dumbbell-row"]])
    # Today's session holds one dumbbell row: that one, whatever was logged.
    assert lifts.named("rows with the 12s", weighted=True) == "dumbbell row"
    # A day without one: the dumbbell row logged last.
    lifts = Lifts(NAMES, MAIN, LOADED, then=[list(MAIN), ["chest-supported-row"], ["one-arm-dumbbell-row"]])
    assert lifts.named("rows with the 12s", weighted=True) == "dumbbell chest supported row"


def test_exercise_named_tries_each_preference_in_turn() -> None:
    both = {"seated-cable-row", "one-arm-dumbbell-row"}
    assert exercise_named("the rows", NAMES, prefer=both) is None
    assert exercise_named("the rows", NAMES, prefer=both, then=[["one-arm-dumbbell-row"]]) == "dumbbell row"


def test_a_load_question_answered_with_a_pair_on_the_rows() -> None:
    asked = [("seated-cable-row",), ("one-arm-dumbbell-row",)]
    assert read_told("the 10s on the rows", asked, NAMES) == [
        Told(Answer(Kind.LOAD, 10, None, "10", True), 1)
    ]
    # A load alone on "the rows" is either: asked back.
    assert read_told("40 on the rows", asked, NAMES) == Unclear("row", (0, 1))
    assert lift_named("row", asked, NAMES, kit=("dumbbell",)) == 1
    # The preferences after the kit: today's plan, then the latest logged.
    assert lift_named("row", asked, NAMES, then=[["one-arm-dumbbell-row"]]) == 1
