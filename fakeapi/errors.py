"""How the double answers a call it refuses, and the two ways a call can go unanswered."""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]


class StalledRequest(Exception):
    """Raised by :meth:`FakeBotApi.call` for an injected stall; each transport turns it into a timeout."""


class DroppedConnection(Exception):
    """Raised by :meth:`FakeBotApi.call` for an injected connection drop; each transport turns it into a
    network error (over HTTP the socket is closed without an answer)."""


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")
