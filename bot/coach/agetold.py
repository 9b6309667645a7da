"""An age told in plain words: "I'm 67", "I am 67 years old", "as a 67-year-old beginner …".

Read only where it is clearly the trainee's own age, said as a fact: the number right after "I'm" ends its
clause or is followed by "years old" ("I'm 67 kg", "I'm 20 minutes in", "I'm 60% sure" are no ages), and
not in a condition or a time to come ("when I'm 70", "if I am 65", "until I'm 60"). Whether the message
says more than the age (a question after it, which the answerer still answers) is ``says_more``.

Pure: text in, a number out; the bracket it falls in is ``agefit.bracket_of``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_YEARS = r"(?:years?|yrs?)[- ]old|y/?o\b|years? young"
# "I'm 67", "I am now 67", "I'm 67 years old": the number ends its clause or says years.
_I_AM = re.compile(
    rf"\b(?:i'?m|i’m|i am)\s+(?:now\s+|just\s+|already\s+)?(?P<age>\d{{2,3}})"
    rf"(?=\s*(?:{_YEARS})|\s*(?:[.,!;:)]|\s-\s|\s+and\b|\s+but\b|\s+so\b|$))",
    re.IGNORECASE,
)
# "I'm a 67-year-old beginner", "as a 67 year old man".
_A_YEAR_OLD = re.compile(
    r"\b(?:i'?m|i’m|i am|as)\s+an?\s+(?P<age>\d{2,3})[- ](?:years?|yrs?)[- ]old\b", re.IGNORECASE
)
# "my age is 67", "my age: 67".
_MY_AGE = re.compile(r"\bmy age(?:\s+is|:)\s*(?P<age>\d{2,3})\b(?!\s*(?:%|kg|lbs?)\b)", re.IGNORECASE)
# A condition or a time to come just before it: "when I'm 70", "if I am 65", "by the time I'm 60".
_NOT_NOW = re.compile(r"\b(?:when|if|once|until|till|unless|before|after|time)\s*$", re.IGNORECASE)
# What a message may hold beside the age and still say nothing more ("Hi! I'm 67, by the way.").
_FILLER = frozenset(
    [
        "hi",
        "hello",
        "hey",
        "hiya",
        "ok",
        "okay",
        "so",
        "and",
        "just",
        "fyi",
        "btw",
        "by",
        "the",
        "way",
        "also",
        "well",
        "yes",
        "yeah",
        "now",
        "here",
        "years",
        "old",
        "year",
        "yo",
        "y",
        "o",
        "young",
        "i'm",
        "i",
        "am",
        "im",
        "i’m",
        "a",
        "an",
        "as",
        "man",
        "woman",
        "guy",
        "lady",
        "coach",
    ]
)


class AgeTold(NamedTuple):
    age: int
    start: int
    end: int
    """Where the words that tell it are in the message."""


def read(text: str) -> AgeTold | None:
    """The age ``text`` tells as the writer's own, or None."""
    for pattern in (_A_YEAR_OLD, _I_AM, _MY_AGE):
        for match in pattern.finditer(text):
            if _NOT_NOW.search(text[: match.start()]):
                continue
            end = match.end()
            years = re.match(rf"\s*(?:{_YEARS})", text[end:], re.IGNORECASE)
            if years:
                end += years.end()
            return AgeTold(int(match.group("age")), match.start(), end)
    return None


def says_more(text: str, told: AgeTold) -> bool:
    """Whether ``text`` says more than the age it tells (a question, a story): the rest is then read as
    usual, the age already noted."""
    rest = f"{text[: told.start]} {text[told.end :]}"
    words = re.findall(r"[a-z’']+|\d+", rest.lower())
    return any(word not in _FILLER for word in words)
