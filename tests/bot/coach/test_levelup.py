from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.levelup import LevelUp, first_week_back, level_up, lifts_progressed, weeks_met
from bot.coach.model import Level, SetDone

TODAY = date(2026, 12, 4)  # a Friday
MONDAY = date(2026, 11, 30)


def weeks_of_training(weeks: list[int], per_week: int = 2) -> list[date]:
    """Mon (+Thu) of each of these complete weeks back (1 = last week)."""
    days = []
    for back in weeks:
        monday = MONDAY - timedelta(weeks=back)
        days += [monday + timedelta(days=3 * i) for i in range(per_week)]
    return days


def lift(*sessions: tuple[int, float | None, int]) -> list[tuple[date, SetDone]]:
    """(weeks back, load, reps) per session."""
    return [(MONDAY - timedelta(weeks=back), SetDone(reps, load)) for back, load, reps in sessions]


PROGRESSING = {"deadlift": lift((8, 60, 8), (1, 70, 6)), "bent-over-row": lift((7, 40, 10), (1, 40, 12))}


def verdict(
    *,
    level: Level = Level.BEGINNER,
    training_days: list[date] | None = None,
    main_lifts: Mapping[str, list[tuple[date, SetDone]]] = PROGRESSING,
    home: bool = False,
    asked_on: date | None = None,
) -> LevelUp:
    days = weeks_of_training([1, 2, 3, 4, 5, 6]) if training_days is None else training_days
    return level_up(
        today=TODAY,
        level=level,
        training_days=days,
        weekly_target=2,
        main_lifts=main_lifts,
        home=home,
        asked_on=asked_on,
    )


def test_six_of_eight_weeks_and_progress_suggest_the_next_level() -> None:
    result = verdict()
    assert (result.suggest, result.to, result.weeks_met, result.progressed) == (
        True,
        Level.INTERMEDIATE,
        6,
        True,
    )
    assert verdict(level=Level.INTERMEDIATE).to is Level.ADVANCED


def test_five_weeks_are_not_enough_and_this_week_does_not_count() -> None:
    days = [*weeks_of_training([1, 2, 3, 4, 5]), MONDAY, MONDAY + timedelta(days=2)]
    result = verdict(training_days=days)
    assert (result.suggest, result.weeks_met) == (False, 5)
    # A week with one session of a target of two does not count.
    assert (
        verdict(training_days=weeks_of_training([1, 2, 3, 4, 5]) + weeks_of_training([6], 1)).suggest is False
    )
    # Weeks older than eight back do not count either.
    assert verdict(training_days=weeks_of_training([1, 2, 3, 4, 5, 9])).suggest is False


def test_a_lift_that_did_not_progress_holds_it_back() -> None:
    stuck = PROGRESSING | {"bent-over-row": lift((7, 40, 10), (1, 40, 10))}
    assert verdict(main_lifts=stuck).suggest is False
    assert verdict(main_lifts={}).suggest is False
    # Heavier for fewer reps is progress, as in double progression.
    assert lifts_progressed([lift((6, 40, 12), (1, 42.5, 8))])


def test_a_deload_weeks_lighter_sets_are_no_lack_of_progress() -> None:
    """An intermediate block ends with a deload week: its last session lighter on purpose (2×8 @ 60 kg
    after 70 kg × 6) is not the deadlift going backwards."""
    deloaded = PROGRESSING | {"deadlift": lift((8, 60, 8), (2, 70, 6), (1, 60, 8))}
    deload_week = {MONDAY - timedelta(weeks=1) + timedelta(days=offset) for offset in (0, 3)}
    assert verdict(level=Level.INTERMEDIATE, main_lifts=deloaded).suggest is False
    result = level_up(
        today=TODAY,
        level=Level.INTERMEDIATE,
        training_days=weeks_of_training([1, 2, 3, 4, 5, 6]),
        weekly_target=2,
        main_lifts=deloaded,
        deloads=deload_week,
    )
    assert (result.suggest, result.progressed) == (True, True)


def test_a_home_trainee_qualifies_on_five_strict_pull_ups() -> None:
    flat = {"pull-up": lift((8, None, 5), (1, None, 5))}
    assert verdict(main_lifts=flat).suggest is False
    assert verdict(main_lifts=flat, home=True).suggest is True
    four = {"pull-up": lift((8, None, 4), (1, None, 4))}
    assert verdict(main_lifts=four, home=True).suggest is False


def test_asked_again_no_sooner_than_two_weeks_and_never_past_advanced() -> None:
    assert verdict(asked_on=TODAY - timedelta(days=13)).suggest is False
    assert verdict(asked_on=TODAY - timedelta(days=14)).suggest is True
    assert verdict(level=Level.ADVANCED).suggest is False


def test_first_week_back_after_four_weeks_off() -> None:
    long_ago = [date(2026, 10, 1), date(2026, 10, 5)]
    assert first_week_back(TODAY, long_ago)  # nothing since the break
    assert first_week_back(TODAY, [*long_ago, TODAY - timedelta(days=2)])  # back two days ago
    assert not first_week_back(TODAY, [*long_ago, TODAY - timedelta(days=8)])  # that week is over
    assert not first_week_back(TODAY, [TODAY - timedelta(days=27)])  # 27 days is not four weeks
    assert first_week_back(TODAY, [TODAY - timedelta(days=28)])
    assert not first_week_back(TODAY, [])  # new, not back
    assert not first_week_back(TODAY, [TODAY - timedelta(days=d) for d in range(0, 60, 3)])


def test_weeks_met_counts_distinct_days() -> None:
    same_day_twice = [MONDAY - timedelta(weeks=1)] * 2
    assert weeks_met(same_day_twice, 2, MONDAY - timedelta(weeks=8), MONDAY) == 0


@given(st.lists(st.dates(date(2026, 1, 1), TODAY), max_size=40), st.integers(1, 4))
def test_weeks_met_never_exceeds_the_window(days: list[date], target: int) -> None:
    assert 0 <= weeks_met(days, target, MONDAY - timedelta(weeks=8), MONDAY) <= 8


@given(st.lists(st.dates(date(2026, 1, 1), TODAY), max_size=30))
def test_first_week_back_only_right_after_a_long_gap(days: list[date]) -> None:
    past = sorted(set(days))
    if first_week_back(TODAY, past):
        gaps = [b - a for a, b in zip(past, [*past[1:], TODAY], strict=True)]
        assert any(gap >= timedelta(weeks=4) for gap in gaps)
