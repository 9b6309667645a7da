"""What Telegram checks in what a bot sends: Telegram-HTML and its entities, text length, keyboards.

Each check answers as Telegram does, with a 400 whose description is Telegram's (``ApiError``).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any, Final

from fakeapi.errors import ApiError, bad_request

JSON = dict[str, Any]

MAX_TEXT_LENGTH: Final = 4096
MAX_CALLBACK_DATA_BYTES: Final = 64
MAX_INLINE_BUTTONS: Final = 100

# Inline buttons must carry exactly one action; these are the non-callback/non-url ones Telegram knows.
_OTHER_BUTTON_ACTIONS: Final = frozenset(
    {
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
        "web_app",
    }
)


COMMAND_RE: Final = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")
MENTION_RE: Final = re.compile(r"(?<![A-Za-z0-9_@/])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])")
_HTML_ENTITY_RE: Final = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_TAG_NAME_RE: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*)")
_ATTR_RE: Final = re.compile(r"""([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_LANGUAGE_CLASS_RE: Final = re.compile(r"language-(\S+)")

_SIMPLE_HTML_TAGS: Final = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_HTML_TAGS: Final = frozenset({*_SIMPLE_HTML_TAGS, "a", "span", "blockquote", "tg-emoji"})


def utf16_len(text: str) -> int:
    # Telegram measures entity offsets and lengths in UTF-16 code units.
    return len(text.encode("utf-16-le")) // 2


def _decode_html_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
        try:
            return chr(code)
        except (ValueError, OverflowError):
            return "\ufffd"
    return {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name]


@dataclass(slots=True)
class _OpenTag:
    name: str
    start: int
    entity: JSON | None


def _tag_entity(name: str, attrs: str, byte_offset: int, parent: _OpenTag | None) -> JSON | None:
    values: dict[str, str] = {}
    for key, dq, sq, bare in _ATTR_RE.findall(attrs):
        values[key.lower()] = _HTML_ENTITY_RE.sub(_decode_html_entity, dq or sq or bare)
    if name == "a":
        href = values.get("href")
        return {"type": "text_link", "url": href} if href else None
    if name == "span":
        if values.get("class") != "tg-spoiler":
            raise bad_request(
                f'can\'t parse entities: Tag "span" must have class "tg-spoiler" at byte offset {byte_offset}'
            )
        return {"type": "spoiler"}
    if name == "blockquote":
        return {"type": "expandable_blockquote" if "expandable" in values else "blockquote"}
    if name == "tg-emoji":
        emoji_id = values.get("emoji-id")
        if not emoji_id:
            raise bad_request(
                f'can\'t parse entities: Tag "tg-emoji" must have attribute "emoji-id" at '
                f"byte offset {byte_offset}"
            )
        return {"type": "custom_emoji", "custom_emoji_id": emoji_id}
    if name == "code" and parent is not None and parent.name == "pre" and parent.entity is not None:
        # <pre><code class="language-x"> is a single pre entity carrying the language.
        language = _LANGUAGE_CLASS_RE.match(values.get("class", ""))
        if language:
            parent.entity["language"] = language.group(1)
        return None
    return {"type": _SIMPLE_HTML_TAGS[name]}


def render_html(source: str) -> tuple[str, list[JSON]]:
    """Turn Telegram-HTML into the plain text and entities Telegram would store, or raise a 400."""
    out: list[str] = []
    position = 0  # in UTF-16 units of the plain text produced so far
    entities: list[JSON] = []
    stack: list[_OpenTag] = []
    index = 0
    length = len(source)

    def fail(detail: str, at: int) -> ApiError:
        offset = len(source[:at].encode())
        return bad_request(f"can't parse entities: {detail} at byte offset {offset}")

    while index < length:
        lt = source.find("<", index)
        chunk_end = length if lt == -1 else lt
        if chunk_end > index:
            chunk = _HTML_ENTITY_RE.sub(_decode_html_entity, source[index:chunk_end])
            out.append(chunk)
            position += utf16_len(chunk)
        if lt == -1:
            break
        gt = source.find(">", lt)
        if gt == -1:
            raise fail("Unclosed start tag" if source[lt + 1 : lt + 2] != "/" else "Unclosed end tag", lt)
        inner = source[lt + 1 : gt]
        if inner.startswith("/"):
            name = inner[1:].strip().lower()
            if not stack:
                raise fail("Unexpected end tag", lt)
            top = stack.pop()
            if top.name != name:
                raise fail(f'Unmatched end tag, expected "</{top.name}>", found "</{name}>"', lt)
            if top.entity is not None and position > top.start:
                top.entity["offset"] = top.start
                top.entity["length"] = position - top.start
                entities.append(top.entity)
        else:
            match = _TAG_NAME_RE.match(inner)
            name = match.group(1).lower() if match else ""
            if name not in _HTML_TAGS:
                raise fail(f'Unsupported start tag "{name}"', lt)
            attrs = inner[len(name) :]
            parent = stack[-1] if stack else None
            entity = _tag_entity(name, attrs, len(source[:lt].encode()), parent)
            stack.append(_OpenTag(name, position, entity))
        index = gt + 1

    if stack:
        detail = f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"'
        raise bad_request(f"can't parse entities: {detail}")
    entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(out), entities


def text_entities(text: str) -> list[JSON]:
    """The entities Telegram sets on a user's text: a leading /command and each @mention."""
    entities: list[JSON] = []
    command_end = 0
    command = COMMAND_RE.match(text)
    if command:
        command_end = command.end()
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for mention in MENTION_RE.finditer(text, command_end):
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: mention.start()]),
                "length": utf16_len(mention.group()),
            }
        )
    return entities


