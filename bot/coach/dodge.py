"""How far apart on the page to draw chart lines that would lie one on top of another.

Markers alone left the lines of two lifts logged alike (face pulls and rear-delt flies, 3×12 at 10 kg
on the same days) one on top of the other in /progress: a newcomer saw one line and a legend naming two.
Such lines are moved apart on the page, not in the data, so every number the chart and its caption show
stays what was lifted.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from itertools import count, pairwise

# Points (1/72 in; about 8 px of the 800 px chart): apart enough to see two lines on a phone, close
# enough that each still reads within a fraction of a tick of its true value.
DODGE_POINTS = 6.0


@dataclass(frozen=True)
class Drawn:
    """A series as drawn: the axes it is on (any key: reps and loads have their own), its marked points
    and the points its line joins, each (day, value)."""

    axes: Hashable
    marks: Sequence[tuple[date, float]]
    line: Sequence[tuple[date, float]]


def dodges(series: Sequence[Drawn]) -> list[float]:
    """Each series' vertical offset on the page, in points: 0 for one that lies on no other's, else
    ``DODGE_POINTS`` apart from every series it would hide or be hidden by, spread around 0.

    Two series on the same axes collide where they mark the same point, same day and same value, or where
    segments of their lines lie along one line (days 1 and 3 at 10 kg against days 2 and 4). The offset is
    one per series, so a line moves whole and keeps its shape and its days' order. Colliding series take
    the first step of 0, +1, -1, +2, … that none of the earlier ones they collide with took, then each
    group of colliding series is centred on 0 (two: half a step up and half a step down), so the true
    value lies among them rather than under the first.
    """
    collide: list[set[int]] = [set() for _ in series]
    marked: dict[tuple[Hashable, date, float], set[int]] = {}
    lines: dict[tuple[Hashable, Fraction, Fraction], list[tuple[int, int, int]]] = {}
    for index, one in enumerate(series):
        for day, value in one.marks:
            marked.setdefault((one.axes, day, value), set()).add(index)
        for (day0, value0), (day1, value1) in pairwise(one.line):
            x0, x1 = day0.toordinal(), day1.toordinal()
            # Exact fractions, so "along one line" is never a float rounding's guess.
            slope = (Fraction(value1) - Fraction(value0)) / (x1 - x0)
            along = lines.setdefault((one.axes, slope, Fraction(value0) - slope * x0), [])
            for other, y0, y1 in along:
                if other != index and max(x0, y0) < min(x1, y1):
                    collide[index].add(other)
                    collide[other].add(index)
            along.append((index, x0, x1))
    for sharing in marked.values():
        for index in sharing:
            collide[index] |= sharing - {index}
    steps: list[int] = []
    for index in range(len(series)):
        taken = {steps[other] for other in collide[index] if other < index}
        steps.append(next(step for step in _steps() if step not in taken))
    offsets = [0.0] * len(series)
    for group in _groups(collide):
        middle = (max(steps[i] for i in group) + min(steps[i] for i in group)) / 2
        for index in group:
            offsets[index] = (steps[index] - middle) * DODGE_POINTS
    return offsets


def _steps() -> Iterator[int]:
    yield 0
    for step in count(1):
        yield step
        yield -step


def _groups(collide: Sequence[set[int]]) -> list[set[int]]:
    """The series that collide with each other, directly or through a third, as groups."""
    groups: list[set[int]] = []
    placed: set[int] = set()
    for first in range(len(collide)):
        if first in placed:
            continue
        group, todo = {first}, [first]
        while todo:
            for other in collide[todo.pop()] - group:
                group.add(other)
                todo.append(other)
        placed |= group
        groups.append(group)
    return groups
