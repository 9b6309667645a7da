"""The days and time a message asks for, read for the /schedule pointer's button."""

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach.scheduleasked import DAY_NAMES, ScheduleAsked, carried, days_turned_down, schedule_asked

MON_THU = frozenset({0, 3})
FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def argument(text: str, current: frozenset[int] | None = MON_THU) -> str | None:
    asked = schedule_asked(text, current)
    return asked.argument if asked is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can you remind me tuesdays and fridays at 7pm", "tue,fri 19:00"),
        ("Please set my days to Tue/Thu/Sat", "tue,thu,sat"),
        ("change my training days to mon wed fri", "mon,wed,fri"),
        ("REMIND ME MONDAYS AND THURSDAYS AT 7 PM", "mon,thu 19:00"),
        ("remind me tues and thurs at 19:00", "tue,thu 19:00"),
        ("could you remind me on Tuesday and Friday evenings at 7?", "tue,fri 19:00"),
        ("I'd like reminders at 6.30am on mon wed and fri", "mon,wed,fri 06:30"),
        ("at 7.30 on weds", "wed 07:30"),
        ("remind me at noon on fridays", "fri 12:00"),
        ("I want to train on weekdays at 7am", "mon,tue,wed,thu,fri 07:00"),
        ("weekends at 9 a.m. please", "sat,sun 09:00"),
        ("remind me mon-fri at 6 in the morning", "mon,tue,wed,thu,fri 06:00"),
        ("remind me monday to friday at half past six", "mon,tue,wed,thu,fri 06:30"),
        ("every day except sunday at 6pm", "mon,tue,wed,thu,fri,sat 18:00"),
        ("weekdays except wednesday", "mon,tue,thu,fri"),
        ("sat and sun at 10", "sat,sun 10:00"),
        ("What if I can only train on saturdays?", "sat"),
        ("Would Tuesday and Friday work?", "tue,fri"),
        ("remind me tuesdays at 7 in the evening", "tue 19:00"),
        ("remind me on wednesdays at quarter to seven", "wed 06:45"),
        # a part of the day beside the days is still only the schedule
        ("friday morning at 7", "fri 07:00"),
        ("Friday mornings at 7am", "fri 07:00"),
        ("monday and thursday evenings at 6", "mon,thu 18:00"),
        ("remind me thursdays, seven o'clock", "thu 07:00"),
        ("remind me at 19h30 on sundays", "sun 19:30"),
        # a time alone keeps the chat's days
        ("move my reminders to 6:30", "mon,thu 06:30"),
        ("can you ping me at 19:00 instead", "mon,thu 19:00"),
        ("make it 7pm instead of 6pm", "mon,thu 19:00"),
        ("move my reminder from 6pm to 7pm", "mon,thu 19:00"),
        ("7am works better than 6am", "mon,thu 07:00"),
        ("around 8 in the evening", "mon,thu 20:00"),
        ("remind me at 5 in the afternoon", "mon,thu 17:00"),
        ("I often train at weekends, remind me then at 9", "sat,sun 09:00"),
        ("I sat at my desk all day, remind me at 7.30", "mon,thu 07:30"),
        ("I work out on mondays and thursdays, remind me at 6pm", "mon,thu 18:00"),
        ("I trained on monday, move my reminders to 6:30", "mon,thu 06:30"),
        # days told of, not asked for
        ("My gym is closed on sundays. Remind me at 7pm", "mon,thu 19:00"),
        ("I play football on saturdays, remind me at 7pm", "mon,thu 19:00"),
        # digits of any script and full-width forms
        ("move my reminders to ٧:٣٠", "mon,thu 07:30"),
        ("remind me tues and thurs at １９：００", "tue,thu 19:00"),
        ("remind me fridays at ७ pm", "fri 19:00"),
    ],
)
def test_reads_the_days_and_time_asked_for(text: str, expected: str) -> None:
    assert argument(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the days that no longer work are left out
        ("Mondays don't work any more, could we do Tuesdays and Fridays instead", "tue,fri"),
        ("not wednesday, thursday is better", "thu"),
        ("monday's no good anymore, let's do tuesday", "tue"),
        ("wednesdays are out, thursdays in", "thu"),
        ("remind me on tuesday and friday, not monday", "tue,fri"),
        ("no mondays please, tuesdays and fridays", "tue,fri"),
        ("I can't do monday or tuesday, wednesday works", "wed"),
        ("Monday doesn't suit, Tuesday does", "tue"),
        ("mondays are my rest day now, remind me tuesdays", "tue"),
        ("I'm busy on mondays, can we move it to wednesdays at 8pm", "wed 20:00"),
        (
            "I can't make Mondays anymore. Tuesdays and Fridays would suit me better, around 6pm",
            "tue,fri 18:00",
        ),
        ("I'd rather not do mondays and do tuesdays instead", "tue"),
        # what the message changes of the chat's days (Mon and Thu)
        ("drop monday", "thu"),
        ("Drop Monday please", "thu"),
        ("take thursday off", "mon"),
        ("no more mondays", "thu"),
        ("add friday", "mon,thu,fri"),
        ("also remind me on saturdays", "mon,thu,sat"),
        ("move my monday session to tuesday", "tue,thu"),
        ("swap thursday for friday", "mon,fri"),
        ("can we do tuesday instead of monday", "tue,thu"),
        ("tuesdays work better than mondays", "tue,thu"),
        ("instead of mondays, can we do tuesdays", "tue,thu"),
        ("switch monday and thursday to tuesday and friday", "tue,fri"),
        ("change the days from mon/thu to tue/fri", "tue,fri"),
    ],
)
def test_only_the_days_wanted_are_carried(text: str, expected: str) -> None:
    assert argument(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the newcomer trial's message: Monday and Wednesday were put on the button with the days asked for
        (
            "tue, thur and sat. i do night shift mon and wed so evening 6pm is better for me",
            "tue,thu,sat 18:00",
        ),
        ("I work mon and wed, so tue thu sat", "tue,thu,sat"),
        ("I do night shifts on mon and wed, remind me tue thu sat at 6pm", "tue,thu,sat 18:00"),
        ("night shift mon and wed, tuesdays and thursdays are good", "tue,thu"),
        ("I'm working mondays and wednesdays, can we do tue and thu", "tue,thu"),
        ("I work mon and wed so tuesdays and thursdays work", "tue,thu"),
        ("on call fridays, so mon and wed", "mon,wed"),
        ("mon to fri, not fridays", "mon,tue,wed,thu"),
        ("weekdays at 7pm, can't do weekends", "mon,tue,wed,thu,fri 19:00"),
        ("every day except sunday", "mon,tue,wed,thu,fri,sat"),
        # days as the subject ask for themselves, and training is no work
        ("mondays and fridays work for me", "mon,fri"),
        ("I work out on tuesdays and fridays", "tue,fri"),
    ],
)
def test_days_work_takes_are_never_carried(text: str, expected: str) -> None:
    assert argument(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I work mon and wed", {0, 2}),
        ("night shift mon and wed", {0, 2}),
        ("not fridays", {4}),
        ("every day except sunday", {6}),
        ("can't do weekends", {5, 6}),
        ("3 days a week", set()),
        ("mondays work for me", set()),
        ("I can't make it tomorrow", set()),
    ],
)
def test_the_days_turned_down(text: str, expected: set[int]) -> None:
    assert days_turned_down(text) == frozenset(expected)


