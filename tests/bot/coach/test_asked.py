"""The setting a message asks for, read for the /units and /nudges pointers' buttons."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.asked import switch_asked, unit_asked, units_asked


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("please show weights in lb instead of kg", "lb"),
        ("switch me to kilos", "kg"),
        ("kg instead of lbs please", "kg"),
        ("im american, pounds pls", "lb"),
        ("how do I change the units", None),
        # both units named: the wording says which one is wanted
        ("I grew up with pounds, kilos mean nothing to me", "lb"),
        ("kilos mean nothing to me, I grew up with pounds", "lb"),
        ("I grew up with kilos, pounds confuse me", "kg"),
        ("switch from kg to lbs please", "lb"),
        ("switch kg to lbs", "lb"),
        ("I'd like my weights in pounds not kilos", "lb"),
        ("kilos not pounds", "kg"),
        ("I prefer pounds to kilos", "lb"),
        ("I prefer kilos over pounds", "kg"),
        ("I don’t get kilos, can you do pounds", "lb"),
        ("pounds rather than kilos", "lb"),
        ("no, pounds please", "lb"),
        ("I'm a kilo person, pounds are useless to me", "kg"),
        # one unit turned down leaves the other
        ("kilos mean nothing to me", "lb"),
        ("how do I switch from kilos", "lb"),
        # a load ("20 kg") says nothing about the unit wanted
        ("is a jump from 20 kg to 22.5 kg too big", "kg"),
        ("my plates are 20 kg, can I use pounds?", "lb"),
        # left open
        ("pounds or kilos?", None),
        ("can I use pounds? I think in kilos though", None),
        ("I used to use kilos, now pounds please", None),
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


_SPELLINGS = {
    "kg": ("kg", "kgs", "kilos", "kilograms", "KG", "Kilos"),
    "lb": ("lb", "lbs", "pounds", "LBS", "Pounds"),
}
_BOTH_NAMED = (
    "I grew up with {wanted}, {other} mean nothing to me",
    "{other} mean nothing to me, I grew up with {wanted}",
    "switch from {other} to {wanted}",
    "can you show it in {wanted} not {other}",
    "I prefer {wanted} to {other}",
    "{wanted} instead of {other} please",
    "I don't understand {other}, {wanted} please",
)


@given(
    unit=st.sampled_from(["kg", "lb"]),
    template=st.sampled_from(_BOTH_NAMED),
    data=st.data(),
)
def test_with_both_units_named_the_wording_picks_one(unit: str, template: str, data: st.DataObject) -> None:
    other = "lb" if unit == "kg" else "kg"
    wanted = data.draw(st.sampled_from(_SPELLINGS[unit]))
    turned_down = data.draw(st.sampled_from(_SPELLINGS[other]))
    assert unit_asked(template.format(wanted=wanted, other=turned_down)) == unit


@pytest.mark.parametrize(
    ("text", "argument"),
    [
        ("my dumbbells only go up in 2kg jumps, what do I do?", "kg 2"),
        ("my gym has 1.25kg steps", "kg 1.25"),
        ("the plates go up in 2.5 lb increments, use pounds", "lb 2.5"),
        ("1,25 kg increments", "kg 1.25"),
        ("switch me to pounds", "lb"),
        # a load is no step
        ("I did 20kg and it was heavy, kg please", "kg"),
        # a step in the unit turned down says nothing of the one wanted
        ("dumbbells go up in 5 lb jumps but I want kg", "kg"),
        ("how do I change the units", None),
    ],
)
def test_the_units_and_step_asked_for(text: str, argument: str | None) -> None:
    assert units_asked(text) == argument
