"""The coaching rules every session must keep, each written once, and the walk that checks them all.

The rules come from the article and the ACSM 2009 position stand (shared/DESIGN.md). Start-up runs
``check_catalog`` over every level, place and home kit, so a content edit that breaks a rule names
itself before a trainee sees it; the tests run the same walk over the shipped content.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from bot.coach.agefit import extra_rest
from bot.coach.catalog import ARTICLE_EXERCISES, Catalog
from bot.coach.content import ContentError
from bot.coach.model import Equipment, Level
from bot.coach.planner import (
    BEGINNER_BARBELL_FROM,
    MAX_PER_WEEK,
    Profile,
    Session,
    available,
    plan_session,
    slot_choices,
)
from bot.coach.rests import heavy_hinge, rest_problem
from bot.coach.trainingdays import CHOICES, apart

CHECKED_SESSIONS = 24
# Onboarding offers 2, 3 and 4 days a week (trainingdays.CHOICES): each is checked in full.
CHECKED_PER_WEEK = (1, 2, 3, 4)
# Blocks ``check_every_week`` walks at each weekly target: each main slot's whole rotation.
WALKED_BLOCKS = 4
# Article coverage needs a block of at least this many sessions; a once-a-week block is shorter.
COVERAGE_PER_WEEK = (2, 3, 4)

SessionRule = Callable[[Catalog, Session], str | None]


def _warmup(catalog: Catalog, session: Session) -> str | None:
    if not session.warmup:
        return "no warm-up"
    hinge = any(item.exercise.pattern == "hinge" for item in session.exercises)
    if hinge and catalog.routines.warmup.hinge_drill not in session.warmup:
        return "a loaded hinge without the hinge drill in the warm-up"
    return None


def _multi_joint_first(catalog: Catalog, session: Session) -> str | None:
    order = [item.exercise.multi_joint for item in session.exercises]
    return (
        None if order == sorted(order, reverse=True) else "a single-joint exercise before a multi-joint one"
    )


def _both_pulls(catalog: Catalog, session: Session) -> str | None:
    for pattern in ("vertical-pull", "horizontal-pull"):
        present = any(item.exercise.pattern == pattern for item in session.exercises)
        possible = any(
            exercise.pattern == pattern and available(exercise, session.profile, session.number)
            for exercise in catalog.exercises.values()
        )
        if possible and not present:
            return f"no {pattern.replace('-', ' ')} although the kit allows one"
    return None


def _fits_kit_and_grip(catalog: Catalog, session: Session) -> str | None:
    for item in session.exercises:
        exercise = item.exercise
        if not available(exercise, session.profile, session.number):
            return f"{exercise.id} needs what this chat does not have (or is not for its level yet)"
        if item.grip not in exercise.grips or not set(catalog.grips[item.grip].fits) & set(
            exercise.implements
        ):
            return f"{exercise.id} with a grip that does not fit it ({item.grip})"
    return None


def _gym_moves(catalog: Catalog, session: Session) -> str | None:
    """A gym plan past beginner gets no floor or home drill (``gym_max_level``): a gym has loaded moves for
    the same muscles. ``available`` already keeps them out; this names the rule if that ever changes."""
    profile = session.profile
    if profile.equipment != Equipment.GYM:
        return None
    rank = list(Level).index
    for item in session.exercises:
        if rank(profile.level) > rank(item.exercise.gym_max_level):
            return f"{item.exercise.id} is a home drill (gym_max_level {item.exercise.gym_max_level})"
    return None


def _hardest_pull_first(catalog: Catalog, session: Session) -> str | None:
    """A strict pull-up (``goes_first``) before its pattern's other moves: after pulldowns, lats tire."""
    seen: dict[str, str] = {}
    for item in session.exercises:
        exercise = item.exercise
        if exercise.goes_first and exercise.pattern in seen:
            return f"{exercise.id} after {seen[exercise.pattern]}: the hardest pull of a pattern goes first"
        if not exercise.goes_first:
            seen.setdefault(exercise.pattern, exercise.id)
    return None


