"""An exercise the trainee said hurts, left out of their sessions until they say it is fine again.

A safety-led answer ("sharp pain in my lower back when I do the backpack RDL") tells the trainee to stop the
movement that hurts; the plan has to do the same, or the next /workout opens with it and "add a little to the
backpack". ``exercise_told`` finds the exercise a message names, as /log reads names (``lognames``,
``logparse``: no matcher of its own), and ``leave_out`` takes the cautioned exercises out of a planned
session, with their other versions (``versions``: the band face pull of a face pull told of at the gym, once
the trainee trains at home). Leaving a lift out is the safe default: nothing is swapped in, since the same
pattern under another name, or a harder rung, may be the very thing that hurts; a session that loses its only
lift of a main pattern says so (``LeftOut.gone``). Two exceptions, by the exercise data. A pain told in the
shoulder on a vertical pull (``pattern``: a pull from overhead, the arms above the shoulders) leaves out every
vertical pull, the same position with more or less load (a band-assisted pull-up after a lat pulldown), and
every other move done hanging from a bar (``hangs``: a scapular pull-up), and one horizontal pull comes in the
first one's place at its sets (``overhead``, ``_in_place``): the arms stay below the shoulders, so the session
keeps a pull. It is one the plan's kit and level allow, done upright or supported (never bent over, which
would load the lower back), and of a movement the session does not have. A pain told on a hinge, or in the
lower back, leaves out the moves the lower back's muscles hold up with it (``Exercise.works_lower_back``:
done bent over at the hips, ``bent_over`` in exercises.toml, as a bent-over row in the same hinge, or arched
face down, ``back_extension``, as a prone cobra); nothing comes in the hinge's place, but a horizontal pull or
a rear-delt move left the session without any move of its pattern gives its place, the same way, to one of
that pattern done upright or supported (``_back_swaps``, ``LeftOut.back_swaps``: a chest-supported row or a
reverse pec deck at the gym, a door towel row at home), so the session keeps its pulls. What stays is the
session as planned, its superset partner, technique notes, warm-up and estimate made true of what is left.

Pure: no Telegram, no database. The caller passes the cautions in force (``storage.cautions``).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.coach.catalog import MAIN_PATTERNS, Catalog, Exercise, Pattern
from bot.coach.lognames import Names, exercise_named, fits
from bot.coach.logparse import match_exercise
from bot.coach.planner import Prescribed, Session, available, swap_note
from bot.coach.rests import rest_for
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


# Where else a pain is told, as stored with a caution (``body_part_told``): "my shoulder is fine now" clears
# the shoulder's, and a shoulder told of on an overhead pull leaves out every overhead pull. A shoulder blade
# is the upper back, not the shoulder joint.
SHOULDER = "shoulder"
BODY_PARTS: Mapping[tuple[str, ...], str] = {
    **_LOWER_BACK,
    ("shoulder", "blade"): "upper back",
    ("shoulder", "blades"): "upper back",
    ("upper", "back"): "upper back",
    **dict.fromkeys((("shoulder",), ("shoulders",), ("rotator", "cuff"), ("delt",), ("delts",)), SHOULDER),
    **dict.fromkeys((("elbow",), ("elbows",)), "elbow"),
    **dict.fromkeys((("wrist",), ("wrists",)), "wrist"),
    **dict.fromkeys((("neck",),), "neck"),
    **dict.fromkeys((("knee",), ("knees",)), "knee"),
    **dict.fromkeys((("hip",), ("hips",)), "hip"),
}
_LONGEST_PART = max(map(len, BODY_PARTS))


def body_part_told(text: str) -> str | None:
    """The body part a message first names ("my left shoulder aches" -> "shoulder"), None when none."""
    found = next(scan(words(text), dict(BODY_PARTS), _LONGEST_PART), None)
    return None if found is None else found[0]


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
    (in the session's order) and the main patterns it no longer trains at all (``gone``; a pull swapped in
    for overhead pulls, ``swap``, is in ``session``). Of the items, ``back_moves`` are those left out for
    working the lower back (bent over, or arched face down), cautioned or not, because of ``cause``: the
    caution on a hinge or told of the lower back."""

    session: Session
    items: tuple[Prescribed, ...] = ()
    gone: tuple[Pattern, ...] = ()
    back_moves: tuple[Prescribed, ...] = ()
    cause: str | None = None
    swap: Prescribed | None = None
    """The pull below the shoulders in the place of overhead pulls a shoulder keeps out (``_in_place``)."""
    back_swaps: tuple[tuple[Prescribed, Prescribed], ...] = ()
    """Each move of ``back_moves`` that another takes the place of, with that move, done upright or
    supported (``_back_swaps``)."""


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


# The pattern of a pull from overhead (exercises.toml's ``pattern``): every one of them puts the arms above
# the shoulders under load, the position a shoulder that hurt on one of them is to be kept out of.
OVERHEAD: Pattern = "vertical-pull"
# What may come in the place of overhead pulls a shoulder keeps out: a pull with the arms below the shoulders.
BELOW: Pattern = "horizontal-pull"


