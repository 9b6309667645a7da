"""Today's upper-back session for a chat: the catalog in ``bot/content``, planning and rendering.

The catalog is data a coach edits (``exercises.toml`` and ``routines.toml``); loading checks it
thoroughly so a typo stops the bot at start-up with a message naming the spot, instead of
surfacing as an odd workout weeks later. Planning is a pure function of (chat id, session
number), so a session can be rebuilt any time without storing it.
"""

from __future__ import annotations

import functools
import html
import re
import string
import tomllib
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bot.coach.model import Equipment, Level

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
EXERCISES_FILE = "exercises.toml"
ROUTINES_FILE = "routines.toml"

MESSAGE_LIMIT = 4096
MIN_EXERCISES = 3
MAX_EXERCISES = 5

DROP_SET = "drop-set"
SUPERSET = "superset"
TECHNIQUES = (DROP_SET, SUPERSET)
# The rest of the first exercise of a superset: its partner follows at once.
NO_REST = "none"

# Rough clock for the duration estimate: one working set, and the warm-up as a whole.
_SECONDS_PER_SET = 45
_WARMUP_MINUTES = 10

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_REST = re.compile(r"(\d+)(?:\s*[–-]\s*(\d+))?\s*(s|sec|min)")

T = TypeVar("T")

# Every wording the trainee sees that isn't an exercise, routine or warm-up text: the [labels] table of
# routines.toml, with the {placeholders} each one must use (and may only use).
LABEL_PLACEHOLDERS: Mapping[str, tuple[str, ...]] = {
    "title_with_phase": ("title", "phase"),
    "superset_with": ("label", "partner"),
    "header": ("number",),
    "header_with_duration": ("number", "minutes"),
    "warmup_heading": (),
    "warmup_item": ("item",),
    "exercise_heading": ("number", "name"),
    "prescription": ("sets", "reps", "rest"),
    "rest": ("rest",),
    "no_rest": (),
    "grip": ("grip",),
    "grip_with_note": ("grip", "note"),
    "technique": ("technique",),
    "unusual_grip": ("grip", "exercise"),
    "preview": ("exercises",),
    "preview_with_duration": ("exercises", "minutes"),
}
_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    cue: str
    equipment: Equipment
    compound: bool
    short: str
    grips: tuple[str, ...]
    reps: str | None = None
    """Rep target that overrides the routine's, for moves counted differently (negatives, holds)."""


@dataclass(frozen=True)
class PrescribedExercise:
    exercise: Exercise
    sets: int
    reps: str
    rest: str
    grip: str
    technique: str | None
    grip_note: str = ""


@dataclass(frozen=True)
class Labels:
    """The [labels] templates of routines.toml; see LABEL_PLACEHOLDERS for what each may fill in."""

    title_with_phase: str
    superset_with: str
    header: str
    header_with_duration: str
    warmup_heading: str
    warmup_item: str
    exercise_heading: str
    prescription: str
    rest: str
    no_rest: str
    grip: str
    grip_with_note: str
    technique: str
    unusual_grip: str
    preview: str
    preview_with_duration: str


def _shipped_labels() -> Labels:
    return _load_shipped().labels


@dataclass(frozen=True)
class Session:
    level: Level
    equipment: Equipment
    number: int
    title: str
    warmup: tuple[str, ...]
    exercises: tuple[PrescribedExercise, ...]
    note: str
    minutes: int = 0
    """Estimated duration including the warm-up; 0 when unknown."""
    labels: Labels = field(default_factory=_shipped_labels, compare=False, repr=False)
    """The wording to render with: the planning catalog's, or the shipped one's if built by hand."""


@dataclass(frozen=True)
class Technique:
    id: str
    label: str
    how: str


@dataclass(frozen=True)
class Phase:
    name: str
    note: str


@dataclass(frozen=True)
class LevelPlan:
    note: str
    phases: tuple[Phase, ...]
    """At least one; a level without phases in the data gets a single unnamed one."""


@dataclass(frozen=True)
class Slot:
    """One position in a routine. Prescriptions hold one value per phase of the level."""

    exercises: tuple[str, ...]
    sets: tuple[int, ...]
    reps: tuple[str, ...]
    rest: tuple[str, ...]
    technique: tuple[str | None, ...]


