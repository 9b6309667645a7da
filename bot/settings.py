"""Configuration from the environment and ``.env``; built at start-up, never at import."""

from __future__ import annotations

import logging
import re
import zoneinfo
from dataclasses import dataclass, field
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from telegram.constants import FloodLimit

TOKEN_HELP = (
    "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot), put "
    "TELEGRAM_BOT_TOKEN=<token> in .env or the environment, and run again. "
    "`backcoach chat` tries the coach without a token."
)
# Telegram accepts 1–256 of these characters as a webhook secret; fewer than 32 would be guessable.
WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
MIN_WEBHOOK_SECRET_LENGTH = 32
# Reminder rates: Telegram's free limit is about 30 messages/s per bot; paid broadcasts
# (allow_paid_broadcast, Telegram Stars per message) go up to 1,000/s. A paced second holds the rate plus
# a quarter send of catch-up, rounded down, plus one (scheduler.pacing.Pacer): up to 29.5/s that is at
# most 30 sends in any second. One replica leads the dispatch, so this is the whole bot's budget.
FREE_RATE = 29.5
# Paid: 2 % under Telegram's 1,000/s leaves the pacer room for the jitter between a send and its
# arrival (scheduler.pacing.Pacer, told the limit); at 1 % under, a 50,000-message run met one 429.
PAID_RATE = FloodLimit.PAID_MESSAGES_PER_SECOND * 98 // 100
# Reminder senders for a paid-broadcast rate: what 980/s needs on a 2-core machine (BENCHMARKS.md §2).
PAID_CONCURRENCY = 64
SECRET_HINT = "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))'"


class SettingsError(Exception):
    """A one-line, user-facing explanation of a bad or missing setting."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    database_url: str = "sqlite+aiosqlite:///backcoach.db"
    telegram_base_url: str | None = None
    default_timezone: str = "UTC"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # uvloop where it is installed (not on Windows); "asyncio" runs on the standard library's loop.
    event_loop: Literal["uvloop", "asyncio"] = "uvloop"
    # Updates handled at once, across chats; one chat's updates always run one at a time, in order.
    update_concurrency: int = Field(default=16, ge=1, le=256)
    admin_chat_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    reminder_grace_minutes: int = Field(default=60, ge=1, le=24 * 60)
    scheduler_tick_seconds: float = Field(default=15.0, gt=0, le=300)
    # The whole bot's reminder rate, however many replicas: only the leader dispatches.
    reminder_max_per_second: float = Field(default=25.0, gt=0, le=PAID_RATE)
    # Reminders sent as paid broadcasts: Telegram lets them past 30/s and charges Stars for each.
    reminder_paid_broadcast: bool = False
    # The most rows claimed and leased per round; a run goes round after round until nothing is due,
    # in rounds of about 50 ms of sends (at least 20 rows) when paced.
    reminder_batch_size: int = Field(default=200, ge=1, le=1000)
    # Reminders in flight at once. A crash can resend at most this many (sent, outcome not yet written).
    # Unless set: 8, or PAID_CONCURRENCY for paid broadcasts above the free rate.
    reminder_concurrency: int = Field(default=8, ge=1, le=64)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_max_body_bytes: int = Field(default=1024 * 1024, ge=1024, le=64 * 1024 * 1024)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("admin_chat_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA timezone such as Europe/Berlin or UTC") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("use sqlite+aiosqlite:///file.db or postgresql+asyncpg://user@host/db")
        return value

    @model_validator(mode="after")
    def _rate_within_telegrams_limit(self) -> Settings:
        if self.reminder_max_per_second > FREE_RATE and not self.reminder_paid_broadcast:
            raise ValueError(
                f"REMINDER_MAX_PER_SECOND={self.reminder_max_per_second:g} is over Telegram's free limit: "
                f"use at most {FREE_RATE}, or set REMINDER_PAID_BROADCAST=true (up to {PAID_RATE}/s, "
                "charged in Telegram Stars per message)"
            )
        if "reminder_concurrency" not in self.model_fields_set and self.reminder_max_per_second > FREE_RATE:
            # Each sender waits out a round trip and its outcome write; 8 of them cannot keep up with
            # hundreds a second (BENCHMARKS.md §2–§3).
            self.reminder_concurrency = PAID_CONCURRENCY
        return self

    @property
    def log_level_number(self) -> int:
        return logging.getLevelNamesMapping()[self.log_level]

    def require_token(self) -> str:
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value().strip():
            raise SettingsError(TOKEN_HELP)
        return self.telegram_bot_token.get_secret_value().strip()

    def require_webhook(self) -> WebhookEndpoint:
        """What webhook mode needs, checked only then: polling must not fail over settings it never uses."""
        url = (self.webhook_url or "").strip()
        if not url:
            raise SettingsError(
                "WEBHOOK_URL is not set: webhook mode needs the public https:// address Telegram should "
                "call, e.g. WEBHOOK_URL=https://coach.example.com/telegram"
            )
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise SettingsError(
                f"WEBHOOK_URL is invalid: Telegram only calls https:// URLs with a host name, not {url!r}"
            )
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not secret:
            raise SettingsError(
                f"WEBHOOK_SECRET is not set: webhook mode needs at least {MIN_WEBHOOK_SECRET_LENGTH} "
                f"random characters from A-Z a-z 0-9 _ - ({SECRET_HINT})"
            )
        if not WEBHOOK_SECRET_PATTERN.fullmatch(secret):
            raise SettingsError(
                "WEBHOOK_SECRET is invalid: Telegram accepts only A-Z a-z 0-9 _ - and at most 256 "
                f"characters ({SECRET_HINT})"
            )
        if len(secret) < MIN_WEBHOOK_SECRET_LENGTH:
            raise SettingsError(
                f"WEBHOOK_SECRET is too weak: {len(secret)} characters, use at least "
                f"{MIN_WEBHOOK_SECRET_LENGTH} ({SECRET_HINT})"
            )
        return WebhookEndpoint(url=url, path=parts.path or "/", secret=secret)


@dataclass(frozen=True)
class WebhookEndpoint:
    """The validated webhook address; ``path`` is where this process serves it (the URL's own path)."""

    url: str
    path: str
    secret: str = field(repr=False)


def load_settings(**overrides: object) -> Settings:
    """Settings, or a SettingsError whose one line names the setting and what is wrong with it."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        if not first["loc"]:
            # A check across settings names them itself.
            raise SettingsError(message) from None
        raise SettingsError(f"{str(first['loc'][0]).upper()} is invalid: {message}") from None
