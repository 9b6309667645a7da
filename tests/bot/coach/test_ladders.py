from __future__ import annotations

from pathlib import Path

import pytest

from bot.coach.catalog import Catalog
from bot.coach.content import ContentError
from bot.coach.ladders import ladder_for, load_ladders, plan_for, stand_ins, usable
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.planner import Profile, plan_session
from bot.coach.progression import Reason, next_prescription

CATALOG = Catalog.load()
LADDERS = load_ladders(CATALOG)


def home(*kit: str, level: Level = Level.BEGINNER) -> Profile:
    return Profile(level, Equipment.HOME, frozenset(kit))


def test_the_shipped_ladders_climb_only_what_the_kit_allows() -> None:
    bar_only = ladder_for("chair-assisted-pull-up", LADDERS, CATALOG, home("bar"))
    assert bar_only is not None
    assert bar_only.rungs == ("negative-pull-up", "chair-assisted-pull-up", "pull-up")
    loaded = ladder_for("pull-up", LADDERS, CATALOG, home("bar", "bands", "load"))
    assert loaded is not None
    assert loaded.rungs[-2:] == ("pull-up", "weighted-pull-up")
    assert loaded.loaded == frozenset({"weighted-pull-up"})
    gym = ladder_for(
        "assisted-pull-up-machine",
        LADDERS,
        CATALOG,
        Profile(Level.BEGINNER, Equipment.GYM, frozenset(CATALOG.kit.gym)),
    )
    assert gym is not None and "chair-assisted-pull-up" not in gym.rungs
    assert ladder_for("face-pull", LADDERS, CATALOG, home("bar")) is None


def test_a_planned_bodyweight_exercise_moves_up_its_ladder() -> None:
    profile = home("bar", "low-bar")
    session = plan_session(CATALOG, profile, 1)
    for item in session.exercises:
        plan = plan_for(item, increment=2.5)
        ladder = ladder_for(item.exercise.id, LADDERS, CATALOG, profile)
        if plan is None or ladder is None or item.exercise.id == ladder.rungs[-1]:
            continue
        top = [[SetDone(plan.rep_range[1]) for _ in range(plan.sets)]]
        moved = next_prescription(item.exercise.id, top, plan, ladder)
        assert moved.reason is Reason.MOVE_UP
        assert ladder.rungs.index(moved.exercise) == ladder.rungs.index(item.exercise.id) + 1
        return
    pytest.fail("the first home session has no exercise on a ladder")


def test_deadlift_family_takes_ten_percent_steps() -> None:
    gym = Profile(Level.INTERMEDIATE, Equipment.GYM, frozenset(CATALOG.kit.gym))
    hinges = [
        item
        for number in range(1, 9)
        for item in plan_session(CATALOG, gym, number).exercises
        if item.exercise.pattern == "hinge" and item.reps is not None
    ]
    assert hinges, "an intermediate gym block has a hinge"
    plan = plan_for(hinges[0], increment=2.5)
    assert plan is not None and plan.lower_body and plan.target_rir == hinges[0].rir


def test_ladder_content_is_checked(tmp_path: Path) -> None:
    (tmp_path / "ladders.toml").write_text('[[ladder]]\nid = "x"\nrungs = ["pull-up", "no-such-move"]\n')
    with pytest.raises(ContentError, match=r"ladders.toml: .*no-such-move"):
        load_ladders(CATALOG, tmp_path)
    (tmp_path / "ladders.toml").write_text('[[ladder]]\nid = "x"\nrungs = ["weighted-pull-up", "pull-up"]\n')
    with pytest.raises(ContentError, match="loaded rungs go above"):
        load_ladders(CATALOG, tmp_path)


def test_a_dumbbell_move_the_place_has_no_kit_for_is_the_places_own() -> None:
    """A newcomer trial: "/log db rdl" at home logged the gym's dumbbell RDL beside the plan's backpack-or-
    dumbbells RDL, two histories of one lift, so a heavier load after the baseline was no record."""
    at_home = stand_ins(CATALOG, home("bar", "load"))
    assert at_home["dumbbell-rdl"] == "backpack-rdl"
    assert at_home["one-arm-dumbbell-row"] == "backpack-row"
    assert at_home["chest-supported-row"] == "backpack-row"
    assert at_home["rear-delt-fly"] == "backpack-rear-delt-fly"
    # Nothing stands in for a barbell, nor at home without a load; a gym has every dumbbell move itself.
    assert "deadlift" not in at_home and "bent-over-row" not in at_home
    assert stand_ins(CATALOG, home("bar")) == {}
    gym = Profile(Level.BEGINNER, Equipment.GYM, frozenset(CATALOG.kit.gym))
    assert all(not CATALOG.exercises[ex].places & {Equipment.GYM} for ex in stand_ins(CATALOG, gym))


def test_a_stand_in_lifts_the_same_and_the_place_allows_it() -> None:
    for profile in (home("load"), home("bar", "bands", "load"), home("bar", "low-bar", "bands", "load")):
        for moved, to in stand_ins(CATALOG, profile).items():
            before, after = CATALOG.exercises[moved], CATALOG.exercises[to]
            assert not usable(before, profile) and usable(after, profile)
            assert (before.topic, before.pattern, before.kind) == (after.topic, after.pattern, after.kind)
