"""Set-up answers typed: which option a message names, and what is no answer."""

from __future__ import annotations

from datetime import time

import pytest

from bot.coach.model import Equipment, Level
from bot.coach.scheduleasked import ScheduleAsked, morning_guessed
from bot.coach.setupanswers import (
    Ahead,
    ScheduleReply,
    days_named,
    kit_named,
    level_named,
    place_named,
    schedule_reply,
    told_ahead,
)
from scheduler.slots import ScheduleInputError, parse_schedule, parse_time, zones_in

HOME = ("bar", "low-bar", "bands", "load", "dumbbells")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("1", Level.BEGINNER),
        ("beginner", Level.BEGINNER),
        ("🌱 Beginner", Level.BEGINNER),
        ("I'm new to lifting", Level.BEGINNER),
        ("level 2", Level.INTERMEDIATE),
        ("been training for a while", Level.INTERMEDIATE),
        ("3", Level.ADVANCED),
        ("experienced", Level.ADVANCED),
        ("not a beginner", None),
        ("beginner or intermediate", None),
        ("what's a beginner routine?", None),
        ("how do I know if I'm advanced", None),
        ("4", None),
        ("hello", None),
        # A newcomer trial's: the "never" turns down lifting, not the level.
        ("honestly I've never really lifted anything so a beginner I suppose", Level.BEGINNER),
        (
            "honestly I've never really lifted anything in my life apart from shopping bags, so a beginner I"
            " suppose",
            Level.BEGINNER,
        ),
        (
            "I played football for years but in the gym I'd say I'm intermediate, been lifting on and off",
            Level.INTERMEDIATE,
        ),
        ("I don't think I'm a beginner any more, I've been at it for two years or so", None),
        ("honestly I've never really lifted anything, so is beginner right for me?", None),
        ("is beginner right for me", None),
        # In a long message "new" may be a new job: only a word that means the level there reads as one.
        ("I just started a new job so evenings are busy but I can manage a few sessions a week", None),
        ("I'm a beginner, well not totally, I did some intermediate stuff at school years ago", None),
        ("I started as a beginner and I have been doing this for five years now at a real gym", None),
        # A newcomer trial's first message: never having lifted is the level, with no level word.
        ("Hello, I'm Rosa, I'm 68 and a retired teacher. I've never lifted weights before", Level.BEGINNER),
        ("never lifted weights", Level.BEGINNER),
        ("I have never trained before", Level.BEGINNER),
        ("I've never done any weight training", Level.BEGINNER),
        # Not now: a past that ended, or a question.
        ("I'd never lifted weights before last year, now I train 3 times a week", None),
        ("I never lifted weights until I was 40", None),
        ("I've never lifted weights, is that a problem?", None),
        ("I've never lifted weights but I'm advanced at yoga", None),
    ],
)
def test_level(text: str, level: Level | None) -> None:
    assert level_named(text) == level


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("home", Equipment.HOME),
        ("at home", Equipment.HOME),
        ("🏠 Home", Equipment.HOME),
        ("home gym in my garage", Equipment.HOME),
        ("at the gym", Equipment.GYM),
        ("gym", Equipment.GYM),
        ("gym or home", None),
        ("is home training enough?", None),
        ("not at the gym", None),
        ("1", None),
        ("I work long shifts and honestly I can't afford a membership so at home it is", Equipment.HOME),
        ("I'm not a gym person at all, never have been, so it'll have to be at home", None),
        ("there's a gym at work but it's always packed, I'd rather not, so home probably", None),
        ("my back hurts when I train and I want to know if I should keep going to the gym every week", None),
    ],
)
def test_place(text: str, place: Equipment | None) -> None:
    assert place_named(text) == place


@pytest.mark.parametrize(
    ("text", "kit"),
    [
        ("pull-up bar and bands", ["bar", "bands"]),
        ("a backpack and rings", ["low-bar", "load"]),
        ("low bar", ["low-bar"]),
        # Dumbbells are their own box, not the backpack's (a newcomer trial got backpack moves).
        ("I have dumbbells and a band", ["bands", "dumbbells"]),
        ("adjustable dumbells", ["dumbbells"]),
        ("a backpack and some dumbbells", ["load", "dumbbells"]),
        ("nothing", []),
        ("no equipment at all", []),
        ("no bar", None),
        ("nothing but bands", None),
        ("gym", None),
        ("which bands should I buy?", None),
        (
            "I've got a pull-up bar in the bedroom doorway and a couple of resistance bands, that's about it",
            ["bar", "bands"],
        ),
        ("honestly not much at all, just a backpack I could fill with books I suppose", ["load"]),
        # What was and what is not are not owned; what is, is.
        ("I used to have a pull-up bar but it broke, so I have no bar now, only bands", ["bands"]),
        (
            "I've got a pair of adjustable dumbbells and a resistance band, no pull-up bar",
            ["bands", "dumbbells"],
        ),
        ("no bar", None),
        ("nothing except bands", None),
    ],
)
def test_kit(text: str, kit: list[str] | None) -> None:
    assert kit_named(text, HOME) == kit


