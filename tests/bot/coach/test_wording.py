"""The answerer's word helpers, where the building shortcuts must give what the plain way gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase
from bot.coach.wording import deletes, first_word_lengths, phrase_key, scan, stem

_LETTERS = st.text(alphabet="abcdeo", max_size=11)
_STEMS = st.lists(st.sampled_from(["a", "b", "c", "the", "x"]), max_size=12)
_TABLE = st.dictionaries(
    st.lists(st.sampled_from(["a", "b", "c", "the"]), min_size=1, max_size=4).map(tuple),
    st.sampled_from(["one", "two"]),
    min_size=1,
)


def _deleted(word: str, depth: int) -> set[str]:
    """Every deletion of every deletion, ``depth`` times: what ``deletes`` must equal."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


@given(_LETTERS, st.integers(min_value=0, max_value=3))
def test_deletes_is_every_word_with_up_to_depth_letters_gone(word: str, depth: int) -> None:
    assert deletes(word, depth) == _deleted(word, depth)


@given(_STEMS, _TABLE)
def test_scan_with_first_word_lengths_finds_what_every_window_finds(
    stems: list[str], table: dict[tuple[str, ...], str]
) -> None:
    longest = max(len(key) for key in table)
    every_window = list(scan(stems, table, longest))
    assert list(scan(stems, table, longest, first_word_lengths(table))) == every_window


def test_first_word_lengths_are_longest_first() -> None:
    table = {("pull", "up"): "x", ("pull", "up", "bar"): "y", ("pull",): "z", ("row",): "w"}
    assert first_word_lengths(table) == {"pull": (3, 2, 1), "row": (1,)}


def test_memoised_stems_and_keys_give_fresh_results() -> None:
    assert stem("rows") == stem("rows") == "row"
    assert phrase_key("Pull-Ups!") == phrase_key("pull ups") == ("pull", "up")


def test_the_scorers_features_are_the_readings_features() -> None:
    """The scorer reads its corpus with ``features``, which skips the safety situations and small talk."""
    kb = KnowledgeBase.load()
    reader = Answerer(kb).reader
    asked = [q for questions in kb.phrasings.values() for q in questions] + list(kb.offtopic_phrasings)
    asked += ["my chest hurts, my arm is numb after rows", "hi thanks", "pulling up my log", "remind me to"]
    assert all(reader.features(q) == reader.read(q).features for q in asked)
