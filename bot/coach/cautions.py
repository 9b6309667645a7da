"""An exercise the trainee said hurts, left out of their sessions until they say it is fine again.

A safety-led answer ("sharp pain in my lower back when I do the backpack RDL") tells the trainee to stop the
movement that hurts; the plan has to do the same, or the next /workout opens with it and "add a little to the
backpack". ``exercise_told`` finds the exercise a message names, as /log reads names (``lognames``,
``logparse``: no matcher of its own), and ``leave_out`` takes the cautioned exercises out of a planned
session, with their other versions (``versions``: the band face pull of a face pull told of at the gym, once
the trainee trains at home). Leaving a lift out is the safe default: nothing is swapped in, since the same
pattern under another name, or a harder rung, may be the very thing that hurts; a session that loses its only
lift of a main pattern says so (``LeftOut.gone``). A pain told on a hinge, or in the lower back, leaves out
the moves the lower back's muscles hold up with it (``Exercise.works_lower_back``: done bent over at the hips,
``bent_over`` in exercises.toml, as a bent-over row in the same hinge, or arched face down,
``back_extension``, as a prone cobra), and nothing comes in their place either. What stays is the session as
planned, its superset partner, technique notes, warm-up and estimate made true of what is left.

Pure: no Telegram, no database. The caller passes the cautions in force (``storage.cautions``).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.coach.catalog import MAIN_PATTERNS, Catalog, Exercise, Pattern
from bot.coach.lognames import Names, exercise_named, fits
from bot.coach.logparse import match_exercise
from bot.coach.planner import Prescribed, Session, swap_note
from bot.coach.sessiontime import estimate_minutes
from bot.coach.wording import scan, stem, words

# A pain told of oneself names the teller ("my lower back hurts when I row", "im getting a twinge on pulls");
# "does the floor slide hurt the back?" or "is rowing safe with a herniated disc?" asks about a lift in
# general, and leaving it out of the plan would answer a question nobody asked.
FIRST_PERSON = frozenset(("i", "im", "ive", "id", "ill", "my", "me", "mine", "myself"))


# Where a pain in the lower back is told ("my lower back", "low back", "lumbar"): the moves done bent over,
# or arched face down, load it as the lift told of did, so they are left out with it.
LOWER_BACK = (("lower", "back"), ("low", "back"), ("lowerback",), ("lumbar",), ("lower", "spine"))
_LOWER_BACK = dict.fromkeys(LOWER_BACK, "lower back")


def told_of_lower_back(text: str) -> bool:
    """Whether a message tells of a pain in the lower back ("sharp pain in my lower back when I row")."""
    return next(scan(words(text), _LOWER_BACK, max(map(len, LOWER_BACK))), None) is not None


# "It's fine now" typed rather than pressed ("my back is fine now", "it doesn't hurt anymore", "pain's gone"):
# each a run of words as ``words`` reads them (apostrophes dropped).
FINE_NOW = (
    ("fine", "now"),
    ("doesnt", "hurt", "anymore"),
    ("doesnt", "hurt", "any", "more"),
    ("does", "not", "hurt", "anymore"),
    ("dont", "hurt", "anymore"),
    ("no", "longer", "hurts"),
    ("stopped", "hurting"),
    ("pains", "gone"),
    ("pain", "gone"),
    ("pain", "is", "gone"),
    ("pain", "has", "gone"),
)
# A message that says it only as part of something else is not it: a question or a condition ("is it fine
# now?", "if it's fine now can I add weight"), a "fine now" turned round ("it's not fine now", "still
# hurts"), or more than a short sentence.
NOT_FINE = frozenset(("if", "when", "once", "until", "unless", "whether", "should", "can", "could"))
NOT_FINE |= {"would", "how", "what", "why", "still", "not", "isnt", "never", "but"}
# A question asked without its "?" opens with a verb: "is the pain gone after a week".
ASKED_FIRST = frozenset(("is", "are", "was", "will", "do", "does", "has", "have", "should", "can"))
FINE_MAX_WORDS = 8
_FINE_NOW = dict.fromkeys(FINE_NOW, "fine")


def tells_fine(text: str) -> bool:
    """Whether a message is the trainee saying the pain is over, as "✅ It's fine now" would ("It's fine
    now", "my back is fine now", "pain's gone"): one of ``FINE_NOW`` in a short message that asks nothing."""
    said = words(text)
    if "?" in text or not 0 < len(said) <= FINE_MAX_WORDS or said[0] in ASKED_FIRST:
        return False
    found = [window for _, window in scan(said, _FINE_NOW, max(map(len, FINE_NOW)))]
    # "does not hurt anymore" says "not" as part of the phrase: only the words outside one may not.
    outside = Counter(said)
    for window in found:
        outside.subtract(window)
    return bool(found) and NOT_FINE.isdisjoint(word for word, left in outside.items() if left > 0)


# "Why no rows today? the band row doesn't hurt at all", after a ⚠️ line: a question why something is missing
# from the session (a "why" and a word of absence), naming a move left out or the movement it trains, is
# answered with that line rather than the row's card. Words as ``stem`` reads them.
_ABSENT = ("no", "not", "arent", "isnt", "without", "missing", "left", "gone", "dropped", "removed")
ABSENT = frozenset(map(stem, (*_ABSENT, "skipped", "out", "cut", "took", "taken", "where", "wheres")))
PATTERN_WORDS: Mapping[str, frozenset[str]] = {
    pattern: frozenset(map(stem, said))
    for pattern, said in (
        ("hinge", ("hinge", "deadlift", "rdl", "romanian")),
        ("horizontal-pull", ("row",)),
        ("vertical-pull", ("pull", "pullup", "chin", "chinup", "pulldown")),
        ("rear-delt", ("fly", "delt", "rear")),
    )
}


def asks_why_missing(text: str) -> bool:
    """Whether a message asks why something is missing: a "why" (or "how come") and a word of absence."""
    said = words(text)
    asks = "why" in said or any(a == "how" and b == "come" for a, b in itertools.pairwise(said))
    return asks and not ABSENT.isdisjoint(map(stem, said))


def asks_why_left_out(text: str, left_out: Iterable[Exercise]) -> bool:
    """Whether a message asks why one of the moves ``left_out`` of today's session is not there ("why no rows
    today?", "how come the RDL is missing"): ``asks_why_missing``, and a word of a move's name (its last:
    "row", "cobra") or of the movement it trains ("rows" for a backpack row)."""
    if not asks_why_missing(text):
        return False
    stems = {stem(word) for word in words(text)}
    named: set[str] = set()
    for exercise in left_out:
        named |= PATTERN_WORDS.get(exercise.pattern, frozenset())
        if len(last := words(exercise.short)[-1]) > 2:
            named.add(stem(last))
    return not named.isdisjoint(stems)


def told_of_oneself(text: str) -> bool:
    """Whether a message speaks of the teller's own body or training (a first-person word)."""
    return not FIRST_PERSON.isdisjoint(words(text))


def exercise_told(
    text: str, exercises: Sequence[Names], *, planned: Sequence[str], usable: Collection[str]
) -> str | None:
    """The exercise a message names ("... when I do the backpack RDL", "my back hurts on rows"), read as
    /log reads a name: today's ``planned`` exercises first. A name that fits several, or one the chat's
    place and kit do not allow ("deadlifts" at home), is the one of those it fits that the chat can do
    (``usable``), today's first; None when the message names none, or several alike."""
    span = exercise_named(text, exercises, prefer=planned)
    if span is None:
        return None
    found = match_exercise(span, exercises, prefer=planned)
    if isinstance(found, str) and found in usable:
        return found
    fitting = [names.id for names in exercises if names.id in usable and fits(span, exercises, names.id)]
    for narrowed in ([ex for ex in fitting if ex in planned], fitting):
        if len(narrowed) == 1:
            return narrowed[0]
    return None


@dataclass(frozen=True)
class LeftOut:
    """A session without its cautioned exercises: the ``session`` to show and log, the ``items`` left out
    (in the session's order) and the main patterns it no longer trains at all (``gone``). Of the items,
    ``back_moves`` are those left out for working the lower back (bent over, or arched face down), cautioned
    or not, because of ``cause``: the caution on a hinge or told of the lower back."""

    session: Session
    items: tuple[Prescribed, ...] = ()
    gone: tuple[Pattern, ...] = ()
    back_moves: tuple[Prescribed, ...] = ()
    cause: str | None = None


def back_moves_cause(
    cautioned: Iterable[str], catalog: Catalog, lower_back: Collection[str] = ()
) -> str | None:
    """The first of ``cautioned`` (in the order told) that takes the moves working the lower back out with
    it (``Exercise.works_lower_back``: bent over, or arched face down): a hinge, or any exercise whose pain
    was told in the lower back (``lower_back``); None when none does."""
    for exercise in cautioned:
        known = catalog.exercises.get(exercise)
        if exercise in lower_back or (known is not None and known.pattern == "hinge"):
            return exercise
    return None


def versions(exercise: str, catalog: Catalog) -> frozenset[str]:
    """``exercise`` and its other versions, which a pain told of it keeps out too: the moves of the same
    ``article`` of exercises.toml (the face pull and the band face pull; the barbell, Pendlay, dumbbell and
    backpack rows; the deadlift and the RDLs) or the same ``movement`` where they have none (the gym's
    rear-delt fly and the home one), so a face pull that hurt at the gym is not the band face pull of a home
    plan shown as if nothing was said. A move of neither is its own only: a coach carries a pain to the same
    movement, not the pattern (a deadlift's lower back is not a pull-up's)."""
    known = catalog.exercises.get(exercise)
    shared = None if known is None else known.movement or known.article
    if shared is None:
        return frozenset((exercise,))
    alike = (ex.id for ex in catalog.exercises.values() if (ex.movement or ex.article) == shared)
    return frozenset((exercise, *alike))


def told_of(exercise: str, cautioned: Iterable[str], catalog: Catalog) -> str | None:
    """The caution of ``cautioned`` that keeps ``exercise`` out: its own, else the first told of a version
    of it (``versions``); None when none does."""
    told = list(cautioned)
    if exercise in told:
        return exercise
    return next((one for one in told if exercise in versions(one, catalog)), None)


def leave_out(
    session: Session, cautioned: Collection[str], catalog: Catalog, *, lower_back: Collection[str] = ()
) -> LeftOut:
    """``session`` without the exercises in ``cautioned`` and their other versions (``versions``), and
    without its moves that work the lower back while one of them is a hinge or was told of the lower back
    (``lower_back``); the session itself when it has none."""
    cause = back_moves_cause(cautioned, catalog, lower_back)
    backs = {
        item.exercise.id for item in session.exercises if cause is not None and item.exercise.works_lower_back
    }
    dropped = {version for exercise in cautioned for version in versions(exercise, catalog)} | backs
    out = tuple(item for item in session.exercises if item.exercise.id in dropped)
    if not out:
        return LeftOut(session)
    kept = [_unpaired(item, dropped) for item in session.exercises if item.exercise.id not in dropped]
    patterns = {item.exercise.pattern for item in kept}
    gone = tuple(p for p in MAIN_PATTERNS if p not in patterns and any(i.exercise.pattern == p for i in out))
    swaps = tuple((lift, instead) for lift, instead in session.in_place_of if instead not in dropped)
    left = dataclasses.replace(
        session,
        exercises=tuple(kept),
        warmup=_warmup(session.warmup, session.exercises, kept, catalog),
        notes=_notes(session, kept, dropped, catalog),
        minutes=estimate_minutes(catalog.routines.warmup.minutes, kept),
        in_place_of=swaps,
    )
    backs_out = tuple(item for item in out if item.exercise.id in backs)
    return LeftOut(left, out, gone, backs_out, cause if backs_out else None)


def back_from_pain(
    cleared: Mapping[str, tuple[date, bool]], logged: Mapping[str, Iterable[date]], catalog: Catalog
) -> frozenset[str]:
    """The exercises whose first session back after "It's fine now" is still to come: each cleared caution's
    exercise (``cleared``: the day it was cleared, whether told of the lower back), its other versions and
    the moves working the lower back it had left out with it, while ``logged`` (the days each exercise was
    logged) has no day of it since the clearing. Their targets come back lighter than last time
    (``sessionlog.targets``' ``back``, ``comeback.after_pain``) rather than stepping up: the first session
    back is not one to try for more."""
    back: set[str] = set()
    for exercise, (on, lower_back) in cleared.items():
        with_it = set(versions(exercise, catalog))
        if back_moves_cause([exercise], catalog, {exercise} if lower_back else ()) is not None:
            with_it |= {known.id for known in catalog.exercises.values() if known.works_lower_back}
        back |= {ex for ex in with_it if not any(day >= on for day in logged.get(ex, ()))}
    return frozenset(back)


def _unpaired(item: Prescribed, cautioned: Collection[str]) -> Prescribed:
    """A superset whose partner is left out is a plain exercise again: it rests after its sets."""
    if item.technique == "superset" and (item.partner is None or item.partner.id in cautioned):
        return dataclasses.replace(item, technique=None, partner=None, rests=True)
    return item


def _warmup(
    warmup: Sequence[str], planned: Sequence[Prescribed], kept: Sequence[Prescribed], catalog: Catalog
) -> tuple[str, ...]:
    """The warm-up for what is kept: no hinge drill without a hinge (it rehearses the movement that hurt),
    and the ramp-up sets for the session's new first lift, loaded or bodyweight (none without one)."""
    plan = catalog.routines.warmup
    result = list(warmup)
    if not any(item.exercise.pattern == "hinge" for item in kept):
        result = [step for step in result if step != plan.hinge_drill]
    if not kept:  # everything hurt: no first exercise to ramp up to
        return tuple(step for step in result if step not in (plan.ramp_up_load, plan.ramp_up_bodyweight))
    was_loaded = bool(planned) and planned[0].exercise.kind == "load"
    loaded = kept[0].exercise.kind == "load"
    if was_loaded != loaded:
        old, new = (
            (plan.ramp_up_load, plan.ramp_up_bodyweight)
            if was_loaded
            else (plan.ramp_up_bodyweight, plan.ramp_up_load)
        )
        result = [new if step == old else step for step in result]
    return tuple(result)


def _notes(
    session: Session, kept: Sequence[Prescribed], cautioned: Collection[str], catalog: Catalog
) -> tuple[str, ...]:
    """The session's notes that still hold: a technique's note only while a lift keeps it, and a weekly
    cap's swap note only while the lift taken instead is there."""
    techniques = catalog.routines.techniques
    dropped = {
        swap_note(catalog, catalog.exercises[lift_id], catalog.exercises[instead_id])
        for lift_id, instead_id in session.in_place_of
        if instead_id in cautioned
    }
    if not any(item.technique == "superset" for item in kept):
        dropped.add(techniques.superset)
    if not any(item.technique == "drop set" for item in kept):
        dropped.add(techniques.drop_set)
    return tuple(note for note in session.notes if note not in dropped)
