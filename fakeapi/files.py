"""Photos and documents: ``sendPhoto`` and ``sendDocument``.

Uploads arrive as ``Upload`` values (the in-process transport and the HTTP server both build them from
the multipart parts PTB sends), and each sent file is recorded in ``files`` with its bytes, so a test can
open the PNG or parse the CSV the bot sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fakeapi.checks import render_text, utf16_len
from fakeapi.errors import bad_request
from fakeapi.state import ApiState

JSON = dict[str, Any]

MAX_CAPTION_LENGTH = 1024
FILE_METHODS = ("sendPhoto", "sendDocument")


@dataclass(frozen=True)
class Upload:
    """A file the bot uploaded in a multipart request: its name and bytes."""

    filename: str
    content: bytes
    mimetype: str | None = None


@dataclass
class SentFile:
    """A photo or document the bot sent, with the uploaded bytes and the caption as sent."""

    method: str
    chat_id: int
    message_id: int
    filename: str
    content: bytes
    caption: str | None
    params: JSON


class FileMethods(ApiState):
    async def _send_photo(self, params: JSON) -> JSON:
        return await self._send_file("sendPhoto", "photo", params)

    async def _send_document(self, params: JSON) -> JSON:
        return await self._send_file("sendDocument", "document", params)

    async def _send_file(self, method: str, field_name: str, params: JSON) -> JSON:
        chat = self._chat(params)
        upload = params.get(field_name)
        if not isinstance(upload, Upload):
            # A file_id or URL: the double keeps no files to resend, so only uploads are emulated.
            raise bad_request(f"{field_name} must be uploaded as a file")
        if not upload.content:
            raise bad_request("file must be non-empty")
        caption = params.get("caption")
        message: JSON = {
            "message_id": self._new_message_id(chat["id"]),
            "from": self.bot_user,
            "chat": chat,
            "date": self._now(),
        }
        if caption:
            plain, entities = render_text(caption, params.get("parse_mode"), None)
            if utf16_len(plain) > MAX_CAPTION_LENGTH:
                raise bad_request("message caption is too long")
            message["caption"] = plain
            if entities:
                message["caption_entities"] = entities
        size = len(upload.content)
        number = message["message_id"]
        if field_name == "photo":
            message["photo"] = [
                {"file_id": f"photo{number}", "file_unique_id": f"p{number}", "width": 800, "height": 600}
                | {"file_size": size}
            ]
        else:
            message["document"] = {
                "file_id": f"doc{number}",
                "file_unique_id": f"d{number}",
                "file_name": upload.filename,
                "mime_type": upload.mimetype or "application/octet-stream",
                "file_size": size,
            }
        self._messages.setdefault(chat["id"], {})[number] = message
        self.files.append(
            SentFile(method, chat["id"], number, upload.filename, upload.content, caption, params)
        )
        return message
