"""A session lighter on purpose is no baseline, and "your recent set" is the latest one that still says
something (a newcomer trial: "worked out from your recent set (60 kg × 8)", the first pulldown session
back after a pain, three days after 4×9 @ 75 kg; and 32.5 kg × 6 the day after 4×8 @ 32.5 kg)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.comeback import (
    CLIMBS,
    LONG_BREAK,
    Lighter,
    after_lighter,
    chosen_light,
    lighter_days,
    lighter_last,
)
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, plan_session
from bot.coach.progress_text import progress_line
from bot.coach.progression import Plan, Prescription, Reason
from bot.coach.progression_days import recent_estimate
from bot.coach.sessionlog import Rotation, Target, targets
from bot.coach.texts import Texts

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


# --- what /workout's line says of a last session lighter on purpose ---------------------------------------

TEXTS = Texts.load()
BEGINNER = Profile(Level.BEGINNER, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 2)


def pulldown_after(history: list[tuple[date, SetDone]], **kwargs: object) -> Target:
    session = plan_session(CATALOG, BEGINNER, 3)
    found = targets(session, {"lat-pulldown": history}, increment=2.5, ladders={}, **kwargs)  # type: ignore[arg-type]
    return next(target for target in found if target.planned == "lat-pulldown")


def line_of(target: Target) -> str:
    return progress_line(
        exercise=target.planned,
        last=target.last,
        prescription=target.prescription,
        plan=target.plan,
        unit="kg",
        names={"lat-pulldown": "Lat pulldown"},
        texts=TEXTS,
        lighter=target.lighter,
        lighter_why=target.lighter_why,
    )


def test_after_a_deload_week_the_line_says_last_time_was_the_deload_and_follows_the_work_before_it() -> None:
    deload = DAY + timedelta(days=7)
    history = on(0, *[SetDone(12, 40.0)] * 2) + on(7, *[SetDone(10, 35.0)])
    target = pulldown_after(history, deloads={deload}, today=DAY + timedelta(days=10))
    assert (target.lighter, target.lighter_why) == ((SetDone(10, 35.0),), Lighter.DELOAD)
    assert line_of(target) == (
        "Lat pulldown: last time 1×10 @ 35 kg, lighter on purpose in the deload week; before that 2×12 @"
        " 40 kg → today 2×10 @ 42.5 kg. Every set hit the top: heavier now. 💪"
    )
    # A session that counts is last time, said as ever.
    counted = pulldown_after(history, today=DAY + timedelta(days=10))
    assert counted.lighter_why is None and line_of(counted).startswith(
        "Lat pulldown: last time 1×10 @ 35 kg →"
    )


def test_after_a_first_session_back_after_a_pain_the_line_says_it_was_lighter_on_purpose() -> None:
    eased = DAY + timedelta(days=7)
    history = on(0, *[SetDone(10, 40.0)] * 2) + on(7, *[SetDone(10, 27.5)] * 2)
    target = pulldown_after(history, lighter={"lat-pulldown": {eased}}, today=DAY + timedelta(days=10))
    assert target.lighter_why is Lighter.PAIN
    assert line_of(target) == (
        "Lat pulldown: last time 2×10 @ 27.5 kg, lighter on purpose after the pain; before that 2×10 @ 40 kg"
        " → today 2×10 @ 40 kg again: back where you were before going up."
    )


def test_a_lighter_day_of_another_kind_leaves_the_last_day_of_todays_kind_as_it_is() -> None:
    profile = Profile(Level.ADVANCED, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 3)
    eased = DAY + timedelta(days=2)
    history = {"lat-pulldown": on(0, *[SetDone(6, 80.0)] * 4) + on(2, *[SetDone(8, 50.0)] * 4)}
    rotation = Rotation("heavy day", {DAY: "heavy day", eased: "moderate day"})
    found = targets(
        plan_session(CATALOG, profile, 1),
        history,
        increment=2.5,
        ladders={},
        rotation=rotation,
        lighter={"lat-pulldown": {eased}},
        today=DAY + timedelta(days=7),
    )
    pulldown = next(target for target in found if target.planned == "lat-pulldown")
    assert pulldown.lighter_why is None and pulldown.lighter == ()


@given(gaps=st.lists(st.integers(1, 60), min_size=1, max_size=6), deload=st.booleans(), lighter=st.booleans())
def test_lighter_last_is_the_last_days_and_a_break_only_after_four_weeks(
    gaps: list[int], deload: bool, lighter: bool
) -> None:
    days = [DAY]
    for gap in gaps:
        days.append(days[-1] + timedelta(days=gap))
    dated = [(day, SetDone(8, 40.0)) for day in days]
    found = lighter_last(dated, {days[-1]} if deload else set(), {days[-1]} if lighter else set())
    if not (deload or lighter):
        assert found is None
        return
    assert found is not None and found[0] == days[-1]
    if deload:
        assert found[1] is Lighter.DELOAD
    else:
        assert (found[1] is Lighter.BREAK) == (days[-1] - days[-2] >= LONG_BREAK)
    # An earlier day lighter on purpose says nothing once a later session counts.
    assert (
        lighter_last([*dated, (days[-1] + timedelta(days=3), SetDone(8, 40.0))], {days[-1]}, {days[-1]})
        is None
    )


LIGHT_LOADS = st.lists(
    st.sampled_from([20.0, 25.0, 30.0, 32.5, 34.0, 35.0, 37.5, 40.0, 45.0]), min_size=1, max_size=8
)


@given(loads=LIGHT_LOADS)
def test_a_chosen_light_day_is_one_well_under_the_heaviest_of_the_last_few(loads: list[float]) -> None:
    days = [DAY + timedelta(days=3 * index) for index in range(len(loads))]
    history = {"row": [(day, SetDone(10, load)) for day, load in zip(days, loads, strict=True)]}
    found = chosen_light(history).get("row", frozenset())
    for index, day in enumerate(days):
        before = loads[max(0, index - 3) : index]
        assert (day in found) == bool(before and loads[index] < 0.85 * max(before)), (loads, index)
    # No more than a step under the last few (a back-off of a light load) is never a light day.
    for day in chosen_light(history, step=2.5).get("row", frozenset()):
        index = days.index(day)
        assert loads[index] < max(loads[max(0, index - 3) : index]) - 2.5
    backed_off = {"fly": [(DAY, SetDone(12, 10.0)), (DAY + timedelta(days=3), SetDone(10, 7.5))]}
    assert chosen_light(backed_off, step=2.5) == {} and chosen_light(backed_off) != {}
    # Sets without a load are never a light day; nor days of another kind.
    assert chosen_light({"band-row": [(d, SetDone(12)) for d in days]}) == {}
    kinds = {day: "heavy" if index % 2 == 0 else "volume" for index, day in enumerate(days)}
    for day in chosen_light(history, kinds).get("row", frozenset()):
        index = days.index(day)
        same = [load for i, load in enumerate(loads[:index]) if i % 2 == index % 2][-3:]
        assert loads[index] < 0.85 * max(same)


def test_a_chosen_light_day_is_said_as_one_and_a_pain_or_break_before_it() -> None:
    dated = [(DAY, SetDone(7, 40.0)), (DAY + timedelta(days=3), SetDone(10, 30.0))]
    light = {DAY + timedelta(days=3)}
    assert lighter_last(dated, set(), set(), light) == (DAY + timedelta(days=3), Lighter.CHOSEN)
    assert lighter_last(dated, set(), light, light) == (DAY + timedelta(days=3), Lighter.PAIN)


INTERMEDIATE = Profile(Level.INTERMEDIATE, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 3)


def bodyweight_after(exercise: str, history: list[tuple[date, SetDone]], number: int, today: date) -> Target:
    session = plan_session(CATALOG, INTERMEDIATE, number)
    found = targets(session, {exercise: history}, increment=2.5, ladders={}, today=today)
    return next(target for target in found if target.planned == exercise)


def test_a_chosen_light_day_of_a_bodyweight_move_is_no_baseline() -> None:
    # A newcomer trial: chin-ups 3×8, a light day of 2×6 by choice, a /pause, and "Chin-up: last time 2×6
    # → today 3×6"; pull-ups 10, 9, 8 dropped to 3×6 the same way.
    today = DAY + timedelta(days=14)
    chin = bodyweight_after("chin-up", on(0, *[SetDone(8)] * 3) + on(3, *[SetDone(6)] * 2), 4, today)
    assert chin.lighter_why is Lighter.CHOSEN and chin.lighter == (SetDone(6), SetDone(6))
    assert (chin.prescription.sets, chin.prescription.reps) == (3, 8)
    line = progress_line(
        exercise="chin-up",
        last=chin.last,
        prescription=chin.prescription,
        plan=chin.plan,
        unit="kg",
        names={"chin-up": "Chin-up"},
        texts=TEXTS,
        lighter=chin.lighter,
        lighter_why=chin.lighter_why,
    )
    assert line.startswith(
        "Chin-up: last time 2×6, well under your recent sets, so I count it as a light day, not a new"
        " starting point; before that 3×8 → today 3×8"
    )
    pull = on(0, SetDone(10), SetDone(9), SetDone(8)) + on(3, *[SetDone(6)] * 2)
    assert (bodyweight_after("pull-up", pull, 1, today).prescription.reps) == 8


def test_the_same_sets_with_fewer_reps_are_a_hard_day_not_a_light_one() -> None:
    hard = {"chin-up": on(0, *[SetDone(8)] * 3) + on(3, *[SetDone(5)] * 3)}
    assert chosen_light(hard) == {}
    assert chosen_light({"chin-up": on(0, *[SetDone(8)] * 3) + on(3, *[SetDone(11)] * 2)}) == {}
    # Timed holds are no reps to compare.
    held = {"plank": on(0, *[SetDone(0, seconds=40)] * 3) + on(3, SetDone(0, seconds=20))}
    assert chosen_light(held) == {}


@given(sets=st.lists(st.lists(st.integers(1, 15), min_size=1, max_size=5), min_size=1, max_size=7))
def test_a_bodyweight_light_day_has_fewer_and_easier_sets_than_the_most_of_the_last_few(
    sets: list[list[int]],
) -> None:
    days = [DAY + timedelta(days=3 * index) for index in range(len(sets))]
    history = {
        "dip": [(day, SetDone(reps)) for day, day_sets in zip(days, sets, strict=True) for reps in day_sets]
    }
    found = chosen_light(history).get("dip", frozenset())
    for index, day in enumerate(days):
        before = sets[max(0, index - 3) : index]
        most = max(before, key=sum, default=None)
        light = (
            most is not None
            and len(sets[index]) < len(most)
            and sum(sets[index]) < 0.85 * sum(most)
            and max(sets[index]) < 0.85 * max(most)
        )
        assert (day in found) == light, (sets, index)


def test_back_after_a_pause_after_a_light_day_holds_to_the_sets_before_it_and_says_so() -> None:
    # A newcomer trial: "last time 2×8 @ 45 kg, well under your recent sets … → today 3×6 @ 65 kg: … so the
    # same as last time", when last time was the light 45 kg.
    history = on(0, *[SetDone(6, 65.0)] * 3) + on(3, *[SetDone(8, 45.0)] * 2)
    session = plan_session(CATALOG, INTERMEDIATE, 1)
    found = targets(
        session, {"seated-cable-row": history}, increment=2.5, ladders={}, today=DAY + timedelta(days=14)
    )
    row = next(target for target in found if target.planned == "seated-cable-row")
    line = progress_line(
        exercise=row.planned,
        last=row.last,
        prescription=row.prescription,
        plan=row.plan,
        unit="kg",
        names={"seated-cable-row": "Seated cable row"},
        texts=TEXTS,
        lighter=row.lighter,
        lighter_why=row.lighter_why,
        lapsed=row.lapsed,
    )
    assert "same as last time" not in line
    assert line.startswith("Seated cable row: last time 2×8 @ 45 kg, well under your recent sets")
    assert line.endswith(
        "before that 3×6 @ 65 kg → today 3×6 @ 65 kg: back after 1 week, so the same as those sets before"
        " going up again."
    )


def test_fewer_sets_as_hard_as_before_are_no_light_day_but_fewer_and_easier_ones_are() -> None:
    monday, thursday = date(2026, 11, 23), date(2026, 11, 26)
    # A band-assisted day the plan gives two sets on, after three: 2×5 after 5, 5, 4 is as hard a day.
    planned = {"band-assisted-pull-up": [(monday, SetDone(5)), (monday, SetDone(5)), (monday, SetDone(4))]}
    planned["band-assisted-pull-up"] += [(thursday, SetDone(5))] * 2
    assert chosen_light(planned) == {}
    # Chin-ups 3×8, then 2×6: fewer sets and easier ones, a day the trainee went light.
    chins = {"chin-up": [(monday, SetDone(8))] * 3 + [(thursday, SetDone(6))] * 2}
    assert chosen_light(chins) == {"chin-up": frozenset({thursday})}
