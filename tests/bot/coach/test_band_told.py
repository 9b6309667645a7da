"""A band's colour told with the sets ("/log band pull-up 3x6 red band") is kept in their note and said back
wherever the sets are: a newcomer trial's red band was logged and then shown nowhere, and sets told in words
"with the purple band" were offered as a /log without it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.kitwords import bands_in, bands_said
from bot.coach.lognames import Names
from bot.coach.logparse import ParsedLog, parse_log
from bot.coach.logreading import written
from bot.coach.logtold import told
from bot.coach.model import SetDone
from bot.coach.progress_text import progress_line, shared_bands, todays_bands, with_bands
from bot.coach.progression import Ladder, Plan, next_prescription
from bot.coach.texts import Texts

CATALOG = Catalog.load()
NAMES = tuple(Names(ex.id, (ex.name, ex.short, *ex.aliases)) for ex in CATALOG.exercises.values())
LOADED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.kind == "load")
HELPED = frozenset(ex.id for ex in CATALOG.exercises.values() if ex.counterweight)
BANDED = frozenset(ex.id for ex in CATALOG.exercises.values() if "bands" in ex.needs)
TEXTS = Texts.load()
SHOWN = {ex.id: ex.name for ex in CATALOG.exercises.values()}


def parse(text: str) -> ParsedLog:
    read = parse_log(text, NAMES, loaded=LOADED, helped=HELPED, banded=BANDED)
    assert isinstance(read, ParsedLog), read
    return read


@pytest.mark.parametrize(
    ("note", "bands"),
    [
        ("red band", ("red band",)),
        ("assisted by 40 kg; red band; felt ok", ("red band",)),
        ("light green band; easy", ("light green band",)),
        ("red band; green band", ("red band", "green band")),
        ("heavy band", ("heavy band",)),
        # A note typed after "#" that only mentions a band, or a colour alone, is no band told.
        ("band slipped", ()),
        ("red face", ()),
        (None, ()),
        ("each hand", ()),
    ],
)
def test_the_bands_a_note_keeps_are_read_back(note: str | None, bands: tuple[str, ...]) -> None:
    assert bands_in(note) == bands


def test_bands_said_in_words_are_those_named_as_bands() -> None:
    assert bands_said("did 6 and 5 pull-ups with the purple band") == ["purple band"]
    assert bands_said("band rows 3x12 with the green band") == ["green band"]
    assert bands_said("pull ups 8 7 6 in my red shirt") == []
    assert bands_said("band rows 3x12") == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # The trial's two messages: the band is kept as /log keeps it.
        ("did 6 and 5 pull-ups with the purple band", "pull up 6,5 purple band"),
        ("band rows 3x12 with the green band", "band row 3x12 green band"),
        (
            "did my band assisted pull ups, got 8, 7 and 6 with the red band",
            "band assisted pull up 8,7,6 red band",
        ),
        ("band rows, three rounds of twelve with a heavy band", "band row 3x12 heavy band"),
        # Without a band told, nothing is added.
        ("did 6 and 5 pull-ups", "pull up 6,5"),
    ],
)
def test_sets_told_with_a_band_are_offered_with_it(text: str, line: str) -> None:
    assert told(text, NAMES, loaded=LOADED, helped=HELPED) == line


@pytest.mark.parametrize(
    ("text", "exercise", "note"),
    [
        ("did 6 and 5 pull-ups with the purple band", "band-assisted-pull-up", "purple band"),
        ("band rows 3x12 with the green band", "band-row", "green band"),
    ],
)
def test_what_is_offered_logs_the_band_move_with_its_band(text: str, exercise: str, note: str) -> None:
    line = told(text, NAMES, loaded=LOADED, helped=HELPED)
    assert line is not None
    read = parse(line)
    assert (read.exercise, read.note) == (exercise, note)


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        # A band helping a pull-up makes it the band-assisted one, as a load added makes it the weighted one.
        ("pull up 6,5 purple band", "band-assisted-pull-up"),
        ("pull-ups 3x6 with the red band", "band-assisted-pull-up"),
        ("face pull 3x15 red band", "band-face-pull"),
        ("band pull-up 3x6 red band", "band-assisted-pull-up"),
        # No band, a load, or a name no band move has: as before.
        ("pull up 6,5", "pull-up"),
        ("pull up 5,5 10kg", "weighted-pull-up"),
        ("chin up 3x5 red band", "chin-up"),
    ],
)
def test_a_band_told_with_a_name_means_its_band_move(text: str, exercise: str) -> None:
    assert parse(text).exercise == exercise


@given(
    st.sampled_from(["red", "green", "purple", "black", "light green", "heavy"]),
    st.lists(st.integers(1, 20), min_size=1, max_size=5),
)
def test_a_reading_written_back_keeps_its_band(colour: str, reps: list[int]) -> None:
    # A button (a reading, an exercise picked) logs what its label says: with the band.
    band = f"{colour} band"
    read = parse(f"band row {','.join(map(str, reps))} {band}")
    again = parse(written(read, "band row"))
    assert (again.exercise, again.reps, again.note) == ("band-row", read.reps, band)


def test_the_sets_share_a_band_or_none_is_said() -> None:
    red = SetDone(6, bands=("red band",))
    assert shared_bands([red, red]) == ("red band",)
    assert shared_bands([red, SetDone(5, bands=("green band",))]) == ()
    assert shared_bands([red, SetDone(5)]) == ()
    assert with_bands(("red band",), TEXTS) == "with the red band"
    assert with_bands(("red band", "green band"), TEXTS) == "with the red band and the green band"
    assert with_bands((), TEXTS) == ""
    # The band plays no part in equality: progression and records weigh reps and loads only.
    assert red == SetDone(6)


PULL = Plan(sets=2, rep_range=(10, 12))
BAND_LADDER = Ladder(
    ("band-assisted-pull-up", "pull-up", "weighted-pull-up"), frozenset({"weighted-pull-up"})
)


def band_line(exercise: str, last: list[SetDone], *, band: bool = False, ladder: Ladder | None = None) -> str:
    prescription = next_prescription(exercise, [last], PULL, ladder)
    return progress_line(
        exercise=exercise,
        last=last,
        prescription=prescription,
        plan=PULL,
        unit="kg",
        names=SHOWN,
        texts=TEXTS,
        loaded=False,
        band=band,
    )


def test_the_workout_line_says_last_times_band_and_todays() -> None:
    red = ("red band",)
    last = [SetDone(10, bands=red), SetDone(9, bands=red)]
    assert band_line("band-assisted-pull-up", last, ladder=BAND_LADDER) == (
        "Band-assisted pull-up: last time 10, 9 with the red band → today 2×10 with the red band."
    )
    # Without a band logged, the line is as it was.
    assert band_line("band-assisted-pull-up", [SetDone(10), SetDone(9)], ladder=BAND_LADDER) == (
        "Band-assisted pull-up: last time 10, 9 → today 2×10."
    )


def test_at_the_top_a_band_row_goes_to_a_stronger_band_not_the_same_one() -> None:
    green = ("green band",)
    shown = band_line("band-row", [SetDone(12, bands=green)] * 2, band=True)
    assert shown == (
        "Band row: last time 2×12 with the green band, every set at the top → today 2×12 again, made harder:"
        " a stronger band or a step further from the anchor, and a slow 3-second lowering."
    )


def test_topped_out_with_a_band_the_move_up_says_a_lighter_band_is_the_step_between() -> None:
    red = ("red band",)
    shown = band_line("band-assisted-pull-up", [SetDone(12, bands=red)] * 2, ladder=BAND_LADDER)
    assert shown == (
        "Band-assisted pull-up: every set at the top with the red band → today try Pull-up: 2×10."
        " Not there yet? Stay on the band, a lighter one than the red band."
    )
    # Logged with no band, the move up reads as it always did.
    plain = band_line("band-assisted-pull-up", [SetDone(12)] * 2, ladder=BAND_LADDER)
    assert plain == "Band-assisted pull-up: every set at the top → today try Pull-up: 2×10."


def test_far_short_with_a_band_today_keeps_it_and_the_easier_help_is_offered() -> None:
    red = ("red band",)
    shown = band_line(
        "band-assisted-pull-up", [SetDone(6, bands=red), SetDone(5, bands=red)], ladder=BAND_LADDER
    )
    assert shown.startswith(
        "Band-assisted pull-up: last time 6, 5 with the red band → today 2×6 with the red band."
        " Still well short"
    ), shown


def test_todays_band_is_last_times_unless_the_line_moves_off_it() -> None:
    # What As written logs is what /workout said: the same band, none where a stronger one or another move.
    green = ("green band",)
    row_plan = Plan(sets=2, rep_range=(10, 12), target_rir=2)
    short = [SetDone(10, bands=green)] * 2
    at_top = [SetDone(12, bands=green)] * 2
    pushed = [SetDone(12, rir=0, bands=green)] * 2

    def today(last: list[SetDone], *, same: bool = True) -> tuple[str, ...]:
        prescription = next_prescription("band-row", [last], row_plan)
        return todays_bands(last, prescription, row_plan, same=same, band=True, loaded=False)

    assert today(short) == green
    assert today(at_top) == ()  # "made harder: a stronger band"
    assert today(pushed) == green  # "again, a little smoother": the same band
    assert today(short, same=False) == ()  # another rung today
