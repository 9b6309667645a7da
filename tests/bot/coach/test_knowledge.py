"""The knowledge base data: completeness, limits, wording, and load-time validation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.coach.answerer import Answerer, plain_text, stem, words
from bot.coach.assist import Assist
from bot.coach.knowledge import (
    DEFAULT_DIRECTORY,
    FAQ_IDS,
    MAX_ANSWER,
    MAX_TIP,
    MAX_TITLE,
    MIN_PHRASINGS,
    TIP_TOPICS,
    TOPIC_IDS,
    KnowledgeBase,
)

ARTICLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "source" / "upper-back-article.txt"
SHINGLE = 8


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_all_topics_present_in_canonical_order(kb: KnowledgeBase) -> None:
    assert tuple(kb.topics) == TOPIC_IDS
    assert len(TOPIC_IDS) == 25
    assert (
        kb.faq_ids
        == FAQ_IDS
        == (
            "faq-frequency",
            "faq-home",
            "faq-deadlift-beginners",
            "faq-nutrition",
            "faq-results",
        )
    )
    assert all(kb.topics[t].id == t for t in TOPIC_IDS)


def test_titles_answers_and_related_respect_limits(kb: KnowledgeBase) -> None:
    for topic in kb.topics.values():
        assert 0 < len(topic.title) <= MAX_TITLE, topic.id
        assert 0 < len(topic.answer) <= MAX_ANSWER, topic.id
        assert 2 <= len(topic.related) <= 3, topic.id
        assert all(r in kb.topics and r != topic.id for r in topic.related), topic.id


def test_answers_use_only_bold_and_italic(kb: KnowledgeBase) -> None:
    for topic in kb.topics.values():
        tags = set(re.findall(r"</?([a-zA-Z]+)[^>]*>", topic.answer))
        assert tags <= {"b", "i"}, topic.id
        assert "<" not in plain_text(re.sub(r"</?[bi]>", "", topic.answer)).replace("&lt;", ""), topic.id


def test_answers_that_touch_injury_say_stop_and_see_a_professional(kb: KnowledgeBase) -> None:
    for topic_id in ("deadlift", "form", "faq-deadlift-beginners"):
        assert "stop and see a professional" in kb.topics[topic_id].answer


def test_enough_short_plain_tips_for_rest_day_nudges(kb: KnowledgeBase) -> None:
    for topic in TIP_TOPICS:
        tips = kb.tips_for(topic)
        assert len(tips) >= 3, topic
        for tip in tips:
            assert 0 < len(tip.text) <= MAX_TIP
            assert not set(tip.text) & set("<>&")
    assert all(tip.topic in kb.topics for tip in kb.tips)


def _all_words(text: str) -> list[str]:
    # words() caps its input for the answerer's sake; the article must be read in full.
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))


@pytest.mark.skipif(not ARTICLE.exists(), reason="source article not available")
def test_no_answer_or_tip_copies_eight_words_of_the_article(kb: KnowledgeBase) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    article_words = _all_words(article)
    source = {tuple(article_words[i : i + SHINGLE]) for i in range(len(article_words) - SHINGLE + 1)}
    texts = {t.id: plain_text(t.answer) for t in kb.topics.values()}
    texts.update({f"tip:{tip.topic}:{i}": tip.text for i, tip in enumerate(kb.tips)})
    assist = Assist.load()
    texts.update({f"note:{note.topic}:{i}": plain_text(note.text) for i, note in enumerate(assist.note)})
    texts["safety lead"] = plain_text(assist.safety.lead)
    for name, text in texts.items():
        tokens = _all_words(text)
        copied = [
            " ".join(tokens[i : i + SHINGLE])
            for i in range(len(tokens) - SHINGLE + 1)
            if tuple(tokens[i : i + SHINGLE]) in source
        ]
        assert not copied, f"{name} copies the article: {copied[0]!r}"


def test_load_is_repeatable_from_an_explicit_directory(tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_DIRECTORY, tmp_path / "kb")
    kb = KnowledgeBase.load(tmp_path / "kb")
    assert tuple(kb.topics) == TOPIC_IDS


# -- validation of bad data --------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


def _edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("topics.toml", 'id = "faq-results"', 'id = "faq-result"', "unknown topic id"),
        ("topics.toml", 'id = "faq-results"', 'id = "faq-nutrition"', "duplicate topic id"),
        (
            "topics.toml",
            'related = ["benefits", "anatomy", "beginner"]',
            'related = ["benefits", "nope"]',
            "related ids",
        ),
        ("topics.toml", 'related = ["benefits", "anatomy", "beginner"]', 'related = ["benefits"]', "2-3"),
        ("topics.toml", 'title = "Why train the upper back"', f'title = "{"x" * 31}"', "title is 31"),
        ("topics.toml", "In short, a strong upper back", "x" * 1000, "limit 1000"),
        ("topics.toml", "In short, a strong upper back", "<u>In short</u>, a strong", "only <b>, <i>"),
        ("topics.toml", "In short, a strong upper back", "<b>In short, a strong", "unbalanced <b>"),
        ("topics.toml", "keywords = { importance = 2,", "keywords = { importanse = 2,", "not a concept"),
        ("topics.toml", "keywords = { importance = 2,", 'keywords = { importance = "high",', "weight"),
        ("topics.toml", "[[topic]]", "[[topic]\n", "invalid TOML"),
        ("tips.toml", "rest-recovery = [", "rest-recovry = [", "unknown topic"),
        ("tips.toml", '  "Try 10 slow cat-cows', f'  "{"y" * 201}",\n  "Try 10 slow cat-cows', "limit 200"),
        ("tips.toml", "Rest day! Your back", "Rest day! <b>Your</b> back", "plain text"),
        ("lexicon.toml", 'subjects = ["back",', 'subjects = ["bak",', "offtopic.subjects"),
        ("lexicon.toml", 'parts = ["chest",', 'parts = ["back", "chest",', "offtopic.parts"),
        ("lexicon.toml", 'parts = ["chest",', 'parts = ["chestt",', "offtopic.parts"),
        ("lexicon.toml", "[offtopic.needs]\nsleep = [", "[offtopic.needs]\nslep = [", "offtopic.needs"),
        ("lexicon.toml", 'reminded = [\n  "back",', 'reminded = [\n  "bak",', "offtopic.reminded"),
        (
            "lexicon.toml",
            '[offtopic.needs]\nsleep = [\n  "back",',
            '[offtopic.needs]\nsleep = [\n  "bak",',
            "offtopic.needs",
        ),
        ("phrasings.toml", "[topics]\nwhy-upper-back", "[topics]\nwhy-upper-bak", "unknown topic ids"),
        (
            "phrasings.toml",
            "how to deadlift properly\n",
            "how often should i train my back\n",
            "listed under both",
        ),
        (
            "phrasings.toml",
            "best leg exercises\n",
            "why train upper back at all\n",
            "also listed under a topic",
        ),
        (
            "lexicon.toml",
            'default_suggestions = ["faq-frequency", "beginner", "faq-home"]',
            'default_suggestions = ["faq-frequency"]',
            "default_suggestions",
        ),
    ],
)
def test_bad_data_raises_a_clear_value_error(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    directory = _copy(tmp_path)
    _edit(directory, name, old, new)
    with pytest.raises(ValueError, match=re.escape(message)):
        KnowledgeBase.load(directory)


def test_missing_topic_is_reported(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    text = (directory / "topics.toml").read_text(encoding="utf-8")
    start = text.index('[[topic]]\nid = "faq-results"')
    (directory / "topics.toml").write_text(text[:start], encoding="utf-8")
    with pytest.raises(ValueError, match="missing topics faq-results"):
        KnowledgeBase.load(directory)


def test_too_few_tips_is_reported(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    for tip in ("Set a small goal for next week", "Take a moment to look back at your log"):
        text = (directory / "tips.toml").read_text(encoding="utf-8")
        line = next(line for line in text.splitlines(keepends=True) if tip in line)
        _edit(directory, "tips.toml", line, "")
    with pytest.raises(ValueError, match="motivation has 2 tips"):
        KnowledgeBase.load(directory)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    (directory / "lexicon.toml").unlink()
    with pytest.raises(ValueError, match="knowledge file missing"):
        KnowledgeBase.load(directory)


# -- the phrasing corpus -----------------------------------------------------------------------------


def test_too_few_phrasings_is_reported(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    text = (directory / "phrasings.toml").read_text(encoding="utf-8")
    start = text.index('why-upper-back = """\n') + len('why-upper-back = """\n')
    end = text.index('"""', start)
    (directory / "phrasings.toml").write_text(text[:start] + "why train upper back\n" + text[end:], "utf-8")
    with pytest.raises(ValueError, match="why-upper-back has 1 phrasings"):
        KnowledgeBase.load(directory)


