"""Which lifts /progress draws (``bot.coach.charted``): each main slot's lift, a stand-in only while it has
no sets in the chart's weeks."""

from __future__ import annotations

from datetime import date, timedelta

from bot.coach.catalog import Catalog
from bot.coach.charted import MainSlot, chart_lifts, earlier_lifts, left_beside, main_slots, previous_slots
from bot.coach.model import SetDone
from bot.coach.planner import profile_of

CATALOG = Catalog.load()
HOME_DAY, GYM_DAY = date(2026, 12, 3), date(2026, 12, 4)
HINGE = MainSlot(frozenset({"deadlift"}), frozenset({"barbell-rdl", "dumbbell-rdl"}))
PULL = MainSlot(frozenset({"lat-pulldown"}), frozenset({"pull-up", "band-pulldown"}))
ROW = MainSlot(frozenset({"seated-cable-row"}), frozenset({"band-row"}))


def on(*days: date, load: float = 100) -> list[tuple[date, SetDone]]:
    return [(day, SetDone(8, load)) for day in days]


def test_with_no_plan_the_latest_sessions_lifts_come_first() -> None:
    home = {
        "push_up": [(HOME_DAY - timedelta(days=7 * week), SetDone(10)) for week in range(6)],
        "goblet_squat": [(HOME_DAY - timedelta(days=7 * week), SetDone(10, 16)) for week in range(6)],
        "band_row": [(HOME_DAY - timedelta(days=7 * week), SetDone(12)) for week in range(6)],
    }
    gym = {"barbell_row": [(GYM_DAY, SetDone(8, 40))], "bench_press": [(GYM_DAY, SetDone(8, 40))]}
    # The log's order is oldest first, so the home lifts come first in it.
    assert chart_lifts({**home, **gym}, 3) == ["barbell_row", "bench_press", "push_up"]
    assert chart_lifts({"push_up": [], **gym}, 3) == ["barbell_row", "bench_press"]


def test_the_blocks_lift_beats_a_variant_logged_later() -> None:
    days = [GYM_DAY - timedelta(days=2 * back) for back in range(6, -1, -1)]
    logged = {
        # The volume day's Romanian deadlift is the latest hinge, and trained more often than the lat
        # pulldown: the old ranking put it first and left the deadlift off.
        "barbell-rdl": on(*days[-4:]),
        "deadlift": on(*days[:3]),
        "band-row": on(days[0]),
        "seated-cable-row": on(*days),
        "lat-pulldown": on(*days[1:]),
        "pull-up": on(days[-1]),
    }
    assert chart_lifts(logged, 3, [HINGE, PULL, ROW]) == ["deadlift", "lat-pulldown", "seated-cable-row"]


def test_a_stand_in_only_while_the_lift_has_no_sets_in_the_charts_weeks() -> None:
    since = GYM_DAY - timedelta(weeks=11)
    logged = {
        "deadlift": on(since - timedelta(days=1)),  # before the chart's weeks: nothing to draw
        "dumbbell-rdl": on(HOME_DAY - timedelta(days=30)),
        "barbell-rdl": on(HOME_DAY - timedelta(days=20), HOME_DAY - timedelta(days=40)),
        "pull-up": on(HOME_DAY),
        "band-pulldown": on(*(HOME_DAY - timedelta(days=3 * n) for n in range(1, 9))),
    }
    # The hinge's latest stand-in, the pull's latest (not its most trained); no row logged, none drawn.
    assert chart_lifts(logged, 3, [HINGE, PULL, ROW], since) == ["barbell-rdl", "pull-up"]
    assert chart_lifts(logged, 3, [HINGE, PULL, ROW]) == ["deadlift", "pull-up"]
    assert chart_lifts(logged, 1, [HINGE, PULL, ROW], since) == ["barbell-rdl"]


def test_an_advanced_gym_blocks_main_lifts_and_their_stand_ins() -> None:
    profile = profile_of(CATALOG, "advanced", "gym", None, 2)
    hinge, pull, row = main_slots(CATALOG, profile, 1)
    assert (hinge.lifts, pull.lifts, row.lifts) == ({"deadlift"}, {"lat-pulldown"}, {"seated-cable-row"})
    assert "barbell-rdl" in hinge.others and "deadlift" not in hinge.others
    # The next block moves each main slot to its next option, the variations a block keeps.
    hinge, pull, _row = main_slots(CATALOG, profile, 9)
    assert hinge.lifts == {"barbell-rdl"} and "deadlift" in hinge.others
    assert pull.lifts == {"weighted-pull-up"} and "pull-up" in pull.others


