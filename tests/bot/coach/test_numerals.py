"""Numbers as people type them: digits of any script, and whole numbers in words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.numerals import NUMBER_WORDS, TENS, ascii_digits, number_in_words

UNITS = {n: word for word, n in NUMBER_WORDS.items() if n < 20}
TEN_WORDS = {n: word for word, n in TENS.items()}


def spelled(n: int, *, joiner: str, article: bool) -> str:
    """``n`` (1-999) in words, as people write them: "a hundred and twenty-five", "forty two"."""
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{'a' if article and hundreds == 1 else UNITS[hundreds]} hundred")
    if rest and hundreds:
        parts.append("and")
    if 0 < rest < 20:
        parts.append(UNITS[rest])
    elif rest:
        tens, unit = divmod(rest, 10)
        parts.append(TEN_WORDS[tens * 10] + (f"{joiner}{UNITS[unit]}" if unit else ""))
    return " ".join(parts)


@given(st.integers(1, 999), st.sampled_from([" ", "-"]), st.booleans(), st.booleans())
def test_a_number_in_words_reads_as_itself(n: int, joiner: str, article: bool, upper: bool) -> None:
    words = spelled(n, joiner=joiner, article=article)
    assert number_in_words(words.upper() if upper else words) == n


@pytest.mark.parametrize(
    "text",
    ["", "zero", "hundred", "twelve and a half", "twenty twelve", "a dozen", "ten ten", "two hundred and"],
)
def test_anything_else_is_no_number(text: str) -> None:
    assert number_in_words(text) is None


def test_digits_of_any_script_are_ascii() -> None:
    assert ascii_digits("١٦ kg, १२.५, ３") == "16 kg, 12.5, 3"