def _lower_back_spacing(catalog: Catalog, session: Session) -> str | None:
    for first, second in itertools.pairwise(session.exercises):
        if first.exercise.lower_back and second.exercise.lower_back:
            return f"{first.exercise.id} and {second.exercise.id} both load the lower back, back to back"
    return None


def _heavy_sets_rest(catalog: Catalog, session: Session) -> str | None:
    for item in session.exercises:
        # By the range's top (``bot.coach.rests``): 3–5 rests 3 min, 6–8 2–2.5 min but a barbell hinge's 3;
        # a deload week's easy sets like light work.
        problem = (
            None if item.reps is None else rest_problem(item.exercise, item.reps, item.rest_s, session.deload)
        )
        if problem is not None:
            return problem
    return None


def _secondary_not_harder(catalog: Catalog, session: Session) -> str | None:
    mains = [item.exercise.id for item in session.exercises if item.tier == "main"]
    for item in session.exercises:
        easier = [main for main in mains if item.tier != "main" and catalog.harder(item.exercise.id, main)]
        if easier:
            return (
                f"{item.exercise.id} backs up {easier[0]}, an easier version of it: give it a move no harder"
            )
    return None


def _suited_reps(catalog: Catalog, session: Session) -> str | None:
    for item in session.exercises:
        exercise, reps = item.exercise, item.reps
        if reps is None:
            continue
        if exercise.max_reps is not None and reps[1] > exercise.max_reps:
            return f"{exercise.id}: {reps[0]}–{reps[1]} reps, past the {exercise.max_reps} it holds up to"
        if exercise.min_reps is not None and reps[0] < exercise.min_reps:
            low = exercise.min_reps
            return f"{exercise.id}: {reps[0]}–{reps[1]} reps, under the {low} it can be loaded for"
    return None


def _effort(catalog: Catalog, session: Session) -> str | None:
    for item in session.exercises:
        if (item.reps is None) == (item.hold_s is None):
            return f"{item.exercise.id}: needs reps or a hold time, not both"
        if (item.exercise.kind == "hold") != (item.hold_s is not None):
            return f"{item.exercise.id}: a hold gets seconds, everything else reps"
        if not 0 <= item.rir <= 5:
            return f"{item.exercise.id}: reps in reserve {item.rir} is not an effort target"
    return None


def _beginner(catalog: Catalog, session: Session) -> str | None:
    if session.profile.level != Level.BEGINNER:
        return None
    for item in session.exercises:
        name = item.exercise.id
        if not 1 <= item.sets <= 3:
            return f"{name}: beginners do 1–3 sets, not {item.sets}"
        if item.reps is not None and not (item.reps[0] >= 8 and item.reps[1] <= 15):
            return f"{name}: beginners do 8–15 reps, not {item.reps[0]}–{item.reps[1]}"
        # A trainee of 60+ rests longer in a gentle start (``agefit``).
        top = 120 + extra_rest(catalog, session.profile, session.number)
        if not (item.rest_s[0] >= 60 and item.rest_s[1] <= top):
            return f"{name}: beginners rest 60–{top} s, not {item.rest_s[0]}–{item.rest_s[1]}"
        if not 2 <= item.rir <= 3:
            return f"{name}: beginners keep 2–3 reps in reserve, not {item.rir}"
        if item.technique is not None:
            return f"{name}: no {item.technique} for beginners"
        if item.exercise.barbell and session.number < BEGINNER_BARBELL_FROM:
            return f"{name}: a beginner's barbell work waits until session {BEGINNER_BARBELL_FROM}"
        if (
            item.exercise.id == "deadlift"
            and item.reps is not None
            and not (item.reps[0] >= 6 and item.reps[1] <= 10)
        ):
            return "deadlift: a beginner's deadlift is light, 6–10 reps"
    return None


