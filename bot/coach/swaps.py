"""An exercise swapped for another of its pattern on request, as a strength coach would.

"I hate face pulls, can I do something else?", "swap the lat pulldown, the machine is always taken": a coach
gives an equivalent move, one of the same movement pattern (exercises.toml's ``pattern``) that the trainee's
place, kit and level allow, and that no pain told keeps out. ``alternatives`` says which moves may take an
exercise's place; the chosen one is stored with the chat (``chats.swaps``) and read into the plan's
``Profile.swaps``, so the planner gives it wherever the plan would give the other (``planner.slot_choices``)
and logging, progression and /progress follow the lift the trainee does, until it is swapped back.
``read`` finds such a request in a typed message, and the words that name the lift. Pure: no Telegram, no
database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from bot.coach import agefit
from bot.coach.catalog import Catalog, Exercise
from bot.coach.cautions import versions
from bot.coach.planner import available
from bot.coach.profile import Profile

# How many moves an offer lists: a choice, not the catalog.
OFFERED = 3
# The most swaps a chat keeps (``chats.swaps`` holds this many of the longest ids).
MAX_SWAPS = 8
# The kit a gym's members queue for, one station each: "the machine is always taken" asks for a move
# needing none of it (the assisted pull-up machine is no answer to a taken pulldown).
STATIONS = frozenset({"cable", "machine"})


def origin(profile: Profile, exercise: str) -> str:
    """The exercise the plan gives by itself where ``exercise`` stands: the one the chat swapped for it,
    else ``exercise`` (a swap of a move swapped in already replaces that swap, never stacks on it)."""
    return next((old for old, new in profile.swaps if new == exercise), exercise)


def alternatives(
    catalog: Catalog,
    profile: Profile,
    exercise: str,
    number: int,
    *,
    kept_out: Collection[str] = (),
    present: Collection[str] = (),
    first: str | None = None,
    shown: Collection[str] = (),
    taken: bool = False,
) -> tuple[Exercise, ...]:
    """Up to ``OFFERED`` moves that may take ``exercise``'s place in session ``number`` (and on): of its
    pattern, allowed by the plan (``planner.available``: place, kit, level, a beginner's barbell wait; and
    for a trainee of 60+ no floor work, ``agefit.keeps_out``, as the planner's own choices), not one a pain
    told keeps out (``kept_out``: ``cautions.keeps_out`` of the cautions in force), not one the chat swapped
    away from or the move the plan gives there by itself, not a rung below one the trainee has done well
    (``shown``, ``shownrung.done_anywhere``: 3×8 strict pull-ups are never offered the assisted machine or
    negatives), and given on every kind of day (no ``days``, which a heavy day alone would show).

    In order: the move asked for by name (``first``), where it is one; where the lift's station is
    ``taken``, moves needing none (``STATIONS``); moves not in today's session (``present``); then those of
    another movement than its
    own (``cautions.versions``: one who hates face pulls gets the band face pull last, but one whose
    pulldown station is taken may well want the band pulldown); those of the same build (multi-joint for
    multi-joint, a load for a load); a kit move before a no-kit drill; the file's order. Empty for an
    exercise the catalog does not know."""
    known = catalog.exercises.get(exercise)
    if known is None:
        return ()
    base = origin(profile, exercise)
    own = versions(exercise, catalog) | versions(base, catalog)
    left = {exercise, base, *kept_out, *(old for old, _ in profile.swaps)}
    fitting = [
        ex
        for ex in catalog.exercises.values()
        if ex.pattern == known.pattern
        and ex.id not in left
        and not ex.days
        and available(ex, profile, number)
        and not agefit.keeps_out(catalog, profile, number, ex)
        and not any(catalog.harder(done, ex.id) for done in shown)
    ]
    order = {ex.id: at for at, ex in enumerate(catalog.exercises.values())}
    fitting.sort(
        key=lambda ex: (
            ex.id != first,
            taken and bool(ex.needs & STATIONS),
            ex.id in present,
            ex.id in own,
            ex.multi_joint != known.multi_joint,
            ex.kind != known.kind,
            not (ex.needs or ex.needs_one_of),
            order[ex.id],
        )
    )
    return tuple(fitting[:OFFERED])


def swapped(swaps: Iterable[tuple[str, str]], old: str, new: str) -> tuple[tuple[str, str], ...]:
    """``swaps`` with ``old`` given as ``new`` from now on (``old`` the plan's own move, ``origin``); choosing
    ``old`` itself is swapping back."""
    kept = [(one, other) for one, other in swaps if one != old]
    return tuple(sorted(kept if new == old else [*kept, (old, new)]))


def unswapped(swaps: Iterable[tuple[str, str]], old: str) -> tuple[tuple[str, str], ...]:
    """``swaps`` without the one of ``old``: the plan gives it again."""
    return tuple(sorted((one, other) for one, other in swaps if one != old))


# ---------------------------------------------------------------- a request typed
# A request to swap: a verb that asks it, the lift named after it ("swap the lat pulldown", "can I replace
# face pulls with something", "sub out band rows"). "Switch to pull-ups" names what is wanted, not what goes.
_VERB = re.compile(r"\b(?:swap|switch|replace|substitute|sub|exchange|trade|change)(?:\s+out)?\b(?!\s+to\b)")
# Asking for another move: "something else", "another", "an alternative", "instead", "a different one".
_ELSE = re.compile(
    r"\b(?:something|anything)\s+else\b|\banother\b|\balternatives?\b|\bsubstitutes?\b|\breplacements?\b"
    r"|\bdifferent\b|\binstead\b|\bother\s+(?:exercise|move|lift|one|option)s?\b|\bswap\b|\breplace\b"
)
# Not liking a lift: "I hate face pulls", "I don't like band rows", "not a fan of", "sick of".
_DISLIKE = re.compile(
    r"\b(?:hate|hates|dislike|loathe|(?:do\s*n[o']?t|dont|do\s+not)\s+(?:like|enjoy|want)"
    r"|can'?t\s+stand|cannot\s+stand|not\s+a\s+(?:big\s+)?fan\s+of|sick\s+of|bored\s+(?:of|with)|tired\s+of)\b"
)
# What the lift's place is taken or its kit not there: "the machine is always taken", "the cable's busy".
_TAKEN = re.compile(
    r"\b(?:taken|busy|occupied|in\s+use|broken|out\s+of\s+order|unavailable|not\s+available|hogged|queue)\b"
)
# A request for another move for a lift ("an alternative to face pulls", "what can I do instead of the RDL").
_FOR = re.compile(r"\b(?:alternatives?|substitutes?|replacements?|swaps?)\s+(?:to|for)\b|\binstead\s+of\b")
# Where the words naming the lift end: the end of the clause, or what it is swapped for.
_CLAUSE_END = re.compile(
    r"[.,;:!?\n]|\b(?:for|with|to|by|because|since|as|so|but|then|cause|cuz|coz|the\s+machine|it'?s|its"
    r"|they'?re|is|are|was|were|im|i'?m|i)\b"
)
# The words around a lift's name: what is left names it ("the lat pulldown" -> lat pulldown).
_FILLER = frozenset(
    {
        *("the", "a", "an", "my", "me", "those", "these", "that", "this", "them", "it", "out", "up"),
        *("please", "pls", "plz", "today", "todays", "today's", "of", "on", "in", "from", "one", "ones"),
        *("just", "all", "something", "anything", "else", "new", "different", "other", "another"),
        *("doing", "do", "any", "some", "exercise", "exercises", "move", "moves", "lift", "lifts", "your"),
        *("plan", "workout", "session", "program", "routine", "good", "better", "decent", "best", "what"),
    }
)
# A swap of something other than a lift: "switch grips on rows", "change the order", "swap days".
_NOT_A_LIFT = frozenset(
    {
        *("grip", "grips", "hand", "hands", "day", "days", "time", "times", "level", "levels", "set", "sets"),
        *("rep", "reps", "weight", "weights", "load", "loads", "order", "tempo", "unit", "units", "kg", "lb"),
        *("lbs", "plate", "plates", "schedule", "reminder", "reminders", "timezone", "gym"),
        *("home", "equipment", "kit", "place", "colour", "color", "setting", "settings", "rest", "warmup"),
    }
)
# Words that ask for a swap of one exercise, none named ("can I swap an exercise?", "replace one of the
# exercises"): never "should I change my exercises?", which asks how a plan rotates them (its topic's answer).
_SOME = re.compile(r"^(?:an?|one|one\s+of\s+(?:the|my|today'?s)(?:\s+\w+)?)\s+(?:exercises?|moves?|lifts?)\b")
# Asking for it now, which a swap of no lift named must: "can I", "could you", "I want to", "please".
_NOW = re.compile(
    r"\b(?:can|could|may)\s+(?:i|you|we)\b|\bi\s*(?:'d|would)?\s+(?:like|want)\b|\bplease\b|^(?:swap|replace)"
)
# How often a plan changes its moves ("how often should I switch exercises", "swap rows every few weeks"):
# the rotation's question, answered by its topic, not a swap asked for today.
_ROTATION = re.compile(
    r"\bhow\s+often\b|\bevery\s+(?:\w+\s+)?(?:weeks?|months?|blocks?|mesocycles?|sessions?|cycles?)\b"
    r"|\bregularly\b|\bnow\s+and\s+then\b|\bfrom\s+time\s+to\s+time\b|\bafter\s+a\s+while\b"
    r"|\bonce\s+in\s+a\s+while\b|\bsome\s+weeks\b|\bswitch\s+(?:it\s+|things\s+|them\s+)?up\b"
)


@dataclass(frozen=True)
class Asked:
    """A swap asked for: ``said``, the words naming the lift (None: no lift named, the session's are to be
    listed), ``wanted``, the words naming the move asked for in its place, if any ("… for band rows"), and
    ``taken``, whether the reason told is that its station is taken or broken ("the machine is taken")."""

    said: str | None
    wanted: str | None = None
    taken: bool = False


def read(text: str) -> Asked | None:
    """The swap a message asks for, or None when it asks none: a verb that asks it with a lift after it
    ("swap face pulls for something else", "can I replace the lat pulldown?"), a lift not liked and another
    asked for ("I don't like band rows, give me another"), a lift's place taken ("the lat pulldown machine is
    always taken, what else?"), or another move asked for a lift ("an alternative to face pulls"). Never for
    a message with a figure in it (sets told, a load corrected: "replace the 25 with 27.5" is /log's), nor a
    swap of grips, days or sets, nor a question of how often a plan changes its moves (``_ROTATION``)."""
    plain = _plain(text)
    if not plain or any(char.isdigit() for char in plain) or _ROTATION.search(plain):
        return None
    taken = _TAKEN.search(plain)
    for found in (_VERB.search(plain), _FOR.search(plain)):
        if found is not None:
            said = _object(plain, found.end())
            some = _SOME.search(_unfilled(plain[found.end() :]))
            if said is None and some is not None and _NOW.search(plain):
                return Asked(None)
            if said is not None:
                return Asked(said, _wanted(plain, found.end()), taken is not None)
    asks_else = _ELSE.search(plain) is not None
    disliked = _DISLIKE.search(plain)
    if disliked is not None and asks_else:
        said = _object(plain, disliked.end())
        if said is not None:
            return Asked(said)
    if taken is not None and (asks_else or "what else" in plain or "else" in plain.split()):
        said = _object(plain[: taken.start()], 0, whole=True)
        if said is not None:
            return Asked(said, taken=True)
    return None


def _unfilled(text: str) -> str:
    """``text`` from its first word that is not "the", "out" or "up" ("out one of the exercises")."""
    return re.sub(r"^(?:\s*\b(?:the|out|up|in|please|pls)\b)*\s*", "", text)


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'").split())


def _object(plain: str, start: int, *, whole: bool = False) -> str | None:
    """The words naming a lift from ``start`` to the clause's end (or, ``whole``, the clause's last words
    before the end of ``plain``), the filler left out; None when none are left, or they name no lift."""
    if whole:
        clauses = re.split(r"[.,;:!?\n]|\b(?:and|but|because|since|as|so)\b", plain)
        said = next((clause for clause in reversed(clauses) if clause.strip()), "")
        said = re.sub(r"\b(?:machine|machines|station|cable|rack|bench|bar)\b.*$", "", said)
        said = re.sub(r"\b(?:is|are|was|were|'s|always|usually|often|keeps|getting|gets)\b", " ", said)
    else:
        end = _CLAUSE_END.search(plain, start)
        said = plain[start : end.start() if end else len(plain)]
    words = [word for word in re.split(r"[^\w']+", said.replace("'s ", " ")) if word]
    if _NOT_A_LIFT.intersection(words):
        return None
    kept = [word for word in words if word not in _FILLER]
    return " ".join(kept) if kept and len(kept) <= 5 else None


def _wanted(plain: str, start: int) -> str | None:
    """The move asked for in a swap's place ("swap face pulls for band pull-aparts"), None for "something
    else" or none."""
    found = re.compile(r"\b(?:for|with|to)\b").search(plain, start)
    if found is None:
        return None
    said = _object(plain, found.end())
    return None if said is None or _ELSE.search(said) or said in ("something", "anything") else said
