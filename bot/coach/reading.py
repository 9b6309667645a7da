"""How the matcher reads a question: words to known stems, stems to concepts, and signs of another subject.

Normalise the text, fix small typos against the knowledge base's own vocabulary (speller.py), map words and
phrases to concepts (lexicon.toml, situations.toml), and count what points elsewhere: another body part or
sport, an unrelated subject, everyday words from another subject, words we know nothing about, small talk
and the safety signs (assist.toml). Everything here is built once, when the answerer loads.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bot.coach.assist import CommandMatcher, Safety, Situations
from bot.coach.knowledge import Lexicon
from bot.coach.speller import Speller
from bot.coach.wording import first_word_lengths, phrase_key, scan, stem, words

# Articles and possessives are skipped when matching phrases, so "without a pull up bar", "without pull
# up bar" and "without my pull up bar" are the same phrase.
SKIPPABLE = frozenset({"a", "an", "the", "my", "your", "ur"})

OFFTOPIC = "_off"
UNRELATED = "_unrelated"
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_DIGIT = re.compile(r"\d")
# "Pull up my payslip", "pulling up the report": the verb, fetching something, not the exercise. The noun
# comes after an article or a count ("a pull up the right way", "one pull up a day") and keeps its sense.
_PULL_UP = re.compile(
    r"\b(?P<before>\w+\s+)?(?:pull|pulling)\s+up\s+(?=(?:my|the|an|last|our|your|his|her|their|this|that)\b)",
    re.IGNORECASE,
)
_NOUN_BEFORE = frozenset(
    {"a", "one", "the", "each", "every", "per", "another", "single", "strict", "first", "1"}
)
SAFETY = "safety"
SITUATION = "situation:"
MEDICAL = "medical"
PROFESSIONAL = "professional"
# A sign said not to be there ("no pain though"): read, so the sign's words inside it count for nothing.
ABSENT = "absent"

# A story names its background (toddlers, a wedding, the dog, a house move) before its question: in a long
# message one foreign or unknown word per this many words is the story's setting, not a sign of another
# subject. A short question ("my dog ate my ...") keeps the full penalty.
BACKGROUND_WORDS = 20
AIM_REACH = 3  # how many words before another subject are looked at for an aim word (lexicon.toml's aims)
_CLAUSE_SUBJECTS = frozenset({"i", "im", "we", "you", "he", "she", "they"})  # a new clause starts at one


@dataclass
class Reading:
    """What the matcher made of one question."""

    concepts: set[str]
    offtopic: int
    unrelated: int
    foreign: int
    unknown: int
    smalltalk: list[str]
    only_smalltalk: bool
    features: tuple[str, ...] = ()
    safety: bool = False
    stems: tuple[str, ...] = ()
    # Of ``unrelated``, the signs that were a condition or a therapist ("my physio wants my log as a file").
    clinical: int = 0
    # The safety situation that needs its own lead (assist.toml [[safety.special]]), if any.
    special: str | None = None
    # Another subject is what the question would train ("how to train calves at home"), not its setting.
    aimed: bool = False


class Reader:
    """Reads questions on the knowledge base's vocabulary; ``read`` is all the answerer needs."""

    def __init__(
        self, lex: Lexicon, situations: Situations, commands: CommandMatcher, safety: Safety
    ) -> None:
        self._care: dict[tuple[str, ...], str] = {}
        for label, phrases in (
            (PROFESSIONAL, safety.professionals),
            (SAFETY, safety.signs),
            (MEDICAL, safety.medical),
            (ABSENT, safety.absent),
        ):
            for phrase in phrases:
                key = phrase_key(phrase)
                if key:
                    self._care[key] = label
        self._longest_care = max(len(k) for k in self._care)
        self._care_lengths = first_word_lengths(self._care)
        # A sign said to be absent ("no pain") holds a sign's word ("pain"): its own first words ("no", "it")
        # would send most questions to a scan for nothing.
        self._care_starts = frozenset(key[0] for key, label in self._care.items() if label != ABSENT)
        self._joint = _Joint(
            _single_words(safety.joints), _single_words(safety.joint_signs), safety.joint_window
        )
        # Each special situation is its own table: its phrases overlap the signs above ("felt something pop"
        # is a sign, "pop" an event), and one longest-match scan would hide one behind the other.
        self._specials: list[_Special] = []
        for special in safety.special:
            table = {
                key: group
                for group, phrases in (
                    ("alone", special.alone),
                    ("event", special.event),
                    ("sign", special.sign),
                    # Longest first, so "nothing sharp" is found before the "sharp" inside it.
                    (ABSENT, special.absent),
                )
                for phrase in phrases
                if (key := phrase_key(phrase))
            }
            starts = {g: frozenset(k[0] for k, group in table.items() if group == g) for g in _GROUPS}
            self._specials.append(
                _Special(
                    special.name,
                    table,
                    max(len(k) for k in table),
                    special.only_plain_signs,
                    starts,
                    first_word_lengths(table),
                )
            )
        self._special_starts = frozenset(key[0] for sp in self._specials for key in sp.table)

        self._phrases: dict[tuple[str, ...], set[str]] = {}
        self._shortened: dict[tuple[str, ...], set[str]] = {}
        for concept, variants in lex.concepts.items():
            for variant in variants:
                self._add_phrase(variant, concept)
        for topic_id, phrases in situations.topics.items():
            for phrase in phrases:
                self._add_phrase(phrase, SITUATION + topic_id)
        for phrase in lex.offtopic:
            self._add_phrase(phrase, OFFTOPIC)
        for phrase in lex.unrelated:
            self._add_phrase(phrase, UNRELATED)
        # A phrase written without articles wins over another phrase that only shrinks to the same words:
        # "for years" is experience, "for a year" is not, though both read "for year" without the article.
        for key, concepts in self._shortened.items():
            if key not in self._phrases:
                self._phrases[key] = concepts
        # A situation that says "upper back" or names a lift inside it ("my stiff upper back") names the upper
        # back as much as the word alone would: a condition beside it is the asker's, not another subject.
        # ("back" alone is also "come back", "back at my old numbers": it takes "upper back" or a lift.)
        naming = {key for key, found in self._phrases.items() if found & set(lex.subjects)} - {("back",)}
        self._names_subject = frozenset(
            key
            for key, found in self._phrases.items()
            if any(c.startswith(SITUATION) for c in found)
            and any(key[i : i + n] in naming for n in range(1, len(key)) for i in range(len(key) - n + 1))
        )
        # The window lengths worth trying after each first word, longest first: a phrase's own length, and up
        # to two more for the articles a question may put inside it ("without my pull up bar").
        # Each length comes with whether a phrase of exactly that length starts with the word: only then can
        # the window itself be a phrase; otherwise only its shortened form can.
        lengths: dict[str, set[int]] = {}
        exact: dict[str, set[int]] = {}
        for key in self._phrases:
            lengths.setdefault(key[0], set()).update(
                (len(key), len(key) + 1, len(key) + 2) if len(key) > 1 else (1,)
            )
            exact.setdefault(key[0], set()).add(len(key))
        self._lengths = {
            word: tuple((n, n in exact[word]) for n in sorted(found, reverse=True))
            for word, found in lengths.items()
        }
        # A situation of an exercise ("the bar drifts off my shins") names the upper back as much as "back".
        self.subjects = frozenset(lex.subjects) | {SITUATION + t for t in situations.subjects}
        self._parts = frozenset(lex.parts)
        self._needs = tuple((concept, frozenset(companions)) for concept, companions in lex.needs.items())
        self._reminded = frozenset(lex.reminded)

        # Read in reverse, so a phrase listed under two kinds keeps the first.
        self._smalltalk = {k: e.kind for e in lex.smalltalk[::-1] for p in e.phrases if (k := phrase_key(p))}
        self._smalltalk_lengths = first_word_lengths(self._smalltalk)
        self._filler = {stem(w) for w in lex.filler} | {stem(w) for w in lex.stopwords}
        self._stopwords = {stem(w) for w in lex.stopwords}
        self._aims = frozenset(stem(w) for w in lex.aims)
        self._typos = {wrong: tuple(words(right)) for wrong, right in lex.typos.items()}

        self._domain = {w for key in self._phrases for w in key}
        # A foreign word that is only part of a phrase ("cat" in "cat cow") still counts as foreign alone.
        self._foreign = {stem(w) for w in lex.foreign} - {key[0] for key in self._phrases if len(key) == 1}
        neutral = {stem(w) for w in lex.common_words} | {w for key in self._smalltalk for w in key}
        self.known = self._domain | self._stopwords | neutral | self._filler | self._foreign
        self.known |= commands.vocabulary() | {w for key in self._care for w in key}
        self.known |= self._joint.joints | self._joint.signs
        # A special situation's own words too, or the corrector turns "my pee is dark" into "dank".
        self.known |= {w for special in self._specials for key in special.table for w in key}

        self.speller = Speller(self.known, self._domain)
        self._correct = self.speller.correct

    def _add_phrase(self, phrase: str, concept: str) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        self._phrases.setdefault(key, set()).add(concept)
        # Also without its articles, so the question's articles need not match the lexicon's. A phrase
        # that shrinks to one word ("a week" -> "week") is not shortened: the pair is what means something.
        short = tuple(w for w in key if w not in SKIPPABLE)
        if len(short) > 1 and short != key:
            self._shortened.setdefault(short, set()).add(concept)

    def stems(self, tokens: Iterable[str]) -> Iterator[tuple[str, bool]]:
        """Each token as a known stem where possible, with whether it is known at all."""
        budget = self.speller.budget()
        for raw in tokens:
            for token in self._typos.get(raw, (raw,)):
                # Numbers and amounts ("20kg", "12h", "2nd") are never a topic cue, a sign of another subject
                # or a typo: "105kg" is not "100kg".
                if not token.isalpha() and _DIGIT.search(token):
                    yield stem(token), True
                    continue
                stemmed = stem(token)
                if stemmed not in self.known and _STRETCHED.search(token):
                    # Chat-style stretched words: "sooo" -> "so", "whyyy" -> "why", "pleeease" -> "please".
                    for shrunk in (_STRETCHED.sub(r"\1", token), _STRETCHED.sub(r"\1\1", token)):
                        if stem(shrunk) in self.known:
                            token, stemmed = shrunk, stem(shrunk)
                            break
                if stemmed in self.known:
                    yield stemmed, True
                    continue
                fixed = self._correct(stemmed, budget)
                if fixed is None and stemmed != token:
                    fixed = self._correct(token, budget)
                    fixed = stem(fixed) if fixed is not None else None
                yield (fixed, True) if fixed is not None else (stemmed, False)

    def read(self, question: str) -> Reading:
        seen = self._see(question)
        stems, care = seen.stems, seen.care
        # Most questions hold no word that starts a special phrase, and need no second look.
        special = None
        if not self._special_starts.isdisjoint(stems):
            special = next(
                (
                    sp.name
                    for sp in self._specials
                    if (not sp.only_plain_signs or (SAFETY in care and MEDICAL not in care))
                    and sp.may_fit(stems)
                    and _fits(label for label, _ in scan(stems, sp.table, sp.longest, sp.lengths))
                ),
                None,
            )
        kinds: list[str] = []
        only_smalltalk = bool(stems)
        i = 0
        while i < len(stems):
            for length in self._smalltalk_lengths.get(stems[i], ()):
                kind = self._smalltalk.get(tuple(stems[i : i + length])) if length <= len(stems) - i else None
                if kind is not None:
                    kinds.append(kind)
                    i += length
                    break
            else:
                if stems[i] not in self._filler:
                    only_smalltalk = False
                i += 1
        return Reading(
            seen.concepts,
            seen.offtopic,
            seen.unrelated,
            seen.foreign,
            seen.unknown,
            kinds,
            only_smalltalk and bool(kinds),
            self._features(seen),
            safety=SAFETY in care or MEDICAL in care or special is not None,
            stems=tuple(stems),
            clinical=seen.clinical,
            aimed=seen.aimed,
            special=special,
        )

    def features(self, question: str) -> tuple[str, ...]:
        """``read(question).features`` without the safety situations and small talk, which the features
        do not depend on: the scorer reads its whole corpus this way when the answerer is built."""
        return self._features(self._see(question))

    def _see(self, question: str) -> _Seen:
        """The stems, concepts and signs of another subject in ``question``: what its features come from."""
        # Only p, u and l match themselves ignoring case, so without "pull" in the lower-cased text the
        # pattern cannot match: most questions skip it.
        if "pull" in question.lower():
            question = _PULL_UP.sub(_fetching, question)
        resolved = list(self.stems(words(question)))
        stems = [s for s, _ in resolved]
        # Windows are slices of a tuple: already keys, no copy to a tuple for each one tried.
        words_of = tuple(stems)
        phrases, lengths = self._phrases, self._lengths
        concepts: set[str] = set()
        offtopic = 0
        unrelated = 0
        foreign = 0
        unknown: set[str] = set()
        named = False
        aimed = 0  # other subjects aimed at, each counted once more against answering
        i = 0
        while i < len(stems):
            # Most words start no phrase: skip the window search for them (the bound on a long message).
            left = len(stems) - i
            for length, exact in lengths.get(stems[i], ()):
                if length > left:
                    continue
                window = words_of[i : i + length]
                matched = phrases.get(window) if exact else None
                if (
                    matched is None
                    and length > 2
                    and window[0] not in SKIPPABLE
                    and window[-1] not in SKIPPABLE
                    and not SKIPPABLE.isdisjoint(window)
                ):
                    short = tuple(w for w in window if w not in SKIPPABLE)
                    if 1 < len(short) < length:
                        matched = phrases.get(short)
                if matched is not None:
                    bare = tuple(w for w in window if w not in SKIPPABLE)
                    named |= window in self._names_subject or bare in self._names_subject
                    if OFFTOPIC in matched:
                        offtopic += 1
                        aimed += _aimed(self._aims, words_of, i, i + length)
                    if UNRELATED in matched:
                        unrelated += 1
                    concepts |= matched - {OFFTOPIC, UNRELATED}
                    i += length
                    break
            else:
                if stems[i] in self._foreign:
                    foreign += 1
                elif not resolved[i][1]:
                    unknown.add(stems[i])
                i += 1
        care = []
        if not self._care_starts.isdisjoint(stems):  # most questions mention no pain, condition or therapist
            care = [label for label, _ in scan(stems, self._care, self._longest_care, self._care_lengths)]
        if SAFETY not in care and ABSENT not in care and self._joint.hurts(stems):
            care.append(SAFETY)
        clinical = 0
        if not self.subjects & concepts and not named:
            # A condition or a therapist with nothing of the upper back named is a medical question, not ours.
            clinical = care.count(MEDICAL) + care.count(PROFESSIONAL)
            unrelated += clinical
        if self._parts & concepts and not self.subjects & concepts:
            offtopic += 1
        for concept, companions in self._needs:
            if concept in concepts and not companions & concepts:
                offtopic += 1
        # The bot reminds of training only: "remind me to call the dentist" is an errand in its words.
        if self._reminded and _asks_reminder(stems) and not self._reminded & concepts:
            unrelated += 1
        return _Seen(
            stems, concepts, offtopic + aimed, unrelated, foreign, len(unknown), care, clinical, aimed > 0
        )

    def _features(self, seen: _Seen) -> tuple[str, ...]:
        """What the statistical scorer sees: concepts, content stems, word pairs and off-topic signs."""
        found = {"c:" + c for c in seen.concepts}
        content = [s for s in seen.stems if s not in SKIPPABLE]
        found.update("w:" + s for s in content if s not in self._stopwords)
        found.update(f"b:{a}_{b}" for a, b in itertools.pairwise(content))
        if seen.offtopic:
            found.add("x:off")
        if seen.unrelated:
            found.add("x:unrelated")
        if seen.foreign:
            found.add("x:foreign")
        return tuple(sorted(found))


