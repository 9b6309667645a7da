"""Child processes the tests and benchmarks start: a clean environment, and a stop that always ends them.

Imported as ``benchmarks.children`` by ``benchmarks/replicas.py``, ``tests/processes.py`` and
``tests/test_scale_out.py`` (the repository root is on the path in both: pytest's ``pythonpath`` and
``run_all.py``), so every child is started and stopped the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
# How long a child has to exit after the stop signal, and again after SIGKILL. A bot's graceful stop
# hands its reminder lead over and waits for a running dispatch to hand its rows back: a few seconds
# on a loaded two-core machine, so 15 s is a hang, not a slow stop.
STOP_TIMEOUT = 15.0


def child_env(**settings: str) -> dict[str, str]:
    """This environment without any Back Coach setting of the developer's (every ``Settings`` field, by
    its variable name), with this checkout first on the path, plus ``settings``."""
    own = {name.upper() for name in Settings.model_fields}
    env = {key: value for key, value in os.environ.items() if key.upper() not in own}
    return env | {"PYTHONPATH": str(ROOT)} | settings


async def stop_process(process: asyncio.subprocess.Process, signum: int = signal.SIGTERM) -> None:
    """End a child we started: ``signum``, then SIGKILL if it has not exited within ``STOP_TIMEOUT``."""
    if process.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signum)
    try:
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
