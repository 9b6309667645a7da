"""A first load asked for, not guessed: As written and Save never log a lift that takes a load without one
when none is known (a barbell deadlift would be progressed as a bodyweight move, a cable face pull would
never get a load). They ask for each instead, main lifts and accessories alike, one at a time in the
session's order, each question saying how many follow; in a private chat the next message, "100" or
"100 kg", is the answer, or ⏭ Skip leaves that lift unlogged (``load_answer``), and two or more asked are
listed first, answerable in one message ("16, 40, skip, 6"); in a group a /log line. The chat keeps only
which day it waits for, the first lift the next question may be about and the reps the panel set
(``loadanswer.awaiting_load``): what is left to ask is read from the day's sets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import loadanswer, panelshift
from bot.coach.model import SetDone
from bot.coach.panelshift import Shift
from bot.coach.progress_text import format_sets
from bot.coach.sessionlog import Target
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.common import Turn
from bot.handlers.training_log import names

# A load to show as the example: any number would do, one a lifter might type reads as an example (one
# dumbbell's load is a lighter one).
EXAMPLE = {"kg": "60", "lb": "135"}
EXAMPLE_DUMBBELL = {"kg": "16", "lb": "35"}
# A loaded backpack at home (or a dumbbell of a pair): a barbell's 60 kg would read as no example at all.
EXAMPLE_BACKPACK = {"kg": "10", "lb": "20"}
# A fly, a face pull or a straight-arm pulldown moves a light load: a row's example would read as a target.
EXAMPLE_SINGLE_JOINT = {"kg": "6", "lb": "12"}
# A load added to bodyweight (a belt on a pull-up): a small one, or the answer may count the body in.
EXAMPLE_ADDED = {"kg": "5", "lb": "10"}
# The ⏭ Skip button under a question: the day and the place among the session's targets of the lift
# asked, so a press on an old question does not skip the one asked now.
SKIP = "lk"


class Question:
    """One lift asked for its load: which of the day's targets, at which reps."""

    def __init__(
        self, context: BotContext, day: date, targets: Sequence[Target], shifts: Mapping[str, Shift], at: int
    ) -> None:
        self.day, self.at, self.target = day, at, targets[at]
        self.exercise = context.services.catalog.exercises[self.target.prescription.exercise]
        # An accessory's reps without the load its rule moved it to: /workout never showed that one.
        target = self.target
        shift = shifts.get(target.planned, Shift())
        self.sets: list[SetDone] = panelshift.adjusted(target, shift) if target.main else target.bare
        if target.unstated_load:
            # "More than 10 kg" is not a load to show as the one asked about: its reps alone.
            self.sets = [replace(done, load=None) for done in self.sets]
        self.name = names(context).get(self.target.planned, self.target.planned)
        self.per_dumbbell = loadanswer.per_dumbbell(self.exercise)
        # What the question asks for: one dumbbell's load, the backpack's (or each dumbbell's), the load
        # added to bodyweight, or the load.
        self.held = ""
        if self.per_dumbbell:
            self.held = "_dumbbell"
        elif self.exercise.backpack:
            self.held = "_backpack"
        elif self.exercise.added_load:
            self.held = "_added"

    def example(self, unit: str) -> str:
        if not self.exercise.multi_joint:
            return EXAMPLE_SINGLE_JOINT[unit]
        examples = {"_dumbbell": EXAMPLE_DUMBBELL, "_backpack": EXAMPLE_BACKPACK, "_added": EXAMPLE_ADDED}
        return examples.get(self.held, EXAMPLE)[unit]

    def log_line(self, unit: str) -> str:
        """The /log that logs it, at the example load: "dumbbell romanian deadlift 2x8 16kg"."""
        return (
            f"{self.exercise.name.casefold()} {len(self.sets)}x{self.sets[0].reps} {self.example(unit)}{unit}"
        )

    def hint(self, context: BotContext, unit: str) -> dict[str, str]:
        """The placeholders every reply about this question shares."""
        texts = context.services.texts
        per = " " + texts[f"log.per{self.held}"] if self.held else ""
        return {"name": escape(self.name), "example": self.example(unit), "unit": unit, "per": per}

    def skip_button(self, context: BotContext) -> tuple[str, str]:
        data = callbacks.pack(SKIP, callbacks.pack_day(self.day), str(self.at))
        return context.services.texts["log.skip_button"], data


def private(update: Update) -> bool:
    """Whether the chat is a private one, where the next message answers a question (a group uses /log)."""
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


def ask(
    context: BotContext,
    now_turn: Turn,
    update: Update,
    question: Question,
    main_shifts: Sequence[Shift],
    after: int = 0,
) -> tuple[str, list[tuple[str, str]]]:
    """The question and the buttons it takes (⏭ Skip, in a private chat, where the chat then waits for the
    answer; ``main_shifts`` the panel's, kept for it). ``after`` is how many lifts will be asked after this
    one, said in a private chat, so a chain of questions is never open-ended."""
    texts, unit = context.services.texts, now_turn.chat.unit
    sets = format_sets(question.sets, unit)
    hint = question.hint(context, unit)
    if private(update):
        now_turn.chat.awaiting = loadanswer.awaiting_load(question.day, main_shifts, question.at)
        text = texts.get(f"log.ask_load{question.held}", sets=sets, **hint)
        if after:
            text += " " + texts.get("log.ask_load_after", n=after, lifts=_lifts(context, after))
        return text, [question.skip_button(context)]
    line = escape(question.log_line(unit))
    return texts.get(f"log.ask_load_group{question.held}", sets=sets, line=line, **hint), []


def not_logged(
    context: BotContext, now_turn: Turn, update: Update, questions: Sequence[Question]
) -> list[str]:
    """What As written says of the lifts it left unlogged for want of a load (``questions``, in the order
    asked). In a private chat, two or more are listed once with how to give them all in one message; else
    each kind of lift is named, and one told to go heavier is told how to give its new load."""
    texts, unit = context.services.texts, now_turn.chat.unit
    if private(update) and len(questions) > 1:
        listed = ", ".join(
            texts.get("log.load_went_up", name=escape(q.name)) if q.target.unstated_load else escape(q.name)
            for q in questions
        )
        examples = ", ".join(q.example(unit) for q in questions)
        return [texts.get("log.load_all_at_once", n=len(questions), names=listed, examples=examples)]
    lines = []
    for key, heavier in (("log.load_not_logged", False), ("log.load_not_logged_heavier", True)):
        which = [q for q in questions if q.target.unstated_load is heavier]
        if not which:
            continue
        listed = ", ".join(escape(q.name) for q in which)
        if heavier and not private(update):
            # No question waits for an answer in a group: the /log that gives the new load.
            key, line = "log.load_not_logged_heavier_group", escape(which[0].log_line(unit))
            lines.append(texts.get(key, names=listed, line=line))
        else:
            lines.append(texts.get(key, names=listed))
    return lines


def _lifts(context: BotContext, n: int) -> str:
    return context.services.texts["log.lift" if n == 1 else "log.lifts"]


def waiting(now_turn: Turn) -> bool:
    awaiting = now_turn.chat.awaiting
    return awaiting is not None and awaiting.startswith(loadanswer.LOAD_AWAITED)
