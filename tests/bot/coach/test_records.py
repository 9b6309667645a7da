from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.model import SetDone
from bot.coach.records import Best, RecordKind, best, epley, new_records


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
    # 10 at 40 kg beats 8 at 45 kg; 12 at 35 kg does not beat 12 at 40 kg.
    assert RecordKind.REPS_AT_LOAD in kinds(at(45, 8), at(40, 10))
    assert RecordKind.REPS_AT_LOAD not in kinds(at(40, 12), at(35, 12))


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
