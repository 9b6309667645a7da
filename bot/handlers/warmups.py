"""/workout's card with the warm-up sets that ramp into each heavy main lift (``bot.coach.rampsets``).

The ramp needs the day's working load, which only the member's log gives, so it is added here rather
than by the planner: a line under the lift, and its minutes in the session's estimate. With a time budget
(/workout 30) the ramp is two sets at most and the estimate stays the cut's: those sets are the warm-up's
"1–2 easy sets", already inside its minutes, so a cut session never runs over what it was cut to.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from datetime import date

from bot.coach import rampsets
from bot.coach.catalog import Exercise
from bot.coach.planner import Prescribed, Session
from bot.coach.progression import Reason
from bot.coach.sessionlog import Target
from bot.coach.sessiontime import estimate_minutes
from bot.coach.workouts import render_session
from bot.context import BotContext
from bot.handlers import training_log
from bot.handlers.common import Turn
from storage.records import Told


async def card(
    context: BotContext,
    now_turn: Turn,
    session: Session,
    user_id: int,
    *,
    before: date | None = None,
    budget: bool = False,
    logged: Mapping[str, str] | None = None,
    cautioned: Mapping[str, Told] | None = None,
) -> str:
    """``session`` rendered for /workout: "last time → today" and the warm-up sets under its lifts.
    ``budget``: the session is the day's cut to a time; ``logged``: its exercises logged today, ticked;
    ``cautioned``: the chat's cautions, when the caller has already read them."""
    targets = await training_log.session_targets(
        context, now_turn, session, user_id, before, cautioned=cautioned
    )
    lines = await training_log.workout_lines(context, now_turn, session, user_id, before, targets)
    catalog, texts, chat = context.services.catalog, context.services.texts, now_turn.chat
    done: Collection[str] = logged or {}
    by_planned = {target.planned: target for target in targets}
    exercises = tuple(_as_asked(item, by_planned.get(item.exercise.id)) for item in session.exercises)
    session = dataclasses.replace(session, exercises=exercises)
    lifts: list[tuple[Exercise, float | None]] = []
    for item in session.exercises:
        target = by_planned.get(item.exercise.id)
        if target is None:
            lifts.append((item.exercise, None))
            continue
        # The working load /workout names: never one it only hints at (a backpack's "add a little").
        named = target.main and target.loaded and not target.unstated_load and item.exercise.id not in done
        lifts.append(
            (catalog.exercises[target.prescription.exercise], target.prescription.load if named else None)
        )
    step = training_log.increment_of(chat)
    ramps = rampsets.session_ramps(lifts, chat.unit, step, short=budget, light=session.deload)
    for item, (exercise, _), sets in zip(session.exercises, lifts, ramps, strict=True):
        if not sets:
            continue
        key = (
            "workout.ramp_each_hand"
            if rampsets.implement_of(exercise) == rampsets.Implement.DUMBBELL
            else "workout.ramp"
        )
        line = texts.get(
            key, unit=chat.unit, sets=rampsets.describe(sets, chat.unit, texts["workout.ramp_bar"])
        )
        shown = lines.get(item.exercise.id)
        lines[item.exercise.id] = line if shown is None else f"{shown}\n{line}"
    if any(ramps):
        warmup = catalog.routines.warmup
        # The first lift's ramp says exactly what the warm-up's "1–2 easy sets of your first exercise" did.
        items = tuple(line for line in session.warmup if not (ramps[0] and line == warmup.ramp_up_load))
        minutes = (
            session.minutes
            if budget
            else estimate_minutes(warmup.minutes, session.exercises, rampsets.total_seconds(ramps))
        )
        session = dataclasses.replace(session, warmup=items, minutes=minutes)
    return render_session(session, lines, logged)


def _as_asked(item: Prescribed, target: Target | None) -> Prescribed:
    """``item`` as its first session back after a pain asks it (``comeback.after_pain``): the header says
    the line's sets and reps, never the plan's "4 × 8–10" over "2×6 (was 8, 7, 6)" (a trial's pull-ups)."""
    if target is None or item.reps is None or target.prescription.reason is not Reason.BACK:
        return item
    asked = target.prescription
    if asked.exercise != item.exercise.id:
        return item
    return dataclasses.replace(item, sets=asked.sets, reps=(asked.reps, asked.reps))
