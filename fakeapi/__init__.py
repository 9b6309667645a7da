"""A stand-in for the Telegram Bot API: in process (``FakeRequest``) or over HTTP (``fakeapi.server``).

The tests use it as the Bot API double and ``backcoach chat`` as its transport. It imports nothing from
the bot, so it stays an independent stand-in for Telegram.
"""

from fakeapi.api import FakeBotApi
from fakeapi.checks import MAX_TEXT_LENGTH, render_html
from fakeapi.errors import DroppedConnection, StalledRequest
from fakeapi.faults import FaultRule
from fakeapi.files import SentFile, Upload
from fakeapi.state import CallbackAnswer, SentMessage
from fakeapi.transport import FakeRequest, coerce_form_params, drive

__all__ = [
    "MAX_TEXT_LENGTH",
    "CallbackAnswer",
    "DroppedConnection",
    "FakeBotApi",
    "FakeRequest",
    "FaultRule",
    "SentFile",
    "SentMessage",
    "StalledRequest",
    "Upload",
    "coerce_form_params",
    "drive",
    "render_html",
]
