"""Going heavier on a pair of dumbbells: a whole step up to a size a rack has, and more reps first where that
step is a big one.

A newcomer trial: a trainee at 12 kg each hand on a 2.5 kg step was told to go to 12.5 kg each hand, a
dumbbell few racks have and a fifth of a step. A coach's answer: 12 kg comes from a rack in 2 kg steps, so
14 kg is the next pair, 17 % heavier: earn it with reps first (double progression), then take it at the
bottom of the range.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.model import SetDone
from bot.coach.pairstep import BIG_JUMP, EPLEY, RACK_STEPS, jump, most_reps, next_pair, rack_step, reps_first
from bot.coach.progress_text import progress_line
from bot.coach.progression import Plan, Reason, next_prescription, progressed_load
from bot.coach.progression_days import next_on_day
from bot.coach.texts import Texts
from tests.bot.coach.progression_strategies import increments, ranges

TEXTS = Texts.load()
RDL = Plan(sets=3, rep_range=(8, 12), target_rir=2, lower_body=True, increment=2.5, pair=True)
NAMES = {"dumbbell-rdl": "Dumbbell Romanian deadlift", "rear-delt-fly": "Bent-over rear-delt fly"}
RACK = (
    "Going by your 12 kg pair, your dumbbells go up 2 kg at a time; if yours go up in smaller steps,"
    " send e.g. <code>/units kg 1</code>."
)


def at(load: float, *reps: int) -> list[SetDone]:
    return [SetDone(r, load) for r in reps]


def line(
    sets: list[SetDone], plan: Plan = RDL, *, exercise: str = "dumbbell-rdl", dumbbells: bool = False
) -> str:
    prescription = next_prescription(exercise, [sets], plan)
    return progress_line(
        exercise=exercise,
        last=sets,
        prescription=prescription,
        plan=plan,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
        dumbbells=dumbbells,
        each_hand=True,
    )


def test_the_trials_12_kg_pair_is_never_told_12_5_kg_but_earns_14_kg_with_reps() -> None:
    first = next_prescription("dumbbell-rdl", [at(12, 12, 12, 12)], RDL)
    assert (first.reps, first.load, first.reason) == (13, 12, Reason.REPS_FIRST)
    assert line(at(12, 12, 12, 12)) == (
        "Dumbbell Romanian deadlift: last time 3×12 @ 12 kg each hand → today 3×13 @ 12 kg each hand. The"
        " next pair up, 14 kg each hand, is 17 % heavier: too big a jump yet, so add reps first, up to 15 a"
        f" set, then take it at 8 reps. {RACK}"
    )
    # A rep a set more each time, up to 15 (the best set's reps where one did more): then the next pair.
    assert next_prescription("dumbbell-rdl", [at(12, 15, 14, 13)], RDL).reps == 15
    up = next_prescription("dumbbell-rdl", [at(12, 15, 15, 15)], RDL)
    assert (up.sets, up.reps, up.load, up.reason) == (3, 8, 14.0, Reason.ADD_LOAD)
    assert line(at(12, 15, 15, 15)).startswith(
        "Dumbbell Romanian deadlift: last time 3×15 @ 12 kg each hand → today 3×8 @ 14 kg each hand."
    )
    # Short of the top, the line names the real next pair and that it is earned with reps.
    assert line(at(12, 10, 10, 9)) == (
        "Dumbbell Romanian deadlift: last time 10, 10, 9 @ 12 kg each hand → today 3×10 @ 12 kg each hand;"
        " once all sets reach 12, keep adding reps up to 15 before the next pair up (14 kg each hand, 17 %"
        f" heavier). {RACK}"
    )


def test_a_pair_on_the_chats_step_goes_up_by_it_and_one_on_none_by_the_plates() -> None:
    # 12.5 kg on a 2.5 kg step: a 2.5 kg rack, 15 kg next; /units kg 2 makes 10 kg's next pair 12 kg.
    assert next_prescription("dumbbell-rdl", [at(12.5, 16, 16, 16)], RDL).load == 15.0
    assert "Going by" not in line(at(12.5, 16, 16, 16))
    two = Plan(sets=3, rep_range=(8, 12), target_rir=2, lower_body=True, increment=2.0, pair=True)
    assert next_prescription("dumbbell-rdl", [at(10, 16, 16, 16)], two).load == 12.0
    # A plate step finer than any rack's (1.25 kg) is no dumbbell's: 12.5 kg still goes to 15 kg.
    fine = Plan(sets=3, rep_range=(8, 12), target_rir=2, lower_body=True, increment=1.25, pair=True)
    assert next_prescription("dumbbell-rdl", [at(12.5, 16, 16, 16)], fine).load == 15.0
    # 100 lb read in kg, 45.4 kg, is on no rack step: the plates' next multiple, as for any load.
    assert next_prescription("dumbbell-rdl", [at(45.4, 12, 12, 12)], RDL).load == 47.5


def test_a_small_step_goes_up_at_once_and_a_modest_one_asks_a_rep_or_so_first() -> None:
    # 30 → 32.5 kg is 8 % heavier: no more than a session adds, straight to it.
    assert next_prescription("dumbbell-rdl", [at(30, 12, 12, 12)], RDL).load == 32.5
    assert line(at(30, 12, 12, 12)).endswith(
        "today 3×8 @ 32.5 kg each hand. Every set hit the top: heavier now. 💪"
    )
    # 20 → 22.5 kg is 12.5 %: a rep more first, 13, then the pair.
    assert next_prescription("dumbbell-rdl", [at(20, 12, 12, 12)], RDL).reps == 13
    assert next_prescription("dumbbell-rdl", [at(20, 13, 13, 13)], RDL).load == 22.5


def test_an_accessorys_dumbbells_earn_the_next_size_with_reps_too_named_by_no_number() -> None:
    fly = Plan(sets=3, rep_range=(10, 12), target_rir=2, increment=2.5, pair=True)
    assert line(at(8, 12, 12, 12), fly, exercise="rear-delt-fly", dumbbells=True) == (
        "Bent-over rear-delt fly: last time 3×12 @ 8 kg each hand → today 3×13 @ 8 kg each hand. The next"
        " dumbbell up is a big jump from 8 kg each hand: add reps first, up to 15 a set, then take it at 10"
        " reps."
    )
    assert line(at(8, 11, 11, 10), fly, exercise="rear-delt-fly", dumbbells=True) == (
        "Bent-over rear-delt fly: last time 11, 11, 10 @ 8 kg each hand → today 3×11 @ 8 kg each hand;"
        " once all sets reach 12, keep adding reps up to 15 before the next dumbbell up."
    )


def test_a_barbell_and_a_backpack_are_no_pair() -> None:
    barbell = Plan(sets=3, rep_range=(8, 12), target_rir=2, lower_body=True, increment=2.5)
    assert next_prescription("deadlift", [at(12.5, 12, 12, 12)], barbell).load == 15.0
    assert next_prescription("deadlift", [at(12, 12, 12, 12)], barbell).load == 12.5


def test_a_pair_past_the_top_on_a_day_that_takes_turns_earns_the_next_pair_with_reps() -> None:
    volume = Plan(sets=4, rep_range=(10, 12), target_rir=2, lower_body=True, increment=2.5, pair=True)
    sessions = [at(16, 13, 13, 13, 13)]
    shown = next_on_day("dumbbell-rdl", sessions, sessions, volume)
    assert (shown.reps, shown.load, shown.reason) == (14, 16, Reason.REPS_FIRST)
    later = [at(16, 15, 15, 15, 15)]
    assert next_on_day("dumbbell-rdl", later, later, volume).load == 18.0


# --- properties ------------------------------------------------------------------------------------------

# Dumbbells a trainee logs: on any step of their own, in kg or lb, from the lightest to the heaviest made.
PAIRS = st.decimals(min_value=Decimal(1), max_value=Decimal(100), places=1)
STEPS = increments.map(lambda step: Decimal(str(step)))


@given(PAIRS, STEPS)
def test_the_next_pair_is_a_whole_rack_step_up_never_a_plate_step_less(load: Decimal, step: Decimal) -> None:
    rack = rack_step(load, step)
    heavier = next_pair(load, step)
    if rack is None:
        assert heavier is None and all(load % usual for usual in RACK_STEPS)
        return
    assert heavier == load + rack and load % rack == 0 and rack >= 1
    if load % step == 0 and step in RACK_STEPS:
        assert rack == step, "the chat's own dumbbell step, where the pair is on it"


# Pairs a rack has: whole kilos or pounds, or on a 2.5 step.
RACKED = st.one_of(st.integers(1, 100).map(Decimal), st.integers(1, 40).map(lambda n: n * Decimal("2.5")))


@given(RACKED, STEPS, ranges, st.integers(0, 4))
def test_reps_first_earn_the_jump_by_epley_within_the_stretched_range(
    load: Decimal, step: Decimal, rep_range: tuple[int, int], rir: int
) -> None:
    heavier = next_pair(load, step)
    assert heavier is not None
    aim = reps_first(load, heavier, rep_range, rir)
    low, high = rep_range
    if jump(load, heavier) <= BIG_JUMP:
        assert aim is None
        return
    if aim is None:
        # The range's top already earns it: its reps at the pair lift what the bottom asks at the next.
        assert (EPLEY + high + rir) * load >= (EPLEY + low + rir) * heavier
        return
    assert high < aim <= most_reps(rep_range)
    if aim < most_reps(rep_range):
        # Exactly the reps that make the heavier pair doable for the bottom of the range at the same effort.
        assert (EPLEY + aim + rir) * load >= (EPLEY + low + rir) * heavier
        assert (EPLEY + aim - 1 + rir) * load < (EPLEY + low + rir) * heavier


@given(PAIRS, STEPS, ranges, st.integers(1, 4), st.integers(0, 4))
def test_a_trainee_who_does_what_is_asked_moves_up_a_whole_pair_within_the_stretched_range(
    load: Decimal, step: Decimal, rep_range: tuple[int, int], sets: int, rir: int
) -> None:
    plan = Plan(sets=sets, rep_range=rep_range, target_rir=rir, increment=float(step), pair=True)
    lifted = float(load)
    done = [SetDone(rep_range[1], lifted)] * sets
    for _ in range(most_reps(rep_range) - rep_range[1] + 1):
        target = next_prescription("pair", [done], plan)
        assert target.load is not None
        if target.reason is Reason.ADD_LOAD:
            break
        # Held at the same pair, a rep a set more, never past the reps that earn the jump.
        assert (target.reason, target.load) == (Reason.REPS_FIRST, lifted)
        assert rep_range[1] < target.reps <= most_reps(rep_range)
        done = [SetDone(target.reps, lifted)] * sets
    else:
        raise AssertionError("never moved up")
    rack = rack_step(load, step)
    jumped = Decimal(str(target.load)) - load
    if rack is None:
        assert Decimal(str(target.load)) % step == 0 and jumped > 0
    else:
        assert jumped >= rack >= 1 and jumped % rack == 0, (
            "a whole rack step or more, never a plate step less"
        )
    assert target.load == progressed_load(lifted, plan)
    assert target.reps == rep_range[0]


def test_reps_first_is_exact_where_the_decimal_quotient_would_round_up() -> None:
    # 14 reps × 7 kg at 4 in reserve is Epley's 8 reps × 8 kg exactly: (30 + 14 + 4) × 7 = (30 + 8 + 4) × 8.
    assert reps_first(Decimal(7), Decimal(8), (8, 12), 4) == 14
