"""Warm-up sets ramping into a heavy main lift: the coach's scheme, and what holds for any load and step."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.rampsets import BAR, HEAVY, Implement, describe, implement_of, ramp, seconds, session_ramps

CATALOG = rules.shipped()
EX = CATALOG.exercises

units = st.sampled_from(["kg", "lb"])
# /units takes steps from 0.01 to 25 in hundredths.
steps = st.one_of(
    st.sampled_from([1.25, 2.5, 5.0, 0.5, 1.0, 10.0, 25.0]), st.integers(1, 2500).map(lambda c: c / 100)
)
loads = st.integers(0, 100_000).map(lambda c: c / 100)
implements = st.sampled_from(list(Implement))


def test_a_heavy_deadlift_gets_the_coachs_ramp() -> None:
    assert (
        describe(ramp(150, Implement.BARBELL, "kg", 2.5), "kg") == "bar × 8, 60 × 5, 90 × 3, 120 × 2, 135 × 1"
    )
    assert (
        describe(ramp(315, Implement.BARBELL, "lb", 5), "lb") == "bar × 8, 125 × 5, 190 × 3, 250 × 2, 285 × 1"
    )


def test_lighter_loads_get_fewer_sets_and_a_load_near_the_bar_none() -> None:
    lengths = [len(ramp(load, Implement.BARBELL, "kg", 2.5)) for load in (150, 80, 60, 40, 35, 20)]
    assert lengths == [5, 4, 3, 2, 0, 0]
    assert ramp(85, Implement.BARBELL, "lb", 5) == ()


def test_a_later_lift_of_a_warm_pattern_and_a_short_session_get_fewer() -> None:
    assert describe(ramp(100, Implement.BARBELL, "kg", 2.5, first=False), "kg") == "70 × 3"
    assert describe(ramp(150, Implement.BARBELL, "kg", 2.5, short=True), "kg") == "75 × 5, 120 × 2"
    assert describe(ramp(60, Implement.STACK, "kg", 2.5), "kg") == "30 × 8, 45 × 4"


@given(loads, implements, units, steps, st.booleans(), st.booleans())
def test_every_warm_up_set_climbs_to_the_working_load_in_the_chats_steps(
    working: float, implement: Implement, unit: str, step: float, first: bool, short: bool
) -> None:
    sets = ramp(working, implement, unit, step, first=first, short=short)
    if working < HEAVY[implement][unit]:
        assert sets == ()
    assert len(sets) <= (5 if first and not short else 2 if first else 1)
    shown = [BAR[unit] if s.load is None else s.load for s in sets]
    assert shown == sorted(shown) and len(set(shown)) == len(shown)
    assert all(load < working for load in shown)
    assert all(s.reps >= 1 for s in sets)
    assert [s.reps for s in sets] == sorted((s.reps for s in sets), reverse=True)
    for s in sets:
        if s.load is not None:
            assert round(s.load * 100) % round(step * 100) == 0
            if implement == Implement.BARBELL:
                assert s.load >= BAR[unit]
        else:
            assert implement == Implement.BARBELL
    assert seconds(sets) == (0 if not sets else seconds(sets[:-1]) + seconds(sets[-1:]))


def test_bodyweight_band_backpack_and_added_load_moves_are_never_ramped() -> None:
    for exercise in ("weighted-pull-up", "backpack-rdl", "face-pull", "rear-delt-fly"):
        assert implement_of(EX[exercise]) is None, exercise
    assert implement_of(EX["deadlift"]) == Implement.BARBELL
    assert implement_of(EX["dumbbell-rdl"]) == Implement.DUMBBELL
    assert implement_of(EX["lat-pulldown"]) == Implement.STACK
    assert ramp(8, Implement.DUMBBELL, "kg", 2.5) == ()


def test_only_the_first_lift_ramped_gets_the_whole_ramp_and_every_later_one_a_feeler_set() -> None:
    ramps = session_ramps(
        [
            (EX["deadlift"], 150.0),
            (EX["lat-pulldown"], 70.0),
            (EX["barbell-rdl"], 100.0),
            (EX["face-pull"], 30.0),
            (EX["seated-cable-row"], None),
        ],
        "kg",
        2.5,
    )
    assert [describe(sets, "kg") for sets in ramps] == [
        "bar × 8, 60 × 5, 90 × 3, 120 × 2, 135 × 1",
        # A new pattern once the body is warm: one set to find the groove.
        "42.5 × 5",
        "70 × 3",
        "",
        "",
    ]
    # A first lift with no ramp (no load known) warms nothing: the pulldown then gets the whole ramp.
    unknown = session_ramps([(EX["deadlift"], None), (EX["lat-pulldown"], 70.0)], "kg", 2.5)
    assert [describe(sets, "kg") for sets in unknown] == ["", "35 × 8, 52.5 × 4"]
    short = session_ramps([(EX["deadlift"], 150.0), (EX["lat-pulldown"], 70.0)], "kg", 2.5, short=True)
    assert [describe(sets, "kg") for sets in short] == ["75 × 5, 120 × 2", ""]


def test_a_deload_days_ramp_is_short_and_stops_well_under_the_easy_sets() -> None:
    # A newcomer trial: "bar × 8, 37.5 × 5, 57.5 × 3, 75 × 2, 85 × 1" before easy sets of 6 at 95 kg.
    assert describe(ramp(95, Implement.BARBELL, "kg", 2.5, light=True), "kg") == "bar × 8, 47.5 × 5, 70 × 3"
    assert describe(ramp(60, Implement.STACK, "kg", 2.5, light=True), "kg") == "35 × 6"
    # Later lifts of a deload day keep their one feeler set.
    lifts = [(EX["deadlift"], 95.0), (EX["lat-pulldown"], 50.0)]
    first, later = session_ramps(lifts, "kg", 2.5, light=True)
    assert len(first) == 3 and len(later) == 1


@given(working=loads, implement=implements, unit=units, step=steps)
def test_a_light_ramp_has_at_most_three_sets_none_a_single_none_over_80_percent(
    working: float, implement: Implement, unit: str, step: float
) -> None:
    sets = ramp(working, implement, unit, step, light=True)
    assert len(sets) <= 3
    assert all(s.reps >= 3 for s in sets)
    assert all(s.load is None or s.load <= 0.8 * working + step for s in sets)
