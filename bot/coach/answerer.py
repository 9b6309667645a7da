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

import functools
import html
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from bot.coach import asking, logtold
from bot.coach.assist import LEVELS, Asker, Assist, CommandMatcher, Situations
from bot.coach.catalog import Exercise
from bot.coach.doubt import Signals, doubts, instead_of_declining
from bot.coach.glossary import Definer, Term, card_for
from bot.coach.knowledge import DEFAULT_DIRECTORY, KnowledgeBase, Topic
from bot.coach.learned import COMMAND_PREFIX, PHRASED_FILE, Learned
from bot.coach.matcher import ANSWER_THRESHOLD, MIN_EVIDENCE, Matcher
from bot.coach.pleasantries import Pleasantries
from bot.coach.reading import SITUATION, Reader, Reading
from bot.coach.scorer import Scorer
from bot.coach.secondlook import ANSWERS_DECLINED, FRAMES, second_look, told_in_story
from bot.coach.texts import escape
from bot.coach.wording import stem, words

__all__ = ["COMMAND_PREFIX", "Answer", "Answerer", "answer_json", "plain_text", "stem", "words"]


_TAG = re.compile(r"</?[a-zA-Z]+>")
LOG = COMMAND_PREFIX + "log"
# Asking back: the best topic has the evidence to answer but another is within MIN_MARGIN; the buttons
# offer every topic this close to the best (2-3 of them).
ASK_WITHIN = 1.0
REP_COUNT = "repcount"  # asking for sets and reps: the answer depends on the asker's level
# A message of several sentences tells a story around its question: the sentence that asks ("When do people
# usually start to see a difference?") decides between topics the story's nouns make close. Its concepts
# count this much again on top of the whole message's.
FOCUS_WEIGHT = 1.0
TOLD_WORDS = 12  # a message this long may tell a command's words as what happened
TOLD_CONFIDENCE = 0.75  # ... and is then answered from a topic this sure

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
    # What a word on the cards means ("what does RIR mean?"): the glossary term defined, under ``topic``.
    term: str | None = None
    # What an exercise on the cards is ("what's a floor slide?"): its id; the cue shown, ``topic`` its card.
    exercise: str | None = None
    # The special safety lead a decline, or the pointer given in its place, opens with ("illness"), if any.
    care: str | None = None