def test_days_turned_down_left_open_are_none() -> None:
    # Which of the two the "not" goes with is left open.
    assert days_turned_down("Mondays are hard and wednesdays would be better") is None


@pytest.mark.parametrize(
    "text",
    [
        # days turned down with no word of what would work, or a "not" that could go either way
        "Mondays don't work any more",
        "I can't do mon, thu",
        "I can't do mon, thu - can you change my training days?",
        "mondays, tuesdays and fridays don't work",
        "Mondays are hard and wednesdays would be better",
        "Mondays don't work any more could we do Tuesdays and Fridays instead",
        "Don't remind me on weekends",
        "anything but monday",
        # a choice or a day off left open
        "tuesday or friday?",
        "I need Sundays free",
        "I'm off on mondays",
        # a change to days the chat does not train on
        "drop saturday",
        "no more saturdays",
        "can we do thursday instead of wednesday",
        # a one-off, a week with no rest day, every other day
        "remind me this friday at 7",
        "remind me tomorrow at 7",
        "remind me every day at 8",
        "every other day at 7pm",
        # times left open
        "between 6 and 7 please",
        "6pm is too early, 7pm?",
        "6-7pm on tuesdays",
        "at 13pm on fridays",
        "mornings at 7, or evenings",
        "at 7 in the morning or the evening",
        # minutes past or to an hour, and midnight: not read, rather than read as 10:00 or noon
        "remind me at ten past seven",
        "remind me at twenty to eight in the evening",
        "remind me at quarter to 1pm",
        "remind me tuesdays at 12 at night",
        "remind me at midnight",
        # nothing to carry
        "how do I change my reminder time?",
        "move my reminders an hour later",
        "which days do you remind me?",
        "",
    ],
)
def test_what_is_left_open_is_not_carried(text: str) -> None:
    assert argument(text) is None


def test_a_change_needs_the_chats_days() -> None:
    for text in (
        "drop monday",
        "add friday",
        "move my monday session to tuesday",
        "move my reminders to 6:30",
    ):
        assert argument(text, None) is None
    assert argument("can you remind me tuesdays and fridays at 7pm", None) == "tue,fri 19:00"


