"""Match a trainee's free-text question to one knowledge-base topic, or decline honestly.

The matcher is deliberately simple and transparent: normalise the text, fix small typos against the
knowledge base's own vocabulary, map words and phrases to concepts (lexicon.toml), and score each topic
by the weighted concepts it lists (topics.toml). Signs of another subject count against answering: fully
for unrelated ones (weight loss, medical), much less for another body part mentioned next to the back
itself, which is usually a contrast; another body part with nothing of the upper back named is the
subject. A naive Bayes scorer trained on phrasings.toml may answer what the matcher declines, and vetoes a
generic match it finds off-topic. A question is answered only when the best topic has
enough evidence *and* a clear lead over the runner-up, because a confident wrong answer is worse than
an honest "I don't know". Everything expensive is precomputed when the Answerer is built.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from bot.coach.assist import Asker, Assist, CommandMatcher, Situations
from bot.coach.knowledge import KnowledgeBase, SmallTalk, Topic
from bot.coach.speller import Speller
from bot.coach.texts import escape
from bot.coach.wording import MAX_INPUT_CHARS, Bayes, phrase_key, scan, stem, words

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
# The statistical scorer (naive Bayes trained on phrasings.toml) only speaks when the curated matcher would
# decline: it may answer then if it is very sure, the curated matcher has at least some evidence for the
# same topic, and nothing marks the question as off-topic. Tuned on the evals/ sets, which share no
# questions with the corpus; see evals/README.md for the blind first runs.
BAYES_ALPHA = 0.1  # additive smoothing of the statistical scorer
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

# Articles and possessives are skipped when matching phrases, so "without a pull up bar", "without pull
# up bar" and "without my pull up bar" are the same phrase.
SKIPPABLE = frozenset({"a", "an", "the", "my", "your", "ur"})

OFFTOPIC = "_off"
UNRELATED = "_unrelated"
_TAG = re.compile(r"</?[a-zA-Z]+>")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_KIND_PRIORITY = ("thanks", "bye", "howareyou", "greeting", "cheer", "ack")
# The opening of a long message is kept (it often names the exercise), and the rest of the room goes to its
# end, where a story puts its question.
HEAD_CHARS = 150
# Asking back: the best topic has the evidence to answer but another is within MIN_MARGIN; the buttons
# offer every topic this close to the best (2-3 of them).
ASK_WITHIN = 1.0
COMMAND_PREFIX = "command:"
SAFETY = "safety"
SITUATION = "situation:"
MEDICAL = "medical"
PROFESSIONAL = "professional"

Kind = Literal["answer", "decline", "smalltalk", "ask", "command"]


@dataclass(frozen=True)
class Answer:
    question: str
    kind: Kind
    topic: str | None
    score: float
    text: str
    suggestions: tuple[str, ...]
    # Led by the safety note (pain, injury, numbness, tingling or a medical condition was mentioned).
    safety: bool = False
    # Asking back ("did you mean ...?"): the topics offered as buttons.
    candidates: tuple[str, ...] = ()
    # A question about the bot: the command that does it.
    command: str | None = None


@dataclass
class _Reading:
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


class Answerer:
    def __init__(
        self, kb: KnowledgeBase, assist: Assist | None = None, situations: Situations | None = None
    ) -> None:
        self._kb = kb
        self._assist = assist if assist is not None else Assist.load()
        situations = situations if situations is not None else Situations.load()
        self._commands = CommandMatcher.build(self._assist.commands)
        self._care: dict[tuple[str, ...], str] = {}
        safety = self._assist.safety
        for label, phrases in (
            (PROFESSIONAL, safety.professionals),
            (SAFETY, safety.signs),
            (MEDICAL, safety.medical),
        ):
            for phrase in phrases:
                key = phrase_key(phrase)
                if key:
                    self._care[key] = label
        self._longest_care = max(len(k) for k in self._care)
        lex = kb.lexicon
        self._topics: tuple[Topic, ...] = tuple(kb.topics.values())

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
        self._max_phrase = max(len(key) for key in self._phrases)
        self._starts = frozenset(key[0] for key in self._phrases)
        # A situation of an exercise ("the bar drifts off my shins") names the upper back as much as "back".
        self._subjects = frozenset(lex.subjects) | {SITUATION + t for t in situations.subjects}
        self._parts = frozenset(lex.parts)
        self._needs = tuple((concept, frozenset(companions)) for concept, companions in lex.needs.items())

        self._smalltalk: dict[tuple[str, ...], str] = {}
        for entry in lex.smalltalk:
            for phrase in entry.phrases:
                key = phrase_key(phrase)
                if key:
                    self._smalltalk.setdefault(key, entry.kind)
        self._max_smalltalk = max((len(key) for key in self._smalltalk), default=1)
        self._smalltalk_by_kind: dict[str, SmallTalk] = {entry.kind: entry for entry in lex.smalltalk}
        self._filler = {stem(w) for w in lex.filler} | {stem(w) for w in lex.stopwords}
        self._stopwords = {stem(w) for w in lex.stopwords}
        self._typos = {wrong: tuple(words(right)) for wrong, right in lex.typos.items()}

        self._domain = {w for key in self._phrases for w in key}
        # A foreign word that is only part of a phrase ("cat" in "cat cow") still counts as foreign alone.
        self._foreign = {stem(w) for w in lex.foreign} - {key[0] for key in self._phrases if len(key) == 1}
        neutral = {stem(w) for w in lex.common_words} | {w for key in self._smalltalk for w in key}
        self._known = self._domain | self._stopwords | neutral | self._filler | self._foreign
        self._known |= self._commands.vocabulary() | {w for key in self._care for w in key}

        self._speller = Speller(self._known, self._domain)
        self._correct = self._speller.correct

        self._by_concept: dict[str, list[tuple[int, float]]] = {}
        for index, topic in enumerate(self._topics):
            for concept, weight in topic.keywords.items():
                self._by_concept.setdefault(concept, []).append((index, weight))
            self._by_concept[SITUATION + topic.id] = [(index, situations.weight)]

        # The statistical scorer: one class per topic (same order as self._topics) plus "off-topic" last.
        index_of = {topic.id: index for index, topic in enumerate(self._topics)}
        examples = [
            (index_of[topic_id], self._read(question).features)
            for topic_id, questions in kb.phrasings.items()
            for question in questions
        ]
        # Situation phrases teach the scorer that their concept means their topic, so it does not overrule a
        # situation it has never seen; only the concept, so the corpus keeps its weight for everything else.
        examples += [
            (index_of[topic_id], ("c:" + SITUATION + topic_id,))
            for topic_id, phrases in situations.topics.items()
            for _ in phrases
        ]
        self._offtopic_class = len(self._topics)
        examples += [(self._offtopic_class, self._read(q).features) for q in kb.offtopic_phrasings]
        self._bayes = (
            Bayes(examples, len(self._topics) + 1, BAYES_ALPHA, BAYES_TEMPERATURE) if examples else None
        )

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

    # -- reading the question -------------------------------------------------------------------

    def _stems(self, tokens: Iterable[str]) -> Iterator[tuple[str, bool]]:
        """Each token as a known stem where possible, with whether it is known at all."""
        budget = self._speller.budget()
        for raw in tokens:
            for token in self._typos.get(raw, (raw,)):
                if token.isdigit():  # numbers are never a topic cue, and never a sign of another subject
                    yield token, True
                    continue
                stemmed = stem(token)
                if stemmed not in self._known and _STRETCHED.search(token):
                    # Chat-style stretched words: "sooo" -> "so", "whyyy" -> "why", "pleeease" -> "please".
                    for shrunk in (_STRETCHED.sub(r"\1", token), _STRETCHED.sub(r"\1\1", token)):
                        if stem(shrunk) in self._known:
                            token, stemmed = shrunk, stem(shrunk)
                            break
                if stemmed in self._known:
                    yield stemmed, True
                    continue
                fixed = self._correct(stemmed, budget)
                if fixed is None and stemmed != token:
                    fixed = self._correct(token, budget)
                    fixed = stem(fixed) if fixed is not None else None
                yield (fixed, True) if fixed is not None else (stemmed, False)

    def _read(self, question: str) -> _Reading:
        resolved = list(self._stems(words(question)))
        stems = [s for s, _ in resolved]
        concepts: set[str] = set()
        offtopic = 0
        unrelated = 0
        foreign = 0
        unknown: set[str] = set()
        i = 0
        while i < len(stems):
            # Most words start no phrase: skip the window search for them (the bound on a long message).
            longest = min(self._max_phrase + 2, len(stems) - i) if stems[i] in self._starts else 0
            for length in range(longest, 0, -1):
                window = tuple(stems[i : i + length])
                matched = self._phrases.get(window) if length <= self._max_phrase else None
                if matched is None and window[0] not in SKIPPABLE and window[-1] not in SKIPPABLE:
                    short = tuple(w for w in window if w not in SKIPPABLE)
                    if 1 < len(short) < length:
                        matched = self._phrases.get(short)
                if matched is not None:
                    if OFFTOPIC in matched:
                        offtopic += 1
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
        care = [label for label, _ in scan(stems, self._care, self._longest_care)]
        if not self._subjects & concepts:
            # A condition or a therapist with nothing of the upper back named is a medical question, not ours.
            unrelated += care.count(MEDICAL) + care.count(PROFESSIONAL)
        if self._parts & concepts and not self._subjects & concepts:
            offtopic += 1
        for concept, companions in self._needs:
            if concept in concepts and not companions & concepts:
                offtopic += 1

        kinds: list[str] = []
        only_smalltalk = bool(stems)
        i = 0
        while i < len(stems):
            for length in range(min(self._max_smalltalk, len(stems) - i), 0, -1):
                kind = self._smalltalk.get(tuple(stems[i : i + length]))
                if kind is not None:
                    kinds.append(kind)
                    i += length
                    break
            else:
                if stems[i] not in self._filler:
                    only_smalltalk = False
                i += 1
        return _Reading(
            concepts,
            offtopic,
            unrelated,
            foreign,
            len(unknown),
            kinds,
            only_smalltalk and bool(kinds),
            self._features(stems, concepts, offtopic, unrelated, foreign),
            safety=SAFETY in care or MEDICAL in care,
            stems=tuple(stems),
        )

    def _features(
        self, stems: list[str], concepts: set[str], offtopic: int, unrelated: int, foreign: int
    ) -> tuple[str, ...]:
        """What the statistical scorer sees: concepts, content stems, word pairs and off-topic signs."""
        found = {"c:" + c for c in concepts}
        content = [s for s in stems if s not in SKIPPABLE]
        found.update("w:" + s for s in content if s not in self._stopwords)
        found.update(f"b:{a}_{b}" for a, b in itertools.pairwise(content))
        if offtopic:
            found.add("x:off")
        if unrelated:
            found.add("x:unrelated")
        if foreign:
            found.add("x:foreign")
        return tuple(sorted(found))

    # -- scoring ----------------------------------------------------------------------------------

    def _scores(self, concepts: set[str]) -> list[float]:
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

    def _evidence(self, reading: _Reading, best: float) -> float:
        """The best topic's score less the weight of every sign that the question is about something else."""
        contrast = CONTRAST_PENALTY if self._subjects & reading.concepts else SUBJECTLESS_PENALTY
        return (
            best
            - OFFTOPIC_PENALTY * min(reading.unrelated, 2)
            - contrast * min(reading.offtopic, 2)
            - FOREIGN_PENALTY * min(reading.foreign, 2)
            - UNKNOWN_PENALTY * min(max(0, reading.unknown - 1), 4)
        )

    def _confidence(self, reading: _Reading, best: float, runner_up: float) -> float:
        evidence = self._evidence(reading, best)
        z = min(evidence - MIN_EVIDENCE, (best - runner_up - MIN_MARGIN) * MARGIN_SCALE)
        return 1.0 / (1.0 + math.exp(-STEEPNESS * z))

    # -- public API ------------------------------------------------------------------------------

    def answer(self, question: str, asker: Asker | None = None) -> Answer:
        """The reply to ``question``; ``asker`` (the chat's level and kit) picks the notes that fit it."""
        lex = self._kb.lexicon
        if not question.strip():
            return Answer(question, "decline", None, 0.0, lex.empty_text, lex.default_suggestions)
        reading = self._read(trimmed(question))
        if not reading.concepts and not reading.smalltalk:
            kind = self._emoji_smalltalk(question) if not words(question) else None
            if kind is not None:
                return self._smalltalk_answer(question, kind)
        if reading.only_smalltalk and not reading.concepts:
            kind = min(reading.smalltalk, key=_KIND_PRIORITY.index)
            return self._smalltalk_answer(question, kind)
        command = self._commands.best(reading.stems)
        if command is not None and not reading.safety:
            reply = next(c.reply for c in self._assist.commands.command if c.name == command)
            return Answer(question, "command", None, 1.0, reply, (), command=command)

        scores = self._scores(reading.concepts)
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        best, runner_up = scores[ranked[0]], scores[ranked[1]]
        confidence = self._confidence(reading, best, runner_up) if best > 0 else 0.0
        posterior = self._posterior(reading)
        if confidence >= ANSWER_THRESHOLD and not self._statistically_offtopic(reading, posterior):
            better = self._statistical(reading, posterior, scores, veto=ranked[0])
            index = ranked[0] if better is None else better[0]
            return self._topic_answer(question, index, confidence, reading, asker)

        fallback_topic = None
        if confidence < ANSWER_THRESHOLD:
            fallback_topic = self._statistical(reading, posterior, scores)
        if fallback_topic is not None:
            return self._topic_answer(question, fallback_topic[0], fallback_topic[1], reading, asker)

        score = min(confidence, ANSWER_THRESHOLD - 0.01)
        lead = self._assist.safety.lead + "\n\n" if reading.safety else ""
        close = self._close_topics(reading, posterior, scores, ranked)
        if close:
            text = lead + self._assist.ask_back.text
            return Answer(question, "ask", None, round(score, 4), text, close, reading.safety, close)
        closest = [self._topics[i].id for i in ranked if scores[i] > 0][:3]
        for fallback in lex.default_suggestions:
            if len(closest) < 3 and fallback not in closest:
                closest.append(fallback)
        text = lead + lex.decline_text
        return Answer(question, "decline", None, round(score, 4), text, tuple(closest), reading.safety)

    def _topic_answer(
        self, question: str, index: int, score: float, reading: _Reading, asker: Asker | None
    ) -> Answer:
        topic = self._topics[index]
        text = self.render(topic.id, asker, safety=reading.safety)
        return Answer(question, "answer", topic.id, round(score, 4), text, topic.related[:2], reading.safety)

    def render(self, topic_id: str, asker: Asker | None = None, *, safety: bool = False) -> str:
        """A topic's answer for this asker: the safety lead if asked for, the title, a fitting note."""
        topic = self._kb.topics[topic_id]
        parts = [self._assist.safety.lead] if safety else []
        parts.append(f"<b>{escape(topic.title)}</b>")
        if asker is not None:
            note = next((n for n in self._assist.note if n.topic == topic.id and n.fits(asker)), None)
            if note is not None:
                parts.append(note.text)
        parts.append(topic.answer)
        return "\n\n".join(parts)

    def _close_topics(
        self, reading: _Reading, posterior: list[float] | None, scores: list[float], ranked: list[int]
    ) -> tuple[str, ...]:
        """The 2-3 topics to offer when the best one has the evidence to answer but not the lead."""
        best = scores[ranked[0]]
        if self._evidence(reading, best) < MIN_EVIDENCE or self._statistically_offtopic(reading, posterior):
            return ()
        if posterior is not None and posterior[self._offtopic_class] >= BAYES_OFFTOPIC:
            return ()
        close = tuple(self._topics[i].id for i in ranked[:3] if scores[i] >= best - ASK_WITHIN)
        return close if len(close) >= 2 else ()

    def _posterior(self, reading: _Reading) -> list[float] | None:
        """The statistical scorer's posterior over the topics and "off-topic" (last), if it may be used."""
        if self._bayes is None or reading.unrelated or reading.foreign:
            return None
        return self._bayes.posterior(reading.features)

    def _statistically_offtopic(self, reading: _Reading, posterior: list[float] | None) -> bool:
        """Whether the scorer vetoes the matcher's answer: nothing of the upper back named, and the scorer
        finds the question more like the off-topic corpus ("squat depth", "bench arch") than any topic."""
        if posterior is None or self._subjects & reading.concepts:
            return False
        return posterior[self._offtopic_class] >= BAYES_OFFTOPIC

    def _statistical(
        self, reading: _Reading, posterior: list[float] | None, scores: list[float], veto: int | None = None
    ) -> tuple[int, float] | None:
        """The statistical scorer's topic and posterior when it may answer instead of the matcher.

        Without ``veto`` the matcher declined; with it, the matcher chose topic ``veto`` and the scorer only
        takes over when it gives that topic less than BAYES_OVERRIDE.
        """
        if posterior is None:
            return None
        if reading.offtopic and not self._subjects & reading.concepts:
            return None
        best = max(range(len(posterior)), key=posterior.__getitem__)
        if best == self._offtopic_class or posterior[best] < BAYES_THRESHOLD:
            return None
        if scores[best] < BAYES_MIN_EVIDENCE:
            return None
        if veto is not None and (
            best == veto or posterior[veto] >= BAYES_OVERRIDE or scores[best] < scores[veto] - MIN_EVIDENCE
        ):
            return None
        return best, posterior[best]

    def _emoji_smalltalk(self, question: str) -> str | None:
        found = [
            entry.kind for entry in self._kb.lexicon.smalltalk if any(e in question for e in entry.emoji)
        ]
        return min(found, key=_KIND_PRIORITY.index) if found else None

    def _smalltalk_answer(self, question: str, kind: str) -> Answer:
        return Answer(question, "smalltalk", None, 1.0, self._smalltalk_by_kind[kind].reply, ())


def plain_text(telegram_html: str) -> str:
    """The text a user would read, without markup."""
    return html.unescape(_TAG.sub("", telegram_html))


def trimmed(question: str) -> str:
    """A long message cut to its opening and its end, where a story puts the question."""
    if len(question) <= MAX_INPUT_CHARS:
        return question
    return f"{question[:HEAD_CHARS]} . {question[-(MAX_INPUT_CHARS - HEAD_CHARS - 3) :]}"


def answer_json(answer: Answer) -> dict[str, object]:
    """``backcoach ask --json``'s object (contract in docs: topic, score, answer, safety, candidates)."""
    topic = answer.topic if answer.kind == "answer" else None
    if answer.command is not None:
        topic = COMMAND_PREFIX + answer.command
    found: dict[str, object] = {
        "question": answer.question,
        "topic": topic,
        "score": answer.score,
        "answer": plain_text(answer.text),
    }
    if answer.safety:
        found["safety"] = True
    if answer.kind == "ask":
        found["candidates"] = list(answer.candidates)
    return found
