from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.model import SetDone
from bot.coach.progress_text import (
    format_load,
    format_prescription,
    format_sets,
    progress_line,
    summarise_sets,
)
from bot.coach.progression import Ladder, Plan, Reason, in_unit, next_prescription, progressed_load
from bot.coach.progression_days import next_on_day
from bot.coach.texts import Texts

TEXTS = Texts.load()
NAMES = {"bent-over-row": "Barbell row", "pull-up": "Pull-up", "assisted-pull-up": "Assisted pull-up"}
ROW = Plan(sets=3, rep_range=(10, 12), increment=2.5)
PULL_UPS_LADDER = Ladder(("assisted-pull-up", "pull-up", "weighted-pull-up"), frozenset({"weighted-pull-up"}))


def line(
    exercise: str,
    sessions: list[list[SetDone]],
    plan: Plan = ROW,
    ladder: Ladder | None = None,
    *,
    shown: str | None = None,
    last_exercise: str | None = None,
    loaded: bool = True,
) -> str:
    """The line for ``exercise``'s prescription, shown under ``shown`` (another rung) when given."""
    prescription = next_prescription(exercise, sessions, plan, ladder)
    last = sessions[-1] if sessions else []
    return progress_line(
        exercise=shown or exercise,
        last=last,
        last_exercise=last_exercise,
        prescription=prescription,
        plan=plan,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
        loaded=loaded,
    )


def test_the_issues_example_line() -> None:
    assert line("bent-over-row", [[SetDone(10, 40)] * 3]) == (
        "Barbell row: last time 3×10 @ 40 kg → today 3×11 @ 40 kg, or 42.5 kg once all sets reach 12."
    )


def test_lines_for_each_reason() -> None:
    assert "heavier" in line("bent-over-row", [[SetDone(12, 40)] * 3])
    assert "3×10 @ 42.5 kg" in line("bent-over-row", [[SetDone(12, 40)] * 3])
    assert line("bent-over-row", []).startswith("Barbell row: first time")
    ladder = Ladder(("assisted-pull-up", "pull-up"))
    moved = line("assisted-pull-up", [[SetDone(12)] * 3], ladder=ladder)
    assert moved == "Assisted pull-up: every set at the top → today try Pull-up: 3×10."
    assert "lighter" in line("bent-over-row", [[SetDone(10, 60)] * 3] * 4)


@pytest.mark.parametrize(
    "sets, text",
    [
        ([SetDone(10, 40)] * 3, "3×10 @ 40 kg"),
        ([SetDone(10, 42.5), SetDone(10, 42.5), SetDone(9, 42.5)], "10, 10, 9 @ 42.5 kg"),
        ([SetDone(5), SetDone(5), SetDone(4)], "5, 5, 4"),
        ([SetDone(10, 20), SetDone(8, 40)], "10 @ 20 kg, 8 @ 40 kg"),
        # Runs of equal sets once each, in the order lifted; reps in reserve don't tell sets apart.
        (
            [SetDone(10, 40, rir=2)] * 2 + [SetDone(10, 40)] + [SetDone(8, 45)] * 2,
            "3×10 @ 40 kg, 2×8 @ 45 kg",
        ),
        ([SetDone(10, 40), SetDone(8, 45), SetDone(10, 40)], "10 @ 40 kg, 8 @ 45 kg, 10 @ 40 kg"),
        ([SetDone(8), SetDone(6, 10)], "8, 6 @ 10 kg"),
        # Holds read in seconds.
        ([SetDone(0, seconds=45)] * 3, "3×45 s"),
        ([SetDone(0, seconds=45), SetDone(0, seconds=40)], "45 s, 40 s"),
        ([SetDone(0, 5, seconds=30)] * 2, "2×30 s @ 5 kg"),
        ([], ""),
    ],
)
def test_format_sets(sets: list[SetDone], text: str) -> None:
    assert format_sets(sets, "kg") == text


MORE = TEXTS["progression.more_sets"]


