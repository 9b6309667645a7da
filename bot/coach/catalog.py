"""What sessions are built from: ``exercises.toml``, ``routines.toml`` and ``ladders.toml`` as typed, checked
models.

Loading checks each file on its own terms (ids, grips that fit the implement, prescriptions a level
allows); ``bot.coach.rules`` then plans every session a chat could get and checks it, so a content
edit that breaks a coaching rule stops start-up instead of reaching a trainee.
"""

from __future__ import annotations

import itertools
import string
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from bot.coach import cues
from bot.coach.agecontent import OLDER_FILE, OlderFile, OlderWarmup
from bot.coach.content import CONTENT_DIR, Strict, load
from bot.coach.knowledge import TopicId
from bot.coach.model import Equipment, Level

EXERCISES_FILE = "exercises.toml"
ROUTINES_FILE = "routines.toml"
LADDERS_FILE = "ladders.toml"
Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=40)]
Text = Annotated[str, Field(min_length=1, max_length=200)]
Pattern = Literal["vertical-pull", "horizontal-pull", "hinge", "rear-delt", "scapular", "other"]
# The movements an upper-back session is built on: a session cut short keeps one lift of each it has.
MAIN_PATTERNS: tuple[Pattern, ...] = ("hinge", "vertical-pull", "horizontal-pull")
Kind = Literal["load", "bodyweight", "hold"]
Implement = Literal[
    "straight-bar", "v-handle", "handles", "dumbbells", "dumbbell", "rope", "towel", "band", "edge", "none"
]
ArticleExercise = Literal["deadlift", "bent-over-row", "lat-pulldown", "face-pull", "pull-up", "inverted-row"]
ARTICLE_EXERCISES: tuple[str, ...] = typing.get_args(ArticleExercise)
Tier = Literal["main", "secondary", "accessory"]
TIERS: tuple[Tier, ...] = ("main", "secondary", "accessory")


class Kit(Strict):
    gym: tuple[Id, ...]
    home: tuple[Id, ...]
    labels: dict[Id, Annotated[str, Field(min_length=1, max_length=60)]]

    @model_validator(mode="after")
    def _labelled(self) -> Kit:
        missing = [name for name in (*self.gym, *self.home) if name not in self.labels]
        if missing:
            raise ValueError(f"kit.labels: give {', '.join(missing)} a label")
        return self


class Grip(Strict):
    text: Text
    fits: tuple[Implement, ...] = Field(min_length=1)


