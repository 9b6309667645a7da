"""The runner's life cycle around the Application: start-up hooks, then freezing what start-up built."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from bot import reminder_job as service
from bot import runner
from bot.app import build_application
from bot.settings import Settings
from fakeapi import FakeBotApi, FakeRequest
from storage.db import create_engine
from storage.migrate import upgrade
from tests.bot.harness import TOKEN


async def test_start_up_is_frozen_out_of_the_collectors_sight_once_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bot.db"
    await upgrade(url)
    api = FakeBotApi(token=TOKEN)
    config = Settings(database_url=url, telegram_bot_token=TOKEN)
    app = build_application(
        config, create_engine(url), token=TOKEN, request=FakeRequest(api), rate_limit=False
    )
    job_queue = app.job_queue
    assert job_queue is not None
    scheduled_when_frozen: list[bool] = []
    monkeypatch.setattr(
        gc,
        "freeze",
        lambda: scheduled_when_frozen.append(bool(job_queue.get_jobs_by_name(service.TICK_JOB_NAME))),
    )
    async with runner._life_cycle(app):
        assert scheduled_when_frozen == [True], (
            "frozen once, after post_init had built and scheduled everything"
        )
        assert api.commands(), "post_init published the command menu"
    assert job_queue.get_jobs_by_name(service.TICK_JOB_NAME) == (), "post_shutdown ran"


def test_the_bot_runs_on_uvloop_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    uvloop = pytest.importorskip("uvloop")
    assert Settings().event_loop == "uvloop"
    factory = runner.loop_factory("uvloop")
    assert factory is not None
    loop = factory()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()
    assert runner.loop_factory("asyncio") is None
    # Where uvloop is missing (Windows), asyncio's own loop, and a line saying so.
    monkeypatch.setitem(sys.modules, "uvloop", None)
    assert runner.loop_factory("uvloop") is None
    assert "uvloop is not installed" in caplog.text
