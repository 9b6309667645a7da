"""The words of a /log that say what the kit was, not which sets: a band's colour or strength ("2x12 red
band", "heavy band"), kept in the sets' note (``bands_in`` reads it back, for every place the sets are
shown); a backpack ("backpack 8kg"), whose load is the load; a dip belt
or weighted vest ("10kg on a belt"), what carried a load added to bodyweight. Pure text in, text out.
"""

from __future__ import annotations

import re

# How a set's note joins its parts (the bands told, an assisted machine's help, each hand's load, the note
# typed after "#").
NOTE_PARTS = "; "

# A band's colour or strength ("red band", "heavy band", "green"), kept in the sets' note, and a backpack
# ("backpack 8kg"), whose load is the load.
_COLOURS = "red|green|blue|black|yellow|purple|orange|grey|gray|silver|gold|pink|white|brown"
_STRENGTHS = r"extra[- ]?light|x-?light|light|medium|extra[- ]?heavy|x-?heavy|heavy|thin|thick|strong"
_BANDS = r"(?:resistance\s+|loop\s+|mini\s+)?bands?"
# A band as the note keeps it, "band" said ("red band", "heavy band"): what /log told, and nothing else.
BAND_NAME = re.compile(rf"(?:(?:{_STRENGTHS})\s+)?(?:{_COLOURS})\s+{_BANDS}|(?:{_STRENGTHS})\s+{_BANDS}")
_BAND = re.compile(
    r"(?:\b(?:with|using|on)\s+)?(?:\b(?:a|the|my)\s+)?"
    rf"\b(?P<band>(?:(?:{_STRENGTHS})\s+)?(?:{_COLOURS})(?:\s+{_BANDS})?|(?:{_STRENGTHS})\s+{_BANDS})\b"
)
BACKPACK = re.compile(
    r"(?:\b(?:in|with|using|inside|wearing)\s+)?(?:\b(?:a|the|my)\s+)?(?:\bloaded\s+)?\bback-?packs?\b"
    r"(?:\s+(?:of|with|at|weighing)\b)?"
)
# A dip belt or a weighted vest ("10kg on a belt"): what carried a load added to bodyweight.
_BELT = re.compile(
    r"(?:\b(?:on|in|with|using|wearing)\s+)?(?:\b(?:a|the|my)\s+)?(?:\b(?:dip|weight|weighted)\s+)?"
    r"\b(?:belt|vest)s?\b"
)


def kit_told(text: str) -> tuple[str, list[str]]:
    """``text`` without the words that say what the kit was, and the bands it names for the note ("2x12 red
    band" → "red band"): a band's colour or strength, a backpack ("backpack 8kg" is 8 kg). Only among the
    numbers, or right before them: a name's own words ("band pulldown") stay its own."""
    first = re.search(r"\d", text)
    if first is None:
        return text, []
    head, tail = text[: first.start()], text[first.start() :]
    bands: list[str] = []

    def band(match: re.Match[str]) -> str:
        told = re.sub(r"\s+", " ", match.group("band"))
        bands.append(told if "band" in told else f"{told} band")
        return " "

    # A backpack first: "backpack with a red band" keeps its band.
    tail = _BAND.sub(band, _BELT.sub(" ", BACKPACK.sub(" ", tail)))
    for kit in (BACKPACK, _BELT):
        head = re.sub(rf"(?:{kit.pattern})\s*$", " ", head)
    head = re.sub(rf"(?:{_BAND.pattern})\s*$", band, head)
    return head + tail, bands


def bands_in(note: str | None) -> tuple[str, ...]:
    """The bands a set's note keeps ("assisted by 40 kg; red band; felt ok" → "red band")."""
    return tuple(part for part in (note or "").split(NOTE_PARTS) if BAND_NAME.fullmatch(part))


def bands_said(text: str) -> list[str]:
    """The bands a message told in words names as bands ("6 and 5 pull-ups with the purple band" → "purple
    band"), as /log's note keeps them; a colour without "band" ("a red shirt") is none."""
    return [
        re.sub(r"\s+", " ", found.group(0)) for found in re.finditer(rf"\b(?:{BAND_NAME.pattern})\b", text)
    ]
