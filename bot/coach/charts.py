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
word on the chart and in its caption comes from ``messages.toml`` ([chart]). The lifts' data and the series
drawn from them are ``chart_series``'s, the weeks ``chart_weeks``', the sessions panel ``chart_sessions``'.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import DateFormatter, DayLocator, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import offset_copy

from bot.coach.chart_axes import Scale, Side, label_axes, on_right, panel_axes, sides
from bot.coach.chart_legend import legend_under
from bot.coach.chart_series import Lift, Point, Series, best_sets, joined, lift_series
from bot.coach.chart_sessions import draw_sessions
from bot.coach.chart_weeks import (
    Pause,
    PauseSaid,
    drawn_weeks,
    pause_said,
    paused_standing,
    per_week,
    weeks_trained,
    weeks_words,
)
from bot.coach.dodge import Drawn, dodges
from bot.coach.lift_words import lift_words
from bot.coach.model import SetDone
from bot.coach.streaks import EVERY_DAY
from bot.coach.texts import Texts, escape

# The lifts' data lives in ``chart_series``; callers read it here, with the chart.
__all__ = [
    "Chart",
    "Lift",
    "Member",
    "Point",
    "Series",
    "Trace",
    "best_sets",
    "caption",
    "joined",
    "lift_series",
    "progress_figure",
    "render_progress",
    "traces",
]

_DRAWING = threading.Lock()
_COLORS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795", "#718096", "#b7791f")
# Two lifts trained on the same day at the same number land on the same spot: each lift gets its own
# marker shape, earlier lifts bigger ones, and all but the first are drawn as outlines, so a later
# lift's point is a ring around or inside an earlier one's instead of hiding it.
_MARKERS = ("o", "s", "^", "D", "v", "P")
_MARKER_SIZES = (13.0, 11.0, 9.0, 7.0)
_PAD = timedelta(days=1)
# The legend's marker for a kind of day, in no lift's colour.
_KIND_GREY = "#4a5568"
# The most date ticks under the lifts (a longer span ticks every n-th day).
MAX_DAY_TICKS = 8
# The picture with the lifts panel, in inches: the room above the first panel and under the last one for
# its dates, before the legend's rows under them (``chart_legend``) make it taller.
_WIDTH_IN, _HEIGHT_IN, _TOP_IN, _DATES_IN = 8.0, 7.5, 0.45, 0.75


@dataclass(frozen=True)
class Member:
    """One line of the weekly chart: a member's name (or "You") and training days."""

    name: str
    days: Sequence[date]


@dataclass(frozen=True)
class Chart:
    png: bytes
    caption: str


@dataclass(frozen=True)
class Trace:
    """How the lifts panel draws one series: ``lift`` is the index of its lift (its colour), ``marker``
    None where the kind of day picks the marker, ``dodge`` the line's vertical offset on the page in
    points. The series' days and values are handed to matplotlib as they are: a dodge moves the drawing,
    never a number."""

    lift: int
    name: str
    series: Series
    color: str
    marker: str | None
    size: float
    hollow: bool
    linestyle: Literal["-", ":"]
    dodge: float = 0.0
    side: Side = Side.LOAD  # the axis it is read on (``chart_axes.sides``)


def traces(lifts: Sequence[Lift], since: date) -> list[Trace]:
    """Every series of the lifts panel with how it is drawn, in the lifts' order."""
    drawn = [(index, series) for index, lift in enumerate(lifts) for series in lift_series(lift, since)]
    by_kind = any(p.kind for _, series in drawn for p in series.points)
    read_on = sides([(series.scale, lifts[index].added) for index, series in drawn])
    right = on_right(read_on)
    offsets = dodges(
        [
            Drawn(
                side in right,  # lines on one axis can hide one another, not across the two
                [(p.day, p.value) for p in series.points],
                [(p.day, p.value) for p in joined(series)],
            )
            for (_, series), side in zip(drawn, read_on, strict=True)
        ]
    )
    return [
        Trace(
            lift=index,
            name=lifts[index].short or lifts[index].name,
            series=series,
            color=_COLORS[index % len(_COLORS)],
            marker=None if by_kind else _MARKERS[index % len(_MARKERS)],
            size=_MARKER_SIZES[min(index, len(_MARKER_SIZES) - 1)],
            hollow=index > 0,
            linestyle=":" if series.scale is Scale.REPS else "-",
            dodge=offset,
            side=side,
        )
        for (index, series), offset, side in zip(drawn, offsets, read_on, strict=True)
    ]


