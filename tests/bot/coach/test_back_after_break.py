"""After a week or more without a lift, its target holds or backs off, never climbs (``comeback``)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.comeback import CLIMBS, Away, AwayKind, after_break, away_said, days_away
from bot.coach.lapsed import as_loaded, weeks_ago
from bot.coach.model import SetDone
from bot.coach.progression import Plan, Prescription, Reason, next_prescription

DAY = date(2026, 12, 15)
BANDS = Plan(sets=2, rep_range=(12, 15), target_rir=2, bodyweight=True)
DEADLIFT = Plan(sets=3, rep_range=(6, 8), lower_body=True, increment=2.5)


def days(*offsets: int) -> list[date]:
    return [DAY + timedelta(days=n) for n in offsets]


def test_the_flu_fortnight_is_a_break_for_a_lift_done_every_session() -> None:
    # Mon/Thu, then 15 Dec to 29 Dec.
    assert days_away(days(-10, -7, -3, 0), DAY + timedelta(days=14)) == 14
    # A week without a lift done twice a week is a week off too.
    assert days_away(days(-10, -7, -3, 0), DAY + timedelta(days=7)) == 7
    assert days_away(days(-10, -7, -3, 0), DAY + timedelta(days=6)) == 0


def test_a_lift_on_a_weekly_or_three_week_rhythm_is_on_a_break_only_past_it() -> None:
    assert days_away(days(-14, -7, 0), DAY + timedelta(days=7)) == 0
    assert days_away(days(-14, -7, 0), DAY + timedelta(days=14)) == 14
    # A fly every third session of a once-a-week plan: three weeks apart every time, still progressing.
    assert days_away(days(-21, 0), DAY + timedelta(days=21)) == 0
    assert days_away(days(-21, 0), DAY + timedelta(days=28)) == 28
    # Logged once: a weekly rhythm is assumed.
    assert days_away(days(0), DAY + timedelta(days=13)) == 0
    assert days_away(days(0), DAY + timedelta(days=14)) == 14
    # Nothing logged, no day, or logged today: no break.
    assert days_away([], DAY) == 0 and days_away(days(0), None) == 0 and days_away(days(0), DAY) == 0


def test_one_break_before_does_not_set_the_rhythm() -> None:
    # Twice a week, one three-week gap among the spacings: the next fortnight is still a break.
    assert days_away(days(-31, -28, -24, -3, 0), DAY + timedelta(days=14)) == 14


def test_the_trials_band_pull_apart_after_the_flu_holds_at_its_weakest_set() -> None:
    last = [SetDone(15), SetDone(12)]
    climbing = next_prescription("band-pull-apart", [last], BANDS)
    assert (climbing.reps, climbing.reason) == (13, Reason.ADD_REP), "a rep over the weakest, without a break"
    held = after_break(climbing, "band-pull-apart", last, BANDS, 14)
    assert (held.sets, held.reps, held.load, held.reason) == (2, 12, None, Reason.LAPSED)
    assert after_break(climbing, "band-pull-apart", last, BANDS, 0) == climbing


def test_four_weeks_away_is_a_little_lighter_a_load_by_about_ten_percent_reps_by_a_few() -> None:
    snow = after_break(
        Prescription("reverse-snow-angel", 2, 13, None, Reason.ADD_REP),
        "reverse-snow-angel",
        [SetDone(12), SetDone(12)],
        BANDS,
        28,
    )
    # Never under the card's 12–15 (a trial's 2×10): held at its bottom, last time's 12.
    assert (snow.sets, snow.reps, snow.reason) == (2, 12, Reason.LAPSED)
    pull_apart = after_break(
        Prescription("band-pull-apart", 2, 14, None, Reason.ADD_REP),
        "band-pull-apart",
        [SetDone(13)] * 2,
        BANDS,
        28,
    )
    assert (pull_apart.reps, pull_apart.reason) == (12, Reason.LAPSED)
    dead = after_break(
        Prescription("deadlift", 3, 6, 110.0, Reason.ADD_LOAD),
        "deadlift",
        [SetDone(8, 100.0)] * 3,
        DEADLIFT,
        30,
    )
    assert (dead.sets, dead.reps, dead.load) == (3, 8, 90.0)
    # Dumbbells lighter by a size the rack decides: the same dumbbells, fewer reps.
    fly = after_break(
        Prescription("rear-delt-fly", 2, 12, 10.0, Reason.ADD_LOAD),
        "rear-delt-fly",
        [SetDone(15, 10.0)] * 2,
        BANDS,
        35,
        sized=True,
    )
    assert (fly.reps, fly.load) == (12, 10.0)


def test_an_easier_target_of_the_rule_and_a_target_that_never_climbs_are_kept() -> None:
    last = [SetDone(6, 100.0)] * 3
    backed = Prescription("deadlift", 3, 6, 90.0, Reason.BACK_OFF)
    assert after_break(backed, "deadlift", last, DEADLIFT, 21) == backed
    lighter = Prescription("deadlift", 3, 6, 95.0, Reason.ESTIMATE)
    assert after_break(lighter, "deadlift", last, DEADLIFT, 21) == lighter
    assert Reason.BACK not in CLIMBS and Reason.DELOAD not in CLIMBS and Reason.START not in CLIMBS


def test_a_dumbbell_accessory_is_held_at_the_load_last_logged() -> None:
    heavier = Prescription("rear-delt-fly", 2, 12, 12.5, Reason.ADD_LOAD)
    assert as_loaded(heavier, [SetDone(15, 10.0), SetDone(13, 10.0)]).load == 10.0
    start = Prescription("rear-delt-fly", 2, 12, None, Reason.START)
    assert as_loaded(start, []) == start


def test_weeks_are_whole_weeks_and_at_least_one() -> None:
    assert [weeks_ago(n) for n in (7, 13, 14, 21, 27, 28)] == [1, 1, 2, 3, 3, 4]


LOADS = st.one_of(st.none(), st.integers(min_value=1, max_value=400).map(lambda n: n * 2.5))
REPS = st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=5)


@given(
    reps=REPS,
    load=LOADS,
    away=st.integers(min_value=1, max_value=400),
    wanted=st.integers(min_value=1, max_value=30),
    more=st.integers(min_value=0, max_value=50),
    reason=st.sampled_from(sorted(CLIMBS)),
    low=st.integers(min_value=1, max_value=15),
    span=st.integers(min_value=0, max_value=10),
    sized=st.booleans(),
)
def test_after_a_break_no_set_asks_more_than_last_times_weakest_at_its_load(
    reps: list[int],
    load: float | None,
    away: int,
    wanted: int,
    more: int,
    reason: Reason,
    low: int,
    span: int,
    sized: bool,
) -> None:
    plan = Plan(sets=3, rep_range=(low, low + span), lower_body=True, increment=2.5)
    last = [SetDone(n, load) for n in reps]
    rule = Prescription("lift", 3, wanted, None if load is None else load + more * 2.5, reason)
    held = after_break(rule, "lift", last, plan, away, sized=sized)
    assert (held.load or 0.0) <= (load or 0.0)
    if held.load == load:
        assert held.reps <= min(reps), "never more reps at the same load"
    if (
        away >= 28
        and held.reason is Reason.LAPSED
        and min(reps) > 1
        and (load is not None or min(reps) > low)
    ):
        # A little lighter, but a band or bodyweight move never under its range: held at the bottom.
        assert (held.load or 0.0) < (load or 0.0) or held.reps < min(min(reps), plan.rep_range[1]) + 1
        assert (held.load or 0.0, held.reps) < (load or 0.0, min(reps))
    if load is None and held.reason is Reason.LAPSED:
        assert held.reps >= min(low, min(reps)), "never under the card's range, nor under last time"
    assert held.reps >= 1 and (held.load is None or held.load > 0)


def test_the_next_dumbbell_up_hinted_at_the_old_load_is_held_after_a_break() -> None:
    # The rule's "take the next dumbbell up from 10 kg" keeps 10 kg as its load: it climbs all the same.
    hinted = Prescription("rear-delt-fly", 2, 12, 10.0, Reason.ADD_LOAD)
    held = after_break(hinted, "rear-delt-fly", [SetDone(15, 10.0)] * 2, BANDS, 21, sized=True)
    assert (held.sets, held.reps, held.load, held.reason) == (2, 15, 10.0, Reason.LAPSED)


def test_days_away_are_said_as_they_were_a_pause_a_lift_not_come_round_or_a_break() -> None:
    today = date(2026, 1, 14)
    # Trained on 31 December, then ten days paused: the line says the two weeks since the chat trained, ten
    # of them paused, not "4 weeks" nor the pause alone (a trial: "a 14-day pause" 19 days after a session).
    pause = [(date(2026, 1, 3), date(2026, 1, 12))]
    trained = [date(2025, 12, 17), date(2025, 12, 31)]
    assert away_said(28, today, trained, pause) == Away(AwayKind.LONGER, 14, 10)
    # A pause that was the whole time away is said as the pause.
    assert away_said(14, today, [date(2025, 12, 31)], [(date(2026, 1, 1), date(2026, 1, 13))]) == Away(
        AwayKind.PAUSE, 13
    )
    # No pause: two weeks since the chat last trained, not the lift's four.
    assert away_said(28, today, trained, []) == Away(AwayKind.BREAK, 14)
    # Trained this week, the lift's turn not come round: the time since the lift, not a break.
    assert away_said(21, today, [*trained, date(2026, 1, 12)], []) == Away(AwayKind.SINCE, 21)
    # Nothing logged in between: a break from it all.
    assert away_said(14, today, [date(2025, 12, 31)], []) == Away(AwayKind.BREAK, 14)


@given(
    away=st.integers(min_value=1, max_value=200),
    start=st.integers(min_value=-30, max_value=230),
    length=st.integers(min_value=0, max_value=60),
)
def test_the_paused_days_said_are_never_more_than_the_days_away(away: int, start: int, length: int) -> None:
    today = date(2026, 1, 14)
    first = today - timedelta(days=start)
    said = away_said(away, today, [], [(first, first + timedelta(days=length))])
    assert 0 < said.days <= away
    if said.kind is AwayKind.LONGER:
        # The real time away, and the paused days among them, fewer.
        assert said.days == away and 0 < said.paused < away - 1
    else:
        assert said.kind is AwayKind.PAUSE or said == Away(AwayKind.BREAK, away)
