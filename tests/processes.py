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

# Each running bot's output, read as it comes. Left unread, a DEBUG log fills asyncio's buffer and the
# pipe (about 192 KB together) and the bot blocks in its next log line, holding up its event loop: an
# end-to-end run once stalled for 30 s that way, right after the /workout reply.
_OUTPUT: dict[asyncio.subprocess.Process, asyncio.Task[bytes]] = {}


async def start_bot(*args: str, cwd: Path, **settings: str) -> asyncio.subprocess.Process:
    """``python -m bot.cli ARGS`` (what the ``backcoach`` script runs), output captured together."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        cwd=cwd,
        env=child_env(**settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    assert process.stdout is not None
    _OUTPUT[process] = asyncio.create_task(_read_all(process.stdout))
    return process


async def _read_all(stream: asyncio.StreamReader) -> bytes:
    chunks = []
    while chunk := await stream.read(1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


async def finish(
    process: asyncio.subprocess.Process, stop: signal.Signals | None = signal.SIGINT, within: float = 30
) -> str:
    """Stop the process with ``stop`` (None: wait for it to exit by itself) and return its output."""
    output = _OUTPUT.pop(process)
    if stop is not None and process.returncode is None:
        process.send_signal(stop)
    try:
        await asyncio.wait_for(process.wait(), timeout=within)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise AssertionError(f"the bot did not finish in time:\n{(await output).decode()}") from None
    return (await output).decode()


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
