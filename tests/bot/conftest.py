from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.bot.harness import Harness, running_harness
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
async def bot(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Harness]:
    """Handlers through the real Application, on SQLite and (with TEST_DATABASE_URL) PostgreSQL."""
    async with running_harness(tmp_path, request.param) as harness:
        yield harness
    assert harness.errors == [], f"handlers raised: {harness.errors!r}"
