"""A session lighter on purpose is no baseline, and "your recent set" is the latest one that still says
something (a newcomer trial: "worked out from your recent set (60 kg × 8)", the first pulldown session
back after a pain, three days after 4×9 @ 75 kg; and 32.5 kg × 6 the day after 4×8 @ 32.5 kg)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.comeback import CLIMBS, after_lighter, lighter_days
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, plan_session
from bot.coach.progression import Plan, Prescription, Reason
from bot.coach.progression_days import recent_estimate
from bot.coach.sessionlog import Rotation, targets

CATALOG = rules.shipped()
DAY = date(2026, 3, 2)
PULLDOWN = Plan(sets=4, rep_range=(8, 10), increment=2.5)


def on(offset: int, *sets: SetDone) -> list[tuple[date, SetDone]]:
    return [(DAY + timedelta(days=offset), done) for done in sets]


def test_the_first_session_after_a_pain_lighter_than_before_is_a_lighter_day() -> None:
    history = {
        "lat-pulldown": on(0, *[SetDone(8, 80.0)] * 4)
        + on(10, *[SetDone(8, 60.0)] * 4)
        + on(13, SetDone(8, 80.0))
    }
    cleared = {"lat-pulldown": DAY + timedelta(days=9)}
    assert lighter_days(history, cleared) == {"lat-pulldown": frozenset({DAY + timedelta(days=10)})}
    # At the old load after all: it counts.
    same = {"lat-pulldown": on(0, SetDone(8, 80.0)) + on(10, SetDone(8, 80.0))}
    assert lighter_days(same, cleared) == {}
    # Without a pain or a long break, a lighter day is a lighter day: judged.
    assert lighter_days(history, {}) == {}


def test_a_bodyweight_move_back_with_a_set_fewer_after_a_long_break_is_a_lighter_day() -> None:
    history = {"pull-up": on(0, SetDone(8), SetDone(7), SetDone(6)) + on(30, SetDone(6), SetDone(6))}
    assert lighter_days(history, {}) == {"pull-up": frozenset({DAY + timedelta(days=30)})}


@given(
    loads=st.lists(st.one_of(st.none(), st.integers(1, 40).map(lambda n: n * 2.5)), min_size=1, max_size=8),
    gaps=st.lists(st.integers(1, 40), min_size=8, max_size=8),
    back=st.integers(0, 200),
)
def test_a_lighter_day_always_lifted_less_than_the_session_before_it(
    loads: list[float | None], gaps: list[int], back: int
) -> None:
    days = [DAY]
    for gap in gaps[: len(loads) - 1]:
        days.append(days[-1] + timedelta(days=gap))
    history = {"lift": [(day, SetDone(8, load)) for day, load in zip(days, loads, strict=True)]}
    found = lighter_days(history, {"lift": DAY + timedelta(days=back)}).get("lift", frozenset())
    assert DAY not in found
    for at, day in enumerate(days):
        if day in found:
            assert (loads[at] or 0.0) < (loads[at - 1] or 0.0)


def test_the_recent_set_is_the_latest_one_a_later_session_did_not_match() -> None:
    older, newer = [SetDone(6, 32.5)], [SetDone(8, 32.5)] * 4
    found = recent_estimate([older, newer], PULLDOWN)
    assert found is not None and found[1] == SetDone(8, 32.5)


def test_the_heavy_day_after_a_pain_session_is_worked_out_from_the_heavy_days_before_it() -> None:
    profile = Profile(Level.ADVANCED, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 3)
    session = plan_session(CATALOG, profile, 1)
    assert any(item.exercise.id == "lat-pulldown" for item in session.exercises)
    history = {"lat-pulldown": on(0, *[SetDone(8, 80.0)] * 4) + on(7, *[SetDone(8, 60.0)] * 4)}
    eased = DAY + timedelta(days=7)
    rotation = Rotation("heavy day", {DAY: "heavy day", eased: "heavy day"})
    found = targets(
        session,
        history,
        increment=2.5,
        ladders={},
        rotation=rotation,
        lighter={"lat-pulldown": {eased}},
        today=DAY + timedelta(days=10),
    )
    pulldown = next(target for target in found if target.planned == "lat-pulldown")
    assert pulldown.last == (SetDone(8, 80.0),) * 4
    # Back at 80 kg, no more yet: never the 60 kg day's "4×6 @ 62.5 kg".
    assert pulldown.prescription.load == 80.0


@given(
    reps=st.lists(st.integers(1, 20), min_size=1, max_size=5),
    load=st.one_of(st.none(), st.integers(1, 80).map(lambda n: n * 2.5)),
    wanted=st.integers(1, 25),
    more=st.integers(0, 20),
    reason=st.sampled_from(sorted(CLIMBS)),
)
def test_the_session_after_a_lighter_one_never_asks_more_than_before_it(
    reps: list[int], load: float | None, wanted: int, more: int, reason: Reason
) -> None:
    last = [SetDone(n, load) for n in reps]
    rule = Prescription("lift", 4, wanted, None if load is None else load + 2.5 * more, reason)
    held = after_lighter(rule, "lift", last, PULLDOWN)
    assert (held.load or 0.0) <= (load or 0.0)
    if (held.load or 0.0) == (load or 0.0):
        assert held.reps <= min(reps), "never more reps at the same load"
