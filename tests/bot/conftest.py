from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.bot.harness import Harness, running_harness


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_harness(tmp_path) as harness:
        yield harness
    assert harness.errors == [], f"handlers raised: {harness.errors!r}"
