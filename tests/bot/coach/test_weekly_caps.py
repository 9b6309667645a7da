"""A coach's limits on the plan: heavy pulls from the floor at most twice a week, no beginner's help or floor
drill for a trained lifter at the gym, no bodyweight pulls for more reps than most can do."""

from __future__ import annotations

import itertools
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.catalog import Catalog
from bot.coach.content import ContentError
from bot.coach.model import Equipment, Level
from bot.coach.planner import MAX_PER_WEEK, Profile, plan_session

CATALOG = rules.shipped()
CONTENT = Path(__file__).resolve().parents[3] / "bot" / "content"
GYM_KIT = CATALOG.kit_for(Equipment.GYM, frozenset())


def gym(level: Level, per_week: int) -> Profile:
    return Profile(level, Equipment.GYM, GYM_KIT, per_week)


def home(level: Level, *kit: str, per_week: int = 3) -> Profile:
    return Profile(level, Equipment.HOME, frozenset(kit), per_week)


def hinges(profile: Profile, count: int) -> list[str]:
    return [plan_session(CATALOG, profile, number).exercises[0].exercise.id for number in range(1, count + 1)]


def test_three_intermediate_gym_sessions_a_week_deadlift_twice_and_hinge_with_dumbbells_on_the_third() -> (
    None
):
    # Block 1 is five weeks of three (the last a deload): the third session of every week, deload included,
    # is the same Romanian deadlift, so its numbers build a history of their own.
    assert hinges(gym(Level.INTERMEDIATE, 3), 15) == ["deadlift", "deadlift", "dumbbell-rdl"] * 5
    third = plan_session(CATALOG, gym(Level.INTERMEDIATE, 3), 3)
    assert third.in_place_of == (("deadlift", "dumbbell-rdl"),)
    assert any(
        "At most 2 sessions a week have a barbell hinge, never on back-to-back days, so this one has the"
        " dumbbell RDL in place of the deadlift" in note
        for note in third.notes
    ), third.notes
    first = plan_session(CATALOG, gym(Level.INTERMEDIATE, 3), 1)
    assert first.in_place_of == () and not any("at most 2" in note for note in first.notes)
    # The dumbbell RDL is a hinge: the hinge drill stays in the warm-up.
    assert CATALOG.routines.warmup.hinge_drill in third.warmup


def test_twice_a_week_keeps_the_deadlift_in_both_sessions() -> None:
    assert hinges(gym(Level.INTERMEDIATE, 2), 10) == ["deadlift"] * 10


def test_advanced_four_a_week_hinges_with_a_barbell_on_mon_and_thu_and_says_why_not_tue_and_fri() -> None:
    # Mon, Tue, Thu, Fri: heavy, volume, moderate, volume. A newcomer trial had the barbell hinges on Monday
    # and Tuesday every week and the heavy deadlift 15 days apart; the week's two go to Monday and Thursday,
    # the days between them hinge with dumbbells, and the heavy day is every Monday.
    profile = gym(Level.ADVANCED, 4)
    assert hinges(profile, 4) == ["deadlift", "dumbbell-rdl", "deadlift", "dumbbell-rdl"]
    sessions = [plan_session(CATALOG, profile, number) for number in range(1, 5)]
    assert [session.day for session in sessions] == ["heavy day", "volume day", "moderate day", "volume day"]
    volume = sessions[1]
    assert volume.in_place_of == (("barbell-rdl", "dumbbell-rdl"),)
    assert (
        "At most 2 sessions a week have a barbell hinge, never on back-to-back days, so this one has the"
        " dumbbell RDL in place of the barbell RDL: the same movement, easier on the lower back."
        in volume.notes
    )


@settings(max_examples=60, deadline=None)
@given(level=st.sampled_from(list(Level)), per_week=st.integers(1, MAX_PER_WEEK), block=st.integers(1, 4))
def test_no_week_of_any_gym_plan_has_more_deadlifts_than_its_cap(
    level: Level, per_week: int, block: int
) -> None:
    profile = gym(level, per_week)
    per_block = CATALOG.routines.level(level).block_weeks * per_week
    sessions = [
        plan_session(CATALOG, profile, number)
        for number in range((block - 1) * per_block + 1, block * per_block + 1)
    ]
    cap = CATALOG.exercises["deadlift"].max_per_week
    assert cap == 2
    for _, week in itertools.groupby(sessions, key=lambda session: session.week):
        counts = Counter(item.exercise.id for session in week for item in session.exercises)
        assert counts["deadlift"] <= cap
    assert rules.check_weekly_caps(CATALOG, sessions) == []
    # Sessions that stand in for a capped lift are steady among themselves, as the block's lifts are.
    assert [problem for problem in rules.check_block(CATALOG, sessions) if "change" in problem] == []


