"""Starting the real bot: migrations, logging with the token redacted, then polling or a webhook.

Both modes run the Application's life cycle here rather than through PTB's ``run_polling`` /
``run_webhook``: webhook mode serves its own HTTP app (see ``bot.webhook``); polling is our own loop
through the inbox (``bot.polling``), which must give up with a clear message when another process
holds the token or the token is revoked; and the exit status has to tell a supervisor what happened.
Every way start-up or intake can fail ends in one log line naming what to check (``bot.startup``).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from typing import Final

from telegram import Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, TelegramError

from bot.app import build_application
from bot.context import CoachApplication
from bot.intake import inbox_of
from bot.logs import configure_logging
from bot.polling import IntakeFailed, poll
from bot.request import AiohttpRequest
from bot.settings import Settings, WebhookEndpoint
from bot.startup import explain_database, explain_telegram, is_database_error, sqlite_file_problem
from bot.webhook import WebhookServer
from storage.db import create_engine
from storage.migrate import upgrade

log = logging.getLogger(__name__)

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_BAD_TOKEN: Final = 2
# Its own status so a supervisor can be told not to restart into the same conflict
# (systemd: RestartPreventExitStatus=3).
EXIT_CONFLICT: Final = 3

ANOTHER_POLLER = "another instance is polling with this token — stop it or use --webhook"
# A restart that briefly overlaps its predecessor sees a conflict or two; an instance that keeps
# polling beside us keeps producing them.
CONFLICTS_TO_GIVE_UP: Final = 3
CONFLICT_WINDOW_SECONDS: Final = 60.0


class ConflictWatch:
    """Counts getUpdates conflicts and says when they are no longer a passing overlap."""

    def __init__(
        self,
        limit: int = CONFLICTS_TO_GIVE_UP,
        window: float = CONFLICT_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: list[float] = []

    def conflict(self) -> bool:
        """Record one conflict; True once there were ``limit`` of them within ``window`` seconds."""
        now = self.clock()
        self._seen = [moment for moment in self._seen if now - moment < self.window] + [now]
        return len(self._seen) >= self.limit


def run_bot(config: Settings, *, webhook: bool = False) -> int:
    token = config.require_token()
    endpoint = config.require_webhook() if webhook else None
    secrets = (token,) + ((config.webhook_secret.get_secret_value(),) if config.webhook_secret else ())
    configure_logging(config.log_level_number, secrets)
    # Every update would otherwise add an access-log line; refused requests still log at WARNING.
    logging.getLogger("tornado.access").setLevel(max(config.log_level_number, logging.WARNING))
    with asyncio.Runner(loop_factory=loop_factory(config.event_loop)) as runner:
        return runner.run(_run(config, token, endpoint))


def loop_factory(choice: str) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop unless the settings ask for asyncio's own (None) or uvloop is not installed.

    Every update crosses the loop several times (the Bot API's sockets; a reminder run's statements on
    aiosqlite's worker thread), and uvloop's loop does each crossing in C.
    """
    if choice != "uvloop":
        return None
    try:
        import uvloop
    except ImportError:
        log.warning("EVENT_LOOP=uvloop but uvloop is not installed: running on asyncio's own loop")
        return None
    return uvloop.new_event_loop


async def _run(config: Settings, token: str, endpoint: WebhookEndpoint | None) -> int:
    stop = asyncio.Event()
    debug = config.log_level_number <= logging.DEBUG
    with _stop_on_signals(stop):
        problem = sqlite_file_problem(config.database_url)
        if problem is not None:
            log.error(problem)
            return EXIT_FAILED
        try:
            await upgrade(config.database_url)
        except Exception as error:
            log.error(explain_database(error, config.database_url), exc_info=error if debug else None)
            return EXIT_FAILED
        engine = create_engine(config.database_url)
        # Owned here, so they are closed however start-up ends ("Unclosed client session" otherwise).
        transports = [
            AiohttpRequest(),
            AiohttpRequest(connection_pool_size=1),
            AiohttpRequest(connection_pool_size=config.reminder_concurrency),
        ]
        request, updates_request, reminder_request = transports
        app = build_application(
            config,
            engine,
            token=token,
            request=request,
            updates_request=updates_request,
            reminder_request=reminder_request,
        )
        log.info("Back Coach starting (%s)", "webhook" if endpoint else "polling")
        try:
            async with _life_cycle(app):
                if endpoint is None:
                    return await _poll(app, stop)
                return await _serve_webhook(app, config, endpoint, stop)
        except IntakeFailed as failure:
            log.error("%s", failure)
            return failure.status
        except InvalidToken:
            log.error("Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): check it with @BotFather")
            return EXIT_BAD_TOKEN
        except TelegramError as error:
            base_url = config.telegram_base_url or "https://api.telegram.org/bot"
            # The Bot API's own answer says it all; a network failure's traceback may say more.
            network = isinstance(error, NetworkError) and not isinstance(error, BadRequest) and debug
            log.error(explain_telegram(error, base_url), exc_info=error if network else None)
            return EXIT_FAILED
        except OSError as error:
            log.error(explain_os(error, config), exc_info=error if debug else None)
            return EXIT_FAILED
        except Exception as error:
            if is_database_error(error):
                log.error(explain_database(error, config.database_url), exc_info=error if debug else None)
            else:
                log.error("stopped: %s: %s", type(error).__name__, error, exc_info=error if debug else None)
            return EXIT_FAILED
        finally:
            await asyncio.gather(*(transport.shutdown() for transport in transports), return_exceptions=True)
            await engine.dispose()


