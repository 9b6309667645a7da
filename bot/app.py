"""Builds the PTB Application: every handler is registered here, in one place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot, BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import callbacks, intake, reminder_job
from bot.coach import rules
from bot.coach.answerer import Answerer
from bot.coach.knowledge import KnowledgeBase
from bot.coach.texts import ReminderTexts, Texts
from bot.context import BotContext, CoachApplication, CoachBot, Services, system_clock
from bot.handlers import (
    admin,
    age,
    as_written,
    cautions,
    cautions_fine,
    cautions_part,
    correction,
    correction_press,
    data,
    faq,
    first_load,
    general,
    history,
    load_answer,
    log_command,
    onboarding,
    onboarding_steps,
    progress,
    relog,
    relog_press,
    reminders,
    removal,
    settings,
    swap,
    told_log,
    training_log,
    undo,
    workout,
    workout_time,
)
from bot.handlers.admins import admins_only
from bot.intake import Inbox, InboxProcessor
from bot.polling import RawUpdates
from bot.request import AiohttpRequest
from bot.settings import Settings
from storage.db import make_sessionmaker

PRIVATE_TEXT = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
GROUP_TEXT = filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS
TRAINED_TEXT = PRIVATE_TEXT & filters.Regex(workout.TRAINED)


def build_application(
    config: Settings,
    engine: AsyncEngine,
    *,
    token: str,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    reminder_request: BaseRequest | None = None,
    rate_limit: bool = True,
    clock: Callable[[], datetime] = system_clock,
    answerer: Answerer | None = None,
) -> CoachApplication:
    """The whole bot; ``answerer`` may be one already built (it holds only content, so one process may
    share it between applications)."""
    base_url = config.telegram_base_url or "https://api.telegram.org/bot"
    if request is None:
        request, updates_request = AiohttpRequest(), AiohttpRequest(connection_pool_size=1)
        # Its own connections, so a burst of reminders does not queue replies to users behind it; one per
        # sender, so no paced send waits for a connection (a wait that would bunch sends up).
        reminder_request = reminder_request or AiohttpRequest(
            connection_pool_size=config.reminder_concurrency
        )
    # A transport handed in (a test double, the console's in-process API) serves the reminders too;
    # initializing and shutting down a transport twice is harmless.
    reminder_request = reminder_request or request
    raw_updates = RawUpdates(updates_request or request)
    bot = CoachBot(
        token,
        base_url=base_url,
        request=request,
        # The raw batch goes to the inbox before anything is parsed (bot.polling).
        get_updates_request=raw_updates,
        defaults=Defaults(parse_mode=ParseMode.HTML),
        # ExtBot[None] types the limiter's per-call arguments as None; AIORateLimiter's are an int.
        rate_limiter=AIORateLimiter(max_retries=3) if rate_limit else None,  # type: ignore[arg-type]
    )
    inbox = Inbox(make_sessionmaker(engine), clock)
    inbox.raw_updates = raw_updates
    app: CoachApplication = (
        ApplicationBuilder()
        .bot(bot)
        # Polling is bot.polling's own loop through the inbox; PTB's Updater would confirm too early.
        .updater(None)
        .context_types(ContextTypes(context=BotContext, bot_data=Services))
        .concurrent_updates(InboxProcessor(config.update_concurrency, inbox))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    # The dispatcher's bot: same token and API server, no rate limiter (see Services.reminder_bot).
    reminder_bot = Bot(
        token, base_url=base_url, request=reminder_request, get_updates_request=reminder_request
    )

    answerer = answerer or Answerer(KnowledgeBase.load())
    # Checked at start-up like the rest of the content: a typo in ladders.toml stops the bot here.
    catalog = rules.shipped()
    training_log.ladder_entries(catalog)
    app.bot_data.configure(
        settings=config,
        engine=engine,
        texts=Texts.load(),
        reminder_texts=ReminderTexts.load(),
        catalog=catalog,
        knowledge=answerer.knowledge,
        answerer=answerer,
        reminder_bot=reminder_bot,
        clock=clock,
    )

    app.add_handler(TypeHandler(Update, general.gate), group=-1)
    app.add_handler(CommandHandler("start", onboarding.start))
    app.add_handler(CommandHandler("help", general.help_command))
    app.add_handler(CommandHandler("workout", workout.workout))
    app.add_handler(CommandHandler("done", workout.done_command))
    app.add_handler(CommandHandler("swap", swap.swap_command))
    app.add_handler(CommandHandler("streak", progress.streak))
    app.add_handler(CommandHandler("settings", settings.settings_menu))
    app.add_handler(CommandHandler("level", admins_only(settings.level)))
    app.add_handler(CommandHandler("timezone", admins_only(settings.timezone)))
    app.add_handler(CommandHandler("ask", faq.ask))
    app.add_handler(CommandHandler("faq", faq.faq))
    app.add_handler(CommandHandler("stats", admin.stats))
    app.add_handler(CommandHandler("reminders", reminders.reminders_menu))
    # Open while a group is set up: its days question points there.
    app.add_handler(CommandHandler("schedule", admins_only(reminders.schedule, open_during_set_up=True)))
    app.add_handler(CommandHandler("pause", admins_only(reminders.pause)))
    app.add_handler(CommandHandler("resume", admins_only(reminders.resume)))
    app.add_handler(CommandHandler("stop", admins_only(reminders.stop)))
    app.add_handler(CommandHandler("nudges", admins_only(reminders.nudges)))
    app.add_handler(CommandHandler("log", log_command.log_command))
    app.add_handler(CommandHandler("undo", undo.undo_command))
    app.add_handler(CommandHandler("progress", history.progress_chart))
    app.add_handler(CommandHandler("history", history.history_command))
    app.add_handler(CommandHandler("export", data.export_command))
    app.add_handler(CommandHandler("forget", data.forget_command))
    app.add_handler(CommandHandler("units", admins_only(data.units_command)))

    app.add_handler(
        CallbackQueryHandler(
            admins_only(onboarding.choose_level, open_during_set_up=True), pattern=callbacks.pattern("lvl")
        )
    )
    app.add_handler(
        CallbackQueryHandler(
            admins_only(onboarding.choose_equipment, open_during_set_up=True), pattern=callbacks.pattern("eq")
        )
    )
    app.add_handler(
        CallbackQueryHandler(
            admins_only(onboarding.choose_timezone, open_during_set_up=True), pattern=callbacks.pattern("tz")
        )
    )
    app.add_handler(
        CallbackQueryHandler(
            admins_only(onboarding.kit_button, open_during_set_up=True), pattern=callbacks.pattern("kit")
        )
    )
    app.add_handler(
        CallbackQueryHandler(
            admins_only(onboarding.choose_days, open_during_set_up=True),
            pattern=callbacks.pattern(onboarding_steps.DAYS_FEATURE),
        )
    )
    app.add_handler(
        CallbackQueryHandler(admins_only(settings.menu_button), pattern=callbacks.pattern("menu"))
    )
    app.add_handler(CallbackQueryHandler(admins_only(age.button), pattern=callbacks.pattern(age.AGE)))
    app.add_handler(CallbackQueryHandler(workout.show_button, pattern=f"^{workout.SHOW}$"))
    app.add_handler(CallbackQueryHandler(workout.done_button, pattern=callbacks.pattern("done")))
    app.add_handler(CallbackQueryHandler(workout.time_button, pattern=callbacks.pattern(workout_time.TIME)))
    app.add_handler(CallbackQueryHandler(swap.menu_button, pattern=callbacks.pattern(swap.SWAP)))
    app.add_handler(CallbackQueryHandler(swap.to_button, pattern=callbacks.pattern(swap.SWAP_TO)))
    app.add_handler(CallbackQueryHandler(swap.back_button, pattern=callbacks.pattern(swap.SWAP_BACK)))
    app.add_handler(CallbackQueryHandler(faq.topic_button, pattern=callbacks.pattern("topic")))
    app.add_handler(CallbackQueryHandler(faq.command_button, pattern=callbacks.pattern("cmd")))
    app.add_handler(CallbackQueryHandler(told_log.told_button, pattern=callbacks.pattern(told_log.TOLD)))
    app.add_handler(CallbackQueryHandler(admins_only(reminders.button), pattern=callbacks.pattern("rem")))
    for feature in (training_log.AS_WRITTEN, training_log.ADJUST, training_log.SAVE, undo.UNDO):
        app.add_handler(CallbackQueryHandler(as_written.log_button, pattern=callbacks.pattern(feature)))
    app.add_handler(CallbackQueryHandler(load_answer.skip_button, pattern=callbacks.pattern(first_load.SKIP)))
    app.add_handler(CallbackQueryHandler(undo.question_button, pattern=callbacks.pattern(undo.ASK)))
    app.add_handler(
        CallbackQueryHandler(log_command.reading_button, pattern=callbacks.pattern(log_command.READING))
    )
    app.add_handler(
        CallbackQueryHandler(log_command.pick_button, pattern=callbacks.pattern(log_command.PICK))
    )
    app.add_handler(CallbackQueryHandler(relog_press.relog_button, pattern=callbacks.pattern(relog.RELOG)))
    app.add_handler(
        CallbackQueryHandler(training_log.level_up_button, pattern=callbacks.pattern(training_log.LEVEL_UP))
    )
    app.add_handler(CallbackQueryHandler(data.forget_button, pattern=callbacks.pattern(data.FORGET)))
    app.add_handler(
        CallbackQueryHandler(correction_press.fix_button, pattern=callbacks.pattern(correction.FIX))
    )
    app.add_handler(
        CallbackQueryHandler(correction_press.unfix_button, pattern=callbacks.pattern(correction.UNFIX))
    )
    app.add_handler(CallbackQueryHandler(removal.take_button, pattern=callbacks.pattern(removal.TAKE)))
    app.add_handler(CallbackQueryHandler(removal.put_button, pattern=callbacks.pattern(removal.PUT)))
    app.add_handler(CallbackQueryHandler(cautions_fine.fine_button, pattern=callbacks.pattern(cautions.FINE)))
    app.add_handler(
        CallbackQueryHandler(cautions_part.part_button, pattern=callbacks.pattern(cautions_part.PART))
    )
    app.add_handler(CallbackQueryHandler(general.stale_button))

    app.add_handler(MessageHandler(TRAINED_TEXT, workout.trained_message))
    app.add_handler(MessageHandler(PRIVATE_TEXT, onboarding.on_text))
    app.add_handler(MessageHandler(GROUP_TEXT, faq.group_text))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, general.migrated))
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, general.unknown_command))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, general.not_text)
    )
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            intake.prune_job, interval=intake.PRUNE_EVERY_SECONDS, first=intake.PRUNE_EVERY_SECONDS
        )
    app.add_error_handler(intake.on_error)
    app.add_error_handler(general.on_error)
    return app


async def post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    menu = general.commands(app.bot_data.texts)
    await app.bot.set_my_commands([BotCommand(name, about) for name, about in menu])
    services: Services = app.bot_data
    await services.reminder_bot.initialize()
    reminder_job.start(app)


async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    await reminder_job.stop(app)
    services: Services = app.bot_data
    services.charts.close()
    await services.reminder_bot.shutdown()
    await services.engine.dispose()
