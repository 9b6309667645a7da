"""Closeness of meaning between a question and the phrasing corpus, from a small static embedding model.

The curated matcher reads words; a situation worded in a way no phrase list foresaw ("my neck gets stiff
after the rope thing") can mislead it with one word. Word vectors catch what such a question is *like*.

The vectors are wordllama's ``l2_supercat_256`` table (32,000 Llama-2 tokens x 256, float16, 16 MB), which
ships inside the ``wordllama`` package with its tokenizer, so nothing is downloaded. The files are opened
through ``importlib.metadata`` rather than by importing ``wordllama``: its own loader looks for the tokenizer
in another folder and then fetches it from the network, and its package configures the root logger on
import. A text's vector is the mean of its tokens' rows, L2-normalised (how the table was trained); a
topic's similarity to a question is the mean cosine of its NEIGHBOURS closest corpus examples. Loading the
table takes ~70 ms once per process; a question costs one tokenisation and one matrix-vector product.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file
from tokenizers import Tokenizer

PACKAGE = "wordllama"
WEIGHTS = "wordllama/weights/l2_supercat_256.safetensors"
TOKENIZER = "wordllama/tokenizers/l2_supercat_tokenizer_config.json"
TABLE = "embedding.weight"
# A topic's similarity is the mean of its closest few examples: one odd phrasing cannot carry it alone, and
# a topic with many phrasings is not favoured over one with few (the mean of all would be).
NEIGHBOURS = 3

Vectors = npt.NDArray[np.float32]


class Embeds(Protocol):
    def embed_many(self, texts: Sequence[str]) -> Vectors: ...


class Embedder:
    """Text to one unit vector: the mean of its tokens' rows in a static table."""

    def __init__(self, table: Vectors, tokenizer: Tokenizer) -> None:
        self._table = table
        self._tokenizer = tokenizer

    @classmethod
    def load(cls) -> Embedder:
        """The table and tokenizer shipped in the wordllama package (no network)."""
        dist = importlib.metadata.distribution(PACKAGE)
        weights = Path(str(dist.locate_file(WEIGHTS)))
        tokenizer = Path(str(dist.locate_file(TOKENIZER)))
        table = load_file(str(weights))[TABLE].astype(np.float32)
        return cls(table, Tokenizer.from_file(str(tokenizer)))

    def embed_many(self, texts: Sequence[str]) -> Vectors:
        # The tokenizer is case-sensitive; the corpus is lower case, questions are not. One text (a question)
        # is encoded on this thread; a batch (the corpus, at load) on the tokenizer's thread pool.
        lowered = [t.lower() for t in texts]
        if len(lowered) == 1:
            encodings = [self._tokenizer.encode(lowered[0], add_special_tokens=False)]
        else:
            encodings = self._tokenizer.encode_batch(lowered, add_special_tokens=False)
        found = np.zeros((len(texts), self._table.shape[1]), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            if encoding.ids:
                found[row] = self._table[encoding.ids].mean(axis=0)
        return unit_rows(found)


def unit_rows(vectors: Vectors) -> Vectors:
    """Each row scaled to length 1; an all-zero row (a text with no tokens) stays zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    scaled: Vectors = np.zeros_like(vectors)
    np.divide(vectors, norms, out=scaled, where=norms > 0)
    return scaled


@cache
def shipped_embedder() -> Embedder:
    """One table per process: every answerer (and every test) shares it."""
    return Embedder.load()


class SemanticIndex:
    """Labelled example texts; ``similarities`` gives each label its closeness to a question."""

    def __init__(
        self, embedder: Embeds, examples: Sequence[tuple[int, str]], labels: int, neighbours: int = NEIGHBOURS
    ) -> None:
        self._embedder = embedder
        self._vectors = embedder.embed_many([text for _, text in examples])
        members: list[list[int]] = [[] for _ in range(labels)]
        for row, (label, _) in enumerate(examples):
            members[label].append(row)
        self._neighbours = max(1, neighbours)
        # One padded table of example rows per label, so a question's similarities are grouped with one
        # fancy index; padding points at an extra similarity of -1, below any cosine.
        width = max((len(m) for m in members), default=0)
        width = max(width, self._neighbours)
        padding = len(examples)
        self._slots = np.full((labels, width), padding, dtype=np.intp)
        for label, rows in enumerate(members):
            self._slots[label, : len(rows)] = rows

    def similarities(self, text: str) -> list[float]:
        """Per label, the mean cosine of its ``neighbours`` closest examples (-1 for a label without any)."""
        question = self._embedder.embed_many([text])[0]
        # einsum's own loop, not BLAS: a multi-threaded BLAS mat-vec here cost up to 4 ms of CPU at p99 on a
        # busy 2-core machine (threads spinning), against 0.25 ms for this on the calling thread alone.
        cosines = np.append(np.einsum("ij,j->i", self._vectors, question), np.float32(-1.0))
        grouped = cosines[self._slots]
        k = self._neighbours
        closest = np.partition(grouped, grouped.shape[1] - k, axis=1)[:, -k:]
        return [float(v) for v in closest.mean(axis=1)]


def rival(similarities: Sequence[float], chosen: int, margin: float) -> int | None:
    """The label clearly closer in meaning than ``chosen`` (by at least ``margin``), if there is one."""
    best = max(range(len(similarities)), key=similarities.__getitem__)
    if best != chosen and similarities[best] - similarities[chosen] >= margin:
        return best
    return None
