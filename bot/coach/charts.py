"""The /progress chart: sessions per week against the target, and each main lift's best set over time.

Rendered from plain data to PNG bytes with matplotlib's Agg renderer on ``Figure`` objects, never
through ``pyplot``: pyplot keeps global state (the current figure) that two threads would share, while
a ``Figure`` of its own per call is independent, so this runs off the event loop: in
``bot.chartpool.ChartRenderer``'s worker process (what the handler uses: matplotlib holds the GIL while
it draws, so a thread would still slow other chats; BENCHMARKS.md §6), or in a worker thread. A lock
serialises the drawing within a process, as matplotlib does not promise that its caches (fonts, text
layout) are thread-safe; rendering is CPU-bound under the GIL anyway, so the lock costs no throughput.
The inputs and the result are plain picklable data for the same reason.

Nothing to draw gives None, and the handler sends a friendly line instead of an empty chart. Every
word on the chart and in its caption comes from ``messages.toml`` ([chart]).
"""

from __future__ import annotations

import io
import math
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.dates import DateFormatter, DayLocator, date2num
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.coach.model import SetDone
from bot.coach.streaks import week_start
from bot.coach.texts import Texts, escape

WEEKS = 12
_DRAWING = threading.Lock()
_COLORS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795", "#718096", "#b7791f")
# Two lifts trained on the same day at the same number land on the same spot: each lift gets its own
# marker shape, earlier lifts bigger ones, and all but the first are drawn as outlines, so a later
# lift's point is a ring around or inside an earlier one's instead of hiding it.
_MARKERS = ("o", "s", "^", "D", "v", "P")
_MARKER_SIZES = (13.0, 11.0, 9.0, 7.0)
_PAD = timedelta(days=1)
# The most date ticks under the lifts (a longer span ticks every n-th day).
MAX_DAY_TICKS = 8


@dataclass(frozen=True)
class Member:
    """One line of the weekly chart: a member's name (or "You") and training days."""

    name: str
    days: Sequence[date]


