from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot import callbacks
from bot.coach.catalog import Catalog
from bot.coach.ladders import ladder_for, load_ladders
from bot.coach.logparse import MAX_LOAD
from bot.coach.model import Equipment, Level, SetDone
from bot.coach.panelshift import Shift, adjusted, decode, encode, first_load_jump, shifted
from bot.coach.planner import Profile, Session, plan_session
from bot.coach.progression import Ladder, Plan, Prescription, Reason
from bot.coach.sessionlog import (
    DAYS_TOLD,
    DayError,
    Target,
    day_told,
    done_in_session,
    easier_today,
    holds_to_log,
    parse_day,
    slot_ladder,
    still_to_log,
    targets,
)
from bot.handlers.adjust_panel import read_state, state_of

CATALOG = Catalog.load()
ENTRIES = load_ladders(CATALOG)
TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("", TUESDAY),
        ("today", TUESDAY),
        ("Yesterday", TUESDAY - timedelta(days=1)),
        ("2 days ago", TUESDAY - timedelta(days=2)),
        ("day before yesterday", TUESDAY - timedelta(days=2)),
        ("mon", TUESDAY - timedelta(days=1)),
        ("Sunday", TUESDAY - timedelta(days=2)),
        ("2026-11-23", TUESDAY - timedelta(days=1)),
        ("last night", TUESDAY - timedelta(days=1)),
        ("Last  evening", TUESDAY - timedelta(days=1)),
        ("the night before last", TUESDAY - timedelta(days=2)),
        ("tonight", TUESDAY),
        ("this morning", TUESDAY),
        ("this evening", TUESDAY),
        ("3 days ago", DayError("log.too_far_back")),
        ("friday", DayError("log.too_far_back")),
        ("2026-11-25", DayError("log.future_day")),
        ("someday", DayError("log.bad_day")),
    ],
)
def test_parse_day(typed: str, expected: date | DayError) -> None:
    assert parse_day(typed, TUESDAY) == expected


def lift(load: float | None, *, loaded: bool = True, increment: float = 2.5) -> Target:
    """A main lift of 2 sets of 10, at ``load`` (None: none known), that takes a load or not."""
    return Target(
        "lat-pulldown",
        Prescription("lat-pulldown", 2, 10, load, Reason.ADD_REP),
        Plan(sets=2, rep_range=(10, 12), increment=increment),
        main=True,
        loaded=loaded,
    )


KNOWN, FIRST, BAND = lift(40.0), lift(None), lift(None, loaded=False)


@given(st.lists(st.tuples(st.integers(-9, 9), st.integers(-9, 9)), min_size=1, max_size=3))
def test_adjust_state_round_trips_and_fits_a_button(pairs: list[tuple[int, int]]) -> None:
    shifts = [Shift(reps, steps) for reps, steps in pairs]
    assert decode(encode(shifts), [KNOWN] * len(shifts), 500) == shifts
    assert len(callbacks.pack("la", "20261124", encode(shifts)).encode()) <= callbacks.MAX_BYTES


@pytest.mark.parametrize(
    "forged, main",
    [
        ("", [KNOWN, KNOWN]),
        ("1.1", [KNOWN, KNOWN]),
        ("0.0_0.0_0.0_0.0", [KNOWN, KNOWN]),
        ("10.0_0.0", [KNOWN, KNOWN]),
        ("a.b_0.0", [KNOWN, KNOWN]),
        ("0.0_0.0 ", [KNOWN, KNOWN]),
        ("0.10_0.0", [KNOWN, KNOWN]),  # a known load moves at most 9 steps
        ("0.01_0.0", [KNOWN, KNOWN]),  # written otherwise than the bot writes it
        ("0.1", [BAND]),  # a band move takes no load
        ("0.-1", [FIRST]),  # a first load starts at zero
        ("0.201", [FIRST]),  # 502.5 kg: heavier than /log takes
        ("0.1234567", [FIRST]),
    ],
)
def test_forged_adjust_state_is_refused(forged: str, main: list[Target]) -> None:
    assert decode(forged, main, 500) is None


