"""A planned session as the trainee reads it: Telegram HTML for /workout, one line for a reminder.

The wording is the [labels] table of routines.toml; every text from content is escaped, so a coach's
"<" can never break a message.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping

from bot.coach.model import Equipment
from bot.coach.planner import Prescribed, Session
from bot.coach.texts import escape

MESSAGE_LIMIT = 4096
_FORMATTER = string.Formatter()


_e = escape


@functools.lru_cache(maxsize=256)
def _template(template: str) -> tuple[tuple[str, str | None], ...]:
    # A few dozen templates fill every session: parse and escape each once.
    return tuple((_e(literal), name) for literal, name, _, _ in _FORMATTER.parse(template))


def _fill(template: str, **fragments: str) -> str:
    """Fill a validated label: its own words are escaped, the fragments are already HTML."""
    return "".join(
        literal + (fragments[name] if name is not None else "") for literal, name in _template(template)
    )


def title(session: Session) -> str:
    labels = session.labels
    name = session.title
    place = "gym" if session.profile.equipment == Equipment.GYM else "home"
    if session.day:
        return labels.title_with_day.format(title=name, place=place, day=session.day)
    return labels.title.format(title=name, place=place)


def header(session: Session) -> str:
    labels = session.labels
    if session.deload:
        return _fill(
            labels.deload_header,
            number=str(session.number),
            block=str(session.block),
            minutes=str(session.minutes),
        )
    return _fill(
        labels.header,
        number=str(session.number),
        block=str(session.block),
        week=str(session.week),
        minutes=str(session.minutes),
    )


def amount(session: Session, item: Prescribed) -> str:
    """ "10–12 reps", "8 reps each side", "20–30 s hold": what one set asks for, as HTML."""
    labels = session.labels
    if item.hold_s is not None:
        return _fill(labels.hold, low=str(item.hold_s[0]), high=str(item.hold_s[1]))
    assert item.reps is not None
    low, high = item.reps
    if item.exercise.per_side:
        return _fill(labels.reps_per_side, low=str(low), high=str(high))
    if low == high:
        return _fill(labels.reps_exact, low=str(low))
    return _fill(labels.reps, low=str(low), high=str(high))


def rest_text(low: int, high: int) -> str:
    """Seconds as a person says them: "60–90 s", "2 min", "3–4 min"."""
    if low >= 120 and low % 60 == 0 and high % 60 == 0:
        return f"{low // 60} min" if low == high else f"{low // 60}–{high // 60} min"
    return f"{low} s" if low == high else f"{low}–{high} s"


def render_session(
    session: Session, extra: Mapping[str, str] | None = None, logged: Mapping[str, str] | None = None
) -> str:
    """Telegram HTML (only <b> and <i>), at most 4096 characters.

    ``extra`` maps an exercise id to one more HTML line under it (last time's numbers, say). ``logged``
    maps an exercise already logged today to what was logged (HTML): it is ticked off in one line, so
    what is still to do stands out.
    """
    labels = session.labels
    lines = [
        f"<b>{_e(title(session))}</b>",
        f"<i>{header(session)}</i>",
        "",
        f"<b>{_fill(labels.warmup_heading)}</b>",
    ]
    lines += [_fill(labels.warmup_item, item=_e(item)) for item in session.warmup]
    for number, item in enumerate(session.exercises, start=1):
        heading = _fill(labels.exercise_heading, number=str(number), name=_e(item.exercise.name))
        if logged and item.exercise.id in logged:
            lines += ["", _fill(labels.logged, heading=f"<b>{heading}</b>", sets=logged[item.exercise.id])]
            continue
        rest = _fill(labels.rest, rest=_e(rest_text(*item.rest_s))) if item.rests else _fill(labels.no_rest)
        effort = (
            _fill(labels.hold_effort) if item.hold_s is not None else _fill(labels.effort, rir=str(item.rir))
        )
        lines += [
            "",
            f"<b>{heading}</b>",
            _fill(
                labels.prescription, sets=str(item.sets), reps=amount(session, item), effort=effort, rest=rest
            ),
            _fill(labels.grip, grip=_e(item.grip_text)),
        ]
        if item.technique == "drop set":
            lines.append(f"<b>{_fill(labels.drop_set)}</b>")
        elif item.technique == "superset" and item.partner is not None:
            partner = item.partner.name[:1].lower() + item.partner.name[1:]
            lines.append(f"<b>{_fill(labels.superset, partner=_e(partner))}</b>")
        # The cue for the chat's kit: no pull-up bar named to a trainee without one (``cues``).
        lines.append(f"<i>{_e(item.exercise.cue_for(session.profile.kit))}</i>")
        if extra and item.exercise.id in extra:
            lines.append(extra[item.exercise.id])
    if session.notes:
        lines.append("")
        lines += [f"<i>{_e(note)}</i>" for note in session.notes]
    # Every line is balanced on its own, so dropping whole lines from the end keeps the HTML valid.
    while len("\n".join(lines)) > MESSAGE_LIMIT:
        lines.pop()
    return "\n".join(lines)


def render_preview(session: Session) -> str:
    """One line naming today's exercises and the time they take, HTML-escaped."""
    labels = session.labels
    names = []
    for item in session.exercises:
        # Only an unusual grip is worth the words; the usual one is listed first in the catalog.
        usual = item.grip == item.exercise.grips[0]
        grip = item.grip.replace("-", " ")
        names.append(
            item.exercise.short
            if usual
            else labels.unusual_grip.format(grip=grip, exercise=item.exercise.short)
        )
    return _fill(labels.preview, exercises=_e(", ".join(names)), minutes=str(session.minutes))
