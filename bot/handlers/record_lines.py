"""How a new record reads in a /log or Done reply: one lift's on its own line, several lifts' as one line of
new bests."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot.coach import records
from bot.coach.catalog import Exercise
from bot.coach.model import SetDone
from bot.coach.texts import Texts, escape


def record_lines(
    texts: Texts, named: Sequence[tuple[str, records.NewRecord]], unit: str, each_hand: Collection[str] = ()
) -> str:
    """One lift's record as its own line; several lifts' as one line of new bests, each as the set that
    set it ("Barbell deadlift 105 kg × 5"), at most ``records.MAX_BESTS_SHOWN`` named. The lifts named in
    ``each_hand`` (a pair of dumbbells) have their loads said as each hand's, as the log says them."""
    hand = f"{unit} {texts['log.each_hand']}"
    if len(named) == 1:
        return record_line(texts, *named[0], hand if named[0][0] in each_hand else unit)
    shown, more = records.shown_bests(named)
    bests = ", ".join(
        _best_set(texts, name, record, hand if name in each_hand else unit) for name, record in shown
    )
    if more:
        bests = texts.get("log.bests_more", bests=bests, more=more)
    return texts.get("log.record_bests", bests=bests)


def jump_line(
    texts: Texts,
    exercise: Exercise | None,
    before: Sequence[SetDone],
    sets: Sequence[SetDone],
    unit: str,
    *,
    today: bool = True,
) -> str | None:
    """For new ``sets`` of ``exercise`` far over its best in ``before`` (``records.big_jump``), or far under
    it (``records.big_drop``): a typo?, and
    the correction to send (a typed correction mends today's sets only: for another day's, its ↩️ Undo);
    None for a jump too small, or a lift whose load is not what was lifted."""
    if exercise is None or not exercise.estimable:
        return None
    jump = records.big_jump(before, sets, unit)
    drop = None if jump is not None else records.big_drop(before, sets, unit)
    if jump is None and drop is None:
        return None
    new, old = (f"{load:g}" for load in (jump or drop or ()))
    name, short = escape(exercise.name), escape(exercise.short)
    key = f"log.big_{'jump' if jump else 'drop'}{'' if today else '_past'}"
    return texts.get(key, name=name, lift=short, new=new, before=old, unit=unit)


def _best_set(texts: Texts, name: str, record: records.NewRecord, unit: str) -> str:
    if record.load is None:
        return texts.get("log.best_reps", name=escape(name), reps=record.reps)
    return texts.get("log.best_load", name=escape(name), load=f"{record.load:g}", unit=unit, reps=record.reps)


def record_line(texts: Texts, name: str, record: records.NewRecord, unit: str) -> str:
    # An estimate reads best to one decimal; loads and reps are shown as logged.
    shown = "{:.1f}" if record.kind is records.RecordKind.E1RM else "{:g}"
    values = {
        "name": escape(name),
        "unit": unit,
        "value": shown.format(record.value),
        "previous": shown.format(record.previous),
        "reps": record.reps,
        "load": "" if record.load is None else f"{record.load:g} {unit}",
    }
    no_load = record.kind is records.RecordKind.REPS_AT_LOAD and record.load is None
    return texts.get("log.record_reps" if no_load else f"log.record_{record.kind.value}", **values)
