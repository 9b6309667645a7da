"""The training days and reminder time a message asks for ("can you remind me tuesdays and fridays at 7pm",
"move my reminders to 6:30"), written as /schedule takes them, for the /schedule pointer's button.

Messages about days often name the days that no longer work ("Mondays don't work any more, could we do
Tuesdays and Fridays instead") or that work takes ("tue, thur and sat. i do night shift mon and wed"): only
the days asked for are carried, never one turned down. Where a message
leaves open which days it wants ("drop saturday" with no schedule to drop it from, "tuesday or friday", a
"not" that could go with either of two days) or at what time ("between 6 and 7", "6pm is too early, 7pm?"),
nothing is: the plain /schedule button is better than one that sets a week nobody asked for.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import time

from bot.coach.dates import WEEKDAY_NAMES, WEEKDAYS
from bot.coach.numerals import NUMBER_WORDS, ascii_digits

DAY_NAMES = tuple(name[:3] for name in WEEKDAY_NAMES)
_WEEK = frozenset(range(7))


@dataclass(frozen=True)
class ScheduleAsked:
    days: frozenset[int]
    at: time | None

    @property
    def argument(self) -> str:
        """As /schedule takes it, "tue,fri 19:00"; the days alone keep the chat's reminder time."""
        days = ",".join(DAY_NAMES[d] for d in sorted(self.days))
        return days if self.at is None else f"{days} {self.at:%H:%M}"


# What a button may carry: the argument with its time's colon left out (callback data is split at colons,
# and /schedule reads "1900" as 19:00 too). Days in week order, each once, one to six of them.
_CARRIED = re.compile(
    rf"((?:{'|'.join(DAY_NAMES)})(?:,(?:{'|'.join(DAY_NAMES)})){{0,5}})(?: ([01]\d|2[0-3])[0-5]\d)?"
)


def carried(value: str) -> bool:
    """Whether a /schedule button's argument is one ``argument`` wrote (its time without the colon)."""
    match = _CARRIED.fullmatch(value)
    if match is None:
        return False
    days = [DAY_NAMES.index(name) for name in match.group(1).split(",")]
    return days == sorted(set(days))


class _Unclear(Exception):
    """The message leaves open what it wants, so nothing is carried."""


def schedule_asked(text: str, current: frozenset[int] | None) -> ScheduleAsked | None:
    """The days and time a message asks for; ``current`` (the chat's days) keeps or changes the days a
    message names only in part ("drop saturday", "move monday to tuesday", a time alone). None where the
    message names neither, or leaves either open."""
    plain = _prepared(text)
    if _ONE_OFF.search(plain) or _UNSURE.search(plain):
        return None
    try:
        at, plain = _time_asked(plain)
        days = _days_asked(_days_plain(plain), current)
    except _Unclear:
        return None
    if days is None:
        if at is None or current is None:
            return None
        days = current
    return ScheduleAsked(days, at) if 1 <= len(days) <= 6 else None


def days_turned_down(text: str) -> frozenset[int] | None:
    """The days a message says do not work ("I work mon and wed", "night shift mon and wed", "not fridays",
    "can't do weekends"), which a count of days told with them must not land on ("twice a week, I work
    mondays and thursdays"); None where it leaves open which days it turns down."""
    plain = _prepared(text)
    if _ONE_OFF.search(plain):
        return frozenset()  # "I can't make it tomorrow" says nothing of the weeks to come
    try:
        _, plain = _time_asked(plain)
        reading = _Reading(_TOKEN.findall(_days_plain(plain)))
        reading.read()
    except _Unclear:
        return None
    return frozenset().union(*(m.days for m in reading.mentions if m.wanted is False))


def _days_plain(plain: str) -> str:
    """The folded message with the words about days said the one way the reading knows: "every day" as
    "everyday", "work out" as "train", and a day taken by work ("I work mondays", "night shift mon") as
    "busy"."""
    plain = _WORK_OUT.sub("train", _EVERY_DAY.sub(" everyday ", plain))
    return _AT_WORK.sub(" busy ", plain)


def _prepared(text: str) -> str:
    plain = ascii_digits(unicodedata.normalize("NFKC", text)).casefold()
    return re.sub(r"['’`]", "", plain).replace("–", "-").replace("—", "-")


