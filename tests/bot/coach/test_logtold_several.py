"""Sets of several lifts told in one message, written as one /log of parts ("deadlift 1x3 200kg; lat
pulldown 3x8 75kg"), and sets told load first ("200x3"); a message that reads more than one way gets none."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.logday import When, when_told
from bot.coach.logmany import MAX_LIFTS
from bot.coach.lognames import Names, mentions
from bot.coach.logparse import ParsedLog, parse_log, parts
from bot.coach.logsets import turnable
from bot.coach.logtold import asks, counts_told, told

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short)) for ex in CATALOG.exercises.values())
LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")
# A gym beginner's first session (the harness's newcomer): one pulldown, two rows (one of them bodyweight).
GYM_DAY = frozenset({"dumbbell-rdl", "lat-pulldown", "seated-cable-row", "inverted-row"})
TUESDAY = dt.date(2026, 11, 24)


def read(
    line: str, *, prefer: frozenset[str] = frozenset()
) -> list[tuple[str, tuple[int, ...], float | None]]:
    """What /log makes of each part of a line: exercise, reps, load."""
    pieces = parts(line)
    assert isinstance(pieces, list)
    found = [parse_log(piece, NAMES, prefer=prefer, loaded=LOADED) for piece in pieces]
    assert all(isinstance(parsed, ParsedLog) for parsed in found), (line, found)
    return [(p.exercise, p.reps, p.load) for p in found if isinstance(p, ParsedLog)]


@pytest.mark.parametrize(
    ("text", "line", "logged"),
    [
        # The newcomer trial: a "Did you mean Deadlift / Lat pulldown?" before.
        (
            "hit 200x3 on deadlift today, then 3 sets of 8 on pulldown at 75",
            "deadlift 1x3 200kg; lat pulldown 3x8 75kg",
            [("deadlift", (3,), 200.0), ("lat-pulldown", (8, 8, 8), 75.0)],
        ),
        # "rows" with a load is today's loaded row (the cable row), not its inverted row.
        (
            "did 3 sets of 10 rows with 40kg and 2 sets of 8 pulldowns at 50",
            "cable row 3x10 40kg; lat pulldown 2x8 50kg",
            [("seated-cable-row", (10, 10, 10), 40.0), ("lat-pulldown", (8, 8), 50.0)],
        ),
        (
            "deadlift 200x3, pulldown 3x8 @ 75",
            "deadlift 1x3 200kg; lat pulldown 3x8 75kg",
            [("deadlift", (3,), 200.0), ("lat-pulldown", (8, 8, 8), 75.0)],
        ),
        (
            "deadlift 200x3 + pulldown 75 for 3 sets of 8",
            "deadlift 1x3 200kg; lat pulldown 3x8 75kg",
            [("deadlift", (3,), 200.0), ("lat-pulldown", (8, 8, 8), 75.0)],
        ),
        (
            "Deadlift 200x3\nLat pulldown 3x8 @ 75",
            "deadlift 1x3 200kg; lat pulldown 3x8 75kg",
            [("deadlift", (3,), 200.0), ("lat-pulldown", (8, 8, 8), 75.0)],
        ),
        (
            "face pulls 3x15. Then did pulldowns, 3 sets of 10 at 50",
            "face pull 3x15; lat pulldown 3x10 50kg",
            [("face-pull", (15,) * 3, None), ("lat-pulldown", (10,) * 3, 50.0)],
        ),
        (
            "band assisted pull ups 8, 7 and 6, then face pulls 3x15 with 10 lb",
            "band assisted pull up 8,7,6; face pull 3x15 10lb",
            [("band-assisted-pull-up", (8, 7, 6), None), ("face-pull", (15,) * 3, 10.0)],
        ),
        (
            "pull ups 8, 7 and 6 and chin ups 5 and 4",
            "pull up 8,7,6; chin up 5,4",
            [("pull-up", (8, 7, 6), None), ("chin-up", (5, 4), None)],
        ),
        (
            "deadlift 100x5x3 then face pulls 3x15 & cable rows 3x10 at 42,5",
            "deadlift 3x5 100kg; face pull 3x15; cable row 3x10 42.5kg",
            [
                ("deadlift", (5,) * 3, 100.0),
                ("face-pull", (15,) * 3, None),
                ("seated-cable-row", (10,) * 3, 42.5),
            ],
        ),
        (
            "deadlift 3x5 face pulls 3x15",  # nothing but a space between them
            "deadlift 3x5; face pull 3x15",
            [("deadlift", (5,) * 3, None), ("face-pull", (15,) * 3, None)],
        ),
        (
            "deadlift 200x3 lat pulldown, 3 sets of 8 at 75",  # the comma is the pulldown's
            "deadlift 1x3 200kg; lat pulldown 3x8 75kg",
            [("deadlift", (3,), 200.0), ("lat-pulldown", (8, 8, 8), 75.0)],
        ),
    ],
)
def test_several_lifts_are_one_log_of_parts(
    text: str, line: str, logged: list[tuple[str, tuple[int, ...], float | None]]
) -> None:
    assert counts_told(text) and not asks(text)
    assert when_told(text, TUESDAY) is When.TODAY
    assert told(text, NAMES, prefer=GYM_DAY, unit="kg", loaded=LOADED) == line
    assert read(line, prefer=GYM_DAY) == logged


def test_a_name_that_fits_several_is_todays_in_each_part() -> None:
    text = "3x8 rows and 3x10 lat pulldowns"
    assert told(text, NAMES) is None  # "rows": which?
    assert told(text, NAMES, prefer={"band-row"}) == "band row 3x8; lat pulldown 3x10"
    # Two rows today and no load to tell them apart: no offer.
    assert told(text, NAMES, prefer=GYM_DAY, loaded=LOADED) is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("hit 200x3 on deadlift", "deadlift 1x3 200kg"),
        ("deadlift 100kg x 5", "deadlift 1x5 100kg"),
        ("lat pulldown 42.5x8", "lat pulldown 1x8 42.5kg"),  # not 5 sets of 8
        ("deadlift 100x5x3", "deadlift 3x5 100kg"),  # 100 can't be the sets: load, reps, sets
        ("lat pulldown 75 for 3 sets of 8", "lat pulldown 3x8 75kg"),  # the 75 was dropped before
        ("cable row 60 for 3x10", "cable row 3x10 60kg"),
        ("lat pulldown 20x10", "lat pulldown 20x10"),  # 20 may be the sets: read as /log reads it
    ],
)
def test_a_load_told_first_is_the_load(text: str, line: str) -> None:
    assert told(text, NAMES, unit="kg") == line
    assert read(line)


@pytest.mark.parametrize(
    "text",
    [
        "3x10 rows at 40 and 50 pulldowns 3x8",  # the 50: a load of the rows, or of the pulldowns?
        "cable rows and pull ups 3x8, face pulls 3x15",  # two lifts, one set of numbers
        "pull ups 8 and 3 face pulls",  # whose 3?
        "deadlift 200x3 at 180",  # two loads
        "deadlift 3x5, 6 and face pulls 3x15",  # a stray 6
        "deadlift 3x5 at 60 face pulls 3x15",  # the 60: the deadlift's, or the face pulls'?
        "pull ups 3x8 and 2x6",  # the second sets name no lift
        ", ".join(f"{name} 3x8" for name in ("deadlift", "face pulls", "chin ups", "pull ups", "cable rows"))
        + ", lat pulldown 3x8, band rows 3x8",  # more lifts than one message is read for
    ],
)
def test_sets_that_read_more_than_one_way_are_none(text: str) -> None:
    assert told(text, NAMES, prefer=GYM_DAY, unit="kg", loaded=LOADED) is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # A newcomer trial's: a did-you-mean before. The groups of sets are the lifts', in their order.
        (
            "went up to the 10s on both the RDLs and the lat pulldowns today, 2 sets of 8 and 2 sets of 10,"
            " rest as written",
            "dumbbell rdl 2x8 10kg each; lat pulldown 2x10 10kg each",
        ),
        (
            "both the rdls and the pulldowns with 20kg, 2 sets of 8 and 2 sets of 10",
            "dumbbell rdl 2x8 20kg; lat pulldown 2x10 20kg",
        ),
        (
            "did 20kg on both the rdls and the pulldowns, 2 sets of 8 and 2 sets of 10",
            "dumbbell rdl 2x8 20kg; lat pulldown 2x10 20kg",
        ),
        # One group of sets: both lifts'.
        ("both the rdls and the pulldowns 3x10 at 20", "dumbbell rdl 3x10 20kg; lat pulldown 3x10 20kg"),
        # Three groups for two lifts, and a number that is neither's: whose is which?
        ("did both the pulldowns and the rows at 30, 3x8, 3x10 and 3x12", None),
        ("went up to 20 on both the rdls and the pulldowns, 2 sets of 8 and 2 sets of 10", None),
    ],
)
def test_two_lifts_told_with_both(text: str, line: str | None) -> None:
    assert told(text, NAMES, prefer=GYM_DAY, unit="kg", loaded=LOADED) == line


def test_more_lifts_than_read_are_none_and_as_many_are_read() -> None:
    names = ("deadlift", "face pulls", "chin ups", "pull ups", "cable rows", "lat pulldown", "band rows")
    text = ", ".join(f"{name} 3x8" for name in names[:MAX_LIFTS])
    assert len(parts(told(text, NAMES) or "")) == MAX_LIFTS  # type: ignore[arg-type]
    assert told(", ".join(f"{name} 3x8" for name in names[: MAX_LIFTS + 1]), NAMES) is None


def test_several_lifts_told_for_another_day_are_not_todays() -> None:
    assert when_told("yesterday: deadlift 200x3, then pulldown 3x8 @ 75", TUESDAY) is When.PAST
    assert when_told("tomorrow deadlift 200x3 and face pulls 3x15", TUESDAY) is When.FUTURE


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("is 3x8 at 75 good for pulldowns?", True),
        ("is 3x8 at 75 good for pulldowns", True),  # no question mark, still a question
        ("should I do 3 sets of 12 band rows or more", True),
        ("How about pull ups 8 7 6 and rows 3x10", True),
        ("what's better, 3x8 or 5x5 on deadlift", True),
        ("hit 200x3 on deadlift today, then 3 sets of 8 on pulldown at 75", False),
        ("did 3 sets of 10 rows with 40kg", False),
        ("what a session: pull ups 8 7 6", False),
        ("isolated my lats: lat pulldown 3x10", False),
    ],
)
def test_a_question_about_sets_asks(text: str, asked: bool) -> None:
    assert asks(text) is asked


def test_mentions_counts_lifts_not_words() -> None:
    assert mentions("did my band assisted pull ups, got 8, 7 and 6 with the red band", NAMES) == 1
    assert mentions("3x10 rows and pulldowns", NAMES) == 2  # each by its last word
    assert mentions("one arm dumbbell rows 3x10", NAMES) == 1
    assert mentions("got up early, pullups 8 7 6", NAMES) == 1
    assert mentions("face pulls with the rope, then deadlift", NAMES) == 2


# Lifts each named one way only, and whether they take a load.
LIFTS = [
    ("deadlift", "deadlift", True),
    ("lat pulldowns", "lat-pulldown", True),
    ("face pulls", "face-pull", True),
    ("cable rows", "seated-cable-row", True),
    ("barbell rows", "bent-over-row", True),
    ("pull ups", "pull-up", False),
    ("chin-ups", "chin-up", False),
]
# (Only a space between two lifts' sets is read too, but "deadlift 3x5 at 60 face pulls 3x15" may put the 60
# on either: see the examples above.)
SEPARATORS = st.sampled_from(
    [", then ", "\n", " and ", " + ", ", ", "; ", ". ", " then ", " and then ", " & "]
)
# A load after "at" is above 12 ("at 5" may be the hour); a load first is above 20 (else it may be the sets).
LOADS = st.integers(13, 300).map(float) | st.integers(27, 599).map(lambda n: n / 2)


@st.composite
def told_sets(draw: st.DrawFn, lift: tuple[str, str, bool]) -> tuple[str, tuple[int, ...], float | None]:
    """One lift's sets as people write them, and what they are: reps one a set, and the load."""
    name, _, loaded = lift
    sets, reps = draw(st.integers(1, 10)), draw(st.integers(1, 30))
    each = draw(st.lists(st.integers(1, 30), min_size=2, max_size=5))
    forms = [
        (f"{name} {sets}x{reps}", (reps,) * sets, None),
        (f"{name} {sets} sets of {reps}", (reps,) * sets, None),
        (f"{sets}x{reps} {name}", (reps,) * sets, None),
        (f"{sets} sets of {reps} on {name}", (reps,) * sets, None),
        (f"{name} {' '.join(map(str, each))}", tuple(each), None),
        (f"{name} {', '.join(map(str, each[:-1]))} and {each[-1]}", tuple(each), None),
    ]
    if loaded:
        load = draw(LOADS)
        first = draw(st.integers(21, 300))
        forms += [
            (f"{name}, {sets} sets of {reps} at {load:g}", (reps,) * sets, load),
            (f"{name} {sets}x{reps} @ {load:g}", (reps,) * sets, load),
            (f"{sets}x{reps} @ {load:g} {name}", (reps,) * sets, load),
            (f"{name} {load:g} for {sets} sets of {reps}", (reps,) * sets, load),
            (f"{load:g} for {sets}x{reps} on {name}", (reps,) * sets, load),
            (f"{first}x{reps} on {name}", (reps,), float(first)),
            (f"{name} {load:g}kg x {reps}", (reps,), load),
            (f"{sets} sets of {reps} {name} with {load:g}kg", (reps,) * sets, load),
            (f"{name} {sets}x{reps}x{first}", (reps,) * sets, float(first)),
        ]
    if turnable(sets, reps):
        # "9x2" may be 2 sets of 9, and /log asks back: only sets told in words are as told.
        forms = [form for form in forms if f"{sets}x{reps}" not in form[0]]
    return draw(st.sampled_from(forms))