def test_the_weekly_cap_rule_names_a_week_past_the_cap(tmp_path: Path) -> None:
    uncapped = Catalog.load(
        _edited(tmp_path, "max_per_week = 2\n", "", "barbell_hinge_days = 2", "barbell_hinge_days = 7")
    )
    sessions = [plan_session(uncapped, gym(Level.INTERMEDIATE, 3), number) for number in range(1, 4)]
    assert [session.exercises[0].exercise.id for session in sessions] == ["deadlift"] * 3
    assert rules.check_weekly_caps(CATALOG, sessions) == [
        "block 1, week 1: deadlift in 3 sessions, past its max_per_week of 2"
    ]


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "max_per_week = 2\n",
            "max_per_week = 0\n",
            r"exercises\.toml: exercise\[\d+\] 'deadlift'\.max_per_week: "
            r"Input should be greater than or equal to 1",
        ),
        (
            'gym_max_level = "beginner"\nmin_reps = 8\ncue = "Face down, arms in a W',
            'gym_max_level = "pro"\nmin_reps = 8\ncue = "Face down, arms in a W',
            r"exercises\.toml: exercise\[\d+\] 'floor-slide'\.gym_max_level: Input should be 'beginner'",
        ),
    ],
)
def test_a_bad_cap_names_its_file_and_key(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        rules.load_checked(_edited(tmp_path, old, new))


def _edited(tmp_path: Path, old: str, new: str, routines_old: str = "", routines_new: str = "") -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    for name, was, now in (("exercises.toml", old, new), ("routines.toml", routines_old, routines_new)):
        path = tmp_path / "content" / name
        text = path.read_text(encoding="utf-8")
        assert was in text, was
        path.write_text(text.replace(was, now, 1), encoding="utf-8")
    return tmp_path / "content"


OUTGROWN = {"negative-pull-up", "band-assisted-pull-up", "chair-assisted-pull-up", "assisted-pull-up-machine"}
FLOOR_DRILLS = {"floor-slide", "prone-cobra", "reverse-snow-angel"}


def planned(profile: Profile, count: int = 24) -> set[str]:
    return {
        item.exercise.id
        for number in range(1, count + 1)
        for item in plan_session(CATALOG, profile, number).exercises
    }


@pytest.mark.parametrize("per_week", [2, 3])
def test_trained_lifters_at_the_gym_get_no_help_they_outgrew_and_no_floor_drills(per_week: int) -> None:
    advanced = planned(gym(Level.ADVANCED, per_week))
    assert not advanced & (OUTGROWN | FLOOR_DRILLS), advanced & (OUTGROWN | FLOOR_DRILLS)
    assert {"straight-arm-pulldown", "scapular-pull-up", "prone-ytw-raise"} <= advanced
    intermediate = planned(gym(Level.INTERMEDIATE, per_week))
    assert not intermediate & FLOOR_DRILLS and "negative-pull-up" in intermediate


def test_floor_drills_stay_for_beginners_at_the_gym_and_everyone_at_home() -> None:
    assert planned(gym(Level.BEGINNER, 2)) >= FLOOR_DRILLS
    assert planned(home(Level.ADVANCED, "load", "bar")) >= FLOOR_DRILLS
    assert "negative-pull-up" not in planned(home(Level.ADVANCED, "load", "bar"))


@pytest.mark.parametrize("profile", [gym(Level.ADVANCED, 3), home(Level.ADVANCED, "load", "bar")])
def test_the_volume_day_caps_bodyweight_pulls_and_keeps_its_drop_set_elsewhere(profile: Profile) -> None:
    volume_days = [plan_session(CATALOG, profile, number) for number in (3, 6, 9)]
    pulls = [
        item for day in volume_days for item in day.exercises if item.exercise.id in {"pull-up", "chin-up"}
    ]
    assert pulls
    for item in pulls:
        assert item.reps is not None and item.reps[1] <= 12
        assert item.technique != "drop set"
        if item.tier == "secondary":
            # 9–12 reps a set close to failure needs more than the volume day's 60–90 s.
            assert item.reps == (9, 12) and item.rest_s == (90, 120)
    for day in volume_days:
        assert [item.technique for item in day.exercises].count("drop set") == 1, day.number
