"""Run every Back Coach benchmark and print the results as Markdown (``make bench`` / ``make bench-quick``).

Figures, not assertions: nothing here fails because a number is low. ``--quick`` scales every
benchmark down to finish in under a minute; the full run takes about a quarter of an hour.
Servers and bots run as child processes on 127.0.0.1 and are always stopped on exit.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

# Sections import each other by module name (benchmarks/ on the path) and shared helpers as
# ``benchmarks.children`` (the repository root on the path, as under pytest).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import charts
import fairness
import fanout
import questions
import replicas
import scale
import throughput

SECTIONS = {
    "throughput": throughput,
    "fanout": fanout,
    "scale": scale,
    "questions": questions,
    "charts": charts,
    "fairness": fairness,
    "replicas": replicas,
}


def machine() -> str:
    cpu = "?"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        ram = int(info.readline().split()[1]) / 1024 / 1024
    libs = ", ".join(
        f"{name} {version(name)}"
        for name in (
            "python-telegram-bot",
            "httpx",
            "aiohttp",
            "SQLAlchemy",
            "aiosqlite",
            "asyncpg",
            "APScheduler",
            "tornado",
            "matplotlib",
        )
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {ram:.0f} GiB RAM, {platform.platform()}\n"
        f"Python {platform.python_version()}; {libs}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="scaled-down run, under a minute")
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append", help="run just these sections")
    parser.add_argument(
        "--out", type=Path, help="keep databases, logs and profiles here (default: a temp dir)"
    )
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="backcoach-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"# Back Coach benchmarks ({'quick' if args.quick else 'full'})\n\n{machine()}\nWork dir: {out}")
    start = time.perf_counter()
    for name, module in SECTIONS.items():
        if args.only and name not in args.only:
            continue
        module.main(args.quick, out)
    print(f"\nTotal {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
