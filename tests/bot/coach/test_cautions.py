"""An exercise the trainee said hurts, left out of the session (nothing swapped in), and the exercise a pain
message names, read as /log reads names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.catalog import MAIN_PATTERNS
from bot.coach.cautions import exercise_told, leave_out, told_of_oneself
from bot.coach.ladders import usable
from bot.coach.lognames import Names
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, Session, estimate_minutes, plan_session

CATALOG = rules.shipped()
WARMUP = CATALOG.routines.warmup
TECHNIQUES = CATALOG.routines.techniques
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
HOME_LOAD = Profile(Level.BEGINNER, Equipment.HOME, frozenset({"load"}), 2)
GYM = CATALOG.kit_for(Equipment.GYM, frozenset())


def ids(session: Session) -> list[str]:
    return [item.exercise.id for item in session.exercises]


def test_the_home_beginners_backpack_rdl_is_left_out_with_its_hinge_drill_and_the_day_says_no_hinge() -> None:
    session = plan_session(CATALOG, HOME_LOAD, 1)
    assert ids(session)[0] == "backpack-rdl" and WARMUP.hinge_drill in session.warmup
    result = leave_out(session, {"backpack-rdl"}, CATALOG)
    assert ids(result.session) == ids(session)[1:], "left out, nothing in its place"
    assert [item.exercise.id for item in result.items] == ["backpack-rdl"]
    assert result.gone == ("hinge",)
    # No drill rehearsing the movement that hurt; the ramp-up is the new first lift's (a bodyweight pull).
    assert WARMUP.hinge_drill not in result.session.warmup
    assert result.session.warmup[-1] == WARMUP.ramp_up_bodyweight
    assert result.session.minutes == estimate_minutes(WARMUP.minutes, result.session.exercises)
    assert result.session.minutes < session.minutes


def test_a_lift_whose_pattern_another_lift_still_trains_is_left_out_without_a_gone_pattern() -> None:
    session = plan_session(CATALOG, Profile(Level.INTERMEDIATE, Equipment.GYM, GYM, 3), 3)
    pulls = [item.exercise.id for item in session.exercises if item.exercise.pattern == "vertical-pull"]
    assert len(pulls) == 2, pulls
    result = leave_out(session, {pulls[0]}, CATALOG)
    assert result.gone == () and pulls[1] in ids(result.session) and pulls[0] not in ids(result.session)


def test_a_weekly_caps_swap_note_goes_with_the_lift_taken_instead() -> None:
    session = plan_session(CATALOG, Profile(Level.INTERMEDIATE, Equipment.GYM, GYM, 3), 3)
    assert session.in_place_of == (("deadlift", "dumbbell-rdl"),)
    cap_notes = [note for note in session.notes if "dumbbell RDL" in note]
    assert len(cap_notes) == 1
    result = leave_out(session, {"dumbbell-rdl"}, CATALOG)
    assert result.session.in_place_of == () and not set(cap_notes) & set(result.session.notes)
    assert result.gone == ("hinge",)
    assert set(leave_out(session, {"lat-pulldown"}, CATALOG).session.notes) == set(session.notes)


def test_nothing_cautioned_in_the_session_is_the_session_itself() -> None:
    session = plan_session(CATALOG, HOME_LOAD, 1)
    assert leave_out(session, set(), CATALOG).session is session
    assert leave_out(session, {"deadlift"}, CATALOG).session is session, "not in this session"


sessions = st.builds(
    lambda level, kit, at_gym, per_week, number: plan_session(
        CATALOG,
        Profile(level, Equipment.GYM, GYM, per_week)
        if at_gym
        else Profile(level, Equipment.HOME, frozenset(kit), per_week),
        number,
    ),
    level=st.sampled_from(list(Level)),
    kit=st.frozensets(st.sampled_from(CATALOG.kit.home)),
    at_gym=st.booleans(),
    per_week=st.integers(1, 7),
    number=st.integers(1, 120),
)


@settings(max_examples=200, deadline=None)
@given(session=sessions, data=st.data())
def test_what_is_left_is_the_plan_without_the_cautioned_lifts_and_true_of_itself(
    session: Session, data: st.DataObject
) -> None:
    planned = ids(session)
    cautioned = data.draw(st.frozensets(st.sampled_from(planned)))
    result = leave_out(session, cautioned, CATALOG)
    left = result.session
    # In the plan's order, nothing swapped in, and what went is exactly what was cautioned.
    assert ids(left) == [ex for ex in planned if ex not in cautioned]
    assert [item.exercise.id for item in result.items] == [ex for ex in planned if ex in cautioned]
    by_id = {item.exercise.id: item for item in session.exercises}
    for item in left.exercises:
        planned_item = by_id[item.exercise.id]
        assert (item.sets, item.reps, item.rest_s) == (
            planned_item.sets,
            planned_item.reps,
            planned_item.rest_s,
        )
        # A superset's partner is always there; one whose partner went rests after its sets.
        if item.technique == "superset":
            assert item.partner is not None and item.partner.id in ids(left)
        assert item.rests or item.technique == "superset"
    patterns = {item.exercise.pattern for item in left.exercises}
    assert result.gone == tuple(
        p
        for p in MAIN_PATTERNS
        if p not in patterns and any(by_id[ex].exercise.pattern == p for ex in cautioned)
    )
    assert (TECHNIQUES.superset in left.notes) == any(i.technique == "superset" for i in left.exercises)
    assert (TECHNIQUES.drop_set in left.notes) == any(i.technique == "drop set" for i in left.exercises)
    assert (WARMUP.hinge_drill in left.warmup) == ("hinge" in patterns)
    ramp_ups = [step for step in left.warmup if step in (WARMUP.ramp_up_load, WARMUP.ramp_up_bodyweight)]
    if left.exercises:
        loaded = left.exercises[0].exercise.kind == "load"
        assert ramp_ups == [WARMUP.ramp_up_load if loaded else WARMUP.ramp_up_bodyweight]
    else:
        assert ramp_ups == [], "no first exercise to ramp up to"
    assert left.minutes == estimate_minutes(WARMUP.minutes, left.exercises)
    if not cautioned:
        assert left is session


def home(*kit: str) -> tuple[list[str], set[str]]:
    profile = Profile(Level.BEGINNER, Equipment.HOME, frozenset(kit), 2)
    planned = ids(plan_session(CATALOG, profile, 1))
    return planned, {ex.id for ex in CATALOG.exercises.values() if usable(ex, profile)}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("sharp pain in my lower back when I do the backpack RDL", "backpack-rdl"),
        ("sharp pain in my lower back when I do the RDL", "backpack-rdl"),
        ("my back hurts on the rdls", "backpack-rdl"),
        # The home plan's hinge, called a deadlift: the one the name fits that the chat can do.
        ("pain in my back after deadlifts", "backpack-rdl"),
        ("my back hurts when I do rows", "backpack-row"),
        ("my lower back hurts", None),
        ("my knee hurts", None),
        # A pull-up needs a bar this chat does not have: nothing of its plan to leave out.
        ("my shoulder hurts when I do a pull up", None),
    ],
)
def test_the_exercise_a_pain_message_names_as_log_reads_it(message: str, expected: str | None) -> None:
    planned, allowed = home("load")
    assert exercise_told(message, NAMES, planned=planned, usable=allowed) == expected


@pytest.mark.parametrize(
    ("message", "own"),
    [
        ("sharp pain in my lower back when I do the backpack RDL", True),
        ("I'm getting a twinge on pull-ups", True),
        ("ive hurt my shoulder", True),
        ("does the floor slide hurt the back?", False),
        ("is rowing safe with a herniated disc", False),
    ],
)
def test_a_pain_is_told_of_oneself_only_with_a_first_person_word(message: str, own: bool) -> None:
    assert told_of_oneself(message) is own
