"""A pain told of a body part and a kind of move, with no exercise named, and what leaving that kind out
means.

A newcomer trial: "front of the shoulder, sharp when i raise my arm overhead. should I still train today?"
got the safety-led answer and a plan left as it was, since no exercise was named; "can you adjust today
workout so it no go stress the shoulder? maybe no overhead pulling" then got the /workout blurb, and /workout
still had the chin-ups and the lat pulldown. A body part the coach knows what loads — the shoulder with the
arms overhead, the lower back — is enough to offer to leave that kind of move out (``kinds_told``), and a
request in words (``asked_to_leave_out``) is the same offer. Taken, it is a caution as if an exercise of the
kind had been told (``anchor``: the one that stands for it), so what it keeps out is the existing rule's: a
shoulder on an overhead pull keeps every overhead pull and hang out, a pull below the shoulders in their
place; a hinge told of the lower back keeps the hinges and every move loading the lower back out
(``cautions.keeps_out``). Another part (an elbow) has no kind of move of its own: it is left to an exercise
named.

Pure: no Telegram, no database.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Literal

from bot.coach.catalog import Catalog, Pattern
from bot.coach.cautions import (
    OVERHEAD,
    SHOULDER,
    body_part_told,
    keeps_out,
    told_of_lower_back,
)
from bot.coach.wording import scan, words

Kind = Literal["overhead", "lower-back"]
KINDS: tuple[Kind, ...] = ("overhead", "lower-back")
# The pattern of the exercise that stands for each kind in a caution, and the body part it is told of.
PATTERN: dict[Kind, Pattern] = {"overhead": OVERHEAD, "lower-back": "hinge"}
PART: dict[Kind, str] = {"overhead": SHOULDER, "lower-back": "lower back"}

# The arms raised or loaded overhead ("sharp when I raise my arm overhead", "hanging from the bar"), as
# ``words`` reads them.
OVERHEAD_SAID = (
    ("overhead",),
    ("over", "head"),
    ("over", "my", "head"),
    ("above", "my", "head"),
    ("above", "head"),
    *((verb, "my", arm) for verb in ("raise", "raising", "lift", "lifting") for arm in ("arm", "arms")),
    *((verb, "up") for verb in ("arm", "arms", "reach", "reaching", "reached")),
    ("hang",),
    ("hanging",),
    ("dead", "hang"),
)
_OVERHEAD = dict.fromkeys(OVERHEAD_SAID, "overhead")
_LONGEST = max(map(len, OVERHEAD_SAID))

# A request to change the session ("can you adjust today's workout…", "change my plan so…"): one of ``ADJUST``
# with one of ``WORKOUT``, the kind told by a body part or the overhead words anywhere in the message.
ADJUST = frozenset(
    ("adjust", "change", "modify", "tweak", "adapt", "alter", "edit", "rework", "redo", "lighten", "fix")
)
WORKOUT = frozenset(
    ("workout", "workouts", "session", "sessions", "plan", "training", "routine", "program", "programme")
) | {"today", "todays", "exercises"}
# …and a word of sparing the part ("so it doesn't stress my shoulder", "go easy on my lower back"): "change my
# plan, I want to train my lower back more" asks for the opposite.
SPARE = frozenset(
    (
        *("stress", "stressing", "strain", "load", "loading", "hurt", "hurts", "hurting", "pain", "sore"),
        *("injury", "injured", "aggravate", "bother", "irritate", "protect", "spare", "easy", "easier"),
        *("safe", "avoid", "less"),
    )
)
# …or a word that leaves a kind out a few words before it ("skip anything that loads my lower back", "avoid
# overhead pulling"), or a verb that does with "out" ("leave out the overhead stuff", "take the overhead pulls
# out"; a lone "out" is no request: "I work out my shoulders"); "no" and "without" right before it ("no
# overhead pulling", "without any overhead").
LEAVE = frozenset(("skip", "avoid", "drop", "remove", "exclude"))
OUT_VERBS = frozenset(("leave", "leaving", "take", "taking", "keep", "keeping", "cut", "cutting"))
NO = frozenset(("no", "without"))
# The body parts' words among what names a kind.
PARTS = frozenset(("shoulder", "shoulders", "lower", "lowerback", "lumbar"))
# How many words may stand between a word of ``LEAVE`` and the kind it leaves out, or a verb and its "out".
GAP = 5


def _overhead(said: list[str]) -> bool:
    return next(scan(said, _OVERHEAD, _LONGEST), None) is not None


def _kinds_named(text: str) -> list[tuple[int, Kind]]:
    """Where the message names each kind (a word's index), by the body part or the overhead words."""
    said = words(text)
    found: list[tuple[int, Kind]] = []
    for i, word in enumerate(said):
        after = said[i + 1] if i + 1 < len(said) else ""
        # A shoulder blade is the upper back, not the joint the arms are raised overhead on.
        shoulder = word in ("shoulder", "shoulders") and after not in ("blade", "blades")
        if word in ("overhead", "hang", "hanging") or shoulder:
            found.append((i, "overhead"))
        elif (word == "lower" and after == "back") or word in ("lowerback", "lumbar"):
            found.append((i, "lower-back"))
    return found


def kinds_told(text: str) -> tuple[Kind, ...]:
    """The kinds of move a pain told leaves out by its body part: the lower back's ("my lower back aches"),
    the shoulder's when told with the arms overhead ("front of the shoulder, sharp when I raise my arm
    overhead"); none for a shoulder told without it, or another part."""
    kinds: list[Kind] = []
    if told_of_lower_back(text):
        kinds.append("lower-back")
    if body_part_told(text) == SHOULDER and _overhead(words(text)):
        kinds.append("overhead")
    return tuple(kinds)


def asked_to_leave_out(text: str) -> tuple[Kind, ...]:
    """The kinds of move a message asks to have left out ("can you adjust today workout so it no go stress
    the shoulder? maybe no overhead pulling", "skip anything that loads my lower back"): a request to change
    the session so as to spare the shoulder (its overhead pulls) or the lower back, or a word leaving one
    out a few words before it; none otherwise."""
    said = words(text)
    named = _kinds_named(text)
    if not named:
        return ()
    kinds: dict[Kind, None] = {}
    if not ADJUST.isdisjoint(said) and not WORKOUT.isdisjoint(said) and not SPARE.isdisjoint(said):
        kinds.update((kind, None) for _, kind in named)
    leaving = {
        i
        for i, word in enumerate(said)
        if word in LEAVE or (word in OUT_VERBS and "out" in said[i + 1 : i + 2 + GAP])
    }
    for i, kind in named:
        near = any(i - GAP <= at < i for at in leaving)
        # "no overhead pulling", but not "no shoulder pain": a part said to be fine asks for nothing.
        refused = said[i] not in PARTS and not NO.isdisjoint(said[max(0, i - 2) : i])
        if near or refused:
            kinds[kind] = None
    return tuple(kind for kind in KINDS if kind in kinds)


def kept_by(kind: Kind, catalog: Catalog) -> frozenset[str]:
    """Every exercise a caution of ``kind`` keeps out of any plan (``cautions.keeps_out`` of one of its
    pattern told of its body part): every overhead pull and hang, or the hinges and every move loading the
    lower back."""
    one = next(ex.id for ex in catalog.exercises.values() if ex.pattern == PATTERN[kind])
    return keeps_out(one, catalog, lower_back=kind == "lower-back", shoulder=kind == "overhead")


def covered(kind: Kind, in_force: Iterable[frozenset[str]], catalog: Catalog) -> bool:
    """Whether the cautions in force (what each keeps out, ``cautions.keeps_out``) leave out all that a
    caution of ``kind`` would: it is told already."""
    out: set[str] = set()
    for kept in in_force:
        out |= kept
    return kept_by(kind, catalog) <= out


def anchor(
    kind: Kind,
    catalog: Catalog,
    *,
    planned: Sequence[str],
    usable: Collection[str],
    taken: Collection[str] = (),
) -> str | None:
    """The exercise that stands for ``kind`` in its caution: the first of today's session (``planned``) of its
    pattern, else the first of the catalog the chat can do (``usable``), else the first of the catalog; never
    one with a caution of its own (``taken``), which the new one would take the place of. None when every
    one has."""
    pattern = PATTERN[kind]
    ordered = [
        *planned,
        *(ex for ex in catalog.exercises if ex in usable),
        *catalog.exercises,
    ]
    return next(
        (
            ex
            for ex in ordered
            if ex in catalog.exercises and catalog.exercises[ex].pattern == pattern and ex not in taken
        ),
        None,
    )


def kind_of(by_part: bool, lower_back: bool, body_part: str | None) -> Kind | None:
    """The kind of move a stored caution was told of (``Told``'s fields), None for one told of an exercise."""
    if not by_part:
        return None
    if lower_back:
        return "lower-back"
    return "overhead" if body_part == SHOULDER else None
