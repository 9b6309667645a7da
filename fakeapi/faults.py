"""Faults the double injects: one-shot errors and stalls, standing rules at a rate, blocked chats, and
the telemetry a large run reads back (what was injected, calls that came before a 429's retry_after)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from fakeapi.errors import ApiError
from fakeapi.state import ApiState

JSON = dict[str, Any]


@dataclass(slots=True)
class Fault:
    method: str | None
    chat_id: int | None
    times: int
    status: int = 0
    description: str = ""
    parameters: JSON | None = None
    stall: bool = False
    deliver: bool = False

    def matches(self, method: str, chat_id: int | None) -> bool:
        return (self.method is None or self.method == method) and (
            self.chat_id is None or self.chat_id == chat_id
        )


FaultAction = Literal["error", "stall", "drop"]

# What Telegram says for each status when a rule gives no description of its own.
DEFAULT_DESCRIPTIONS: Final = {
    400: "Bad Request: injected fault",
    403: "Forbidden: bot was blocked by the user",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


@dataclass(slots=True)
class FaultRule:
    """A standing fault for matching calls, injected at a rate: with probability ``rate`` (from the rule's
    own seeded RNG, so a run is reproducible for a given order of calls) or on every ``every``-th matching
    call; ``limit`` caps how many it injects.  ``matched`` and ``injected`` count what it saw and did."""

    id: int
    action: FaultAction
    method: str | None
    chat_ids: frozenset[int] | None
    status: int
    description: str
    parameters: JSON | None
    deliver: bool
    rate: float
    every: int
    limit: int | None
    rng: random.Random = field(repr=False)
    matched: int = 0
    injected: int = 0

    def matches(self, method: str, chat_id: int | None) -> bool:
        return (self.method is None or self.method == method) and (
            self.chat_ids is None or chat_id in self.chat_ids
        )

    def fires(self) -> bool:
        """Whether this (already counted) matching call gets the fault."""
        if self.limit is not None and self.injected >= self.limit:
            return False
        hit = self.matched % self.every == 0 if self.every else self.rng.random() < self.rate
        if hit:
            self.injected += 1
        return hit

    @property
    def label(self) -> str:
        return str(self.status) if self.action == "error" else self.action

    def summary(self) -> JSON:
        return {
            "id": self.id,
            "label": self.label,
            "method": self.method,
            "chats": None if self.chat_ids is None else len(self.chat_ids),
            "rate": self.rate,
            "every": self.every,
            "deliver": self.deliver,
            "matched": self.matched,
            "injected": self.injected,
        }


class FaultInjection(ApiState):
    """The fault side of the double: what a test or the HTTP control surface injects, and the checks
    ``FakeBotApi.call`` makes before a method runs. Its state lives in ``ApiState``."""

    def fail(
        self,
        method: str | None = None,
        chat_id: int | None = None,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls matching method and chat answer with this error, unrecorded."""
        parameters: JSON = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = migrate_to_chat_id
        self._faults.append(
            Fault(self._method_name(method), chat_id, times, status, description, parameters or None)
        )

    def stall(
        self, method: str | None = None, chat_id: int | None = None, *, times: int = 1, deliver: bool = False
    ) -> None:
        """Make the next ``times`` matching calls time out; with ``deliver`` the call still takes effect."""
        self._faults.append(Fault(self._method_name(method), chat_id, times, stall=True, deliver=deliver))

    def inject(
        self,
        method: str | None = None,
        chat_id: int | None = None,
        *,
        chat_ids: Iterable[int] | None = None,
        status: int = 0,
        description: str | None = None,
        retry_after: int | float | None = None,
        stall: bool = False,
        drop: bool = False,
        deliver: bool = False,
        rate: float = 1.0,
        every: int = 0,
        seed: int | None = None,
        limit: int | None = None,
    ) -> FaultRule:
        """Keep injecting a fault into matching calls until :meth:`reset_faults` / :meth:`remove_rule`.

        The fault is an error answer (``status``, with a Telegram-like default ``description`` and
        ``retry_after`` for 429), a ``stall`` (no answer until the client times out) or a ``drop``
        (the connection is closed at once); ``deliver`` makes a stall or drop take effect first.
        It hits calls to ``method`` (any if None) for ``chat_id`` / ``chat_ids`` (any if neither) with
        probability ``rate``, or every ``every``-th matching call instead; ``seed`` seeds the rule's RNG
        (default: its id) and ``limit`` caps the number injected.  One-shot faults from :meth:`fail` and
        :meth:`stall` take precedence.
        """
        if stall and drop:
            raise ValueError("a fault is either a stall or a drop")
        action: FaultAction = "stall" if stall else "drop" if drop else "error"
        if action == "error" and not 400 <= status <= 599:
            raise ValueError("an error fault needs an HTTP error status (400-599)")
        if action != "error" and status:
            raise ValueError("a stall or drop has no status")
        if deliver and action == "error":
            raise ValueError("deliver applies to stalls and drops")
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate is a probability between 0 and 1")
        if every < 0 or (limit is not None and limit < 0):
            raise ValueError("every and limit cannot be negative")
        chats = set(chat_ids or ())
        if chat_id is not None:
            chats.add(chat_id)
        parameters: JSON = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if description is None:
            description = DEFAULT_DESCRIPTIONS.get(status, f"Error {status}").format(retry_after=retry_after)
        rule_id = next(self._rule_ids)
        rule = FaultRule(
            id=rule_id,
            action=action,
            method=self._method_name(method),
            chat_ids=frozenset(chats) if chats else None,
            status=status,
            description=description,
            parameters=parameters or None,
            deliver=deliver,
            rate=rate,
            every=every,
            limit=limit,
            rng=random.Random(rule_id if seed is None else seed),
        )
        self._rules.append(rule)
        return rule

    @property
    def rules(self) -> list[FaultRule]:
        return list(self._rules)

    def remove_rule(self, rule_id: int) -> None:
        self._rules = [rule for rule in self._rules if rule.id != rule_id]

    def reset_faults(self) -> None:
        """Drop every one-shot fault and standing rule (blocked chats stay blocked)."""
        self._faults.clear()
        self._rules.clear()

    def block(self, chat_id: int) -> None:
        """Act as if the user blocked the bot: writes to the chat answer 403 until :meth:`unblock`."""
        self.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def _error(
        self, chat_id: int | None, status: int, description: str, parameters: JSON | None
    ) -> tuple[int, JSON]:
        retry_after = (parameters or {}).get("retry_after")
        if status == 429 and chat_id is not None and isinstance(retry_after, int | float):
            self._flood_until[chat_id] = self.clock() + retry_after
        return status, ApiError(status, description, parameters).payload()

    def _check_flood(self, method: str, chat_id: int) -> None:
        until = self._flood_until.pop(chat_id, None)
        if until is None:
            return
        early = until - self.clock()
        if early > 0:
            self.flood_violations.append((chat_id, method, early))

    def _take_rule(self, method: str, chat_id: int | None) -> FaultRule | None:
        # Every matching rule counts the call (so "every k-th" means the k-th call it matches, whatever
        # other rules did with it); the first rule that fires injects, later ones do not roll at all.
        fired = None
        for rule in self._rules:
            if rule.matches(method, chat_id):
                rule.matched += 1
                if fired is None and rule.fires():
                    fired = rule
        return fired

    def _take_fault(self, method: str, chat_id: int | None) -> Fault | None:
        for index, fault in enumerate(self._faults):
            if fault.matches(method, chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    del self._faults[index]
                return fault
        return None
