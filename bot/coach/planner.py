"""Which session a chat gets: a pure function of the catalog, the chat's profile, the session number and
the chat's training weeks.

Sessions are numbered from 1 and grouped in blocks of ``block_weeks`` training weeks: calendar weeks
(Monday to Sunday, the chat's own days) that had a session, as a coach counts them (``Weeks``). Three
sessions in one week are one week of the block, not a week and a half, and a week with none (a holiday)
does not use a week of the block up. Sessions still to come are counted at the weekly target. Inside a
block the main slots keep their exercise and grip, so last time's numbers mean something
today; at a new block they move to their next option and grip. Secondary and accessory slots take
the next option every session. Only what the chat's kit, place and level allow is ever picked, and
barbell lifts wait until a beginner's fifth session. No exercise is asked for reps it does not suit
(``min_reps``, ``max_reps``): a main lift gives way, on a day asking more, to the slot's next option
(``suited``), and anything asked for fewer starts its range at its own minimum. Nothing here is
stored: any session can be rebuilt from its number and the days trained before it, which is also how
``backcoach plan`` previews a chat's future.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

from bot.coach import agefit, warmuplist
from bot.coach.catalog import Catalog, Exercise, Labels, Prescription, Slot, Tier
from bot.coach.model import Equipment, Level
from bot.coach.profile import MAX_PER_WEEK as MAX_PER_WEEK
from bot.coach.profile import Profile as Profile
from bot.coach.profile import profile_of as profile_of
from bot.coach.rests import HEAVY_REPS, heavy_hinge, rest_for
from bot.coach.sessionorder import hardest_first, techniques
from bot.coach.sessiontime import estimate_minutes
from bot.coach.suited import asked, days_kept, kinds_of_day, suited
from bot.coach.trainingdays import apart, week_turns
from bot.coach.trainingweeks import PLANNED, Weeks, training_weeks

# A beginner's barbell lifts (the deadlift above all) wait until machines, cables, dumbbells and the
# hinge drill have had four sessions.
BEGINNER_BARBELL_FROM = 5
LIGHT_REST_S = (90, 120)
# The kind of day of a deload week's sessions, where the level's days take turns (``day_kind``).
DELOAD_DAY = "deload week"
# What ``_done_this_week`` counts a week's barbell hinge sessions under (``barbell_hinge_days``).
BARBELL_HINGES = "barbell hinges"

Technique = Literal["drop set", "superset"]


@dataclass(frozen=True)
class Prescribed:
    exercise: Exercise
    tier: Tier
    sets: int
    reps: tuple[int, int] | None
    hold_s: tuple[int, int] | None
    rest_s: tuple[int, int]
    rir: int
    grip: str
    grip_text: str
    technique: Technique | None = None
    partner: Exercise | None = None
    """The other half of a superset."""
    rests: bool = True
    """False for the first exercise of a superset: its partner follows at once."""
    increase_pct: float | None = None
    """The level's added load, in percent, once every set reaches the top (``progression.Plan``)."""


@dataclass(frozen=True)
class Session:
    profile: Profile
    number: int
    title: str
    block: int
    week: int
    deload: bool
    day: str
    warmup: tuple[str, ...]
    exercises: tuple[Prescribed, ...]
    notes: tuple[str, ...]
    minutes: int
    labels: Labels
    in_place_of: tuple[tuple[str, str], ...] = ()
    """(the block's main lift, the one in its place) where the lift reached its ``max_per_week``."""
    weeks: Weeks = PLANNED
    """The training weeks it was planned by: the same session again (whole, where this one is cut) is
    ``plan_session(catalog, session.profile, session.number, session.weeks)``."""


class Position(NamedTuple):
    block: int
    in_block: int
    """The session's place inside its block, from 0."""
    week: int
    deload: bool
    per_block: int
    """The sessions a block has at the weekly target."""
    week_first: int
    """The number of the first session of the session's training week."""


def position(catalog: Catalog, profile: Profile, number: int, weeks: Weeks = PLANNED) -> Position:
    plan = catalog.routines.level(profile.level)
    per_block = plan.block_weeks * profile.per_week
    trained = weeks.week_of(number, profile.per_week)
    block, week = divmod(trained, plan.block_weeks)
    block_first = weeks.first(block * plan.block_weeks, profile.per_week)
    return Position(
        block + 1,
        number - block_first,
        week + 1,
        plan.deload is not None and week + 1 == plan.block_weeks,
        per_block,
        weeks.first(trained, profile.per_week),
    )


