"""✏️ Adjust's ± on a pair of dumbbells: the sizes there are (a rack's, or the pairs owned at home), never the
chat's plate step (a trial's +2.5 kg on a 12 kg dumbbell)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.pairstep import RACK_STEPS, pair_moved, pair_steps, rack_step
from bot.coach.panelshift import Shift, adjusted, moved_pair
from bot.coach.progression import Plan, Prescription, Reason
from bot.coach.sessionlog import Target

D = Decimal
STEP = D("2.5")


def test_a_gym_pair_moves_by_its_racks_step() -> None:
    assert pair_moved(D(12), 1, STEP, None) == D(14)
    assert pair_moved(D(12), -1, STEP, None) == D(10)
    assert pair_moved(D("12.5"), 2, STEP, None) == D("17.5")
    assert pair_moved(D(2), -1, STEP, None) is None, "no pair of nothing"
    assert pair_moved(D("45.4"), 1, STEP, None) is None, "a rack not known"
    assert pair_steps(D(12), STEP, None, 9) == (-5, 9)
    assert pair_steps(D(4), STEP, None, 9) == (-1, 9)
    assert pair_steps(D("45.4"), STEP, None, 9) is None


def test_a_home_pair_moves_only_through_the_pairs_owned() -> None:
    owned = frozenset({6.0, 10.0, 12.0})
    assert pair_moved(D(10), 1, STEP, owned) == D(12)
    assert pair_moved(D(10), -1, STEP, owned) == D(6)
    assert pair_moved(D(12), 1, STEP, owned) is None
    assert pair_steps(D(10), STEP, owned, 9) == (-1, 1)
    assert pair_steps(D(6), STEP, frozenset({6.0}), 9) == (0, 0)


@given(
    st.integers(1, 30).flatmap(lambda n: st.sampled_from(RACK_STEPS).map(lambda r: r * n)),
    st.integers(-9, 9),
)
def test_every_step_the_panel_allows_lands_on_a_size_of_the_same_rack(load: Decimal, steps: int) -> None:
    limits = pair_steps(load, STEP, None, 9)
    assert limits is not None
    if not limits[0] <= steps <= limits[1]:
        return
    moved = pair_moved(load, steps, STEP, None)
    assert moved is not None and moved > 0
    rack = rack_step(load, STEP)
    assert rack is not None and (moved - load) == steps * rack


def test_adjusted_moves_a_pair_by_sizes_and_any_other_lift_by_the_plate_step() -> None:
    plan = Plan(sets=2, rep_range=(8, 12), target_rir=2, increment=2.5, pair=True)
    target = Target("dumbbell-rdl", Prescription("dumbbell-rdl", 2, 9, 12.0, Reason.ADD_REP), plan, True)
    target = replace(target, loaded=True)
    assert adjusted(target, Shift(steps=1))[0].load == 14.0
    assert adjusted(target, Shift(steps=-2))[0].load == 8.0
    assert target.load_steps(200.0) == (-5, 9)
    home = replace(target, plan=replace(plan, pairs=frozenset({6.0, 12.0})))
    assert adjusted(home, Shift(steps=-1))[0].load == 6.0 and home.load_steps(200.0) == (-1, 0)
    cable = replace(target, plan=replace(plan, pair=False))
    assert moved_pair(cable, 1) is None and adjusted(cable, Shift(steps=1))[0].load == 14.5
