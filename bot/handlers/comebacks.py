"""Coming back to a lift, as the chat's log and cautions say: the exercises whose first session back after
a pain this is, and the days each came back lighter on purpose (``bot.coach.comeback``), for the targets
(``training_log.session_targets``) and /progress."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.coach import cautions, comeback
from bot.coach.model import SetDone
from bot.context import BotContext
from bot.handlers.common import Turn
from storage import cautions as caution_store
from storage.records import Told

History = Mapping[str, Sequence[tuple[date, SetDone]]]


async def lighter_days(
    context: BotContext, now_turn: Turn, found: History, cautioned: Mapping[str, Told] | None = None
) -> dict[str, frozenset[date]]:
    """Each exercise's days in ``found`` that came back lighter on purpose, after a pain or a long break
    (``comeback.lighter_days``): neither progression nor /progress reads them as the lift's level."""
    if cautioned is None:
        cautioned = await caution_store.told(now_turn.session, now_turn.chat.id)
    cleared = {
        exercise: (told.cleared_on, told.lower_back, told.body_part == cautions.SHOULDER)
        for exercise, told in cautioned.items()
        if told.cleared_on is not None
    }
    return comeback.lighter_days(found, cautions.cleared_moves(cleared, context.services.catalog))


async def back_from_pain(
    context: BotContext,
    now_turn: Turn,
    found: History,
    before: date | None,
    cautioned: Mapping[str, Told] | None = None,
) -> frozenset[str]:
    """The exercises whose first session back after "✅ It's fine now" this is (``cautions.back_from_pain``):
    cleared by ``before`` (any day, when not given) and not logged since, in ``found`` (the log before it).
    ``cautioned`` is the chat's cautions, cleared or not, when the caller has already read them."""
    if cautioned is None:
        cautioned = await caution_store.told(now_turn.session, now_turn.chat.id)
    cleared = {
        exercise: (told.cleared_on, told.lower_back, told.body_part == cautions.SHOULDER)
        for exercise, told in cautioned.items()
        if told.cleared_on is not None and (before is None or told.cleared_on <= before)
    }
    if not cleared:
        return frozenset()
    logged = {exercise: [day for day, _ in pairs] for exercise, pairs in found.items()}
    return cautions.back_from_pain(cleared, logged, context.services.catalog)
