"""Picking the exercise a /log meant by a button, when its name fits several or none."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach import logpick
from bot.coach.catalog import Catalog
from bot.coach.ladders import usable
from bot.coach.lognames import Names
from bot.coach.logparse import MAX_HOLD_S, LogError, LogErrorKind, ParsedLog, parse_log
from bot.coach.planner import profile_of

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
HOLDS = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "hold")
LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")


def allowed(equipment: str, kit: str | None = None) -> frozenset[str]:
    profile = profile_of(CATALOG, "beginner", equipment, kit, 2)
    return frozenset(ex.id for ex in CATALOG.exercises.values() if usable(ex, profile))


GYM = allowed("gym")
HOME_LOAD = allowed("home", "load")
HOME_BANDS = allowed("home", "bands,bar")


def picks(
    text: str, usable: frozenset[str] = GYM, today: tuple[str, ...] = ()
) -> tuple[ParsedLog, ...] | LogError:
    error = parse_log(text, NAMES, holds=HOLDS, loaded=LOADED, usable=usable)
    assert isinstance(error, LogError), error
    return logpick.picks(error, text, usable=usable, today=today, unit="kg", holds=HOLDS, loaded=LOADED)


def test_a_name_of_a_gym_and_a_home_exercise_offers_the_one_the_place_allows() -> None:
    # A newcomer at the gym: "rear delt flys 3x12" named the home version too, and had no button.
    assert picks("rear delt flys 3x12") == (ParsedLog("rear-delt-fly", (12, 12, 12), None, "kg"),)
    assert picks("rear delt flys 3x12", HOME_LOAD) == (
        ParsedLog("backpack-rear-delt-fly", (12, 12, 12), None, "kg"),
    )
    # Nothing the kit allows: no button, the reply's line does the asking.
    assert picks("rear delt flys 3x12", HOME_BANDS) == ()


def test_the_buttons_log_the_numbers_typed_with_the_load_and_the_effort() -> None:
    found = picks("rear delt flies 12,12,10 rir2")
    assert found == (ParsedLog("rear-delt-fly", (12, 12, 10), None, "kg", rir=2),)
    both = picks("rear delt flies 12,12,10 17.5lb", GYM | HOME_LOAD)
    assert isinstance(both, tuple) and {reading.exercise for reading in both} == {
        "rear-delt-fly",
        "backpack-rear-delt-fly",
    }
    assert {(reading.reps, reading.load, reading.unit) for reading in both} == {((12, 12, 10), 17.5, "lb")}


def test_todays_lifts_come_first_and_at_most_four() -> None:
    first = picks("tbar row 3x8 40kg")
    assert isinstance(first, tuple) and 2 <= len(first) <= logpick.MAX_PICKS
    planned = picks("tbar row 3x8 40kg", today=("face-pull", "machine-row", "lat-pulldown"))
    assert isinstance(planned, tuple) and planned[0].exercise == "machine-row"
    # A load goes to rows that take one: never the inverted row.
    assert all(reading.exercise in LOADED and reading.load == 40.0 for reading in (*first, *planned))
    assert len({reading.exercise for reading in planned}) == len(planned)


def test_numbers_that_read_for_none_of_them_are_said_instead() -> None:
    # "8s" (seconds of a fly?): the name was not the only thing to fix, so the numbers are what is said.
    assert picks("rear delt flys 3x12 8s") == LogError(LogErrorKind.MALFORMED, {"token": "8s"})
    assert picks("rear delt flys 3x1000") == LogError(
        LogErrorKind.TOO_MANY_REPS, {"reps": "1000", "max": "100"}
    )


def test_other_refusals_and_lifts_we_dont_track_offer_nothing() -> None:
    assert picks("bicep curls 3x10 12kg") == ()
    assert picks("face pull 10 40") == ()
    assert picks("plank 3x60s") == ()


def test_a_load_on_an_exercise_that_takes_none_is_no_button() -> None:
    # At home with bands, "band rw 3x10 40kg" may only mean the band row, which takes no load.
    assert picks("band rw 3x10 40kg", HOME_BANDS) == ()


READINGS = st.one_of(
    st.builds(
        lambda ex, reps, load, unit, rir: ParsedLog(ex, tuple(reps), load, unit, rir),
        st.sampled_from(sorted(LOADED)),
        st.lists(st.integers(0, 100), min_size=1, max_size=20).filter(any),
        st.one_of(st.none(), st.integers(1, 2000).map(lambda n: n / 4).filter(lambda x: x <= 500)),
        st.sampled_from(["kg", "lb"]),
        st.one_of(st.none(), st.integers(0, 10)),
    ),
    st.builds(
        lambda ex, seconds: ParsedLog(ex, (), None, "kg", seconds=tuple(seconds)),
        st.sampled_from(sorted(HOLDS)),
        st.lists(st.integers(1, MAX_HOLD_S), min_size=1, max_size=20),
    ),
)


@given(READINGS)
def test_a_reading_comes_back_from_its_fields(reading: ParsedLog) -> None:
    back = logpick.reading(logpick.fields(reading), exercises=CATALOG.exercises, holds=HOLDS, loaded=LOADED)
    assert back == reading


@given(st.lists(st.text(max_size=12), min_size=5, max_size=5))
def test_anything_else_is_refused_or_a_reading_within_the_limits(data: list[str]) -> None:
    back = logpick.reading(data, exercises=CATALOG.exercises, holds=HOLDS, loaded=LOADED)
    assert back is None or logpick.fields(back) == tuple(data)


def test_forged_fields_are_refused() -> None:
    good = ("seated-cable-row", "3x10", "40", "kg", "")
    assert logpick.reading(good, exercises=CATALOG.exercises, holds=HOLDS, loaded=LOADED) is not None
    for forged in (
        ("band-row", "3x10", "40", "kg", ""),  # a band row takes no load
        ("nope", "3x10", "", "kg", ""),
        ("seated-cable-row", "3x0", "", "kg", ""),
        ("seated-cable-row", "3x101", "", "kg", ""),
        ("seated-cable-row", "21x10", "", "kg", ""),
        ("seated-cable-row", "03x10", "", "kg", ""),
        ("seated-cable-row", "10.10.10", "", "kg", ""),  # equal sets are written 3x10
        ("seated-cable-row", "3x10", "40.0", "kg", ""),
        ("seated-cable-row", "3x10", "501", "kg", ""),
        ("seated-cable-row", "3x10", "-4", "kg", ""),
        ("seated-cable-row", "3x10", "nan", "kg", ""),
        ("seated-cable-row", "3x10", "40", "st", ""),
        ("seated-cable-row", "3x10", "40", "kg", "11"),
        ("seated-cable-row", "3x10", "40", "kg", "02"),
        ("prone-cobra", "3x601", "", "kg", ""),
        ("prone-cobra", "30.0", "", "kg", ""),
        ("seated-cable-row", "3x10", "40", "kg"),
    ):
        assert logpick.reading(forged, exercises=CATALOG.exercises, holds=HOLDS, loaded=LOADED) is None, (
            forged
        )