def _intermediate(catalog: Catalog, session: Session) -> str | None:
    if session.profile.level != Level.INTERMEDIATE or session.deload:
        return None
    for item in session.exercises:
        if not 3 <= item.sets <= 4:
            return f"{item.exercise.id}: intermediate sets are 3–4, not {item.sets}"
        if item.reps is not None and not (item.reps[0] >= 6 and item.reps[1] <= 12):
            return f"{item.exercise.id}: intermediate reps are 6–12, not {item.reps[0]}–{item.reps[1]}"
    return None


def _deload(catalog: Catalog, session: Session) -> str | None:
    if not session.deload:
        return None
    plan = catalog.routines.level(session.profile.level)
    for item in session.exercises:
        hardest = max(getattr(day, item.tier).sets for day in plan.day)
        if item.sets >= hardest or item.technique is not None:
            return f"{item.exercise.id}: a deload week has fewer sets and no drop sets or supersets"
        # The bottom of its day's range, never a new range: a heavy lift's 2×8 in place of its 3–5 is
        # no easier set.
        if item.reps is not None and item.reps[0] != item.reps[1]:
            return f"{item.exercise.id}: a deload week asks the bottom of the day's range, not {item.reps}"
        if item.rir < 3:
            return f"{item.exercise.id}: a deload week keeps 3 or more reps in reserve, not {item.rir}"
    return None


def _its_days(catalog: Catalog, session: Session) -> str | None:
    """A lift kept to some kinds of day (``days``: the Pendlay row's heavy day) is on no other: a volume
    day capping it at 5–8 on a day asking 12–15 is a heavy day's lift on the wrong day."""
    for item in session.exercises:
        days = item.exercise.days
        if days and session.day and session.day not in days:
            return f"{item.exercise.id} on a {session.day}: it is for the {' and '.join(days)} only"
    return None


def _vertical_pull_place(catalog: Catalog, session: Session) -> str | None:
    """A main slot of vertical pulls that has a move for this chat gets one, never a row in its place; an
    intermediate or advanced session never lacks a vertical pull, and its main one is never an assisted
    version below a strict pull-up the chat could do (a block of the assisted machine took an intermediate's
    pull-ups away for weeks)."""
    profile, number = session.profile, session.number
    mains = [item.exercise for item in session.exercises if item.tier == "main"]
    for slot in catalog.routines.slot:
        choices = slot_choices(catalog, slot, profile, number) if slot.tier == "main" else []
        vertical = bool(choices) and all(exercise.pattern == "vertical-pull" for exercise in choices)
        if vertical and not any(exercise.pattern == "vertical-pull" for exercise in mains):
            return "a vertical-pull place without a vertical pull"
    if profile.level == Level.BEGINNER:
        return None
    if not any(item.exercise.pattern == "vertical-pull" for item in session.exercises):
        return "no vertical pull in an intermediate or advanced session"
    strict = catalog.exercises["pull-up"]
    for main in mains:
        if available(strict, profile, number) and catalog.harder(strict.id, main.id):
            return f"{main.id} as the main vertical pull of a chat that can do strict pull-ups"
    return None


SESSION_RULES: tuple[SessionRule, ...] = (
    _warmup,
    _multi_joint_first,
    _both_pulls,
    _fits_kit_and_grip,
    _gym_moves,
    _hardest_pull_first,
    _lower_back_spacing,
    _heavy_sets_rest,
    _secondary_not_harder,
    _suited_reps,
    _effort,
    _beginner,
    _intermediate,
    _deload,
    _its_days,
    _vertical_pull_place,
)


def check_session(catalog: Catalog, session: Session) -> list[str]:
    problems = [rule(catalog, session) for rule in SESSION_RULES]
    if len(session.exercises) < 2:
        problems.append("fewer than two exercises")
    if not 10 <= session.minutes <= 120:
        problems.append(f"an estimate of {session.minutes} min")
    return [problem for problem in problems if problem]


