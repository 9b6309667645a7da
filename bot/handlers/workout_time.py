"""/workout with the time a trainee has: the budget it reads and keeps for the day, the line at the top
saying what was cut and why, and the buttons for a short or the whole session. The cutting itself is
``bot.coach.shortened``'s."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot import callbacks
from bot.coach import shortened, shortwhy
from bot.coach.planner import Prescribed, Session
from bot.coach.texts import Texts, escape
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.keyboards import Buttons
from storage import logbook

# The ⏱ buttons' payloads: minutes, or ``shortened.FULL`` for the whole session again.
TIME = "time"


def button_value(data: object) -> int | str | None:
    """What a ⏱ button asks for, or None for a payload /workout never wrote (forged, or stale)."""
    args = callbacks.unpack(data, TIME, 1)
    if args is None:
        return None
    value = args[0]
    return value if value == shortened.FULL else shortened.carried_minutes(value)


async def day_budget(now_turn: Turn, user_id: int, asked: int | str | None) -> int | None:
    """The day's budget after this /workout: the one asked for (kept for Done, As written and /log), the
    whole session again for ``FULL``, or the one given earlier today."""
    chat, today = now_turn.chat, now_turn.today
    if asked is None:
        return await logbook.short_minutes(now_turn.session, chat.id, today, user_id=user_id)
    minutes = asked if isinstance(asked, int) else None
    await logbook.set_short_minutes(now_turn.session, chat.id, today, user_id=user_id, minutes=minutes)
    return minutes


def cut(
    context: BotContext, session: Session, minutes: int | None, logged: Collection[str] = ()
) -> shortened.Cut | None:
    """``session`` cut to ``minutes``, keeping the exercises already ``logged`` (ids as planned)."""
    if minutes is None:
        return None
    return shortened.cut(session, minutes, context.services.catalog.routines, logged)


def _names(
    texts: Texts,
    items: Sequence[Prescribed],
    planned: dict[str, int] | None = None,
    logged: Collection[str] = (),
) -> str:
    """ "deadlift ✓, lat pulldown (2 of 3 sets) and cable row": a lift given fewer sets than planned says
    so, and one already logged today is ticked."""
    names = [
        texts.get("workout.cut_logged", name=escape(item.exercise.name))
        if item.exercise.id in logged
        else texts.get("workout.cut_fewer", name=escape(item.exercise.name), sets=item.sets, planned=wanted)
        if planned and (wanted := planned[item.exercise.id]) > item.sets
        else escape(item.exercise.name)
        for item in items
    ]
    if len(names) < 2:
        return "".join(names)
    return texts.get("workout.cut_and", first=", ".join(names[:-1]), last=names[-1])


def head(context: BotContext, result: shortened.Cut) -> str:
    """What was cut and why, for the top of the session ("30 min: kept the row and the pulldown, dropped
    face pulls")."""
    texts = context.services.texts
    routines = context.services.catalog.routines
    minutes = result.session.minutes
    logged = result.logged
    planned = {item.exercise.id: item.sets for item in result.whole.exercises}
    if not result.fits:
        said = texts.get(
            "workout.cut_too_short_logged" if logged else "workout.cut_too_short",
            budget=result.budget,
            minutes=minutes,
            kept=_names(texts, result.kept, planned, logged),
            warmup=routines.warmup.short_minutes,
        )
        why = shortwhy.too_short_why(texts, result)
        return said if why is None else f"{said}\n{why}"
    if not result.changed:
        return texts.get("workout.cut_fits", budget=result.budget, minutes=minutes)
    parts = [texts.get("workout.cut_kept", kept=_names(texts, result.kept, planned, logged))]
    if result.dropped:
        parts.append(texts.get("workout.cut_dropped", names=_names(texts, result.dropped)))
    parts.append(texts.get("workout.cut_warmup", minutes=routines.warmup.short_minutes))
    # The time asked for is the whole session's, what is already logged included: said, since a trainee
    # halfway through may have meant the time still left (another /workout with more minutes is that).
    key = "workout.cut_head_logged" if logged else "workout.cut_head"
    said = texts.get(key, budget=result.budget, minutes=minutes, what="; ".join(parts))
    why = shortwhy.why(texts, result)
    if result.dropped:
        why += " " + texts["workout.cut_not_missed"]
    return f"{said}\n{why}"


def buttons(texts: Texts, full: Session, result: shortened.Cut | None) -> Buttons:
    """Under /workout: ⏱ the ~30-minute version when the whole session is longer, or the whole session
    again under a cut one."""
    if result is not None and result.changed:
        return [[(texts["workout.full_button"], callbacks.pack(TIME, shortened.FULL))]]
    budget = result.budget if result is not None else None
    if full.minutes > shortened.SHORT_MINUTES and (budget is None or budget > shortened.SHORT_MINUTES):
        return [[(texts["workout.short_button"], callbacks.pack(TIME, str(shortened.SHORT_MINUTES)))]]
    return []