@dataclass(frozen=True)
class Lift:
    """A main lift's logged sets as (day, set) pairs; its unit is the chat's. ``kinds`` is each day's kind
    of day where the level's days take turns (heavy, moderate, volume): the caption then compares the
    latest set with the first of its own kind, and says which."""

    name: str
    sets: Sequence[tuple[date, SetDone]]
    unit: str = "kg"
    kinds: Mapping[date, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Chart:
    png: bytes
    caption: str


def best_sets(sets: Sequence[tuple[date, SetDone]]) -> list[tuple[date, SetDone]]:
    """Each day's top set: the heaviest, and of equal loads the most reps (bodyweight: most reps)."""
    best: dict[date, SetDone] = {}
    for day, done in sets:
        current = best.get(day)
        if current is None or (done.load or 0.0, done.reps) > (current.load or 0.0, current.reps):
            best[day] = done
    return sorted(best.items())


def chart_lifts(logged: Mapping[str, Sequence[tuple[date, SetDone]]], limit: int) -> list[str]:
    """The lifts to draw: those of the latest sessions first, then the most often trained.

    Ranking by the number of days alone kept a trainee who moved from home to the gym looking at the
    home lifts, and on a tie it fell back to the order of the log, oldest first, so the gym lifts
    logged today were cut off.
    """

    def rank(exercise: str) -> tuple[date, int]:
        days = {day for day, _ in logged[exercise]}
        return max(days), len(days)

    return sorted((ex for ex, sets in logged.items() if sets), key=rank, reverse=True)[:limit]


def render_progress(
    *, today: date, weekly_target: int, members: Sequence[Member], lifts: Sequence[Lift], texts: Texts
) -> Chart | None:
    """The chart and its one-line caption, or None when the last 12 weeks hold nothing to draw."""
    weeks = [week_start(today) - timedelta(weeks=back) for back in range(WEEKS - 1, -1, -1)]
    counts = [_per_week(member.days, weeks) for member in members]
    drawn = [lift for lift in lifts if any(day >= weeks[0] for day, _ in lift.sets)]
    if not any(sum(count) for count in counts) and not drawn:
        return None
    with _DRAWING:
        figure = _draw(weeks, weekly_target, members, counts, drawn, texts)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    return Chart(buffer.getvalue(), caption(weeks, weekly_target, counts, drawn, texts))


def progress_figure(
    *, today: date, weekly_target: int, members: Sequence[Member], lifts: Sequence[Lift], texts: Texts
) -> Figure:
    """The chart as a matplotlib ``Figure`` before it becomes PNG bytes, so tests can read its axes."""
    weeks = [week_start(today) - timedelta(weeks=back) for back in range(WEEKS - 1, -1, -1)]
    counts = [_per_week(member.days, weeks) for member in members]
    drawn = [lift for lift in lifts if any(day >= weeks[0] for day, _ in lift.sets)]
    with _DRAWING:
        return _draw(weeks, weekly_target, members, counts, drawn, texts)


def _per_week(days: Sequence[date], weeks: list[date]) -> list[int]:
    per_week = Counter(week_start(day) for day in set(days))
    return [per_week.get(monday, 0) for monday in weeks]


def _draw(
    weeks: list[date],
    target: int,
    members: Sequence[Member],
    counts: list[list[int]],
    lifts: Sequence[Lift],
    texts: Texts,
) -> Figure:
    figure = Figure(figsize=(8, 7.5 if lifts else 4.2), dpi=100)
    # Fixed margins rather than a layout engine: constrained layout cost a third of the render time.
    figure.subplots_adjust(
        left=0.08, right=0.91, top=0.94 if lifts else 0.9, bottom=0.1 if lifts else 0.2, hspace=0.5
    )
    axes = figure.subplots(2 if lifts else 1, 1, squeeze=False)[:, 0]
    sessions = axes[0]
    labels = [monday.strftime("%d %b") for monday in weeks]
    if len(members) == 1:
        sessions.bar(labels, counts[0], color=_COLORS[0])
    else:
        for index, (member, count) in enumerate(zip(members, counts, strict=True)):
            sessions.plot(labels, count, marker="o", label=member.name, color=_COLORS[index % len(_COLORS)])
    sessions.axhline(target, linestyle="--", color="#c53030", label=texts.get("chart.target", target=target))
    sessions.set_title(texts.get("chart.sessions_title", weeks=len(weeks)))
    sessions.set_ylim(0, max([target, *(max(count) for count in counts)]) + 1)
    sessions.yaxis.set_major_locator(MaxNLocator(integer=True))
    sessions.tick_params(axis="x", labelrotation=45, labelsize="small")
    sessions.legend(loc="upper left", fontsize="small")
    if lifts:
        _draw_lifts(axes[1], weeks[0], lifts, texts)
    return figure


def _draw_lifts(axes: Axes, since: date, lifts: Sequence[Lift], texts: Texts) -> None:
    shown = [[(day, done) for day, done in best_sets(lift.sets) if day >= since] for lift in lifts]
    loaded = [any(done.load for _, done in points) for points in shown]
    # Bodyweight lifts count reps, not load: beside loaded lifts they get a second y axis on the right;
    # alone they have the only one, so no empty load axis is drawn.
    reps_axes: Axes | None = None
    if not any(loaded):
        reps_axes = axes
    elif not all(loaded):
        reps_axes = axes.twinx()
    most_reps = 0
    drawn_days: list[date] = []
    for index, (lift, points, heavy) in enumerate(zip(lifts, shown, loaded, strict=True)):
        if heavy:
            # A session logged without a load ("As written" before any load was known) is no 0 kg point.
            points = [(day, done) for day, done in points if done.load]
        target = axes
        if not heavy:
            assert reps_axes is not None
            target = reps_axes
            most_reps = max([most_reps, *(done.reps for _, done in points)])
        values = [(done.load or 0.0) if heavy else done.reps for _, done in points]
        drawn_days += [day for day, _ in points]
        target.plot(
            [_day_number(day) for day, _ in points],
            values,
            marker=_MARKERS[index % len(_MARKERS)],
            markersize=_MARKER_SIZES[min(index, len(_MARKER_SIZES) - 1)],
            markerfacecolor=None if index == 0 else "none",
            markeredgewidth=2,
            color=_COLORS[index % len(_COLORS)],
            label=lift.name,
            linestyle="-" if heavy else ":",
        )
        # Room above and below, or the top set's big marker is cut in half at the edge.
        target.margins(y=0.12)
    axes.set_title(texts.get("chart.lifts_title"))
    if any(loaded):
        axes.set_ylabel(texts.get("chart.load_axis", unit=lifts[0].unit))
    if reps_axes is not None:
        reps_axes.set_ylabel(texts.get("chart.reps_axis"))
        reps_axes.set_ylim(0, most_reps + 1)
        reps_axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    # Days in matplotlib's own date numbers, with its date locator and formatter. They were day
    # ordinals (about 740,000) under a plain number locator, whose autoscaling widens a single day by 5%
    # of the value on each side: 1915 to 2138, labelled "24 Mar" to "26 Jul" without the years. The limits
    # are set here, a day either side of the points, because the date locator would widen a single day
    # by two years instead.
    start, end = min(drawn_days) - _PAD, max(drawn_days) + _PAD
    axes.set_xlim(_day_number(start), _day_number(end))
    # Whole days only: over a few days AutoDateLocator ticked every 12 hours, and "%d %b" labelled each
    # day twice. Every n-th day keeps at most MAX_DAY_TICKS ticks, each its own date.
    every = max(1, math.ceil(((end - start).days + 1) / MAX_DAY_TICKS))
    # matplotlib.dates has no type annotations (mypy strict flags every call into it); these two are
    # the only calls, and their results are typed by what the axis accepts.
    axes.xaxis.set_major_locator(DayLocator(interval=every))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
    axes.tick_params(axis="x", labelrotation=30, labelsize="small")
    handles, labels = axes.get_legend_handles_labels()
    if reps_axes is not None and reps_axes is not axes:
        more_handles, more_labels = reps_axes.get_legend_handles_labels()
        handles, labels = handles + more_handles, labels + more_labels
    # On the top axes, or the bodyweight lines would be drawn over it.
    (reps_axes or axes).legend(handles, labels, loc="best", fontsize="small", framealpha=0.9)


def _day_number(day: date) -> float:
    """A day as matplotlib's date number (days since its epoch), what its date locator and formatter read."""
    return float(date2num(day))  # type: ignore[no-untyped-call]


def caption(
    weeks: list[date], target: int, counts: list[list[int]], lifts: Sequence[Lift], texts: Texts
) -> str:
    """One line: sessions and weeks on target over the window, then each lift's latest best and change."""
    total = sum(sum(count) for count in counts)
    # A group's week is on target when the group as a whole met it, as its streak counts it.
    met = sum(1 for week in zip(*counts, strict=True) if sum(week) >= target)
    parts = [
        texts.get(
            "chart.caption",
            sessions=texts.count("count.session", total),
            weeks=texts.count("count.week", len(weeks)),
            met=met,
        )
    ]
    for lift in lifts:
        dated = [(day, done) for day, done in best_sets(lift.sets) if day >= weeks[0]]
        # A volume day's 8 reps against a heavy day's 3 is no change at all: like with like.
        kind = lift.kinds.get(dated[-1][0], "")
        points = [done for day, done in dated if not kind or lift.kinds.get(day) == kind]
        first, last = points[0], points[-1]
        values: dict[str, object] = {"name": escape(lift.name), "reps": last.reps, "day": escape(kind)}
        if last.load:
            # From the first loaded session: a first log without a load is not a climb from zero.
            first = next(done for done in points if done.load)
            change = f"{last.load - (first.load or 0.0):+g}"
            values.update(load=f"{last.load:g}", unit=lift.unit, change=change)
            key = "chart.caption_load"
        else:
            values.update(change=f"{last.reps - first.reps:+d}")
            key = "chart.caption_reps"
        if kind:
            key += "_day" if len(points) > 1 else "_first_day"
        parts.append(texts.get(key, **values))
    return " · ".join(parts)
