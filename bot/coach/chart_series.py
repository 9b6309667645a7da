"""The lifts panel's data: a lift's logged sets (``Lift``), each day's top set, and the series the /progress
chart draws from them (``lift_series``) with the points its line joins (``joined``).

Split from ``charts``, which draws them and writes the caption, to keep it under 550 lines; pure data and
arithmetic, picklable for the chart worker process.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.coach.chart_axes import Scale
from bot.coach.lift_words import eased_days, line_day
from bot.coach.model import SetDone
from bot.coach.planner import DELOAD_DAY


@dataclass(frozen=True)
class Lift:
    """A main lift's logged sets as (day, set) pairs; its unit is the chat's. ``kinds`` is each day's kind
    of day where the level's days take turns (heavy, moderate, volume): the caption then compares the
    latest set with the first of its own kind, and says which."""

    name: str
    sets: Sequence[tuple[date, SetDone]]
    unit: str = "kg"
    kinds: Mapping[date, str] = field(default_factory=dict)
    # False for a load added to bodyweight (a weighted pull-up): the load alone is not what is lifted, so
    # it is drawn one line per kind of day, never joined across kinds.
    estimable: bool = True
    # The kind of day a loaded lift's line joins where kinds take turns (``planner.heaviest_kind``).
    line_kind: str = ""
    # The legend's name for it, where the catalog has a short one ("Backpack RDL"): a home beginner's
    # full names ran off both sides of the picture (``chart_legend``). The caption keeps ``name``.
    short: str = ""
    # The slot's exercises logged beside it without a load, not drawn on its added-load lines
    # (``charted.left_beside``): the caption names them.
    beside: tuple[str, ...] = ()
    # A load added to bodyweight (the catalog's ``added_load``): beside loads lifted, it is read on the
    # right-hand axis (``chart_axes``).
    added: bool = False
    # The earlier block whose main lift this was, drawn for the weeks it was trained (``charted.
    # earlier_lifts``); 0 for this block's.
    block: int = 0
    # Its load is one dumbbell's (``loadanswer.pair``): the caption names it "each hand", as the log does.
    each_hand: bool = False
    # The days the trainee went light of their own accord (``comeback.chosen_light``, which progression
    # reads as no baseline): marked off the line, hollow, and never the caption's latest, so no drop.
    light: frozenset[date] = frozenset()


@dataclass(frozen=True)
class Point:
    """A day's point of a series: the number drawn, and the set it comes from."""

    day: date
    value: float
    reps: int
    load: float | None
    kind: str = ""  # the day's kind where kinds of day take turns ("heavy day"), else ""


@dataclass(frozen=True)
class Series:
    """One line of the lifts panel: a lift's points on one scale; ``kind`` when the line joins one kind of
    day only (bodyweight reps where kinds take turns), "" when it joins every day."""

    lift: str
    scale: Scale
    points: tuple[Point, ...]
    kind: str = ""
    joins: str = ""  # the one kind of day the line joins, the others marked off it; "" (``joined``)
    eased: frozenset[date] = frozenset()  # days of that kind the line leaves off too (``eased_days``)
    light: frozenset[date] = frozenset()  # light days chosen, off the line (``Lift.light``)


def best_sets(sets: Sequence[tuple[date, SetDone]]) -> list[tuple[date, SetDone]]:
    """Each day's top set: the heaviest, and of equal loads the most reps (bodyweight: most reps)."""
    best: dict[date, SetDone] = {}
    for day, done in sets:
        current = best.get(day)
        if current is None or (done.load or 0.0, done.reps) > (current.load or 0.0, current.reps):
            best[day] = done
    return sorted(best.items())


def lift_series(lift: Lift, since: date) -> list[Series]:
    """What the lifts panel draws for a lift, from ``since`` on: each day's top set's load, or its reps.

    Where kinds of day take turns (``lift.kinds``), a line through every day would join a heavy day's 3
    reps with a volume day's 10 and zig-zag down while the lifter gets stronger, so a loaded lift's line
    joins one kind of day (``lift.line_kind``, the heavy days; ``joined``) and the other days are marked
    at their own load, lighter on purpose, each point keeping its kind for its marker. The line is the
    load, not an estimated one-rep max: double progression adds load and restarts the reps at the bottom
    of the range (4×5 @ 180 kg, then 4×3 @ 185 kg), which Epley reads as a loss (210 → 203.5) while the
    caption rightly says +5 kg; a newcomer trial saw the line fall under those words. A load added to
    bodyweight, and reps without a load, are one line per kind of day.
    """
    dated = [(day, done) for day, done in lift.sets if day >= since]
    loaded = any(done.load for _, done in dated)
    if not lift.kinds:
        points = [
            Point(day, (done.load or 0.0) if loaded else done.reps, done.reps, done.load)
            for day, done in best_sets(dated)
            # A session logged without a load ("As written" before any load was known) is no 0 kg point.
            if done.load or not loaded
        ]
        scale = Scale.LOAD if loaded else Scale.REPS
        return [Series(lift.name, scale, tuple(points), light=lift.light)] if points else []
    if loaded and not lift.estimable:
        # A load added to bodyweight: the top set's load, one line per kind.
        added: dict[str, list[Point]] = {}
        for day, done in best_sets(dated):
            if done.load:
                kind = lift.kinds.get(day, "")
                added.setdefault(kind, []).append(Point(day, done.load, done.reps, done.load, kind))
        return [Series(lift.name, Scale.LOAD, tuple(on), day, light=lift.light) for day, on in added.items()]
    if loaded:
        tops = [(day, done) for day, done in best_sets(dated) if done.load]
        points = [
            Point(day, done.load or 0.0, done.reps, done.load, lift.kinds.get(day, "")) for day, done in tops
        ]
        # With no day of the line's kind in the chart's weeks, the latest working day's kind: what the
        # caption compares, like with like.
        joins = line_day(lift, tops)
        eased = eased_days(lift.sets, lift.kinds) if joins else frozenset()
        series = Series(lift.name, Scale.LOAD, tuple(points), joins=joins, eased=eased, light=lift.light)
        return [series] if points else []
    by_kind: dict[str, list[Point]] = {}
    for day, done in best_sets(dated):
        kind = lift.kinds.get(day, "")
        by_kind.setdefault(kind, []).append(Point(day, done.reps, done.reps, None, kind))
    return [Series(lift.name, Scale.REPS, tuple(points), kind) for kind, points in by_kind.items()]


def joined(series: Series) -> list[Point]:
    """The points a series' line joins: every one, but where kinds of day take turns for a loaded lift,
    those of the kind it ``joins`` (the heavy days) but a ramp to a top set the next such day eased
    (``lift_words.eased_days``), or with no kind to join, all but deload weeks'.

    Only like with like, what the caption compares: the moderate and volume days are lighter on purpose,
    and a line through them would fall twice a week while the lifter gets stronger. Those days stay on
    the chart, marked at their own load, off the line, as deload weeks always were; so do the light days the
    trainee chose (``Series.light``), which progression reads as no baseline either: a line falling to them
    read as a drop (a newcomer trial)."""
    points = [p for p in series.points if p.day not in series.light]
    if series.kind:
        return points
    if series.joins:
        return [p for p in points if p.kind == series.joins and p.day not in series.eased]
    return [p for p in points if p.kind != DELOAD_DAY]
