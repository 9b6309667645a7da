from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.model import SetDone
from bot.coach.records import (
    BASELINE_SESSIONS,
    MAX_BESTS_SHOWN,
    REP_RECORD_SHARE,
    Best,
    NewRecord,
    RecordKind,
    best,
    epley,
    headline,
    help_in_note,
    new_records,
    rep_floor,
    shown_bests,
)


def at(load: float | None, *reps: int) -> list[SetDone]:
    return [SetDone(r, load) for r in reps]


def kinds(previous: list[SetDone], new: list[SetDone]) -> dict[RecordKind, tuple[float, float]]:
    return {r.kind: (r.value, r.previous) for r in new_records(previous, new)}


def test_epley_counts_one_to_twelve_reps_of_a_load() -> None:
    assert epley(100, 1) == pytest.approx(100 * (1 + 1 / 30))
    assert epley(60, 10) == pytest.approx(80)
    assert epley(60, 13) is None
    assert epley(60, 0) is None
    assert epley(None, 5) is None


def test_first_log_of_an_exercise_is_never_a_record() -> None:
    assert new_records([], at(100, 5, 5, 5)) == []


def test_heavier_set_beats_heaviest_and_estimated_max() -> None:
    found = kinds(at(40, 10, 10), at(42.5, 10, 8))
    assert found[RecordKind.HEAVIEST] == (42.5, 40)
    assert found[RecordKind.E1RM] == (pytest.approx(42.5 * (1 + 10 / 30)), pytest.approx(40 * (1 + 10 / 30)))
    # A first set at a heavier load is not a rep record: nothing was ever done at that load.
    assert RecordKind.REPS_AT_LOAD not in found


def test_more_reps_at_a_load_or_heavier() -> None:
    assert kinds(at(40, 10, 9), at(40, 11)) == {
        RecordKind.REPS_AT_LOAD: (11, 10),
        RecordKind.E1RM: (pytest.approx(40 * (1 + 11 / 30)), pytest.approx(40 * (1 + 10 / 30))),
    }
    # 10 at 95 kg beats 8 at 100 kg; 12 at 92.5 kg does not beat 12 at 100 kg.
    assert RecordKind.REPS_AT_LOAD in kinds(at(100, 8), at(95, 10))
    assert RecordKind.REPS_AT_LOAD not in kinds(at(100, 12), at(92.5, 12))


def test_equal_is_not_a_record_and_bodyweight_counts_reps() -> None:
    assert new_records(at(40, 10, 10), at(40, 10, 10)) == []
    assert kinds(at(None, 5, 5, 4), at(None, 6, 5)) == {RecordKind.REPS_AT_LOAD: (6, 5)}
    assert best(at(None, 5, 6)) == Best(heaviest=None, most_reps=6, e1rm=None)


def test_long_sets_do_not_set_an_estimated_max() -> None:
    assert RecordKind.E1RM not in kinds(at(40, 10), at(40, 20))


sets = st.lists(
    st.builds(SetDone, reps=st.integers(0, 40), load=st.one_of(st.none(), st.floats(0, 300))), max_size=8
)


@given(sets, sets)
def test_a_record_always_beats_what_came_before(previous: list[SetDone], new: list[SetDone]) -> None:
    before = best(previous)
    for record in new_records(previous, new):
        assert record.value > record.previous
        if record.kind is RecordKind.HEAVIEST:
            assert before.heaviest is not None and record.value > before.heaviest
        if record.kind is RecordKind.E1RM:
            assert before.e1rm is not None and record.value > before.e1rm


@given(sets)
def test_repeating_the_past_beats_nothing(previous: list[SetDone]) -> None:
    assert new_records(previous, previous) == []


def test_timed_holds_have_no_rep_records() -> None:
    """A hold is stored with 0 reps and its seconds: neither counts against or for the rep records."""
    holds = [SetDone(0, 5.0, seconds=45)] * 3
    assert new_records(holds, [SetDone(0, 10.0, seconds=60)]) == []
    assert best(holds) == Best(None, None, None)
    # A legacy set counted in reps beside holds still counts on its own.
    assert kinds(at(40, 8), [*holds, SetDone(10, 40)]) == {
        RecordKind.REPS_AT_LOAD: (10, 8),
        RecordKind.E1RM: (pytest.approx(40 * (1 + 10 / 30)), pytest.approx(40 * (1 + 8 / 30))),
    }