def test_kit_reads_only_the_items_offered() -> None:
    assert kit_named("bar and bands", ("bands",)) == ["bands"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("probably 3, like tuesday thursday and saturday", {1, 3, 5}),
        ("probably 3", {0, 2, 4}),
        ("three times a week", {0, 2, 4}),
        ("2 days I think", {0, 3}),
        ("twice a week", {0, 3}),
        ("2x a week", {0, 3}),
        ("twice a week, mornings, say monday and thursday at 6:30am", {0, 3}),
        ("twice a week, say tue wed fri", None),
        ("once a week", None),
        ("I did 2x10", None),
        ("weekends", {5, 6}),
        ("2, tue thu sat", None),
        ("5 days", None),
        ("3 or 4", None),
        ("how many days should I train?", None),
        ("I can't do 3", None),
        # a count lands on none of the days said not to work
        ("twice a week, I work mondays and thursdays", {1, 4}),
        ("3 days a week, I work mon and wed", {1, 3, 5}),
        ("3 days, can't do weekends", {0, 2, 4}),
        ("2 days, not mondays", {1, 4}),
        ("3 days, I'm busy on monday or wednesday", {1, 3, 5}),
        ("3 days, mondays are hard and wednesdays would be better", None),
        ("I did 3 sets of rows", None),
    ],
)
def test_days(text: str, days: set[int] | None) -> None:
    named = days_named(text)
    assert (None if named is None else named.days) == (None if days is None else frozenset(days))


@pytest.mark.parametrize(
    ("text", "days", "at", "guessed"),
    [
        ("tuesdays and fridays, around 9 in the evening", {1, 4}, time(21), False),
        ("tuesdays and fridays around 9", {1, 4}, time(9), True),
        ("mon wed fri at 6:30am", {0, 2, 4}, time(6, 30), False),
        ("3 days, at 7 in the morning", {0, 2, 4}, time(7), False),
        ("3 days a week at 7", {0, 2, 4}, time(7), True),
        ("probably 3, like tuesday thursday and saturday", {1, 3, 5}, None, False),
        ("mornings, say monday and thursday at 6:30am", {0, 3}, time(6, 30), False),
    ],
)
def test_days_keep_the_time_told_with_them(text: str, days: set[int], at: time | None, guessed: bool) -> None:
    named = days_named(text)
    assert named is not None and (named.days, named.at) == (frozenset(days), at)
    assert at is None or morning_guessed(text, at) == guessed


def test_days_with_the_time_left_open_are_no_answer() -> None:
    assert days_named("tue and fri, 6 or 7 in the evening") is None


# ------------------------------------------------------------------ answers told before their question


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "I'm in Lisbon, mondays and thursdays at 7",
            Ahead(zone="Europe/Lisbon", days=ScheduleAsked(frozenset({0, 3}), time(7, 0))),
        ),
        ("beginner, 3 days a week", Ahead(days=ScheduleAsked(frozenset({0, 2, 4}), None))),
        ("twice a week at 6pm", Ahead(days=ScheduleAsked(frozenset({0, 3}), time(18, 0)))),
        ("I'm new, I have a pull-up bar at home", Ahead(place=Equipment.HOME, kit=("bar",))),
        ("intermediate, gym, Berlin", Ahead(place=Equipment.GYM, zone="Europe/Berlin")),
        # A bare count answers the open question (a level's number); "nothing" alone owns no kit told early.
        ("2", Ahead()),
        ("probably 3", Ahead()),
        ("nothing", Ahead()),
        # A question tells nothing.
        ("is training in Lisbon on mondays ok?", Ahead()),
        ("hi there", Ahead()),
    ],
)
def test_answers_told_ahead_are_read_as_their_own_questions_read_them(text: str, told: Ahead) -> None:
    assert told_ahead(text, HOME, zones_in) == told


# ------------------------------------------------------------------ a reply to /schedule's question

MON_THU = frozenset({0, 3})


def as_arguments(text: str) -> tuple[frozenset[int] | None, time | None] | None:
    """/schedule's own reading of its arguments, as the handler passes it: days and maybe a time, or a
    time alone."""
    try:
        return parse_schedule(text)
    except ScheduleInputError:
        try:
            return None, parse_time(text)
        except ScheduleInputError:
            return None


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # the newcomer trial's reply: a time alone keeps the days
        ("10:00", ScheduleReply(None, time(10))),
        ("10", ScheduleReply(None, time(10))),
        ("6", ScheduleReply(None, time(6))),
        ("mon thu", ScheduleReply(MON_THU, None)),
        ("tue fri 7pm", ScheduleReply(frozenset({1, 4}), time(19))),
        # a count onboarding offers, alone or said
        ("3", ScheduleReply(frozenset({0, 2, 4}), None)),
        ("3 days", ScheduleReply(frozenset({0, 2, 4}), None, in_words=True)),
        ("twice a week at 6pm", ScheduleReply(MON_THU, time(18), in_words=True)),
        ("tuesdays and fridays at 7pm", ScheduleReply(frozenset({1, 4}), time(19))),
        ("tuesdays and fridays around 9", ScheduleReply(frozenset({1, 4}), time(9), in_words=True)),
        ("3 days, I work mon and wed", ScheduleReply(frozenset({1, 3, 5}), None, in_words=True)),
        # a change of the chat's days or time
        ("around 8 in the evening", ScheduleReply(None, time(20), in_words=True)),
        ("drop monday", ScheduleReply(frozenset({3}), None, in_words=True)),
        # nothing of the schedule
        ("how many days should I train?", None),
        ("thanks!", None),
        ("5 days", None),
        ("tuesday or friday", None),
    ],
)
def test_a_reply_to_the_schedule_question(text: str, told: ScheduleReply | None) -> None:
    assert schedule_reply(text, MON_THU, as_arguments) == told