def test_a_button_carries_only_what_argument_writes() -> None:
    assert carried("tue,fri 1900") and carried("mon") and carried("mon,tue,wed,thu,fri,sat 0630")
    for forged in (
        "fri,tue",
        "tue,tue",
        "mon,tue,wed,thu,fri,sat,sun",
        "tue 2500",
        "tue 19:00",
        "tue 7pm",
        "",
    ):
        assert not carried(forged)


_STYLES = (
    lambda d: FULL[d],
    lambda d: FULL[d] + "s",
    lambda d: FULL[d].capitalize(),
    lambda d: DAY_NAMES[d],
    lambda d: DAY_NAMES[d].upper(),
)
some_days = st.frozensets(st.integers(0, 6), min_size=1, max_size=6)


def said(days: frozenset[int], style: int) -> str:
    names = [_STYLES[style](d) for d in sorted(days)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@given(
    days=some_days, style=st.integers(0, len(_STYLES) - 1), hour=st.integers(0, 23), minute=st.integers(0, 59)
)
def test_any_days_at_any_time(days: frozenset[int], style: int, hour: int, minute: int) -> None:
    text = f"can you remind me on {said(days, style)} at {hour}:{minute:02}"
    assert schedule_asked(text, MON_THU) == ScheduleAsked(days, time(hour, minute))


@given(
    hour=st.integers(1, 12), minute=st.sampled_from([0, 15, 30, 45]), pm=st.booleans(), space=st.booleans()
)
def test_twelve_hour_times(hour: int, minute: int, pm: bool, space: bool) -> None:
    clock = f"{hour}" if minute == 0 else f"{hour}:{minute:02}"
    text = f"remind me fridays at {clock}{' ' if space else ''}{'pm' if pm else 'am'}"
    assert schedule_asked(text, None) == ScheduleAsked(frozenset({4}), time(hour % 12 + 12 * pm, minute))


# Zero in a few scripts: Arabic-Indic, Devanagari, Bengali, Thai, full-width.
_ZEROS = (0x660, 0x966, 0x9E6, 0xE50, 0xFF10)


@given(hour=st.integers(0, 23), minute=st.integers(0, 59), zero=st.sampled_from(_ZEROS))
def test_digits_of_any_script(hour: int, minute: int, zero: int) -> None:
    text = f"move my reminders to {hour}:{minute:02}".translate({ord(str(n)): zero + n for n in range(10)})
    assert schedule_asked(text, MON_THU) == ScheduleAsked(MON_THU, time(hour, minute))


_TURNED_DOWN = (
    "{no} don't work any more, could we do {yes} instead",
    "{no} no longer work for me. {yes} would be better",
    "not {no} please, {yes} instead",
    "I can't do {no} but {yes} works",
    "{yes}, but not {no}",
    "{yes} please, no {no}",
    "{no} are impossible now, so {yes}",
    # days that work takes
    "I work {no}, so {yes} please",
    "{yes}. i do night shift {no} so evening 6pm is better for me",
    "I'm working {no}, can we do {yes}",
    "{yes} at 7pm, I have work {no}",
)


@given(
    split=st.lists(st.sampled_from([None, True, False]), min_size=7, max_size=7),
    template=st.sampled_from(_TURNED_DOWN),
    style=st.integers(0, 2),  # the short names of sat, sun and wed are read only beside another day
    current=st.none() | some_days,
)
def test_a_day_turned_down_is_never_carried(
    split: list[bool | None], template: str, style: int, current: frozenset[int] | None
) -> None:
    yes = frozenset(d for d, wanted in enumerate(split) if wanted)
    no = frozenset(d for d, wanted in enumerate(split) if wanted is False)
    if not yes or not no or len(yes) == 7:
        return
    asked = schedule_asked(template.format(no=said(no, style), yes=said(yes, style)), current)
    assert asked is not None and asked.days == yes


_WORDS = (
    *FULL,
    *DAY_NAMES,
    ",",
    ".",
    "-",
    "not",
    "no",
    "and",
    "or",
    "instead",
    "of",
    "drop",
    "add",
    "move",
    "to",
)


@given(st.lists(st.sampled_from((*_WORDS, "7pm", "at", "6:30", "weekdays", "every day"))).map(" ".join))
def test_any_mix_of_days_and_words_gives_a_valid_argument_or_none(text: str) -> None:
    for current in (None, MON_THU):
        asked = schedule_asked(text, current)
        assert asked is None or carried(asked.argument.replace(":", ""))


@given(st.text())
def test_any_text_gives_a_valid_argument_or_none(text: str) -> None:
    asked = schedule_asked(text, MON_THU)
    assert asked is None or carried(asked.argument.replace(":", ""))
