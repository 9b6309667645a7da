"""The load a private chat waits for after As written asked it (``first_load.ask``), read again from the
day's sets at each message or press: a /log of the lift since, or an Undo, may have settled it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.coach import loadanswer, sessionlog
from bot.coach.panelshift import Shift
from bot.coach.sessionlog import Target
from bot.context import BotContext
from bot.handlers import first_load
from bot.handlers.as_written import DayDone, day_done
from bot.handlers.common import Turn
from storage import logbook


@dataclass(frozen=True)
class Waited:
    """The day a load is waited for, what of it is logged, its main lifts' panel shifts, and the places
    among its targets of the lifts still asked for, the one asked now first."""

    day: date
    so_far: DayDone
    main_shifts: list[Shift]
    asked: list[int]

    @property
    def shift_of(self) -> dict[str, Shift]:
        main = [target for target in self.so_far.targets if target.main]
        return {target.planned: shift for target, shift in zip(main, self.main_shifts, strict=True)}

    @property
    def left(self) -> set[str]:
        return {target.planned for target in self.so_far.to_write}

    @property
    def targets(self) -> list[Target]:
        return self.so_far.targets


async def waited(context: BotContext, now_turn: Turn, user_id: int) -> Waited | None:
    """The load the chat waits for, while a lift of its day still asks for one (a /log of it since, or an
    Undo, may have settled it)."""
    chat = now_turn.chat
    if not first_load.waiting(now_turn):
        return None
    kept = loadanswer.awaited_load(chat.awaiting, 0)
    if kept is None or not 0 <= (now_turn.today - kept.day).days <= sessionlog.MAX_DAYS_BACK:
        return None
    day = kept.day
    found = await logbook.day_log(now_turn.session, chat.id, day, user_id=user_id)
    if found is None:
        return None
    so_far = await day_done(context, now_turn, user_id, day, found.session_number)
    main = [target for target in so_far.targets if target.main]
    read = loadanswer.awaited_load(chat.awaiting, len(main))
    assert read is not None
    shift_of = {target.planned: shift for target, shift in zip(main, read.shifts, strict=True)}
    # A lift taken off today's log since is no longer asked: As written leaves it out.
    left = {target.planned for target in so_far.to_write}
    asked = loadanswer.asked(so_far.targets, shift_of, left, read.start)
    if not asked:
        return None
    return Waited(day, so_far, read.shifts, asked)
