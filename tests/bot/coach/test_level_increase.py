"""How much load each level adds once every set reaches the top of its range (routines.toml's ``increase``).

A newcomer trial: an intermediate's 3×8 @ 140 kg deadlift became 3×6 @ 152.5 kg two days later, "or
167.5 kg once all sets reach 8" — a newcomer's 10 % on a load a coach moves 2.5–5 kg at a time. Beginners
keep 5 % / 10 % on their light loads; intermediates add 2.5 % on pulls, 5 % on the hinge.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import rules
from bot.coach.model import Level
from bot.coach.progression import Plan, progressed_load

CATALOG = rules.shipped()


def plan(level: Level, *, hinge: bool, increment: float = 2.5) -> Plan:
    increase = CATALOG.routines.level(level).increase
    pct = increase.lower_pct if hinge else increase.upper_pct
    return Plan(3, (6, 8), lower_body=hinge, increment=increment, increase_pct=pct)


def test_the_trials_deadlift_adds_five_kilos_not_twelve_and_a_half() -> None:
    intermediate = plan(Level.INTERMEDIATE, hinge=True)
    assert progressed_load(140, intermediate) == 145
    assert progressed_load(145, intermediate) == 150
    # A beginner's light bar still moves at 10 %.
    assert progressed_load(60, plan(Level.BEGINNER, hinge=True)) == 65
    assert progressed_load(40, plan(Level.BEGINNER, hinge=False)) == 42.5


# Loads an intermediate lifts, on the 2.5 kg grid the bar takes.
LOADS = st.integers(8, 80).map(lambda steps: steps * 2.5)


@given(load=LOADS)
def test_an_intermediate_step_is_a_coachs_step(load: float) -> None:
    # At least one plate step, and at most 5 kg on a pull, 10 kg on the deadlift, up to 200 kg.
    pull = progressed_load(load, plan(Level.INTERMEDIATE, hinge=False)) - load
    hinge = progressed_load(load, plan(Level.INTERMEDIATE, hinge=True)) - load
    assert 2.5 <= pull <= 5
    assert 2.5 <= hinge <= 10
    assert Decimal(str(hinge)) <= max(Decimal("2.5"), Decimal(str(load)) * Decimal("0.05"))


@given(load=LOADS)
def test_each_level_adds_no_more_than_the_level_below(load: float) -> None:
    for hinge in (False, True):
        steps = [progressed_load(load, plan(level, hinge=hinge)) for level in Level]
        assert steps == sorted(steps, reverse=True), (load, hinge, steps)
