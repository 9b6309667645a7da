"""A home trainee's dumbbells: a pair never logged is one they may not own, so it is never prescribed.

A newcomer trial: a 67-year-old at home with one pair of 6 kg dumbbells was told "today 2×8 @ 7.5 kg each
hand", and ✅ As written logged that as lifted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.homepairs import owned_pairs, to_owned
from bot.coach.model import SetDone
from bot.coach.pairstep import most_reps, pair_aim, unowned
from bot.coach.progress_text import progress_line
from bot.coach.progression import Plan, Prescription, Reason, next_prescription
from bot.coach.progression_days import next_on_day
from bot.coach.texts import Texts
from tests.bot.coach.progression_strategies import ranges

TEXTS = Texts.load()
ROW = Plan(sets=2, rep_range=(10, 12), target_rir=2, increment=2.5, pair=True)
HOME = replace(ROW, pairs=frozenset({6.0}))


def sets(reps: int, load: float = 6.0, n: int = 2) -> list[SetDone]:
    return [SetDone(reps, load)] * n


def test_at_home_a_pair_never_logged_earns_reps_up_to_the_most_then_a_slower_lowering() -> None:
    # At the gym: 6 → 8 kg is a big jump, earned with reps first (up to 15 on 10–12), then taken.
    assert next_prescription("row", [sets(15)], ROW).load == 8.0
    # At home with only 6 kg logged: the same reps first up to the range's top plus its width …
    first = next_prescription("row", [sets(12)], HOME)
    assert (first.reason, first.reps, first.load) == (Reason.REPS_FIRST, 13, 6.0)
    # … and then the same pair again, lowered slower: never 8 kg, nor 7.5 kg.
    kept = next_prescription("row", [sets(15)], HOME)
    assert (kept.reason, kept.reps, kept.load, kept.sets) == (Reason.TEMPO, 15, 6.0, 2)
    # A heavier pair logged once is owned: the next pair is taken as at the gym.
    owned = replace(ROW, pairs=frozenset({6.0, 8.0}))
    assert next_prescription("row", [sets(15)], owned).load == 8.0


def test_days_that_take_turns_keep_a_home_pair_too() -> None:
    past = sets(16)
    found = next_on_day("row", [past], [past], HOME)
    assert (found.reason, found.load) == (Reason.TEMPO, 6.0)


@given(
    rep_range=ranges,
    load=st.sampled_from([2.0, 4.0, 5.0, 6.0, 7.5, 10.0, 12.0, 22.5]),
    heavier=st.sampled_from([2.5, 6.5, 8.0, 12.5, 24.0]),
)
def test_an_unowned_pair_asks_the_most_reps_whatever_the_jump(
    rep_range: tuple[int, int], load: float, heavier: float
) -> None:
    aim = pair_aim(Decimal(str(load)), Decimal(str(heavier)), rep_range, 2, frozenset({load}))
    assert unowned(Decimal(str(heavier)), frozenset({load})) == (heavier != load)
    if heavier != load:
        assert aim == most_reps(rep_range) > rep_range[1]


@given(
    pairs=st.frozensets(st.sampled_from([2.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.5]), min_size=1),
    load=st.sampled_from([1.0, 2.5, 4.0, 4.2, 6.0, 7.5, 9.0, 14.0]),
    reps=st.integers(1, 20),
)
def test_a_target_at_home_names_only_a_pair_logged(pairs: frozenset[float], load: float, reps: int) -> None:
    wanted = Prescription("row", 2, reps, load, Reason.ADD_LOAD)
    owned = to_owned(wanted, pairs)
    assert owned.load in pairs and 1 <= owned.reps <= reps
    if load in pairs:
        assert owned == wanted
    elif load > min(pairs):
        # Heavier than a pair owned: the heaviest under it, at the prescribed reps.
        assert owned.load == max(p for p in pairs if p < load) and owned.reps == reps
    # Nothing logged yet, or no load: left alone (As written asks).
    assert to_owned(wanted, frozenset()) == wanted
    assert to_owned(replace(wanted, load=None), pairs).load is None


def test_the_pairs_owned_are_every_load_logged_on_a_dumbbell_move() -> None:
    day = date(2026, 1, 5)
    history = {
        "row": [(day, SetDone(10, 6.0))],
        "rdl": [(day, SetDone(8, 8.0))],
        "pulldown": [(day, SetDone(10))],
    }
    assert owned_pairs(["row", "rdl", "pulldown"], history) == frozenset({6.0, 8.0})


def test_the_line_asks_for_a_heavier_pair_and_names_none() -> None:
    last = sets(15)
    kept = next_prescription("row", [last], HOME)
    line = progress_line(
        exercise="row",
        last=last,
        prescription=kept,
        plan=HOME,
        unit="kg",
        names={"row": "Bent-over row"},
        texts=TEXTS,
        each_hand=True,
    )
    assert line == (
        "Bent-over row: last time 2×15 @ 6 kg each hand, every set at 15 → today 2×15 @ 6 kg each hand"
        " again, made harder: take 3 seconds to lower and pause for a second at the bottom. If you have a"
        " heavier pair, log it and I'll use it."
    )
    assert "8 kg" not in line and "7.5" not in line