# --- A counterweight's help (the assisted pull-up machine) --------------------------------------------------

TEMPLATE = "assisted by {assist}"


def reps_records(
    previous: list[tuple[int, float | None]], new: list[tuple[int, float | None]]
) -> list[float]:
    found = new_records(
        [SetDone(reps) for reps, _ in previous],
        [SetDone(reps) for reps, _ in new],
        help=([h for _, h in previous], [h for _, h in new]),
    )
    return [r.value for r in found if r.kind is RecordKind.REPS_AT_LOAD]


def test_more_help_is_never_a_rep_record() -> None:
    # Newcomer trial: 3×12 with 25 kg of help "beat" 10 with 15 kg.
    assert reps_records([(10, 15)], [(12, 25)] * 3) == []
    assert reps_records([(10, 15)], [(12, 15)]) == [12]  # the same help
    assert reps_records([(10, 15)], [(11, 10)]) == [11]  # less help
    assert reps_records([(10, 15), (12, 25)], [(13, 20)]) == [13]  # less help than the 12s had
    assert reps_records([(10, 15), (13, 15)], [(13, 10)]) == []  # not more reps than ever


def test_help_told_on_one_side_only_cannot_be_compared() -> None:
    assert reps_records([(10, None)], [(12, 15)]) == []
    assert reps_records([(10, 15)], [(12, None)]) == []
    assert reps_records([(10, None)], [(12, None)]) == [12]  # help never told: bodyweight reps


def test_a_note_keeps_the_help_as_log_wrote_it() -> None:
    assert help_in_note("assisted by 25 kg", TEMPLATE) == (25, "kg")
    assert help_in_note("assisted by 22.5 lb; felt ok", TEMPLATE) == (22.5, "lb")
    assert help_in_note("felt ok", TEMPLATE) is None
    assert help_in_note(None, TEMPLATE) is None
    with pytest.raises(ValueError, match="one help per set"):
        new_records(at(None, 10), at(None, 12), help=([], [None]))


helps = st.one_of(st.none(), st.sampled_from([0.0, 5.0, 10.0, 15.0, 22.5, 40.0]))
helped_sets = st.lists(st.tuples(st.integers(1, 30), helps), min_size=1, max_size=6)


@given(helped_sets, helped_sets)
def test_a_rep_record_never_has_more_help_than_every_set_before(
    previous: list[tuple[int, float | None]], new: list[tuple[int, float | None]]
) -> None:
    found = new_records(
        [SetDone(reps) for reps, _ in previous],
        [SetDone(reps) for reps, _ in new],
        help=([h for _, h in previous], [h for _, h in new]),
    )
    for record in found:
        assert record.kind is RecordKind.REPS_AT_LOAD  # no load: no heaviest, no estimate
        assert record.previous == max(reps for reps, _ in previous) < record.value
        setter = [h for reps, h in new if reps == record.value]
        told = [h for _, h in previous]
        if None in told:
            assert set(told) == {None} and None in setter
        else:
            assert any(h is not None and h <= max(t for t in told if t is not None) for h in setter)


@given(
    st.lists(st.integers(1, 30), min_size=1, max_size=6), st.lists(st.integers(1, 30), min_size=1, max_size=6)
)
def test_help_never_told_counts_reps_as_before(previous: list[int], new: list[int]) -> None:
    before = [SetDone(reps) for reps in previous]
    now = [SetDone(reps) for reps in new]
    told = new_records(before, now, help=([None] * len(before), [None] * len(now)))
    assert told == new_records(before, now)


# Where heavy, moderate and volume days take turns: ``same_kind`` says which earlier sets were of the new
# sets' kind of day.
HEAVY, MODERATE = SetDone(5, 95.0), SetDone(6, 85.0)


def rep_record(previous: list[SetDone], alike: list[bool], new: SetDone) -> float | None:
    found = [r for r in new_records(previous, [new], same_kind=alike) if r.kind is RecordKind.REPS_AT_LOAD]
    return found[0].previous if found else None


