"""Done's ✏️ Adjust panel: each main lift's sets with buttons to move its reps and load, the session's other
exercises as Save logs them, a ⏭ didn't do it per exercise (Save leaves it out, still to log), and Save.

The panel's whole state rides in its buttons (the day, each main lift's ``panelshift.Shift``, and which
exercises are left out as a bitmask over the session's exercises in order, after "~"), so a press on any of
them redraws it and Save logs what it shows; in a private chat it is also kept in ``Chat.adjusting`` while
the panel is open, so a load typed then ("6 kg on the rdl") sets that lift's load (``panel_typed``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from telegram.constants import ChatType

from bot import callbacks
from bot.coach import loadanswer, panelshift
from bot.coach.logparse import MAX_LOAD
from bot.coach.model import SetDone
from bot.coach.progress_text import format_load, format_sets
from bot.coach.sessionlog import Target
from bot.coach.texts import escape
from bot.context import BotContext
from bot.handlers.training_log import ADJUST, SAVE, increment_of, names
from bot.keyboards import Buttons
from storage.models import Chat

LEFT_OUT = "~"
# Skip buttons a row: their labels name the lift's number.
SKIPS_A_ROW = 2


def state_of(shifts: Sequence[panelshift.Shift], mask: int) -> str:
    """The panel's state as its buttons carry it: the shifts, then "~" and the left-out bitmask in base 36."""
    return panelshift.encode(shifts) + (f"{LEFT_OUT}{callbacks.base36(mask)}" if mask else "")


def read_state(state: str) -> tuple[str, int] | None:
    """The shifts' text and the left-out bitmask ``state_of`` wrote, or None for anything it could not
    have written."""
    shifts, sep, mask = state.partition(LEFT_OUT)
    if not sep:
        return shifts, 0
    if not 0 < len(mask) <= 3 or any(c not in callbacks.DIGITS for c in mask) or mask[0] == "0":
        return None
    return shifts, int(mask, 36)


def left_out(order: Sequence[str], mask: int) -> frozenset[str] | None:
    """The exercises of ``order`` (the session's, in order) the bitmask leaves out; None when it names a
    place the session has not."""
    if mask >> len(order):
        return None
    return frozenset(ex for at, ex in enumerate(order) if mask >> at & 1)


