"""The chat's own data and units: /export (a CSV document), /forget (after a confirmation), /units.

In a group /export and /forget cover the member who asks; ``/forget group`` removes the whole group's
data, and only an administrator may ask for it (Telegram's getChatMember says who is one).
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot import callbacks
from bot.coach import export
from bot.coach.logparse import MAX_LOAD
from bot.coach.progression import default_increment
from bot.coach.texts import escape
from bot.coach.unitstep import MAX_STEP, MIN_STEP, read_step
from bot.context import BotContext
from bot.handlers import training_log
from bot.handlers.admins import may_change_settings
from bot.handlers.common import reply, turn
from storage import logbook

FORGET = "fg"
ME, GROUP = "me", "all"


async def export_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        user_id, _ = training_log.member(update, chat)
        group = chat.kind != ChatType.PRIVATE
        rows = await logbook.export_rows(now_turn.session, chat.id, user_id=user_id if group else None)
        today = now_turn.today
    if not rows:
        await reply(update, context, texts["export.nothing"])
        return
    content = export.to_csv(rows, training_log.names(context))
    assert update.effective_chat is not None
    await context.bot.send_document(
        update.effective_chat.id,
        content,
        filename=export.filename(today),
        caption=texts.get("export.caption", sets=len(rows)),
    )


async def forget_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    user_id = user.id if user is not None else chat.id
    typed = " ".join(context.args or ()).strip().lower()
    if chat.type == ChatType.PRIVATE:
        scope, prompt = GROUP, texts["forget.confirm_private"]
    elif typed == "group":
        if not await may_change_settings(update, context):
            await reply(update, context, texts["forget.admins_only"])
            return
        scope, prompt = GROUP, texts["forget.confirm_group"]
    else:
        scope, prompt = ME, texts["forget.confirm_member"]
    buttons = [
        [
            (texts["forget.yes_button"], callbacks.pack(FORGET, scope, str(user_id))),
            (texts["forget.no_button"], callbacks.pack(FORGET, "no", str(user_id))),
        ]
    ]
    await reply(update, context, prompt, buttons)


async def forget_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    texts = context.services.texts
    args = callbacks.unpack(query.data, FORGET, 2)
    user = update.effective_user
    if args is None or args[0] not in (ME, GROUP, "no"):
        await query.answer(texts["errors.stale_button"])
        return
    if user is None or args[1] != str(user.id):
        # Only who asked may confirm: nobody deletes a group member's data by pressing their button.
        await query.answer(texts["forget.not_yours"])
        return
    chat = update.effective_chat
    assert chat is not None
    if args[0] == GROUP and chat.type != ChatType.PRIVATE and not await may_change_settings(update, context):
        await query.answer(texts["forget.admins_only"])
        return
    await query.answer()
    async with turn(update, context) as now_turn:
        if args[0] == "no":
            now_turn.edit(texts["forget.kept"])
        elif args[0] == ME:
            await logbook.forget_member(now_turn.session, chat.id, user.id)
            now_turn.edit(texts["forget.done_member"])
        else:
            # The chat row goes too: nothing of the turn's copy may be written back.
            now_turn.session.expunge(now_turn.chat)
            await logbook.forget_chat(now_turn.session, chat.id)
            now_turn.edit(texts["forget.done"])


async def units_command(update: Update, context: BotContext) -> None:
    texts = context.services.texts
    # A pointer's button carries the unit and the step as one argument ("kg 2").
    words = " ".join(context.args or ()).split()
    async with turn(update, context) as now_turn:
        chat = now_turn.chat
        if words:
            unit = words[0].lower().rstrip("s")
            if unit not in MAX_LOAD:
                now_turn.say(texts["units.usage"])
                return
            step: float | None = None
            if len(words) > 1:
                step = read_step(words[1])
                if step is None:
                    now_turn.say(
                        texts.get(
                            "units.bad_step",
                            typed=escape(words[1][:20]),
                            unit=unit,
                            low=f"{MIN_STEP:g}",
                            high=f"{MAX_STEP:g}",
                        )
                    )
                    return
            chat.unit, chat.increment, chat.unit_chosen = unit, step, True
        increment = training_log.increment_of(chat)
        usual = increment == default_increment(chat.unit)
        now_turn.say(
            texts.get(
                "units.set" if words else "units.current",
                unit=chat.unit,
                step=f"{increment:g} {chat.unit}",
                usual=f" {texts['units.usual']}" if usual else "",
            )
        )
