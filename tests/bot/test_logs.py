"""The bot token never reaches a log line, whichever logger writes it and however."""

import logging
from collections.abc import Iterator

import pytest

from bot.logs import configure_logging

TOKEN = "123456789:AAHsecretSECRETsecret_0123456789abcd"


@pytest.fixture
def logs(capfd: pytest.CaptureFixture[str]) -> Iterator[pytest.CaptureFixture[str]]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield capfd
    root.handlers[:] = handlers
    root.setLevel(level)


def test_http_client_url_is_redacted(logs: pytest.CaptureFixture[str]) -> None:
    configure_logging(logging.DEBUG, (TOKEN,))
    logging.getLogger("httpx").warning('HTTP Request: POST https://api.telegram.org/bot%s/getMe "200"', TOKEN)
    err = logs.readouterr().err
    assert "getMe" in err and "[redacted]" in err and TOKEN not in err


def test_any_token_shaped_string_is_redacted(logs: pytest.CaptureFixture[str]) -> None:
    configure_logging(logging.DEBUG, (TOKEN,))
    other = "5555555:ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"
    logging.getLogger("telegram.ext").debug("calling %s", f"https://x/bot{other}/sendMessage")
    err = logs.readouterr().err
    assert "sendMessage" in err and other not in err


def test_tracebacks_are_redacted(logs: pytest.CaptureFixture[str]) -> None:
    configure_logging(logging.DEBUG, (TOKEN,))
    try:
        raise RuntimeError(f"connect failed for https://api.telegram.org/bot{TOKEN}/getUpdates")
    except RuntimeError:
        logging.getLogger("bot").exception("polling failed")
    err = logs.readouterr().err
    assert "polling failed" in err and "RuntimeError" in err and TOKEN not in err


def test_noisy_http_logger_is_quieted(logs: pytest.CaptureFixture[str]) -> None:
    configure_logging(logging.DEBUG, (TOKEN,))
    logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
    assert "getUpdates" not in logs.readouterr().err
