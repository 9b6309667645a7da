"""Why a short session is what it is, in words that match what the cut did.

A cut (``shortened.cut``) keeps every main pattern's lift at ``MIN_SETS`` when that fits; where it does
not, at a set each; where not even that fits, it drops the hinge and keeps the pulls. The reply must never
claim a pattern it dropped, so the reason is read off the cut itself (which patterns the kept lifts train,
at how many sets), not assumed from the rule. Its lines are ``[workout] cut_why*`` in ``messages.toml``,
the patterns' names ``[labels.pattern]``.

Pure: no Telegram, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.catalog import MAIN_PATTERNS, Pattern
from bot.coach.shortened import MIN_SETS, Cut
from bot.coach.texts import Texts


@dataclass(frozen=True)
class Reason:
    """``key`` under [workout] for the why line; the main patterns the session planned, the ones a kept
    lift trains, and the ones it left out (each in ``MAIN_PATTERNS``' order)."""

    key: str
    planned: tuple[Pattern, ...]
    kept: tuple[Pattern, ...]
    dropped: tuple[Pattern, ...]


def reason(result: Cut) -> Reason:
    """Why ``result`` is cut as it is: a pattern dropped, every pattern at a set where two each did not
    fit, or every pattern at ``MIN_SETS`` (the rule as a short session keeps it)."""
    planned = tuple(p for p in MAIN_PATTERNS if any(i.exercise.pattern == p for i in result.whole.exercises))
    best = {p: max((i.sets for i in result.kept if i.exercise.pattern == p), default=0) for p in planned}
    kept = tuple(p for p in planned if best[p])
    dropped = tuple(p for p in planned if not best[p])
    # Logged lifts are done and take their time first, so the pulls-first order may not be what shaped it.
    logged = "_logged" if result.logged else ""
    if dropped:
        key = "cut_why_dropped" + logged
    elif any(best[p] < MIN_SETS for p in kept):
        key = "cut_why_single" + logged
    else:
        key = "cut_why"
    return Reason(key, planned, kept, dropped)


def patterns(texts: Texts, named: Sequence[Pattern]) -> str:
    """ "the hinge, the vertical pull and the horizontal pull"."""
    names = [texts[f"labels.pattern.{p}"] for p in named]
    if len(names) < 2:
        return "".join(names)
    return texts.get("workout.cut_and", first=", ".join(names[:-1]), last=names[-1])


def why(texts: Texts, result: Cut) -> str:
    """The line under a cut session's head: what it kept of the patterns and why, then why rests stay."""
    found = reason(result)
    said = texts.get(
        f"workout.{found.key}",
        budget=result.budget,
        planned=patterns(texts, found.planned),
        kept=patterns(texts, found.kept),
        dropped=patterns(texts, found.dropped),
    )
    return f"{said} {texts['workout.cut_rests']}"


def too_short_why(texts: Texts, result: Cut) -> str | None:
    """For the smallest session offered when even it is too long: which pattern it leaves out, and why."""
    found = reason(result)
    if not found.dropped:
        return None
    return texts.get(
        "workout.cut_too_short_why",
        kept=patterns(texts, found.kept),
        dropped=patterns(texts, found.dropped),
    )
