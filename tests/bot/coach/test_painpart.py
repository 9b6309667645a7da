"""A pain told of a body part and a kind of move, no exercise named (``bot.coach.painpart``).

A newcomer trial: "front of the shoulder, sharp when i raise my arm overhead. should I still train today?"
left the plan as it was, and "can you adjust today workout so it no go stress the shoulder? maybe no overhead
pulling" got the /workout blurb; /workout still had the chin-ups and the lat pulldown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coach import painpart
from bot.coach.catalog import Catalog
from bot.coach.cautions import keeps_out

CATALOG = Catalog.load(Path("bot/content"))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "front of the shoulder, sharp when i raise my arm overhead. should I still train today?",
            ("overhead",),
        ),
        ("my shoulder hurts when I hang from the bar", ("overhead",)),
        ("my lower back aches, should I train?", ("lower-back",)),
        # A shoulder without the arms overhead, another part: nothing the coach can leave out by the part.
        ("my shoulder hurts", ()),
        ("my elbow hurts when I raise my arm overhead", ()),
        ("my shoulder blade aches overhead", ()),
    ],
)
def test_kinds_told(text: str, kinds: tuple[str, ...]) -> None:
    assert painpart.kinds_told(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "can you adjust today workout so it no go stress the shoulder? maybe no overhead pulling",
            ("overhead",),
        ),
        ("adjust today's workout so it doesn't stress my shoulder", ("overhead",)),
        ("no overhead pulling today please", ("overhead",)),
        ("leave out the overhead stuff for now", ("overhead",)),
        ("can you change my plan to go easy on my lower back", ("lower-back",)),
        ("skip anything that loads my lower back", ("lower-back",)),
        # No request, or nothing of a kind named.
        ("how do I adjust the seat so it doesn't hurt my shoulder", ()),
        ("is overhead pulling good for the shoulder", ()),
        ("can you adjust today's workout, I only have 30 minutes", ()),
        ("go easy on my elbow today", ()),
        ("can you change my plan, I want to train my lower back more", ()),
        ("I work out my shoulders twice a week", ()),
        ("I have no shoulder pain, can I do more pull ups", ()),
        ("is the face pull easy on the shoulder", ()),
        ("take the overhead pulls out for a while", ("overhead",)),
    ],
)
def test_asked_to_leave_out(text: str, kinds: tuple[str, ...]) -> None:
    assert painpart.asked_to_leave_out(text) == kinds


def test_the_kinds_keep_out_the_existing_rules_moves() -> None:
    overhead = painpart.kept_by("overhead", CATALOG)
    assert {"pull-up", "chin-up", "lat-pulldown", "band-pulldown", "scapular-pull-up"} <= overhead
    assert "seated-cable-row" not in overhead and "deadlift" not in overhead
    back = painpart.kept_by("lower-back", CATALOG)
    assert {"deadlift", "dumbbell-rdl", "bent-over-row", "rear-delt-fly", "prone-cobra"} <= back
    assert "chest-supported-row" not in back and "pull-up" not in back


def test_covered_by_the_cautions_in_force() -> None:
    # A shoulder told of on the lat pulldown keeps every overhead pull out already; an elbow, its own only.
    shoulder = keeps_out("lat-pulldown", CATALOG, lower_back=False, shoulder=True)
    elbow = keeps_out("lat-pulldown", CATALOG, lower_back=False, shoulder=False)
    assert painpart.covered("overhead", [elbow, shoulder], CATALOG)
    assert not painpart.covered("overhead", [elbow], CATALOG)
    # A lower back told of on a row leaves the hinges in: not all a lower back's caution would leave out.
    row = keeps_out("bent-over-row", CATALOG, lower_back=True, shoulder=False)
    assert not painpart.covered("lower-back", [row], CATALOG)
    hinge = keeps_out("deadlift", CATALOG, lower_back=False, shoulder=False)
    assert painpart.covered("lower-back", [hinge], CATALOG)


def test_the_anchor_is_todays_move_of_the_kind_else_one_the_chat_can_do() -> None:
    assert (
        painpart.anchor("overhead", CATALOG, planned=["deadlift", "pull-up", "lat-pulldown"], usable=())
        == "pull-up"
    )
    assert (
        painpart.anchor(
            "overhead", CATALOG, planned=["pull-up", "lat-pulldown"], usable=(), taken={"pull-up"}
        )
        == "lat-pulldown"
    )
    assert painpart.anchor("lower-back", CATALOG, planned=["pull-up"], usable={"dumbbell-rdl"}) == (
        "dumbbell-rdl"
    )


def test_kind_of_a_stored_caution() -> None:
    assert painpart.kind_of(True, False, "shoulder") == "overhead"
    assert painpart.kind_of(True, True, "lower back") == "lower-back"
    assert painpart.kind_of(False, True, "lower back") is None