@dataclass(frozen=True)
class Routine:
    level: Level
    equipment: Equipment
    title: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Warmup:
    cardio: Mapping[Equipment, tuple[str, ...]]
    drills: tuple[str, ...]
    drills_per_session: int
    ramp_up: str


@dataclass(frozen=True, eq=False)
class Catalog:
    grips: Mapping[str, str]
    exercises: Mapping[str, Exercise]
    techniques: Mapping[str, Technique]
    warmup: Warmup
    levels: Mapping[Level, LevelPlan]
    routines: Mapping[tuple[Level, Equipment], Routine]
    labels: Labels

    @classmethod
    def load(cls, directory: Path | None = None) -> Catalog:
        """Read and validate the content files; raise ValueError naming the file and entry at fault."""
        directory = CONTENT_DIR if directory is None else directory
        exercises_doc = _read_toml(directory / EXERCISES_FILE)
        routines_doc = _read_toml(directory / ROUTINES_FILE)
        grips, exercises = _parse_exercises(_Table(exercises_doc, EXERCISES_FILE))
        return _parse_routines(_Table(routines_doc, ROUTINES_FILE), grips, exercises)


@functools.cache
def _load_shipped() -> Catalog:
    return Catalog.load()


# ---------------------------------------------------------------------------------------------- loading


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ValueError(f"{path}: content file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path}: not valid TOML: {error}") from None


