"""The turn order across chats (bot.turns): who starts next when updates wait, without any event loop."""

from __future__ import annotations

import pytest

from bot.turns import TurnOrder

A, B, C, D = "a", "b", "c", "d"


def drain(order: TurnOrder[str], started: list[str]) -> list[str]:
    """Finish whatever runs, oldest first, until nothing is left; every item in the order it started."""
    seen = list(started)
    running = list(started)
    while running:
        item = running.pop(0)
        more = order.finish(item[0])
        seen += more
        running += more
    return seen


def test_one_chat_runs_one_update_at_a_time_in_arrival_order() -> None:
    order: TurnOrder[str] = TurnOrder(limit=4, backlog_limit=4)
    assert order.arrive(A, "a1") == ["a1"]
    assert order.arrive(A, "a2") == []
    assert order.arrive(A, "a3") == []
    assert (order.running, order.waiting) == (1, 2)
    assert order.finish(A) == ["a2"]
    assert order.finish(A) == ["a3"]
    assert order.finish(A) == []
    assert (order.running, order.waiting) == (0, 0)


def test_no_more_than_the_limit_run_at_once() -> None:
    order: TurnOrder[str] = TurnOrder(limit=2, backlog_limit=1)
    assert [order.arrive(chat, f"{chat}1") for chat in (A, B, C)] == [["a1"], ["b1"], []]
    assert order.running == 2
    assert order.finish(A) == ["c1"]


def test_flooding_chats_take_turns_one_update_each() -> None:
    order: TurnOrder[str] = TurnOrder(limit=16, backlog_limit=1)
    started = []
    for n in range(1, 4):
        for chat in (A, B, C):
            started += order.arrive(chat, f"{chat}{n}")
    # Each chat's first update finds it idle and starts; the rest share one backlog slot, round robin.
    assert started == ["a1", "b1", "c1"]
    assert drain(order, started) == ["a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3"]


def test_a_chat_without_a_backlog_goes_ahead_of_every_backlogged_one() -> None:
    order: TurnOrder[str] = TurnOrder(limit=2, backlog_limit=1)
    assert order.arrive(A, "a1") + order.arrive(B, "b1") == ["a1", "b1"]
    for n in range(2, 6):
        order.arrive(A, f"a{n}")
        order.arrive(B, f"b{n}")
    assert order.finish(A) == ["a2"]  # the backlog lane's one slot
    assert order.arrive(D, "d1") == []  # both slots busy
    assert order.finish(B) == ["d1"]  # fresh first: b2 waits, the lane is in use
    assert order.finish(D) == []  # the lane is still in use by a2; nothing fresh waits
    assert order.finish(A) == ["b2"]  # the lane's turn: a3 waits for it
    assert order.finish(B) == ["a3"]


def test_a_chat_with_a_short_backlog_goes_before_chats_that_have_had_many_turns() -> None:
    order: TurnOrder[str] = TurnOrder(limit=16, backlog_limit=1)
    started = order.arrive(A, "a1") + order.arrive(B, "b1")
    for n in range(2, 10):
        order.arrive(A, f"a{n}")
        order.arrive(B, f"b{n}")
    for chat in (A, B, A, B, A):
        started = order.finish(chat)
    assert started == ["b3"]
    # C sends three messages at once: its second and third wait in the backlog lane, but it has had one
    # turn against A's and B's three, so they go next.
    assert order.arrive(C, "c1") == ["c1"]
    order.arrive(C, "c2")
    order.arrive(C, "c3")
    assert order.finish(C) == []  # the lane's one slot is b4's
    assert order.finish(B) == ["c2"]
    assert order.finish(C) == ["c3"]
    assert order.finish(C) == ["a4"]


def test_a_backlog_still_moves_while_fresh_chats_keep_every_slot_busy() -> None:
    order: TurnOrder[str] = TurnOrder(limit=2, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(A, "a2")
    order.arrive(B, "b1")
    order.arrive(C, "c1")  # waits for a slot, fresh
    # A slot frees: no backlog update runs, so the backlog's oldest goes before the fresh c1.
    assert order.finish(A) == ["a2"]
    assert order.finish(B) == ["c1"]


def test_a_chat_that_goes_idle_is_fresh_again() -> None:
    order: TurnOrder[str] = TurnOrder(limit=2, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(A, "a2")
    order.finish(A)
    order.finish(A)
    order.arrive(B, "b1")
    order.arrive(B, "b2")
    assert order.finish(B) == ["b2"]  # in the lane
    assert order.arrive(A, "a3") == ["a3"]  # A is idle again: fresh, not behind b2 in the lane


def test_a_withdrawn_update_never_starts_and_its_chat_moves_on() -> None:
    order: TurnOrder[str] = TurnOrder(limit=1, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(A, "a2")
    order.arrive(A, "a3")
    order.arrive(B, "b1")
    assert order.withdraw(A, "a2")
    assert not order.withdraw(A, "a1")  # running: it gives its turn back with finish
    assert order.withdraw(B, "b1")
    assert order.finish(A) == ["a3"]
    assert order.finish(A) == []
    assert (order.running, order.waiting) == (0, 0)


def test_limits_below_one_are_refused() -> None:
    with pytest.raises(ValueError):
        TurnOrder(limit=0, backlog_limit=1)
    with pytest.raises(ValueError):
        TurnOrder(limit=1, backlog_limit=0)
