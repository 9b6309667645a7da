"""When a pain told was: long past, or now (``bot.coach.painwhen``).

A newcomer trial: "I had some pain in my lower back a few years ago. Is the deadlift safe for me?" left the
RDL, the bent-over row and the rear-delt fly out of the next /workout, "you told me it hurt on 7 Dec".
"""

from __future__ import annotations

import pytest

from bot.coach.painwhen import hurts_now, long_past, said_over, told_as_past

YEAR = 2026


@pytest.mark.parametrize(
    "text",
    [
        "I had some pain in my lower back a few years ago. Is the deadlift safe for me?",
        "I hurt my back last year, is the RDL ok for me?",
        "I used to have shoulder pain on pull ups, are they ok?",
        "I had a back injury back in 2019, is the RDL safe for me?",
        "years back I tore something in my shoulder doing pull ups, should I avoid them?",
        "an old injury of my lower back: can I deadlift?",
        "my shoulder hurt on pull ups years ago, can I do them?",
        "No no, my back does not hurt now. It was 5 years ago.",
    ],
)
def test_a_pain_told_long_past_and_not_now(text: str) -> None:
    assert told_as_past(text, YEAR)


@pytest.mark.parametrize(
    "text",
    [
        # Said to hurt now, beside the past.
        "I hurt my back last year, and now it hurts when I do RDLs",
        "my lower back hurts when I do the RDL, I had an injury there years ago",
        "It was 5 years ago but it still hurts sometimes when I deadlift",
        "I have an old shoulder injury and pulldowns hurt",
        "I get pain in my lower back from an old injury when I deadlift",
        "an old injury, my lower back, acts up on rdl",
        # Not years back: may well still hurt.
        "sharp pain in my lower back when I do the backpack RDL",
        "I hurt my back on deadlifts last week",
        "I had back pain in 2026 on the RDL",
    ],
)
def test_a_pain_told_now_or_lately_is_not_past(text: str) -> None:
    assert not told_as_past(text, YEAR)


def test_hurting_now_and_turned_round() -> None:
    assert hurts_now("deadlifts hurt my back")
    assert hurts_now("I still get pain on rows")
    assert not hurts_now("my back does not hurt now")
    assert not hurts_now("it doesn't hurt anymore")
    assert not hurts_now("I hurt it years ago")
    assert long_past("back in 2019", YEAR) and not long_past("in 2026", YEAR)


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("It was 5 years ago.", True),
        ("that was an old injury", True),
        ("it's from years back", True),
        ("it was years ago, I want to use my dumbbells", True),
        ("the pain was a long time ago", True),
        ("it was years ago but it still hurts", False),
        ("I used to do rows at the gym", False),
        ("I hurt my shoulder last week", False),
    ],
)
def test_said_over(text: str, over: bool) -> None:
    assert said_over(text) is over
