"""CPU fairness: other chats' /help while hostile 400-letter messages arrive (issue 15, item 6).

In process, on one event loop, as production runs it: the real Application (the inbox, the update
processor's turns, handlers, one transaction per update, the answerer) against the in-process Bot API
double. 60 hostile messages from 5 chats arrive in one getUpdates batch (half a single 400-letter word,
half 400 letters of random words, every one new so no cache helps); meanwhile a /help arrives every
10 ms until the last hostile reply is out, from 20 other chats in turn (each a chat sending one message
now and then), stored through the inbox with whatever else arrived since the last look, as polling
hands a getUpdates batch over. The figure is the time from a /help's arrival (its 10-ms slot, even when
the loop was too busy to take it then) to its reply being sent, and, independent of how fast the
machine is, how many hostile replies went out between a /help being queued and its reply. The same run
without the hostile messages, with every /help from a single chat (100 a second: that chat is
flooding too, and its own messages queue behind each other), and with spell-correction unbounded (the
answerer before its bound) frame it. The in-process double answers without ever suspending, so a
handler yields the loop less often than against a real Bot API: the figure is a pessimistic one.
"""

from __future__ import annotations

import asyncio
import random
import re
import string
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import TOKEN, fmt, table
from telegram import Update
from telegram.request import RequestData

import bot.coach.speller as speller_module
from bot.app import build_application
from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase
from bot.intake import inbox_of
from bot.runner import freeze_start_up
from bot.settings import Settings
from fakeapi import FakeBotApi, FakeRequest
from storage.db import create_engine
from storage.migrate import upgrade

HOSTILE_CHATS = 5
HOSTILE_MESSAGES = 60
HOSTILE_CHAT = 20_000_101  # the first of them
PROBE_CHAT = 20_000_001  # the first of the chats that send /help, in turn
PROBE_CHATS = 20
PROBE_EVERY_S = 0.01


@dataclass
class Probes:
    """Each /help's wait in ms, how many hostile replies went out while it waited, and the CPU ms of
    each pass of the event loop while they ran (between two wake-ups of a 1-ms timer)."""

    waits: list[float] = field(default_factory=list)
    overtaken: list[int] = field(default_factory=list)
    passes: list[float] = field(default_factory=list)
    # The event loop's CPU ms from each /help being queued to its reply: the wait a core of its own
    # would see, which other processes on a shared machine do not stretch.
    cpu_waits: list[float] = field(default_factory=list)

    def __iadd__(self, other: Probes) -> Probes:
        self.waits += other.waits
        self.overtaken += other.overtaken
        self.passes += other.passes
        self.cpu_waits += other.cpu_waits
        return self


async def heartbeat(passes: list[float]) -> None:
    """The event loop's CPU time between two wake-ups of a 1-ms timer: how long a pass held it."""
    last = time.thread_time()
    while True:
        await asyncio.sleep(0.001)
        now = time.thread_time()
        passes.append((now - last) * 1000)
        last = now


class TimedRequest(FakeRequest):
    """The double's transport, noting when each reply leaves the bot, and how many hostile ones had."""

    __slots__ = ("hostile_sent", "replies", "sent")

    def __init__(self, api: FakeBotApi) -> None:
        super().__init__(api)
        # Per chat, each reply's time, the loop's CPU time then, and the hostile replies sent before it
        # (itself included).
        self.replies: dict[int, list[tuple[float, float, int]]] = {}
        self.hostile_sent = 0
        self.sent = asyncio.Event()

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        result = await super().do_request(url, method, request_data, *args, **kwargs)
        if url.endswith("/sendMessage") and request_data is not None:
            chat_id = int(request_data.parameters["chat_id"])  # type: ignore[call-overload]
            self.hostile_sent += chat_id >= HOSTILE_CHAT
            self.replies.setdefault(chat_id, []).append(
                (time.perf_counter(), time.thread_time(), self.hostile_sent)
            )
            self.sent.set()
        return result


def hostile_texts(rng: random.Random) -> list[str]:
    def word(n: int) -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(n))

    half = HOSTILE_MESSAGES // 2
    one_word = [word(400) for _ in range(half)]
    many = [
        " ".join(word(rng.randint(5, 12)) for _ in range(60))[:400] for _ in range(HOSTILE_MESSAGES - half)
    ]
    return [text for pair in zip(one_word, many, strict=True) for text in pair]


