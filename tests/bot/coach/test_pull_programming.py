"""A strength coach's trial of the pulls: a cable's 6–8 rests like a 6–8, not a triple; a short advanced
session keeps both pulls beside the hinge; the moderate day's cable work differs from the heavy day's; and a
secondary lift is never a harder rung than the main lift it backs up."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.catalog import Catalog
from bot.coach.content import ContentError
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.rests import HEAVY_REPS, HEAVY_REST_S
from bot.coach.shortened import cut

CATALOG = rules.shipped()
ROUTINES = CATALOG.routines
PULLS = ("vertical-pull", "horizontal-pull")


def gym(level: Level, per_week: int = 2) -> Profile:
    return Profile(level, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), per_week)


def chats(level: Level) -> st.SearchStrategy[Profile]:
    home = st.builds(
        lambda kit, per_week: Profile(level, Equipment.HOME, kit, per_week),
        st.frozensets(st.sampled_from(CATALOG.kit.home)),
        st.integers(1, 4),
    )
    return st.one_of(st.builds(lambda per_week: gym(level, per_week), st.integers(1, 4)), home)


def rows(session: Session) -> dict[str, tuple[int, tuple[int, int] | None, tuple[int, int]]]:
    return {item.exercise.id: (item.sets, item.reps, item.rest_s) for item in session.exercises}


# ---------------------------------------------------------------- 1. rest by the range's top


def test_the_heavy_days_cable_pulls_rest_two_to_two_and_a_half_minutes_and_the_deadlift_keeps_three() -> None:
    heavy = plan_session(CATALOG, gym(Level.ADVANCED), 1)
    assert heavy.day == "heavy day"
    shown = rows(heavy)
    # Before: (4, (6, 8), (180, 240)) for both cables, an 85-minute session, then 2–3 min.
    assert shown["lat-pulldown"] == (4, (6, 8), (120, 150))
    assert shown["seated-cable-row"] == (4, (6, 8), (120, 150))
    assert shown["deadlift"] == (4, (3, 5), (180, 240))
    assert heavy.minutes <= 75


@settings(max_examples=200, deadline=None)
@given(profile=st.sampled_from(list(Level)).flatmap(chats), number=st.integers(1, 60))
def test_a_heavy_range_rests_three_minutes_and_6_to_8_two_to_two_and_a_half_but_a_barbell_hinge_three(
    profile: Profile, number: int
) -> None:
    session = plan_session(CATALOG, profile, number)
    for item in session.exercises:
        if item.reps is None:
            continue
        barbell_hinge = item.exercise.barbell and item.exercise.pattern == "hinge"
        if session.deload:
            # A deload week's sets are easy whatever their reps: light work's rest (test_rests).
            assert item.rest_s[1] <= (120 if barbell_hinge else 90), item
        elif item.reps[1] <= HEAVY_REPS or (item.reps[1] <= 8 and barbell_hinge):
            assert item.rest_s[0] >= HEAVY_REST_S, item
        elif item.reps[1] <= 8:
            # A pull or a dumbbell hinge at 6–8 (a coach's trial: an intermediate's 65–70 minutes).
            assert item.rest_s == (120, 150), item


def test_the_rule_walk_judges_a_heavy_range_by_its_top() -> None:
    heavy = plan_session(CATALOG, gym(Level.ADVANCED), 1)
    assert rules._heavy_sets_rest(CATALOG, heavy) is None
    rushed = next(item for item in heavy.exercises if item.exercise.id == "deadlift")
    broken = replace(heavy, exercises=(replace(rushed, rest_s=(120, 150)), *heavy.exercises[1:]))
    assert rules._heavy_sets_rest(CATALOG, broken) == "deadlift: sets of 3–5 reps rest 120 s; give them 3 min"


# ---------------------------------------------------------------- 2. a short advanced session keeps the pulls


@pytest.mark.parametrize("number", [1, 2])
def test_twenty_minutes_of_an_advanced_heavy_or_moderate_day_keeps_the_hinge_and_both_pulls(
    number: int,
) -> None:
    session = plan_session(CATALOG, gym(Level.ADVANCED), number)
    # 17 minutes: the 20 this was first tested at fit two sets of each pull once 6–8 rested 2–2.5 min.
    result = cut(session, 17, ROUTINES)
    # Before: two sets each of the deadlift and the pulldown, and no row (the moderate day, before that,
    # kept the deadlift alone, 3 of 4 sets). Two sets of each do not fit: a set of each, the row's second.
    assert [(item.exercise.id, item.sets) for item in result.kept] == [
        ("deadlift", 1),
        ("lat-pulldown", 1),
        ("seated-cable-row", 2),
    ]
    assert result.session.minutes <= 17


@settings(max_examples=150, deadline=None)
@given(profile=chats(Level.ADVANCED), number=st.integers(1, 60))
def test_twenty_minutes_of_any_advanced_session_keeps_both_pulls(profile: Profile, number: int) -> None:
    session = plan_session(CATALOG, profile, number)
    kept = cut(session, 20, ROUTINES).session.exercises
    planned = {item.exercise.pattern for item in session.exercises}
    trained = {item.exercise.pattern for item in kept}
    assert planned & set(PULLS) <= trained, [i.exercise.id for i in kept]
    if "hinge" in trained:
        assert set(PULLS) & planned <= trained


def test_a_set_of_each_pattern_rather_than_two_deadlift_sets_and_a_chin_up() -> None:
    # Block 4's moderate day: chin-ups and bent-over rows 4 × 6–8 on 2–2.5 min rests beside the deadlift's
    # 3 min; in 16 minutes two sets of the deadlift and one of the chin-ups would fit, but leave the row.
    session = plan_session(CATALOG, gym(Level.ADVANCED), 26)
    assert [item.exercise.id for item in session.exercises][:3] == ["deadlift", "chin-up", "bent-over-row"]
    result = cut(session, 16, ROUTINES)
    # Before: [("deadlift", 2), ("chin-up", 1)], and before that [("deadlift", 3)].
    assert [(item.exercise.id, item.sets) for item in result.kept] == [
        ("deadlift", 1),
        ("chin-up", 1),
        ("bent-over-row", 1),
    ]
    assert result.session.minutes <= 16


def test_the_smallest_session_is_a_set_of_each_pull_in_about_ten_minutes() -> None:
    result = cut(plan_session(CATALOG, gym(Level.INTERMEDIATE), 1), 5, ROUTINES)
    assert not result.fits and result.session.minutes == 10
    # Before: [("deadlift", 2)], the same twelve minutes without a pull.
    assert [(item.exercise.id, item.sets) for item in result.kept] == [
        ("lat-pulldown", 1),
        ("seated-cable-row", 1),
    ]


# ---------------------------------------------------------------- 3. the moderate day differs


def test_the_moderate_days_cable_pulls_are_not_the_heavy_days_range() -> None:
    heavy, moderate, volume = (rows(plan_session(CATALOG, gym(Level.ADVANCED), n)) for n in (1, 2, 3))
    # Before: 6–8 on the heavy and on the moderate day alike.
    assert [day["lat-pulldown"][1] for day in (heavy, moderate, volume)] == [(6, 8), (8, 10), (10, 12)]
    assert moderate["lat-pulldown"][2] == (90, 120)
    # The deadlift keeps the day's own range.
    assert moderate["deadlift"][1] == (6, 8)


@settings(max_examples=100, deadline=None)
@given(profile=chats(Level.ADVANCED), block=st.integers(0, 3))
def test_every_main_lift_of_an_advanced_block_varies_from_the_heavy_to_the_moderate_day(
    profile: Profile, block: int
) -> None:
    first = block * CATALOG.routines.advanced.block_weeks * profile.per_week + 1
    sessions = [plan_session(CATALOG, profile, n) for n in range(first, first + 3 * profile.per_week)]
    by_day = {
        session.day: {item.exercise.id: item.reps for item in session.exercises if item.tier == "main"}
        for session in sessions
        if not session.deload
    }
    if {"heavy day", "moderate day"} <= set(by_day):
        heavy, moderate = by_day["heavy day"], by_day["moderate day"]
        for lift in heavy.keys() & moderate.keys():
            # A band or a towel (min_reps 8 or 10) sits at its own floor on both days: a stronger band, not
            # more reps, is what makes it harder.
            if (CATALOG.exercises[lift].min_reps or 0) <= HEAVY_REPS:
                assert heavy[lift] != moderate[lift], (lift, heavy[lift])


# ---------------------------------------------------------------- 4. a secondary no harder than its main


def _without_intermediate_options(tmp_path: Path) -> Catalog:
    """The shipped content without the intermediate's own vertical-pull options: its gym plan's third
    block is the assisted pull-up machine again."""
    folder = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[3] / "bot" / "content", folder)
    path = folder / "routines.toml"
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("override.intermediate = { options"))
    path.write_text(text.replace(line, ""), encoding="utf-8")
    return Catalog.load(folder)


def test_the_assisted_machine_block_never_backs_it_up_with_strict_pull_ups_or_chin_ups(
    tmp_path: Path,
) -> None:
    catalog = _without_intermediate_options(tmp_path)
    per_block = catalog.routines.intermediate.block_weeks * 2
    block = [
        plan_session(catalog, gym(Level.INTERMEDIATE), n) for n in range(2 * per_block + 1, 3 * per_block)
    ]
    assert {item.exercise.id for s in block for item in s.exercises if item.tier == "main"} >= {
        "assisted-pull-up-machine"
    }
    secondaries = {item.exercise.id for s in block for item in s.exercises if item.tier == "secondary"}
    # Before: pull-up in session 28, chin-up in sessions 22 and 30.
    assert not secondaries & {"pull-up", "chin-up", "weighted-pull-up"}, secondaries
    assert all(any(item.tier == "secondary" for item in s.exercises) for s in block)


def test_what_is_harder_comes_from_the_ladders_and_ranks_as() -> None:
    assert CATALOG.harder("pull-up", "assisted-pull-up-machine")
    assert CATALOG.harder("chin-up", "band-assisted-pull-up")  # ranks as a pull-up
    assert not CATALOG.harder("negative-pull-up", "assisted-pull-up-machine")
    assert not CATALOG.harder("chin-up", "pull-up") and not CATALOG.harder("pull-up", "chin-up")
    assert not CATALOG.harder("lat-pulldown", "assisted-pull-up-machine")  # on no ladder: not compared


@settings(max_examples=200, deadline=None)
@given(profile=st.sampled_from(list(Level)).flatmap(chats), number=st.integers(1, 80))
def test_no_secondary_is_a_harder_rung_than_a_main_lift(profile: Profile, number: int) -> None:
    session = plan_session(CATALOG, profile, number)
    mains = [item.exercise.id for item in session.exercises if item.tier == "main"]
    for item in session.exercises:
        if item.tier != "main":
            assert not any(CATALOG.harder(item.exercise.id, main) for main in mains), (
                item.exercise.id,
                mains,
            )
    assert rules.check_session(CATALOG, session) == []


def test_the_rule_walk_names_a_secondary_harder_than_its_main(tmp_path: Path) -> None:
    catalog = _without_intermediate_options(tmp_path)
    per_block = catalog.routines.intermediate.block_weeks * 2
    session = plan_session(catalog, gym(Level.INTERMEDIATE), 2 * per_block + 1)
    main = next(item for item in session.exercises if item.exercise.id == "assisted-pull-up-machine")
    secondary = next(item for item in session.exercises if item.tier == "secondary")
    swapped = replace(secondary, exercise=CATALOG.exercises["pull-up"])
    broken = replace(session, exercises=tuple(swapped if i is secondary else i for i in session.exercises))
    assert rules._secondary_not_harder(CATALOG, broken) == (
        f"pull-up backs up {main.exercise.id}, an easier version of it: give it a move no harder"
    )


def test_a_ranks_as_that_names_no_exercise_stops_loading(tmp_path: Path) -> None:
    content = Path(__file__).resolve().parents[3] / "bot" / "content"
    folder = tmp_path / "content"
    shutil.copytree(content, folder)
    path = folder / "exercises.toml"
    path.write_text(path.read_text().replace('ranks_as = "pull-up"', 'ranks_as = "pul-up"'))
    with pytest.raises(ContentError, match="ranks_as"):
        Catalog.load(folder)