class Answerer:
    def __init__(
        self,
        kb: KnowledgeBase,
        assist: Assist | None = None,
        situations: Situations | None = None,
        definer: Definer | None = None,
        learned: Learned | None = None,
        phrased: Learned | None = None,
    ) -> None:
        self._kb = kb
        self._learned = learned if learned is not None else Learned.load()
        _check_learned(self._learned, kb)
        self._definer = definer if definer is not None else Definer.load()
        self._assist = assist if assist is not None else Assist.load()
        _check_replaced(self._assist, kb)
        situations = situations if situations is not None else Situations.load()
        self._commands = CommandMatcher.build(self._assist.commands)
        self._command_names = {stem(c.name): c.name for c in self._assist.commands.command}
        self.reader = Reader(kb.lexicon, situations, self._commands, self._assist.safety)
        # A message is read whole, by sentence and by its edges: the same text often more than once.
        self._read = functools.lru_cache(maxsize=1024)(self.reader.read)
        self._spelled = functools.partial(_spelled, self.reader)
        self._subjects = self.reader.subjects
        self._topics: tuple[Topic, ...] = tuple(kb.topics.values())
        self._index = {topic.id: index for index, topic in enumerate(self._topics)}
        self._pleasantries = Pleasantries(kb.lexicon.smalltalk, self._read)

        self.matcher = Matcher(self._topics, situations.weight, self._subjects)
        self._situation_of = {SITUATION + topic.id: index for index, topic in enumerate(self._topics)}

        phrased = phrased if phrased is not None else Learned.load(DEFAULT_DIRECTORY / PHRASED_FILE)
        self._stats = Scorer(phrased, self._topics, self._subjects, MIN_EVIDENCE)

    # -- public API ------------------------------------------------------------------------------

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._kb

    def answer(self, question: str, asker: Asker | None = None) -> Answer:
        """The reply to ``question``; ``asker`` (the chat's level and kit) picks the notes that fit it."""
        lex = self._kb.lexicon
        if not question.strip():
            return Answer(question, "decline", None, 0.0, lex.empty_text, lex.default_suggestions)
        kept = asking.trimmed(question)
        reading = self._read(kept)
        first = self._first(question, kept, reading, asker)
        told = logtold.counts_told(kept) and not logtold.asks(kept)
        aimed = _aimed_elsewhere(first, reading, self._stats)
        if _rules_alone(first, reading) or (told and reading.safety) or aimed:
            return first
        given = first.topic if first.command is None else COMMAND_PREFIX + first.command
        best, sure, chance = self._learned.best(reading.features, given)
        if told:
            return _pointer(self._assist, question, "log") if _a_log(first, best, sure) else first
        verdict = second_look(
            first.kind,
            given,
            first.candidates,
            safety=reading.safety,
            elsewhere=self._stats.other_subject(reading),
            strange=self._stats.strange_words(reading),
            words=len(reading.stems),
            best=best,
            sure=sure,
            given=chance,
            framed_only=reading.concepts <= FRAMES,
            rules_sure=first.score,
        )
        if verdict is not None and verdict.kind == "smalltalk":
            said = self._pleasantries.reply(self._pleasantries.likely_kind(question, reading))
            return Answer(question, "smalltalk", None, 1.0, said, ())
        # Declined with a safety lead ("is my herniated disc serious" is a doctor's), or as like the phrasing
        # scorer's off-topic corpus with nothing of the back named ("desk setup for working at home"): kept,
        # but for a long story the model is next to certain of (its safety lead then comes with the answer).
        if verdict is None or (
            first.kind == "decline"
            and not told_in_story(len(reading.stems), sure)
            and (reading.safety or self._stats.offtopic(reading, self._stats.posterior(reading)))
        ):
            return first
        if verdict.kind == "ask" and verdict.name is not None and first.topic is not None:
            return _asked(self._assist, question, sure, reading, (first.topic, verdict.name))
        if verdict.name is None:
            return self._decline(question, sure, reading, self.matcher.scores(reading.concepts), asker)
        if verdict.kind == "command":
            paused = verdict.name == "stop" and asking.for_a_while(kept)  # the rules' own reading of /stop
            return _pointer(self._assist, question, "pause" if paused else verdict.name)
        return self._topic_answer(question, self._index[verdict.name], sure, reading, asker, None)

    def _first(self, question: str, kept: str, reading: Reading, asker: Asker | None) -> Answer:
        """The answer the rules, the curated words and the phrasing scorer give."""
        smalltalk = self._pleasantries.kind(
            question, kept, reading, lambda: self._commands.best(reading.stems) is not None
        )
        if smalltalk is not None:
            return Answer(question, "smalltalk", None, 1.0, self._pleasantries.reply(smalltalk), ())
        # A command's name alone ("history", "reminders") asks for that command.
        if len(reading.stems) == 1 and reading.stems[0] in self._command_names:
            return _pointer(self._assist, question, self._command_names[reading.stems[0]])
        if (
            reading.stems
            and self._command_names.get(reading.stems[0]) == "log"
            and _log_typed(kept, reading, self._subjects)
        ):
            return _pointer(self._assist, question, "log")
        sentences = asking.sentences(kept)
        asked = asking.focus(self._read, question, sentences)
        focus, focus_at = asked if asked is not None else (None, len(sentences))
        command, said_at, pointed = asking.command(
            self._commands, self.reader, self._subjects, reading, sentences
        )
        command = asking.held_for_a_while(command, kept)
        # The topics' scores on the whole message: the command rules below weigh them, and so does the answer.
        scores = self.matcher.scores(reading.concepts)
        # In a story, a command phrase outside the asking sentence is part of the story ("he moved to another
        # city") when the asking sentence is plainly about a topic on its own ("how do I change that?" isn't).
        if (
            command is not None
            and focus is not None
            and not pointed
            and self._commands.best(focus.stems) is None
        ):
            confident = self.matcher.sure(focus) >= ANSWER_THRESHOLD
            # Told before a question about the back that does not speak to the bot ("we just moved to a house
            # ... is that enough to train my back?"), it is the story too; "what do I do?" asks about it.
            about_back = bool(self._subjects & focus.concepts)
            told = said_at < focus_at and about_back and not self._commands.cued(focus.stems)
            if confident or told:
                command = None
        # A command's words told as part of what happened, in a message long enough to tell a situation ("my
        # streak died at 23 days because of a wedding and now I can't get back into it"), are the situation
        # when nothing in it asks the bot for anything and a topic is sure on its own.
        if (
            command is not None
            and len(reading.stems) >= TOLD_WORDS
            and not self._commands.requested(reading.stems)
            and self.matcher.sure(reading, scores) >= TOLD_CONFIDENCE
        ):
            command = None
        # A weak command word that only a cue made the bot's ("what should I change in how I set up?" after
        # the hips shoot up on deadlifts) is the training's own word when the message names the upper back
        # or a lift and holds a topic's evidence.
        if (
            command is not None
            and self._commands.best(reading.stems, cued=False) is None
            and self._subjects & reading.concepts
            and max(scores) >= MIN_EVIDENCE
        ):
            command = None
        # "I have a question about rows, should I use straps?" asks the question it announces: with more than
        # one clause and evidence for a topic, it is read as that question ("how can I ask you about rows" is
        # still /ask).
        if command == "ask" and asking.asks_too(kept, scores):
            command = None
        # An errand in the bot's verbs ("how do I export my contacts to my new phone", "undo in Excel"): a
        # word from outside the coach's vocabulary, and nothing of the bot's own named.
        if (
            command is not None
            and (reading.foreign or reading.unknown)
            and not self._commands.owns(reading.stems)
        ):
            command = None
        # A command word next to a subject the coach never covers is that subject's word ("my history
        # homework", "a recipe for my log cabin party"), not a question about the bot. A therapist is not
        # such a subject: "my physio wants my log as a spreadsheet" asks for /export.
        if command is not None and not reading.safety and reading.unrelated == reading.clinical:
            return _pointer(self._assist, question, command)
        if command is not None and reading.safety and self._commands.through_safety_in(reading.stems):
            return _pointer(self._assist, question, command, lead=_lead(self._assist, reading))
        # "What does RIR mean?" asks for one word, not the card it is explained in, and "what's a floor
        # slide?" for one exercise's cue, alone or beside one more sentence ("how do I do a band pulldown? I
        # have no door anchor"); pain comes first, though.
        one = sentences[focus_at] if focus is not None and len(sentences) == 2 else None
        found = None if reading.safety else self._definer.asked(kept, self._spelled, asker)
        if found is None and one is not None and not reading.safety:
            found = self._definer.asked(one, self._spelled, asker)
        if found is not None:
            topic = self._kb.topics[card_for(found, asker)]
            return _defined(question, found, topic, self._definer.render(found, topic.title, asker))

        if focus is not None:
            focused = self.matcher.scores(focus.concepts)
            scores = [s + FOCUS_WEIGHT * f for s, f in zip(scores, focused, strict=True)]
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        best, runner_up = scores[ranked[0]], scores[ranked[1]]
        # A level asked about in the bot ("not a beginner any more, how do I change this in the bot?") is
        # the level setting, not advice for that level, however sure the matcher is of the level topic. In a
        # story only the asking sentence counts: "my granddaughter set up this bot for me" is the story, and
        # it must ask something of the bot ("my mum just installed the bot, what should her first weeks look
        # like?" asks for a plan).
        asking_stems = (reading if focus is None else focus).stems
        if (
            self._topics[ranked[0]].id in LEVELS
            and best >= MIN_EVIDENCE
            and not reading.safety
            and self._commands.names_bot(asking_stems)
            and self._commands.requested(reading.stems)
        ):
            return _pointer(self._assist, question, "level")
        confidence = self.matcher.confidence(reading, best, runner_up) if best > 0 else 0.0
        posterior = self._stats.posterior(reading)
        signals = Signals(
            scores,
            confidence,
            posterior,
            [self._situation_of[c] for c in sorted(reading.concepts) if c in self._situation_of],
            bool(self._subjects & reading.concepts),
            len(reading.stems),
        )
        # "How many sets and reps?" with no level named: the answer is the asker's level topic, or the three
        # levels to choose from when the level is not known.
        if _level_question(reading) and (
            confidence < ANSWER_THRESHOLD or self._topics[ranked[0]].id in LEVELS
        ):
            if asker is not None and asker.level in LEVELS:
                level = self._index[asker.level]
                return self._topic_answer(
                    question, level, ANSWER_THRESHOLD, reading, asker, signals, doubt=False
                )
            return _asked(self._assist, question, confidence, reading, LEVELS)

        if confidence >= ANSWER_THRESHOLD and not self._stats.offtopic(reading, posterior):
            better = self._stats.topic(reading, posterior, scores, veto=ranked[0])
            index = ranked[0] if better is None else better[0]
            return self._topic_answer(question, index, confidence, reading, asker, signals)

        fallback_topic = None
        if confidence < ANSWER_THRESHOLD:
            fallback_topic = self._stats.topic(reading, posterior, scores)
        if fallback_topic is not None:
            return self._topic_answer(question, fallback_topic[0], fallback_topic[1], reading, asker, signals)

        score = min(confidence, ANSWER_THRESHOLD - 0.01)
        close = _close_topics(self.matcher, self._stats, self._topics, reading, posterior, scores, ranked)
        if not close:
            close = tuple(self._topics[i].id for i in instead_of_declining(signals))
        if close:
            return _asked(self._assist, question, score, reading, close)
        return self._decline(question, score, reading, scores, asker)

    def _topic_answer(
        self,
        question: str,
        index: int,
        score: float,
        reading: Reading,
        asker: Asker | None,
        signals: Signals | None,
        *,
        doubt: bool = True,
    ) -> Answer:
        offered = doubts(index, signals) if doubt and signals is not None else ()
        if offered:
            return _asked(self._assist, question, score, reading, tuple(self._topics[i].id for i in offered))
        topic = self._topics[index]
        topic = topic if asker is None else self._kb.topics[asker.own_card(topic.id, reading.stems)]
        care = self._assist.safety.care(reading.special) if reading.safety else None
        if care is not None and care.instead:
            text = f"{care.lead}\n\n{care.instead.format(title=escape(topic.title))}"
            return Answer(question, "answer", topic.id, round(score, 4), text, (topic.id,), reading.safety)
        text = self.render(topic.id, asker, lead=_lead(self._assist, reading) if reading.safety else "")
        return Answer(question, "answer", topic.id, round(score, 4), text, topic.related[:2], reading.safety)

    def _decline(
        self,
        question: str,
        score: float,
        reading: Reading,
        scores: Sequence[float],
        asker: Asker | None = None,
    ) -> Answer:
        """ "I can't answer that from what I know", with the closest topics as suggestions; after a special
        lead, its ``told`` line for a message that asks nothing, or the /pause pointer for one that rests."""
        lex, led = self._kb.lexicon, reading.safety
        care = self._assist.safety.care(reading.special) if led else None
        if care is not None and care.rests(question):  # ill, no training this week: /pause after the lead
            return replace(_pointer(self._assist, question, "pause", lead=care.lead), care=care.name)
        lead = _lead(self._assist, reading) + "\n\n" if led else ""
        closest = _closest(self._topics, scores, _fitting(lex.default_suggestions, asker))
        low = round(min(score, ANSWER_THRESHOLD - 0.01), 4)
        said = lex.decline_after_safety_text if led else lex.decline_text
        if care is not None and care.told and not logtold.asks(question):  # nothing asked to decline
            said, closest = care.told, ()
        return Answer(question, "decline", None, low, lead + said, closest, led, care=reading.special)

    def render(self, topic_id: str, asker: Asker | None = None, *, lead: str = "") -> str:
        """A topic's answer for this asker: the safety ``lead`` if one is due, the title, a fitting note."""
        topic = self._kb.topics[topic_id]
        parts = [lead] if lead else []
        parts.append(f"<b>{escape(topic.title)}</b>")
        note = None
        if asker is not None:
            note = next((n for n in self._assist.note if n.topic == topic.id and n.fits(asker)), None)
        # The note and the card it fits are one body: a safety lead holds back the sets and loads of both (a
        # home trainee's "a heavier backpack is how it progresses" as much as the barbell's percentages).
        body = topic.answer if note is None else note.body(topic.answer)
        parts.append(self._assist.safety.without_prescriptions(body) if lead else body)
        return "\n\n".join(parts)


