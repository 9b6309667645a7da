"""Measure the question answerer against the labelled question sets in this directory.

Run from the repository root:  .venv/bin/python evals/run.py [--verbose] [FILE.tsv ...]

Each line of a set is ``expected<TAB>question`` or ``expected<TAB>style<TAB>question``. ``expected`` is a
topic id (several joined by "|" when the question is genuinely ambiguous), ``command:<name>`` for a question
about the bot that must point to that command, "-" for an out-of-scope question that must be declined, or
"~" for small talk. ``style`` is one of STYLES; every style present is also scored on its own line, and a
question of style ``safety`` only counts as right when the answer is also safety-first.
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

from bot.coach.answerer import COMMAND_PREFIX, Answer, Answerer  # noqa: E402
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
    # Issue 16: one line per style (situations, stories, safety, commands, ...).
    "styles1.tsv",
    "styles2.tsv",
    "styles3.tsv",
)


STYLES = (
    "plain",
    "chat",
    "short",
    "learner",
    "situation",
    "story",
    "safety",
    "command",
    "offtopic",
    "smalltalk",
    "near",
)
# A "near" question uses a command's words for something else ("how do I stop my shoulders shrugging"): it
# is right unless it is taken for a command, whatever topic it gets.
NOT_A_COMMAND = "!command"


@dataclass(frozen=True)
class Case:
    source: str
    expected: tuple[str, ...]
    question: str
    style: str | None = None

    @property
    def in_scope(self) -> bool:
        return self.expected[0] not in ("-", "~", NOT_A_COMMAND)


def got(answer: Answer) -> str | None:
    """What the answer gives, in the sets' vocabulary: a topic id, ``command:<name>``, or None."""
    if answer.kind == "command":
        return f"command:{answer.command}"
    return answer.topic if answer.kind == "answer" else None


def is_right(case: Case, answer: Answer) -> bool:
    return got(answer) in case.expected and (case.style != "safety" or answer.safety)


def offered(case: Case, answer: Answer) -> bool:
    """Asked back ("did you mean ...?") with an expected topic among the buttons."""
    return answer.kind == "ask" and any(c in case.expected for c in answer.candidates)


def read_cases(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3) or not all(f.strip() for f in fields):
            raise SystemExit(f"{path.name}:{number}: expected 'label<TAB>[style<TAB>]question'")
        label, question = fields[0], fields[-1]
        style = fields[1].strip() if len(fields) == 3 else None
        if style is not None and style not in STYLES:
            raise SystemExit(f"{path.name}:{number}: unknown style {style!r} (one of {', '.join(STYLES)})")
        expected = tuple(label.split("|"))
        unknown = [
            e
            for e in expected
            if e not in ("-", "~", NOT_A_COMMAND, *TOPIC_IDS) and not e.startswith(COMMAND_PREFIX)
        ]
        if unknown:
            raise SystemExit(f"{path.name}:{number}: unknown topic ids {unknown}")
        cases.append(Case(path.name, expected, question, style))
    return cases


def pct(part: int, whole: int) -> str:
    return f"{part:4d} / {whole:<4d} ({100 * part / whole:5.1f}%)" if whole else f"{part:4d} / 0"


def tally(results: list[tuple[Case, Answer]]) -> dict[str, list[tuple[Case, Answer]]]:
    in_scope = [(c, a) for c, a in results if c.in_scope]
    answered = [(c, a) for c, a in in_scope if got(a) is not None]
    return {
        "in_scope": in_scope,
        "correct": [(c, a) for c, a in answered if is_right(c, a)],
        "wrong": [(c, a) for c, a in answered if not is_right(c, a)],
        "offered": [(c, a) for c, a in in_scope if offered(c, a)],
        "declined": [(c, a) for c, a in in_scope if got(a) is None and not offered(c, a)],
        "off_topic": [(c, a) for c, a in results if c.expected == ("-",)],
        "off_declined": [(c, a) for c, a in results if c.expected == ("-",) and got(a) is None],
        "near": [(c, a) for c, a in results if c.expected == (NOT_A_COMMAND,)],
        "near_taken": [(c, a) for c, a in results if c.expected == (NOT_A_COMMAND,) and a.kind == "command"],
    }


