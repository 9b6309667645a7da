"""Words of a question: folding, stemming, typo distance, and the statistical scorer's arithmetic.

Pure string and number work, shared by the answerer and its tests; nothing here knows a topic.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

# Long pastes are cut: a bound keeps every answer fast no matter what is sent. Stories put the question
# last, so the answerer keeps the end of a long message (see ``Answerer.answer``).
MAX_INPUT_CHARS = 600
MAX_TOKENS = 150

_WORD = re.compile(r"[a-z0-9]+")
# Stems and phrase keys are pure, and the same few thousand words come back in every question and phrase
# list: memoised, building the answerer (which keys every phrase and reads the whole corpus) costs less.
# Bounded, so a stream of new words cannot grow them without limit.
CACHED_WORDS = 1 << 16


@functools.lru_cache(maxsize=CACHED_WORDS)
def stem(word: str) -> str:
    """A light suffix stripper; it only has to map a word and its variants to the same key."""
    if word.isdigit() or len(word) < 3:
        return word
    if len(word) == 3:
        return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix, min_len in (("ing", 6), ("ed", 5)):
        if word.endswith(suffix) and len(word) >= min_len:
            base = word[: -len(suffix)]
            # "running" -> "run", but "adding" -> "add": a three-letter base keeps its double letter.
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-case ASCII words of ``text``: accents folded, apostrophes dropped, everything else a gap."""
    folded = text[:MAX_INPUT_CHARS]
    if not folded.isascii():  # most messages are: no accents to fold
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.lower()
    folded = folded.replace("'", "").replace("’", "").replace("`", "")
    return _WORD.findall(folded)[:MAX_TOKENS]


def deletes(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` letters deleted (the speller's index and lookups)."""
    if depth == 2:
        # Each pair of positions once, not every deletion of every deletion (most of those repeat): the
        # same set, built in about three quarters of the time for the speller's sixty thousand variants.
        n = len(word)
        found = {word[:i] + word[i + 1 : j] + word[j + 1 :] for i in range(n) for j in range(i + 1, n)}
        found.update(word[:i] + word[i + 1 :] for i in range(n))
        found.add(word)
        return found
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (adjacent swaps count once), giving up above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@functools.lru_cache(maxsize=CACHED_WORDS)
def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(phrase))


def first_word_lengths(table: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """The lengths of the phrases of ``table`` that start with each word, longest first (for ``scan``)."""
    lengths: dict[str, set[int]] = {}
    for key in table:
        if key:
            lengths.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}


def scan(
    stems: list[str],
    table: dict[tuple[str, ...], str],
    longest: int,
    lengths: dict[str, tuple[int, ...]] | None = None,
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each phrase of ``table`` found in ``stems`` (longest first, no overlaps), with its label.

    ``lengths`` (``first_word_lengths(table)``) spares the windows no phrase of the table could fill: the
    same phrases are found, as only the lengths of phrases starting with the window's first word can match.
    """
    i = 0
    while i < len(stems):
        left = len(stems) - i
        if lengths is not None:
            tried: Iterable[int] = [n for n in lengths.get(stems[i], ()) if n <= left]
        else:
            tried = range(min(longest, left), 0, -1)
        for length in tried:
            window = tuple(stems[i : i + length])
            label = table.get(window)
            if label is not None:
                yield label, window
                i += length
                break
        else:
            i += 1