def test_shifts_stay_in_range_and_all_reps_resets() -> None:
    state = [Shift()]
    for _ in range(20):
        state = shifted(state, 0, KNOWN.load_steps(500), reps=+1, steps=-1)
    assert state == [Shift(9, -9)]
    assert shifted(state, 0, KNOWN.load_steps(500), reps=None) == [Shift(0, -9)]
    assert shifted([Shift()], 0, FIRST.load_steps(500), steps=-1) == [Shift()]
    assert shifted([Shift()], 0, BAND.load_steps(500), steps=+4) == [Shift()]


def test_a_first_load_is_set_from_zero_and_a_band_move_never_gets_one() -> None:
    assert adjusted(FIRST, Shift()) == [SetDone(10, None)] * 2
    assert adjusted(FIRST, Shift(1, 16)) == [SetDone(11, 40.0)] * 2
    assert adjusted(BAND, Shift(-2, 16)) == [SetDone(8, None)] * 2, "forged steps on a band move"
    assert adjusted(KNOWN, Shift(0, -1)) == [SetDone(10, 37.5)] * 2
    assert (FIRST.load_steps(500), FIRST.load_steps(1100)) == ((0, 200), (0, 440))
    assert (
        first_load_jump(2.5, "kg") == 4 and first_load_jump(5, "lb") == 4 and first_load_jump(25, "kg") == 1
    )


# The steps /units takes (0.01 to 25, in hundredths), and a panel's presses: one step either way, or the jump.
STEPS = st.integers(1, 2500).map(lambda hundredths: hundredths / 100)


@given(STEPS, st.sampled_from(["kg", "lb"]), st.lists(st.sampled_from([-1, +1, "jump"]), max_size=300))
def test_a_first_load_stays_on_the_step_and_within_what_log_takes(
    increment: float, unit: str, presses: list[int | str]
) -> None:
    target, max_load = lift(None, increment=increment), MAX_LOAD[unit]
    limits, jump = target.load_steps(max_load), first_load_jump(increment, unit)
    state = [Shift()] * 3
    for press in presses:
        state = shifted(state, 1, limits, steps=jump if press == "jump" else int(press))
    assert decode(encode(state), [target] * 3, max_load) == state
    assert len(callbacks.pack("ls", "20261124", encode(state)).encode()) <= callbacks.MAX_BYTES
    [load] = {done.load for done in adjusted(target, state[1])}
    assert load is None or 0 < load <= max_load
    if load is not None:
        assert abs(load / increment - round(load / increment)) < 1e-6, "a multiple of the step"


def gym_session(level: Level = Level.INTERMEDIATE, number: int = 1) -> Session:
    profile = Profile(level, Equipment.GYM, CATALOG.kit_for(Equipment.GYM, frozenset()))
    return plan_session(CATALOG, profile, number)


def ladders_of(session: Session) -> dict[str, Ladder]:
    found = {
        item.exercise.id: ladder_for(item.exercise.id, ENTRIES, CATALOG, session.profile)
        for item in session.exercises
    }
    return {exercise: ladder for exercise, ladder in found.items() if ladder is not None}


def test_targets_follow_the_log_and_adjusted_never_goes_negative() -> None:
    session = gym_session()
    pulldown = next(item for item in session.exercises if item.exercise.id == "lat-pulldown")
    low, high = pulldown.reps or (0, 0)
    history = {"lat-pulldown": [(TUESDAY, SetDone(high, 40.0))] * pulldown.sets}
    found = {t.planned: t for t in targets(session, history, increment=2.5, ladders=ladders_of(session))}
    target = found["lat-pulldown"]
    assert target.main and target.prescription.reason is Reason.ADD_LOAD
    assert target.prescription.load == 42.5 and target.prescription.reps == low
    # A set is at least one rep.
    assert adjusted(target, Shift(-99, -99)) == [SetDone(1, None)] * pulldown.sets
    assert all(t.prescription.reason is Reason.START for name, t in found.items() if name != "lat-pulldown")