@dataclass
class _Seen:
    """What ``Reader._see`` found: everything of a reading but the safety situations and small talk."""

    stems: list[str]
    concepts: set[str]
    offtopic: int
    unrelated: int
    foreign: int
    unknown: int
    care: list[str]
    clinical: int
    aimed: bool = False


_GROUPS = ("alone", "event", "sign")


@dataclass(frozen=True)
class _Joint:
    """A joint and what a hurt joint does, within ``window`` words of each other (assist.toml's joints)."""

    joints: frozenset[str]
    signs: frozenset[str]
    window: int

    def hurts(self, stems: Sequence[str]) -> bool:
        at = [i for i, s in enumerate(stems) if s in self.joints]
        if not at:
            return False
        return any(abs(i - j) <= self.window for j, s in enumerate(stems) if s in self.signs for i in at)


def _single_words(listed: Iterable[str]) -> frozenset[str]:
    return frozenset(key[0] for word in listed if len(key := phrase_key(word)) == 1)


@dataclass(frozen=True)
class _Special:
    """A special safety situation's phrase table, and the words its phrases start with, by group."""

    name: str
    table: dict[tuple[str, ...], str]
    longest: int
    only_plain_signs: bool
    starts: dict[str, frozenset[str]]
    lengths: dict[str, tuple[int, ...]]

    def may_fit(self, stems: Sequence[str]) -> bool:
        """Whether the question could hold a phrase alone, or an event and a sign: most questions can't,
        and need no scan ("feel", "left" and "still" start sign phrases, but a sign alone is nothing)."""
        if not self.starts["alone"].isdisjoint(stems):
            return True
        return not self.starts["event"].isdisjoint(stems) and not self.starts["sign"].isdisjoint(stems)


