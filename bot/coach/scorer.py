"""The statistical scorer: naive Bayes over the reader's features, counted from phrasings.toml.

``evals/learn.py`` counts the model (``Scorer.examples``) into ``phrased.json.gz``; the answerer loads it.

It has three say-sos in the answerer: a topic when the curated matcher would decline, a veto on a generic
answer it finds off-topic, and a different topic when the matcher was misled by one word. Pure logic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence

from bot.coach.assist import Situations
from bot.coach.knowledge import KnowledgeBase, Topic
from bot.coach.learned import OFFTOPIC, PHRASED_FILE, Learned
from bot.coach.reading import SITUATION, Reading, background

# The statistical scorer (naive Bayes trained on phrasings.toml) only speaks when the curated matcher would
# decline: it may answer then if it is very sure, the curated matcher has at least some evidence for the
# same topic, and nothing marks the question as off-topic. Tuned on the evals/ sets, which share no
# questions with the corpus; see evals/README.md for the blind first runs.
BAYES_ALPHA = (
    0.3  # additive smoothing of the statistical scorer (0.1 before the second corpus wave; see evals)
)
# Naive Bayes counts every correlated word, stem pair and concept of a question as independent evidence, so
# its raw posteriors sit at 0.999+ even when it is guessing. The summed log-likelihoods are divided by this
# temperature before the softmax, so the posterior means roughly what it says.
BAYES_TEMPERATURE = 2.0
BAYES_THRESHOLD = 0.8  # posterior the scorer's best topic needs
# When no upper-back subject (the back, a back muscle, a back exercise) is named and the scorer thinks the
# question is off-topic at least this likely, the matcher's answer is withdrawn: its evidence was generic
# words ("how often", "form", "at home") that fit a question about another subject just as well.
BAYES_OFFTOPIC = 0.5
BAYES_MIN_EVIDENCE = 1.0  # curated score that topic needs
# When the matcher does answer but the scorer is sure of another topic and gives the matcher's topic almost
# no chance, the matcher was most likely misled by one word; the scorer's topic is answered instead.
BAYES_OVERRIDE = 0.01


class Scorer:
    """One class per topic (in the answerer's order) and "off-topic" last."""

    def __init__(
        self, model: Learned, topics: Sequence[Topic], subjects: Collection[str], matcher_bar: float
    ) -> None:
        if model.classes != (*(topic.id for topic in topics), OFFTOPIC):
            raise ValueError(
                f"{PHRASED_FILE}: its classes are not the knowledge base's topics: run evals/learn.py"
            )
        self.offtopic_class = len(topics)
        self._bayes = model
        self._subjects = frozenset(subjects)
        # The curated matcher's evidence bar: the scorer's topic may not trail the matcher's by more.
        self._matcher_bar = matcher_bar

    @staticmethod
    def count(
        features: Callable[[str], tuple[str, ...]], kb: KnowledgeBase, situations: Situations
    ) -> Learned:
        """The model, counted from the phrasing corpus (``evals/learn.py`` writes it to PHRASED_FILE)."""
        examples = [(topic_id, features(q)) for topic_id, asked in kb.phrasings.items() for q in asked]
        # Situation phrases teach the scorer that their concept means their topic, so it does not overrule a
        # situation it has never seen; only the concept, so the corpus keeps its weight for everything else.
        examples += [
            (topic_id, ("c:" + SITUATION + topic_id,))
            for topic_id, phrases in situations.topics.items()
            for _ in phrases
        ]
        examples += [(OFFTOPIC, features(q)) for q in kb.offtopic_phrasings]
        model = Learned.train(examples, (*kb.topics, OFFTOPIC), BAYES_ALPHA, min_count=1)
        return dataclasses.replace(model, temperature=BAYES_TEMPERATURE)

    def posterior(self, reading: Reading) -> list[float] | None:
        """The posterior over the topics and "off-topic" (last), if it may be used for this reading."""
        if self.strange_words(reading):
            return None
        return self._bayes.posterior(reading.features)

    def other_subject(self, reading: Reading) -> bool:
        """Whether the reading names another subject (another body part, a diet) and nothing of the back."""
        return bool(reading.offtopic and not self._subjects & reading.concepts)

    def strange_words(self, reading: Reading) -> bool:
        """Whether the reading holds a word of a subject the coach never covers, or more words from
        outside its vocabulary than a story's background: then no posterior of this scorer is used."""
        return bool(reading.unrelated) or reading.foreign > background(reading)

    def likely_offtopic(self, posterior: list[float] | None) -> bool:
        """Whether the question is at least BAYES_OFFTOPIC likely to be about something else."""
        return posterior is not None and posterior[self.offtopic_class] >= BAYES_OFFTOPIC

    def offtopic(self, reading: Reading, posterior: list[float] | None) -> bool:
        """Whether the scorer vetoes the matcher's answer: nothing of the upper back named, and the question
        is more like the off-topic corpus ("squat depth", "bench arch") than any topic."""
        return not self._subjects & reading.concepts and self.likely_offtopic(posterior)

    def topic(
        self, reading: Reading, posterior: list[float] | None, scores: list[float], veto: int | None = None
    ) -> tuple[int, float] | None:
        """The scorer's topic and posterior when it may answer instead of the matcher.

        Without ``veto`` the matcher declined; with it, the matcher chose topic ``veto`` and the scorer only
        takes over when it gives that topic less than BAYES_OVERRIDE.
        """
        if posterior is None:
            return None
        if reading.offtopic and not self._subjects & reading.concepts:
            return None
        best = max(range(len(posterior)), key=posterior.__getitem__)
        if best == self.offtopic_class or posterior[best] < BAYES_THRESHOLD:
            return None
        if scores[best] < BAYES_MIN_EVIDENCE:
            return None
        if veto is not None and (
            best == veto
            or posterior[veto] >= BAYES_OVERRIDE
            or scores[best] < scores[veto] - self._matcher_bar
        ):
            return None
        return best, posterior[best]