@dataclass(frozen=True)
class _Window:
    """The sessions panel's weeks (``MIN_WEEKS`` at least), how many of them the chat has trained, each
    member's sessions per week, the lifts with sets in the weeks, the weeks trained that a pause passes by
    (``chart_weeks.passed_by``) and how the caption says that pause (``chart_weeks.pause_said``)."""

    weeks: list[date]
    trained: int
    counts: list[list[int]]
    lifts: list[Lift]
    passed: frozenset[date] = frozenset()
    targets: tuple[int, ...] = ()  # what each week asks for, less where a pause touched it
    pause: PauseSaid | None = None


def _window(
    today: date,
    members: Sequence[Member],
    lifts: Sequence[Lift],
    target: int,
    paused: Sequence[Pause],
    workout_days: Collection[int] = EVERY_DAY,
) -> _Window:
    days = [day for member in members for day in member.days]
    trained = weeks_trained(today, days + [day for lift in lifts for day, _ in lift.sets])
    weeks = drawn_weeks(trained, today)
    counts = [per_week(member.days, weeks) for member in members]
    drawn = [lift for lift in lifts if any(weeks[0] <= day for day, _ in lift.sets)]
    # A group's week is on target when the group as a whole met it, as its streak counts it.
    totals = [sum(week) for week in zip(*counts, strict=True)] if counts else [0] * len(weeks)
    passed, targets = paused_standing(today, weeks, totals, trained, target, paused, workout_days)
    said = pause_said(today, weeks[-trained:], passed, paused) if trained else None
    return _Window(weeks, trained, counts, drawn, passed, targets, said)


def render_progress(
    *,
    today: date,
    weekly_target: int,
    members: Sequence[Member],
    lifts: Sequence[Lift],
    texts: Texts,
    paused: Sequence[Pause] = (),
    workout_days: Collection[int] = EVERY_DAY,
) -> Chart | None:
    """The chart and its one-line caption, or None when the last 12 weeks hold nothing to draw; a week a
    pause touched asks for the training days (``workout_days``) it left free, as the streak counts it."""
    window = _window(today, members, lifts, weekly_target, paused, workout_days)
    if not window.trained:
        return None
    with _DRAWING:
        figure = _draw(window, weekly_target, members, texts)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    text = caption(
        window.weeks,
        weekly_target,
        window.counts,
        window.lifts,
        texts,
        trained=window.trained,
        passed=window.passed,
        targets=window.targets,
        pause=window.pause,
    )
    return Chart(buffer.getvalue(), text)


def progress_figure(
    *,
    today: date,
    weekly_target: int,
    members: Sequence[Member],
    lifts: Sequence[Lift],
    texts: Texts,
    paused: Sequence[Pause] = (),
    workout_days: Collection[int] = EVERY_DAY,
) -> Figure:
    """The chart as a matplotlib ``Figure`` before it becomes PNG bytes, so tests can read its axes."""
    window = _window(today, members, lifts, weekly_target, paused, workout_days)
    with _DRAWING:
        return _draw(window, weekly_target, members, texts)


def _draw(window: _Window, target: int, members: Sequence[Member], texts: Texts) -> Figure:
    weeks, counts, lifts = window.weeks, window.counts, window.lifts
    figure = Figure(figsize=(_WIDTH_IN, _HEIGHT_IN if lifts else 4.2), dpi=100)
    # Agg's canvas, what the PNG is drawn on anyway: the legend is measured with its renderer; with the
    # default canvas matplotlib would print the whole figure to find one.
    FigureCanvasAgg(figure)
    # Fixed margins rather than a layout engine: constrained layout cost a third of the render time.
    figure.subplots_adjust(
        left=0.08, right=0.91, top=0.94 if lifts else 0.9, bottom=0.1 if lifts else 0.2, hspace=0.5
    )
    axes = figure.subplots(2 if lifts else 1, 1, squeeze=False)[:, 0]
    named = [(member.name, count) for member, count in zip(members, counts, strict=True)]
    draw_sessions(axes[0], weeks, named, target, window.passed, _COLORS, texts, window.targets)
    if lifts:
        under = _DATES_IN + _draw_lifts(axes[1], weeks[0], lifts, texts)
        height = _HEIGHT_IN - _DATES_IN + under
        figure.set_size_inches(_WIDTH_IN, height)
        figure.subplots_adjust(top=1 - _TOP_IN / height, bottom=under / height)
    return figure


