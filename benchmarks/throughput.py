"""Update throughput: a bare PTB echo bot and Back Coach polling the same loopback server, interleaved.

The server (its own process) is loaded with N updates while the bot is already long-polling; the rate
is N / (last bot call after the load - load time), read from the server's clock, so process start-up,
imports and migrations are outside the measurement and both bots are timed identically.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import random
import shutil
import statistics
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common import (
    FIRST_CHAT,
    ROOT,
    TOKEN,
    Population,
    bench_server,
    child,
    control,
    fake_server,
    fmt,
    populate,
    table,
    wait_until,
)

from bot import callbacks

MIX = (("workout", 0.30), ("done", 0.25), ("question", 0.30), ("streak", 0.15))


def questions() -> list[str]:
    found = []
    for line in (ROOT / "evals" / "dev.tsv").read_text().splitlines():
        if line and not line.startswith("#") and "\t" in line:
            found.append(line.split("\t", 1)[1])
    return found


def workload(count: int, chats: int, seed: int = 11) -> list[dict[str, Any]]:
    """The realistic mix over ``chats`` onboarded private chats, spread round-robin-ish at random."""
    rng = random.Random(seed)
    asked = questions()
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    now = int(time.time())
    updates = []
    for index in range(count):
        chat_id = FIRST_CHAT + rng.randrange(chats)
        user = {"id": chat_id, "is_bot": False, "first_name": "U", "language_code": "en"}
        chat = {"id": chat_id, "type": "private", "first_name": "U"}
        kind = rng.choices(kinds, weights)[0]
        if kind == "done":
            message = {"message_id": 1, "from": {"id": 5550001, "is_bot": True, "first_name": "B"}}
            message |= {"chat": chat, "date": now, "text": "Today's session"}
            query = {"id": f"q{index}", "from": user, "message": message, "chat_instance": "1"}
            updates.append({"callback_query": query | {"data": callbacks.pack("done")}})
            continue
        text = {"workout": "/workout", "streak": "/streak"}.get(kind) or rng.choice(asked)
        message = {"message_id": index + 2, "from": user, "chat": chat, "date": now, "text": text}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
        updates.append({"message": message})
    return updates


@dataclass
class Variant:
    name: str
    args: list[str]
    needs_db: bool
    count: int | None = None  # overrides the round's update count (the rate-limited variant is slow)
    rates: list[float] = field(default_factory=list)
    calls: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # seconds of the bot process's CPU per update


def one_round(
    base: str, variant: Variant, updates: list[dict[str, Any]], db: Path | None, log: Path
) -> float:
    control(base, "/_bench/reset", {})
    args = [*variant.args, "--base-url", f"{base}/bot", "--token", TOKEN]
    if db is not None:
        args += ["--db", f"sqlite+aiosqlite:///{db}"]
    with log.open("a") as out, child(["benchmarks/bot_proc.py", *args], stdout=out) as process:
        # Start timing only once the bot is long-polling an empty queue.
        if not wait_until(lambda: control(base, "/_bench/stats")["calls"].get("getupdates", 0) > 0, 60):
            raise RuntimeError(f"{variant.name} never polled; see {log}")
        time.sleep(0.5)  # let the first long poll settle and a first scheduler tick pass
        cpu_before = cpu_seconds(process.pid)
        control(base, "/_bench/load", {"updates": updates})
        deadline = time.monotonic() + max(120.0, len(updates) / 20)
        while time.monotonic() < deadline:
            time.sleep(0.25)
            stats = control(base, "/_bench/stats")
            last = stats["last_call"] or 0.0
            if stats["acked_all"] and last > stats["t_load"] and stats["now"] - last > 0.5:
                break
            if process.poll() is not None:
                raise RuntimeError(f"{variant.name} exited early; see {log}")
        else:
            raise RuntimeError(f"{variant.name} did not finish {len(updates)} updates in time; see {log}")
        variant.cpu.append((cpu_seconds(process.pid) - cpu_before) / len(updates))
    calls = sum(v for k, v in stats["calls"].items() if k not in ("getupdates", "getme", "deletewebhook"))
    variant.calls.append(calls)
    return len(updates) / (stats["last_call"] - stats["t_load"])


def cpu_seconds(pid: int) -> float:
    """The process's CPU time so far (user + system): unlike a rate, barely moved by other load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _loadgen(base: str, seconds: float, connections: int) -> float:
    """Raw keep-alive HTTP/1.1 clients hammering sendMessage; cheap enough to saturate one server core."""
    host, port = base.removeprefix("http://").split(":")
    body = b"chat_id=1&text=hello+world"
    request = (
        f"POST /bot{TOKEN}/sendMessage HTTP/1.1\r\nHost: {host}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    done = 0
    stop = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.perf_counter() < stop:
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                await reader.readexactly(length)
                done += 1
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    return done / (time.perf_counter() - start)


def server_capacity(seconds: float) -> list[list[str]]:
    rows = []
    for name, server in (
        ("benchmarks/benchserver.py", bench_server),
        ("fakeapi.server (the test double)", fake_server),
    ):
        with server() as base:
            rate = asyncio.run(_loadgen(base, seconds, 8))
        rows.append([name, fmt(rate, 0)])
    return rows


def main(quick: bool, out: Path) -> dict[str, Any]:
    count, chats, rounds = (500, 1_000, 3) if quick else (3_000, 2_000, 4)
    print(f"\n## 1. Update throughput ({count} updates over {chats} pre-onboarded chats, {rounds} rounds)\n")
    capacity = server_capacity(0.5 if quick else 4.0)
    print("Server capacity (sendMessage, 8 keep-alive connections, raw client):\n")
    print(table(["server", "requests/s"], capacity))

    template = out / "throughput-template.db"
    asyncio.run(
        populate(f"sqlite+aiosqlite:///{template}", Population(chats, history=True), datetime.now(UTC))
    )
    updates = workload(count, chats)
    variants = [
        Variant("bare PTB echo (HTTPXRequest)", ["echo"], needs_db=False),
        Variant("Back Coach (defaults, AIORateLimiter off)", ["coach"], needs_db=True),
    ]
    if not quick:
        # What each of the main choices is worth, one changed at a time, in the same run. (Each bot
        # process takes seconds to start: the quick run keeps to the two rows the target compares.)
        variants += [
            Variant("… on PTB's HTTPXRequest", ["coach", "--request", "httpx"], True),
            Variant("… with UPDATE_CONCURRENCY=1", ["coach", "--update-concurrency", "1"], True),
            Variant("… with EVENT_LOOP=asyncio", ["coach", "--event-loop", "asyncio"], True),
            Variant("bare PTB echo on bot.request.AiohttpRequest", ["echo", "--request", "aiohttp"], False),
            # As `backcoach run` ships: AIORateLimiter holds every chat send to 30/s overall by design.
            Variant(
                "Back Coach with AIORateLimiter (as `backcoach run`)", ["coach", "--rate-limit"], True, 600
            ),
        ]
    log = out / "throughput-bots.log"
    with bench_server() as base:
        for round_no in range(rounds):
            for variant in variants:
                if variant.count is not None and round_no > 0:
                    continue
                db = None
                if variant.needs_db:
                    db = out / "throughput-round.db"
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{db}{suffix}").unlink(missing_ok=True)
                    shutil.copy(template, db)
                batch = updates[: variant.count] if variant.count else updates
                variant.rates.append(one_round(base, variant, batch, db, log))
                print(
                    f"  round {round_no + 1}: {variant.name}: {fmt(variant.rates[-1])} updates/s", flush=True
                )
        profiles = []
        if not quick and importlib.util.find_spec("pyinstrument") is None:
            print("  (pyinstrument is not installed: no profiles; pip install pyinstrument)")
        elif not quick:
            # Whole-process pyinstrument profiles of one extra round each (not part of the figures).
            for variant in variants[:2]:
                profile = out / f"profile-{variant.args[0]}.txt"
                args = [*variant.args, "--profile", str(profile)]
                one_round(base, Variant("profile", args, True), updates, _fresh(template, out), log)
                profiles.append(str(profile))
    echo = statistics.median(variants[0].rates)
    rows = []
    for variant in variants:
        rate = statistics.median(variant.rates)
        per_update = statistics.mean(variant.calls) / (variant.count or count)
        rows.append(
            [
                variant.name,
                fmt(rate),
                fmt(min(variant.rates)) + "–" + fmt(max(variant.rates)),
                f"{rate / echo:.2f}×",
                f"{per_update:.2f}",
                fmt(statistics.median(variant.cpu) * 1e6, 0),
                f"{statistics.median(variants[0].cpu) / statistics.median(variant.cpu):.2f}×",
            ]
        )
    print()
    headers = [
        "bot",
        "updates/s (median)",
        "range",
        "vs echo",
        "API calls/update",
        "CPU µs/update",
        "CPU vs echo",
    ]
    print(table(headers, rows))
    print(
        "\nCPU µs/update: the bot process's own CPU time (user + system) per update, median over the\n"
        "rounds. CPU vs echo: the echo bot's figure over the row's, the rate ratio an unloaded machine\n"
        "would show if both bots were CPU-bound; on a busy machine, the steadier of the two ratios."
    )
    for profile in profiles:
        print(f"pyinstrument profile: {profile}")
    return {"capacity": capacity, "rows": rows, "profiles": profiles}


def _fresh(template: Path, out: Path) -> Path:
    db = out / "throughput-profile.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)
    return db


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parsed = parser.parse_args()
    main(parsed.quick, Path(tempfile.mkdtemp(prefix="bench-")))
