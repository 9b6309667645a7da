"""Messages in a chat: sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage,
answerCallbackQuery and sendChatAction, each checked and answered as Telegram would."""

from __future__ import annotations

import json
from typing import Final

from fakeapi.checks import check_markup, render_text
from fakeapi.errors import bad_request
from fakeapi.state import JSON, ApiState, CallbackAnswer, SentMessage, chat_id_of

CHAT_ACTIONS: Final = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


class MessageMethods(ApiState):
    async def _send_message(self, params: JSON) -> JSON:
        chat = self._chat(params)
        chat_id: int = chat["id"]
        plain, entities = render_text(params.get("text"), params.get("parse_mode"), params.get("entities"))
        markup = check_markup(params.get("reply_markup"))
        reply_target = self._reply_target(chat_id, params)

        message: JSON = {
            "message_id": self._new_message_id(chat_id),
            "from": self.bot_user,
            "chat": chat,
            "date": self._now(),
            "text": plain,
        }
        if entities:
            message["entities"] = entities
        thread_id = chat_id_of(params.get("message_thread_id"))
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            if chat.get("is_forum"):
                message["is_topic_message"] = True
        if reply_target is not None:
            message["reply_to_message"] = self._as_reply(reply_target)
        # Only inline keyboards are echoed back; reply keyboards live on the client.
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self._messages.setdefault(chat_id, {})[message["message_id"]] = message
        text = params["text"]
        parse_mode = params.get("parse_mode")
        self._sources[(chat_id, message["message_id"])] = (text, parse_mode)
        self._record(
            SentMessage(
                "sendMessage",
                chat_id,
                message["message_id"],
                text,
                parse_mode,
                markup,
                params,
                plain,
                entities,
            )
        )
        return message

    def _reply_target(self, chat_id: int, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, str):
            reply = json.loads(reply)
        if isinstance(reply, dict):
            target_id = chat_id_of(reply.get("message_id"))
            target_chat = chat_id_of(reply.get("chat_id")) or chat_id
            lenient = bool(reply.get("allow_sending_without_reply"))
        else:
            target_id = chat_id_of(params.get("reply_to_message_id"))
            target_chat = chat_id
            lenient = bool(params.get("allow_sending_without_reply"))
        if target_id is None:
            return None
        target = self.message(target_chat, target_id)
        if target is None and not lenient:
            raise bad_request("message to be replied not found")
        return target

    async def _edit_message_text(self, params: JSON) -> JSON:
        chat, message = self._bot_message(params, "message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        plain, entities = render_text(params.get("text"), params.get("parse_mode"), params.get("entities"))
        markup = check_markup(params.get("reply_markup"))
        # Leaving reply_markup out of an edit removes the inline keyboard, as on Telegram.
        inline = markup if markup is not None and "inline_keyboard" in markup else None
        if (
            plain == message["text"]
            and entities == message.get("entities", [])
            and inline == message.get("reply_markup")
        ):
            raise bad_request(
                "message is not modified: specified new message content and reply markup are exactly the "
                "same as a content and reply markup of the current message"
            )
        self._apply_edit(message, plain, entities, inline)
        text = params["text"]
        parse_mode = params.get("parse_mode")
        self._sources[(chat["id"], message["message_id"])] = (text, parse_mode)
        self._record(
            SentMessage(
                "editMessageText",
                chat["id"],
                message["message_id"],
                text,
                parse_mode,
                markup,
                params,
                plain,
                entities,
            )
        )
        return message

    async def _edit_message_reply_markup(self, params: JSON) -> JSON:
        chat, message = self._bot_message(params, "message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        markup = check_markup(params.get("reply_markup"))
        inline = markup if markup is not None and "inline_keyboard" in markup else None
        if inline == message.get("reply_markup"):
            raise bad_request(
                "message is not modified: specified new message content and reply markup are exactly the "
                "same as a content and reply markup of the current message"
            )
        self._apply_edit(message, message.get("text"), message.get("entities", []), inline)
        text, parse_mode = self._sources.get((chat["id"], message["message_id"]), (message.get("text"), None))
        self._record(
            SentMessage(
                "editMessageReplyMarkup",
                chat["id"],
                message["message_id"],
                text,
                parse_mode,
                markup,
                params,
                message.get("text"),
                list(message.get("entities", [])),
            )
        )
        return message

    def _apply_edit(self, message: JSON, text: str | None, entities: list[JSON], inline: JSON | None) -> None:
        if text is not None:
            message["text"] = text
        if entities:
            message["entities"] = entities
        else:
            message.pop("entities", None)
        if inline is not None:
            message["reply_markup"] = inline
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = self._now()

    async def _delete_message(self, params: JSON) -> bool:
        chat, message = self._bot_message(params, "message to delete not found")
        del self._messages[chat["id"]][message["message_id"]]
        self._sources.pop((chat["id"], message["message_id"]), None)
        self.deleted.append((chat["id"], message["message_id"]))
        return True

    async def _answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_queries:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        text = params.get("text")
        if isinstance(text, str) and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self._open_queries.discard(query_id)
        url = params.get("url")
        self.callback_answers.append(
            CallbackAnswer(
                query_id,
                text if isinstance(text, str) else None,
                bool(params.get("show_alert")),
                url if isinstance(url, str) else None,
                params,
            )
        )
        return True

    async def _send_chat_action(self, params: JSON) -> bool:
        chat = self._chat(params)
        action = params.get("action")
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.chat_actions.append((chat["id"], str(action)))
        return True