async def scenario(
    workdir: Path, run: int, hostile: bool, rng: random.Random, probe_chats: int = PROBE_CHATS
) -> Probes:
    """/help every PROBE_EVERY_S from ``probe_chats`` chats in turn, with or without the hostile flood."""
    path = workdir / f"fairness-{run}-{int(hostile)}.db"
    path.unlink(missing_ok=True)  # a stored update id would be taken for a duplicate and never queued
    url = f"sqlite+aiosqlite:///{path}"
    await upgrade(url)
    api = FakeBotApi(token=TOKEN)
    request = TimedRequest(api)
    config = Settings(database_url=url, telegram_bot_token=TOKEN)
    engine = create_engine(url)  # as production runs it
    app = build_application(config, engine, token=TOKEN, request=request, rate_limit=False)
    inbox = inbox_of(app)
    await app.initialize()
    await app.start()

    def message(chat_id: int, text: str) -> dict[str, Any]:
        return api.make_message(chat_id, chat_id, text)

    hostile_chats = range(HOSTILE_CHAT, HOSTILE_CHAT + HOSTILE_CHATS)
    probers = range(PROBE_CHAT, PROBE_CHAT + probe_chats)
    try:
        # Every chat exists and every statement and cache on the path is warm before the measurement, as
        # in a bot that has been running: first contact and first use are not in the figure.
        warm_up = [message(chat_id, "/help") for chat_id in probers]
        warm_up += [message(chat_id, "how many sets of rows a week?") for chat_id in hostile_chats]
        await inbox.receive(app, warm_up)
        await app.update_queue.join()
        request.replies.clear()
        freeze_start_up()  # as `backcoach run` does once started: no full collection of start-up's objects
        texts = hostile_texts(rng) if hostile else []
        result = Probes()
        beats = asyncio.create_task(heartbeat(result.passes))
        # One getUpdates batch: stored in the inbox in one INSERT, then queued, as bot.polling does.
        await inbox.receive(
            app, [message(hostile_chats[i % HOSTILE_CHATS], text) for i, text in enumerate(texts)]
        )
        # Per /help: its chat, its arrival slot, the loop's CPU time and the hostile replies already out
        # when it was queued.
        probes: list[tuple[int, float, float, int]] = []
        start = time.perf_counter()
        deadline = start + (30 if hostile else 0.4)
        while True:
            # A /help arrives every PROBE_EVERY_S whether or not the loop is free to take it: probes the
            # loop was too busy to take on time count from when they arrived, not from when it got to them.
            now = time.perf_counter()
            due = []
            while start + len(probes) * PROBE_EVERY_S <= now:
                chat_id = probers[len(probes) % probe_chats]
                slot = start + len(probes) * PROBE_EVERY_S
                probes.append((chat_id, slot, time.thread_time(), request.hostile_sent))
                due.append(message(chat_id, "/help"))
            if due:
                await inbox.receive(app, due)  # what arrived since the last getUpdates, as one batch
            if now >= deadline or (hostile and request.hostile_sent >= len(texts)):
                break
            await asyncio.sleep(0.001)
        while sum(len(request.replies.get(chat_id, [])) for chat_id in probers) < len(probes):
            request.sent.clear()
            await request.sent.wait()
        beats.cancel()
        seen: dict[int, int] = {}
        for chat_id, arrived, cpu_queued, queued_after in probes:
            # A chat's replies come out in the order of its messages.
            sent, cpu_sent, hostile_before = request.replies[chat_id][seen.setdefault(chat_id, 0)]
            seen[chat_id] += 1
            result.waits.append((sent - arrived) * 1000)
            result.cpu_waits.append((cpu_sent - cpu_queued) * 1000)
            result.overtaken.append(hostile_before - queued_after)
        return result
    finally:
        await app.stop()
        await app.shutdown()


async def update_cpu_ms(workdir: Path, rng: random.Random) -> list[float]:
    """Event-loop CPU of each hostile update, handled one at a time (handler, transaction, reply)."""
    url = f"sqlite+aiosqlite:///{workdir}/fairness-cpu.db"
    await upgrade(url)
    api = FakeBotApi(token=TOKEN)
    config = Settings(database_url=url, telegram_bot_token=TOKEN)
    engine = create_engine(url)
    app = build_application(config, engine, token=TOKEN, request=FakeRequest(api), rate_limit=False)
    await app.initialize()
    try:
        chats = range(HOSTILE_CHAT, HOSTILE_CHAT + HOSTILE_CHATS)
        for chat_id in chats:
            await app.process_update(Update.de_json(api.make_message(chat_id, chat_id, "/help"), app.bot))
        spent = []
        for index, text in enumerate(hostile_texts(rng)):
            chat_id = chats[index % HOSTILE_CHATS]
            update = Update.de_json(api.make_message(chat_id, chat_id, text), app.bot)
            start = time.thread_time()
            await app.process_update(update)
            spent.append((time.thread_time() - start) * 1000)
        return sorted(spent)
    finally:
        await app.shutdown()