def style_line(style: str, results: list[tuple[Case, Answer]]) -> str:
    t = tally(results)
    if style == "near":
        kept = len(t["near"]) - len(t["near_taken"])
        return f"  {style:<10} not a command       {pct(kept, len(t['near']))}"
    if style == "offtopic" or not t["in_scope"]:
        if style == "smalltalk":
            ok = sum(1 for _, a in results if a.kind == "smalltalk")
            return f"  {style:<10} small talk recognised {pct(ok, len(results))}"
        return f"  {style:<10} declined            {pct(len(t['off_declined']), len(t['off_topic']))}"
    right = len(t["correct"]) + len(t["offered"])
    return (
        f"  {style:<10} right {pct(right, len(t['in_scope']))}  wrong {len(t['wrong'])}  "
        f"declined {len(t['declined'])}  asked back {len(t['offered'])}"
    )


def report(title: str, results: list[tuple[Case, Answer]], verbose: bool) -> None:
    t = tally(results)
    in_scope, correct, wrong, declined = t["in_scope"], t["correct"], t["wrong"], t["declined"]
    off_topic, off_declined, asked = t["off_topic"], t["off_declined"], t["offered"]
    smalltalk = [(c, a) for c, a in results if c.expected == ("~",)]
    small_ok = [(c, a) for c, a in smalltalk if a.kind == "smalltalk"]
    ambiguous = sum(1 for c, _ in in_scope if len(c.expected) > 1)
    print(f"\n== {title}")
    print(f"in-scope questions: {len(in_scope)} ({ambiguous} accept more than one topic)")
    print(f"  answered correctly   {pct(len(correct), len(in_scope))}")
    if asked:
        print(f"  asked back, right    {pct(len(asked), len(in_scope))}  (a button offers an expected topic)")
        print(f"  right in all         {pct(len(correct) + len(asked), len(in_scope))}")
    print(f"  answered wrongly     {pct(len(wrong), len(in_scope))}")
    print(f"  wrongly declined     {pct(len(declined), len(in_scope))}")
    print(f"off-topic questions: {len(off_topic)}")
    print(f"  off-topic declined   {pct(len(off_declined), len(off_topic))}")
    if smalltalk:
        print(f"small talk recognised  {pct(len(small_ok), len(smalltalk))}")
    near, taken = t["near"], t["near_taken"]
    if near:
        print(f"near misses not taken as a command {pct(len(near) - len(taken), len(near))}")
    styles = [s for s in STYLES if any(c.style == s for c, _ in results)]
    if styles:
        print("by style:")
        for style in styles:
            print(style_line(style, [(c, a) for c, a in results if c.style == style]))
    if verbose:
        failures = [*wrong, *declined, *[(c, a) for c, a in off_topic if got(a) is not None]]
        failures += [(c, a) for c, a in smalltalk if a.kind != "smalltalk"]
        failures += taken
        for case, answer in failures:
            shown = got(answer) or f"{answer.kind}: {','.join(answer.candidates or answer.suggestions)}"
            safety = " safety" if answer.safety else ""
            print(
                f"  MISS [{case.source}{' ' + case.style if case.style else ''}] {case.question!r}: "
                f"expected {'|'.join(case.expected)}, got {shown}{safety} ({answer.score:.2f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="sets (default: DEFAULT_SETS)")
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
    cpu = []
    for _ in range(20):
        for question in probes:
            start, start_cpu = time.perf_counter(), time.thread_time()
            answerer.answer(question)
            timed.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
    timed.sort()
    cpu.sort()

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
    # Wall time includes whatever else the machine runs; CPU time is the answerer's own cost.
    print(
        f"CPU time per question: p99 {cpu[int(len(cpu) * 0.99)] * 1000:.3f} ms, max {cpu[-1] * 1000:.3f} ms"
    )
    print(
        f"knowledge base load: {kb_ms:.1f} ms (+ {build_ms:.1f} ms building the answerer's indexes "
        f"= {kb_ms + build_ms:.1f} ms), median of 5"
    )


if __name__ == "__main__":
    main()