def _close_topics(
    matcher: Matcher,
    stats: Scorer,
    topics: Sequence[Topic],
    reading: Reading,
    posterior: list[float] | None,
    scores: list[float],
    ranked: list[int],
) -> tuple[str, ...]:
    """The 2-3 topics to offer when the best one has the evidence to answer but not the lead."""
    best = scores[ranked[0]]
    # Off-topic enough is off-topic here whether or not the back is named (a veto would need it unnamed).
    if matcher.evidence(reading, best) < MIN_EVIDENCE or stats.likely_offtopic(posterior):
        return ()
    close = tuple(topics[i].id for i in ranked[:3] if scores[i] >= best - ASK_WITHIN)
    return close if len(close) >= 2 else ()


def _rules_alone(first: Answer, reading: Reading) -> bool:
    """Whether the rules' answer stands without the learned model's second look: the model knows nothing of
    the asker (sets and reps for their level) or of a special safety lead's card (a special lead the rules
    declined with may take a topic after it); a definition is one word's."""
    return (
        first.term is not None
        or first.exercise is not None
        or (_level_question(reading) and (first.topic in LEVELS or first.candidates == LEVELS))
        or (reading.special is not None and first.kind not in ("decline", "ask"))
    )


def _aimed_elsewhere(first: Answer, reading: Reading, stats: Scorer) -> bool:
    """A decline of another subject aimed at with nothing of the back ("stretches for stiff hips"): those
    words are the question, not a story's setting the learned model may answer past."""
    return first.kind == "decline" and reading.aimed and stats.other_subject(reading)