def render_text(text: Any, parse_mode: Any, entities: Any) -> tuple[str, list[JSON]]:
    """A message text as Telegram stores it (plain text and entities), or the 400 Telegram answers."""
    if not isinstance(text, str) or not text:
        raise bad_request("message text is empty")
    mode = parse_mode.lower() if isinstance(parse_mode, str) and parse_mode else None
    if mode == "html":
        plain, parsed = render_html(text)
    elif mode in (None, "markdown", "markdownv2"):
        plain, parsed = text, list(entities) if isinstance(entities, list) else []
    else:
        raise bad_request("unsupported parse_mode")
    if not plain.strip():
        raise bad_request("message text is empty")
    if len(plain) > MAX_TEXT_LENGTH:
        raise bad_request("message is too long")
    return plain, parsed


def check_markup(markup: Any) -> JSON | None:
    """A reply_markup as Telegram would keep it, or the 400 Telegram answers for a malformed one."""
    if markup is None:
        return None
    if isinstance(markup, str):
        try:
            markup = json.loads(markup)
        except ValueError:
            raise bad_request("can't parse reply keyboard markup JSON object") from None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    # Its own copy, as if parsed from the wire: the bot shares one dict per keyboard layout.
    checked: JSON = copy.deepcopy(markup)
    if "inline_keyboard" not in checked:
        if not {"keyboard", "remove_keyboard", "force_reply"} & checked.keys():
            raise bad_request("can't parse reply keyboard markup JSON object")
        return checked
    rows = checked["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard button: InlineKeyboardMarkup must be an Array")
    count = 0
    for row in rows:
        for button in row:
            count += 1
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request("can't parse inline keyboard button: Text must be a String")
            if "callback_data" in button:
                data = button["callback_data"]
                if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
                    raise bad_request("BUTTON_DATA_INVALID")
            elif "url" in button:
                url = button["url"]
                if not isinstance(url, str) or not re.match(r"(https?|tg)://\S+$", url):
                    raise bad_request("BUTTON_URL_INVALID")
            elif not _OTHER_BUTTON_ACTIONS & button.keys():
                raise bad_request("text buttons are unallowed in the inline keyboard")
    if count > MAX_INLINE_BUTTONS:
        raise bad_request("reply markup is too long")
    return checked


def scope_key(scope: Any) -> str:
    if isinstance(scope, str):
        scope = json.loads(scope)
    if not scope:
        scope = {"type": "default"}
    return json.dumps(scope, sort_keys=True)