class Exercise(Strict):
    id: Id
    name: Annotated[str, Field(min_length=1, max_length=60)]
    short: Annotated[str, Field(min_length=1, max_length=40)]
    cue: Text
    # The cue for a chat that has a kit item the cue leaves out (a band pulldown's anchor on a pull-up bar):
    # ``cue`` itself fits every kit the move is planned for (``cues``, checked at start-up).
    # (A table in the file, kept as pairs: an exercise is hashed, and a dict is not.)
    cue_with: tuple[tuple[Id, Text], ...] = ()
    # The card a question about it opens: "what's a floor slide?" gets the cue with this topic's button.
    topic: TopicId
    needs: frozenset[Id]
    # And any one of these (a weighted pull-up's load: a backpack or belt, or a dumbbell between the feet).
    needs_one_of: frozenset[Id] = frozenset()
    implements: tuple[Implement, ...] = Field(min_length=1)
    grips: tuple[Id, ...] = Field(min_length=1)
    pattern: Pattern
    multi_joint: bool
    kind: Kind
    article: ArticleExercise | None = None
    # The movement it is a version of where it has no article (the gym's rear-delt fly and the home one): a
    # pain told of one version keeps the others out too, as one of an article's does (``cautions.versions``).
    movement: Id | None = None
    lower_back: bool = False
    # Done bent over at the hips, unsupported (a bent-over row, a bent-over rear-delt fly): it loads the
    # lower back in a hinge, so a pain told on a hinge or in the lower back leaves it out too (``cautions``).
    bent_over: bool = False
    # Done face down with the chest lifted off the floor (a prone cobra): the lower back's muscles hold the
    # arch, so it goes with the bent-over moves when a hinge or the lower back hurts.
    back_extension: bool = False
    # Done hanging from a bar, of a pattern other than a vertical pull (a scapular pull-up): a shoulder told
    # of on an overhead pull keeps it out with them (``cautions.kept_out``). A cue that hangs says so.
    hangs: bool = False
    # Pulled down from overhead, of a pattern other than a vertical pull (the straight-arm pulldown, which
    # starts with the arms overhead under load): kept out with the overhead pulls too. Its cue says so.
    from_overhead: bool = False
    barbell: bool = False
    min_level: Level = Level.BEGINNER
    max_level: Level = Level.ADVANCED
    # The highest level it is prescribed at in a gym (a no-equipment drill is a beginner's gym work).
    gym_max_level: Level = Level.ADVANCED
    # At a gym past its gym_max_level, the move a slot gives in its place, at its place in the rotation
    # (inverted rows: a chest-supported row), so no session of a trained lifter's gym plan is a home move.
    gym_version: Id | None = None
    places: frozenset[Equipment] = frozenset(Equipment)
    per_side: bool = False
    max_reps: int | None = Field(default=None, ge=3, le=30)
    min_reps: int | None = Field(default=None, ge=1, le=30)
    # The most sessions of a training week it may be in (heavy pulls from the floor: twice); a later
    # session of the week takes the slot's next option in its place.
    max_per_week: int | None = Field(default=None, ge=1, le=6)
    aliases: tuple[Annotated[str, Field(min_length=1, max_length=60)], ...] = ()
    # The lift its topic's card is all about: asked about by name, it gets the card, which says more.
    subject: bool = False
    # Helped by a counterweight (an assisted pull-up machine): a load typed with it is help, never lifted.
    counterweight: bool = False
    # Its load is added to bodyweight (a weighted pull-up's dumbbell): what was lifted is the body and
    # that load, so the load alone gives no one-rep max; records and /progress show the load and reps.
    added_load: bool = False
    # Loaded at home with a backpack or a dumbbell in each hand: the load asked for is the backpack's, or
    # each dumbbell's when two were used (so /log's "each arm" reads it too), with an example a backpack
    # might weigh, not a barbell's.
    backpack: bool = False
    # As hard as a ladder's rung (a chin-up ranks as a pull-up): never a lower rung's secondary lift.
    ranks_as: Id | None = None
    # The hardest pull of its pattern (a strict, chin- or weighted pull-up): a session has it before the
    # pattern's other moves, whatever its slot, so a pulldown never tires the lats for it (``sessionorder``).
    goes_first: bool = False
    # The kinds of day it is given on ("heavy day") where a level's days take turns; empty: any day. A
    # Pendlay row is a heavy day's: a volume day's rotation passes it by, not capped at a heavy range.
    days: tuple[Annotated[str, Field(min_length=1)], ...] = ()

    @field_validator("cue_with", mode="before")
    @classmethod
    def _pairs(cls, value: Any) -> Any:
        return tuple(value.items()) if isinstance(value, dict) else value

    def cue_for(self, kit: frozenset[str]) -> str:
        """The cue a chat with ``kit`` reads: the one for a kit item it has (``cue_with``), else ``cue``."""
        return next((cue for item, cue in self.cue_with if item in kit), self.cue)

    def fits_kit(self, kit: frozenset[str]) -> bool:
        return self.needs <= kit and (not self.needs_one_of or bool(self.needs_one_of & kit))

    @property
    def estimable(self) -> bool:
        """Whether a logged set's load is what was lifted, so it has an estimated one-rep max."""
        return not self.added_load and not self.counterweight

    @property
    def works_lower_back(self) -> bool:
        """Whether the lower back's muscles hold the trainee up in it, bent over at the hips or arched face
        down: a pain told on a hinge or in the lower back leaves it out with the hinge (``cautions``)."""
        return self.bent_over or self.back_extension