def overhead(exercise: str, catalog: Catalog, shoulder: Collection[str]) -> bool:
    """Whether the caution on ``exercise`` keeps every overhead pull out: a vertical pull whose pain was told
    in the shoulder (``shoulder``: the cautions told of it)."""
    known = catalog.exercises.get(exercise)
    return exercise in shoulder and known is not None and known.pattern == OVERHEAD


def kept_out(exercise: str, catalog: Catalog, shoulder: Collection[str] = ()) -> frozenset[str]:
    """What the caution on ``exercise`` keeps out besides the moves working the lower back: its versions
    (``versions``), and when it is an overhead pull told of the shoulder (``overhead``) every overhead pull
    (``pulls_overhead``: the straight-arm pulldown too) and every other move done hanging from a bar
    (``Exercise.hangs``: a scapular pull-up), the same arms above the shoulders under the body's weight."""
    out = versions(exercise, catalog)
    if overhead(exercise, catalog, shoulder):
        out |= {known.id for known in catalog.exercises.values() if pulls_overhead(known) or known.hangs}
    return out


def pulls_overhead(exercise: Exercise) -> bool:
    """Whether ``exercise`` pulls from the arms overhead: a vertical pull, or a move of another pattern that
    starts there under load (``Exercise.from_overhead``: the straight-arm pulldown, which a trial's "no
    overhead pulls" kept in the plan)."""
    return exercise.pattern == OVERHEAD or exercise.from_overhead


def told_of(
    exercise: str, cautioned: Iterable[str], catalog: Catalog, shoulder: Collection[str] = ()
) -> str | None:
    """The caution of ``cautioned`` that keeps ``exercise`` out: its own, else the first told of a version
    of it, or of the shoulder on an overhead pull when it is one (``kept_out``); None when none does."""
    told = list(cautioned)
    if exercise in told:
        return exercise
    return next((one for one in told if exercise in kept_out(one, catalog, shoulder)), None)


def leave_out(
    session: Session,
    cautioned: Collection[str],
    catalog: Catalog,
    *,
    lower_back: Collection[str] = (),
    shoulder: Collection[str] = (),
) -> LeftOut:
    """``session`` without the exercises in ``cautioned`` and what each keeps out (``kept_out``: its other
    versions, every overhead pull for one told of the shoulder, ``shoulder``), and without its moves that
    work the lower back while one of them is a hinge or was told of the lower back (``lower_back``); the
    session itself when it has none. Overhead pulls a shoulder keeps out give their first one's place to a
    pull below the shoulders (``_in_place``), when the plan's kit has one; moves left out for working the
    lower back give a horizontal pull's or a rear-delt move's place to one done upright or supported
    (``_back_swaps``)."""
    cause = back_moves_cause(cautioned, catalog, lower_back)
    backs = {
        item.exercise.id for item in session.exercises if cause is not None and item.exercise.works_lower_back
    }
    dropped = {version for exercise in cautioned for version in kept_out(exercise, catalog, shoulder)} | backs
    out = tuple(item for item in session.exercises if item.exercise.id in dropped)
    if not out:
        return LeftOut(session)
    by_shoulder = [one for one in cautioned if overhead(one, catalog, shoulder)]
    first_overhead = next((item for item in out if pulls_overhead(item.exercise)), None)
    swap = None
    if by_shoulder and first_overhead is not None:
        swap = _in_place(session, first_overhead, dropped, catalog)
    back_swaps = _back_swaps(session, out, backs, dropped, () if swap is None else (swap,), catalog)
    instead = {id(item): new for item, new in back_swaps}
    if swap is not None and first_overhead is not None:
        instead[id(first_overhead)] = swap
    kept = [
        instead.get(id(item)) or _unpaired(item, dropped)
        for item in session.exercises
        if item.exercise.id not in dropped or id(item) in instead
    ]
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
    return LeftOut(left, out, gone, backs_out, cause if backs_out else None, swap, back_swaps)


# The patterns whose moves left out for working the lower back get one done upright or supported in their
# place: the session keeps its rows and rear-delt work. A hinge gets none (what hurt), nor a shoulder-blade
# drill (a prone cobra's place: the session has others of them).
SUPPORTED: tuple[Pattern, ...] = ("horizontal-pull", "rear-delt")


