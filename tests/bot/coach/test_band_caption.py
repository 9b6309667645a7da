"""/progress's caption compares a band move's reps only with the same band's (``lift_words``)."""

from __future__ import annotations

from datetime import date, timedelta

from bot.coach.charts import Lift
from bot.coach.lift_words import lift_words
from bot.coach.model import SetDone
from bot.coach.texts import Texts

TEXTS = Texts.load()
DAY = date(2026, 11, 2)


def words(*sets: SetDone) -> str:
    dated = [(DAY + timedelta(days=3 * n), done) for n, done in enumerate(sets)]
    return lift_words(Lift("Band row", dated), dated, TEXTS)


def red(reps: int) -> SetDone:
    return SetDone(reps, bands=("red band",))


def green(reps: int) -> SetDone:
    return SetDone(reps, bands=("green band",))


def test_a_new_band_is_said_never_a_minus() -> None:
    # A newcomer trial: "Band row: 11 reps (-1)" after moving from the red band to the green.
    assert (
        words(red(10), red(12), green(11))
        == "Band row: 11 reps with the green band, a new band (12 with the red band before)"
    )


def test_reps_with_the_new_band_are_compared_with_its_own_first_day() -> None:
    assert words(red(12), green(10), green(12)) == "Band row: 12 reps with the green band (+2 with it)"
    assert words(red(12), green(10), green(10)) == "Band row: 10 reps with the green band"


def test_one_band_all_along_or_a_band_not_told_reads_as_before() -> None:
    assert words(red(10), red(12)) == "Band row: 12 reps (+2)"
    assert words(SetDone(12), green(11)) == "Band row: 11 reps (-1)"
