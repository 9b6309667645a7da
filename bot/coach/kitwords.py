"""The words of a /log that say what the kit was, not which sets: a band's colour or strength ("2x12 red
band", "heavy band"), kept in the sets' note (``bands_in`` reads it back, for every place the sets are
shown); a backpack ("backpack 8kg"), whose load is the load; a dip belt
or weighted vest ("10kg on a belt"), what carried a load added to bodyweight. Pure text in, text out.
"""

from __future__ import annotations

import re

from bot.coach.logsets import UNIT_WORD, UNITS

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


# Dumbbells called by their weight after the sets ("db row 3x10 20s": a pair of 20s), each hand's load,
# not 20 seconds: only for a lift named with dumbbells, and not a rest ("3x10 60s rest"). The sets may be
# told as sets by reps or rep by rep ("db rdl 7,7,7,6 45s", "7/7/6 45s", "7 7 6 45s").
_DUMBBELLS = re.compile(r"\b(?:db|dbs|dumbbells?)\b")
_BY_WEIGHT = re.compile(
    r"(?<![\w.,/])(\d+x\d+|\d+(?:\s*[,/]\s*\d+)+|\d+(?:\s+\d+)+)\s+(\d+(?:\.\d+)?)s(?![\w.])"
    r"(?!\s*(?:rest|break|pause|between|hold))"
)
_SPACES = re.compile(r"(?<=\d)\s+(?=\d)")
# ...and a pair called so anywhere, whatever the name ("rear delt fly 3x12 with the 8s", "with 8s", "a pair
# of 10s"): each hand's load, not seconds (a trial's "with the 8s" was dropped).
_PAIR_BY_WEIGHT = re.compile(
    r"\b(?:with\s+(?:the\s+|a\s+pair\s+of\s+)?|the\s+|a\s+pair\s+of\s+)(\d+(?:\.\d+)?)s\b"
    r"(?!\s*(?:rest|break|pause|between|hold|each|per|sec))"
)


def dumbbells_by_weight(text: str, hand: str) -> str:
    """ "db row 3x10 20s" as "db row 3x10 20 {hand}": the 20 each hand's load, ``hand`` the mark saying so."""
    if not _DUMBBELLS.search(text):
        return text
    # Reps told with spaces between them are joined with commas, so the load is not read as one more set.
    return _BY_WEIGHT.sub(lambda m: f"{_SPACES.sub(',', m.group(1))} {m.group(2)} {hand} ", text)


def pair_by_weight(text: str, hand: str) -> str:
    """ "with the 8s" as " 8 {hand} ": a pair of 8s, each hand's load."""
    return _PAIR_BY_WEIGHT.sub(rf" \1 {hand} ", text)


# Dumbbells called by their weight in sets told in words, a pair of them ("with the 8s", "two 10kg
# dumbbells", "the 10 kg ones", "a pair of 12s", "12kg dumbbells"): the load, each hand's.
PAIR = re.compile(
    rf"(?<![\w.,])(?:(?:the|two|a\s+pair\s+of|pair\s+of)\s+(\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*({UNIT_WORD})?"
    rf"\s*(?:s|dumbbells|dbs|ones)\b|(\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*({UNIT_WORD})?\s*(?:dumbbells|dbs)\b)"
)
# The kit a message names its lift with, wherever in it ("the romanian deadlifts with two 10kg dumbbells").
_KIT_SAID = {
    "dumbbell": re.compile(r"\b(?:dumbbells?|dbs?)\b"),
    "barbell": re.compile(r"\b(?:barbells?|bb)\b"),
}


def kit_said(lowered: str, *, paired: bool = True) -> tuple[str, ...]:
    """The kit a message tells its sets with, of dumbbells and a barbell (dumbbells called by their weight,
    "the 8s", are dumbbells, unless not ``paired``); none when it tells both."""
    said = tuple(kit for kit, words in _KIT_SAID.items() if words.search(lowered))
    if paired and PAIR.search(lowered) and "dumbbell" not in said:
        said = ("dumbbell", *said)
    return said if len(said) == 1 else ()


def paired(lowered: str) -> tuple[float, str | None] | None:
    """The load and unit of a pair of dumbbells told by their weight ("with the 8s": 8, each hand's)."""
    found = PAIR.search(lowered)
    if found is None:
        return None
    amount, typed_unit = found.group(1) or found.group(3), found.group(2) or found.group(4)
    return float(amount.replace(",", ".")), UNITS[typed_unit] if typed_unit else None