@pytest.mark.parametrize(
    "sets, text",
    [
        # Short enough: as format_sets has it.
        ([SetDone(10, 42.5), SetDone(10, 42.5), SetDone(9, 42.5)], "10, 10, 9 @ 42.5 kg"),
        ([SetDone(r) for r in (5, 5, 4, 4, 4, 3, 3, 2)], "5, 5, 4, 4, 4, 3, 3, 2"),
        ([SetDone(10, 40)] * 8, "8×10 @ 40 kg"),
        # A /log per set, warm-ups among them: equal sets together, the heaviest three groups kept.
        (
            [
                SetDone(10, 40),
                SetDone(8, 45),
                SetDone(10, 40),
                SetDone(8, 45),
                SetDone(10, 40),
                SetDone(6, 50),
            ],
            "3×10 @ 40 kg, 2×8 @ 45 kg, 6 @ 50 kg",
        ),
        (
            [SetDone(12, 20), SetDone(10, 30), *[SetDone(10, 40)] * 3, *[SetDone(8, 45)] * 2, SetDone(6, 50)],
            "3×10 @ 40 kg, 2×8 @ 45 kg, 6 @ 50 kg and 2 more",
        ),
        (
            [SetDone(r, 40) for r in (12, 11, 10, 10, 10, 9, 8, 8, 8, 7, 6, 6)],
            "12, 11, 3×10 @ 40 kg and 7 more",
        ),
    ],
)
def test_last_time_is_summarised_when_long(sets: list[SetDone], text: str) -> None:
    assert summarise_sets(sets, "kg", more=MORE) == text


def test_the_line_under_a_main_lift_summarises_last_time() -> None:
    many = [
        SetDone(r, load) for r, load in ((12, 20), (10, 30), (10, 40), (10, 40), (10, 40), (8, 45), (8, 45))
    ]
    text = line("bent-over-row", [many])
    assert text.startswith("Barbell row: last time 10 @ 30 kg, 3×10 @ 40 kg, 2×8 @ 45 kg and 1 more → today ")