def test_a_ladder_moves_the_exercise_up_and_its_history_follows() -> None:
    sessions = [gym_session(Level.BEGINNER, number) for number in range(1, 9)]
    session = next(s for s in sessions if any(i.exercise.id == "inverted-row" for i in s.exercises))
    item = next(item for item in session.exercises if item.exercise.id == "inverted-row")
    top = (item.reps or (0, 0))[1]
    history = {"inverted-row": [(TUESDAY, SetDone(top))] * item.sets}
    ladders = ladders_of(session)
    target = next(
        t for t in targets(session, history, increment=2.5, ladders=ladders) if t.planned == "inverted-row"
    )
    assert (target.prescription.exercise, target.prescription.reason) == (
        "feet-elevated-inverted-row",
        Reason.MOVE_UP,
    )
    # Logged on the higher rung since: that rung's sessions are the history now.
    history["feet-elevated-inverted-row"] = [
        (TUESDAY + timedelta(days=2), SetDone(item.reps[0] if item.reps else 1))
    ]
    again = next(
        t for t in targets(session, history, increment=2.5, ladders=ladders) if t.planned == "inverted-row"
    )
    assert (again.prescription.exercise, again.prescription.reason) == (
        "feet-elevated-inverted-row",
        Reason.ADD_REP,
    )


def test_back_from_pain_is_lighter_at_the_fewest_reps_on_the_rung_it_is_on() -> None:
    # The first session back after "It's fine now" (``cautions.back_from_pain``): about 70 % of the load
    # (28 kg, down to the 2.5 kg step), or one set fewer without one, and no rung up.
    session = gym_session()
    pulldown = next(item for item in session.exercises if item.exercise.id == "lat-pulldown")
    low, high = pulldown.reps or (0, 0)
    at_top = {"lat-pulldown": [(TUESDAY, SetDone(high, 40.0))] * pulldown.sets}
    [held] = [
        t
        for t in targets(session, at_top, increment=2.5, ladders=ladders_of(session), back={"lat-pulldown"})
        if t.planned == "lat-pulldown"
    ]
    assert (held.prescription.reason, held.prescription.load, held.prescription.reps) == (
        Reason.BACK,
        27.5,
        high,
    )
    assert held.sets == [SetDone(high, 27.5)] * pulldown.sets, "As written logs the lighter sets"
    uneven = {"lat-pulldown": [(TUESDAY, SetDone(low + 1, 40.0)), (TUESDAY, SetDone(low, 40.0))]}
    [fewest] = [
        t
        for t in targets(session, uneven, increment=2.5, ladders=ladders_of(session), back={"lat-pulldown"})
        if t.planned == "lat-pulldown"
    ]
    assert (fewest.prescription.load, fewest.prescription.reps) == (27.5, low), "the fewest reps managed"
    # Never logged: nothing to hold, the first time as ever.
    [first] = [
        t
        for t in targets(session, {}, increment=2.5, ladders=ladders_of(session), back={"lat-pulldown"})
        if t.planned == "lat-pulldown"
    ]
    assert first.prescription.reason is Reason.START
    sessions = [gym_session(Level.BEGINNER, number) for number in range(1, 9)]
    rows = next(s for s in sessions if any(i.exercise.id == "inverted-row" for i in s.exercises))
    item = next(item for item in rows.exercises if item.exercise.id == "inverted-row")
    top = (item.reps or (0, 0))[1]
    history = {"inverted-row": [(TUESDAY, SetDone(top))] * item.sets}
    [row] = [
        t
        for t in targets(rows, history, increment=2.5, ladders=ladders_of(rows), back={"inverted-row"})
        if t.planned == "inverted-row"
    ]
    assert (row.prescription.exercise, row.prescription.reason, row.prescription.reps) == (
        "inverted-row",
        Reason.BACK,
        top,
    ), "the same rung, not the harder one the top would earn"
    assert row.prescription.sets == max(1, item.sets - 1), "one set fewer than last time"