def _draw_lifts(axes: Axes, since: date, lifts: Sequence[Lift], texts: Texts) -> float:
    """The lifts panel; the inches its legend takes under it."""
    drawn = traces(lifts, since)
    # Loads lifted on the left, reps and an added load beside them on the right (``chart_axes``).
    found = panel_axes(axes, {trace.side for trace in drawn})
    # Where kinds of day take turns, a lift is a colour and a kind of day a marker shape, in the order the
    # kinds first appear; the legend names both.
    kinds = list(dict.fromkeys(p.kind for trace in drawn for p in trace.series.points if p.kind))
    kind_marker = {kind: _MARKERS[index % len(_MARKERS)] for index, kind in enumerate(kinds)}
    handles: dict[int, Line2D] = {}
    values: dict[Side, list[float]] = {}
    drawn_days: list[date] = []
    for trace in drawn:
        series = trace.series
        target = found[trace.side]
        values.setdefault(trace.side, []).extend(p.value for p in series.points)
        drawn_days += [p.day for p in series.points]
        if trace.marker is None:
            _draw_by_kind(target, trace, kind_marker, texts)
            # The legend's line for a lift: its colour, and dotted where it counts reps.
            handles.setdefault(
                trace.lift,
                Line2D([], [], color=trace.color, linestyle=trace.linestyle, linewidth=2, label=trace.name),
            )
        else:
            line = joined(series)
            lines = target.plot(
                [_day_number(p.day) for p in line],
                [p.value for p in line],
                marker=trace.marker,
                markersize=trace.size,
                markerfacecolor="none" if trace.hollow else None,
                markeredgewidth=2,
                color=trace.color,
                label=trace.name,
                linestyle=trace.linestyle,
            )
            # A light day chosen: its own marker, hollow and off the line (``joined``), never joined to it.
            light = [p for p in series.points if p.day in series.light]
            if light:
                lines += target.plot(
                    [_day_number(p.day) for p in light],
                    [p.value for p in light],
                    marker=trace.marker,
                    markersize=trace.size,
                    markerfacecolor="none",
                    markeredgewidth=1,
                    color=trace.color,
                    linestyle="none",
                )
            _dodged(target, trace, lines)
        # Room above and below, or the top set's big marker is cut in half at the edge.
        target.margins(y=0.12)
    axes.set_title(texts["chart.lifts_title_days" if kinds else "chart.lifts_title"])
    label_axes(found, values, lifts[0].unit, texts)
    if drawn_days:
        _day_ticks(axes, drawn_days)
    # The right-hand axes where there are some: on ``axes``, the lines on them would be drawn over it.
    top = found[Side.REPS] if found[Side.REPS] is not axes else found[Side.ADDED]
    if kinds:
        kind_handles = [
            Line2D([], [], color=_KIND_GREY, marker=kind_marker[kind], linestyle="none", label=kind)
            for kind in kinds
        ]
        return legend_under(top, [list(handles.values()), kind_handles])
    found_handles, _labels = axes.get_legend_handles_labels()
    if top is not axes:
        found_handles += top.get_legend_handles_labels()[0]
    return legend_under(top, [found_handles])


def _draw_by_kind(axes: Axes, trace: Trace, kind_marker: Mapping[str, str], texts: Texts) -> None:
    """A series where kinds of day take turns: its line (``joined``: one kind's, or every working day's,
    leaving out deload weeks), then each kind's points in that kind's marker; lifts after the
    first in outline, and a tied lift's line and points dodged together, as markers are the kinds'."""
    line = joined(trace.series)
    lines = axes.plot(
        [_day_number(p.day) for p in line],
        [p.value for p in line],
        color=trace.color,
        linestyle=trace.linestyle,
        linewidth=2,
    )
    for kind, marker in kind_marker.items():
        points = [p for p in trace.series.points if p.kind == kind]
        if not points:
            continue
        lines += axes.plot(
            [_day_number(p.day) for p in points],
            [p.value for p in points],
            linestyle="none",
            marker=marker,
            markersize=trace.size,
            markerfacecolor="none" if trace.hollow else trace.color,
            markeredgecolor=trace.color,
            markeredgewidth=2,
        )
    _dodged(axes, trace, lines)
    if trace.series.joins:
        # The line is the load, which holds for weeks while the reps climb to the top of the range: each
        # of its points says its reps ("×7"), so a flat stretch reads as the progress it is. Right of the
        # marker: above it, a lift 10 kg lower put its label inside the next lift's marker.
        for point in line:
            axes.annotate(
                texts.get("chart.line_reps", reps=point.reps),
                (_day_number(point.day), point.value),
                xytext=(_MARKER_SIZES[0] / 2 + 2, trace.dodge + 1),
                textcoords="offset points",
                ha="left",
                va="bottom",
                fontsize="x-small",
                color=trace.color,
            )


