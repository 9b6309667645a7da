"""A dumbbell load typed for a lift never logged before, far over what the trainee lifts on its kin (the
other dumbbell lifts of its kind and pattern): asked about as a likely typo, as a big jump on the lift's
own history is (``records.big_jump``, ``record_lines.jump_line``).

A newcomer trial's "67.5" was logged as the chest-supported dumbbell row's "67.5 kg each hand" without a
word, though he rows 32 kg on the one-arm dumbbell row: with no sets of its own to weigh it against, the
jump check had nothing to go by. The lift's own history, once it has one, is the only measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.coach import loadanswer, records
from bot.coach.catalog import Exercise
from bot.coach.model import SetDone
from bot.coach.progression import in_unit
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.record_lines import jump_line
from storage import logbook


def kin(exercise: Exercise, known: Sequence[Exercise]) -> set[str]:
    """The other dumbbell lifts of ``exercise``'s topic and pattern ("chest-supported row": the one-arm
    dumbbell row, the dumbbell bent-over row)."""
    return {
        other.id
        for other in known
        if other.id != exercise.id
        and other.topic == exercise.topic
        and other.pattern == exercise.pattern
        and loadanswer.per_dumbbell(other)
    }


async def kin_jump(
    context: BotContext,
    now_turn: Turn,
    user_id: int,
    exercise_id: str,
    sets: Sequence[SetDone],
    *,
    today: bool,
) -> str | None:
    """The "a typo?" line for ``sets`` of a dumbbell lift with no loaded set logged before, when they are a
    big jump over its kin's sets; None otherwise. Read before the sets are logged."""
    known = context.services.catalog.exercises
    exercise = known.get(exercise_id)
    if exercise is None or not loadanswer.per_dumbbell(exercise):
        return None
    related = kin(exercise, list(known.values()))
    chat = now_turn.chat
    rows = await logbook.exercise_history(now_turn.session, chat.id, user_id, {exercise_id, *related})
    if any(row.load for row in rows.get(exercise_id, [])):
        return None  # its own history is weighed when it is logged
    before = [
        SetDone(row.reps, in_unit(row.load, row.unit, chat.unit), row.rir, row.seconds)
        for ex in related
        for row in rows.get(ex, [])
        if row.load is not None
    ]
    if records.big_jump(before, list(sets), chat.unit) is None:
        return None
    texts = context.services.texts
    return jump_line(texts, exercise, before, sets, chat.unit, today=today)
