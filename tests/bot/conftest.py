from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.bot.harness import Harness, running_harness
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """SQLite, and PostgreSQL too when TEST_DATABASE_URL is set."""
    param: str = request.param
    return param


@pytest.fixture
async def bot(backend: str, tmp_path: Path) -> AsyncIterator[Harness]:
    """Handlers through the real Application, on SQLite and (with TEST_DATABASE_URL) PostgreSQL."""
    async with running_harness(tmp_path, backend) as harness:
        yield harness
    assert harness.errors == [], f"handlers raised: {harness.errors!r}"