@given(st.data())
def test_each_lifts_sets_are_logged_as_told(data: st.DataObject) -> None:
    lifts = data.draw(st.lists(st.sampled_from(LIFTS), min_size=2, max_size=4, unique=True))
    told_as = [data.draw(told_sets(lift)) for lift in lifts]
    separators = data.draw(st.lists(SEPARATORS, min_size=len(lifts) - 1, max_size=len(lifts) - 1))
    text = told_as[0][0] + "".join(
        sep + part for sep, (part, _, _) in zip(separators, told_as[1:], strict=True)
    )
    line = told(text, NAMES, unit="kg")
    assert line is not None, text
    assert read(line) == [
        (ex, reps, load) for (_, ex, _), (_, reps, load) in zip(lifts, told_as, strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # A newcomer trial's, got a did-you-mean: sets told as "2 times 10".
        (
            "The dumbbell deadlift I did 2 times 10 with 6 kg and the band row 2 times 12",
            "dumbbell rdl 2x10 6kg; band row 2x12",
        ),
        (
            "deadlift 60kg 3x8, lat pulldown 40kg 8,8,7, seated row 35kg 3x10",
            "deadlift 3x8 60kg; lat pulldown 8,8,7 40kg; cable row 3x10 35kg",
        ),
    ],
)
def test_a_session_told_in_one_message(text: str, line: str) -> None:
    main = {"dumbbell-rdl", "lat-pulldown", "seated-cable-row"}
    assert told(text, NAMES, prefer=main, unit="kg") == line


@pytest.mark.parametrize("text", ["I train 3 times a week", "did it 3 times 10 kg"])
def test_times_that_tell_no_sets(text: str) -> None:
    assert told(text, NAMES, unit="kg") is None