def _a_log(first: Answer, best: str, sure: float) -> bool:
    """Whether sets told as done and not asked about point to /log: the chat's handler offers them as a /log
    whatever the rules found, and the model tells a log ("want to put in my rows, 3 sets of 10 at 20kg")
    from sets told as a plan or a history ("my program says 3 sets of 10")."""
    return best == LOG and sure >= ANSWERS_DECLINED and first.kind != "command"


def _pointer(assist: Assist, question: str, command: str, *, lead: str = "") -> Answer:
    """A question about the bot: the command's reply, after the safety ``lead`` if one is due."""
    reply = next(c.reply for c in assist.commands.command if c.name == command)
    text = f"{lead}\n\n{reply}" if lead else reply
    return Answer(question, "command", None, 1.0, text, (), bool(lead), command=command)


def _asked(assist: Assist, question: str, score: float, reading: Reading, topics: tuple[str, ...]) -> Answer:
    """ "Did you mean ...?" with ``topics`` as buttons, after the safety lead if one is due."""
    lead = _lead(assist, reading) + "\n\n" if reading.safety else ""
    low = round(min(score, ANSWER_THRESHOLD - 0.01), 4)
    return Answer(question, "ask", None, low, lead + assist.ask_back.text, topics, reading.safety, topics)


def _closest(topics: Sequence[Topic], scores: Sequence[float], fallbacks: Sequence[str]) -> tuple[str, ...]:
    """The three topics scored highest, topped up with ``fallbacks``: a decline's suggestions."""
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    closest = [topics[i].id for i in ranked if scores[i] > 0][:3]
    closest += [f for f in fallbacks if f not in closest][: 3 - len(closest)]
    return tuple(closest)