def _fetching(found: re.Match[str]) -> str:
    """ "pull up" as the verb of fetching reads as "get"; after an article or a count it is the exercise."""
    before = found["before"] or ""
    if before.strip().lower() in _NOUN_BEFORE:
        return found[0]
    return f"{before}get "


def _fits(groups: Iterable[str]) -> bool:
    """Whether the phrase groups found make a special situation: one phrase alone, or an event with a sign."""
    found = set(groups)
    return "alone" in found or {"event", "sign"} <= found


def _aimed(aims: frozenset[str], stems: Sequence[str], start: int, end: int) -> bool:
    """The other subject at ``stems[start:end]`` is what the question would train: an aim word follows
    it ("calf workout") or comes just before it in its clause ("stretches for stiff hips", not "before
    training I must go running"), so it counts twice against answering."""
    if end < len(stems) and stems[end] in aims:
        return True
    for word in reversed(stems[max(0, start - AIM_REACH) : start]):
        if word in _CLAUSE_SUBJECTS:
            return False
        if word in aims:
            return True
    return False


def background(reading: Reading) -> int:
    """How many foreign or unknown words a message may carry as its story's setting (BACKGROUND_WORDS)."""
    return len(reading.stems) // BACKGROUND_WORDS


def _asks_reminder(stems: Sequence[str]) -> bool:
    """Whether the question asks to be reminded of something ("remind me to", "remind us about")."""
    return any(
        stems[i] == "remind" and stems[i + 1] in ("me", "us") and stems[i + 2] in ("to", "about", "of")
        for i in range(len(stems) - 2)
    )
