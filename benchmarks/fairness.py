"""CPU fairness: another chat's /help while hostile 400-letter messages arrive (issue 15, item 6).

In process, on one event loop, as production runs it: the real Application (handlers, one transaction
per update, the answerer) against the in-process Bot API double. 60 hostile messages from 5 chats are
queued at once (half a single 400-letter word, half 400 letters of random words, every one new so no
cache helps); meanwhile a sixth chat sends /help every 10 ms until the last hostile reply is out. The
figure is the time from a /help's arrival (its 10-ms slot, even when the loop was too busy to enqueue it
then) to its reply being sent. The same run without the hostile messages, and once with spell-correction
unbounded (the code before this bound), frame it. The in-process double answers without ever suspending,
so a handler yields the loop less often than against a real Bot API: the figure is a pessimistic one.
"""

from __future__ import annotations

import asyncio
import random
import re
import string
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from common import TOKEN, fmt, table
from telegram import Update
from telegram.request import RequestData

import bot.coach.speller as speller_module
from bot.app import build_application
from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase
from bot.runner import freeze_start_up
from bot.settings import Settings
from fakeapi import FakeBotApi, FakeRequest
from storage.db import create_engine
from storage.migrate import upgrade

HOSTILE_CHATS = 5
HOSTILE_MESSAGES = 60
PROBE_CHAT = 20_000_001
PROBE_EVERY_S = 0.01


class TimedRequest(FakeRequest):
    """The double's transport, noting when each sendMessage to a chat leaves the bot."""

    __slots__ = ("sent", "sent_at")

    def __init__(self, api: FakeBotApi) -> None:
        super().__init__(api)
        self.sent_at: dict[int, list[float]] = {}
        self.sent = asyncio.Event()

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        result = await super().do_request(url, method, request_data, *args, **kwargs)
        if url.endswith("/sendMessage") and request_data is not None:
            chat_id = int(request_data.parameters["chat_id"])  # type: ignore[call-overload]
            self.sent_at.setdefault(chat_id, []).append(time.perf_counter())
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


async def scenario(workdir: Path, run: int, hostile: bool, rng: random.Random) -> list[float]:
    url = f"sqlite+aiosqlite:///{workdir}/fairness-{run}-{int(hostile)}.db"
    await upgrade(url)
    api = FakeBotApi(token=TOKEN)
    request = TimedRequest(api)
    config = Settings(database_url=url, telegram_bot_token=TOKEN)
    engine = create_engine(url)  # as production runs it
    app = build_application(config, engine, token=TOKEN, request=request, rate_limit=False)
    await app.initialize()
    await app.start()

    def update(chat_id: int, text: str) -> Update:
        message = api.make_message(chat_id, chat_id, text)
        return Update.de_json(message, app.bot)

    try:
        # Every chat exists before the measurement, so first-contact work is not in the figure.
        for chat_id in (PROBE_CHAT, *range(PROBE_CHAT + 1, PROBE_CHAT + 1 + HOSTILE_CHATS)):
            await app.process_update(update(chat_id, "/help"))
        request.sent_at.clear()
        freeze_start_up()  # as `backcoach run` does once started: no full collection of start-up's objects
        texts = hostile_texts(rng) if hostile else []
        for index, text in enumerate(texts):
            await app.update_queue.put(update(PROBE_CHAT + 1 + index % HOSTILE_CHATS, text))
        probes: list[float] = []

        def hostile_done() -> bool:
            return sum(len(v) for k, v in request.sent_at.items() if k != PROBE_CHAT) >= len(texts)

        start = time.perf_counter()
        deadline = start + (30 if hostile else 0.4)
        while True:
            # A /help arrives every PROBE_EVERY_S whether or not the loop is free to take it: probes the
            # loop was too busy to enqueue on time count from when they arrived, not from when it got to them.
            now = time.perf_counter()
            while start + len(probes) * PROBE_EVERY_S <= now:
                probes.append(start + len(probes) * PROBE_EVERY_S)
                await app.update_queue.put(update(PROBE_CHAT, "/help"))
            if now >= deadline or (hostile and hostile_done()):
                break
            await asyncio.sleep(0.001)
        while len(request.sent_at.get(PROBE_CHAT, [])) < len(probes):
            request.sent.clear()
            await request.sent.wait()
        return [sent - put for put, sent in zip(probes, request.sent_at[PROBE_CHAT], strict=False)]
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
        chats = range(PROBE_CHAT + 1, PROBE_CHAT + 1 + HOSTILE_CHATS)
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
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main(quick: bool, out: Path) -> dict[str, Any]:
    rng = random.Random(15)
    runs = 3 if quick else 10
    quiet: list[float] = []
    loaded: list[float] = []
    for run in range(runs):
        quiet += asyncio.run(scenario(out, run, False, rng))
        loaded += asyncio.run(scenario(out, run, True, rng))
    with unbounded_correction():
        before = asyncio.run(scenario(out, runs, True, rng))
        before_cpu = hostile_cpu_ms(rng)
    cpu = hostile_cpu_ms(rng)
    per_update = asyncio.run(update_cpu_ms(out, rng))
    print(f"\n## 7. CPU fairness: another chat's /help under {HOSTILE_MESSAGES} hostile messages\n")
    rows = [
        [
            "/help alone",
            len(quiet),
            fmt(pct(quiet, 0.5), 1),
            fmt(pct(quiet, 0.99), 1),
            fmt(max(quiet) * 1000, 1),
        ],
        [
            f"/help while {HOSTILE_MESSAGES} hostile messages from {HOSTILE_CHATS} chats arrive",
            len(loaded),
            fmt(pct(loaded, 0.5), 1),
            fmt(pct(loaded, 0.99), 1),
            fmt(max(loaded) * 1000, 1),
        ],
        [
            "same, spell-correction unbounded (before)",
            len(before),
            fmt(pct(before, 0.5), 1),
            fmt(pct(before, 0.99), 1),
            fmt(max(before) * 1000, 1),
        ],
    ]
    print(table(["scenario", "probes", "p50 (ms)", "p99 (ms)", "max (ms)"], rows))
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