def _lead(assist: Assist, reading: Reading) -> str:
    """The special safety lead this question needs (a pop then numbness, pregnancy), else the usual."""
    care = assist.safety.care(reading.special)
    return assist.safety.lead if care is None else care.lead


def _spelled(reader: Reader, word: str) -> list[str]:
    """A word as the matcher reads it, typo fixed, for the glossary's words ("waht" is "what")."""
    return [s for s, _ in reader.stems((word,))]


def _check_learned(learned: Learned, kb: KnowledgeBase) -> None:
    """The learned model's topics are the knowledge base's, in its order (checked at start-up)."""
    if learned.classes[: len(kb.topics)] != tuple(kb.topics):
        raise ValueError(
            "learned.json.gz: its classes are not the knowledge base's topics: run evals/learn.py"
        )


def _check_replaced(assist: Assist, kb: KnowledgeBase) -> None:
    """Every paragraph a note stands in for is one of its card's: a renamed heading would otherwise put the
    barbell's technique back under a home trainee's note without a word (checked at start-up)."""
    for note in assist.note:
        openings = [p.lstrip() for p in kb.topics[note.topic].answer.split("\n\n")]
        where = f"assist.toml: a {note.topic!r} note"
        for replaced in note.replaces:
            if not any(p.startswith(replaced) for p in openings):
                raise ValueError(f"{where} replaces {replaced!r}, no paragraph of its card")
        for heading in note.doubled(kb.topics[note.topic].answer):
            raise ValueError(f"{where}'s {heading!r} paragraph is its card's too: replace it")


