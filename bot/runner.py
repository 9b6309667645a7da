"""Starting the real bot: migrations, logging with the token redacted, then polling or a webhook."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update

from bot.app import build_application
from bot.logs import configure_logging
from bot.settings import Settings
from storage.db import create_engine
from storage.migrate import upgrade

log = logging.getLogger(__name__)


def run_bot(config: Settings, *, webhook: bool = False) -> int:
    token = config.require_token()
    secrets = (token,) + ((config.webhook_secret.get_secret_value(),) if config.webhook_secret else ())
    configure_logging(config.log_level_number, secrets)
    asyncio.run(upgrade(config.database_url))
    app = build_application(config, create_engine(config.database_url), token=token)
    log.info("Back Coach starting (%s)", "webhook" if webhook else "polling")
    app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