def explain_os(error: OSError, config: Settings) -> str:
    if isinstance(error, PermissionError | OSError) and error.errno is not None:
        return (
            f"could not listen on {config.webhook_listen}:{config.webhook_port} ({error.strerror}) — "
            "check WEBHOOK_LISTEN and WEBHOOK_PORT"
        )
    return f"stopped: {type(error).__name__}: {error}"


@asynccontextmanager
async def _life_cycle(app: CoachApplication) -> AsyncIterator[None]:
    """initialize → post_init → (caller starts receiving) → stop → post_stop → shutdown → post_shutdown.

    The same order as PTB's ``run_polling``, so what ``bot.app`` hooks into post_init and post_shutdown
    (the command menu, the reminder scheduler, disposing the engine) runs in both modes.
    """
    try:
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        freeze_start_up()
        yield
    finally:
        if app.running:
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


def freeze_start_up() -> None:
    """Everything built so far (modules, knowledge base, content) lives as long as the process: out of
    the collector's sight, a full collection stops taking ~60 ms, a stall that would bunch paced sends."""
    gc.collect()
    gc.freeze()


@contextmanager
def _stop_on_signals(stop: asyncio.Event) -> Iterator[None]:
    """SIGINT and SIGTERM ask for a graceful stop instead of interrupting whatever is running."""
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Event loops without signal support (Windows' proactor) leave Ctrl+C as KeyboardInterrupt.
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
    try:
        yield
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)


async def _poll(app: CoachApplication, stop: asyncio.Event) -> int:
    # Polling would need the webhook deleted. A webhook here belongs to a webhook deployment of this
    # bot, and deleting it would silently take its updates away, so polling refuses instead.
    info = await app.bot.get_webhook_info()
    if info.url:
        log.error(
            "a webhook is set for this bot (%s), so another deployment receives its updates — stop it "
            "and delete the webhook before polling, or use --webhook",
            info.url,
        )
        return EXIT_CONFLICT

    watch = ConflictWatch()
    reason: list[str] = []

    def on_conflict(error: Conflict) -> bool:
        if watch.conflict():
            webhook = "webhook" in str(error).lower()
            reason.append(
                "a webhook was set for this bot while polling — stop polling or use --webhook"
                if webhook
                else ANOTHER_POLLER
            )
            return True
        return False

    inbox = inbox_of(app)
    await app.start()
    await inbox.prune()
    await inbox.replay(app)
    await poll(app, inbox, stop, on_conflict=on_conflict)
    if not reason:
        return EXIT_OK
    log.error(reason[0])
    return EXIT_CONFLICT


async def _serve_webhook(
    app: CoachApplication, config: Settings, endpoint: WebhookEndpoint, stop: asyncio.Event
) -> int:
    server = WebhookServer(
        app,
        path=endpoint.path,
        secret=endpoint.secret,
        listen=config.webhook_listen,
        port=config.webhook_port,
        max_body_bytes=config.webhook_max_body_bytes,
    )
    await app.start()
    await inbox_of(app).prune()
    await inbox_of(app).replay(app)
    async with server:
        log.info("webhook listening on %s:%d%s", server.listen, server.port, endpoint.path)
        # Every replica sets the same webhook; Telegram treats the repeat as a no-op, so no replica has
        # to be special. drop_pending_updates=False: updates queued during a deploy are still wanted.
        await app.bot.set_webhook(
            url=endpoint.url,
            secret_token=endpoint.secret,
            allowed_updates=Update.ALL_TYPES,
            drop_pending_updates=False,
        )
        await stop.wait()
        log.info("stopping: no new updates accepted, finishing the queued ones")
    # Leaving the webhook set on purpose: other replicas may still be serving it.
    return EXIT_OK
