"""The setting a message asks for, read for the /units and /nudges pointers' buttons."""

import pytest

from bot.coach.asked import switch_asked, unit_asked


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("please show weights in lb instead of kg", "lb"),
        ("switch me to kilos", "kg"),
        ("kg instead of lbs please", "kg"),
        ("im american, pounds pls", "lb"),
        ("how do I change the units", None),
        ("I grew up with pounds, kilos mean nothing to me", None),  # both named, neither asked for
    ],
)
def test_the_unit_asked_for(text: str, unit: str | None) -> None:
    assert unit_asked(text) == unit


@pytest.mark.parametrize(
    ("text", "switch"),
    [
        ("the recovery tips on my off days are annoying, can they go?", "off"),
        ("stop the rest day tips", "off"),
        ("I liked those short recovery hints, switch them back on please", "on"),
        ("can I get tips on my days off?", None),  # "on my days off" says when, not what
        ("rest day tips?", None),
    ],
)
def test_the_switch_asked_for(text: str, switch: str | None) -> None:
    assert switch_asked(text) == switch