def check_block(catalog: Catalog, sessions: Sequence[Session]) -> list[str]:
    """Rules across one block's sessions: steady main lifts, every article exercise the kit allows.

    Steady for each kind of day: a volume day may swap the deadlift for a Romanian deadlift, and it is
    the last volume day's numbers that it is compared with (``bot.coach.progression``). A session past a
    lift's weekly cap has the same lift in its place all block, so it is steady among its own kind.
    """
    problems: list[str] = []
    profile = sessions[0].profile
    mains: dict[tuple[str, bool, tuple[tuple[str, str], ...]], set[tuple[tuple[str, str], ...]]] = {}
    for session in sessions:
        lifts = tuple((i.exercise.id, i.grip) for i in session.exercises if i.tier == "main")
        mains.setdefault((session.day, session.deload, session.in_place_of), set()).add(lifts)
    if any(len(lifts) > 1 for lifts in mains.values()):
        problems.append(f"block {sessions[0].block}: the main lifts change inside the block")
    done = {item.exercise.article for session in sessions for item in session.exercises}
    possible = {
        exercise.article
        for exercise in catalog.exercises.values()
        if exercise.article and any(available(exercise, profile, s.number) for s in sessions)
    }
    missing = sorted(possible - done, key=ARTICLE_EXERCISES.index)
    if missing:
        problems.append(f"block {sessions[0].block}: never does {', '.join(str(m) for m in missing)}")
    return problems


def check_weekly_caps(catalog: Catalog, sessions: Sequence[Session]) -> list[str]:
    """No training week has an exercise in more sessions than its ``max_per_week``."""
    problems: list[str] = []
    weeks = itertools.groupby(sessions, key=lambda session: (session.block, session.week))
    for (block, week), group in weeks:
        counts = Counter(item.exercise.id for session in group for item in session.exercises)
        for exercise_id, count in sorted(counts.items()):
            cap = catalog.exercises[exercise_id].max_per_week
            if cap is not None and count > cap:
                where = f"block {block}, week {week}"
                problems.append(f"{where}: {exercise_id} in {count} sessions, past its max_per_week of {cap}")
    return problems


def check_barbell_hinges(catalog: Catalog, sessions: Sequence[Session]) -> list[str]:
    """No training week has more sessions with a barbell hinge (deadlift, barbell RDL) than
    ``barbell_hinge_days``: an upper-back plan keeps the lower back's heavy days few."""
    problems: list[str] = []
    limit = catalog.routines.barbell_hinge_days
    for (block, week), group in itertools.groupby(
        sessions, key=lambda session: (session.block, session.week)
    ):
        loaded = [s.number for s in group if any(heavy_hinge(item.exercise) for item in s.exercises)]
        if len(loaded) > limit:
            where = f"block {block}, week {week}"
            problems.append(f"{where}: a barbell hinge in sessions {loaded}, past barbell_hinge_days {limit}")
    return problems


def check_hinge_days(catalog: Catalog, sessions: Sequence[Session]) -> list[str]:
    """No two barbell hinges on back-to-back days, Sunday to the next Monday included, where the chat's
    days allow it (``trainingdays.apart``): sessions planned at the target fall on its days in order."""
    problems: list[str] = []
    if not sessions:
        return problems
    profile = sessions[0].profile
    days = sorted(profile.weekdays)
    allowed = len(apart(days, catalog.routines.barbell_hinge_days)) > 1
    loaded = [
        _day_of(session, days)
        for session in sessions
        if any(heavy_hinge(item.exercise) for item in session.exercises)
    ]
    for before, after in itertools.pairwise(loaded):
        if allowed and after - before == 1:
            problems.append(f"barbell hinges on back-to-back days {before} and {after} from the first Monday")
    return problems


