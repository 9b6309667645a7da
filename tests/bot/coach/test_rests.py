"""The rest rule (``bot.coach.rests``): a range judged by its top, and 6–8 by what is lifted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import rests, rules
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, plan_session

CATALOG = rules.shipped()
GYM = CATALOG.kit_for(Equipment.GYM, frozenset())


@given(
    exercise=st.sampled_from(sorted(CATALOG.exercises)),
    low=st.integers(1, 20),
    width=st.integers(0, 4),
    rest=st.tuples(st.integers(30, 300), st.integers(0, 60)),
)
def test_the_rest_given_keeps_the_rule_it_is_checked_by(
    exercise: str, low: int, width: int, rest: tuple[int, int]
) -> None:
    lift = CATALOG.exercises[exercise]
    reps = (low, low + width)
    given_rest = rests.rest_for(lift, reps, (rest[0], rest[0] + rest[1]))
    assert rests.rest_problem(lift, reps, given_rest) is None
    assert given_rest[0] <= given_rest[1]


def test_an_intermediates_6_to_8_rests_two_minutes_but_the_deadlift_three_and_the_session_is_an_hour() -> (
    None
):
    """A coach's trial: every 6–8 main lift rested 180–210 s, sessions of 65–70 min."""
    for number in range(1, 11):
        session = plan_session(CATALOG, Profile(Level.INTERMEDIATE, Equipment.GYM, GYM, 3), number)
        for item in session.exercises:
            if item.tier != "main" or session.deload:
                continue
            barbell_hinge = item.exercise.id in ("deadlift", "barbell-rdl")
            assert item.rest_s == ((180, 210) if barbell_hinge else (120, 150)), (number, item.exercise.id)
        assert 50 <= session.minutes <= 60, (number, session.minutes)


@given(
    exercise=st.sampled_from(sorted(CATALOG.exercises)),
    low=st.integers(1, 20),
    rest=st.tuples(st.integers(30, 300), st.integers(0, 60)),
)
def test_a_deload_weeks_sets_rest_like_light_work_whatever_their_reps(
    exercise: str, low: int, rest: tuple[int, int]
) -> None:
    lift = CATALOG.exercises[exercise]
    given_rest = rests.rest_for(lift, (low, low), (rest[0], rest[0] + rest[1]), deload=True)
    most = (120, 120) if lift.barbell and lift.pattern == "hinge" else (60, 90)
    assert given_rest[0] <= most[0] and given_rest[1] <= most[1]
    # Never longer than the routine's own rest for the day, and still what the rules walk accepts.
    assert given_rest[0] <= rest[0] and given_rest[1] <= rest[0] + rest[1]
    assert given_rest[0] <= given_rest[1]
    assert rests.rest_problem(lift, (low, low), given_rest, deload=True) is None


def test_a_deload_heavy_days_chin_ups_rest_60_to_90_s_and_the_session_is_shorter() -> None:
    """A coach's trial: the deload heavy day's 2×6 chin-ups, at four in reserve, rested 3–3.5 min."""
    profile = Profile(Level.ADVANCED, Equipment.GYM, GYM, 3)
    session = plan_session(CATALOG, profile, 10)
    assert session.deload
    rested = {item.exercise.id: (item.reps, item.rest_s) for item in session.exercises}
    assert rested["chin-up"] == ((6, 6), (60, 90))
    assert rested["deadlift"] == ((3, 3), (120, 120))
    # Before, at 3–4 min for the heavy sets, the same session was about 50 min.
    assert session.minutes == 35
    normal = rests.rest_for(CATALOG.exercises["chin-up"], (6, 6), (180, 240))
    assert normal[0] >= rests.HEAVY_REST_S
    assert rests.rest_problem(CATALOG.exercises["chin-up"], (6, 6), (180, 210), deload=True) is not None
