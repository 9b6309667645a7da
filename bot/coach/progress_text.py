"""The line /workout shows under a main lift: what was done last time and what to aim for today.

"last time 3×10 @ 40 kg → today 3×11, or 42.5 kg once all sets reach 12": the trainee sees the rule
work, not just a number. Wording lives in ``messages.toml`` ([progression]), one line per reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from bot.coach.comeback import Away, AwayKind, Lighter
from bot.coach.firstload import PER_REP, spare_reps
from bot.coach.lapsed import weeks_ago
from bot.coach.model import SetDone
from bot.coach.pairstep import jump, pair_aim, rack_step, unowned
from bot.coach.progression import (
    Plan,
    Prescription,
    Reason,
    e1rm,
    exact,
    heaviest_sets,
    in_unit,
    past_top,
    progressed_load,
)
from bot.coach.texts import Texts, escape

# /workout's "last time": a list this long or short is shown whole; a longer one is summarised.
SHORT_LIST = 5
SHORT_TEXT = 40
MAX_GROUPS = 3


def format_load(load: float, unit: str) -> str:
    """``42.5 kg``: to 0.01 at most, trailing zeros dropped. Targets are multiples of the chat's step and
    converted loads are to 0.1, so this only hides float noise (47.50000000001)."""
    shown = f"{round(load, 2):.2f}".rstrip("0").rstrip(".")
    return f"{'0' if shown == '-0' else shown} {unit}"


def shown_load(load: float | None, unit: str, wanted: str) -> float | None:
    """A logged load as a list of past sets shows it in the chat's unit ``wanted``.

    A load logged in that unit is shown as logged (41.25 kg stays 41.25); a converted one is rounded
    to one decimal, since 45.359 kg claims a precision no plate has.
    """
    converted = in_unit(load, unit, wanted)
    return converted if converted is None or unit == wanted else round(converted, 1)


def format_sets(sets: Sequence[SetDone], unit: str) -> str:
    """``3×10 @ 40 kg`` when every set matches, ``10, 10, 9 @ 40 kg`` when only the reps differ, no load for
    bodyweight, ``3×10 @ 40 kg, 8 @ 45 kg`` when the loads differ (each run of equal sets once, in order).
    A hold reads in seconds: ``3×45 s``."""
    if not sets:
        return ""
    amounts = [_amount(done) for done in sets]
    counted = f"{len(amounts)}×{amounts[0]}" if len(set(amounts)) == 1 else ", ".join(amounts)
    loads = {done.load for done in sets}
    if len(loads) == 1 and None not in loads:
        return f"{counted} @ {format_load(sets[0].load or 0.0, unit)}"
    if loads == {None}:
        return counted
    # Mixed loads (a warm-up set logged too, or a second /log at another load): each run with its load.
    runs: list[tuple[SetDone, int]] = []
    for done in map(_shown, sets):
        if runs and runs[-1][0] == done:
            runs[-1] = (done, runs[-1][1] + 1)
        else:
            runs.append((done, 1))
    return ", ".join(_group(done, count, unit) for done, count in runs)


def summarise_sets(sets: Sequence[SetDone], unit: str, *, more: str) -> str:
    """Last time's sets in a few words, for /workout's line: ``format_sets`` when that is short, else equal
    sets grouped whatever their order ("4×10 @ 40 kg, 2×8 @ 45 kg"), at most ``MAX_GROUPS`` of them, the
    heaviest kept and the others counted by ``more`` ("and {n} more")."""
    whole = format_sets(sets, unit)
    if len(sets) <= SHORT_LIST or len(whole) <= SHORT_TEXT:
        return whole
    counts: dict[SetDone, int] = {}
    for done in map(_shown, sets):
        counts[done] = counts.get(done, 0) + 1
    kept = sorted(counts, key=_heft, reverse=True)[:MAX_GROUPS]
    groups = [done for done in counts if done in kept]  # in the order first logged
    loads = {done.load for done in groups}
    if len(loads) == 1:
        load = groups[0].load
        text = ", ".join(_group(SetDone(d.reps, None, seconds=d.seconds), counts[d], unit) for d in groups)
        text += f" @ {format_load(load, unit)}" if load is not None else ""
    else:
        text = ", ".join(_group(done, counts[done], unit) for done in groups)
    left = sum(count for done, count in counts.items() if done not in kept)
    return f"{text} {more.format(n=left)}" if left else text


def _shown(done: SetDone) -> SetDone:
    """What a list of sets shows of one: reps in reserve aside, two sets alike are the same."""
    return SetDone(done.reps, done.load, seconds=done.seconds)


def _amount(done: SetDone) -> str:
    return f"{done.seconds} s" if done.seconds is not None else str(done.reps)


def _group(done: SetDone, count: int, unit: str) -> str:
    counted = f"{count}×{_amount(done)}" if count > 1 else _amount(done)
    return f"{counted} @ {format_load(done.load, unit)}" if done.load else counted


def _heft(done: SetDone) -> tuple[float, int]:
    return (done.load or 0.0, done.seconds if done.seconds is not None else done.reps)


def shared_bands(sets: Sequence[SetDone]) -> tuple[str, ...]:
    """The bands every one of ``sets`` was logged with ("red band"), or none when they differ."""
    told = {done.bands for done in sets}
    return told.pop() if len(told) == 1 else ()


def with_bands(bands: Sequence[str], texts: Texts) -> str:
    """ "with the red band" (two bands together: "with the red band and the green band"); "" for none."""
    if not bands:
        return ""
    if len(bands) == 1:
        return texts.get("log.with_band", band=escape(bands[0]))
    return texts.get("log.with_bands", bands=escape(", ".join(bands[:-1])), band=escape(bands[-1]))


def _short_of_reserve(last: Sequence[SetDone], plan: Plan) -> bool:
    """Whether a set of ``last`` stopped with fewer reps in reserve than the plan asks (told with /log)."""
    return any(done.rir is not None and done.rir < plan.target_rir for done in last)


def format_prescription(prescription: Prescription, unit: str) -> str:
    sets = [SetDone(prescription.reps, prescription.load)] * prescription.sets
    return format_sets(sets, unit)


def progress_line(
    *,
    exercise: str,
    last: Sequence[SetDone],
    prescription: Prescription,
    plan: Plan,
    unit: str,
    names: Mapping[str, str],
    texts: Texts,
    loaded: bool = True,
    last_exercise: str | None = None,
    day: str = "",
    band: bool = False,
    home_load: bool = False,
    dumbbells: bool = False,
    lapsed: int = 0,
    each_hand: bool = False,
    away: Away | None = None,
    lighter: Sequence[SetDone] = (),
    lighter_why: Lighter | None = None,
) -> str:
    """One line (HTML-escaped) for ``exercise``, whose last session was ``last`` (empty: never logged).

    ``loaded`` is False for a bodyweight move: its first time is about clean reps, not picking a load.
    ``last_exercise`` is what ``last`` was, when a ladder's other rung: then the line names it, and names
    the rung today's sets are for, so "last time" never passes off a strict pull-up as an assisted one.
    ``day`` is today's kind of day where the level's days take turns: ``last`` is then the last day of
    that kind, and the line says so ("last heavy day …"), and an estimate says what it comes from.
    ``band`` says today's exercise is a band move: at the top of its range with no harder version to move
    to, the line says how to make it harder (a stronger band, further from the anchor), where a
    bodyweight move gets a slower lowering or a harder angle, and a lift with no load yet is told to add
    one. "Again, a little smoother" is kept for sets that reached the top with fewer reps in reserve than
    asked. ``home_load`` says the load is a backpack or bottles at home: going heavier is "add a little
    to the backpack", never a number on the chat's plate step it has no plates for. ``dumbbells`` says
    it is an accessory's dumbbells (``sessionlog.Target.dumbbells``): heavier is "the next dumbbell up",
    whose size the rack decides. ``lapsed`` is the days since the lift was last logged, when today holds
    after that break (``Reason.LAPSED``, ``comeback.after_break``): the line says so, and whether today is
    last time's sets, its weakest set's reps, or a little lighter, never a step up; ``away`` how it says
    those days (``comeback.away_said``: a pause, or time since the lift while the chat trained on).
    ``each_hand`` says its load is one dumbbell's (``loadanswer.pair``): every load the line names is said
    so, "2×10 @ 12 kg each hand", as the log and the panel say it (a trial's "today 2×10 @ 22.5 kg" read as
    both dumbbells). ``lighter`` are the sets of the session after ``last``, lighter on purpose and no
    baseline (``lighter_why``: a deload week's, the first back after a pain or a break): the line says what
    that session was and why before ``last``, which today follows ("last time 4×8 @ 55 kg, lighter on
    purpose after the pain; before that 4×8 @ 80 kg → …"), never passing ``last`` off as last time.
    """
    when = texts.get("progression.last_day", day=escape(day)) if day else texts["progression.last_time"]
    basis = prescription.basis
    values = {
        "when": when,
        "day": escape(day),
        "low": str(plan.rep_range[0]),
        "rir": str(plan.target_rir),
        "best": "" if basis is None else f"{format_load(basis.load or 0.0, unit)} × {basis.reps}",
        "name": escape(names.get(exercise, exercise)),
        "exercise": escape(names.get(prescription.exercise, prescription.exercise)),
        "last": summarise_sets(last, unit, more=texts["progression.more_sets"]),
        "today": format_prescription(prescription, unit),
        "reps": str(prescription.reps),
        "top": str(plan.rep_range[1]),
        "next_load": "",
        "lighter": summarise_sets(lighter, unit, more=texts["progression.more_sets"]),
    }
    if last_exercise is not None and last_exercise != exercise:
        values["last"] = f"{escape(names.get(last_exercise, last_exercise))} {values['last']}"
    moves = prescription.reason in (Reason.MOVE_UP, Reason.MOVE_DOWN)
    if prescription.exercise != exercise and not moves:
        values["today"] = f"{values['exercise']} {values['today']}"
    key = prescription.reason.value
    if prescription.reason in (Reason.START, Reason.NEW_DAY) and not loaded:
        key = f"{key}_bodyweight"
    elif prescription.reason is Reason.START and prescription.load is not None:
        key = "start_pair"  # a first time at the pair of dumbbells told at set-up (``homepairs.first_pair``)
    if prescription.reason is Reason.DELOAD and (
        prescription.load is None or basis is None or not basis.load
    ):
        key = "deload_no_load"
    if prescription.reason is Reason.BACK:
        # Lighter than last time, said with what last time was (``comeback.after_pain``).
        if prescription.load is None or basis is None or basis.load is None:
            key = "back_no_load"
        else:
            values["was"] = format_load(basis.load, unit)
    if prescription.reason is Reason.FROM_BODYWEIGHT and basis is not None:
        # Last time's bodyweight sets were of any kind of day: "last heavy day" would claim otherwise.
        values["when"] = texts["progression.last_time"]
        values["best"] = str(basis.reps)
        values["step"] = format_load(prescription.load or 0.0, unit)
        spare = spare_reps(basis.reps, prescription.reps, plan)
        values["spare"], values["per_rep"] = str(spare), format_load(PER_REP.get(unit, 0.0), unit)
        if spare * PER_REP.get(unit, 0.0) < plan.increment:
            key = "from_bodyweight_step"
    estimate = e1rm(basis) if prescription.reason is Reason.FROM_LIFT and basis is not None else None
    if estimate:
        # A first RDL from the deadlift (``firstload.first_from_lift``): its set, max and today's share.
        lift = names.get(last_exercise or "", last_exercise or "")
        values["lift"] = escape(lift[:1].lower() + lift[1:])
        values["max"] = format_load(round(estimate), unit)
        values["share"] = str(round(100 * (prescription.load or 0.0) / estimate))
    if prescription.reason is Reason.FROM_REPS:
        # Last time's sets were of any kind of day, as for a first loaded rung.
        values["when"] = texts["progression.last_time"]
    if prescription.reason is Reason.ESTIMATE and last:
        key = "estimate_past_top" if past_top(last, plan) else "estimate_short"
    if _made_harder(last, prescription, plan):
        key = "repeat_no_load" if loaded else "repeat_band" if band else "repeat_bodyweight"
    if prescription.reason is Reason.ADD_REP and prescription.load:
        values["next_load"] = format_load(progressed_load(prescription.load, plan), unit)
        # Today's target already the top: "or … once all sets reach 8" would be circular.
        if home_load or dumbbells:
            key = "add_rep_then_dumbbell" if dumbbells else "add_rep_then_more"
        else:
            key = "add_rep_at_top" if prescription.reps >= plan.rep_range[1] else "add_rep_then_load"
    if (
        (home_load or dumbbells)
        and prescription.load
        and prescription.reason in (Reason.ADD_LOAD, Reason.PAST_TOP)
    ):
        values["load"] = format_load(prescription.load, unit)
        values["today"] = format_prescription(replace(prescription, load=None), unit)
        key = "add_load_dumbbell" if dumbbells else "add_load_home"
        values["more"] = texts[f"progression.dumbbell_step_{unit}"] if dumbbells else ""
    key = _reps_first(values, prescription, plan, unit, key, dumbbells=dumbbells)
    if prescription.reason is Reason.LAPSED:
        kind, days, paused = away if away is not None else (AwayKind.BREAK, lapsed, 0)
        weeks = texts.count("count.week", weeks_ago(days))
        values["away"] = texts.get(
            f"progression.away_{kind.value}", weeks=weeks, days=str(days), paused=str(paused)
        )
        key = _back_after(last, prescription)
        if lighter_why is not None and lighter:
            # "Last time" is the lighter day there; today holds to the sets before it, and says so (a trial's
            # "last time 2×8 @ 45 kg … → today 3×6 @ 65 kg: … so the same as last time").
            key = f"{key}_before"
    if home_load:
        _say_each_hand(values, last, unit, texts)
    if each_hand:
        _say_one_dumbbell(values, unit, texts)
    same = prescription.exercise == (last_exercise or exercise)
    today = todays_bands(last, prescription, plan, same=same, band=band, loaded=loaded)
    key = _say_band(values, last, today, texts, key=key)
    if lighter_why is not None and lighter:
        why = texts[f"progression.lighter_{lighter_why.value}"]
        # A light day chosen, not planned, is said as one: not "on purpose", which the bot cannot know.
        then = "lighter_then_chosen" if lighter_why is Lighter.CHOSEN else "lighter_then"
        values["when"] = texts.get(
            f"progression.{then}", when=values["when"], lighter=values["lighter"], why=why
        )
    line = texts.get(f"progression.{key}", **values)
    if key in NAMES_PAIR and plan.pair and not dumbbells:
        line = _rack_said(line, last, plan, unit, texts)
    most = max((done.reps for done in heaviest_sets(last)), default=0)
    if prescription.reason is Reason.ADD_REP and same and most > prescription.reps < plan.rep_range[1]:
        # Under a set that did more, never without saying why (a strength coach's trial: 8, 8, 6 → 3×7).
        line = f"{line} {texts.get('progression.toward_best', most=most)}"
    if prescription.easier is None:
        return line
    # Far short of the range: the easier version is said too, the trainee's choice (``bodyreps``).
    which = "band" if band else "same" if prescription.easier == prescription.exercise else "rung"
    easier = escape(names.get(prescription.easier, prescription.easier))
    suggested = texts.get(f"progression.easier_{which}", easier=easier, low=values["low"], top=values["top"])
    return f"{line} {suggested}"


# The lines that name the next pair of dumbbells up by its load.
NAMES_PAIR = frozenset(("add_load", "add_rep_then_load", "add_rep_at_top", "reps_first", "add_rep_then_reps"))


def _reps_first(
    values: dict[str, str], prescription: Prescription, plan: Plan, unit: str, key: str, *, dumbbells: bool
) -> str:
    """The line's key where a pair of dumbbells' next pair up is a big jump, or at home one never logged
    (``pairstep.pair_aim``): today more reps first, or, short of the top, more reps to come before it, or at
    home at the most reps a slower lowering (``Reason.TEMPO``); ``values`` get the reps that earn it
    (``aim``), the next pair and how much heavier it is. ``dumbbells``: an accessory's, whose next size goes
    unnamed. At home the line asks for a heavier pair to be logged, never naming one the trainee may not own.
    """
    load = prescription.load
    reasons = (Reason.ADD_REP, Reason.REPS_FIRST, Reason.TEMPO)
    if not plan.pair or not load or prescription.reason not in reasons:
        return key
    heavier = progressed_load(load, plan)
    aim = pair_aim(exact(load), exact(heavier), plan.rep_range, plan.target_rir, plan.pairs)
    if aim is None:
        return key
    values["aim"], values["next_load"] = str(aim), format_load(heavier, unit)
    values["jump"] = str(round(100 * jump(exact(load), exact(heavier))))
    values["load"] = format_load(load, unit)
    ahead = {Reason.REPS_FIRST: "reps_first", Reason.TEMPO: "tempo"}.get(
        prescription.reason, "add_rep_then_reps"
    )
    if unowned(exact(heavier), plan.pairs):
        return f"{ahead}_home"
    return f"{ahead}_dumbbell" if dumbbells else ahead


def _rack_said(line: str, last: Sequence[SetDone], plan: Plan, unit: str, texts: Texts) -> str:
    """``line``, and where last time's pair says its rack goes up in other steps than the chat's (12 kg on a
    2.5 kg step: 2 kg, ``pairstep.rack_step``), that this is what the next pair was read by, and how to say
    otherwise."""
    top = heaviest_sets(last)
    load = top[0].load if top else None
    rack = rack_step(exact(load), exact(plan.increment)) if load else None
    if load is None or rack is None or rack == exact(plan.increment):
        return line
    said = texts.get(
        "progression.pair_step",
        load=format_load(load, unit),
        rack=format_load(float(rack), unit),
        unit=unit,
        example=texts[f"progression.pair_step_{unit}"],
    )
    return f"{line} {said}"


def _back_after(last: Sequence[SetDone], prescription: Prescription) -> str:
    """The key of a line held after a break (``comeback.after_break``): the same as last time, its weakest
    set's reps, a lighter load, or fewer reps than its weakest set."""
    top = heaviest_sets(last)
    if not top:
        return "lapsed"
    if (prescription.load or 0.0) < (top[0].load or 0.0):
        return "lapsed_lighter"
    if prescription.reps < min(done.reps for done in top):
        return "lapsed_fewer"
    same = len({done.reps for done in top}) == 1 and len(top) == len(last)
    return "lapsed" if same else "lapsed_weakest"


def _say_each_hand(values: dict[str, str], last: Sequence[SetDone], unit: str, texts: Texts) -> None:
    """Where ``last`` was told as each hand's load ("8 kg each"), held as both hands' (16 kg), the line's
    loads say both, "16 kg in all (8 kg each hand)": "@ 16 kg" alone read as 16 kg a hand (a coach's
    trial of a home row)."""
    loads = {done.load for done in last}
    if not last or not all(done.each_hand for done in last) or len(loads) != 1 or not last[0].load:
        return
    total = format_load(last[0].load, unit)
    each = format_load(last[0].load / 2, unit)
    for name in ("last", "today", "load"):
        # The heavier load's "(more than …)" is in brackets already: no second pair inside it.
        key = "progression.each_hand_more" if name == "load" else "progression.each_hand_load"
        said = texts.get(key, total=total, each=each)
        if values.get(name, "").endswith(total):
            values[name] = values[name][: -len(total)] + said


def _say_one_dumbbell(values: dict[str, str], unit: str, texts: Texts) -> None:
    """Every load of the line said as one dumbbell's, "12 kg each hand", where it ends in one."""
    hand = texts["log.each_hand"]
    for name in ("last", "today", "load", "next_load", "was", "lighter"):
        if values.get(name, "").endswith(f" {unit}"):
            values[name] = f"{values[name]} {hand}"
    # The set an estimate or a deload comes from, "40 kg × 10": its load is one dumbbell's too.
    values["best"] = values.get("best", "").replace(f" {unit} × ", f" {unit} {hand} × ", 1)


def sets_with_band(sets: Sequence[SetDone], unit: str, texts: Texts) -> str:
    """``format_sets``, and the band every set was done with: "3×6 with the red band"."""
    return " ".join(filter(None, (format_sets(sets, unit), with_bands(shared_bands(sets), texts))))


def todays_bands(
    last: Sequence[SetDone], prescription: Prescription, plan: Plan, *, same: bool, band: bool, loaded: bool
) -> tuple[str, ...]:
    """The bands today's sets are with as /workout says them, and As written logs them: last time's, for
    the same move (``same``), unless a band move (``band``) at the top of its range is told to take a
    stronger band."""
    stronger = band and not loaded and _made_harder(last, prescription, plan)
    return shared_bands(last) if same and not stronger else ()


def _made_harder(last: Sequence[SetDone], prescription: Prescription, plan: Plan) -> bool:
    """Every set at the top with no load to add: the same sets again, made harder."""
    return (
        prescription.reason is Reason.REPEAT
        and prescription.load is None
        and not _short_of_reserve(last, plan)
    )


def _say_band(
    values: dict[str, str], last: Sequence[SetDone], today: Sequence[str], texts: Texts, *, key: str
) -> str:
    """Where ``last`` was logged with a band ("red band"), the line says so, and ``today``'s bands after
    today's sets: "last time 6, 5 with the red band → today 7, 6 with the red band" (a newcomer trial: the
    colour was logged and shown nowhere, so "6, 5" read as any band's). Topped out with a band helping,
    the move up to the next rung says a lighter band is the step before it. The line's key."""
    told = shared_bands(last)
    if not told:
        return key
    said = with_bands(told, texts)
    values["last"] += f" {said}"
    values["with_band"], values["band"] = said, escape(", ".join(told))
    if today:
        values["today"] += f" {with_bands(today, texts)}"
    return "move_up_band" if key == "move_up" else key
