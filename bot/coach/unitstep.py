"""The chat's load step as typed after /units ("1.25", "1,25", digits of any script): moved out of
``bot.coach.progression``, which works with the step once read."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from bot.coach.numerals import ascii_digits

# The chat's step (/units kg 1.25): loads are shown and stored to 0.01, and no plate set is coarser than 25.
MIN_STEP = Decimal("0.01")
MAX_STEP = Decimal(25)

_STEP = re.compile(r"^\d{1,6}(?:[.,]\d{1,6})?$")


def read_step(typed: str) -> float | None:
    """The step typed after /units ("1.25", "1,25", digits of any script), or None unless it is from
    ``MIN_STEP`` to ``MAX_STEP`` in hundredths at most: a finer step would prescribe loads the chat is
    shown rounded, and zero, negative, huge or non-numeric (½, 1e-3, nan) steps mean nothing."""
    if any(unicodedata.category(c) in ("No", "Nl") for c in typed):
        return None  # ², ½, Ⅲ: NFKC would make "²" a 2
    # ٫ is the Arabic decimal point.
    text = unicodedata.normalize("NFKC", ascii_digits(typed)).strip().replace("\u066b", ".")
    if not _STEP.match(text):
        return None
    step = Decimal(text.replace(",", "."))
    if not MIN_STEP <= step <= MAX_STEP or step != step.quantize(MIN_STEP):
        return None
    return float(step)