def home_session() -> Session:
    kit = CATALOG.kit_for(Equipment.HOME, frozenset({"bar", "bands"}))
    return plan_session(CATALOG, Profile(Level.BEGINNER, Equipment.HOME, kit), 1)


def test_a_band_row_logged_with_a_load_is_never_prescribed_one() -> None:
    # A trial's old log: "Band row 3×10 @ 40 kg" came back as "Band row 2×11 @ 90 lb".
    session = home_session()
    history = {"band-row": [(TUESDAY, SetDone(10, 40.0))] * 3}
    found = {t.planned: t for t in targets(session, history, increment=2.5, ladders=ladders_of(session))}
    row = found["band-row"]
    assert row.prescription.load is None and row.last == (SetDone(10),) * 3 and row.source == "band-row"


def test_what_is_logged_stands_for_its_slot_in_the_plan() -> None:
    # Home, bar and bands: band-assisted pull-up, band row, kneeling band pulldown, band face pull, Y-T-W.
    session = home_session()
    ladders = ladders_of(session)
    planned = [item.exercise.id for item in session.exercises]
    assert planned[:2] == ["band-assisted-pull-up", "band-row"]
    logged = ["band-row", "pull-up", "one-arm-dumbbell-row", "band-row", "band-assisted-pull-up"]
    done = done_in_session(session, logged, ladders)
    # Strict pull-ups fill the band-assisted slot (a rung of its ladder); a dumbbell row fills none.
    assert done == {"band-row": ["band-row"], "band-assisted-pull-up": ["pull-up", "band-assisted-pull-up"]}
    found = targets(session, {}, increment=2.5, ladders=ladders)
    assert [t.planned for t in still_to_log(found, done)] == planned[2:]
    assert still_to_log(found, {}) == found
    assert still_to_log(found, {t.planned: [t.planned] for t in found}) == []


def band_day(history: dict[str, list[tuple[date, SetDone]]]) -> Target:
    session = home_session()
    found = {t.planned: t for t in targets(session, history, increment=2.5, ladders=ladders_of(session))}
    return found["band-assisted-pull-up"]


def test_last_time_is_the_rung_the_target_comes_from() -> None:
    # Strict pull-ups at the plan's numbers (2 sets, 10 reps at least) move the ladder there.
    history = {"pull-up": [(TUESDAY, SetDone(10)), (TUESDAY, SetDone(10))]}
    assisted = band_day(history)
    assert (assisted.source, assisted.last) == ("pull-up", (SetDone(10), SetDone(10)))
    assert assisted.prescription.exercise == "pull-up"
    history["band-assisted-pull-up"] = [(TUESDAY + timedelta(days=2), SetDone(10))] * 2
    assert band_day(history).source == "band-assisted-pull-up"
    assert band_day(history).last == (SetDone(10),) * 2


def test_strict_pull_ups_tried_on_a_band_day_keep_the_band_assisted_target() -> None:
    # A trial: 5, 5, 4 strict pull-ups put a beginner on strict pull-ups, aiming at 2×10 of them.
    band = [(TUESDAY, SetDone(11)), (TUESDAY, SetDone(10))]
    tried = [(TUESDAY + timedelta(days=2), SetDone(reps)) for reps in (5, 5, 4)]
    target = band_day({"band-assisted-pull-up": band, "pull-up": tried})
    assert (target.source, target.last) == ("band-assisted-pull-up", (SetDone(11), SetDone(10)))
    assert (target.prescription.exercise, target.prescription.reps) == ("band-assisted-pull-up", 11)
    # Never logged on the band: the try still doesn't make strict pull-ups the plan.
    assert band_day({"pull-up": tried}).prescription == Prescription(
        "band-assisted-pull-up", 2, 10, None, Reason.START
    )