def test_a_rung_climbed_is_the_same_lift() -> None:
    profile = profile_of(CATALOG, "beginner", "home", "bar,bands", 2)
    [pull, _row] = main_slots(CATALOG, profile, 1)
    assert "band-assisted-pull-up" in pull.lifts and {"pull-up", "weighted-pull-up"} <= pull.lifts
    logged = {"band-assisted-pull-up": on(HOME_DAY - timedelta(days=9)), "pull-up": on(HOME_DAY, load=0)}
    assert chart_lifts(logged, 3, [pull]) == ["pull-up"]


WEIGHTED = MainSlot(frozenset({"weighted-pull-up"}), frozenset({"pull-up", "lat-pulldown", "chin-up"}))


def test_bodyweight_pull_ups_beside_weighted_ones_are_named_and_earlier_or_loaded_ones_are_not() -> None:
    first = GYM_DAY - timedelta(days=6)
    logged = {
        "weighted-pull-up": on(first, GYM_DAY - timedelta(days=2), load=5),
        # Block 1's: before the first weighted set, so not beside it.
        "lat-pulldown": on(first - timedelta(days=3)),
        "chin-up": [(first - timedelta(days=1), SetDone(8))],
        # The volume day's, after it: reps the added-load lines leave out.
        "pull-up": [(GYM_DAY - timedelta(days=4), SetDone(10)), (GYM_DAY, SetDone(11))],
    }
    picked = chart_lifts(logged, 3, [WEIGHTED])
    assert picked == ["weighted-pull-up"]
    assert left_beside(picked, logged, [WEIGHTED], {"weighted-pull-up"}) == {"weighted-pull-up": ["pull-up"]}
    # A lift with a load of its own (the lat pulldown) draws its load whatever is logged beside it.
    assert left_beside(picked, logged, [WEIGHTED], set()) == {}
    # Weighted pull-ups never logged with a load: nothing is drawn as added load to leave anything off.
    unloaded = {**logged, "weighted-pull-up": [(first, SetDone(5))]}
    assert left_beside(picked, unloaded, [WEIGHTED], {"weighted-pull-up"}) == {}


def test_the_previous_blocks_main_lifts_come_after_this_blocks() -> None:
    profile = profile_of(CATALOG, "advanced", "gym", None, 3)
    assert previous_slots(CATALOG, profile, 12) == [], "block 1 has none before it"
    previous = previous_slots(CATALOG, profile, 13)
    assert [slot.lifts for slot in previous] == [slot.lifts for slot in main_slots(CATALOG, profile, 1)]
    slots = main_slots(CATALOG, profile, 13)
    days = [GYM_DAY - timedelta(days=2 * back) for back in range(20, -1, -1)]
    logged = {
        "deadlift": on(*days[:12], load=150),
        "seated-cable-row": on(*days[:12]),
        "barbell-rdl": on(*days[12:]),
        "weighted-pull-up": on(*days[12:], load=2.5),
        "chest-supported-row": on(*days[12:]),
    }
    picked = chart_lifts(logged, 3, slots)
    assert picked == ["barbell-rdl", "weighted-pull-up", "chest-supported-row"]
    # Block 1's lat pulldown was never logged: nothing to draw for it.
    assert earlier_lifts(picked, logged, slots, previous, 3) == ["deadlift", "seated-cable-row"]
    assert earlier_lifts(picked, logged, slots, previous, 1) == ["deadlift"]
    # Before the chart's weeks, or a main lift of this block too: not an earlier block's to add.
    assert earlier_lifts(picked, logged, slots, previous, 3, days[12]) == []
    assert earlier_lifts(picked, logged, previous, previous, 3) == []
    # With this block's row not logged yet, block 1's stands in for it in its slot: drawn once.
    del logged["chest-supported-row"]
    picked = chart_lifts(logged, 3, slots)
    assert picked == ["barbell-rdl", "weighted-pull-up", "seated-cable-row"]
    assert earlier_lifts(picked, logged, slots, previous, 2) == ["deadlift"]