def time_asked(text: str) -> tuple[time | None, str] | None:
    """The one time a message asks for, and the message, folded, with the times it names blanked out (so
    "3 days at 7" counts no 7 days); None where it leaves the time open ("6 or 7", "at 6, no, 7")."""
    try:
        return _time_asked(_prepared(text))
    except _Unclear:
        return None


def morning_guessed(text: str, at: time) -> bool:
    """Whether ``at``, read from ``text``, is a morning hour told with no half of the day ("around 9",
    "tue fri 9"): read as /schedule reads "9", 09:00, though the evening's 21:00 may have been meant."""
    plain = _prepared(text)
    told = _HALF_TOLD.search(plain) or _LATE.search(plain) or _EARLY.search(plain)
    return 1 <= at.hour <= 11 and not told


# --- the time ---------------------------------------------------------------------------------------------

_HOUR_WORDS = {word: n for word, n in NUMBER_WORDS.items() if 2 <= n <= 12}  # "at one point" is no time
_HOURS = "|".join(_HOUR_WORDS)
_TIME = re.compile(
    rf"""
    (?P<lead>\b(?:at|around|about|by|to|till|until|from|for)\s+)?
    (?:
        (?<![\d.:,])(?P<hour>\d{{1,2}}|\b(?:{_HOURS}))
        (?:\s?[:.h]\s?(?P<minute>\d{{2}}))?
        (?:\s?(?P<ampm>[ap])\.?\s?m\b\.?)?
        (?P<oclock>\s?o\s?clock)?
      | \b(?P<part>half|quarter)\s+(?P<way>past|to)\s+(?P<of>\d{{1,2}}|{_HOURS})
      | \b(?P<noon>noon|midday)
    )
    (?![\w.,:]*\d)(?!\w)
    (?!\s*(?:x\b|kgs?\b|kilo|lbs?\b|pound|%|days?\b|weeks?\b|months?\b|min|hours?\b|hrs?\b|sec|sets?\b|reps?\b
        |times?\b|sessions?\b|workouts?\b|rounds?\b))
    """,
    re.VERBOSE,
)
# Times given as a span ("6-7pm", "6 or 7", "between 6 and 7") ask for no one time.
_SPAN = re.compile(r"\bbetween\b|\d\s*(?:-|or|and)\s*\d")
# Minutes past or to an hour other than a half or a quarter ("ten past seven", "twenty to eight"), a half or
# quarter before am/pm ("quarter to 1pm") and midnight are not read: better no time on the button than 10:00.
_UNREAD = re.compile(
    rf"\b(?:\d{{1,2}}|five|ten|twenty|twenty[ -]five)\s+(?:minutes?\s+)?(?:past|to)\s+"
    rf"(?:\d{{1,2}}|{_HOURS})\b"
    rf"|\b(?:half|quarter)\s+(?:past|to)\s+\d{{1,2}}\s*[ap]\.?\s?m\b|\bmidnight\b|\b12\s+(?:at\s+)?night\b"
)
_LATE = re.compile(r"\b(?:evenings?|nights?|afternoons?|after work|after dinner)\b")
_EARLY = re.compile(r"\b(?:mornings?|before work|breakfast)\b")
# An hour told with its half of the day, or on a 24-hour clock with a leading zero ("07:30").
_HALF_TOLD = re.compile(r"\d\s?[ap]\.?\s?m\b|(?<![\d.:])0\d")
# A time said right after these is the one being left ("from 6pm to 7pm", "7pm instead of 6").
_LEFT = re.compile(r"\b(?:not|no|than|instead of|except)\s*$")


def _time_asked(plain: str) -> tuple[time | None, str]:
    """The one time the message asks for, and the message without the times it names."""
    if _SPAN.search(plain) or _UNREAD.search(plain):
        raise _Unclear
    wanted: set[time] = set()
    named = False
    late, early = bool(_LATE.search(plain)), bool(_EARLY.search(plain))
    for match in _TIME.finditer(plain):
        at = _clock(match, late, early)
        if at is None:
            continue
        named = True
        # Blanked out, not cut, so the matches' places stay right; "7.30" must not read as two sentences.
        plain = plain[: match.start()] + " " * (match.end() - match.start()) + plain[match.end() :]
        if (match["lead"] or "").strip() != "from" and not _LEFT.search(plain[: match.start()]):
            wanted.add(at)
    if named and len(wanted) != 1:
        raise _Unclear
    return (wanted.pop() if wanted else None), plain


