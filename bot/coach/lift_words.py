"""The words for each lift in the /progress caption: its latest top set and how it changed.

Like with like: where kinds of day take turns, a loaded lift's latest set is the latest of the kind of
day its line joins (``line_day``: the heavy days), compared with the first of that kind in the chart's
weeks, never with a ramp to a top set that the plan then eased (``eased_days``,
which the chart's line leaves off too). Split from ``bot.coach.charts``, which draws, so neither passes
~500 lines. Every word comes from ``messages.toml`` ([chart]).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.coach.model import SetDone
from bot.coach.planner import DELOAD_DAY
from bot.coach.progress_text import format_sets, with_bands
from bot.coach.texts import Texts, escape

if TYPE_CHECKING:
    # Only for the annotation: chart_series imports this module to build its series.
    from bot.coach.chart_series import Lift


def lift_words(lift: Lift, dated: Sequence[tuple[date, SetDone]], texts: Texts) -> str:
    """A lift's part of the caption, from its days' top sets in the chart's weeks (``dated``, in order):
    the latest top set and the change since the first like it."""
    # A volume day's 8 reps against a heavy day's 3 is no change at all: like with like.
    kind = lift.kinds.get(dated[-1][0], "")
    if kind and lift.estimable and any(done.load for _, done in dated):
        # The latest point of the load line, the heavy days' (a trial read a volume day's 10 reps at a
        # lighter load beside a line that ends at the heavy day's top set): the other days sit under it.
        kind = line_day(lift, dated) or kind
    points = [(day, done) for day, done in dated if not kind or lift.kinds.get(day) == kind]
    (_, first), (last_day, last) = points[0], points[-1]
    name = escape(lift.name)
    # One dumbbell's load said so once, beside the name, for every load of its words (the log's basis).
    name = texts.get("chart.caption_each_hand", name=name) if lift.each_hand and last.load else name
    values: dict[str, object] = {"name": name, "reps": last.reps, "day": escape(kind)}
    if not last.load:
        # Reps with another band are another exercise's reps: compared only with the same band's, and a
        # band's first day says the band changed, never a minus (a newcomer trial's "Band row: 11 reps
        # (-1)" after moving from the red band to the green).
        same_band = [(day, done) for day, done in points if not _other_band(done, last)]
        if len(same_band) < len(points):
            return _band_words(values, points, same_band, last, texts)
        values.update(change=f"{last.reps - first.reps:+d}")
        key = "chart.caption_reps" + ("" if not kind else "_day" if len(points) > 1 else "_first_day")
        # No "(+0)": one session, or the same reps again, has no change to tell.
        held = last.reps == first.reps and not key.endswith("_first_day")
        return texts.get(key + ("_held" if held else ""), **values)
    # From the first loaded session: a first log without a load is not a climb from zero.
    loaded = [(day, done) for day, done in points if done.load]
    values.update(load=f"{last.load:g}", unit=lift.unit)
    if not kind:
        like = [done for _, done in loaded]
        key, change = _change_key("chart.caption_load", like, texts)
        return _with_best(texts.get(key, **change, **values), like, lift, texts)
    if len(loaded) == 1:
        return texts.get("chart.caption_load_first_day", **values)
    # Not against a ramp to a top set that the next day of its kind eased (``eased_days``): 4×3 @ 192.5
    # kg after 2×3 @ 200 kg is what the plan asked, no loss (a newcomer trial: "-7.5 kg on heavy days").
    eased = eased_days(lift.sets, lift.kinds)
    like = [done for day, done in loaded if day not in eased]
    if len(like) > 1:
        key, change = _change_key("chart.caption_load_day", like, texts)
        return _with_best(texts.get(key, **change, **values), like, lift, texts)
    top, count = _tops(lift.sets)
    before_day = loaded[-2][0]
    at_before = [done for day, done in lift.sets if day == before_day and done.load == top[before_day]]
    before = format_sets(at_before, lift.unit)
    return texts.get("chart.caption_load_day_more_sets", sets=count[last_day], before=before, **values)


def _other_band(done: SetDone, last: SetDone) -> bool:
    """Whether ``done`` was with another band than ``last``: both told, and not the same."""
    return bool(done.bands) and bool(last.bands) and done.bands != last.bands


def _band_words(
    values: dict[str, object],
    points: Sequence[tuple[date, SetDone]],
    like: Sequence[tuple[date, SetDone]],
    last: SetDone,
    texts: Texts,
) -> str:
    """A band move's words once its band changed: its reps with the band now, against the first set with
    that band, or on that band's first day the band it had before."""
    values["band"] = with_bands(last.bands, texts)
    if len(like) > 1:
        more = last.reps - like[0][1].reps
        held = more == 0
        values["change"] = f"{more:+d}"
        return texts.get("chart.caption_reps_band" + ("_held" if held else ""), **values)
    before = next(done for _, done in reversed(points) if _other_band(done, last))
    values.update(before=before.reps, was=with_bands(before.bands, texts))
    return texts.get("chart.caption_reps_new_band", **values)


