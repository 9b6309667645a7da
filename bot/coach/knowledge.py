"""The coach's knowledge base: topics, matching vocabulary and rest-day tips, loaded from TOML.

The data lives in ``bot/content/knowledge/`` so a coach can edit answers and vocabulary without
touching Python. Loading validates everything up front: a typo in the data should fail at start-up
with a message naming the file and entry, not surface as a wrong answer in a chat.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import AfterValidator

TOPIC_IDS: tuple[str, ...] = (
    "why-upper-back",
    "anatomy",
    "warm-up",
    "deadlift",
    "bent-over-row",
    "lat-pulldown",
    "face-pull",
    "pull-up",
    "inverted-row",
    "form",
    "mobility",
    "beginner",
    "intermediate",
    "advanced",
    "grips",
    "exercise-rotation",
    "rest-recovery",
    "nutrition",
    "benefits",
    "motivation",
    "faq-frequency",
    "faq-home",
    "faq-deadlift-beginners",
    "faq-nutrition",
    "faq-results",
)
FAQ_IDS: tuple[str, ...] = tuple(t for t in TOPIC_IDS if t.startswith("faq-"))


def known_topic(topic: str) -> str:
    """``topic`` if it is one of TOPIC_IDS; the content files that point to a topic check theirs with it."""
    if topic not in TOPIC_IDS:
        raise ValueError(f"unknown topic {topic!r} (the ids are in knowledge/topics.toml)")
    return topic


# A topic id in a content model: an unknown one fails at start-up, naming the file and key.
TopicId = Annotated[str, AfterValidator(known_topic)]
TIP_TOPICS: tuple[str, ...] = ("rest-recovery", "mobility", "nutrition", "warm-up", "motivation")
SMALLTALK_KINDS: tuple[str, ...] = ("greeting", "thanks", "bye", "ack", "howareyou", "cheer", "aboutbot")

MAX_TITLE = 30
MAX_ANSWER = 1000
MAX_TIP = 200
MIN_TIPS_PER_TOPIC = 3
MIN_PHRASINGS = 40

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "content" / "knowledge"

_ALLOWED_TAG = re.compile(r"</?(?:b|i)>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot);")


@dataclass(frozen=True)
class Boost:
    """Extra weight for a topic when every listed concept appears in the question."""

    concepts: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    answer: str
    related: tuple[str, ...]
    keywords: Mapping[str, float]
    boosts: tuple[Boost, ...] = ()
    anchors: tuple[str, ...] = ()
    context: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Tip:
    topic: str
    text: str


@dataclass(frozen=True)
class SmallTalk:
    kind: str
    phrases: tuple[str, ...]
    emoji: tuple[str, ...]
    reply: str


@dataclass(frozen=True)
class Lexicon:
    """Vocabulary the answerer matches against; see lexicon.toml for what each part is for."""

    concepts: Mapping[str, tuple[str, ...]]
    offtopic: tuple[str, ...]
    foreign: frozenset[str]
    stopwords: frozenset[str]
    common_words: frozenset[str]
    typos: Mapping[str, str]
    filler: frozenset[str]
    smalltalk: tuple[SmallTalk, ...]
    decline_text: str
    # The decline said after a safety lead, which has already said what to do.
    decline_after_safety_text: str
    empty_text: str
    default_suggestions: tuple[str, ...]
    unrelated: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    # Concepts naming another body part: a sign of another subject unless one of ``subjects`` is present.
    parts: tuple[str, ...] = ()
    # Concepts that are about training only next to one of the listed concepts ("sleep" next to recovery or
    # growth); on their own they are a sign of another subject ("how many hours of sleep do adults need").
    needs: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # Concepts a reminder the bot sends can be for: "remind me to ..." naming none of them is an errand.
    reminded: tuple[str, ...] = ()
    # Words that make the other subject next to them the thing trained ("train calves", "leg routine").
    aims: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    topics: Mapping[str, Topic]
    faq_ids: tuple[str, ...]
    tips: tuple[Tip, ...]
    lexicon: Lexicon
    # How trainees ask about each topic (phrasings.toml), and questions that must be declined.
    phrasings: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    offtopic_phrasings: tuple[str, ...] = ()

    @classmethod
    def load(cls, directory: Path | None = None) -> KnowledgeBase:
        """Read and validate topics, lexicon, tips and phrasings; ValueError on bad data."""
        base = DEFAULT_DIRECTORY if directory is None else Path(directory)
        lexicon = _load_lexicon(_read(base / "lexicon.toml"))
        topics = _load_topics(_read(base / "topics.toml"), lexicon)
        tips = _load_tips(_read(base / "tips.toml"))
        phrasings, offtopic = _load_phrasings(_read(base / "phrasings.toml"))
        return cls(
            topics=topics,
            faq_ids=FAQ_IDS,
            tips=tips,
            lexicon=lexicon,
            phrasings=phrasings,
            offtopic_phrasings=offtopic,
        )

    def tips_for(self, topic: str) -> tuple[Tip, ...]:
        return tuple(tip for tip in self.tips if tip.topic == topic)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ValueError(f"knowledge file missing: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: invalid TOML: {exc}") from exc


def _str(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: expected a non-empty string, got {value!r}")
    return value.strip()


def _str_list(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(_str(item, where) for item in value)


def html_problem(text: str) -> str | None:
    """What is wrong with ``text`` as the knowledge base's Telegram HTML (only <b> and <i>), if anything."""
    bare = _ENTITY.sub("", _ALLOWED_TAG.sub("", text))
    if "<" in bare or ">" in bare or "&" in bare:
        return "only <b>, <i> and escaped entities are allowed in Telegram HTML"
    for tag in ("b", "i"):
        if text.count(f"<{tag}>") != text.count(f"</{tag}>"):
            return f"unbalanced <{tag}> tags"
    return None