def test_a_first_volume_day_is_no_rep_record_over_heavier_days() -> None:
    # 12 at 80 kg "beats" 6 at 85 and 5 at 95 only because a volume day asks for 10-12 reps.
    assert rep_record([HEAVY, MODERATE], [False, False], SetDone(12, 80.0)) is None
    # Without kinds of day (beginner, intermediate) a set near the top load is the rep record it always was
    # (80 kg after 95 kg is a back-off set there: no working load, no rep record).
    assert rep_record([HEAVY, MODERATE], [True, True], SetDone(12, 87.5)) == 5  # beats 5 at 95 kg
    assert rep_record([HEAVY, MODERATE], [True, True], SetDone(12, 80.0)) is None


def test_a_volume_day_beats_the_last_volume_day_and_a_heavy_day_at_its_own_load() -> None:
    volume = SetDone(12, 80.0)
    assert rep_record([HEAVY, MODERATE, volume], [False, False, True], SetDone(13, 80.0)) == 12
    # The same kind of day at a heavier load is a fair rival too: 12 at 82.5 beats 12 at 85 on a volume day.
    assert rep_record([HEAVY, SetDone(11, 85.0)], [False, True], SetDone(12, 82.5)) == 11
    # At the very load of a heavy day, more reps is a record whatever the kind of day.
    assert rep_record([HEAVY, MODERATE], [False, False], SetDone(8, 95.0)) == 5
    # ... and never a record when some earlier day did more at that load or heavier.
    assert rep_record([SetDone(9, 95.0), HEAVY], [False, False], SetDone(8, 95.0)) is None


def test_heaviest_and_estimated_max_compare_every_kind_of_day() -> None:
    found = {r.kind for r in new_records([HEAVY, MODERATE], [SetDone(5, 100.0)], same_kind=[False, True])}
    assert found == {RecordKind.HEAVIEST, RecordKind.E1RM}
    # 100 kg × 4 after the heavy day's 95 kg × 5 is the heaviest yet, and its estimated max the best.
    found = {r.kind for r in new_records([HEAVY, MODERATE], [SetDone(4, 100.0)], same_kind=[False, True])}
    assert found == {RecordKind.HEAVIEST, RecordKind.E1RM}


@given(sets, sets, st.lists(st.booleans(), max_size=8))
def test_kinds_of_day_only_ever_take_rep_records_away(
    previous: list[SetDone], new: list[SetDone], alike: list[bool]
) -> None:
    alike = (alike + [False] * len(previous))[: len(previous)]
    plain = new_records(previous, new)
    with_kinds = new_records(previous, new, same_kind=alike)
    assert [r for r in with_kinds if r.kind is not RecordKind.REPS_AT_LOAD] == [
        r for r in plain if r.kind is not RecordKind.REPS_AT_LOAD
    ]
    # A rep record with kinds at a working load of every day's is one without them too (of several,
    # possibly another set's); below it, only its own kind of day's load counts (a volume day's).
    reps = [r for r in with_kinds if r.kind is RecordKind.REPS_AT_LOAD]
    floor = rep_floor(s.load for s in (*previous, *new) if s.seconds is None and s.reps >= 1)
    working = [r for r in reps if floor is None or _load_of(r) >= floor - 1e-9]
    assert not working or any(r.kind is RecordKind.REPS_AT_LOAD for r in plain)
    assert all(r.value > r.previous for r in reps)


def test_same_kind_needs_one_flag_per_earlier_set() -> None:
    with pytest.raises(ValueError):
        new_records([HEAVY], [SetDone(12, 80.0)], same_kind=[])


# --- What a coach calls a best: a baseline first, then real bests, one per lift, a few per reply -----------


def test_a_lifts_first_two_sessions_are_its_baseline() -> None:
    # The trial: a second session with one more rep on every lift was a 🏆 for each.
    assert new_records(at(40, 10, 10, 10), at(40, 11, 11, 11), earlier_sessions=1) == []
    # Even a heavier load on the second day is finding the level, not a record.
    assert new_records(at(100, 5), at(110, 5), earlier_sessions=1) == []
    # From the third session on, the same sets are records.
    assert kinds_after(at(40, 10, 10, 10), at(40, 11, 11, 11)) == {RecordKind.REPS_AT_LOAD, RecordKind.E1RM}


