"""A /log that corrects what As written assumed: As written logs the plan's numbers as done, so a trainee
who then types what they really did ("/log pull up 6,5" after 2×10 was assumed) is telling the day's sets
of that exercise, not adding to them. Their typed sets take the assumed ones' place in the set log
(``storage.logbook.replace_assumed``), the reply says so, and an undo of that /log brings them back
(``storage.undoing``). An exercise with any set the trainee typed that day is added to, as ever, unless the
trainee chose 🔁 Replace for it (``bot.handlers.relog``): the same machinery then takes the typed sets' place.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from bot.coach.model import SetDone
from bot.coach.progress_text import format_sets, shown_load
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn
from storage import logbook
from storage.models import Chat


async def replace(
    context: BotContext,
    now_turn: Turn,
    day: date,
    user_id: int,
    exercises: Collection[str],
    replacing: Collection[str] = (),
) -> str | None:
    """Take out of ``day``'s log the As written sets of ``exercises`` (the typed ones about to be logged)
    that nothing typed was logged beside, and every set of ``replacing`` (🔁 Replace pressed), and the lines
    the reply says it with; None when none were."""
    replaced = await logbook.replace_assumed(
        now_turn.session,
        now_turn.chat.id,
        day,
        user_id=user_id,
        exercises=exercises,
        now=now_turn.now,
        replacing=replacing,
    )
    texts = context.services.texts
    lines = [
        texts.get(key, sets=listed(context, now_turn.chat, rows))
        for key, chosen in (("log.replaced_assumed", False), ("log.replaced_typed", True))
        if (rows := [row for ex, found in replaced.items() if (ex in replacing) == chosen for row in found])
    ]
    return "\n".join(lines) or None


def restored(
    context: BotContext, chat: Chat, rows: Sequence[logbook.SetRow], relogged: Sequence[logbook.SetRow] = ()
) -> str | None:
    """The line an undo adds when the /log it took back had replaced As written's sets (``rows``) or, by 🔁
    Replace, sets typed earlier (``relogged``), now back."""
    texts = context.services.texts
    lines = [
        texts.get(key, sets=listed(context, chat, found))
        for key, found in (("log.assumed_back", rows), ("log.relogged_back", relogged))
        if found
    ]
    return "\n".join(lines) or None


def listed(context: BotContext, chat: Chat, rows: Sequence[logbook.SetRow]) -> str:
    """Each exercise's sets as a reply names them, "Pull-up 2×10; Band row 3×12"."""
    shown = {ex.id: ex.name for ex in context.services.catalog.exercises.values()}
    by_exercise: dict[str, list[SetDone]] = {}
    for row in rows:
        done = SetDone(row.reps, shown_load(row.load, row.unit, chat.unit), seconds=row.seconds)
        by_exercise.setdefault(row.exercise, []).append(done)
    return "; ".join(
        f"{escape(shown.get(ex, ex))} {format_sets(sets, chat.unit)}" for ex, sets in by_exercise.items()
    )
