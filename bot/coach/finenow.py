""" "It's fine now" typed rather than pressed: whether a message says a pain is over, and which of the chat's
cautions it is about.

"It's fine now", "my back is fine now", "pain's gone", "my back does not hurt now", and said with what the
trainee wants back: "my shoulder feels fine now, I can do face pulls again", "my shoulder is feeling much
better, I'd like to try the pull ups again". A question ("is my shoulder fine now to do face pulls?", "can I
do face pulls again, it feels fine now"), a condition ("if it's fine now can I add weight"), a turned-round
one ("it's not fine now", "a bit better but still sore") is not: leaving a move out a day longer than needed
is the safe mistake. Said back of the pain as long past ("It was 5 years ago", "that was an old injury":
``tells_over``), it clears a caution it is about, and says nothing when none is. Which caution it clears is
the handler's (``handlers.cautions_fine.fine_told``), by the exercise the message names (``named``) or the
body part it names (``cautions.body_part_told``).

Pure: no Telegram, no database.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

from bot.coach import painwhen
from bot.coach.lognames import Names, exercise_named, fits
from bot.coach.logparse import match_exercise
from bot.coach.wording import scan, words

# Each a run of words as ``words`` reads them (apostrophes dropped), after the words that only make it
# stronger are taken out (``STRONGER``: "feels totally fine now").
FINE_NOW = (
    ("fine", "now"),
    ("fine", "again"),
    ("feels", "fine"),
    ("feel", "fine"),
    ("feeling", "fine"),
    ("feels", "better"),
    ("feel", "better"),
    ("feeling", "better"),
    ("much", "better"),
    ("lot", "better"),
    ("way", "better"),
    ("better", "now"),
    ("doesnt", "hurt", "anymore"),
    ("doesnt", "hurt", "any", "more"),
    ("does", "not", "hurt", "anymore"),
    ("dont", "hurt", "anymore"),
    # "No no, my back does not hurt now": the "now" is what tells it is over.
    ("doesnt", "hurt", "now"),
    ("does", "not", "hurt", "now"),
    ("dont", "hurt", "now"),
    ("do", "not", "hurt", "now"),
    ("not", "hurting", "now"),
    ("not", "hurting", "anymore"),
    ("no", "pain", "now"),
    ("no", "longer", "hurts"),
    ("no", "pain", "anymore"),
    ("stopped", "hurting"),
    ("pains", "gone"),
    ("pain", "gone"),
    ("pain", "is", "gone"),
    ("pain", "has", "gone"),
)
STRONGER = frozenset(("totally", "completely", "fully", "really", "absolutely", "perfectly", "so", "a"))
_FINE_NOW = dict.fromkeys(FINE_NOW, "fine")
_LONGEST = max(map(len, FINE_NOW))
# Words outside the phrase that make it something else: a condition ("if it's fine now"), a "fine now" turned
# round ("it's not fine now", "still hurts"), or a pain that is only easing ("a bit better", "slightly").
NOT_FINE = frozenset(("if", "once", "until", "unless", "whether", "how", "what", "why", "which"))
NOT_FINE |= {"still", "not", "isnt", "arent", "wasnt", "never", "but", "should", "maybe"}
NOT_FINE |= {"bit", "abit", "little", "slightly", "somewhat", "almost", "nearly", "hardly", "barely"}
# A question asked without its "?" opens with a verb ("is the pain gone after a week") or turns one round
# anywhere ("it feels fine now, can I do face pulls again"): "I can do face pulls again" tells.
TURNED = frozenset(
    ("can", "could", "should", "would", "may", "shall", "do", "does", "is", "are", "will", "am")
)
ASKED_FIRST = TURNED | {"was", "has", "have", "when", "how", "what", "why", "which"}
ASKER = frozenset(("i", "we", "you"))
# "is it fine now", "should it still click": "I can do it again" tells.
ASKED_OF_IT = frozenset(("is", "will", "would", "should", "could", "can"))
# A short message ("It's fine now", "pain's gone") is about the cautions whatever else is open; a longer one
# is read as "fine now" only where it names what it is about, or a caution is open to be about.
SHORT = 8
LONGEST = 30


def tells_fine(text: str) -> bool:
    """Whether a message is the trainee saying the pain is over, as "✅ It's fine now" would: one of
    ``FINE_NOW`` in a message of up to ``LONGEST`` words that asks nothing and says nothing against it."""
    said = words(text)
    if "?" in text or not 0 < len(said) <= LONGEST or said[0] in ASKED_FIRST:
        return False
    pairs = list(itertools.pairwise(said))
    # "fine now that I warm up properly…" is "since": it tells of something else going well.
    if any(
        (verb in TURNED and who in ASKER)
        or (verb in ASKED_OF_IT and who == "it")
        or (verb, who) == ("now", "that")
        for verb, who in pairs
    ):
        return False
    kept = [word for word in said if word not in STRONGER]
    found = [window for _, window in scan(kept, _FINE_NOW, _LONGEST)]
    # "does not hurt anymore" says "not" as part of the phrase: only the words outside one may not.
    outside = Counter(kept)
    for window in found:
        outside.subtract(window)
    return bool(found) and NOT_FINE.isdisjoint(word for word, left in outside.items() if left > 0)


def tells_over(text: str) -> bool:
    """Whether a message says of the pain it points back to that it was long ago ("It was 5 years ago",
    "that was an old injury": ``painwhen.said_over``), asking nothing: "It's fine now" for a caution it is
    about, but no word on cautions when none is (the handler's)."""
    said = words(text)
    return (
        "?" not in text
        and 0 < len(said) <= LONGEST
        and said[0] not in ASKED_FIRST
        and painwhen.said_over(text)
    )


def short(text: str) -> bool:
    """Whether the message is no more than "It's fine now" or "my back is fine now" is."""
    return len(words(text)) <= SHORT


def named(text: str, exercises: Sequence[Names]) -> tuple[str, ...]:
    """The exercises a message names, by any of their names ("pull ups": the pull-up and every version whose
    names hold those words, the band-assisted one too), the one /log would read it as first; empty when it
    names none."""
    span = exercise_named(text, exercises)
    if span is None:
        return ()
    found = match_exercise(span, exercises)
    fitting = [names.id for names in exercises if fits(span, exercises, names.id)]
    return tuple(dict.fromkeys([*([found] if isinstance(found, str) else []), *fitting]))