class ExercisesFile(Strict):
    kit: Kit
    grips: dict[Id, Grip]
    exercise: list[Exercise] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ExercisesFile:
        known_kit = set(self.kit.gym) | set(self.kit.home)
        movements = Counter(exercise.movement for exercise in self.exercise if exercise.movement)
        if alone := [movement for movement, count in movements.items() if count < 2]:
            raise ValueError(f"movement: {', '.join(alone)} names one exercise only; a movement has versions")
        seen: set[str] = set()
        subjects: dict[str, str] = {}
        for index, exercise in enumerate(self.exercise, start=1):
            where = f"exercise[{index}] {exercise.id!r}"
            if exercise.id in seen:
                raise ValueError(f"{where}: defined twice")
            seen.add(exercise.id)
            kit_cued = {item for item, _ in exercise.cue_with}
            unknown = sorted((exercise.needs | exercise.needs_one_of | kit_cued) - known_kit)
            if unknown:
                raise ValueError(f"{where}.needs: {', '.join(unknown)} is not in [kit]")
            for grip in exercise.grips:
                if grip not in self.grips:
                    raise ValueError(f"{where}.grips: {grip!r} is not in [grips]")
                if not set(self.grips[grip].fits) & set(exercise.implements):
                    raise ValueError(
                        f"{where}.grips: {grip!r} does not fit {', '.join(exercise.implements)} "
                        f"(it fits {', '.join(self.grips[grip].fits)})"
                    )
            if exercise.min_reps and exercise.max_reps and exercise.min_reps > exercise.max_reps:
                raise ValueError(f"{where}: min_reps is above max_reps")
            if list(Level).index(exercise.min_level) > list(Level).index(exercise.max_level):
                raise ValueError(f"{where}: min_level is above max_level")
            if exercise.kind == "hold" and exercise.per_side:
                raise ValueError(f"{where}: a hold is timed, not counted per side")
            if exercise.counterweight and exercise.kind != "bodyweight":
                raise ValueError(f"{where}.counterweight: only a bodyweight move is helped by one")
            if exercise.added_load and exercise.kind != "load":
                raise ValueError(f"{where}.added_load: only a move with a load logged adds it to bodyweight")
            if exercise.backpack and (exercise.kind != "load" or "dumbbells" in exercise.needs):
                raise ValueError(f"{where}.backpack: only a home move loaded without dumbbells of its own")
            if exercise.bent_over and exercise.pattern == "hinge":
                raise ValueError(f"{where}.bent_over: a hinge is left out as the hinge it is")
            if said := cues.problem(exercise):
                # The cue is what the trainee reads: held to the catalog's facts and the kit (``cues``).
                raise ValueError(f"{where}.{said}")
            if exercise.movement is not None and exercise.article is not None:
                raise ValueError(f"{where}.movement: its article is the movement its versions share")
            if exercise.gym_version is not None and exercise.gym_version not in {e.id for e in self.exercise}:
                raise ValueError(f"{where}.gym_version: no exercise {exercise.gym_version!r}")
            if exercise.ranks_as is not None and exercise.ranks_as not in {e.id for e in self.exercise}:
                raise ValueError(f"{where}.ranks_as: no exercise {exercise.ranks_as!r}")
            if exercise.subject:
                # The card answers for one lift; a second would silently lose its cue to the first's card.
                other = subjects.setdefault(exercise.topic, exercise.id)
                if other != exercise.id:
                    raise ValueError(
                        f"{where}.subject: {other!r} is already the {exercise.topic!r} card's lift"
                    )
        return self

    @classmethod
    def load(cls, directory: Path | None = None) -> ExercisesFile:
        return load((CONTENT_DIR if directory is None else directory) / EXERCISES_FILE, cls)


