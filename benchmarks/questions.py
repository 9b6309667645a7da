"""Questions: knowledge-base load time and the answerer's latency over every eval question."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from common import ROOT, fmt, table

from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase


def eval_questions() -> list[str]:
    found = []
    for path in sorted((ROOT / "evals").glob("*.tsv")):
        for line in path.read_text().splitlines():
            if line and not line.startswith("#") and "\t" in line:
                found.append(line.rsplit("\t", 1)[1])  # the question is the last column
    return found


def main(quick: bool, out: Path) -> dict[str, Any]:
    loads = []
    load_cpu = []
    for _ in range(3 if quick else 10):
        start, start_cpu = time.perf_counter(), time.thread_time()
        knowledge = KnowledgeBase.load()
        answerer = Answerer(knowledge)
        loads.append(time.perf_counter() - start)
        load_cpu.append(time.thread_time() - start_cpu)
    asked = eval_questions()
    for question in asked:  # one warm-up pass: the first call pays for lazy caches, not the matcher
        answerer.answer(question)
    latencies = []
    cpu = []
    for _ in range(3 if quick else 20):
        for question in asked:
            start, start_cpu = time.perf_counter(), time.thread_time()
            answerer.answer(question)
            latencies.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
    latencies.sort()
    cpu.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1e6  # noqa: E731
    print(f"\n## 5. Questions ({len(asked)} eval questions × {len(latencies) // len(asked)} passes)\n")
    rows = [
        ["KnowledgeBase.load() + Answerer() (ms, median)", fmt(statistics.median(loads) * 1000, 1)],
        ["same, CPU time (ms, median)", fmt(statistics.median(load_cpu) * 1000, 1)],
        ["answer p50 (µs)", fmt(pick(0.50), 0)],
        ["answer p99 (µs)", fmt(pick(0.99), 0)],
        ["answer p99, CPU time of this thread (µs)", fmt(cpu[int(0.99 * len(cpu))] * 1e6, 0)],
        ["answer max (µs)", fmt(latencies[-1] * 1e6, 0)],
        ["answers/s, one core", fmt(len(latencies) / sum(latencies), 0)],
    ]
    print(table(["measure", "value"], rows))
    return {"rows": rows}


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    main(parser.parse_args().quick, Path(tempfile.mkdtemp(prefix="bench-")))
