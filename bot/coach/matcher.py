"""The curated matcher: a score per topic from the concepts a question names (topics.toml's keywords, boosts
and context, and the situations it tells), the evidence left once the signs of another subject are weighed,
and how confident that makes an answer. Pure logic: no I/O, no Telegram.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from bot.coach.knowledge import Topic
from bot.coach.reading import SITUATION, Reading, background

# Calibration of the decision, tuned on evals/dev.tsv and checked on evals/holdout.tsv.
MIN_EVIDENCE = 2.0  # weighted concept score the best topic needs
MIN_MARGIN = 1.0  # lead the best topic needs over the runner-up
OFFTOPIC_PENALTY = 4.0  # per sign of another subject (legs, running, weight loss, ...), at most two
# Another body part or sport with nothing of the upper back named is the question's subject ("leg workout
# at home", "how often to train arms"): it weighs more than the generic words that match a topic.
SUBJECTLESS_PENALTY = 6.0
# Another body part or sport mentioned next to the back itself is usually a contrast ("I only bench, do I
# need back work?"), not the subject, so it weighs much less then. Unrelated subjects always weigh fully.
CONTRAST_PENALTY = 1.0
FOREIGN_PENALTY = 1.5  # per everyday word from another subject (dog, flavour, homework, ...), at most two
UNKNOWN_PENALTY = 0.5  # per distinct word we know nothing about, beyond the first, at most four
STEEPNESS = 1.5  # how fast the confidence moves away from 0.5 around the threshold
MARGIN_SCALE = 1.5  # margin is on a smaller scale than evidence; stretch it to compare the two
ANSWER_THRESHOLD = 0.5


class Matcher:
    def __init__(self, topics: Sequence[Topic], situation_weight: float, subjects: Collection[str]) -> None:
        self._topics = tuple(topics)
        self._subjects = frozenset(subjects)
        self._by_concept: dict[str, list[tuple[int, float]]] = {}
        for index, topic in enumerate(self._topics):
            for concept, weight in topic.keywords.items():
                self._by_concept.setdefault(concept, []).append((index, weight))
            self._by_concept[SITUATION + topic.id] = [(index, situation_weight)]

    def scores(self, concepts: Collection[str]) -> list[float]:
        """Each topic's score, in the topics' order."""
        scores = [0.0] * len(self._topics)
        for concept in concepts:
            for index, weight in self._by_concept.get(concept, ()):
                scores[index] += weight
        for index, topic in enumerate(self._topics):
            for boost in topic.boosts:
                if all(c in concepts for c in boost.concepts):
                    scores[index] += boost.weight
            if topic.context and any(a in concepts for a in topic.anchors):
                scores[index] += sum(w for c, w in topic.context.items() if c in concepts)
        return scores

    def evidence(self, reading: Reading, best: float) -> float:
        """The best topic's score less the weight of every sign that the question is about something else."""
        contrast = CONTRAST_PENALTY if self._subjects & reading.concepts else SUBJECTLESS_PENALTY
        return (
            best
            - OFFTOPIC_PENALTY * min(reading.unrelated, 2)
            - contrast * min(reading.offtopic, 2)
            - FOREIGN_PENALTY * min(max(0, reading.foreign - background(reading)), 2)
            - UNKNOWN_PENALTY * min(max(0, reading.unknown - 1 - background(reading)), 4)
        )

    def confidence(self, reading: Reading, best: float, runner_up: float) -> float:
        """How sure an answer of the best topic is (0..1): enough evidence, and a lead over the runner-up."""
        evidence = self.evidence(reading, best)
        z = min(evidence - MIN_EVIDENCE, (best - runner_up - MIN_MARGIN) * MARGIN_SCALE)
        return 1.0 / (1.0 + math.exp(-STEEPNESS * z))

    def sure(self, reading: Reading, scores: Sequence[float] | None = None) -> float:
        """The confidence in the best topic of ``reading`` on its own (``scores`` its scores, if known)."""
        found = self.scores(reading.concepts) if scores is None else scores
        best, runner_up = sorted(found, reverse=True)[:2]
        return self.confidence(reading, best, runner_up)
