"""A bodyweight or band move's rep targets never ask much more than was done (``bot.coach.bodyreps``).

A strength coach's trial: strict pull-ups 10, 9, 8, 8 were asked "4 × 10–12, 2 in reserve" on a first volume
day (a 12–14 rep max), and band-assisted pull-ups 6, 5 on 2 × 10–12 were asked "2×10", then after 7, 6
"2×10" again; As written logged those numbers as done.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.bodyreps import far_short, first_reps, next_reps
from bot.coach.model import SetDone
from bot.coach.progression import Ladder, Plan, Reason, next_prescription
from bot.coach.progression_days import next_on_day
from tests.bot.coach.progression_strategies import plans

PULL_UPS = Ladder(
    ("negative-pull-up", "chair-assisted-pull-up", "band-assisted-pull-up", "pull-up", "weighted-pull-up"),
    frozenset({"weighted-pull-up"}),
)
BODYWEIGHT = st.builds(SetDone, reps=st.integers(0, 25), rir=st.one_of(st.none(), st.integers(0, 5)))
SESSIONS = st.lists(st.lists(BODYWEIGHT, min_size=1, max_size=5), min_size=1, max_size=6)
RUNGS = st.sampled_from(PULL_UPS.rungs[:4])


def reps_of(*reps: int) -> list[SetDone]:
    return [SetDone(r) for r in reps]


def test_band_assisted_pull_ups_far_short_ask_a_rep_more_and_suggest_the_easier_version() -> None:
    plan = Plan(sets=2, rep_range=(10, 12))
    first = next_prescription("band-assisted-pull-up", [reps_of(6, 5)], plan, PULL_UPS)
    assert (first.exercise, first.sets, first.reps, first.load, first.reason) == (
        "band-assisted-pull-up",
        2,
        6,
        None,
        Reason.ADD_REP,
    )
    assert first.easier == "chair-assisted-pull-up"
    # 7, 6 is done well (five reps a set): kept on its rung, a rep more, and still far short of 10.
    then = next_prescription("band-assisted-pull-up", [reps_of(6, 5), reps_of(7, 6)], plan, PULL_UPS)
    assert (then.exercise, then.reps, then.easier) == ("band-assisted-pull-up", 7, "chair-assisted-pull-up")
    # Inside reach of the range: no easier version suggested.
    near = next_prescription("band-assisted-pull-up", [reps_of(8, 7)], plan, PULL_UPS)
    assert (near.reps, near.easier) == (8, None)


def test_a_first_volume_day_of_strict_pull_ups_starts_from_the_best_set_less_the_reserve() -> None:
    volume = Plan(sets=4, rep_range=(10, 12), target_rir=2, bodyweight=True)
    last = reps_of(10, 9, 8, 8)
    first = next_on_day("pull-up", [], [last], volume, PULL_UPS, estimable=False)
    assert (first.exercise, first.sets, first.reps, first.load, first.reason) == (
        "pull-up",
        4,
        8,
        None,
        Reason.FROM_REPS,
    )
    assert first.basis == SetDone(10) and first.easier is None
    # Reps in reserve told with /log count as reps the set could have done.
    told = next_on_day(
        "pull-up", [], [[SetDone(10, rir=1), SetDone(9, rir=1)]], volume, PULL_UPS, estimable=False
    )
    assert told.reps == 9
    # The next volume day goes on from that one's sets: a rep over the weakest.
    after = next_on_day("pull-up", [reps_of(8, 8, 8, 8)], [last, reps_of(8, 8, 8, 8)], volume, PULL_UPS)
    assert (after.reps, after.reason) == (9, Reason.ADD_REP)


def test_the_rules_arithmetic() -> None:
    assert next_reps([6, 5], (10, 12)) == 6
    assert next_reps([12, 11], (10, 12)) == 12
    assert next_reps([0], (3, 5)) == 1
    assert first_reps([10, 9, 8, 8], [None] * 4, 2, 12) == 8
    assert first_reps([14, 6], [None, None], 0, 20) == 8  # never more than two over the weakest set
    assert first_reps([1], [None], 3, 12) == 1
    assert far_short([6, 5], 10) and not far_short([7, 7], 10) and not far_short([], 10)


@given(rung=RUNGS, sessions=SESSIONS, plan=plans)
def test_a_bodyweight_target_asks_at_most_two_reps_a_set_over_the_last(
    rung: str, sessions: list[list[SetDone]], plan: Plan
) -> None:
    found = next_prescription(rung, sessions, plan, PULL_UPS)
    if found.exercise == rung:
        assert 1 <= found.reps <= max(plan.rep_range[1], 1)
        assert all(found.reps <= done.reps + 2 for done in sessions[-1])
        assert found.load is None


@given(
    rung=RUNGS,
    same=st.lists(st.lists(BODYWEIGHT, min_size=1, max_size=5), max_size=3),
    other=SESSIONS,
    plan=plans,
)
def test_a_bodyweight_target_on_days_that_take_turns_asks_at_most_two_reps_a_set_over_the_last(
    rung: str, same: list[list[SetDone]], other: list[list[SetDone]], plan: Plan
) -> None:
    recent = other + same
    found = next_on_day(rung, same, recent, replace(plan, bodyweight=True), PULL_UPS, estimable=False)
    if found.exercise != rung:
        return
    last = same[-1] if same else recent[-1]
    assert 1 <= found.reps <= plan.rep_range[1]
    assert all(found.reps <= done.reps + 2 for done in last)
