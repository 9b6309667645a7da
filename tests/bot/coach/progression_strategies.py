"""Hypothesis strategies for progression properties: plans with any step and rep range, and histories of sets
with or without a load or reps in reserve. Shared by the day-rotation and newcomer-trial properties."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from bot.coach.model import SetDone
from bot.coach.progression import Plan

increments = st.sampled_from([0.5, 1.0, 1.25, 2.0, 2.5, 5.0])
loads = st.decimals(min_value=Decimal("0.5"), max_value=500, places=2).map(float)
ranges = st.tuples(st.integers(1, 15), st.integers(0, 5)).map(lambda t: (t[0], t[0] + t[1]))
plans = st.builds(
    Plan,
    sets=st.integers(1, 5),
    rep_range=ranges,
    target_rir=st.integers(0, 4),
    lower_body=st.booleans(),
    increment=increments,
)
set_done = st.builds(
    SetDone,
    reps=st.integers(0, 25),
    load=st.one_of(st.none(), loads),
    rir=st.one_of(st.none(), st.integers(0, 5)),
)
histories = st.lists(st.lists(set_done, min_size=1, max_size=5), max_size=6)