class _Table:
    """A TOML table that reports errors with its location and rejects keys nobody asked for."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ValueError(f"{where}: expected a table, got {_kind(data)}")
        self.data: dict[str, Any] = data
        self.where = where
        self._seen: set[str] = set()

    def fail(self, message: str) -> ValueError:
        return ValueError(f"{self.where}: {message}")

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str) -> Any:
        self._seen.add(key)
        if key not in self.data:
            raise self.fail(f"missing '{key}'")
        return self.data[key]

    def text(self, key: str, max_len: int) -> str:
        return _text(self.raw(key), f"{self.where}: '{key}'", max_len)

    def optional_text(self, key: str, max_len: int) -> str | None:
        return self.text(key, max_len) if self.has(key) else None

    def integer(self, key: str, low: int, high: int) -> int:
        return _integer(self.raw(key), f"{self.where}: '{key}'", low, high)

    def flag(self, key: str) -> bool:
        value = self.raw(key)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false, got {_kind(value)}")
        return value

    def texts(self, key: str, max_len: int, min_items: int = 1) -> tuple[str, ...]:
        value = self.raw(key)
        if not isinstance(value, list):
            raise self.fail(f"'{key}' must be a list of texts, got {_kind(value)}")
        if len(value) < min_items:
            raise self.fail(f"'{key}' needs at least {min_items} item(s), has {len(value)}")
        items = tuple(
            _text(item, f"{self.where}: '{key}' item {i + 1}", max_len) for i, item in enumerate(value)
        )
        duplicates = sorted({item for item in items if items.count(item) > 1})
        if duplicates:
            raise self.fail(f"'{key}' lists {', '.join(repr(d) for d in duplicates)} more than once")
        return items

    def table(self, key: str, where: str | None = None) -> _Table:
        return _Table(self.raw(key), where or f"{self.where}: [{key}]")

    def tables(self, key: str, label: str) -> list[_Table]:
        value = self.raw(key)
        if not isinstance(value, list) or not value:
            raise self.fail(f"needs one or more [[{key}]] entries")
        return [_Table(item, f"{self.where}: {label} {i + 1}") for i, item in enumerate(value)]

    def done(self) -> None:
        unknown = sorted(set(self.data) - self._seen)
        if unknown:
            raise self.fail(f"unknown key(s) {', '.join(repr(k) for k in unknown)}")


def _kind(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _text(value: Any, where: str, max_len: int) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where} must be a text, got {_kind(value)}")
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ValueError(f"{where} is empty")
    if len(cleaned) > max_len:
        raise ValueError(f"{where} is {len(cleaned)} characters long; keep it to {max_len}")
    return cleaned


def _integer(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where} must be a whole number, got {_kind(value)}")
    if not low <= value <= high:
        raise ValueError(f"{where} must be between {low} and {high}, got {value}")
    return value


def _identifier(value: str, where: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(f"{where}: id {value!r} may use only lowercase letters, digits and single dashes")
    return value


def _choice(value: str, options: Sequence[str], where: str) -> str:
    if value not in options:
        raise ValueError(f"{where}: {value!r} is not one of {', '.join(repr(o) for o in options)}")
    return value


def _rest(value: str, where: str) -> str:
    match = _REST.fullmatch(value)
    if match is None:
        raise ValueError(f"{where}: rest {value!r} should look like '90 s', '60–90 s', '2 min' or '3–5 min'")
    low, high, unit = match.group(1), match.group(2), match.group(3)
    unit = "min" if unit == "min" else "s"
    if high is not None and int(high) <= int(low):
        raise ValueError(f"{where}: rest {value!r} must go from the shorter to the longer time")
    return f"{low}–{high} {unit}" if high else f"{low} {unit}"


def _rest_seconds(rest: str) -> float:
    match = _REST.fullmatch(rest)
    if match is None:
        return 0.0
    low = int(match.group(1))
    high = int(match.group(2) or low)
    return (low + high) / 2 * (60 if match.group(3) == "min" else 1)


def _parse_exercises(doc: _Table) -> tuple[dict[str, str], dict[str, Exercise]]:
    grips_table = doc.table("grips")
    grips: dict[str, str] = {}
    for grip in grips_table.data:
        grips[_identifier(grip, grips_table.where)] = grips_table.text(grip, 100)
    if not grips:
        raise grips_table.fail("define at least one grip")
    grips_table.done()

    exercises: dict[str, Exercise] = {}
    for entry in doc.tables("exercise", "exercise"):
        exercise_id = _identifier(entry.text("id", 40), entry.where)
        entry.where = f"{EXERCISES_FILE}: exercise {exercise_id!r}"
        if exercise_id in exercises:
            raise entry.fail("defined twice")
        exercise_grips = entry.texts("grips", 20)
        for grip in exercise_grips:
            _choice(grip, list(grips), f"{entry.where}: grip")
        exercises[exercise_id] = Exercise(
            id=exercise_id,
            name=entry.text("name", 60),
            short=entry.text("short", 40),
            cue=entry.text("cue", 200),
            equipment=Equipment(
                _choice(
                    entry.text("equipment", 10), [e.value for e in Equipment], f"{entry.where}: equipment"
                )
            ),
            compound=entry.flag("compound"),
            grips=exercise_grips,
            reps=entry.optional_text("reps", 60),
        )
        entry.done()
    doc.done()
    return grips, exercises


def _parse_routines(doc: _Table, grips: dict[str, str], exercises: dict[str, Exercise]) -> Catalog:
    techniques_table = doc.table("techniques")
    techniques: dict[str, Technique] = {}
    for technique_id in TECHNIQUES:
        entry = techniques_table.table(technique_id, f"{ROUTINES_FILE}: [techniques.{technique_id}]")
        techniques[technique_id] = Technique(technique_id, entry.text("label", 40), entry.text("how", 300))
        entry.done()
    extra = sorted(set(techniques_table.data) - set(TECHNIQUES))
    if extra:
        raise techniques_table.fail(f"the bot only knows {', '.join(TECHNIQUES)}; remove {', '.join(extra)}")

    warmup_table = doc.table("warmup")
    drills_per_session = warmup_table.integer("drills_per_session", 1, 6)
    warmup = Warmup(
        cardio={equipment: warmup_table.texts(f"cardio_{equipment}", 120) for equipment in Equipment},
        drills=warmup_table.texts("drills", 120, min_items=drills_per_session),
        drills_per_session=drills_per_session,
        ramp_up=warmup_table.text("ramp_up", 120),
    )
    warmup_table.done()

    levels: dict[Level, LevelPlan] = {}
    routines: dict[tuple[Level, Equipment], Routine] = {}
    for level in Level:
        level_table = doc.table(level)
        if level_table.has("phase"):
            phases = tuple(
                Phase(entry.text("name", 40), entry.text("note", 300))
                for entry in _finished(level_table.tables("phase", "phase"))
            )
        else:
            phases = (Phase("", ""),)
        levels[level] = LevelPlan(level_table.text("note", 400), phases)
        for equipment in Equipment:
            routine_table = level_table.table(equipment, f"{ROUTINES_FILE}: [{level}.{equipment}]")
            routines[level, equipment] = _parse_routine(
                routine_table, level, equipment, len(phases), exercises
            )
            routine_table.done()
        level_table.done()
    labels = _parse_labels(doc.table("labels"))
    doc.done()
    return Catalog(grips, exercises, techniques, warmup, levels, routines, labels)


def _parse_labels(table: _Table) -> Labels:
    templates: dict[str, str] = {}
    for key, allowed in LABEL_PLACEHOLDERS.items():
        template = table.text(key, 120)
        try:
            parts = list(_FORMATTER.parse(template))
        except ValueError:
            raise table.fail(
                f"'{key}' has an unmatched '{{' or '}}'; placeholders look like {{name}}, "
                "and a literal brace is written {{ or }}"
            ) from None
        expected = ", ".join(f"{{{name}}}" for name in allowed) or "no placeholders"
        used: set[str] = set()
        for _, name, spec, conversion in parts:
            if name is None:
                continue
            if name not in allowed or spec or conversion:
                shown = (
                    "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                )
                raise table.fail(f"'{key}' uses {shown}; it can use {expected}")
            used.add(name)
        missing = [name for name in allowed if name not in used]
        if missing:
            raise table.fail(f"'{key}' must include {', '.join(f'{{{name}}}' for name in missing)}")
        templates[key] = template
    table.done()
    return Labels(**templates)


def _finished(tables: list[_Table]) -> Iterator[_Table]:
    """Yield each table, then check it for unknown keys once the caller has read it."""
    for table in tables:
        yield table
        table.done()


def _per_phase(table: _Table, key: str, phases: int, parse: Callable[[Any, str], T]) -> tuple[T, ...]:
    value = table.raw(key)
    if isinstance(value, list):
        if len(value) != phases:
            raise table.fail(f"'{key}' lists {len(value)} values but the level has {phases} phase(s)")
        return tuple(parse(item, f"{table.where}: '{key}' value {i + 1}") for i, item in enumerate(value))
    return (parse(value, f"{table.where}: '{key}'"),) * phases


def _parse_technique(value: Any, where: str) -> str | None:
    if value == "":
        return None
    return _choice(_text(value, where, 20), TECHNIQUES, where)


def _parse_routine(
    table: _Table, level: Level, equipment: Equipment, phases: int, exercises: dict[str, Exercise]
) -> Routine:
    slots: list[Slot] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(_finished(table.tables("slot", "slot")), start=1):
        ids = entry.texts("exercises", 40)
        for exercise_id in ids:
            if exercise_id not in exercises:
                raise entry.fail(f"unknown exercise {exercise_id!r} (not in {EXERCISES_FILE})")
            if exercises[exercise_id].equipment != equipment:
                raise entry.fail(
                    f"{exercise_id!r} is a {exercises[exercise_id].equipment} exercise, not {equipment}"
                )
            if exercise_id in seen:
                raise entry.fail(
                    f"{exercise_id!r} is already in slot {seen[exercise_id]}; a session can't repeat it"
                )
            seen[exercise_id] = index
        if len({exercises[exercise_id].compound for exercise_id in ids}) > 1:
            raise entry.fail("mixes compound lifts and accessories; give each its own slot")
        slots.append(
            Slot(
                exercises=ids,
                sets=_per_phase(entry, "sets", phases, lambda v, w: _integer(v, w, 1, 10)),
                reps=_per_phase(entry, "reps", phases, lambda v, w: _text(v, w, 60)),
                rest=_per_phase(entry, "rest", phases, lambda v, w: _rest(_text(v, w, 20), w)),
                technique=(
                    _per_phase(entry, "technique", phases, _parse_technique)
                    if entry.has("technique")
                    else (None,) * phases
                ),
            )
        )
    if not MIN_EXERCISES <= len(slots) <= MAX_EXERCISES:
        raise table.fail(f"needs {MIN_EXERCISES} to {MAX_EXERCISES} slots, has {len(slots)}")
    compound = [exercises[slot.exercises[0]].compound for slot in slots]
    if compound != sorted(compound, reverse=True):
        raise table.fail("put every compound-lift slot before the accessory slots")
    if all(len(slot.exercises) == 1 for slot in slots):
        raise table.fail("give at least one slot two or more exercises so consecutive sessions differ")
    for phase in range(phases):
        for index, slot in enumerate(slots):
            if slot.technique[phase] == SUPERSET:
                if index + 1 == len(slots):
                    raise table.fail(
                        f"slot {index + 1} is a superset but there is no next slot to pair it with"
                    )
                if slots[index + 1].technique[phase] is not None:
                    raise table.fail(
                        f"slot {index + 2} is paired in a superset and can't have its own technique"
                    )
        if level == Level.ADVANCED and all(slot.technique[phase] is None for slot in slots):
            raise table.fail(
                f"advanced sessions need a drop set or superset in every phase (phase {phase + 1})"
            )
    return Routine(level, equipment, table.text("title", 80), tuple(slots))


# ---------------------------------------------------------------------------------------------- planning


def _spread(chat_id: int, salt: str) -> int:
    """A stable per-chat offset, so chats start at different points of each rotation.

    ``hash()`` is salted per process for strings; crc32 gives the same answer on every replica.
    """
    return zlib.crc32(f"{chat_id}:{salt}".encode())


def _rotate(items: Sequence[T], start: int, count: int) -> tuple[T, ...]:
    return tuple(items[(start + i) % len(items)] for i in range(count))


def plan_session(
    catalog: Catalog, level: Level, equipment: Equipment, session_number: int, chat_id: int
) -> Session:
    """Build the chat's session number ``session_number`` (counted from 1).

    Every slot walks through its exercises one session at a time, and an exercise moves to its
    next grip each time it comes round again, so sessions n and n + 1 always differ (the catalog
    guarantees a slot with two or more exercises).
    """
    if session_number < 1:
        raise ValueError(f"session numbers start at 1, got {session_number}")
    routine = catalog.routines[level, equipment]
    plan = catalog.levels[level]
    phase_index = (session_number - 1) % len(plan.phases)
    phase = plan.phases[phase_index]

    picks: list[tuple[Exercise, str]] = []
    for index, slot in enumerate(routine.slots):
        turn = session_number + _spread(chat_id, f"{level}/{equipment}/{index}")
        exercise = catalog.exercises[slot.exercises[turn % len(slot.exercises)]]
        laps = turn // len(slot.exercises)
        grip = exercise.grips[(laps + _spread(chat_id, exercise.id)) % len(exercise.grips)]
        picks.append((exercise, grip))

    labels = catalog.labels
    superset_label = catalog.techniques[SUPERSET].label
    prescribed: list[PrescribedExercise] = []
    used: list[Technique] = []
    for index, (slot, (exercise, grip)) in enumerate(zip(routine.slots, picks, strict=True)):
        rest = slot.rest[phase_index]
        technique_id = slot.technique[phase_index]
        technique: str | None = None
        if technique_id == SUPERSET:
            partner = picks[index + 1][0]
            technique = labels.superset_with.format(label=superset_label, partner=partner.short)
            rest = NO_REST
        elif technique_id is not None:
            technique = catalog.techniques[technique_id].label
        elif index > 0 and routine.slots[index - 1].technique[phase_index] == SUPERSET:
            technique = labels.superset_with.format(label=superset_label, partner=picks[index - 1][0].short)
        if technique_id is not None and catalog.techniques[technique_id] not in used:
            used.append(catalog.techniques[technique_id])
        prescribed.append(
            PrescribedExercise(
                exercise=exercise,
                sets=slot.sets[phase_index],
                reps=exercise.reps or slot.reps[phase_index],
                rest=rest,
                grip=grip,
                technique=technique,
                grip_note=catalog.grips[grip],
            )
        )

    warmup = catalog.warmup
    cardio = warmup.cardio[equipment]
    warmup_items = (
        cardio[(session_number + _spread(chat_id, "cardio")) % len(cardio)],
        *_rotate(
            warmup.drills,
            session_number * warmup.drills_per_session + _spread(chat_id, "drills"),
            warmup.drills_per_session,
        ),
        warmup.ramp_up,
    )
    notes = [plan.note, phase.note, *(technique.how for technique in used)]
    return Session(
        level=level,
        equipment=equipment,
        number=session_number,
        title=labels.title_with_phase.format(title=routine.title, phase=phase.name)
        if phase.name
        else routine.title,
        warmup=warmup_items,
        exercises=tuple(prescribed),
        note="\n".join(note for note in notes if note),
        minutes=_estimate_minutes(prescribed),
        labels=labels,
    )


def _estimate_minutes(exercises: Sequence[PrescribedExercise]) -> int:
    seconds = 0.0
    for item in exercises:
        seconds += item.sets * (_SECONDS_PER_SET + _rest_seconds(item.rest))
    # Rounded to 5 minutes: the figure is a promise about the evening, not a stopwatch.
    return max(5, round((_WARMUP_MINUTES + seconds / 60) / 5) * 5)


# ---------------------------------------------------------------------------------------------- rendering


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _fill(template: str, **fragments: str) -> str:
    """Fill a validated [labels] template: its own words are escaped, the fragments are already HTML."""
    return "".join(
        literal + (fragments[name] if name is not None else "") for literal, name in _template(template)
    )


@functools.lru_cache(maxsize=256)
def _template(template: str) -> tuple[tuple[str, str | None], ...]:
    # A few dozen templates fill every session: parse and escape each once (a tenth of /workout's CPU).
    return tuple((_e(literal), name) for literal, name, _, _ in _FORMATTER.parse(template))


def render_session(session: Session) -> str:
    """Telegram HTML (only <b> and <i>), every data text escaped, at most 4096 characters."""
    labels = session.labels
    minutes = str(session.minutes)
    header = (
        _fill(labels.header_with_duration, number=str(session.number), minutes=minutes)
        if session.minutes
        else _fill(labels.header, number=str(session.number))
    )
    lines = [f"<b>{_e(session.title)}</b>", f"<i>{header}</i>", "", f"<b>{_fill(labels.warmup_heading)}</b>"]
    lines += [_fill(labels.warmup_item, item=_e(item)) for item in session.warmup]
    for number, item in enumerate(session.exercises, start=1):
        rest = _fill(labels.no_rest) if item.rest == NO_REST else _fill(labels.rest, rest=_e(item.rest))
        grip = (
            _fill(labels.grip_with_note, grip=_e(item.grip), note=_e(item.grip_note))
            if item.grip_note
            else _fill(labels.grip, grip=_e(item.grip))
        )
        lines += [
            "",
            f"<b>{_fill(labels.exercise_heading, number=str(number), name=_e(item.exercise.name))}</b>",
            _fill(labels.prescription, sets=str(item.sets), reps=_e(item.reps), rest=rest),
            grip,
        ]
        if item.technique:
            technique = _e(item.technique[:1].upper() + item.technique[1:])
            lines.append(_fill(labels.technique, technique=f"<b>{technique}</b>"))
        lines.append(f"<i>{_e(item.exercise.cue)}</i>")
    if session.note:
        lines.append("")
        lines += [f"<i>{_e(line)}</i>" for line in session.note.splitlines() if line.strip()]
    # Every line is balanced on its own, so dropping whole lines from the end keeps the HTML valid.
    while len("\n".join(lines)) > MESSAGE_LIMIT:
        lines.pop()
    return "\n".join(lines)


def render_preview(session: Session) -> str:
    """One line naming today's exercises, HTML-escaped so it can sit inside an HTML message."""
    labels = session.labels
    names = []
    for item in session.exercises:
        # Only an unusual grip is worth the words; the usual one is listed first in the catalog.
        usual = not item.exercise.grips or item.grip == item.exercise.grips[0]
        names.append(
            item.exercise.short
            if usual
            else labels.unusual_grip.format(grip=item.grip, exercise=item.exercise.short)
        )
    exercises = _e(", ".join(names))
    if session.minutes:
        return _fill(labels.preview_with_duration, exercises=exercises, minutes=str(session.minutes))
    return _fill(labels.preview, exercises=exercises)