@contextmanager
def unbounded_correction() -> Iterator[None]:
    """The spell corrector as it was before the bound: any token length, any number of corrections."""
    module = speller_module
    saved = module.MAX_CORRECTABLE, module.CORRECTION_BUDGET, module.UNPRONOUNCEABLE
    module.MAX_CORRECTABLE, module.CORRECTION_BUDGET = 10**6, 10**12
    module.UNPRONOUNCEABLE = re.compile(r"(?!)")  # matches nothing: every token is tried
    try:
        yield
    finally:
        module.MAX_CORRECTABLE, module.CORRECTION_BUDGET, module.UNPRONOUNCEABLE = saved


def hostile_cpu_ms(rng: random.Random) -> list[float]:
    """Answerer CPU per hostile message, on a fresh answerer (nothing cached)."""
    answerer = Answerer(KnowledgeBase.load())
    spent = []
    for text in hostile_texts(rng):
        start = time.process_time()
        answerer.answer(text)
        spent.append((time.process_time() - start) * 1000)
    return sorted(spent)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def row(name: str, probes: Probes) -> list[Any]:
    waits, overtaken = probes.waits, [float(n) for n in probes.overtaken]
    return [
        name,
        len(waits),
        fmt(pct(waits, 0.5), 1),
        fmt(pct(waits, 0.99), 1),
        fmt(max(waits), 1),
        f"{pct(probes.cpu_waits, 0.5):.1f} / {pct(probes.cpu_waits, 0.99):.1f}",
        f"{pct(overtaken, 0.5):.0f} / {pct(overtaken, 0.99):.0f} / {max(overtaken):.0f}",
        f"{pct(probes.passes, 0.99):.1f} / {max(probes.passes):.1f}",
    ]


def main(quick: bool, out: Path) -> dict[str, Any]:
    rng = random.Random(15)
    runs = 3 if quick else 10
    quiet, loaded, one_chat = Probes(), Probes(), Probes()
    for run in range(runs):
        quiet += asyncio.run(scenario(out, run, False, rng))
        loaded += asyncio.run(scenario(out, run, True, rng))
        one_chat += asyncio.run(scenario(out, runs + run, True, rng, probe_chats=1))
    with unbounded_correction():
        before = asyncio.run(scenario(out, 2 * runs, True, rng))
        before_cpu = hostile_cpu_ms(rng)
    cpu = hostile_cpu_ms(rng)
    per_update = asyncio.run(update_cpu_ms(out, rng))
    print(f"\n## 7. CPU fairness: another chat's /help under {HOSTILE_MESSAGES} hostile messages\n")
    flood = f"{HOSTILE_MESSAGES} hostile messages from {HOSTILE_CHATS} chats"
    rows = [
        row("/help alone", quiet),
        row(f"/help while {flood} arrive", loaded),
        row("same, every /help from one chat (100 a second: a backlog of its own)", one_chat),
        row("same, spell-correction unbounded (one run)", before),
    ]
    headers = [
        "scenario",
        "probes",
        "p50 (ms)",
        "p99 (ms)",
        "max (ms)",
        "loop CPU, queued to reply, p50/p99 (ms)",
        "hostile replies before it p50/p99/max",
        "loop pass, CPU ms p99/max",
    ]
    print(table(headers, rows))
    print(
        f"\nAnswerer CPU per hostile message: median {fmt(cpu[len(cpu) // 2], 2)} ms, "
        f"max {fmt(cpu[-1], 2)} ms (unbounded: median {fmt(before_cpu[len(before_cpu) // 2], 1)} ms, "
        f"max {fmt(before_cpu[-1], 1)} ms)"
    )
    print(
        f"Event-loop CPU per hostile update (handler, transaction, reply to the in-process double): median "
        f"{fmt(per_update[len(per_update) // 2], 2)} ms, max {fmt(per_update[-1], 2)} ms"
    )
    return {"rows": rows}


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    main(args.quick, Path(tempfile.mkdtemp(prefix="backcoach-fairness-")))
