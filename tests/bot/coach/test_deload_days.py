"""A deload week's session is the day it falls on made easy (``planner._prescribe``), and a lift kept to
some kinds of day (``Exercise.days``) is on no other.

A coach's trial: the deadlift's heavy day of the deload week asked 2×8 (the deload's own 8–10) of a lift
worked at 155 kg × 4, and a volume day asked "Pendlay row 3 × 5–8 reps", an explosive row capped at a
heavy range on a day of 12–15.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.coach import rules
from bot.coach.catalog import Catalog
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, day_turn, plan_session, position
from bot.coach.preview import as_text
from bot.coach.trainingweeks import PLANNED

CATALOG = Catalog.load()
GYM = CATALOG.kit_for(Equipment.GYM, frozenset())


def _profile(level: Level, per_week: int) -> Profile:
    return Profile(level, Equipment.GYM, GYM, per_week)


@pytest.mark.parametrize("level", [Level.INTERMEDIATE, Level.ADVANCED])
@pytest.mark.parametrize("per_week", [1, 2, 3, 4])
def test_a_deload_session_is_its_day_at_the_bottom_of_its_range_with_half_the_sets(
    level: Level, per_week: int
) -> None:
    profile = _profile(level, per_week)
    plan = CATALOG.routines.level(level)
    deloads = [n for n in range(1, 40) if position(CATALOG, profile, n).deload]
    assert deloads
    for number in deloads:
        session = plan_session(CATALOG, profile, number)
        turn = day_turn(CATALOG, profile, number, PLANNED)
        day = plan.day[turn]
        # The week before: the same kind of day, full (where every week has each kind, the same day).
        same = next(
            n
            for n in range(number - 1, 0, -1)
            if not position(CATALOG, profile, n).deload
            and day_turn(CATALOG, profile, n, PLANNED) == turn
            and (per_week < len(plan.day) or (number - n) % per_week == 0)
        )
        # By slot's tier too: a volume day's pull-ups in the main slot are not the deload's secondary ones.
        worked = {(i.exercise.id, i.tier): i for i in plan_session(CATALOG, profile, same).exercises}
        for item in session.exercises:
            assert item.rir == 4 and item.technique is None
            full = getattr(day, item.tier).sets
            assert item.sets == -(-full // 2) < full or full == 1
            if item.reps is None:
                continue
            assert item.reps[0] == item.reps[1], "one number: the bottom of the day's range"
            before = worked.get((item.exercise.id, item.tier))
            if before is not None and before.reps is not None:
                assert item.reps[0] == before.reps[0], f"{item.exercise.id} on session {number}"


def test_the_trials_heavy_deload_day_asks_a_triple_not_eight() -> None:
    profile = _profile(Level.ADVANCED, 3)
    session = plan_session(CATALOG, profile, 10)
    assert session.deload and position(CATALOG, profile, 10).in_block % 3 == 0
    deadlift = next(item for item in session.exercises if item.exercise.id == "deadlift")
    assert (deadlift.sets, deadlift.reps, deadlift.rir) == (2, (3, 3), 4)
    text = as_text(session)
    assert "2 × 3 reps · 4 in reserve" in text
    assert "8–10" not in text and "moderate reps" not in text
    assert "a heavy day's 3–5 is 3" in text


@pytest.mark.parametrize("per_week", [1, 2, 3, 4, 5, 6, 7])
def test_a_pendlay_row_is_a_heavy_days_lift_only(per_week: int) -> None:
    profile = _profile(Level.ADVANCED, per_week)
    kinds: dict[str, set[str]] = {}
    for number in range(1, 49):
        session = plan_session(CATALOG, profile, number)
        for item in session.exercises:
            kinds.setdefault(item.exercise.id, set()).add(session.day)
            if item.reps is not None and item.exercise.max_reps is not None:
                assert session.deload or item.reps[1] <= item.exercise.max_reps
    assert kinds.get("pendlay-row", set()) <= {"heavy day", ""}
    # Still in the rotation on heavy days (where the turn of days and the slot's options meet on it), and
    # the volume day's row is one that holds up to its reps.
    # (At 7 a week the heavy day, every Monday, lands on the same row all block.)
    if per_week in (5, 6):
        assert "heavy day" in kinds["pendlay-row"]
    assert "volume day" in kinds["bent-over-row"] | kinds["chest-supported-row"]


def test_the_rules_walk_names_a_heavy_days_lift_on_a_volume_day() -> None:
    profile = _profile(Level.ADVANCED, 3)
    volume = next(
        session
        for session in (plan_session(CATALOG, profile, n) for n in range(1, 13))
        if session.day == "volume day"
    )
    pendlay = CATALOG.exercises["pendlay-row"]
    items = [
        dataclasses.replace(item, exercise=pendlay, reps=(5, 8)) if item.tier == "secondary" else item
        for item in volume.exercises
    ]
    broken = dataclasses.replace(volume, exercises=tuple(items))
    assert "pendlay-row on a volume day: it is for the heavy day only" in rules.check_session(CATALOG, broken)
    assert rules.check_session(CATALOG, volume) == []