def rotates(catalog: Catalog, level: Level) -> bool:
    """Whether the level's days take turns (advanced: heavy, moderate, volume), so that a session is
    compared with the last one of its own kind of day rather than with the last one."""
    return len(catalog.routines.level(level).day) > 1


def heaviest_kind(catalog: Catalog, level: Level) -> str:
    """The kind of day that asks the main lifts for the fewest reps ("heavy day"), where the level's days
    take turns; "" where they do not. /progress joins its load line on these days: the other days are
    lighter on purpose and would pull the line down whenever the kind of day changes."""
    days = catalog.routines.level(level).day
    if len(days) < 2:
        return ""
    turn = min(range(len(days)), key=lambda index: (days[index].main.reps.low, days[index].main.reps.high))
    return days[turn].name or f"day {turn + 1}"


def day_kind(catalog: Catalog, profile: Profile, number: int, weeks: Weeks = PLANNED) -> str:
    """The kind of day session ``number`` is: its day's name ("heavy day"), or ``DELOAD_DAY`` in a deload
    week. The day ``plan_session`` gives it: any session's kind is rebuilt from its number and weeks."""
    plan = catalog.routines.level(profile.level)
    number = max(1, number)
    if position(catalog, profile, number, weeks).deload:
        return DELOAD_DAY
    turn = day_turn(catalog, profile, number, weeks)
    return plan.day[turn].name or f"day {turn + 1}"


def day_turn(catalog: Catalog, profile: Profile, number: int, weeks: Weeks) -> int:
    """Which of the level's days session ``number`` is (its index in ``day``): its place in its week's
    ``trainingdays.week_turns`` where the week holds every kind, else the next in turn from the block's
    first."""
    at = position(catalog, profile, number, weeks)
    kinds = len(catalog.routines.level(profile.level).day)
    turns = week_turns(kinds, profile.weekdays, catalog.routines.barbell_hinge_days)
    if not turns:
        return at.in_block % kinds
    # A session past the week's target is an extra one: the lightest kind of day.
    place = number - at.week_first
    return turns[place] if place < len(turns) else kinds - 1


def _hinge_day(catalog: Catalog, profile: Profile, number: int, weeks: Weeks) -> bool:
    """Whether session ``number`` may have a barbell hinge: its place in its week is one of the hinges'
    (``trainingdays.apart``), and it was not logged the day after a session in such a place (a chat
    training on other days than its own, or a Sunday before a Monday)."""
    places = apart(profile.weekdays, catalog.routines.barbell_hinge_days)

    def in_place(session: int) -> bool:
        # A session past the week's target (an extra one) is in no place: the hinges have theirs.
        return session - position(catalog, profile, session, weeks).week_first in places

    return in_place(number) and not (number in weeks.day_after and in_place(number - 1))


def day_kinds(catalog: Catalog, profile: Profile, logged: Sequence[date]) -> dict[date, str]:
    """The kind of day of each day the chat logged (sessions are numbered in date order)."""
    weeks = training_weeks(logged)
    ordered = sorted(set(logged))
    return {day: day_kind(catalog, profile, number, weeks) for number, day in enumerate(ordered, 1)}


_RANK = {level: rank for rank, level in enumerate(Level)}


def available(exercise: Exercise, profile: Profile, number: int) -> bool:
    if not exercise.fits_kit(profile.kit) or profile.equipment not in exercise.places:
        return False
    if not _RANK[exercise.min_level] <= _RANK[profile.level] <= _RANK[exercise.max_level]:
        return False
    if profile.equipment == Equipment.GYM and _RANK[profile.level] > _RANK[exercise.gym_max_level]:
        return False
    return not (exercise.barbell and profile.level == Level.BEGINNER and number < BEGINNER_BARBELL_FROM)


def slot_choices(catalog: Catalog, slot: Slot, profile: Profile, number: int) -> list[Exercise]:
    """The slot's options this chat can do now, or its fallbacks when there are none; a home move a gym
    plan has outgrown gives its place to its ``gym_version``, and a move the chat swapped to the one it
    chose (each move once, where it first comes); a level's own ``options`` (``override``) stand in."""
    override = slot.override.get(profile.level)
    found = [
        _chosen(profile, number, [_at_gym(catalog, catalog.exercises[i], profile) for i in ids], catalog)
        for ids in (override.options if override and override.options else slot.options, slot.fallback)
    ]
    # The options, else the fallbacks; a trainee of 60+ has the floor moves' standing versions (``agefit``),
    # and a swap of such a version holds too (a 68-year-old's wall slide swapped stays swapped).
    return _chosen(profile, number, agefit.adapt_choices(catalog, profile, number, found), catalog)