def test_a_harder_rung_the_plan_moved_to_counts_even_below_the_range() -> None:
    top = [(TUESDAY, SetDone(12))] * 2
    assert band_day({"band-assisted-pull-up": top}).prescription.reason is Reason.MOVE_UP
    tried = [(TUESDAY + timedelta(days=2), SetDone(reps)) for reps in (6, 5)]
    target = band_day({"band-assisted-pull-up": top, "pull-up": tried})
    assert (target.source, target.prescription.exercise, target.prescription.reason) == (
        "pull-up",
        "pull-up",
        Reason.ADD_REP,
    )
    # An easier rung logged after it is where the trainee is again.
    back = [(TUESDAY + timedelta(days=4), SetDone(10))] * 2
    target = band_day({"band-assisted-pull-up": top + back, "pull-up": tried})
    assert (target.source, target.prescription.reps) == ("band-assisted-pull-up", 11)


def test_a_rung_the_plan_names_is_never_read_as_an_easier_one() -> None:
    # A newcomer trial, intermediate at home with a bar and loads: session 1 has strict pull-ups (2.) and
    # negatives (4.), and "pull-up" was read as the negatives, which mapped every harder rung to themselves.
    kit = CATALOG.kit_for(Equipment.HOME, frozenset({"bar", "load"}))
    session = plan_session(CATALOG, Profile(Level.INTERMEDIATE, Equipment.HOME, kit), 1)
    ladders = ladders_of(session)
    planned = [item.exercise.id for item in session.exercises]
    assert {"pull-up", "negative-pull-up"} <= set(planned)
    found = targets(session, {}, increment=2.5, ladders=ladders)
    # The chair-assisted rung between them (this kit allows it) is the negatives' nearer one.
    assert easier_today(found, ladders) == {
        "chair-assisted-pull-up": "negative-pull-up",
        "weighted-pull-up": "pull-up",
    }
    # Moved down a rung, the strict slot asks for chair-assisted ones: "pull-up" is those, the nearer.
    stalled = [t if t.planned != "pull-up" else replace_rung(t, "chair-assisted-pull-up") for t in found]
    assert easier_today(stalled, ladders) == dict.fromkeys(
        ("pull-up", "weighted-pull-up"), "chair-assisted-pull-up"
    )
    # A band day alone (bar and bands: no weighted rung) reads "pull-up" as band-assisted, as before.
    band = home_session()
    band_ladders = ladders_of(band)
    assert easier_today(targets(band, {}, increment=2.5, ladders=band_ladders), band_ladders) == {
        "pull-up": "band-assisted-pull-up"
    }


def replace_rung(target: Target, rung: str) -> Target:
    return dataclasses.replace(target, prescription=dataclasses.replace(target.prescription, exercise=rung))


SESSION = st.lists(st.integers(1, 15), min_size=1, max_size=3)


@given(st.lists(SESSION, max_size=6), SESSION)
def test_a_strict_try_below_the_range_never_moves_the_band_assisted_target(
    band: list[list[int]], strict: list[int]
) -> None:
    history = {
        "band-assisted-pull-up": [
            (TUESDAY + timedelta(days=2 * number), SetDone(reps))
            for number, sets in enumerate(band)
            for reps in sets
        ]
    }
    before = band_day(history)
    assume(before.prescription.exercise == "band-assisted-pull-up")  # not sent up the ladder
    # Nor only held there after a chosen light day (``comeback.chosen_light``): the hold is the next session.
    assume(before.lighter_why is None)
    assume(len(strict) < 2 or min(strict) < 10)  # short of the plan's 2 sets of 10
    after_try = TUESDAY + timedelta(days=2 * len(band))
    history["pull-up"] = [(after_try, SetDone(reps)) for reps in strict]
    assert band_day(history) == before