class Range(Strict):
    """Two whole numbers, low to high: ``[8, 12]`` in the file."""

    low: int = Field(ge=1, le=600)
    high: int = Field(ge=1, le=600)

    @model_validator(mode="before")
    @classmethod
    def _from_pair(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            if len(value) != 2:
                raise ValueError("write it as [low, high]")
            return {"low": value[0], "high": value[1]}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.high < self.low:
            raise ValueError(f"[{self.low}, {self.high}] must go from low to high")
        return self


class Light(Strict):
    """A day's reps and rest for a move that can't be loaded heavy (one with ``min_reps``: a cable, a
    machine, a band): its own range, so the heavy day's raised 6–8 is not also the moderate day's, and its
    own rest, since a day's long rests are for its heavy sets."""

    reps: Range
    rest: Range


class Prescription(Strict):
    sets: int = Field(ge=1, le=10)
    reps: Range
    rest: Range
    rir: int = Field(ge=0, le=5)
    hold_s: Range | None = None
    light: Light | None = None


class Override(Strict):
    sets: int | None = Field(default=None, ge=1, le=10)
    options: tuple[Id, ...] = ()
    """The slot's options at this level, in place of its own (none: the slot's)."""
    reps: Range | None = None
    rest: Range | None = None


class Day(Strict):
    name: str = ""
    note: str = ""
    main: Prescription
    secondary: Prescription
    accessory: Prescription
    drop_set: bool = False
    superset: bool = False


class DeloadWeek(Strict):
    """A deload week's sessions are the days they fall on, made easy (``planner``): each day's own lifts at
    the bottom of its own range (a heavy day's 3–5: 3), half its sets, and this many reps in reserve; the
    load is ``bot.coach.deload``'s. Never more reps than the day asks: a heavy lift's 2×8 in place of its
    3–5 is about 70 % of a one-rep max for twice the reps, no rest."""

    rir: int = Field(ge=3, le=5)


class Increase(Strict):
    """How much load a lift gains once every set reaches the top of its range, in percent of the last
    load (rounded down to the chat's step, at least one step): ACSM's 2–10 %, a level's share of it."""

    upper_pct: float = Field(gt=0, le=10)
    lower_pct: float = Field(gt=0, le=10)

    @model_validator(mode="after")
    def _lower_moves_more(self) -> Increase:
        if self.lower_pct < self.upper_pct:
            raise ValueError("lower_pct: the deadlift and other lower-body lifts move at least as much load")
        return self


class LevelPlan(Strict):
    title: Annotated[str, Field(min_length=1, max_length=60)]
    note: Annotated[str, Field(min_length=1, max_length=400)]
    block_weeks: int = Field(ge=4, le=6)
    days_a_week: tuple[Annotated[int, Field(ge=1, le=7)], ...] = Field(min_length=1, max_length=3)
    """The sessions a week the level is advised; onboarding marks them on its days question."""
    increase: Increase
    day: list[Day] = Field(min_length=1, max_length=4)
    deload: DeloadWeek | None = None
    deload_note: str = ""


class Slot(Strict):
    tier: Tier
    options: tuple[Id, ...] = Field(min_length=1)
    fallback: tuple[Id, ...] = ()
    override: dict[Level, Override] = Field(default_factory=dict)


class Warmup(Strict):
    minutes: int = Field(ge=3, le=20)
    # A session cut to a time budget keeps one drill, the hinge drill and the ramp-up sets, no cardio.
    short_minutes: int = Field(default=3, ge=1, le=10)
    drills_per_session: int = Field(ge=1, le=6)
    hinge_drill: Text
    ramp_up_load: Text
    ramp_up_bodyweight: Text
    cardio_gym: tuple[Text, ...] = Field(min_length=1)
    cardio_home: tuple[Text, ...] = Field(min_length=1)
    drills: tuple[Text, ...] = Field(min_length=1)
    # A trainee of 60+ (older.toml): the cardio and drills in place of the lists above, none jumping.
    older: OlderWarmup | None = None


class Techniques(Strict):
    drop_set: Annotated[str, Field(min_length=1, max_length=300)]
    superset: Annotated[str, Field(min_length=1, max_length=300)]


# Every wording the trainee sees around the exercises, with the {placeholders} each must use.
LABEL_PLACEHOLDERS: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "place"),
    "title_with_day": ("title", "place", "day"),
    "header": ("number", "block", "week", "minutes"),
    "deload_header": ("number", "block", "minutes"),
    "warmup_heading": (),
    "warmup_item": ("item",),
    "exercise_heading": ("number", "name"),
    "logged": ("heading", "sets"),
    "prescription": ("sets", "reps", "effort", "rest"),
    "reps": ("low", "high"),
    "reps_exact": ("low",),
    "reps_per_side": ("low", "high"),
    "hold": ("low", "high"),
    "hold_effort": (),
    "effort": ("rir",),
    "rest": ("rest",),
    "no_rest": (),
    "grip": ("grip",),
    "drop_set": (),
    "superset": ("partner",),
    "unusual_grip": ("grip", "exercise"),
    "preview": ("exercises", "minutes"),
    "weekly_cap": ("lift", "cap", "instead"),
    "hinge_days": ("lift", "cap", "instead"),
    "new_block": ("changes",),
    "block_swap": ("before", "now"),
    "block_swap_days": ("before", "now", "days"),
}
_FORMATTER = string.Formatter()