def _change_key(key: str, like: Sequence[SetDone], texts: Texts) -> tuple[str, dict[str, str]]:
    """The caption's key for a loaded lift's latest top set against the first like it (``like``, in order)
    and the change it tells: the load's ("+5 kg"); at the same load, the reps' ("+2 reps at 100 kg": double
    progression holds the load while the reps climb, which a trial's "+0 kg" hid); nothing, and the key's
    ``_held`` line, when neither changed (one session, or the same set again)."""
    first, last = like[0], like[-1]
    if (first.load or 0.0) != (last.load or 0.0):
        return key, {"change": f"{(last.load or 0.0) - (first.load or 0.0):+g}"}
    if first.reps != last.reps:
        more = last.reps - first.reps
        return key + "_reps", {"change": ("+" if more > 0 else "-") + texts.count("count.rep", abs(more))}
    return key + "_held", {}


def _with_best(said: str, like: Sequence[SetDone], lift: Lift, texts: Texts) -> str:
    """``said``, and the best set of ``like`` where it beats the latest: a trial's deadlift read "100 kg × 7
    (+0 kg)" with 110 kg lifted in between, so the best was nowhere in the caption."""
    best = max(like, key=lambda done: (done.load or 0.0, done.reps))
    last = like[-1]
    if ((best.load or 0.0), best.reps) <= ((last.load or 0.0), last.reps):
        return said
    return texts.get(
        "chart.caption_best", said=said, load=f"{best.load or 0.0:g}", unit=lift.unit, reps=best.reps
    )


def line_day(lift: Lift, dated: Sequence[tuple[date, SetDone]]) -> str:
    """The kind of day a loaded lift's line joins, of its days in the chart's weeks (``dated``): its
    ``line_kind`` (the heavy days), or with none of those there, the latest working day's kind."""
    working = [kind for day, done in dated if done.load and (kind := lift.kinds.get(day, "")) != DELOAD_DAY]
    return lift.line_kind if lift.line_kind in working else (working[-1] if working else "")


def eased_days(sets: Sequence[tuple[date, SetDone]], kinds: Mapping[date, str]) -> frozenset[date]:
    """The days whose next day of the same kind worked more sets at a lighter top load: a ramp to a top
    set or two that the plan then eased to every set at a load all of them can take
    (``progression_days``). Not like a day worked for all its sets: the caption compares with neither,
    and the chart's line leaves them off (``charts.joined``), marked at their own load."""
    top, count = _tops(sets)
    by_kind: dict[str, list[date]] = {}
    for day in sorted(top):
        by_kind.setdefault(kinds.get(day, ""), []).append(day)
    return frozenset(
        day
        for days in by_kind.values()
        for day, after in pairwise(days)
        if top[after] < top[day] and count[after] > count[day]
    )


def _tops(sets: Sequence[tuple[date, SetDone]]) -> tuple[dict[date, float], Counter[date]]:
    """Each day's top load (0 without one) and how many of its sets were at it."""
    top: dict[date, float] = {}
    for day, done in sets:
        top[day] = max(top.get(day, 0.0), done.load or 0.0)
    return top, Counter(day for day, done in sets if (done.load or 0.0) == top[day])
