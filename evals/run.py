"""Measure the question answerer against the labelled question sets in this directory.

Run from the repository root:  .venv/bin/python evals/run.py [--verbose] [FILE.tsv ...]

Each line of a set is ``expected<TAB>question``: a topic id (several joined by "|" when the question
is genuinely ambiguous), "-" for an out-of-scope question that must be declined, or "~" for small talk.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.coach.answerer import Answer, Answerer  # noqa: E402
from bot.coach.knowledge import TOPIC_IDS, KnowledgeBase  # noqa: E402

DEFAULT_SETS = (
    "dev.tsv",
    "holdout.tsv",
    "fresh.tsv",
    "blind.tsv",
    "unseen2.tsv",
    "unseen3.tsv",
    "unseen4.tsv",
    "unseen6.tsv",
    # Written blind and scored once before shipping (see README); kept in so regressions show.
    "heldout5.tsv",
    "heldout6.tsv",
    "heldout7.tsv",
    "heldout8.tsv",
)


@dataclass(frozen=True)
class Case:
    source: str
    expected: tuple[str, ...]
    question: str


def read_cases(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, question = line.partition("\t")
        if not sep:
            raise SystemExit(f"{path.name}:{number}: expected 'label<TAB>question'")
        expected = tuple(label.split("|"))
        unknown = [e for e in expected if e not in ("-", "~", *TOPIC_IDS)]
        if unknown:
            raise SystemExit(f"{path.name}:{number}: unknown topic ids {unknown}")
        cases.append(Case(path.name, expected, question))
    return cases


def pct(part: int, whole: int) -> str:
    return f"{part:4d} / {whole:<4d} ({100 * part / whole:5.1f}%)" if whole else f"{part:4d} / 0"


def report(title: str, results: list[tuple[Case, Answer]], verbose: bool) -> None:
    in_scope = [(c, a) for c, a in results if c.expected[0] not in ("-", "~")]
    off_topic = [(c, a) for c, a in results if c.expected == ("-",)]
    smalltalk = [(c, a) for c, a in results if c.expected == ("~",)]
    correct = [(c, a) for c, a in in_scope if a.kind == "answer" and a.topic in c.expected]
    wrong = [(c, a) for c, a in in_scope if a.kind == "answer" and a.topic not in c.expected]
    declined = [(c, a) for c, a in in_scope if a.kind != "answer"]
    off_declined = [(c, a) for c, a in off_topic if a.topic is None]
    small_ok = [(c, a) for c, a in smalltalk if a.kind == "smalltalk"]
    ambiguous = sum(1 for c, _ in in_scope if len(c.expected) > 1)
    print(f"\n== {title}")
    print(f"in-scope questions: {len(in_scope)} ({ambiguous} accept more than one topic)")
    print(f"  answered correctly   {pct(len(correct), len(in_scope))}")
    print(f"  answered wrongly     {pct(len(wrong), len(in_scope))}")
    print(f"  wrongly declined     {pct(len(declined), len(in_scope))}")
    print(f"off-topic questions: {len(off_topic)}")
    print(f"  off-topic declined   {pct(len(off_declined), len(off_topic))}")
    if smalltalk:
        print(f"small talk recognised  {pct(len(small_ok), len(smalltalk))}")
    if verbose:
        failures = [*wrong, *declined, *[(c, a) for c, a in off_topic if a.topic is not None]]
        failures += [(c, a) for c, a in smalltalk if a.kind != "smalltalk"]
        for case, answer in failures:
            got = answer.topic or f"{answer.kind}: {','.join(answer.suggestions)}"
            print(
                f"  MISS [{case.source}] {case.question!r}: expected {'|'.join(case.expected)}, "
                f"got {got} ({answer.score:.2f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="question sets (default: all four in evals/)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent
    paths = [p if p.exists() else here / p for p in args.sets] or [here / name for name in DEFAULT_SETS]

    load_times = []
    for _ in range(5):
        start = time.perf_counter()
        kb = KnowledgeBase.load()
        loaded = time.perf_counter()
        answerer = Answerer(kb)
        built = time.perf_counter()
        load_times.append((loaded - start, built - loaded))

    per_set = {path.name: read_cases(path) for path in paths}
    results: dict[str, list[tuple[Case, Answer]]] = {}
    latencies = []
    for name, cases in per_set.items():
        results[name] = []
        for case in cases:
            start = time.perf_counter()
            answer = answerer.answer(case.question)
            latencies.append(time.perf_counter() - start)
            results[name].append((case, answer))

    # Latency over repeated passes of every question, including a long paste, so p99 is stable.
    probes = [c.question for cases in per_set.values() for c in cases] + ["how often " * 600]
    timed = []
    for _ in range(20):
        for question in probes:
            start = time.perf_counter()
            answerer.answer(question)
            timed.append(time.perf_counter() - start)
    timed.sort()

    for name, rows in results.items():
        report(name, rows, args.verbose)
    if len(results) > 1:
        report("all sets combined", [row for rows in results.values() for row in rows], verbose=False)

    kb_ms = statistics.median(t[0] for t in load_times) * 1000
    build_ms = statistics.median(t[1] for t in load_times) * 1000
    print("\n== speed")
    print(
        f"latency per question: p50 {timed[len(timed) // 2] * 1000:.3f} ms, "
        f"p99 {timed[int(len(timed) * 0.99)] * 1000:.3f} ms, max {timed[-1] * 1000:.3f} ms "
        f"({len(timed)} calls)"
    )
    print(
        f"knowledge base load: {kb_ms:.1f} ms (+ {build_ms:.1f} ms building the answerer's indexes "
        f"= {kb_ms + build_ms:.1f} ms), median of 5"
    )


if __name__ == "__main__":
    main()
