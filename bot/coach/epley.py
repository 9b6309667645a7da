"""Epley's one-rep-max estimate, the one formula behind every load worked out for other reps.

A set of ``reps`` reps to failure at ``load`` estimates a one-rep max of load × (1 + reps/30), so the
same max allows load × (30 + reps) / (30 + wanted) for ``wanted`` reps to failure. Records
(``records.epley``), progression's estimate (``progression.e1rm``, ``estimated_load``), a deload's
working load (``deload``) and a first RDL from the deadlift (``firstload``) all read it here; each
keeps its own rules at its call: which reps count (records: 1-12; progression: up to 20 to failure),
reps in reserve counted as reps, and rounding.

Generic over ``float`` and ``Decimal``, and in one order of operations (the load times 30 + reps, then
divided): a Decimal load is multiplied exactly and divided once, so an estimate exactly on a step stays
on it before it is rounded to the step.

Pure: no Telegram, no database.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

# Epley's constant: each rep to failure adds a thirtieth of the load to the estimated max.
EPLEY_REPS = 30
N = TypeVar("N", float, Decimal)


def for_reps(load: N, reps: int, wanted: int = 0) -> N:
    """The load for ``wanted`` reps to failure with the estimated one-rep max of ``load`` lifted ``reps``
    times to failure: load × (30 + reps) / (30 + wanted). ``wanted`` 0 is the one-rep max itself."""
    return load * (EPLEY_REPS + reps) / (EPLEY_REPS + wanted)


def one_rep_max(load: N, reps: int) -> N:
    """The estimated one-rep max of ``load`` lifted ``reps`` times to failure: load × (1 + reps/30)."""
    return for_reps(load, reps)


def factor(reps: int) -> float:
    """How many times its load a set of ``reps`` reps to failure estimates the one-rep max: 1 + reps/30."""
    return for_reps(1.0, reps)