class Labels(Strict):
    title: str
    title_with_day: str
    header: str
    deload_header: str
    warmup_heading: str
    warmup_item: str
    exercise_heading: str
    logged: str
    prescription: str
    reps: str
    reps_exact: str
    reps_per_side: str
    hold: str
    hold_effort: str
    effort: str
    rest: str
    no_rest: str
    grip: str
    drop_set: str
    superset: str
    unusual_grip: str
    preview: str
    weekly_cap: str
    hinge_days: str
    new_block: str
    block_swap: str
    block_swap_days: str

    @field_validator("*")
    @classmethod
    def _placeholders(cls, template: str, info: ValidationInfo) -> str:
        key = info.field_name or ""
        allowed = LABEL_PLACEHOLDERS[key]
        try:
            used = {name for _, name, _, _ in _FORMATTER.parse(template) if name is not None}
        except ValueError:
            raise ValueError("an unmatched '{' or '}'; a literal brace is written {{ or }}") from None
        expected = ", ".join(f"{{{name}}}" for name in allowed) or "no placeholders"
        if used - set(allowed):
            raise ValueError(f"uses {', '.join(sorted(used - set(allowed)))}; it can use {expected}")
        if set(allowed) - used:
            raise ValueError(f"must include {expected}")
        return template


class RoutinesFile(Strict):
    warmup: Warmup
    slot: list[Slot] = Field(min_length=3, max_length=6)
    barbell_hinge_days: int = Field(ge=1, le=7)
    beginner: LevelPlan
    intermediate: LevelPlan
    advanced: LevelPlan
    techniques: Techniques
    labels: Labels

    @model_validator(mode="after")
    def _slots(self, info: ValidationInfo) -> RoutinesFile:
        exercises: Mapping[str, Exercise] = (info.context or {}).get("exercises", {})
        tiers = [slot.tier for slot in self.slot]
        if tiers != sorted(tiers, key=TIERS.index):
            raise ValueError("slot: put main slots first, then secondary, then accessory")
        for index, slot in enumerate(self.slot, start=1):
            levels = [override.options for override in slot.override.values()]
            for exercise_id in (*slot.options, *slot.fallback, *itertools.chain(*levels)):
                exercise = exercises.get(exercise_id)
                if exercise is None:
                    raise ValueError(
                        f"slot[{index}]: unknown exercise {exercise_id!r} (not in {EXERCISES_FILE})"
                    )
                if exercise.multi_joint != (slot.tier != "accessory"):
                    kind = "a multi-joint lift" if exercise.multi_joint else "a single-joint accessory"
                    raise ValueError(
                        f"slot[{index}]: {exercise_id!r} is {kind}; it can't fill a {slot.tier} slot"
                    )
        for level in Level:
            plan = self.level(level)
            if level != Level.BEGINNER and plan.deload is None:
                raise ValueError(f"{level}: add a [{level}.deload] week; it ends every block")
        named = {day.name for level in Level for day in self.level(level).day if day.name}
        for exercise in exercises.values():
            unknown = sorted(set(exercise.days) - named)
            if unknown:
                raise ValueError(
                    f"exercise {exercise.id!r}.days: {', '.join(unknown)} is no day of any level"
                    f" ({', '.join(sorted(named))})"
                )
        return self

    def level(self, level: Level) -> LevelPlan:
        plan: LevelPlan = getattr(self, level.value)
        return plan