def check_week_kinds(catalog: Catalog, sessions: Sequence[Session]) -> list[str]:
    """Where the level's days take turns and the weekly target can hold them all, every full training
    week outside a deload has each kind of day: the heavy day comes round every week."""
    problems: list[str] = []
    kinds = {day.name for day in catalog.routines.level(sessions[0].profile.level).day} if sessions else set()
    for (block, week), group in itertools.groupby(sessions, key=lambda s: (s.block, s.week)):
        days = list(group)
        full = len(kinds) > 1 and len(days) == days[0].profile.per_week >= len(kinds) and not days[0].deload
        if full and (missing := kinds - {session.day for session in days}):
            problems.append(f"block {block}, week {week}: no {', '.join(sorted(missing))}")
    return problems


def _day_of(session: Session, days: Sequence[int]) -> int:
    """The day, counted from the plan's first Monday, a session planned at the weekly target falls on."""
    week, place = divmod(session.number - 1, len(days))
    return 7 * week + days[place]


def check_weekly_pull_ups(catalog: Catalog, sessions: Sequence[Session]) -> list[str]:
    """An intermediate or advanced chat that can do strict pull-ups (``goes_first``: pull-ups, chin-ups,
    weighted) has them in every training week, whatever the block's main vertical pull."""
    problems: list[str] = []
    for (block, week), group in itertools.groupby(
        sessions, key=lambda session: (session.block, session.week)
    ):
        days = list(group)
        profile = days[0].profile
        if profile.level == Level.BEGINNER or not any(
            exercise.goes_first and available(exercise, profile, days[0].number)
            for exercise in catalog.exercises.values()
        ):
            continue
        if not any(item.exercise.goes_first for session in days for item in session.exercises):
            problems.append(f"block {block}, week {week}: no pull-up, chin-up or weighted pull-up all week")
    return problems