def _check_html(text: str, where: str) -> None:
    problem = html_problem(text)
    if problem is not None:
        raise ValueError(f"{where}: {problem}")


def _load_lexicon(data: dict[str, Any]) -> Lexicon:
    where = "lexicon.toml"
    raw_concepts = data.get("concepts")
    if not isinstance(raw_concepts, dict) or not raw_concepts:
        raise ValueError(f"{where}: [concepts] table missing or empty")
    concepts = {
        name: _str_list(variants, f"{where} concepts.{name}") for name, variants in raw_concepts.items()
    }
    raw_typos = data.get("typos", {})
    if not isinstance(raw_typos, dict):
        raise ValueError(f"{where}: [typos] must be a table")
    typos = {str(k).lower(): _str(v, f"{where} typos.{k}").lower() for k, v in raw_typos.items()}
    raw_smalltalk = data.get("smalltalk")
    if not isinstance(raw_smalltalk, dict):
        raise ValueError(f"{where}: [smalltalk] table missing")
    smalltalk = []
    for kind in SMALLTALK_KINDS:
        entry = raw_smalltalk.get(kind)
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: smalltalk.{kind} missing")
        reply = _str(entry.get("reply"), f"{where} smalltalk.{kind}.reply")
        _check_html(reply, f"{where} smalltalk.{kind}.reply")
        smalltalk.append(
            SmallTalk(
                kind=kind,
                phrases=_str_list(entry.get("phrases", []), f"{where} smalltalk.{kind}.phrases"),
                emoji=_str_list(entry.get("emoji", []), f"{where} smalltalk.{kind}.emoji"),
                reply=reply,
            )
        )
    messages = data.get("messages")
    if not isinstance(messages, dict):
        raise ValueError(f"{where}: [messages] table missing")
    decline_text = _str(messages.get("decline"), f"{where} messages.decline")
    after_safety = _str(messages.get("decline_after_safety"), f"{where} messages.decline_after_safety")
    empty_text = _str(messages.get("empty"), f"{where} messages.empty")
    said = (("decline", decline_text), ("decline_after_safety", after_safety), ("empty", empty_text))
    for name, text in said:
        _check_html(text, f"{where} messages.{name}")
    defaults = _str_list(messages.get("default_suggestions"), f"{where} messages.default_suggestions")
    unknown = [t for t in defaults if t not in TOPIC_IDS]
    if len(defaults) != 3 or unknown:
        raise ValueError(f"{where}: messages.default_suggestions must be 3 known topic ids (bad: {unknown})")
    subjects = _str_list(data.get("offtopic", {}).get("subjects", []), f"{where} offtopic.subjects")
    unknown_subjects = [s for s in subjects if s not in concepts]
    if unknown_subjects:
        raise ValueError(f"{where}: offtopic.subjects {unknown_subjects} are not concepts")
    parts = _str_list(data.get("offtopic", {}).get("parts", []), f"{where} offtopic.parts")
    unknown_parts = [p for p in parts if p not in concepts or p in subjects]
    if unknown_parts:
        raise ValueError(f"{where}: offtopic.parts {unknown_parts} are not concepts, or are subjects")
    raw_needs = data.get("offtopic", {}).get("needs", {})
    if not isinstance(raw_needs, dict):
        raise ValueError(f"{where}: offtopic.needs must be a table of concept = [concepts]")
    needs = {
        name: _str_list(companions, f"{where} offtopic.needs.{name}")
        for name, companions in raw_needs.items()
    }
    # A companion may also be a topic's situations ("situation:motivation", situations.toml): the reader
    # names the concept of a situation phrase so.
    situations = {f"situation:{t}" for t in TOPIC_IDS}
    unknown_needs = [
        name
        for name, companions in needs.items()
        if name not in concepts or any(c not in concepts and c not in situations for c in companions)
    ]
    if unknown_needs:
        raise ValueError(f"{where}: offtopic.needs {unknown_needs} name unknown concepts")
    reminded = _str_list(data.get("offtopic", {}).get("reminded", []), f"{where} offtopic.reminded")
    unknown_reminded = [c for c in reminded if c not in concepts]
    if unknown_reminded:
        raise ValueError(f"{where}: offtopic.reminded {unknown_reminded} are not concepts")
    return Lexicon(
        concepts=MappingProxyType(concepts),
        subjects=subjects,
        parts=parts,
        needs=MappingProxyType(needs),
        reminded=reminded,
        aims=_str_list(data.get("offtopic", {}).get("aims", []), f"{where} offtopic.aims"),
        offtopic=_str_list(data.get("offtopic", {}).get("phrases"), f"{where} offtopic.phrases"),
        unrelated=_str_list(data.get("offtopic", {}).get("unrelated", []), f"{where} offtopic.unrelated"),
        foreign=frozenset(_str_list(data.get("foreign", {}).get("words"), f"{where} foreign.words")),
        stopwords=frozenset(_str_list(data.get("stopwords", {}).get("words"), f"{where} stopwords.words")),
        common_words=frozenset(_str_list(data.get("common", {}).get("words"), f"{where} common.words")),
        typos=MappingProxyType(typos),
        filler=frozenset(_str_list(data.get("smalltalk", {}).get("filler", []), f"{where} smalltalk.filler")),
        smalltalk=tuple(smalltalk),
        decline_text=decline_text,
        decline_after_safety_text=after_safety,
        empty_text=empty_text,
        default_suggestions=defaults,
    )


