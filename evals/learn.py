"""Count the learned model (bot/content/knowledge/learned.json.gz) from the labelled questions, and the
phrasing scorer's (phrased.json.gz) from the phrasing corpus.

Run from the repository root after changing the lexicon, the situations, the phrasings or the sets here:
    .venv/bin/python evals/learn.py          (or ``make learn``)
Every ``*.tsv`` set in this directory is read, with the phrasing corpus; a test fails while the file is
stale. See bot/coach/learned.py for what the model is and evals/README.md for how it was judged.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.coach.assist import Assist, CommandMatcher, Situations  # noqa: E402
from bot.coach.knowledge import DEFAULT_DIRECTORY, KnowledgeBase  # noqa: E402
from bot.coach.learned import (  # noqa: E402
    COMMAND_PREFIX,
    LEARNED_FILE,
    OFFTOPIC,
    PHRASED_FILE,
    SMALLTALK,
    Learned,
)
from bot.coach.reading import Reader  # noqa: E402
from bot.coach.scorer import Scorer  # noqa: E402

SETS = Path(__file__).resolve().parent
NOT_A_COMMAND = "!command"  # a "near" question: any topic will do, so it teaches nothing


def labelled(sets: Path = SETS) -> Iterator[tuple[str, str]]:
    """``(label, question)`` for every line of every set, the first label of an ambiguous one."""
    for path in sorted(sets.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            label = fields[0].split("|")[0]
            if label != NOT_A_COMMAND:
                yield label, fields[-1]


def _reader(directory: Path) -> tuple[KnowledgeBase, Assist, Situations, Reader]:
    kb, assist, situations = KnowledgeBase.load(directory), Assist.load(directory), Situations.load(directory)
    return (
        kb,
        assist,
        situations,
        Reader(kb.lexicon, situations, CommandMatcher.build(assist.commands), assist.safety),
    )


def phrased(directory: Path = DEFAULT_DIRECTORY) -> Learned:
    """The phrasing scorer's model (bot/coach/scorer.py), from the phrasing corpus and situations only."""
    kb, _, situations, reader = _reader(directory)
    return Scorer.count(reader.features, kb, situations)


def learn(sets: Path = SETS, directory: Path = DEFAULT_DIRECTORY) -> Learned:
    kb, assist, _, reader = _reader(directory)
    commands = sorted(COMMAND_PREFIX + c.name for c in assist.commands.command)
    classes = (*kb.topics, OFFTOPIC, *commands, SMALLTALK)
    questions = [(topic, q) for topic, asked in kb.phrasings.items() for q in asked]
    questions += [(OFFTOPIC, q) for q in kb.offtopic_phrasings]
    questions += list(labelled(sets))
    return Learned.train(((label, reader.features(q)) for label, q in questions), classes)


if __name__ == "__main__":
    for name, model in ((LEARNED_FILE, learn()), (PHRASED_FILE, phrased())):
        model.save(DEFAULT_DIRECTORY / name)
        print(f"{name}: {len(model.classes)} classes, {len(model.at)} features")
