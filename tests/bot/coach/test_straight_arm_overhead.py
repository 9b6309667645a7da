"""The straight-arm pulldown starts with the arms overhead: under "no overhead pulls" it is out with them.

A newcomer trial: with the caution "leave out overhead pulls" (told of the shoulder), /workout left out the
pull-up and lat pulldown but kept the straight-arm cable pulldown, pulled down from overhead under load.
"""

from __future__ import annotations

import dataclasses

from bot.coach import rules
from bot.coach.catalog import Exercise
from bot.coach.cautions import kept_out, leave_out, pulls_overhead, told_of
from bot.coach.cues import FROM_OVERHEAD_CUE, problem
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, plan_session

CATALOG = rules.shipped()
STRAIGHT_ARM = "straight-arm-pulldown"
INTERMEDIATE = Profile(Level.INTERMEDIATE, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()), 2)


def test_a_shoulder_told_on_an_overhead_pull_keeps_the_straight_arm_pulldown_out() -> None:
    assert pulls_overhead(CATALOG.exercises[STRAIGHT_ARM])
    assert STRAIGHT_ARM in kept_out("pull-up", CATALOG, {"pull-up"})
    assert told_of(STRAIGHT_ARM, ["pull-up"], CATALOG, {"pull-up"}) == "pull-up"
    # Another part told on a pull-up, or the shoulder on a row, keeps it in.
    assert STRAIGHT_ARM not in kept_out("pull-up", CATALOG)
    assert STRAIGHT_ARM not in kept_out("seated-cable-row", CATALOG, {"seated-cable-row"})
    # Only it among the moves of other patterns pulls from overhead: lying face down with the arms overhead
    # (a floor slide) is no pull from overhead.
    others = {
        ex.id for ex in CATALOG.exercises.values() if ex.pattern != "vertical-pull" and pulls_overhead(ex)
    }
    assert others == {STRAIGHT_ARM}


def test_the_session_leaves_it_out_with_the_vertical_pulls_and_one_row_takes_their_place() -> None:
    session = plan_session(CATALOG, INTERMEDIATE, 1)
    planned = [item.exercise.id for item in session.exercises]
    assert {"pull-up", "lat-pulldown", STRAIGHT_ARM} <= set(planned)
    result = leave_out(session, {"pull-up"}, CATALOG, shoulder={"pull-up"})
    kept = [item.exercise.id for item in result.session.exercises]
    assert STRAIGHT_ARM not in kept and "pull-up" not in kept and "lat-pulldown" not in kept
    assert STRAIGHT_ARM in [item.exercise.id for item in result.items]
    # One pull below the shoulders in the first overhead pull's place, as for the other overhead pulls.
    assert result.swap is not None and result.swap.exercise.pattern == "horizontal-pull"


def test_alone_in_a_session_it_gets_the_row_the_overhead_pulls_get() -> None:
    session = plan_session(CATALOG, INTERMEDIATE, 1)
    alone = dataclasses.replace(
        session, exercises=tuple(i for i in session.exercises if i.exercise.pattern != "vertical-pull")
    )
    result = leave_out(alone, {"pull-up"}, CATALOG, shoulder={"pull-up"})
    assert [item.exercise.id for item in result.items] == [STRAIGHT_ARM]
    assert result.swap is not None and result.swap.exercise.pattern == "horizontal-pull"
    at = [item.exercise.id for item in alone.exercises].index(STRAIGHT_ARM)
    assert result.session.exercises[at] is result.swap
    assert result.swap.sets == alone.exercises[at].sets


def test_its_cue_says_it_starts_overhead_and_the_flag_is_held_to_the_cue() -> None:
    straight_arm = CATALOG.exercises[STRAIGHT_ARM]
    assert FROM_OVERHEAD_CUE.search(straight_arm.cue) and problem(straight_arm) is None
    unflagged: Exercise = straight_arm.model_copy(update={"from_overhead": False})
    assert problem(unflagged) == "from_overhead: false, but its cue says otherwise"
    face_pull = CATALOG.exercises["face-pull"]
    assert problem(face_pull.model_copy(update={"from_overhead": True})) is not None