def _weight(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not -10 <= value <= 10 or value == 0:
        raise ValueError(f"{where}: weight must be a non-zero number between -10 and 10, got {value!r}")
    return float(value)


def _concept_weights(raw: object, lexicon: Lexicon, where: str) -> dict[str, float]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected a table of concept = weight")
    weights = {}
    for concept, weight in raw.items():
        if concept not in lexicon.concepts:
            raise ValueError(f"{where}: {concept!r} is not a concept in lexicon.toml")
        weights[concept] = _weight(weight, f"{where}.{concept}")
    return weights


def _load_topics(data: dict[str, Any], lexicon: Lexicon) -> Mapping[str, Topic]:
    entries = data.get("topic")
    if not isinstance(entries, list):
        raise ValueError("topics.toml: expected [[topic]] entries")
    found: dict[str, Topic] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ValueError(f"topics.toml: entry #{index + 1} is not a table")
        topic_id = _str(entry.get("id"), f"topics.toml entry #{index + 1} id")
        where = f"topics.toml [{topic_id}]"
        if topic_id not in TOPIC_IDS:
            raise ValueError(f"{where}: unknown topic id (expected one of {', '.join(TOPIC_IDS)})")
        if topic_id in found:
            raise ValueError(f"{where}: duplicate topic id")
        title = _str(entry.get("title"), f"{where} title")
        if len(title) > MAX_TITLE:
            raise ValueError(f"{where}: title is {len(title)} characters, limit {MAX_TITLE}")
        answer = _str(entry.get("answer"), f"{where} answer")
        if len(answer) > MAX_ANSWER:
            raise ValueError(f"{where}: answer is {len(answer)} characters, limit {MAX_ANSWER}")
        _check_html(answer, f"{where} answer")
        related = _str_list(entry.get("related"), f"{where} related")
        if not 2 <= len(related) <= 3 or len(set(related)) != len(related):
            raise ValueError(f"{where}: related must list 2-3 distinct topic ids")
        keywords = _concept_weights(entry.get("keywords"), lexicon, f"{where} keywords")
        if not keywords:
            raise ValueError(f"{where}: keywords table missing or empty")
        anchors = _str_list(entry.get("anchors", []), f"{where} anchors")
        context = _concept_weights(entry.get("context", {}), lexicon, f"{where} context")
        if context and not anchors:
            raise ValueError(f"{where}: context weights need anchors (the concepts that switch them on)")
        bad_anchors = [a for a in anchors if a not in lexicon.concepts]
        if bad_anchors:
            raise ValueError(f"{where}: anchors {bad_anchors} are not concepts in lexicon.toml")
        boosts = []
        for boost in entry.get("boosts", []):
            if not isinstance(boost, dict):
                raise ValueError(f"{where}: each boost must be a table")
            concepts = _str_list(boost.get("all"), f"{where} boosts.all")
            missing = [c for c in concepts if c not in lexicon.concepts]
            if missing:
                raise ValueError(f"{where}: boost uses unknown concepts {missing}")
            boosts.append(
                Boost(concepts=concepts, weight=_weight(boost.get("weight"), f"{where} boosts.weight"))
            )
        found[topic_id] = Topic(
            id=topic_id,
            title=title,
            answer=answer,
            related=related,
            keywords=MappingProxyType(keywords),
            boosts=tuple(boosts),
            anchors=anchors,
            context=MappingProxyType(context),
        )
    missing_ids = [t for t in TOPIC_IDS if t not in found]
    if missing_ids:
        raise ValueError(f"topics.toml: missing topics {', '.join(missing_ids)}")
    for topic in found.values():
        bad = [r for r in topic.related if r not in found or r == topic.id]
        if bad:
            raise ValueError(f"topics.toml [{topic.id}]: related ids {bad} are unknown or self-references")
    return MappingProxyType({topic_id: found[topic_id] for topic_id in TOPIC_IDS})


def _load_tips(data: dict[str, Any]) -> tuple[Tip, ...]:
    raw = data.get("tips")
    if not isinstance(raw, dict):
        raise ValueError("tips.toml: [tips] table missing")
    tips = []
    for topic, texts in raw.items():
        if topic not in TOPIC_IDS:
            raise ValueError(f"tips.toml: unknown topic {topic!r}")
        for text in _str_list(texts, f"tips.toml tips.{topic}"):
            if len(text) > MAX_TIP:
                raise ValueError(f"tips.toml tips.{topic}: tip is {len(text)} characters, limit {MAX_TIP}")
            if any(ch in text for ch in "<>&"):
                raise ValueError(f"tips.toml tips.{topic}: tips are plain text, no <, > or &")
            tips.append(Tip(topic=topic, text=text))
    for topic in TIP_TOPICS:
        count = sum(1 for tip in tips if tip.topic == topic)
        if count < MIN_TIPS_PER_TOPIC:
            raise ValueError(f"tips.toml: {topic} has {count} tips, need at least {MIN_TIPS_PER_TOPIC}")
    return tuple(tips)


def _lines(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected a multi-line string, one question per line")
    return tuple(line.strip() for line in value.splitlines() if line.strip())


def _load_phrasings(data: dict[str, Any]) -> tuple[Mapping[str, tuple[str, ...]], tuple[str, ...]]:
    where = "phrasings.toml"
    raw = data.get("topics")
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: [topics] table missing")
    unknown = [t for t in raw if t not in TOPIC_IDS]
    if unknown:
        raise ValueError(f"{where}: unknown topic ids {unknown}")
    phrasings: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for topic_id in TOPIC_IDS:
        lines = _lines(raw.get(topic_id), f"{where} topics.{topic_id}")
        if len(lines) < MIN_PHRASINGS:
            raise ValueError(f"{where}: {topic_id} has {len(lines)} phrasings, need at least {MIN_PHRASINGS}")
        for line in lines:
            key = line.lower()
            if key in seen:
                raise ValueError(f"{where}: {line!r} is listed under both {seen[key]} and {topic_id}")
            seen[key] = topic_id
        phrasings[topic_id] = lines
    offtopic = _lines(data.get("offtopic", {}).get("questions"), f"{where} offtopic.questions")
    clash = [line for line in offtopic if line.lower() in seen]
    if clash:
        raise ValueError(f"{where}: off-topic questions also listed under a topic: {clash}")
    return MappingProxyType(phrasings), offtopic