RUNGS = st.sampled_from(["chair-assisted-pull-up", "band-assisted-pull-up", "pull-up"])


@given(st.lists(st.tuples(RUNGS, SESSION), max_size=8))
def test_last_time_is_always_one_rungs_own_last_session(logged: list[tuple[str, list[int]]]) -> None:
    history: dict[str, list[tuple[date, SetDone]]] = {}
    for number, (rung, sets) in enumerate(logged):
        history.setdefault(rung, []).extend((TUESDAY + timedelta(days=number), SetDone(r)) for r in sets)
    target = band_day(history)
    own = history.get(target.source, [])
    last_day = max((day for day, _ in own), default=None)
    # Or, where that session was a light day chosen (``comeback.chosen_light``), it is said as one
    # (``lighter``) and last time is the session before it.
    assert (target.lighter or target.last) == tuple(done for day, done in own if day == last_day)
    # The rung is one the trainee logged or the plan's own, never a mix of them.
    assert target.source in {rung for rung, _ in logged} | {"band-assisted-pull-up"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("forgot to tell you, I got a full session in on Wednesday evening", "wed"),
        ("I trained 2 days ago but didn't tick it", "2 days ago"),
        ("did the whole thing the day before yesterday", "2 days ago"),
        ("finished one day ago, forgot to say", "1 day ago"),
        ("I trained yesterday, can you count it", "yesterday"),
        ("how do I mark my session as done", None),
        # A newcomer trial: "last night" is yesterday's session, not today's.
        ("did my workout last night but forgot to tell you 🙈", "yesterday"),
        ("trained LAST\nnight, count it pls", "yesterday"),
        ("did the session the night before last", "2 days ago"),
        # Today's parts of the day are today's: /done alone.
        ("did my workout this morning, forgot to tap done", None),
        ("smashed the session tonight!", None),
    ],
)
def test_the_day_a_message_says_a_session_was(text: str, day: str | None) -> None:
    assert day_told(text) == day


def test_every_day_told_is_one_done_reads() -> None:
    # A Saturday: yesterday and two days back are in reach, a weekday may be too far back, never unreadable.
    for value in DAYS_TOLD:
        parsed = parse_day(value, date(2026, 12, 5))
        assert isinstance(parsed, date) or parsed.key != "log.bad_day", value


def test_a_hold_is_logged_at_the_low_end_of_its_seconds_unless_logged_already() -> None:
    # Beginner gym session 6: face pull, then a prone cobra hold of 2 × 20–30 s.
    session = gym_session(Level.BEGINNER, 6)
    assert [item.hold_s for item in session.exercises if item.exercise.id == "prone-cobra"] == [(20, 30)]
    assert holds_to_log(session, {}) == [("prone-cobra", [SetDone(0, seconds=20)] * 2)]
    assert holds_to_log(session, {"prone-cobra": ["prone-cobra"]}) == []
    assert holds_to_log(gym_session(Level.BEGINNER, 1), {}) == []


def test_a_home_load_is_kept_as_logged_not_put_on_the_plate_step() -> None:
    kit = CATALOG.kit_for(Equipment.HOME, frozenset({"load"}))
    session = plan_session(CATALOG, Profile(Level.BEGINNER, Equipment.HOME, kit), 1)
    assert "backpack-row" in {item.exercise.id for item in session.exercises}
    logged = {"backpack-row": [(TUESDAY, SetDone(12, 8.0)), (TUESDAY, SetDone(11, 8.0))]}
    [row] = [t for t in targets(session, logged, increment=2.5, ladders={}) if t.planned == "backpack-row"]
    assert row.home_load and (row.prescription.reps, row.prescription.load) == (12, 8.0)
    at_top = {"backpack-row": [(TUESDAY, SetDone(12, 8.0))] * 2}
    [row] = [t for t in targets(session, at_top, increment=2.5, ladders={}) if t.planned == "backpack-row"]
    assert (row.prescription.reason, row.prescription.reps, row.prescription.load) == (
        Reason.ADD_LOAD,
        10,
        8.0,
    )
    # At the gym a load is on the chat's plate step, as progression prescribes it.
    assert not any(t.home_load for t in targets(gym_session(Level.BEGINNER), {}, increment=2.5, ladders={}))


