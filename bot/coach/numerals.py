"""Numbers as people type them: digits of any script ("١٤", "５"), and counts written as words."""

from __future__ import annotations

import unicodedata

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}  # fmt: skip
# The tens a load may be told in ("forty kilos"); NUMBER_WORDS stays the counts other readers take.
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip


def ascii_digits(text: str) -> str:
    """The text with every decimal digit of any script as its ASCII digit; other characters as they were."""
    return "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c for c in text)


def number_in_words(text: str) -> int | None:
    """A whole number written in words and nothing else, from one to 999: "twelve", "twenty five",
    "forty-two", "a hundred and ten", "two hundred"; None for anything else ("twelve and a half")."""
    words = text.casefold().replace("-", " ").split()
    hundreds = 0
    if len(words) >= 2 and words[1] == "hundred":
        count = 1 if words[0] == "a" else NUMBER_WORDS.get(words[0], 0)
        if not 1 <= count <= 9:
            return None
        hundreds, words = 100 * count, words[2:]
        if not words:
            return hundreds
        words = words[1:] if words[0] == "and" else words
    below = _below_hundred(words)
    return None if below is None else hundreds + below


def _below_hundred(words: list[str]) -> int | None:
    """One to 99 in one word or a ten and a unit: "twelve", "forty", "twenty five"."""
    if len(words) == 1:
        return TENS.get(words[0]) or NUMBER_WORDS.get(words[0])
    if len(words) == 2 and words[0] in TENS and 1 <= NUMBER_WORDS.get(words[1], 0) <= 9:
        return TENS[words[0]] + NUMBER_WORDS[words[1]]
    return None