def kinds_after(previous: list[SetDone], new: list[SetDone]) -> set[RecordKind]:
    return {r.kind for r in new_records(previous, new, earlier_sessions=2)}


def test_heaviest_is_a_heavier_load_than_ever_for_any_reps() -> None:
    assert RecordKind.HEAVIEST in kinds_after(at(100, 5), at(105, 5))
    assert RecordKind.HEAVIEST in kinds_after(at(100, 5), at(105, 6))
    # 185 kg × 3 after 180 kg × 5: the heaviest lift yet, though its estimate is lower (a trial missed it).
    assert kinds_after(at(180, 5), at(185, 3)) == {RecordKind.HEAVIEST}
    # Of the new sets above the old top, the heaviest is the one named.
    found = new_records(at(100, 5), [SetDone(5, 105.0), SetDone(2, 110.0)], earlier_sessions=2)
    assert [(r.value, r.reps) for r in found if r.kind is RecordKind.HEAVIEST] == [(110.0, 2)]
    # Not heavier is no heaviest record, whatever the reps.
    assert RecordKind.HEAVIEST not in kinds_after(at(100, 5), at(100, 9))


@given(sets, sets, st.integers(0, BASELINE_SESSIONS - 1))
def test_no_record_inside_the_baseline(previous: list[SetDone], new: list[SetDone], sessions: int) -> None:
    assert new_records(previous, new, earlier_sessions=sessions) == []


@given(sets, sets)
def test_a_heaviest_record_is_never_outdone_by_an_earlier_set(
    previous: list[SetDone], new: list[SetDone]
) -> None:
    for record in new_records(previous, new, earlier_sessions=BASELINE_SESSIONS):
        if record.kind is RecordKind.HEAVIEST:
            assert not any(_load(s) >= record.value for s in previous)


def _load(done: SetDone) -> float:
    return done.load or 0.0


def _load_of(record: NewRecord) -> float:
    return record.load or 0.0


@given(sets, sets)
def test_a_lift_is_named_by_one_of_its_records(previous: list[SetDone], new: list[SetDone]) -> None:
    found = new_records(previous, new, earlier_sessions=BASELINE_SESSIONS)
    top = headline(found)
    assert (top is None) == (not found)
    if found:
        assert top in found
        # A heavier load, where there is one, is the record named.
        assert (top.kind is RecordKind.HEAVIEST) == any(r.kind is RecordKind.HEAVIEST for r in found)


@given(st.lists(st.integers(), max_size=12), st.integers(1, 6))
def test_a_reply_names_a_few_bests_in_order_and_counts_the_rest(bests: list[int], cap: int) -> None:
    shown, more = shown_bests(bests, cap)
    assert shown == bests[: len(shown)] and len(shown) <= cap
    assert len(shown) + more == len(bests)
    assert shown_bests(bests)[0] == bests[:MAX_BESTS_SHOWN]


# --- A rep record at a working load only: never a back-off set's --------------------------------------------


def test_a_back_off_set_is_no_rep_record() -> None:
    # The trial: 11 reps at 62.5 kg announced for a lifter whose best is 80 kg × 6.
    previous = [*at(80, 6, 6), *at(62.5, 10)]
    assert new_records(previous, at(62.5, 11), earlier_sessions=2, step=2.5) == []
    # At the top load, or within a tenth of it, more reps are the record they always were.
    assert kinds_after(previous, at(80, 7)) >= {RecordKind.REPS_AT_LOAD}
    assert kinds_after(at(80, 6, 6), at(72.5, 9)) >= {RecordKind.REPS_AT_LOAD}


