"""Typo correction against the answerer's vocabulary, with a bound on the work one message may cause.

A question's few typos are corrected ("deadlfit" is "deadlift"); keyboard mashing and pasted walls of text
must not hold the event loop, so every correction spends from a budget the caller starts per message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.coach.wording import deletes, distance

# Six consonants in a row: keyboard mashing, not a misspelt word (a typo of a known word keeps its vowels),
# so it is not worth the corrector's time.
UNPRONOUNCEABLE = re.compile(r"[bcdfghjklmnpqrstvwxz]{6}")

# No word the corrector knows is longer than this less its edit distance, so a longer token is unknown as
# it stands: correcting a 400-letter word would build tens of thousands of variants (130 ms of event loop).
MAX_CORRECTABLE = 20
# Spelling variants one question may build while correcting (a 7-letter word costs 28, a 20-letter one
# 210); past it, further unknown words stay unknown. This bounds one message's CPU at about a millisecond,
# while a question with ten long typos (or twenty short ones) still gets them all corrected.
CORRECTION_BUDGET = 600
CACHE_LIMIT = 20_000


class Speller:
    def __init__(self, known: Iterable[str], preferred: Iterable[str]) -> None:
        """``known``: every word the answerer knows; ``preferred``: the training words, which win a tie."""
        self._preferred = frozenset(preferred)
        # Tuples of strings are not tracked by the garbage collector; tens of thousands of sets would make
        # every full collection (and so the slowest answers) measurably slower. Each variant's tuple grows in
        # place of a set: no word comes twice (``known`` is made unique first) and most variants have one
        # word (at most about a dozen), and it spares building then converting sixty thousand sets.
        index: dict[str, tuple[str, ...]] = {}
        found = index.get
        for word in dict.fromkeys(known):
            if len(word) >= 3:
                for variant in deletes(word, 2 if len(word) >= 7 else 1):
                    words = found(variant)
                    index[variant] = (word,) if words is None else (*words, word)
        self._index = index
        self.cache: dict[str, str | None] = {}

    @staticmethod
    def budget() -> list[int]:
        """A fresh budget for one message (a list, so each correction can spend from it)."""
        return [CORRECTION_BUDGET]

    def correct(self, token: str, budget: list[int] | None = None) -> str | None:
        """The known word ``token`` most likely meant, or None when nothing is close enough.

        ``budget`` holds the spelling variants one question may still build; each correction spends its own.
        """
        if token in self.cache:
            return self.cache[token]
        if len(token) > MAX_CORRECTABLE or UNPRONOUNCEABLE.search(token):
            return None
        if budget is not None:
            cost = len(token) * (len(token) + 1) // 2 if len(token) >= 7 else len(token)
            if cost > budget[0]:
                return None
            budget[0] -= cost
        best: tuple[int, int, int, int, str] | None = None
        if len(token) >= 4 and not token.isdigit():
            limit = 2 if len(token) >= 7 else 1
            candidates: set[str] = set()
            for variant in deletes(token, limit):
                candidates.update(self._index.get(variant, ()))
            for candidate in candidates:
                # A short word with a different first letter is more often another word than a typo
                # ("grow" is not "row").
                if len(token) < 6 and candidate[0] != token[0]:
                    continue
                dist = distance(token, candidate, limit)
                if dist <= limit:
                    rank = (
                        dist,
                        0 if candidate in self._preferred else 1,
                        abs(len(candidate) - len(token)),
                        # A dropped letter is a commoner typo than an extra one ("resuts" is "results").
                        0 if len(candidate) >= len(token) else 1,
                        candidate,
                    )
                    if best is None or rank < best:
                        best = rank
        result = best[4] if best else None
        if len(self.cache) < CACHE_LIMIT:
            self.cache[token] = result
        return result
