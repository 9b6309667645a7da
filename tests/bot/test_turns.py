"""The turn order across chats (bot.turns): who starts next when updates wait, without any event loop.

``tick`` stands for one pass of the event loop: the processor calls it once a pass while a backlogged
update could start.
"""

from __future__ import annotations

import pytest

from bot.turns import TurnOrder

A, B, C, D = "a", "b", "c", "d"


def test_one_chat_runs_one_update_at_a_time_in_arrival_order() -> None:
    order: TurnOrder[str] = TurnOrder(limit=4, backlog_limit=4)
    assert order.arrive(A, "a1") == ["a1"]
    assert order.arrive(A, "a2") == []
    assert order.arrive(A, "a3") == []
    assert (order.running, order.waiting) == (1, 2)
    assert order.tick() is None  # a2 waits for a1
    assert order.finish(A) == []
    assert order.tick() == "a2"
    assert order.finish(A) == []
    assert order.tick() == "a3"
    assert order.finish(A) == []
    assert (order.running, order.waiting, order.backlog_due) == (0, 0, False)


def test_no_more_than_the_limit_run_at_once() -> None:
    order: TurnOrder[str] = TurnOrder(limit=2, backlog_limit=1)
    assert [order.arrive(chat, f"{chat}1") for chat in (A, B, C)] == [["a1"], ["b1"], []]
    assert order.running == 2
    assert order.finish(A) == ["c1"]


def test_a_flood_starts_one_update_per_pass_of_the_loop_taking_turns() -> None:
    order: TurnOrder[str] = TurnOrder(limit=16, backlog_limit=16)
    started = []
    for n in range(1, 4):
        for chat in (A, B, C):
            started += order.arrive(chat, f"{chat}{n}")
    # Each chat's first update finds it idle and starts at once; the rest are backlog.
    assert started == ["a1", "b1", "c1"]
    for chat in (A, B, C):
        assert order.finish(chat) == []
    passes = [order.tick() for _ in range(4)]
    assert passes == ["a2", "b2", "c2", None]  # one a pass, never two
    for chat in (A, B, C):
        order.finish(chat)
    assert [order.tick() for _ in range(4)] == ["a3", "b3", "c3", None]


def test_backlogged_chats_share_their_lane_least_served_first() -> None:
    order: TurnOrder[str] = TurnOrder(limit=16, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(B, "b1")
    for n in range(2, 10):
        order.arrive(A, f"a{n}")
        order.arrive(B, f"b{n}")
    order.finish(A)
    order.finish(B)
    assert (order.tick(), order.tick()) == ("a2", None)  # the lane's one slot is taken
    ran = []
    for _ in range(3):
        chat = ran[-1][0] if ran else A
        order.finish(chat)
        started = order.tick()
        assert started is not None
        ran.append(started)
    assert ran == ["b2", "a3", "b3"]
    # C sends three messages at once: its second and third wait in the backlog lane, but it has had one
    # turn against A's and B's three, so they go next.
    assert order.arrive(C, "c1") == ["c1"]
    order.arrive(C, "c2")
    order.arrive(C, "c3")
    order.finish(C)
    assert order.tick() is None  # b3 holds the lane
    order.finish(B)
    assert order.tick() == "c2"
    order.finish(C)
    assert order.tick() == "c3"
    order.finish(C)
    assert order.tick() == "a4"


def test_a_chat_without_a_backlog_starts_at_once_beside_a_flood() -> None:
    order: TurnOrder[str] = TurnOrder(limit=4, backlog_limit=2)
    order.arrive(A, "a1")
    for n in range(2, 10):
        order.arrive(A, f"a{n}")
    order.finish(A)
    assert order.tick() == "a2"
    assert order.arrive(D, "d1") == ["d1"]  # no turn to wait for, whatever A has queued


def test_a_backlog_still_moves_while_fresh_chats_keep_every_slot_busy() -> None:
    order: TurnOrder[str] = TurnOrder(limit=2, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(A, "a2")
    order.arrive(B, "b1")
    order.arrive(C, "c1")  # fresh, waits for a slot
    # A slot frees while the backlog waits with nothing running: fresh c1 leaves it to the backlog.
    assert order.finish(A) == []
    assert order.tick() == "a2"
    assert order.finish(B) == ["c1"]


def test_with_one_slot_a_flood_and_other_chats_take_turns() -> None:
    order: TurnOrder[str] = TurnOrder(limit=1, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(A, "a2")
    order.arrive(A, "a3")
    order.arrive(B, "b1")
    order.arrive(C, "c1")
    assert (order.finish(A), order.tick()) == ([], "a2")
    assert (order.finish(A), order.tick()) == (["b1"], None)
    assert (order.finish(B), order.tick()) == ([], "a3")
    assert (order.finish(A), order.tick()) == (["c1"], None)


def test_a_chat_that_goes_idle_is_fresh_again() -> None:
    order: TurnOrder[str] = TurnOrder(limit=2, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(A, "a2")
    order.finish(A)
    order.tick()
    order.finish(A)
    order.arrive(B, "b1")
    order.arrive(B, "b2")
    order.finish(B)
    assert order.tick() == "b2"
    assert order.arrive(A, "a3") == ["a3"]  # A is idle again: fresh, not behind B in the lane


def test_a_withdrawn_update_never_starts_and_its_chat_moves_on() -> None:
    order: TurnOrder[str] = TurnOrder(limit=1, backlog_limit=1)
    order.arrive(A, "a1")
    order.arrive(A, "a2")
    order.arrive(A, "a3")
    order.arrive(B, "b1")
    assert order.withdraw(A, "a2")
    assert not order.withdraw(A, "a1")  # running: it gives its turn back with finish
    assert order.withdraw(B, "b1")
    assert order.finish(A) == []
    assert order.tick() == "a3"
    assert order.finish(A) == []
    assert (order.running, order.waiting, order.backlog_due) == (0, 0, False)


def test_limits_below_one_are_refused() -> None:
    with pytest.raises(ValueError):
        TurnOrder(limit=0, backlog_limit=1)
    with pytest.raises(ValueError):
        TurnOrder(limit=1, backlog_limit=0)
