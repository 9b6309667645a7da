"""An exercise the trainee said hurts, left out of the session (nothing swapped in but a row or rear-delt move
done upright or supported for the moves working the lower back, and a row for a shoulder's overhead pulls),
and the exercise a pain message names, read as /log reads names."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.catalog import MAIN_PATTERNS
from bot.coach.cautions import (
    SUPPORTED,
    asks_why_left_out,
    back_from_pain,
    exercise_told,
    leave_out,
    told_of,
    told_of_lower_back,
    told_of_oneself,
    versions,
)
from bot.coach.content import CONTENT_DIR, ContentError
from bot.coach.cues import BACK_EXTENSION_CUE, BENT_OVER_CUE
from bot.coach.ladders import usable
from bot.coach.lognames import Names
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.sessiontime import estimate_minutes

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
    bent = ["backpack-row", "backpack-rear-delt-fly"]
    assert set(bent) < set(ids(session))
    result = leave_out(session, {"backpack-rdl"}, CATALOG)
    # A coach's trial: "no hinge today" above a bent-over row whose cue says "Hinge forward with a flat
    # back". The moves done bent over go with the hinge; nothing comes in the hinge's place, and a second
    # trial's two-exercise session ("put nothing in their place") keeps its row and rear-delt work with a
    # move of each done without bending over, at the place and sets of the one it stands in for.
    instead = {"backpack-row": "door-towel-row", "backpack-rear-delt-fly": "reverse-snow-angel"}
    assert ids(result.session) == [instead.get(ex, ex) for ex in ids(session)[1:]]
    assert [item.exercise.id for item in result.items] == ["backpack-rdl", *bent]
    assert [item.exercise.id for item in result.back_moves] == bent and result.cause == "backpack-rdl"
    assert [(out.exercise.id, new.exercise.id) for out, new in result.back_swaps] == list(instead.items())
    assert all(new.sets == out.sets and not new.exercise.works_lower_back for out, new in result.back_swaps)
    assert result.gone == ("hinge",), "the session keeps a row"
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
    assert leave_out(session, {"lat-pulldown"}, CATALOG).session is session, "not in this session"


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
    lower_back = data.draw(st.frozensets(st.sampled_from(planned))) & cautioned
    result = leave_out(session, cautioned, CATALOG, lower_back=lower_back)
    left = result.session
    by_id = {item.exercise.id: item for item in session.exercises}
    # A hinge or a lower back told of takes the moves working the lower back with it; nothing else goes.
    bends = bool(lower_back) or any(by_id[ex].exercise.pattern == "hinge" for ex in cautioned)
    bent = {ex for ex in planned if bends and by_id[ex].exercise.works_lower_back}
    assert [item.exercise.id for item in result.back_moves] == [ex for ex in planned if ex in bent]
    assert (result.cause is not None) == bool(bent)
    alike = {ex for told in cautioned for ex in versions(told, CATALOG)}
    cautioned = cautioned | bent | {ex for ex in planned if ex in alike}
    # In the plan's order, and what went is exactly what was cautioned (or another version of it); in the
    # place of the first move working the lower back of a row or rear-delt pattern the session has no other
    # move of, one of that pattern done without bending over, at its sets.
    swaps = {out.exercise.id: new for out, new in result.back_swaps}
    for out_id, new in swaps.items():
        pattern = by_id[out_id].exercise.pattern
        assert out_id in bent and new.exercise.pattern == pattern and pattern in SUPPORTED
        assert not new.exercise.works_lower_back and new.exercise.id not in planned
        assert new.sets == by_id[out_id].sets
        assert not any(by_id[ex].exercise.pattern == pattern for ex in planned if ex not in cautioned)
    assert ids(left) == [
        swaps[ex].exercise.id if ex in swaps else ex for ex in planned if ex not in cautioned or ex in swaps
    ]
    assert [item.exercise.id for item in result.items] == [ex for ex in planned if ex in cautioned]
    for item in left.exercises:
        if item in swaps.values():
            assert item.rests and item.partner is None
            continue
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


def test_a_lower_back_told_on_a_row_takes_the_bent_over_fly_but_a_shoulder_on_it_does_not() -> None:
    session = plan_session(CATALOG, HOME_LOAD, 1)
    told = leave_out(session, ["backpack-row"], CATALOG, lower_back={"backpack-row"})
    assert {"backpack-row", "backpack-rear-delt-fly"}.isdisjoint(ids(told.session))
    assert "backpack-rdl" in ids(told.session), "only the bent-over moves go with it, not the hinge"
    assert told.cause == "backpack-row"
    shoulder = leave_out(session, ["backpack-row"], CATALOG)
    assert ids(shoulder.session) == [ex for ex in ids(session) if ex != "backpack-row"]
    assert shoulder.back_moves == () and shoulder.cause is None


def test_the_hinge_cautioned_takes_its_versions_and_the_bent_over_moves_out_of_a_session_without_it() -> None:
    # A gym day with a dumbbell RDL and a barbell row: the deadlift told of on another day takes the RDL (the
    # same hinge) and the row (bent over at the hips) with it.
    session = plan_session(CATALOG, Profile(Level.INTERMEDIATE, Equipment.GYM, GYM, 3), 6)
    assert "deadlift" not in ids(session) and "bent-over-row" in ids(session), ids(session)
    assert "dumbbell-rdl" in ids(session)
    result = leave_out(session, {"deadlift"}, CATALOG)
    assert [item.exercise.id for item in result.items] == ["dumbbell-rdl", "bent-over-row"]
    assert [item.exercise.id for item in result.back_moves] == ["bent-over-row"]
    assert result.cause == "deadlift"
    assert ids(result.session) == [ex for ex in ids(session) if ex not in ("dumbbell-rdl", "bent-over-row")]
    assert result.gone == ("hinge",), "the cable row still trains the horizontal pull"


def test_the_versions_of_an_exercise_are_the_same_movement_never_the_pattern() -> None:
    # A coach carries a face pull's shoulder to the band face pull, a barbell row's lower back to the
    # dumbbell row, the gym's rear-delt fly to the home one; a deadlift's lower back not to a pull-up.
    assert versions("face-pull", CATALOG) == {"face-pull", "band-face-pull"}
    assert versions("band-face-pull", CATALOG) == {"face-pull", "band-face-pull"}
    assert {"one-arm-dumbbell-row", "backpack-row"} < versions("bent-over-row", CATALOG)
    assert "seated-cable-row" not in versions("bent-over-row", CATALOG), "upright, not bent over"
    assert versions("seated-cable-row", CATALOG) == {"seated-cable-row", "band-row"}
    assert versions("rear-delt-fly", CATALOG) == {"rear-delt-fly", "backpack-rear-delt-fly"}
    assert versions("deadlift", CATALOG) == {"deadlift", "barbell-rdl", "dumbbell-rdl", "backpack-rdl"}
    assert versions("lat-pulldown", CATALOG) == {"lat-pulldown", "band-pulldown"}
    # A floor move's standing version for a trainee of 60+ (older.toml) is the same movement.
    assert versions("floor-slide", CATALOG) == {"floor-slide", "wall-slide"}
    for other in ("band-pull-apart", "reverse-pec-deck", "chest-supported-row", "machine-row", "prone-cobra"):
        assert versions(other, CATALOG) == {other}, "a move of no other version is its own only"
    assert "pull-up" not in versions("deadlift", CATALOG) | versions("lat-pulldown", CATALOG)
    # The caution keeping a move out: its own first, else the first told of a version of it.
    assert told_of("band-face-pull", ["pull-up", "face-pull"], CATALOG) == "face-pull"
    assert told_of("band-face-pull", ["band-face-pull", "face-pull"], CATALOG) == "band-face-pull"
    assert told_of("band-pull-apart", ["face-pull"], CATALOG) is None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('movement = "rear-delt-fly"\n', "", "movement: rear-delt-fly names one exercise only"),
        (
            'article = "face-pull"\n',
            'article = "face-pull"\nmovement = "rear-delt-fly"\n',
            r"'face-pull'\.movement: its article is the movement its versions share",
        ),
    ],
)
def test_a_movement_of_one_exercise_or_beside_an_article_stops_start_up(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    path = tmp_path / "content" / "exercises.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        rules.load_checked(tmp_path / "content")


def test_every_move_whose_cue_bends_over_at_the_hips_is_marked_and_only_those() -> None:
    # The start-up check (``catalog.ExercisesFile``) holds the shipped file to it; here, what it marks.
    marked = {ex.id for ex in CATALOG.exercises.values() if ex.bent_over}
    assert marked == {
        "bent-over-row",
        "pendlay-row",
        "backpack-row",
        "dumbbell-bent-over-row",
        "rear-delt-fly",
        "backpack-rear-delt-fly",
    }
    for ex in CATALOG.exercises.values():
        if ex.pattern != "hinge":
            assert ex.bent_over == bool(BENT_OVER_CUE.search(ex.cue)), ex.id
        else:
            assert not ex.bent_over, ex.id
    assert not CATALOG.exercises["chest-supported-row"].bent_over, "braced on a bench: not bent over"
    assert not CATALOG.exercises["one-arm-dumbbell-row"].bent_over, "braced on a bench: not bent over"


def test_the_prone_cobra_goes_with_a_lower_back_but_arm_only_face_down_moves_stay() -> None:
    # A coach's trial: after a lower-back pain on the backpack RDL the prone cobra, a back-extension hold
    # lying face down that loads the lower back's muscles, stayed in the session. Y-T-W raises lift only
    # the arms, the forehead on a towel.
    session = plan_session(CATALOG, HOME_LOAD, 2)
    assert "prone-cobra" in ids(session), ids(session)
    result = leave_out(session, {"backpack-rdl"}, CATALOG, lower_back={"backpack-rdl"})
    assert [item.exercise.id for item in result.back_moves] == [
        "backpack-row",
        "backpack-rear-delt-fly",
        "prone-cobra",
    ]
    # The row and the fly give their places to moves done without bending over; the cobra's goes.
    assert ids(result.session) == ["towel-pulldown", "door-towel-row", "reverse-snow-angel"]
    # A bands-only home day has no hinge: a lower back told on its band row takes the cobra with it.
    bands = plan_session(CATALOG, Profile(Level.BEGINNER, Equipment.HOME, frozenset({"bands"}), 2), 2)
    told = leave_out(bands, {"band-row"}, CATALOG, lower_back={"band-row"})
    assert ids(told.session) == ["band-pulldown", "band-pull-apart"] and told.cause == "band-row"
    # Told of the shoulder, the row goes alone.
    assert "prone-cobra" in ids(leave_out(bands, {"band-row"}, CATALOG).session)
    floor = plan_session(CATALOG, Profile(Level.BEGINNER, Equipment.HOME, frozenset(), 2), 3)
    arms = leave_out(floor, {"door-towel-row"}, CATALOG, lower_back={"door-towel-row"})
    assert "prone-ytw-raise" in ids(arms.session) and "prone-cobra" not in ids(arms.session)


def test_every_move_whose_cue_lifts_the_chest_face_down_is_marked_and_only_those() -> None:
    marked = {ex.id for ex in CATALOG.exercises.values() if ex.back_extension}
    assert marked == {"prone-cobra"}
    for ex in CATALOG.exercises.values():
        assert ex.back_extension == bool(BACK_EXTENSION_CUE.search(ex.cue)), ex.id
    for arms_only in ("prone-ytw-raise", "floor-slide", "reverse-snow-angel", "prone-lat-pull"):
        assert not CATALOG.exercises[arms_only].works_lower_back, arms_only


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # The cobra's mark dropped: a lower back's caution would keep the face-down chest lift in the plan.
        (
            'back_extension = true\ncue = "Face down, lift chest',
            'cue = "Face down, lift chest',
            r"'prone-cobra'\.back_extension: false, but its cue says it lifts the chest face down",
        ),
        # A face-down move lifting only the arms, marked.
        (
            'cue = "Face down, forehead on a towel',
            'back_extension = true\ncue = "Face down, forehead on a towel',
            r"'prone-ytw-raise'\.back_extension: true, but its cue does not say",
        ),
        # A bent-over move whose mark is dropped: the lower back's caution would keep it in the plan.
        (
            'bent_over = true\ncue = "Hinge forward with a flat back, hold the backpack',
            'cue = "Hinge forward with a flat back, hold the backpack',
            r"'backpack-row'\.bent_over: false, but its cue says it is done bent over",
        ),
        # A move marked whose cue never bends the trainee over.
        (
            'cue = "Sit tall, pull the handle',
            'bent_over = true\ncue = "Sit tall, pull the handle',
            r"'seated-cable-row'\.bent_over: true, but its cue does not say",
        ),
        (
            'backpack = true\ncue = "Hold the weights or the backpack by its straps',
            'backpack = true\nbent_over = true\ncue = "Hold the weights or the backpack by its straps',
            r"'backpack-rdl'\.bent_over: a hinge is left out as the hinge it is",
        ),
    ],
)
def test_the_start_up_check_holds_bent_over_and_back_extension_to_what_the_cue_says(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    path = tmp_path / "content" / "exercises.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        rules.load_checked(tmp_path / "content")


@pytest.mark.parametrize(
    ("message", "lower"),
    [
        ("sharp pain in my lower back when I do the backpack RDL", True),
        ("my low back hurts on rows", True),
        ("twinge in my lower-back on rows", True),
        ("my lumbar spine aches when I row", True),
        ("my back hurts when I do rows", False),
        ("my shoulder hurts on rows", False),
        ("lower the weight, my back is fine", False),
    ],
)
def test_a_pain_in_the_lower_back_is_read_from_the_words(message: str, lower: bool) -> None:
    assert told_of_lower_back(message) is lower


def test_back_from_pain_is_the_cleared_lift_and_what_it_took_with_it_until_one_is_logged_again() -> None:
    # The last day each caution kept its lift out: a day logged after it is a session back.
    last = date(2026, 12, 6)
    cleared = {"backpack-rdl": (last, False, False)}
    bent = {ex.id for ex in CATALOG.exercises.values() if ex.works_lower_back}
    assert "prone-cobra" in bent, "the face-down chest lift left out with the RDL comes back held too"
    hinges = versions("backpack-rdl", CATALOG)
    assert back_from_pain(cleared, {}, CATALOG) == {*hinges, *bent}
    logged = {"backpack-rdl": [date(2026, 12, 1), last + timedelta(days=1)], "backpack-row": [last]}
    assert back_from_pain(cleared, logged, CATALOG) == {*hinges - {"backpack-rdl"}, *bent}, (
        "the RDL's first session back is done; a row logged on the last day it was out is none"
    )
    # A face pull told of the shoulder took its band version with it, and nothing else.
    assert back_from_pain({"face-pull": (last, False, True)}, {}, CATALOG) == {"face-pull", "band-face-pull"}
    assert back_from_pain({"band-row": (last, True, False)}, {}, CATALOG) == {
        "band-row",
        "seated-cable-row",
        *bent,
    }
    # A shoulder told of on an overhead pull took every overhead pull out (the straight-arm pulldown too),
    # and the hangs from a bar: all come back lighter.
    overhead = {
        ex.id
        for ex in CATALOG.exercises.values()
        if ex.pattern == "vertical-pull" or ex.hangs or ex.from_overhead
    }
    assert {"scapular-pull-up", "straight-arm-pulldown"} <= overhead
    assert back_from_pain({"band-pulldown": (last, False, True)}, {}, CATALOG) == overhead


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


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("why no rows today? the band row doesnt hurt at all", True),
        ("how come the RDL is missing", True),
        ("why did you take out the prone cobra", True),
        ("why is the cobra gone", True),
        ("where are my deadlifts, why were they dropped?", True),
        ("why do rows matter for posture?", False),
        ("why no pull-ups today?", False),  # not a move left out
        ("no rows today?", False),  # asks no why
    ],
)
def test_a_question_why_a_move_left_out_is_missing_is_told_from_others(text: str, asks: bool) -> None:
    left = [CATALOG.exercises[ex] for ex in ("backpack-rdl", "backpack-row", "prone-cobra")]
    assert asks_why_left_out(text, left) is asks