def _clock(match: re.Match[str], late: bool, early: bool) -> time | None:
    """The time a match names, or None for a number that is no time ("3 sets", "40 kg")."""
    if match["noon"]:
        return time(12)
    if match["part"]:
        hour, minute = _hour(match["of"]), 30 if match["part"] == "half" else 15
        if match["way"] == "to":
            hour, minute = hour - 1, 45
    else:
        hour, minute = _hour(match["hour"]), int(match["minute"] or 0)
        if match["ampm"]:
            if not 1 <= hour <= 12:
                raise _Unclear
            return _valid(hour % 12 + (12 if match["ampm"] == "p" else 0), minute)
        # A bare number is a time only when it is said like one: "at 7", "7 o'clock", "7:30".
        if not (match["minute"] or match["oclock"] or match["lead"]):
            return None
    if 1 <= hour <= 11 and late and early:
        raise _Unclear
    return _valid(hour + 12 if 1 <= hour <= 11 and late else hour, minute)


def _hour(token: str) -> int:
    return int(token) if token.isdigit() else _HOUR_WORDS[token]


def _valid(hour: int, minute: int) -> time:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise _Unclear
    return time(hour, minute)


# --- the days ---------------------------------------------------------------------------------------------

_DAYS = {word: frozenset({i}) for word, i in WEEKDAYS.items()}
_DAYS |= {name + "s": frozenset({i}) for i, name in enumerate(WEEKDAY_NAMES)}
_DAYS |= dict.fromkeys(("weekday", "weekdays"), frozenset(range(5)))
_DAYS |= dict.fromkeys(("weekend", "weekends"), frozenset({5, 6}))
_DAYS |= dict.fromkeys(("everyday", "daily"), _WEEK)
# Short names that are everyday words too ("I sat", "the sun", "we wed"): days only beside another day or
# after a word that goes before one.
_LOOSE = frozenset(("sat", "sun", "wed"))
_BEFORE_DAY = frozenset(("on", "every", "each", "only", "not", "no", "except", "drop", "add"))

_TOKEN = re.compile(r"[a-z]+|[,;:.!?()]|[-/&+]")
_EVERY_DAY = re.compile(r"\b(?:every|each) ?day\b|\ball week\b|\b(?:7|seven) days a week\b")
# "I work out on mondays" says nothing against mondays (the way "mondays are out" does).
_WORK_OUT = re.compile(r"\bwork(?:s|ed|ing)? out\b")
# Work said of the trainee, or a shift, takes the days it names ("I work mon and wed", "I do night shift mon
# and wed", "I'm working tuesdays", "on call fridays"): read as "busy", a word that turns its days down. A
# newcomer trial's "tue, thur and sat. i do night shift mon and wed" was given all five days, the "do" read
# as asking for them. The days as the subject ("mondays work for me") ask for them, as "work" in _ASKING
# does once work told of a person is "busy", and "shift" alone is /schedule's verb ("shift monday to
# tuesday"): only work after a person, "at work", "have work", or a shift told as one counts.
_AT_WORK = re.compile(
    r"\b(?:i|we|im|ive|ill|id|i am|i will|i have to|have to|got to|need to)"
    r"(?:\s+(?:also|usually|normally|always|still|mostly|often|be|do))*\s+work(?:ing)?\b"
    r"|\b(?:am|are|were|be|been)\s+working\b|\b(?:at|have|got)\s+work\b|\bon call\b|\bnightshifts?\b"
    r"|\b(?:night|day|late|early|double|evening|morning|weekend|long|work|a|my|the|on)\s+shifts?\b|\bshifts\b"
)
_DAY_WORD = "|".join(sorted(_DAYS, key=len, reverse=True))
# "this friday", "tomorrow": a one-off, which a weekly schedule would turn into every week.
_ONE_OFF = re.compile(rf"\b(?:today|tonight|tomorrow|(?:this|next|coming) (?:{_DAY_WORD}|week))\b")
_UNSURE = re.compile(r"\b(?:every (?:other|second|2nd|few)|alternate|alternating) days?\b")