def adjust_panel(
    context: BotContext,
    chat: Chat,
    day: date,
    main: Sequence[Target],
    shifts: Sequence[panelshift.Shift],
    left: Collection[str],
    others: Sequence[tuple[str, str, list[SetDone]]] = (),
    order: Sequence[str] = (),
    mask: int = 0,
) -> tuple[str, Buttons]:
    """The panel of the main lifts in ``left`` (still to log), numbered as shown, then ``others`` (each
    planned id, the exercise logged and its sets as Save logs them), each with its ⏭ button; ``order`` is
    the session's exercises, the places ``mask`` counts."""
    texts, shown, known = context.services.texts, names(context), context.services.catalog.exercises
    stamp = callbacks.pack_day(day)
    skipped = left_out(order, mask) or frozenset()
    lines = [texts.get("log.adjust_title", day=f"{day:%a %d %b}")]
    rows: list[list[tuple[str, str]]] = []
    skips: list[tuple[str, str]] = []
    increment = increment_of(chat)
    step = f"{increment:g} {chat.unit}"
    jump = panelshift.first_load_jump(increment, chat.unit)
    showing = [(i, target, shift) for i, (target, shift) in enumerate(zip(main, shifts, strict=True))]
    showing = [entry for entry in showing if entry[1].planned in left]

    def skip(n: int, planned: str) -> None:
        if planned not in order:
            return
        bit = 1 << order.index(planned)
        key = "log.did_it_button" if planned in skipped else "log.didnt_button"
        skips.append((texts.get(key, n=n), callbacks.pack(ADJUST, stamp, state_of(shifts, mask ^ bit))))

    n = 0
    for n, (index, target, shift) in enumerate(showing, start=1):
        name = shown.get(target.prescription.exercise, target.prescription.exercise)
        skip(n, target.planned)
        if target.planned in skipped:
            lines.append(texts.get("log.adjust_left_out", n=n, name=escape(name)))
            continue
        sets = panelshift.adjusted(target, shift)
        no_load = " " + texts["log.adjust_no_load"] if target.first_load and sets[0].load is None else ""
        # A pair of dumbbells' load is each hand's, as Save logs it and its reply says it.
        paired = sets[0].load is not None and loadanswer.pair(known[target.prescription.exercise])
        hand = f" {texts['log.each_hand']}" if paired else ""
        lines.append(f"{n}. {escape(name)}: <b>{format_sets(sets, chat.unit)}</b>{hand}{no_load}")
        limits = shift.limits(target, MAX_LOAD[chat.unit])

        def press(
            reps: int | None = 0, steps: int = 0, at: int = index, limits: tuple[int, int] = limits
        ) -> str:
            moved = panelshift.shifted(shifts, at, limits, reps=reps, steps=steps)
            return callbacks.pack(ADJUST, stamp, state_of(moved, mask))

        row = [
            (texts.get("log.fewer_button", n=n), press(reps=-1)),
            (texts.get("log.all_reps_button", n=n), press(reps=None)),
            (texts.get("log.more_button", n=n), press(reps=+1)),
        ]
        # No "−2.5 kg" on no load, nor one that would take a load to none: below zero is nothing lifted.
        lighter = sets[0].load is not None and sets[0].load > increment
        down, up, heavier = step, step, True
        sizes = pair_sizes(target, shift, limits, chat.unit)
        if sizes is not None:
            # A pair of dumbbells: the next size down and up, the rack's or (at home) the pairs owned.
            (lighter, down), (heavier, up) = sizes
        # A − that can go no lower stays, saying so and changing nothing: setting a load added it inside the
        # lift's row, so every button after it moved (a re-trial's next tap landed one off).
        least = (texts.get("log.lightest_button", n=n), press(steps=0))
        loads = [
            (texts.get("log.lighter_button", n=n, step=down), press(steps=-1)) if lighter else least,
            *([(texts.get("log.heavier_button", n=n, step=up), press(steps=+1))] if heavier else []),
        ]
        if target.first_load:
            # From zero, one step at a time is a dozen presses: a bigger one too, on a row of their own,
            # kept once a load is typed, so the panel sent again has its rows where they were (a trial's
            # next tap landed a row off).
            bigger = f"{round(jump * increment, 2):g} {chat.unit}"
            rows.append(row)
            row = loads
            if jump > 1:
                row.append((texts.get("log.heavier_button", n=n, step=bigger), press(steps=jump)))
        elif target.loaded:
            row += loads
        rows.append(row)
    for at, (planned, exercise, sets) in enumerate(others, start=n + 1):
        name = escape(shown.get(exercise, exercise))
        skip(at, planned)
        if planned in skipped:
            lines.append(texts.get("log.adjust_left_out", n=at, name=name))
        elif sets:
            lines.append(texts.get("log.adjust_other", n=at, name=name, sets=format_sets(sets, chat.unit)))
        else:
            lines.append(texts.get("log.adjust_other_asked", n=at, name=name))
    lines.append(texts["log.adjust_hint" if chat.kind == ChatType.PRIVATE else "log.adjust_hint_group"])
    rows.extend(skips[at : at + SKIPS_A_ROW] for at in range(0, len(skips), SKIPS_A_ROW))
    rows.append([(texts["log.save_button"], callbacks.pack(SAVE, stamp, state_of(shifts, mask)))])
    return "\n".join(lines), rows


def pair_sizes(
    target: Target, shift: panelshift.Shift, limits: tuple[int, int], unit: str
) -> tuple[tuple[bool, str], tuple[bool, str]] | None:
    """For a pair of dumbbells whose load is known, whether the panel offers the next size down and up and
    by how much ("−2 kg", "+4 kg" to a pair owned at home): Adjust steps it by sizes
    (``panelshift.moved_pair``), not the chat's plate step (a trial's +2.5 kg on a 12 kg dumbbell). None for
    any other lift."""
    now = panelshift.moved_pair(target, shift.steps, shift.told)
    if now is None:
        return None

    def by(steps: int) -> tuple[bool, str]:
        moved = panelshift.moved_pair(target, shift.steps + steps, shift.told)
        shown = limits[0] <= shift.steps + steps <= limits[1] and moved is not None
        return shown, format_load(abs(moved - now), unit) if shown and moved is not None else ""

    return by(-1), by(+1)
