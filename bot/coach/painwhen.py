"""When a pain told was: long past ("I had some pain in my lower back a few years ago"), or now.

A newcomer trial asked "I had some pain in my lower back a few years ago. Is the deadlift safe for me?"
and the next /workout left the RDL, the bent-over row and the rear-delt fly out, "you told me it hurt on 7
Dec". A pain told as long past and not said to hurt now is history, not a pain to train around: the question
is answered (safety-led, as the answerer does) and the plan stays as it is (``told_as_past``). Said back of a
pain the plan does leave out ("No no, my back does not hurt now. It was 5 years ago"), it is as good as
"It's fine now" (``said_over``, read by ``finenow``).

Long past is years, not weeks: "I tweaked it last week" may well still hurt, and leaving a move out a little
longer than needed is the safe mistake. A clause that says it hurts now ("… and it still aches on rows",
"deadlifts hurt my back") keeps the pain a present one whatever the rest of the message says.

Pure: no Telegram, no database.
"""

from __future__ import annotations

import re

from bot.coach.wording import words

# Years back, said as trainees say it ("a few years ago", "5 years back", "last year", "a decade ago", "an
# old injury", "back in 2019", "I used to get back pain"), read on ``words``' text (apostrophes dropped).
_AGO = r"(?:years?|decades?)\s+(?:ago|back|before)"
_TIME_PAST = re.compile(
    rf"\b(?:{_AGO}|last\s+year|year\s+before\s+last|used\s+to|in\s+the\s+past|(?:a\s+)?long\s+(?:time\s+)?ago"
    r"|ages\s+ago|when\s+i\s+was\s+(?:younger|a\s+(?:kid|teen|teenager|student)|in\s+(?:school|college)))\b"
)
# An injury said to be old: long past too, though what it does now may be told beside it ("I get pain from
# an old injury when I deadlift"), so it tells no time of the clause it is in.
_OLD = re.compile(r"\bold\s+(?:\w+\s+)?(?:injury|injuries|strain|tear|problem|issue)\b")
# A year told ("back in 2019", "in 2021"): long past when before the current one.
_YEAR = re.compile(r"\b(?:back\s+)?in\s+((?:19|20)\d\d)\b")
# Said back of the pain ("it was 5 years ago", "that was an old injury", "it's from years ago"): the pain it
# points to is over. The words before the marker point back at it (it, that, this, the pain, the injury).
_OVER = re.compile(
    r"\b(?:it|that|this|which|its|thats|pain|injury)\s+(?:(?:was|is|were)\s+)?(?:\w+\s+){0,3}?"
    rf"(?:{_AGO}|last\s+year|(?:a\s+)?long\s+(?:time\s+)?ago|ages\s+ago|an?\s+old\s+(?:\w+\s+)?injury"
    r"|in\s+(?:19|20)\d\d)\b"
)

# What parts a message into clauses: "I hurt it years ago, and now it aches on rows" tells two times.
_CLAUSE = re.compile(r"[.!?;,:\n]+|\b(?:but|and|so|because|though|although|yet|while)\b", re.IGNORECASE)
# A word that turns a clause round ("my back does not hurt now", "no pain these days").
NEGATION = frozenset(
    ("not", "no", "doesnt", "dont", "isnt", "arent", "wasnt", "didnt", "hasnt", "havent", "never", "nothing")
) | {"without", "none", "anymore"}
# Hurting now, whatever else the clause says ("my back aches", "rows are killing me", "it flares up").
PRESENT = frozenset(
    (
        *("hurts", "hurting", "aches", "aching", "sore", "painful", "twinges", "twinging", "niggles"),
        *("niggling", "bothers", "bothering", "flares", "flaring", "flared", "killing", "kills", "pinches"),
        *("pinching", "burns", "acts", "acting"),
    )
)
# A pain word that says now with one of ``NOW`` in its clause ("I still get pain", "pain again lately"), or
# with one of ``HABIT`` in a clause that tells of no time past ("I get pain on rows", not "I used to get
# pain").
PAIN = frozenset(("pain", "pains", "ache", "twinge", "niggle", "hurt", "discomfort", "injury", "injured"))
NOW = frozenset(
    ("still", "now", "currently", "lately", "recently", "nowadays", "again", "today", "sometimes")
)
HABIT = frozenset(
    (
        "get",
        "gets",
        "getting",
        "feel",
        "feeling",
        "have",
        "having",
        "im",
        "keeps",
        "keep",
        "every",
        "whenever",
    )
)
# Before "hurt", what makes it past or no present ("I hurt it", "it hurt back then", "had hurt"): "deadlifts
# hurt my back" tells it now.
_NOT_PRESENT_HURT = frozenset(("i", "it", "had", "has", "have", "was", "got", "that", "ive", "id", "never"))


def _clauses(text: str) -> list[str]:
    """The message's clauses, each as ``words`` reads it (split before the punctuation goes)."""
    return [" ".join(said) for part in _CLAUSE.split(text) if (said := words(part))]


def long_past(text: str, year: int) -> bool:
    """Whether a message tells of a time years back ("a few years ago", "back in 2019" before ``year``)."""
    said = " ".join(words(text))
    past = _TIME_PAST.search(said) or _OLD.search(said)
    return bool(past) or any(int(y) < year for y in _YEAR.findall(said))


def hurts_now(text: str) -> bool:
    """Whether a clause of the message says it hurts now: a present form ("aches", "hurts", "sore") or a pain
    word with a word of now ("still", "lately", "I get pain"), or "hurt" after what it hurts ("rows hurt my
    back") in a clause that tells of no time past; never a clause turned round ("does not hurt now")."""
    for clause in _clauses(text):
        said = clause.split()
        if not NEGATION.isdisjoint(said):
            continue
        past = bool(_TIME_PAST.search(clause) or _YEAR.search(clause)) or "had" in said or "was" in said
        now = NOW if past else NOW | HABIT
        if not PRESENT.isdisjoint(said) or (not PAIN.isdisjoint(said) and not now.isdisjoint(said)):
            return True
        if not past and any(
            word == "hurt" and (i == 0 or said[i - 1] not in _NOT_PRESENT_HURT) for i, word in enumerate(said)
        ):
            return True
    return False


def told_as_past(text: str, year: int) -> bool:
    """Whether a pain a message tells is long past and not said to hurt now ("I had some pain in my lower
    back a few years ago. Is the deadlift safe for me?"): no caution for it."""
    return long_past(text, year) and not hurts_now(text)


def said_over(text: str) -> bool:
    """Whether a message says of the pain it points back to that it was long ago ("It was 5 years ago",
    "that was an old injury", "it's from years back"), and nothing hurts now: "It's fine now" in other
    words."""
    return bool(_OVER.search(" ".join(words(text)))) and not hurts_now(text)