def _chosen(profile: Profile, number: int, exercises: Sequence[Exercise], catalog: Catalog) -> list[Exercise]:
    """``exercises`` the plan allows, each the chat swapped given as its choice (``Profile.swaps``) where
    the plan allows that now and it is no floor move a 60+ plan keeps out (``agefit.keeps_out``)."""
    allowed: dict[str, Exercise] = {}
    for exercise in exercises:
        instead = catalog.exercises.get(profile.swapped(exercise.id) or "")
        if (
            instead
            and available(instead, profile, number)
            and not agefit.keeps_out(catalog, profile, number, instead)
        ):
            exercise = instead
        if available(exercise, profile, number):
            allowed.setdefault(exercise.id, exercise)
    return list(allowed.values())


def _at_gym(catalog: Catalog, exercise: Exercise, profile: Profile) -> Exercise:
    past = profile.equipment == Equipment.GYM and _RANK[profile.level] > _RANK[exercise.gym_max_level]
    return catalog.exercises[exercise.gym_version] if past and exercise.gym_version else exercise


@functools.lru_cache(maxsize=4096)
def _main_pick(
    catalog: Catalog, slot_index: int, profile: Profile, block: int, weeks: Weeks
) -> Exercise | None:
    """A main slot's exercise for a whole block: the option after last block's, as of the block's start.

    Deciding at the block's first session keeps the lift the same all block, even when something new
    becomes possible midway (a beginner's barbell); the next block then moves on to it.
    """
    block_weeks = catalog.routines.level(profile.level).block_weeks
    pick: Exercise | None = None
    for current in range(1, block + 1):
        opens = weeks.first((current - 1) * block_weeks, profile.per_week)
        choices = slot_choices(catalog, catalog.routines.slot[slot_index], profile, opens)
        if not choices:
            pick = None
        elif pick is None or pick not in choices:
            pick = choices[0]
        else:
            pick = choices[(choices.index(pick) + 1) % len(choices)]
    return pick


Pick = tuple[Slot, Exercise]


def _new_block_note(catalog: Catalog, profile: Profile, block: int, weeks: Weeks) -> str:
    """What a block's main lifts change from the last block's, said in its first week ("" for nothing):
    on the days the new lift is kept on (``days_kept``), when that is not every day (a coach's trial: the
    weighted pull-up "took over from the lat pulldown", but the volume day had a pull-up and the pulldown)."""
    plan = catalog.routines.level(profile.level)
    opens = weeks.first((block - 1) * plan.block_weeks, profile.per_week)
    labels = catalog.labels
    changes = []
    for at, slot in enumerate(catalog.routines.slot):
        if slot.tier != "main":
            continue
        before, now = (_main_pick(catalog, at, profile, b, weeks) for b in (block - 1, block))
        if before is None or now is None or before == now:
            continue
        kept = days_kept(catalog, slot, profile.level, now, slot_choices(catalog, slot, profile, opens))
        if len(kept) == len(plan.day):
            changes.append(labels.block_swap.format(before=before.short, now=now.short))
        elif kept:
            changes.append(
                labels.block_swap_days.format(before=before.short, now=now.short, days=kinds_of_day(kept))
            )
    return labels.new_block.format(changes="; ".join(changes)) if changes else ""


def block_lifts(catalog: Catalog, profile: Profile, number: int, weeks: Weeks = PLANNED) -> tuple[Pick, ...]:
    """Each main slot's lift for session ``number``'s whole block, not what a day has in its place (the
    advanced volume day's Romanian deadlift, a lift past its weekly cap): the lifts /progress charts."""
    block = position(catalog, profile, max(1, number), weeks).block
    slots = enumerate(catalog.routines.slot)
    found = [
        (slot, _main_pick(catalog, at, profile, block, weeks)) for at, slot in slots if slot.tier == "main"
    ]
    return tuple((slot, lift) for slot, lift in found if lift is not None)


