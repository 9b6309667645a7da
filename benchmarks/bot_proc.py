"""One bot process for the throughput benchmark: a bare PTB echo bot or Back Coach, polling.

The echo bot polls with PTB's ``run_polling``; Back Coach with its own loop through the inbox
(``bot.polling``), as ``backcoach run`` does. The benchmark times them from the server side, so
nothing here measures anything. ``--profile`` wraps the whole run in pyinstrument.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, ContextTypes, MessageHandler
from telegram.ext import filters as f
from telegram.request import HTTPXRequest


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(update.effective_message.text or "")


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()


def echo_app(base_url: str, token: str, transport: str) -> Application[Any, Any, Any, Any, Any, Any]:
    # The textbook echo bot, plus the one-line answer every bot owes a button press (the mix has them).
    builder = ApplicationBuilder().token(token).base_url(base_url)
    if transport == "aiohttp":
        # What the transport alone is worth: the same echo bot on Back Coach's transport.
        from bot.request import AiohttpRequest

        builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest())
    app = builder.build()
    app.add_handler(MessageHandler(f.TEXT, echo))
    app.add_handler(CallbackQueryHandler(answer))
    return app


def coach_app(args: argparse.Namespace) -> Application[Any, Any, Any, Any, Any, Any]:
    from bot.app import build_application
    from bot.settings import Settings
    from storage.db import create_engine

    # The settings each variant changes; the rest as shipped.
    chosen = {
        "update_concurrency": args.update_concurrency,
        "event_loop": args.event_loop,
    }
    overrides = {name: value for name, value in chosen.items() if value is not None}
    config = Settings(telegram_base_url=args.base_url, database_url=args.db, log_level="WARNING", **overrides)
    kwargs: dict[str, Any] = {"rate_limit": args.rate_limit}
    if args.request == "httpx":
        # PTB's own transport, sized as ApplicationBuilder sizes it by default. Without a transport
        # handed in, build_application uses what ships: bot.request.AiohttpRequest.
        kwargs |= {"request": HTTPXRequest(connection_pool_size=256), "updates_request": HTTPXRequest()}
    engine = create_engine(config.database_url)
    return build_application(config, engine, token=args.token, **kwargs)


async def poll_coach(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """What ``bot.runner`` does in polling mode, minus its checks: until SIGINT or SIGTERM."""
    import asyncio
    import signal

    from bot.intake import inbox_of
    from bot.polling import poll

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await app.initialize()
    try:
        await app.start()
        await poll(app, inbox_of(app), stop, on_conflict=lambda _error: False, long_poll=5)
        await app.stop()
    finally:
        await app.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["echo", "coach"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--db", default="")
    parser.add_argument(
        "--request", choices=["httpx", "aiohttp"], help="default: httpx for echo, as shipped for coach"
    )
    parser.add_argument("--rate-limit", action="store_true", help="keep AIORateLimiter as production does")
    parser.add_argument("--event-loop", choices=["uvloop", "asyncio"], help="default: EVENT_LOOP's default")
    parser.add_argument("--profile", default="")
    parser.add_argument("--update-concurrency", type=int, help="default: UPDATE_CONCURRENCY's default")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    app = echo_app(args.base_url, args.token, args.request) if args.kind == "echo" else coach_app(args)
    if args.kind == "coach":
        import asyncio

        from bot.runner import freeze_start_up, loop_factory

        freeze_start_up()  # as bot.runner does once the application is up
        # On the event loop bot.runner would pick (uvloop unless EVENT_LOOP says otherwise); run_polling
        # takes the loop it finds set. The echo bot keeps asyncio's, as a bare PTB bot does.
        factory = loop_factory(app.bot_data.settings.event_loop)
        if factory is not None:
            asyncio.set_event_loop(factory())

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        # The event loop's thread (SQLite's statements run on aiosqlite's own, which this does not sample).
        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
    try:
        if args.kind == "coach":
            import asyncio

            asyncio.get_event_loop().run_until_complete(poll_coach(app))
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=5)
    finally:
        if profiler is not None:
            profiler.stop()
            with open(args.profile, "w") as out:
                out.write(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
