"""A note typed with a /log's sets, as a lifter writes one in a notebook: in brackets ("/log seated row 30kg
3x10 (light, shoulder pain)"), after " - " ("… 3x10 - felt easy") or after "note:", as well as after "#".

A newcomer trial's "(light, shoulder pain)" got "I couldn't read “(light,”". The note is kept in the sets'
note, as a band's colour is (``kitwords.NOTE_PARTS`` joins its parts), and said back wherever the sets are
listed: the /log reply and /history; /export has the whole note. Pure: no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.coach.kitwords import BAND_NAME, NOTE_PARTS

# In brackets anywhere; after " - " when words follow (not "-40kg", the machine's help, nor "8 - 10"); after
# "note:" or "notes:".
_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_AFTER = re.compile(r"\s[-–—]\s+(?=[^\W\d_])|\bnotes?\s*:\s*")
# How long a note may be: the column holds 255 characters with the parts the log writes beside it.
MAX_NOTE = 160


def noted(text: str) -> tuple[str, str]:
    """``text`` without the note typed in it, and that note ("" for none): the words in brackets, and
    everything after " - " or "note:", joined by ", "."""
    found = [" ".join((m.group(1) or m.group(2) or "").split()) for m in _BRACKETS.finditer(text)]
    rest = _BRACKETS.sub(" ", text)
    after = _AFTER.search(rest)
    if after is not None:
        found.append(" ".join(rest[after.end() :].split()))
        rest = rest[: after.start()]
    note = ", ".join(part.strip(" ,;") for part in found if part.strip(" ,;"))
    return rest, note[:MAX_NOTE].strip()


def note_told(note: str | None, written: Collection[str], helped: str) -> str | None:
    """The words a trainee typed as the sets' note, from the note kept: its parts that the log wrote
    itself left out — a band ("red band"), a label it wrote (``written``: "each hand") and an assisted
    machine's help (``helped``: messages.toml's template, "assisted by {assist}"). None when none are left."""
    before, _, after = helped.partition("{assist}")
    help_part = re.compile(rf"{re.escape(before)}\d+(?:\.\d+)? (?:kg|lb){re.escape(after)}")
    parts = [
        part
        for part in (note or "").split(NOTE_PARTS)
        if part and part not in written and not BAND_NAME.fullmatch(part) and not help_part.fullmatch(part)
    ]
    return NOTE_PARTS.join(parts) or None
