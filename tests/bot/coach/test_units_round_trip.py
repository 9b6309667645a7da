"""A load typed in either unit is stored in that unit and comes back as the number typed.

A newcomer trial: "/log rdl 2x10 25lb" in a kg chat was kept as 11.3 kg and shown after /units lb as
"24.9 lb". What /log stores is its reading's loads in the unit typed (``ParsedLog.unit``,
``set_loads``), to the 0.01 the column keeps; what a list of sets shows is ``shown_load`` of that.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.catalog import Catalog
from bot.coach.lognames import Names
from bot.coach.logparse import ParsedLog, parse_log
from bot.coach.progress_text import format_load, shown_load

CATALOG = Catalog.load()
NAMES = [Names(ex.id, (ex.name, ex.short)) for ex in CATALOG.exercises.values()]


def stored(load: float | None) -> float | None:
    """What a Numeric(7, 2) column gives back."""
    return None if load is None else float(Decimal(str(load)).quantize(Decimal("0.01")))


@given(
    typed=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1100), places=2),
    chat_unit=st.sampled_from(["kg", "lb"]),
)
def test_any_lb_load_typed_is_shown_in_lb_as_typed(typed: Decimal, chat_unit: str) -> None:
    parsed = parse_log(f"lat pulldown 2x10 {typed}lb", NAMES, unit=chat_unit)
    assert isinstance(parsed, ParsedLog)
    assert parsed.unit == "lb"
    for load in parsed.set_loads():
        shown = shown_load(stored(load), parsed.unit, "lb")
        assert shown is not None
        assert format_load(shown, "lb") == f"{typed.normalize():f} lb"


@given(typed=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(500), places=2))
def test_any_kg_load_typed_in_an_lb_chat_is_shown_in_kg_as_typed(typed: Decimal) -> None:
    parsed = parse_log(f"lat pulldown 2x10 {typed}kg", NAMES, unit="lb")
    assert isinstance(parsed, ParsedLog)
    [load, _] = parsed.set_loads()
    shown = shown_load(stored(load), parsed.unit, "kg")
    assert shown is not None
    assert format_load(shown, "kg") == f"{typed.normalize():f} kg"