@given(
    st.lists(
        st.builds(
            SetDone,
            st.integers(1, 100),
            st.one_of(st.none(), st.sampled_from([20.0, 40.0, 42.5, 45.0, 100.0, 142.5])),
            seconds=st.one_of(st.none(), st.integers(1, 600)),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_a_summary_is_short_and_counts_every_set(sets: list[SetDone]) -> None:
    text = summarise_sets(sets, "kg", more=MORE)
    assert len(text) <= 90, text
    if "more" in text:
        shown = sum(int(m) if m else 1 for m in re.findall(r"(?:^|, )(?:(\d+)×)?", text.split(" and ")[0]))
        left = int(re.search(r"and (\d+) more", text).group(1))  # type: ignore[union-attr]
        assert left >= 1 and shown + left == len(sets), text


def test_every_reason_has_a_line() -> None:
    for reason in Reason:
        assert f"progression.{reason.value}" in TEXTS


def test_a_bodyweight_move_starts_with_clean_reps_not_a_load() -> None:
    text = line("pull-up", [], loaded=False)
    assert text.startswith("Pull-up: first time") and "load" not in text


def test_the_user_trials_lines_are_on_the_chats_step() -> None:
    """100 lb logged, chat in kg: "last time 45.4 kg → today 47.5 kg", not 45.36 → 47.86."""
    logged = [[SetDone(12, in_unit(100, "lb", "kg"))] * 3]
    assert "3×12 @ 45.4 kg → today 3×10 @ 47.5 kg" in line("bent-over-row", logged)
    held = line("bent-over-row", [[SetDone(10, in_unit(100, "lb", "kg"))] * 3])
    # Held: the same 100 lb dumbbell, as logged; only the load added later is on the step.
    assert "3×10 @ 45.4 kg → today 3×11 @ 45.4 kg, or 47.5 kg once" in held


# --- properties ------------------------------------------------------------------------------------------

UNITS = st.sampled_from(["kg", "lb"])
# What /units accepts, to 0.01 (0 < step <= 25), plus the steps people actually use.
STEPS = st.one_of(
    st.sampled_from([0.5, 1.0, 1.25, 2.5, 5.0, 7.0]),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal(25), places=2).map(float),
)
LOGGED = st.decimals(min_value=0, max_value=500, places=2).map(float)


def _shown(text: str, unit: str) -> list[Decimal]:
    return [Decimal(number) for number in re.findall(rf"([0-9.]+) {unit}", text)]


@given(LOGGED, UNITS, UNITS, STEPS, st.lists(st.integers(1, 15), min_size=1, max_size=4), st.booleans())
def test_todays_target_is_a_multiple_of_the_chats_step(
    load: float, logged_in: str, chat_unit: str, step: float, reps: list[int], lower_body: bool
) -> None:
    plan = Plan(sets=3, rep_range=(8, 12), lower_body=lower_body, increment=step)
    last = [SetDone(r, in_unit(load, logged_in, chat_unit)) for r in reps]
    prescription = next_prescription("bent-over-row", [last], plan)
    targets = _shown(format_prescription(prescription, chat_unit), chat_unit)
    if prescription.reason in (Reason.ADD_REP, Reason.REPEAT):
        # A held load is shown as last time's, and only the load added later must be on the step.
        assert targets == _shown(format_sets(last[:1], chat_unit), chat_unit)[-1:]
        targets = []
    if prescription.reason is Reason.ADD_REP and prescription.load:
        targets += _shown(format_load(progressed_load(prescription.load, plan), chat_unit), chat_unit)
    for target in targets:
        assert target % Decimal(str(step)) == 0, (target, step)
        assert -int(target.as_tuple().exponent) <= 2
    # Last time: a converted load reads to 0.1 at most.
    if logged_in != chat_unit:
        for shown in _shown(format_sets(last, chat_unit), chat_unit):
            assert -int(shown.as_tuple().exponent) <= 1


def test_last_time_on_another_rung_is_named() -> None:
    # A trial: a strict pull-up log read as the assisted pull-up's "last time 5, 5, 4".
    ladder = Ladder(("assisted-pull-up", "pull-up"))
    sessions = [[SetDone(5), SetDone(5), SetDone(4)]]
    shown = line(
        "pull-up", sessions, ladder=ladder, shown="assisted-pull-up", last_exercise="pull-up", loaded=False
    )
    assert shown.startswith("Assisted pull-up: last time Pull-up 5, 5, 4 → today Pull-up 3×"), shown


def test_a_target_already_at_the_top_names_the_next_load_without_a_circle() -> None:
    # Not "today 3×12 @ 40 kg, or 42.5 kg once all sets reach 12" (newcomer trial).
    assert line("bent-over-row", [[SetDone(11, 40)] * 3]) == (
        "Barbell row: last time 3×11 @ 40 kg → today 3×12 @ 40 kg: "
        "hit 12 on every set and it's 42.5 kg next time."
    )


def test_ramped_sets_short_of_the_range_say_where_the_load_comes_from() -> None:
    deadlift = Plan(sets=3, rep_range=(6, 8), target_rir=2, lower_body=True, increment=2.5)
    ramped = [[SetDone(5, 100), SetDone(5, 110), SetDone(3, 120)]]
    assert line("bent-over-row", ramped, deadlift) == (
        "Barbell row: last time 5 @ 100 kg, 5 @ 110 kg, 3 @ 120 kg, short of 6–8 → today 3×6 @ 102.5 kg, "
        "lighter, worked out from your recent set (120 kg × 3)."
    )


def at_top(exercise: str, *, loaded: bool, band: bool = False, rir: int | None = None) -> str:
    sessions = [[SetDone(12, rir=rir)] * 2]
    plan = Plan(sets=2, rep_range=(10, 12), increment=2.5)
    prescription = next_prescription(exercise, sessions, plan)
    return progress_line(
        exercise=exercise,
        last=sessions[-1],
        prescription=prescription,
        plan=plan,
        unit="kg",
        names={"band-row": "Band row", "inverted-row": "Inverted row", "lat-pulldown": "Lat pulldown"},
        texts=TEXTS,
        loaded=loaded,
        band=band,
    )


def test_at_the_top_with_no_harder_version_the_line_says_how_to_make_it_harder() -> None:
    # A second newcomer trial: "today 2×12 again, a little smoother" left a band row at the top for good.
    assert at_top("band-row", loaded=False, band=True) == (
        "Band row: last time 2×12, every set at the top → today 2×12 again, made harder: a stronger band"
        " or a step further from the anchor, and a slow 3-second lowering."
    )
    bodyweight = at_top("inverted-row", loaded=False)
    assert "made harder: a slow 3-second lowering with a pause at the top, or a harder angle." in bodyweight
    assert "band" not in bodyweight
    no_load = at_top("lat-pulldown", loaded=True)
    assert no_load.startswith("Lat pulldown: last time 2×12, every set at the top with no load logged → ")
    assert "✏️ Adjust" in no_load
    # Top reps with fewer in reserve than asked: the same again, smoother, is still the advice.
    assert at_top("band-row", loaded=False, band=True, rir=0) == (
        "Band row: last time 2×12 → today 2×12 again, a little smoother."
    )


@given(each=st.sampled_from([4.0, 7.5, 8.0, 12.5, 20.0]), reps=st.integers(10, 11))
def test_a_home_load_told_each_hands_says_the_total_and_each_hands(each: float, reps: int) -> None:
    total = each * 2
    last = [SetDone(reps, total, each_hand=True)] * 2
    plan = Plan(sets=2, rep_range=(10, 12))
    p = next_prescription("backpack-row", [last], plan)
    said = progress_line(
        exercise="backpack-row",
        last=last,
        prescription=p,
        plan=plan,
        unit="kg",
        names={},
        texts=TEXTS,
        home_load=True,
    )
    both = f"{format_load(total, 'kg')} in all ({format_load(each, 'kg')} each hand)"
    assert f"last time 2×{reps} @ {both} → today 2×{reps + 1} @ {both}" in said, said
    told_whole = progress_line(
        exercise="backpack-row",
        last=[SetDone(reps, total)] * 2,
        prescription=p,
        plan=plan,
        unit="kg",
        names={},
        texts=TEXTS,
        home_load=True,
    )
    assert "each hand" not in told_whole and "in all" not in told_whole
    assert SetDone(reps, total, each_hand=True) == SetDone(reps, total), (
        "how it was told is not what was done"
    )


def test_a_first_volume_day_of_pull_ups_shows_the_reps_it_comes_from() -> None:
    # A strength coach's trial: "first volume day for it — 10–12 clean reps with 2 in reserve" after 10, 9,
    # 8, 8 (a 12–14 rep max asked). Now the target from the reps, named as last time's (any kind of day).
    volume = Plan(sets=4, rep_range=(10, 12), target_rir=2, bodyweight=True)
    last = [SetDone(r) for r in (10, 9, 8, 8)]
    prescription = next_on_day("pull-up", [], [last], volume, PULL_UPS_LADDER, estimable=False)
    shown = progress_line(
        exercise="pull-up",
        last=last,
        prescription=prescription,
        plan=volume,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
        loaded=False,
        day="volume day",
    )
    assert shown == (
        "Pull-up: first volume day for it — last time 10, 9, 8, 8 → today 4×8, leaving about 2 in reserve; "
        "then a rep more a set each volume day up to 12."
    )


@pytest.mark.parametrize(
    ("band", "ladder", "ending"),
    [
        (
            False,
            Ladder(("assisted-pull-up", "pull-up")),
            "an easier version is fine for now (Assisted pull-up,",
        ),
        (False, None, "make it easier for now if you like"),
        (True, None, "a lighter band or a step closer to the anchor is fine for now."),
    ],
)
def test_reps_far_short_of_the_range_suggest_the_easier_version(
    band: bool, ladder: Ladder | None, ending: str
) -> None:
    plan = Plan(sets=2, rep_range=(10, 12))
    last = [SetDone(6), SetDone(5)]
    prescription = next_prescription("pull-up", [last], plan, ladder)
    shown = progress_line(
        exercise="pull-up",
        last=last,
        prescription=prescription,
        plan=plan,
        unit="kg",
        names=NAMES,
        texts=TEXTS,
        loaded=False,
        band=band,
    )
    assert shown.startswith("Pull-up: last time 6, 5 → today 2×6. Still well short of 10–12: "), shown
    assert ending in shown, shown