def test_every_topic_has_a_varied_phrasing_corpus(kb: KnowledgeBase) -> None:
    assert tuple(kb.phrasings) == TOPIC_IDS
    for topic_id, questions in kb.phrasings.items():
        assert len(questions) >= MIN_PHRASINGS, topic_id
        assert len({q.lower() for q in questions}) == len(questions), topic_id
    assert len(kb.offtopic_phrasings) >= 100


def test_every_corpus_word_is_known_to_the_matcher(kb: KnowledgeBase) -> None:
    """Each word in phrasings.toml is a concept word, a stop word or an everyday word in lexicon.toml.

    Unknown words would count against answering, and a word the typo corrector turns into another known
    word ("ruin" into "run") would mislead it; both mean the lexicon must grow with the corpus.
    """
    answerer = Answerer(kb)
    problems = []
    for topic_id, questions in [*kb.phrasings.items(), ("offtopic", kb.offtopic_phrasings)]:
        for question in questions:
            for token in words(question):
                # A [typos] entry may spell one word out as several ("idk", "fasting").
                for found, known in answerer.reader.stems([token]):
                    if not known:
                        problems.append(f"{topic_id}: {token!r} unknown in {question!r}")
                    elif found != stem(token) and token not in kb.lexicon.typos:
                        problems.append(f"{topic_id}: {token!r} read as {found!r} in {question!r}")
    assert not problems, "\n".join(problems[:20])