def _defined(question: str, found: Term | Exercise, topic: Topic, text: str) -> Answer:
    """A term's short definition, or an exercise's name and cue (``text``), with its topic's card as the one
    button."""
    if isinstance(found, Exercise):
        return Answer(question, "answer", topic.id, 1.0, text, (topic.id,), exercise=found.id)
    return Answer(question, "answer", topic.id, 1.0, text, (topic.id,), term=found.id)


def _log_typed(kept: str, reading: Reading, subjects: Collection[str]) -> bool:
    """Whether a message opening with "log" is /log typed without its slash ("log face pulls 3x15 20kg"):
    sets told of a lift, not asked about, and nothing of another subject ("log cabin 3x4 metres")."""
    return (
        logtold.counts_told(kept)
        and not logtold.asks(kept)
        and bool(set(subjects) & reading.concepts)
        and not (reading.foreign or reading.unrelated)
    )


def _fitting(suggestions: Sequence[str], asker: Asker | None) -> list[str]:
    """The default suggestions for this asker: its own level's routine for the beginner one, and no home
    training for a gym trainee (an advanced lifter at a gym was offered "Beginner routine, Training at
    home")."""
    if asker is None:
        return list(suggestions)
    fitting = [asker.level if s in LEVELS and asker.level in LEVELS else s for s in suggestions]
    if asker.equipment == "gym":
        fitting = [s for s in fitting if s != "faq-home"] + ["form"]
    return fitting


def plain_text(telegram_html: str) -> str:
    """The text a user would read, without markup."""
    return html.unescape(_TAG.sub("", telegram_html))


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


def _level_question(reading: Reading) -> bool:
    """A question about sets and reps that names no level and nothing of another subject."""
    return (
        REP_COUNT in reading.concepts
        and not reading.concepts & set(LEVELS)
        and not (reading.offtopic or reading.unrelated or reading.foreign)
    )