class LadderEntry(Strict):
    id: Id
    rungs: Annotated[tuple[Id, ...], Field(min_length=2)]


class LaddersFile(Strict):
    """Bodyweight ladders, easiest rung first (``bot.coach.ladders`` turns them into progression)."""

    ladder: list[LadderEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self, info: ValidationInfo) -> LaddersFile:
        exercises: Mapping[str, Exercise] = (info.context or {}).get("exercises", {})
        for entry in self.ladder:
            unknown = [rung for rung in entry.rungs if rung not in exercises]
            if unknown:
                raise ValueError(f"ladder {entry.id!r}: no exercise {', '.join(unknown)} in exercises.toml")
            if len(set(entry.rungs)) != len(entry.rungs):
                raise ValueError(f"ladder {entry.id!r}: a rung appears twice")
            kinds = [exercises[rung].kind for rung in entry.rungs]
            if "hold" in kinds:
                raise ValueError(f"ladder {entry.id!r}: a timed hold cannot be a rung (rungs count reps)")
            loaded = [i for i, kind in enumerate(kinds) if kind == "load"]
            bodyweight = [i for i, kind in enumerate(kinds) if kind == "bodyweight"]
            if loaded and bodyweight and min(loaded) < max(bodyweight):
                raise ValueError(f"ladder {entry.id!r}: loaded rungs go above every bodyweight rung")
        return self


class Catalog:
    """The three files, loaded and cross-checked; what the planner, the rules and the CLI read."""

    def __init__(
        self,
        exercises: ExercisesFile,
        routines: RoutinesFile,
        ladders: Sequence[LadderEntry] = (),
        older: OlderFile | None = None,
    ) -> None:
        self.kit = exercises.kit
        self.grips = exercises.grips
        self.exercises: Mapping[str, Exercise] = {exercise.id: exercise for exercise in exercises.exercise}
        self.routines = routines
        self.labels = routines.labels
        self.ladders = tuple(ladders)
        # What a trainee of 60 or more gets instead (``bot.coach.agefit``); None: no adapting.
        self.older = older
        # Each rung's (ladder, place on it), and each move ranked as a rung at that rung's place.
        self._rungs = {rung: (entry.id, at) for entry in self.ladders for at, rung in enumerate(entry.rungs)}
        for exercise in self.exercises.values():
            if exercise.ranks_as in self._rungs and exercise.id not in self._rungs:
                self._rungs[exercise.id] = self._rungs[exercise.ranks_as]

    @classmethod
    def load(cls, directory: Path | None = None) -> Catalog:
        """Read and cross-check the files; ``bot.coach.rules.load_checked`` also checks every session."""
        directory = CONTENT_DIR if directory is None else directory
        exercises = ExercisesFile.load(directory)
        by_id = {"exercises": {exercise.id: exercise for exercise in exercises.exercise}}
        routines = load(directory / ROUTINES_FILE, RoutinesFile, context=by_id)
        ladders = load(directory / LADDERS_FILE, LaddersFile, context=by_id).ladder
        return cls(exercises, routines, ladders, load(directory / OLDER_FILE, OlderFile, context=by_id))

    def harder(self, exercise: str, than: str) -> bool:
        """Whether ``exercise`` is a higher rung than ``than`` on the same ladder (a strict pull-up than the
        assisted pull-up machine); moves on no ladder, or on different ones, are not compared."""
        mine, theirs = self._rungs.get(exercise), self._rungs.get(than)
        return mine is not None and theirs is not None and mine[0] == theirs[0] and mine[1] > theirs[1]

    def kit_for(self, equipment: Equipment, home_kit: frozenset[str]) -> frozenset[str]:
        """What the chat can use: the whole gym, or the home kit it ticked (nothing is a real answer)."""
        if equipment == Equipment.GYM:
            return frozenset(self.kit.gym)
        return home_kit & frozenset(self.kit.home)