def _dodged(axes: Axes, trace: Trace, lines: Sequence[Line2D]) -> None:
    """Moves a trace's lines by its dodge on the page. After plotting, not through ``plot(transform=)``:
    the axes took their limits from the true values then, while a transform given to ``plot`` would
    count the offset in points as if it were kilograms."""
    if not trace.dodge:
        return
    moved = offset_copy(axes.transData, fig=axes.get_figure(root=True), y=trace.dodge, units="points")
    for line in lines:
        line.set_transform(moved)


def _day_ticks(axes: Axes, drawn_days: list[date]) -> None:
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


def _day_number(day: date) -> float:
    """A day as matplotlib's date number (days since its epoch), what its date locator and formatter read."""
    return float(date2num(day))  # type: ignore[no-untyped-call]


def caption(
    weeks: list[date],
    target: int,
    counts: list[list[int]],
    lifts: Sequence[Lift],
    texts: Texts,
    *,
    trained: int | None = None,
    passed: frozenset[date] = frozenset(),
    targets: Sequence[int] = (),
    pause: PauseSaid | None = None,
) -> str:
    """One line: sessions and weeks on target over the weeks trained (``trained``, the last of ``weeks``;
    all of them by default), each week's target ``targets``' (``target`` where none is given), the paused
    ones that missed it (``passed``) not counted, their pause said in days where ``pause`` says so, then
    each lift's latest best and change."""
    total = sum(sum(count) for count in counts)
    asked = list(targets) or [target] * len(weeks)
    # A group's week is on target when the group as a whole met it, as its streak counts it.
    totals = [sum(week) for week in zip(*counts, strict=True)]
    met = sum(1 for done, wanted in zip(totals, asked[: len(totals)], strict=True) if done >= wanted)
    trained = len(weeks) if trained is None else trained
    parts = [weeks_words(total, trained, len(passed.intersection(weeks[-trained:])), met, texts, pause)]
    # Say what the lifts line joins where kinds of day take turns, and that the other days sit below it.
    drawn = [series for lift in lifts for series in lift_series(lift, weeks[0])]
    joins = next((series.joins for series in drawn if series.joins), "")
    if joins:
        parts.append(texts.get("chart.caption_load_line", day=escape(joins)))
    if any(series.kind and series.scale is Scale.REPS for series in drawn):
        parts.append(texts["chart.caption_reps_by_day"])
    if any(series.kind and series.scale is Scale.LOAD for series in drawn):
        parts.append(texts["chart.caption_added_by_day"])
    read_on = sides([(series.scale, lift.added) for lift in lifts for series in lift_series(lift, weeks[0])])
    if Side.ADDED in read_on:
        parts.append(texts["chart.caption_added_right"])
    for lift in lifts:
        dated = [(day, done) for day, done in best_sets(lift.sets) if day >= weeks[0]]
        # A light day chosen is neither the latest set nor the first to compare with: said as one instead.
        chosen = [(day, done) for day, done in dated if day in lift.light]
        dated = [(day, done) for day, done in dated if day not in lift.light] or dated
        # An earlier block's lift says so where its name is: "Barbell deadlift, block 1's main lift: …".
        if lift.block:
            lift = replace(lift, name=texts.get("chart.caption_earlier", name=lift.name, block=lift.block))
        parts.append(lift_words(lift, dated, texts))
        if chosen:
            parts.append(light_words(lift, chosen, texts))
        if lift.beside:
            others = escape(", ".join(lift.beside))
            parts.append(texts.get("chart.caption_beside", name=escape(lift.name), others=others))
    return " · ".join(parts)


def light_words(lift: Lift, chosen: Sequence[tuple[date, SetDone]], texts: Texts) -> str:
    """The light days a lift's trainee chose in the chart's weeks (``Lift.light``), said as what the chart
    does with them: marked off the line, not read as a drop."""
    days = ", ".join(dict.fromkeys(f"{day:%d %b}" for day, _ in chosen))
    if len({day for day, _ in chosen}) > 1:
        return texts.get("chart.caption_light_days", name=escape(lift.name), days=days)
    if not chosen[-1][1].load:
        # A bodyweight or band move's light day is its reps (fewer sets, ``chosen_light``), not "0 kg".
        reps = ", ".join(str(done.reps) for _, done in chosen)
        return texts.get("chart.caption_light_day_reps", name=escape(lift.name), days=days, reps=reps)
    load = f"{chosen[-1][1].load or 0.0:g}"
    return texts.get("chart.caption_light_day", name=escape(lift.name), days=days, load=load, unit=lift.unit)