def slot_of(session: Session, exercise: str, history: dict[str, list[tuple[date, SetDone]]]) -> Target:
    found = targets(session, history, increment=2.5, ladders=ladders_of(session))
    return next(target for target in found if target.planned == exercise)


def test_a_secondary_is_its_own_exercise_and_climbs_only_to_the_rung_above() -> None:
    # Intermediate gym: session 4's secondary is negatives, session 1's strict pull-ups. A trial's As written
    # logged the negatives as "Pull-up: 3×7" and later as weighted pull-ups, from pull-ups logged before.
    negatives_day, pull_up_day = gym_session(number=4), gym_session(number=1)
    assert "negative-pull-up" in {item.exercise.id for item in negatives_day.exercises}
    pull_ups = [(TUESDAY, SetDone(reps)) for reps in (8, 7, 6)]
    weighted = [(TUESDAY, SetDone(8, 10.0))] * 3
    for history in ({"pull-up": pull_ups}, {"weighted-pull-up": weighted}):
        negatives = slot_of(negatives_day, "negative-pull-up", history)
        assert (negatives.prescription.exercise, negatives.prescription.reason) == (
            "negative-pull-up",
            Reason.START,
        )
    # Weighted pull-ups logged in range on a pull-up day are its next rung: they progress by load.
    pull_up = slot_of(pull_up_day, "pull-up", {"pull-up": pull_ups, "weighted-pull-up": weighted})
    assert not pull_up.main and pull_up.loaded
    assert (pull_up.prescription.exercise, pull_up.prescription.reps, pull_up.prescription.load) == (
        "weighted-pull-up",
        9,
        10.0,
    )
    assert slot_ladder("pull-up", None, main=False) is None


# A load typed at the open panel ("6 kg on the rdl"): to the hundredth, up to the heaviest /log takes in lb.
TOLD = st.integers(1, 110000).map(lambda hundredths: hundredths / 100)


@given(
    # Steps up from a first load's zero; from a load told either way (``Shift.limits``).
    st.lists(st.tuples(st.integers(-9, 9), st.integers(0, 9), st.none() | TOLD), min_size=1, max_size=3),
    st.integers(0, 2**10 - 1),
)
def test_a_load_told_and_the_lifts_left_out_round_trip_and_fit_a_button(
    shifts: list[tuple[int, int, float | None]], mask: int
) -> None:
    state = [Shift(reps, steps, told) for reps, steps, told in shifts]
    panel = state_of(state, mask)
    assert read_state(panel) == (encode(state), mask)
    assert decode(encode(state), [FIRST] * len(state), MAX_LOAD["lb"]) == state
    assert len(callbacks.pack("ls", "20261124", panel).encode()) <= callbacks.MAX_BYTES


def test_a_load_told_is_what_the_steps_count_from() -> None:
    assert adjusted(FIRST, Shift(0, 0, 6.0)) == [SetDone(10, 6.0)] * 2
    assert adjusted(KNOWN, Shift(1, -1, 6.0)) == [SetDone(11, 3.5)] * 2
    assert adjusted(BAND, Shift(0, 0, 6.0)) == [SetDone(10, None)] * 2, "forged: a band move takes no load"
    assert Shift(0, 0, 6.0).limits(FIRST, 500) == (-9, 9), "lighter than a load told, as than a known one"
    for forged in ("0.0@0", "0.0@501", "0.0@6.125", "0.0@06", "0.0@6.0"):
        assert decode(forged, [FIRST], 500) is None, forged
    assert decode("0.0@6", [BAND], 500) is None
    assert read_state("0.0~0") is None and read_state("0.0~") is None and read_state("0.0~1a2b") is None
