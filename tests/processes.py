"""Running `backcoach` as a real process against the Bot API double, for the end-to-end tests.

Every wait here is bounded, and a process that will not stop is killed, so a hung bot fails a test
instead of hanging the suite.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from benchmarks.children import child_env
from fakeapi import FakeBotApi, SentMessage


async def start_bot(*args: str, cwd: Path, **settings: str) -> asyncio.subprocess.Process:
    """``python -m bot.cli ARGS`` (what the ``backcoach`` script runs), output captured together."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        cwd=cwd,
        env=child_env(**settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def finish(
    process: asyncio.subprocess.Process, stop: signal.Signals | None = signal.SIGINT, within: float = 30
) -> str:
    """Stop the process with ``stop`` (None: wait for it to exit by itself) and return its output."""
    if stop is not None and process.returncode is None:
        process.send_signal(stop)
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout=within)
    except TimeoutError:
        process.kill()
        output, _ = await process.communicate()
        raise AssertionError(f"the bot did not finish in time:\n{output.decode()}") from None
    return output.decode()


async def wait_for_messages(
    api: FakeBotApi, chat_id: int, count: int, within: float = 30
) -> list[SentMessage]:
    """Bounded wait until the bot has sent ``count`` messages to the chat."""
    arrived = asyncio.Event()
    unsubscribe = api.subscribe(lambda _message: arrived.set())
    try:
        async with asyncio.timeout(within):
            while len(api.messages_for(chat_id)) < count:
                await arrived.wait()
                arrived.clear()
    except TimeoutError:
        raise AssertionError(
            f"{len(api.messages_for(chat_id))} messages to {chat_id}, expected {count}"
        ) from None
    finally:
        unsubscribe()
    return api.messages_for(chat_id)