_CONNECTORS = frozenset((",", "and", "or", "&", "/", "+", "plus", "nor"))
# The words that end a list: a comma after one starts another clause.
_CLOSING = frozenset(("and", "or", "&", "plus", "nor"))
_RANGE = frozenset(("-", "through", "thru", "till", "until"))
_BREAKS = frozenset((";", ":", ".", "!", "?", "(", ")"))
_SPLITS = frozenset(
    ("but", "so", "because", "cause", "cos", "since", "though", "although", "however", "whereas")
)
# "anything but monday" is "except monday", not two clauses.
_ALL = frozenset(("anything", "all", "everything", "every", "any", "everyday", "days", "day"))
_MOVES = frozenset(("move", "moving", "shift", "push", "swap", "swop", "switch", "change", "bump", "replace"))
_INTO = frozenset(("to", "for", "with", "into"))
# Words skipped between a day and the word before it that turns it down ("no more sessions on mondays").
_FILLER = frozenset(
    ("on", "the", "my", "a", "an", "any", "more", "longer", "do", "doing", "train", "training", "to", "at",
     "with", "for", "reminders", "reminder", "sessions", "session", "workouts", "workout", "pings",
     "messages")
)  # fmt: skip
# Right before a day, these turn it down ("not mondays", "weekdays except wednesday"), take it out of the
# chat's days ("drop saturday") or add it to them ("add friday").
_NOT = frozenset(("not", "no", "except", "excluding", "without", "minus", "nor", "never", "but"))
_DROP = frozenset(("drop", "remove", "cut", "ditch", "scrap", "delete", "cancel", "lose", "skip"))
_ADD = frozenset(("add", "adding"))
# Anywhere in a clause, these turn down its days ("Mondays don't work any more", "I'm busy on tuesdays").
_NEG = frozenset(
    ("dont", "doesnt", "didnt", "cant", "cannot", "couldnt", "wont", "isnt", "arent", "wasnt", "werent",
     "not", "no", "never", "neither", "nor", "busy", "impossible", "hard", "harder", "tough", "difficult",
     "bad", "awkward", "tricky", "problem", "clash", "clashes", "conflict", "booked", "hate", "worse",
     "worst", "anymore", "unavailable", "away", "out", "rest", "stop", "without", *_DROP)
)  # fmt: skip
# Beside such a word, these ask for something: a clause with both and two days has a "not" for one of them,
# but which ("Mondays are hard and wednesdays would be better")?
_FOR = frozenset(
    ("instead", "better", "prefer", "rather", "would", "could", "like", "want", "ok", "okay", "fine", "good",
     "best", "suits", "works", "please", "only")
)  # fmt: skip
# Days asked for with these come on top of the chat's ("fridays too").
_ALSO = frozenset(("also", "too", "another", "extra", "additional"))
# A clause that tells what was ("I trained on monday", "last tuesday") asks for none of its days.
_PAST = frozenset(
    ("trained", "did", "was", "were", "missed", "last", "used", "yesterday", "ago", "went", "had")
)
# A clause asks for its days when it says so ("remind me on tuesdays", "could we do fridays", "thursday
# works") or names nothing but them ("tuesdays and fridays at 7pm"); "my gym is closed on sundays" does not.
_ASKING = frozenset(
    ("remind", "reminders", "reminder", "ping", "message", "text", "schedule", "train", "training",
     "workout", "workouts", "session", "sessions", "do", "does", "want", "like", "prefer",
     "rather", "could", "can", "would", "will", "please", "pls", "change", "move", "switch", "set", "make",
     "put", "instead", "better", "best", "only", "how", "what", "ok", "okay", "fine", "good", "works", "suit",
     "suits", "available", "now", "lets", "try", "pick", "go", "in", "every", "each", "work")
)  # fmt: skip
# A part of the day beside a day and a time is still only the schedule ("friday mornings at 7"), and so is
# an example's "say" ("mornings, say monday and thursday at 6:30am").
_PLAIN = frozenset(
    ("at", "on", "the", "then", "maybe", "just", "say", "morning", "mornings", "evening", "evenings",
     "afternoon", "afternoons", "night", "nights", "am", "pm")
)  # fmt: skip


@dataclass
class _Mention:
    start: int
    end: int  # one past its last token
    days: frozenset[int]
    named: bool  # one day by its name, not "weekdays" or a range
    wanted: bool | None = None  # None: neither asked for nor turned down ("I trained on monday")


