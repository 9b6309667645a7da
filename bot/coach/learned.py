"""The learned model: naive Bayes over a question's features, trained on questions people really asked.

The curated matcher and the phrasing scorer are written by hand; this model is counted from every labelled
question of the blind sets in ``evals/`` (written by people who never saw the answerer) and the phrasing
corpus: a topic, "-" for off-topic, ``command:<name>`` for a question about the bot, "~" for small talk.
Reading twenty thousand questions takes seconds, so ``evals/learn.py`` counts them once and writes the
model to ``learned.json.gz``; the answerer only loads it. The features are the reader's, so the file is
written again whenever the lexicon, the situations or the sets change (a test says when it is stale).
Pure logic: no Telegram, no database.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.coach.knowledge import DEFAULT_DIRECTORY

LEARNED_FILE = "learned.json.gz"
# The phrasing scorer's model (bot/coach/scorer.py), counted from phrasings.toml and the situations alone
# by the same script: reading its three thousand phrasings took most of the answerer's build.
PHRASED_FILE = "phrased.json.gz"
OFFTOPIC = "-"
SMALLTALK = "~"
COMMAND_PREFIX = "command:"  # a question about the bot: the class of each command, as the sets label it
# Additive smoothing and softmax temperature, chosen on held pairs 79-81 with the model trained on the
# other sets (evals/README.md): the summed log-likelihoods of correlated words overstate the evidence.
ALPHA = 0.1
TEMPERATURE = 2.0
# A feature seen once in all the questions is mostly a word pair of one writer's: left out, the file is
# a third the size and loads in a third of the time, and the held pairs score the same.
MIN_COUNT = 2


@dataclass(frozen=True)
class Learned:
    """Each feature keeps, for each class it was seen in (``at``), how much more likely it is there than in
    a class it was never seen in (``lift``, beside ``unseen``): a question's score is a few sparse sums."""

    classes: tuple[str, ...]
    unseen: tuple[float, ...]
    at: Mapping[str, list[int]]
    lift: Mapping[str, list[float]]
    temperature: float = TEMPERATURE

    @classmethod
    def train(
        cls,
        examples: Iterable[tuple[str, tuple[str, ...]]],
        classes: tuple[str, ...],
        alpha: float = ALPHA,
        min_count: int = MIN_COUNT,
    ) -> Learned:
        """Counted from ``(label, features)`` pairs; every label must be one of ``classes``."""
        index = {label: i for i, label in enumerate(classes)}
        counts: dict[str, dict[int, int]] = {}
        for label, features in examples:
            where = index[label]
            for feature in features:
                seen = counts.setdefault(feature, {})
                seen[where] = seen.get(where, 0) + 1
        kept = {f: seen for f, seen in sorted(counts.items()) if sum(seen.values()) >= min_count}
        totals = [0] * len(classes)
        for seen in kept.values():
            for where, n in seen.items():
                totals[where] += n
        denominators = [total + alpha * len(kept) for total in totals]
        unseen = [math.log(alpha / d) for d in denominators]
        at = {f: sorted(seen) for f, seen in kept.items()}
        lift = {
            f: [round(math.log((seen[c] + alpha) / denominators[c]) - unseen[c], 4) for c in at[f]]
            for f, seen in kept.items()
        }
        return cls(classes, tuple(round(u, 4) for u in unseen), at, lift)

    def posterior(self, features: Iterable[str]) -> list[float]:
        """Probability of each class given the features the model knows (uniform prior)."""
        logits = [0.0] * len(self.classes)
        known = 0
        for feature in features:
            where = self.at.get(feature)
            if where is None:
                continue
            known += 1
            for c, v in zip(where, self.lift[feature], strict=True):
                logits[c] += v
        scaled = [(known * u + v) / self.temperature for u, v in zip(self.unseen, logits, strict=True)]
        top = max(scaled)
        exps = [math.exp(v - top) for v in scaled]
        total = sum(exps)
        return [e / total for e in exps]

    def best(self, features: Iterable[str], given: str | None = None) -> tuple[str, float, float]:
        """The most likely class, its probability, and the probability of class ``given`` (0 if none)."""
        posterior = self.posterior(features)
        top = max(range(len(posterior)), key=posterior.__getitem__)
        chance = posterior[self.classes.index(given)] if given in self.classes else 0.0
        return self.classes[top], posterior[top], chance

    def save(self, path: Path) -> None:
        data = {
            "classes": list(self.classes),
            "unseen": list(self.unseen),
            "temperature": self.temperature,
            "at": self.at,
            "lift": self.lift,
        }
        text = json.dumps(data, separators=(",", ":"), sort_keys=True)
        # mtime=0: the same model is the same bytes, so an unchanged model makes no diff.
        path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))

    @classmethod
    def load(cls, path: Path | None = None) -> Learned:
        """Read the model (the shipped learned one by default); ValueError naming the file and key when it
        is not one."""
        path = DEFAULT_DIRECTORY / LEARNED_FILE if path is None else path
        try:
            data = json.loads(gzip.decompress(path.read_bytes()))
        except (OSError, ValueError) as error:
            raise ValueError(f"{path.name}: not a learned model ({error})") from error
        return cls.from_data(data, path.name)

    @classmethod
    def from_data(cls, data: Any, where: str = LEARNED_FILE) -> Learned:
        """Checked as a whole with C-speed builtins: the file has forty thousand features."""
        if not isinstance(data, dict):
            raise ValueError(f"{where}: expected an object")
        for key in ("classes", "unseen", "temperature", "at", "lift"):
            if key not in data:
                raise ValueError(f"{where}: missing key {key!r}")
        classes = tuple(str(c) for c in data["classes"])
        unseen = tuple(float(u) for u in data["unseen"])
        at, lift = data["at"], data["lift"]
        if len(unseen) != len(classes):
            raise ValueError(f"{where}: 'unseen' has {len(unseen)} values for {len(classes)} classes")
        if at.keys() != lift.keys() or list(map(len, at.values())) != list(map(len, lift.values())):
            raise ValueError(f"{where}: 'at' and 'lift' must list the same features, a lift per class")
        try:
            beyond = bool(at) and (
                min(map(min, at.values())) < 0 or max(map(max, at.values())) >= len(classes)
            )
        except (TypeError, ValueError) as error:  # an empty list, or something not a number
            raise ValueError(f"{where}: 'at' must list class numbers ({error})") from error
        if beyond:
            raise ValueError(f"{where}: 'at' names a class beyond the {len(classes)} of 'classes'")
        return cls(classes, unseen, at, lift, float(data["temperature"]))