def check_every_week(catalog: Catalog, blocks: int = WALKED_BLOCKS) -> list[str]:
    """The vertical pull, the week's strict pull-ups and barbell hinges, for every level, place and kit
    at every weekly target from 1 to 7, block by block: the weeks a weekly target lines the advanced days
    up in differ, and the main lifts change every block."""
    problems: list[str] = []
    for per_week in range(1, MAX_PER_WEEK + 1):
        for profile in profiles(catalog, per_week):
            count = blocks * catalog.routines.level(profile.level).block_weeks * per_week
            planned = [plan_session(catalog, profile, number) for number in range(1, count + 1)]
            problems += [
                f"{describe(profile)}, session {session.number}: {problem}"
                for session in planned
                if (problem := _vertical_pull_place(catalog, session))
            ]
            problems += [f"{describe(profile)}: {p}" for p in check_barbell_hinges(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_hinge_days(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_week_kinds(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_weekly_pull_ups(catalog, planned)]
    return problems


def check_progression(first: Sequence[Session], second: Sequence[Session]) -> list[str]:
    """Between two blocks, each main lift changes its variation or grip (where there is another)."""
    before = {(i.exercise.id, i.grip) for s in first for i in s.exercises if i.tier == "main"}
    after = {(i.exercise.id, i.grip) for s in second for i in s.exercises if i.tier == "main"}
    # Identical mains are fine only when none could have changed: one option with one grip each.
    flexible = any(len(i.exercise.grips) > 1 for s in first for i in s.exercises if i.tier == "main")
    if before and before == after and flexible:
        return [f"block {second[0].block}: the same main lifts and grips as block {first[0].block}"]
    return []


def profiles(catalog: Catalog, per_week: int) -> Iterator[Profile]:
    """Every chat the bot can meet: each level at the gym, and at home with every combination of kit."""
    home = catalog.kit.home
    for level in Level:
        yield Profile(level, Equipment.GYM, catalog.kit_for(Equipment.GYM, frozenset()), per_week)
        for size in range(len(home) + 1):
            for owned in itertools.combinations(home, size):
                yield Profile(level, Equipment.HOME, frozenset(owned), per_week)


def describe(profile: Profile) -> str:
    if profile.equipment == Equipment.GYM:
        place = "gym"
    else:
        place = f"home with {', '.join(sorted(profile.kit)) or 'nothing'}"
    return f"{profile.level}, {place}, {profile.per_week}×/week"


def check_catalog(catalog: Catalog, sessions: int = CHECKED_SESSIONS) -> list[str]:
    problems: list[str] = []
    for level in Level:
        plan = catalog.routines.level(level)
        if unoffered := sorted(set(plan.days_a_week) - set(CHOICES)):
            problems.append(f"{level}: days_a_week {unoffered} is not among the counts onboarding offers")
        if level == Level.ADVANCED:
            if len({(day.main.reps.low, day.main.reps.high) for day in plan.day}) < 2:
                problems.append("advanced: day types must differ in reps (heavy, moderate, volume)")
            if not any(day.drop_set for day in plan.day) or not any(day.superset for day in plan.day):
                problems.append("advanced: some day needs a drop set and some day a superset")
    for per_week in CHECKED_PER_WEEK:
        for profile in profiles(catalog, per_week):
            planned = [plan_session(catalog, profile, number) for number in range(1, sessions + 1)]
            for session in planned:
                problems += [
                    f"{describe(profile)}, session {session.number}: {problem}"
                    for problem in check_session(catalog, session)
                ]
            problems += [f"{describe(profile)}: {problem}" for problem in check_weekly_caps(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_barbell_hinges(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_hinge_days(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_week_kinds(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_weekly_pull_ups(catalog, planned)]
            blocks = [list(group) for _, group in itertools.groupby(planned, key=lambda s: s.block)]
            complete = blocks if len(blocks[-1]) == len(blocks[0]) else blocks[:-1]
            for block in complete:
                found = check_block(catalog, block)
                if per_week not in COVERAGE_PER_WEEK:
                    found = [problem for problem in found if "never does" not in problem]
                problems += [f"{describe(profile)}: {problem}" for problem in found]
            for before, after in itertools.pairwise(complete):
                problems += [
                    f"{describe(profile)}: {problem}" for problem in check_progression(before, after)
                ]
            if len(problems) >= 5:
                return problems
    return problems + _more_per_week_caps(catalog)


def _more_per_week_caps(catalog: Catalog) -> list[str]:
    """The weekly caps and the week's barbell hinges at every weekly target past the fully checked ones,
    for the chats that can get a capped lift (and so a barbell) at all: two blocks each, so a week that
    lines the advanced days up anew is met. ``check_every_week`` walks every chat further."""
    capped = [exercise for exercise in catalog.exercises.values() if exercise.max_per_week is not None]
    problems: list[str] = []
    for per_week in range(max(CHECKED_PER_WEEK) + 1, MAX_PER_WEEK + 1):
        for profile in profiles(catalog, per_week):
            if not any(available(exercise, profile, CHECKED_SESSIONS) for exercise in capped):
                continue
            count = 2 * catalog.routines.level(profile.level).block_weeks * per_week
            planned = [plan_session(catalog, profile, number) for number in range(1, count + 1)]
            problems += [f"{describe(profile)}: {problem}" for problem in check_weekly_caps(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_barbell_hinges(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_hinge_days(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_week_kinds(catalog, planned)]
            problems += [f"{describe(profile)}: {p}" for p in check_weekly_pull_ups(catalog, planned)]
    return problems


@functools.cache
def shipped() -> Catalog:
    return load_checked()


def load_checked(directory: Path | None = None) -> Catalog:
    """The catalog, refused with the first problems named when any session would break a rule."""
    catalog = Catalog.load(directory)
    problems = check_catalog(catalog)
    if problems:
        raise ContentError("\n".join(f"routines.toml: {problem}" for problem in problems[:5]))
    return catalog