def _days_asked(plain: str, current: frozenset[int] | None) -> frozenset[int] | None:
    """The days the message asks for, None where it names none; ``_Unclear`` where it leaves them open."""
    reading = _Reading(_TOKEN.findall(plain))
    if not reading.mentions:
        return None
    reading.read()
    asked = [m for m in reading.mentions if m.wanted]
    left = [m for m in reading.mentions if m.wanted is False]
    if {d for m in asked if m.named for d in m.days} & {d for m in left if m.named for d in m.days}:
        raise _Unclear  # one day both asked for and turned down
    wanted = frozenset().union(*(m.days for m in asked))
    unwanted = frozenset().union(*(m.days for m in left))
    if wanted:
        if not (reading.paired or reading.adding):
            return wanted - unwanted
        # "tuesday instead of monday", "add friday": the chat's days, changed as the message says.
        if current is None or (reading.paired and not unwanted <= current):
            raise _Unclear
        return (current - unwanted) | wanted
    if unwanted:
        if not reading.dropping or current is None or not unwanted <= current:
            raise _Unclear  # "Mondays don't work any more", and no word of what would
        return current - unwanted
    return None


class _Reading:
    """The days a message names, each marked asked for or turned down, clause by clause."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.moving = any(t in _MOVES for t in tokens)
        self.mentions = self._mentions()
        self.paired = False  # a day swapped for another in one breath: "move monday to tuesday"
        self.adding = False  # "add friday", "saturdays too"
        self.dropping = False  # "drop saturday", "take thursday off"

    def read(self) -> None:
        tokens = self.tokens
        before: list[_Mention] = []
        for lo, hi in self._clauses():
            within = [m for m in self.mentions if lo <= m.start < hi]
            # "I can't do mon, thu": the days after the comma may be turned down too, or asked for instead.
            after_no = bool(before) and before[-1].wanted is False and before[-1].end == lo - 1
            if after_no and tokens[lo - 1] == "," and within and self._only_days(lo, hi, within):
                raise _Unclear
            if within:
                self._read_clause(lo, hi, within)
            before = within

    def _mentions(self) -> list[_Mention]:
        """The days named, a range ("mon-fri", "monday to friday") as one."""
        tokens = self.tokens
        found = [
            _Mention(i, i + 1, _DAYS[t], named=len(_DAYS[t]) == 1)
            for i, t in enumerate(tokens)
            if t in _DAYS and (t not in _LOOSE or self._beside_a_day(i))
        ]
        merged: list[_Mention] = []
        for mention in found:
            last = merged[-1] if merged else None
            between = tokens[last.end : mention.start] if last is not None else []
            ranged = len(between) == 1 and (between[0] in _RANGE or (between[0] == "to" and not self.moving))
            if last is not None and ranged and last.named and mention.named:
                first, end = min(last.days), min(mention.days)
                span = frozenset((first + k) % 7 for k in range((end - first) % 7 + 1))
                merged[-1] = _Mention(last.start, mention.end, span, named=False)
            else:
                merged.append(mention)
        return merged

    def _beside_a_day(self, i: int) -> bool:
        tokens = self.tokens
        if i > 0 and tokens[i - 1] in _BEFORE_DAY:
            return True
        for step in (-1, 1):
            j = i + step
            if 0 <= j < len(tokens) and tokens[j] in (_CONNECTORS | _RANGE):
                j += step
            if 0 <= j < len(tokens) and tokens[j] in _DAYS:
                return True
        return False

    def _clauses(self) -> list[tuple[int, int]]:
        """Token ranges of the clauses; a comma in a list of days ("mon, wed and fri") is no break."""
        tokens = self.tokens
        listed: set[int] = set()
        run: list[int] = []  # the connectors of a run of days
        for before, after in itertools.pairwise(self.mentions):
            between = tokens[before.end : after.start]
            if len(between) == 1 and between[0] in _CONNECTORS:
                run.append(before.end)
                continue
            listed |= self._list_commas(run)
            run = []
        listed |= self._list_commas(run)
        clauses, lo = [], 0
        for i, token in enumerate(tokens):
            split = token in _BREAKS or (token == "," and i not in listed)
            # A dash outside a range ("mon-fri") is a pause: "I can't do mon, thu - can you change them?"
            split = split or (token == "-" and not any(m.start < i < m.end for m in self.mentions))
            split = split or (token in _SPLITS and not (token == "but" and i > 0 and tokens[i - 1] in _ALL))
            if split:
                clauses.append((lo, i))
                lo = i + 1
        clauses.append((lo, len(tokens)))
        return clauses

    def _list_commas(self, run: list[int]) -> set[int]:
        # In a list the commas come before its "and" or "or" ("mon, wed and fri"); "not wednesday, thursday"
        # and "monday or tuesday, wednesday works" are two clauses each, and so is a comma after a list's
        # "and" ("night shift mon and wed, tuesdays and thursdays are good").
        return {
            i
            for k, i in enumerate(run)
            if self.tokens[i] == ","
            and any(self.tokens[later] != "," for later in run[k + 1 :])
            and not any(self.tokens[earlier] in _CLOSING for earlier in run[:k])
        }

    def _only_days(self, lo: int, hi: int, within: list[_Mention]) -> bool:
        spans = {i for m in within for i in range(m.start, m.end)}
        return all(i in spans or self.tokens[i] in _CONNECTORS for i in range(lo, hi))

    def _read_clause(self, lo: int, hi: int, mentions: list[_Mention]) -> None:
        tokens, words = self.tokens, self.tokens[lo:hi]
        if "or" in words and not any(t in _NEG for t in words):
            raise _Unclear  # "tuesday or friday": a choice left open
        off_after = tokens[mentions[-1].end : mentions[-1].end + 1] == ["off"]
        if "free" in words or ("off" in words and not off_after):
            raise _Unclear  # "off on mondays", "sundays free": off work (so free to train) or off training?
        used: set[int] = set()  # the words that turned a day down, read no more
        for index, mention in enumerate(mentions):
            if mention.wanted is None:
                self._read_before(lo, mentions[index:], used)
        if off_after:
            self._mark(mentions[::-1], False)
            used.add(mentions[-1].end)
            self.dropping = True
        self._read_move(lo, hi, mentions)
        rest = [m for m in mentions if m.wanted is None]
        if not rest:
            return
        if any(t in _NEG for i, t in enumerate(words, lo) if i not in used):
            if len(mentions) >= 2 and (any(t in _FOR for t in words) or any(m.wanted for m in mentions)):
                raise _Unclear  # a "not" that could go with either day
            for m in rest:
                m.wanted = False
        elif not any(t in _PAST for t in words) and self._asking(lo, hi, mentions, used):
            for m in rest:
                m.wanted = True
            self.adding = self.adding or any(t in _ALSO for t in words) or "as well" in " ".join(words)

    def _asking(self, lo: int, hi: int, mentions: list[_Mention], used: set[int]) -> bool:
        spans = {i for m in mentions for i in range(m.start, m.end)}
        plain = (i in spans or i in used or self.tokens[i] in _CONNECTORS | _PLAIN for i in range(lo, hi))
        return any(t in _ASKING for t in self.tokens[lo:hi]) or all(plain)

    def _read_before(self, lo: int, mentions: list[_Mention], used: set[int]) -> None:
        """The first day turned down or added by the word before it ("not mondays", "instead of tuesday",
        "add friday"), and the days listed with it."""
        tokens, j = self.tokens, mentions[0].start - 1
        while j >= lo and tokens[j] in _FILLER:
            j -= 1
        if j < lo:
            return
        word, before = tokens[j], tokens[j - 1] if j > lo else ""
        if word in _DROP or (word == "no" and tokens[j + 1] in ("more", "longer")):
            wanted, self.dropping = False, True
        elif word in _NOT or (word == "from" and before == "apart") or (word == "than" and before == "other"):
            wanted = False
        elif word in _ADD:
            wanted, self.adding = True, True
        elif (word == "of" and before == "instead") or word == "than" or (word == "from" and self.moving):
            wanted, self.paired = False, True
        else:
            return
        used.add(j)
        self._mark(mentions, wanted)

    def _mark(self, mentions: list[_Mention], wanted: bool) -> None:
        """Mark the first of ``mentions`` and those listed right after it ("not mondays or tuesdays")."""
        for index, mention in enumerate(mentions):
            if index:
                left, right = sorted((mentions[index - 1], mention), key=lambda m: m.start)
                between = self.tokens[left.end : right.start]
                if not (len(between) == 1 and between[0] in _CONNECTORS):
                    return
            mention.wanted = wanted

    def _read_move(self, lo: int, hi: int, mentions: list[_Mention]) -> None:
        """ "move my monday session to tuesday", "swap wednesday for thursday": the days first named for the
        others."""
        tokens = self.tokens
        verb = next((i for i in range(lo, hi) if tokens[i] in _MOVES), None)
        if verb is None:
            return
        into = next(
            (i for i in range(verb, hi) if tokens[i] in _INTO and any(verb < m.start < i for m in mentions)),
            None,
        )
        if into is None or not any(m.start > into for m in mentions):
            return
        for m in mentions:
            if m.wanted is None and verb < m.start:
                m.wanted = m.start > into
        self.paired = True