def _back_swaps(
    session: Session,
    out: Sequence[Prescribed],
    backs: Collection[str],
    dropped: Collection[str],
    taken: Sequence[Prescribed],
    catalog: Catalog,
) -> tuple[tuple[Prescribed, Prescribed], ...]:
    """For each of ``SUPPORTED``'s patterns that the moves working the lower back (``backs``) leave the
    session without (no move of it kept, nor swapped in, ``taken``), the first of them with the move that
    takes its place (``_in_place``: upright or supported, of the plan's kit and level)."""
    swaps: list[tuple[Prescribed, Prescribed]] = []
    for pattern in SUPPORTED:
        kept = [one for one in (*session.exercises, *taken) if one.exercise.id not in dropped]
        backs_of = [one for one in out if one.exercise.id in backs and one.exercise.pattern == pattern]
        first = next(iter(backs_of), None)
        if first is None or any(one.exercise.pattern == pattern for one in kept):
            continue
        new = _in_place(session, first, dropped, catalog, pattern, taken)
        if new is not None:
            swaps.append((first, new))
            taken = (*taken, new)
    return tuple(swaps)


def _in_place(
    session: Session,
    item: Prescribed,
    dropped: Collection[str],
    catalog: Catalog,
    pattern: Pattern = BELOW,
    taken: Sequence[Prescribed] = (),
) -> Prescribed | None:
    """The move that takes the place of ``item``: for an overhead pull a shoulder keeps out, a pull below
    the shoulders (``pattern``); for a move left out for working the lower back, one of its own pattern.
    The first of exercises.toml the plan allows (``planner.available``) that is done upright or supported
    (no ``works_lower_back``), not left out, not in the session nor swapped in already (``taken``) and of a
    movement neither has, one using the chat's kit before a no-kit drill; at ``item``'s sets, its reps
    fitted to the move. None when there is none."""
    present = [*session.exercises, *taken]
    have = {one.exercise.id for one in present}
    movements = {one.exercise.movement or one.exercise.article for one in present} - {None}
    fitting = [
        ex
        for ex in catalog.exercises.values()
        if ex.pattern == pattern
        and not ex.works_lower_back
        and ex.id not in dropped
        and ex.id not in have
        and (ex.movement or ex.article) not in movements
        # Never a move the trainee swapped away from (``Profile.swaps``).
        and session.profile.swapped(ex.id) is None
        and available(ex, session.profile, session.number)
    ]
    if not fitting:
        return None
    # Stable: the file's order among equals.
    chosen = min(fitting, key=lambda ex: not (ex.needs or ex.needs_one_of))
    reps = item.reps
    if reps is not None:
        low, high = reps
        if chosen.min_reps is not None and low < chosen.min_reps:
            low, high = chosen.min_reps, chosen.min_reps + (high - low)
        if chosen.max_reps is not None and high > chosen.max_reps:
            low, high = min(low, chosen.max_reps), chosen.max_reps
        reps = (low, high)
    grip = chosen.grips[(session.block - 1) % len(chosen.grips)]
    return dataclasses.replace(
        item,
        exercise=chosen,
        reps=reps,
        hold_s=None,
        rest_s=item.rest_s if reps is None else rest_for(chosen, reps, item.rest_s, session.deload),
        grip=grip,
        grip_text=catalog.grips[grip].text,
        technique=None,
        partner=None,
        rests=True,
    )


def back_from_pain(
    cleared: Mapping[str, tuple[date, bool, bool]], logged: Mapping[str, Iterable[date]], catalog: Catalog
) -> frozenset[str]:
    """The exercises whose first session back after "It's fine now" is still to come: each cleared caution's
    exercise (``cleared``: the last day it kept it out, whether told of the lower back, whether of the
    shoulder), what it kept out with it (``kept_out``) and the moves working the lower back it had left out
    with it, while ``logged`` (the days each exercise was logged) has no day of it after that last day. Their
    targets come back lighter than last time (``sessionlog.targets``' ``back``, ``comeback.after_pain``)
    rather than stepping up: the first session back is not one to try for more."""
    return frozenset(
        ex
        for ex, last in cleared_moves(cleared, catalog).items()
        if not any(d > last for d in logged.get(ex, ()))
    )


def cleared_moves(cleared: Mapping[str, tuple[date, bool, bool]], catalog: Catalog) -> dict[str, date]:
    """Each exercise a cleared caution had kept out (``back_from_pain``'s ``cleared``), to the last day it
    kept it out (the latest, where several did): its first session after that day came back lighter."""
    moves: dict[str, date] = {}
    for exercise, (last, lower_back, shoulder) in cleared.items():
        for ex in keeps_out(exercise, catalog, lower_back=lower_back, shoulder=shoulder):
            moves[ex] = max(moves.get(ex, last), last)
    return moves


def keeps_out(exercise: str, catalog: Catalog, *, lower_back: bool, shoulder: bool) -> frozenset[str]:
    """Every exercise of the catalog the caution on ``exercise`` keeps out of any session, whatever the
    plan: ``kept_out``'s (its versions, the overhead pulls for one told of the ``shoulder``) and, for a hinge
    or one told of the ``lower_back``, every move working the lower back."""
    with_it = set(kept_out(exercise, catalog, {exercise} if shoulder else ()))
    if back_moves_cause([exercise], catalog, {exercise} if lower_back else ()) is not None:
        with_it |= {known.id for known in catalog.exercises.values() if known.works_lower_back}
    return frozenset(with_it)


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