def test_a_light_lift_counts_the_next_load_down() -> None:
    # 20 kg dumbbells after a top of 22.5 kg are one step down, though 11 % lighter.
    previous = [*at(22.5, 8), *at(20, 10)]
    found = new_records(previous, at(20, 12), earlier_sessions=2, step=2.5)
    assert [(r.kind, r.value, r.load) for r in found] == [(RecordKind.REPS_AT_LOAD, 12, 20)]
    # Two steps down is a back-off set again; without a step only the tenth counts.
    assert new_records([*at(22.5, 8), *at(17.5, 10)], at(17.5, 14), earlier_sessions=2, step=2.5) == []
    assert new_records(previous, at(20, 12), earlier_sessions=2) == []


def test_the_floor_is_of_the_heaviest_set_logged_today_too() -> None:
    # A heavier top set today makes today's lighter sets back-off sets: the heaviest is the record named.
    found = new_records(at(80, 6), [SetDone(3, 90.0), SetDone(7, 80.0)], earlier_sessions=2)
    assert {r.kind for r in found} == {RecordKind.HEAVIEST, RecordKind.E1RM}


def test_a_load_added_to_bodyweight_has_no_floor() -> None:
    # Bodyweight is most of a weighted pull-up: 8 reps with 10 kg after 5 with 20 kg is a real best.
    found = new_records([SetDone(5, 20.0), SetDone(6, 10.0)], [SetDone(8, 10.0)], estimable=False)
    assert [r.kind for r in found] == [RecordKind.REPS_AT_LOAD]


def test_rep_floor() -> None:
    assert rep_floor([]) is None
    assert rep_floor([None, None]) is None
    assert rep_floor([80.0, None, 62.5]) == pytest.approx(72)
    assert rep_floor([80.0], step=2.5) == pytest.approx(72)
    assert rep_floor([22.5], step=2.5) == pytest.approx(20)
    assert rep_floor([22.5], step=0) == pytest.approx(20.25)


# Loads on a plate grid (a quarter kilo) up to 400 kg, and steps a chat may set.
grid = st.integers(1, 1600).map(lambda quarters: quarters / 4)
steps = st.one_of(st.none(), st.sampled_from([0.5, 1.0, 1.25, 2.0, 2.5, 5.0]))
loaded_sets = st.lists(st.builds(SetDone, reps=st.integers(0, 30), load=grid), min_size=1, max_size=8)


@given(loaded_sets, loaded_sets, steps)
def test_every_rep_record_is_at_a_working_load(
    previous: list[SetDone], new: list[SetDone], step: float | None
) -> None:
    heaviest = max((s.load or 0.0 for s in (*previous, *new) if s.reps >= 1), default=0.0)
    for record in new_records(previous, new, earlier_sessions=BASELINE_SESSIONS, step=step):
        if record.kind is RecordKind.REPS_AT_LOAD:
            assert record.load is not None
            lowest = (
                heaviest * REP_RECORD_SHARE
                if step is None
                else min(heaviest * REP_RECORD_SHARE, heaviest - step)
            )
            assert record.load >= lowest - 1e-9


@given(st.integers(1, 400), st.integers(1, 20), st.integers(1, 20), steps)
def test_a_set_at_exactly_nine_tenths_counts(
    tenths: int, before: int, extra: int, step: float | None
) -> None:
    """90 % of a load on the grid is no rounding error away from counting: 9 tenths of 10 tenths."""
    heaviest, working = tenths * 10 / 4, tenths * 9 / 4
    previous = [SetDone(1, heaviest), SetDone(before, working)]
    found = new_records(previous, [SetDone(before + extra, working)], earlier_sessions=2, step=step)
    assert [r.load for r in found if r.kind is RecordKind.REPS_AT_LOAD] == [working]


@given(loaded_sets, st.integers(1, 30), steps)
def test_more_reps_than_ever_at_the_top_load_is_always_a_record(
    previous: list[SetDone], extra: int, step: float | None
) -> None:
    counted = [s for s in previous if s.reps >= 1]
    if not counted:
        return
    top = max(s.load or 0.0 for s in counted)
    most = max(s.reps for s in previous if (s.load or 0.0) >= top)
    found = new_records(previous, [SetDone(most + extra, top)], earlier_sessions=2, step=step)
    assert any(r.kind is RecordKind.REPS_AT_LOAD and r.value == most + extra for r in found)
