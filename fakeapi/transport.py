"""The double as PTB's transport: ``FakeRequest`` hands requests to a ``FakeBotApi`` in process."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from telegram import Update
from telegram.error import NetworkError, TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from fakeapi.api import FakeBotApi
from fakeapi.errors import DroppedConnection, StalledRequest
from fakeapi.files import Upload

JSON = dict[str, Any]

# Parameters Telegram types as String.  Over HTTP form encoding PTB sends strings raw and everything else
# JSON-encoded, so only these may skip JSON decoding ("123" must stay a text, not become a number).
STRING_PARAMS: Final = frozenset(
    {
        "text",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "action",
        "language_code",
        "secret_token",
        "ip_address",
        "caption",
        "business_connection_id",
        "message_effect_id",
        "emoji",
        "description",
        "short_description",
        "name",
        "title",
    }
)


def coerce_form_params(raw: Mapping[str, str]) -> JSON:
    """Decode form-encoded Bot API parameters as Telegram does: String fields stay raw, the rest is JSON."""
    params: JSON = {}
    for name, value in raw.items():
        if name in STRING_PARAMS:
            params[name] = value
            continue
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return params


class FakeRequest(BaseRequest):
    """PTB transport that hands requests straight to a :class:`FakeBotApi` instead of the network."""

    __slots__ = ("api",)

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        base, _, api_method = url.rpartition("/")
        segment = base.rpartition("/")[2]
        token = segment[3:] if segment.startswith("bot") else None
        # The un-encoded parameters keep their types exactly; the JSON-encoded form leaves strings raw,
        # so decoding it would turn a text like "123" into a number.
        params: dict[str, Any] = dict(request_data.parameters) if request_data is not None else {}
        if request_data is not None and request_data.contains_files:
            for name, part in request_data.multipart_data.items():
                filename, content, *mimetype = part
                raw = content if isinstance(content, bytes) else content.read()
                params[name] = Upload(filename or name, raw, mimetype[0] if mimetype else None)
        try:
            status, payload = await self.api.call(api_method, params, token=token)
        except StalledRequest:
            raise TimedOut(f"Timed out (FakeBotApi stalled {api_method})") from None
        except DroppedConnection:
            raise NetworkError(f"Connection dropped (FakeBotApi dropped {api_method})") from None
        return status, json.dumps(payload).encode()


async def drive(app: Application[Any, Any, Any, Any, Any, Any], update: Mapping[str, Any]) -> None:
    """Feed one update dict (e.g. from :meth:`FakeBotApi.make_message`) through the application."""
    parsed = Update.de_json(dict(update), app.bot)
    await app.process_update(parsed)