@functools.lru_cache(maxsize=8192)
def _picks(catalog: Catalog, profile: Profile, number: int, weeks: Weeks) -> tuple[Pick, ...]:
    """The exercise each slot of session ``number`` gets, before sets and reps."""
    plan = catalog.routines.level(profile.level)
    block, index, _week, deload, _per_block, week_first = position(catalog, profile, number, weeks)
    # A deload week's session is the day it falls on, made easy (``_prescribe``): that day's lifts.
    tiers = plan.day[day_turn(catalog, profile, number, weeks)]
    done = _done_this_week(catalog, profile, number, weeks)
    hinge_day = _hinge_day(catalog, profile, number, weeks)

    picks: list[Pick] = []
    # The lifts the slots would have had without today's swaps (``suited``): the rotation reads these, so a
    # main lift swapped for the day's reps moves only a later slot that lands on the lift swapped in.
    rotated: set[str] = set()
    for slot_index, slot in enumerate(catalog.routines.slot):
        choices = slot_choices(catalog, slot, profile, number)
        used = {exercise.id for _, exercise in picks}
        previous = picks[-1][1] if picks else None
        ahead = [
            exercise
            for exercise in choices
            if exercise.id not in rotated
            and not (previous and previous.lower_back and exercise.lower_back)
            and not _at_weekly_cap(catalog, exercise, done, hinge_day)
        ]
        fresh = [
            exercise
            for exercise in ahead
            if exercise.id not in used
            # A lift kept to some kinds of day (the Pendlay row's heavy day): other days take the next.
            and (not exercise.days or tiers.name in exercise.days)
            and (slot.tier == "main" or not _harder_than_mains(catalog, exercise, picks))
        ]
        if not fresh:
            continue
        if slot.tier == "main":
            exercise = _block_lift(_main_pick(catalog, slot_index, profile, block, weeks), choices, ahead)
        else:
            exercise = ahead[(index + slot_index) % len(ahead)]
            strict = _strict_pulls(profile, picks, fresh) if number == week_first else []
            if strict:
                exercise = strict[(index // profile.per_week) % len(strict)]
        rotated.add(exercise.id)
        if exercise not in fresh:
            at = ahead.index(exercise)
            exercise = next(other for other in (*ahead[at:], *ahead[:at]) if other in fresh)
        if slot.tier == "main" and not deload:
            # The main lift is what the day is for, so it does the day's reps. A deload week keeps the
            # block's lifts, only lighter, and a secondary move's cap is its own programming (slow
            # negatives stay 6–8 while the rotation brings other pulls): ``_prescribe`` caps those.
            exercise = suited(exercise, fresh, asked(slot, getattr(tiers, slot.tier), profile.level))
        picks.append((slot, exercise))
    return tuple(picks)


def _strict_pulls(profile: Profile, picks: Sequence[Pick], fresh: Sequence[Exercise]) -> list[Exercise]:
    """The strict pull-ups (``goes_first``) a week's first session gives its secondary slot where the block's
    vertical pull is the pulldown: a trained lifter's pull-ups never go a whole week untrained (a coach's
    trial found none in weeks 2 and 3 of an advanced block)."""
    if profile.level == Level.BEGINNER or any(exercise.goes_first for _, exercise in picks):
        return []
    return [exercise for exercise in fresh if exercise.goes_first and exercise.pattern == "vertical-pull"]


def _harder_than_mains(catalog: Catalog, exercise: Exercise, picks: Sequence[Pick]) -> bool:
    """Whether ``exercise`` is a higher rung of a ladder than one of the main lifts (strict pull-ups after
    the assisted pull-up machine): a secondary backs the main lift up, it is not the next step past it."""
    return any(catalog.harder(exercise.id, main.id) for slot, main in picks if slot.tier == "main")


def _done_this_week(catalog: Catalog, profile: Profile, number: int, weeks: Weeks) -> dict[str, int]:
    """How many of the (training) week's earlier sessions had each exercise with a ``max_per_week``, and
    a barbell hinge (``BARBELL_HINGES``)."""
    first = position(catalog, profile, number, weeks).week_first
    done: dict[str, int] = {}
    for earlier in range(first, number):
        lifts = [exercise for _, exercise in _picks(catalog, profile, earlier, weeks)]
        counted = [exercise.id for exercise in lifts if exercise.max_per_week is not None]
        counted += [BARBELL_HINGES] if any(heavy_hinge(exercise) for exercise in lifts) else []
        for key in counted:
            done[key] = done.get(key, 0) + 1
    return done


def _at_weekly_cap(catalog: Catalog, exercise: Exercise, done: dict[str, int], hinge_day: bool) -> bool:
    """Whether ``exercise`` gives way today: past its ``max_per_week`` (``done``: the week's earlier
    sessions'), or a barbell hinge past the week's, or on a day that is not one of theirs (``_hinge_day``)."""
    hinges = done.get(BARBELL_HINGES, 0) >= catalog.routines.barbell_hinge_days
    if heavy_hinge(exercise) and (hinges or not hinge_day):
        return True
    return exercise.max_per_week is not None and done.get(exercise.id, 0) >= exercise.max_per_week


def swap_note(catalog: Catalog, lift: Exercise, instead: Exercise) -> str:
    """What a session says of a main lift in place of the day's (``in_place_of``): the week's barbell
    hinges together, for a barbell hinge given way to a lighter one, else the lift's own weekly cap."""
    if heavy_hinge(lift) and not heavy_hinge(instead):
        cap = catalog.routines.barbell_hinge_days
        return catalog.labels.hinge_days.format(lift=lift.short, cap=cap, instead=instead.short)
    return catalog.labels.weekly_cap.format(lift=lift.short, cap=lift.max_per_week, instead=instead.short)


def _block_lift(wanted: Exercise | None, choices: Sequence[Exercise], ahead: Sequence[Exercise]) -> Exercise:
    """The block's lift, or, in a session past its weekly cap, the slot's next option after it.

    The next option is a fixed lift for the whole block (the third deadlift day of a week is a Romanian
    deadlift every week), so it builds its own history for progression to compare with.
    """
    ids = [exercise.id for exercise in choices]
    if wanted is None or wanted.id not in ids:
        return ahead[0]
    allowed = {exercise.id for exercise in ahead}
    at = ids.index(wanted.id)
    return next(other for other in (*choices[at:], *choices[:at]) if other.id in allowed)


def weekly_swaps(
    catalog: Catalog, profile: Profile, number: int, weeks: Weeks = PLANNED
) -> tuple[tuple[Exercise, Exercise], ...]:
    """The main lifts session ``number`` takes in place of the day's, because those have reached their
    ``max_per_week`` (or the week's ``barbell_hinge_days``) earlier in its week: (the day's lift, the one in
    its place). The day's lift is the block's, or the one the day swaps it for its reps (the advanced
    volume day's barbell RDL for the deadlift): a swap for reps alone has nothing in its place."""
    plan = catalog.routines.level(profile.level)
    weeks = weeks.upto(number)
    block, _index, _week, deload, *_ = position(catalog, profile, number, weeks)
    tiers = plan.day[day_turn(catalog, profile, number, weeks)]
    done = _done_this_week(catalog, profile, number, weeks)
    hinge_day = _hinge_day(catalog, profile, number, weeks)
    if not done and hinge_day:
        return ()
    swaps = []
    for slot_index, slot in enumerate(catalog.routines.slot):
        exercise = next(
            (chosen for picked, chosen in _picks(catalog, profile, number, weeks) if picked is slot), None
        )
        if slot.tier != "main" or exercise is None:
            continue
        wanted = _main_pick(catalog, slot_index, profile, block, weeks)
        if wanted is None or wanted.id == exercise.id:
            continue
        options = slot_choices(catalog, slot, profile, number)
        reps = asked(slot, getattr(tiers, slot.tier), profile.level)
        day_lift = wanted if deload else suited(wanted, options, reps)
        if day_lift.id != exercise.id and _at_weekly_cap(catalog, day_lift, done, hinge_day):
            swaps.append((day_lift, exercise))
    return tuple(swaps)


def plan_session(catalog: Catalog, profile: Profile, number: int, weeks: Weeks = PLANNED) -> Session:
    """Session ``number``; ``weeks`` are the chat's training weeks (``training_weeks``, ``weeks_until``),
    or none for the plan's weekly target alone."""
    if number < 1:
        raise ValueError(f"session numbers start at 1, got {number}")
    weeks = weeks.upto(number)
    plan = catalog.routines.level(profile.level)
    block, _index, week, deload, *_ = position(catalog, profile, number, weeks)
    day = plan.day[day_turn(catalog, profile, number, weeks)]
    picks = _picks(catalog, profile, number, weeks)
    easy = plan.deload.rir if deload and plan.deload is not None else None
    prescribed = [
        _prescribe(catalog, slot, exercise, getattr(day, slot.tier), profile.level, block, easy)
        for slot, exercise in picks
    ]
    # A trainee of 60+ starts gently (``agefit``); a deload week is easy already.
    prescribed = prescribed if deload else agefit.gentle_start(catalog, profile, number, prescribed)
    prescribed = techniques(prescribed, day.drop_set and not deload, day.superset and not deload)
    prescribed = hardest_first(prescribed)
    swaps = weekly_swaps(catalog, profile, number, weeks)
    # A deload week's note takes the place of the level's, which says to add load or beat the last numbers.
    notes = [plan.deload_note if deload else plan.note]
    notes += [swap_note(catalog, lift, instead) for lift, instead in swaps]
    if day.note and not deload:
        notes.append(day.note)
    notes += agefit.notes(catalog, profile, number, deload)
    if week == 1 and block > 1:
        notes.append(_new_block_note(catalog, profile, block, weeks))
    if any(item.technique == "drop set" for item in prescribed):
        notes.append(catalog.routines.techniques.drop_set)
    if any(item.technique == "superset" for item in prescribed):
        notes.append(catalog.routines.techniques.superset)
    warmup = warmuplist.warmup(catalog, profile, number, [item.exercise for item in prescribed])
    return Session(
        profile=profile,
        number=number,
        title=plan.title,
        block=block,
        week=week,
        deload=deload,
        day="" if deload else day.name,
        warmup=warmup,
        exercises=tuple(prescribed),
        notes=tuple(note for note in notes if note),
        minutes=estimate_minutes(catalog.routines.warmup.minutes, prescribed),
        labels=catalog.labels,
        in_place_of=tuple((lift.id, instead.id) for lift, instead in swaps),
        weeks=weeks,
    )


def _prescribe(
    catalog: Catalog,
    slot: Slot,
    exercise: Exercise,
    tier: Prescription,
    level: Level,
    block: int,
    deload_rir: int | None = None,
) -> Prescribed:
    """``slot``'s prescription for ``exercise`` on a day of ``tier``; with ``deload_rir``, that day in a
    deload week: the bottom of its range, half its sets (rounded up) and that many reps in reserve."""
    override = slot.override.get(level)
    sets = override.sets if override and override.sets else tier.sets
    reps = override.reps if override and override.reps else tier.reps
    rest = override.rest if override and override.rest else tier.rest
    hold = tier.hold_s if exercise.kind == "hold" else None
    if exercise.min_reps is not None and tier.light is not None and not (override and override.reps):
        # A move that can't be loaded heavy takes the day's range for such moves, and its rest.
        reps, rest = tier.light.reps, tier.light.rest
    low, high = reps.low, reps.high
    rest_low, rest_high = rest.low, rest.high
    if exercise.max_reps is not None and high > exercise.max_reps:
        # Nothing to swap to (``suited``), or a deload week: its own top range, as wide as the day's.
        low, high = min(low, max(1, exercise.max_reps - (high - low))), exercise.max_reps
        # Capped, it is harder than the day's range assumed (pull-ups for 9–12, not a cable's 12–15): a
        # volume day's short rests would turn the later sets into grinders.
        rest_low, rest_high = max(rest_low, LIGHT_REST_S[0]), max(rest_high, LIGHT_REST_S[1])
    if exercise.min_reps is not None and low < exercise.min_reps:
        # A move that can't be loaded heavy (a cable, a machine, a band) gets a range it can be taken
        # close to failure in, as wide as the day's.
        low, high = exercise.min_reps, exercise.min_reps + (high - low)
        if low > HEAVY_REPS:
            # A light range needs a light range's rest, not a heavy day's (6–8 on a cable: the day's
            # ``light`` rest, where it gives one).
            rest_low, rest_high = min(rest_low, LIGHT_REST_S[0]), min(rest_high, LIGHT_REST_S[1])
    if deload_rir is not None:
        # Never more reps than the day asks (a heavy day's 3–5: 3), never as many sets.
        sets, high = -(-sets // 2), low
    if hold is None:
        # Heavy sets (judged by the range's top), 6–8 by what is lifted, a deload's like light work:
        # ``bot.coach.rests``.
        rest_low, rest_high = rest_for(exercise, (low, high), (rest_low, rest_high), deload_rir is not None)
    grip = exercise.grips[(block - 1) % len(exercise.grips)]
    increase = catalog.routines.level(level).increase
    return Prescribed(
        exercise=exercise,
        tier=slot.tier,
        sets=sets,
        reps=None if hold is not None else (low, high),
        hold_s=(hold.low, hold.high) if hold is not None else None,
        rest_s=(rest_low, rest_high),
        rir=tier.rir if deload_rir is None else deload_rir,
        grip=grip,
        grip_text=catalog.grips[grip].text,
        increase_pct=increase.lower_pct if exercise.pattern == "hinge" else increase.upper_pct,
    )