def test_corpus_shares_no_question_with_the_eval_sets(kb: KnowledgeBase) -> None:
    evals = Path(__file__).resolve().parents[3] / "evals"
    asked = {
        " ".join(words(line.split("\t")[-1]))
        for path in evals.glob("*.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "\t" in line and not line.startswith("#")
    }
    corpus = [q for questions in kb.phrasings.values() for q in questions] + list(kb.offtopic_phrasings)
    shared = [q for q in corpus if " ".join(words(q)) in asked]
    assert not shared, shared


def test_signs_of_another_subject_do_not_share_a_stem_with_an_everyday_word(kb: KnowledgeBase) -> None:
    """A foreign or unrelated word must not stem to a different everyday word.

    "news" would make "new" foreign, "meaning" would make "mean" foreign and "fasting" would turn "fast
    reps" into a diet question.
    """
    lex = kb.lexicon
    everyday: dict[str, set[str]] = {}
    for word in [*lex.common_words, *lex.stopwords]:
        everyday.setdefault(stem(word), set()).add(word)
    marked = set(lex.foreign) | set(lex.unrelated)
    clashes = [
        f"{word!r} stems like {sorted(everyday[stem(word)])}"
        for word in [*lex.foreign, *lex.unrelated]
        if " " not in word
        and any(other not in marked for other in everyday.get(stem(word), ()) if other != word)
    ]
    assert not clashes, clashes
