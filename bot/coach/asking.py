"""Which sentence of a message asks, and which command it asks for.

A story tells what happened and asks in one sentence, usually the last: the answerer reads that sentence
again for topics (``focus``), and each sentence alone for commands (``command``), with a short last question
read together with the sentence it points back to. Pure logic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set
from datetime import date

from bot.coach import durations
from bot.coach.assist import CommandMatcher
from bot.coach.matcher import MIN_EVIDENCE
from bot.coach.pleasantries import ASKING
from bot.coach.reading import Reader, Reading
from bot.coach.wording import MAX_INPUT_CHARS, words

FOCUS_MIN_WORDS = 12  # a message this long or longer, of two sentences or more
# The opening of a long message is kept (it often names the exercise), and the rest of the room goes to its
# end, where a story puts its question.
HEAD_CHARS = 150
ASKED_CHARS = 200  # a question kept from the middle of a long message is at most this long
# A run of emoji between words ends a chat sentence as a full stop does ("battered today 😩 train or rest?").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=\w)\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*(?=\w)")
# The longest question read with the sentence before it when it names no command alone ("How do I do that?").
POINTING_WORDS = 8
_CLAUSE_END = re.compile(r"[,;:.!?]+")
# Words that hold the reminders back for a while, not for good: "while I'm away", "until January".
_WHILE = frozenset({"while", "until", "till", "til", "away"})
_FOR_GOOD = frozenset({"forever", "permanently", "good", "anymore", "again"})
# The words before "back" that say the teller is back ("I'm back", "we're back", "finally back").
_BACK_SELF = frozenset({"im", "i", "am", "were", "we", "are", "finally", "just", "now", "be", "get", "got"})
# The words after "pause" that make it a pause in a lift ("pause reps", "pause at the top").
_IN_A_LIFT = frozenset(
    {"rep", "reps", "squat", "squats", "row", "rows", "deadlift", "deadlifts", "at", "between"}
)


def asks_too(kept: str, scores: Sequence[float]) -> bool:
    """Whether a message that announces a question also asks one: a second clause, and a topic's words."""
    clauses = sum(1 for c in _CLAUSE_END.split(kept) if words(c))
    return clauses > 1 and max(scores) >= MIN_EVIDENCE


def focus(read: Callable[[str], Reading], question: str, sentences: list[str]) -> tuple[Reading, int] | None:
    """The reading of the sentence that asks, in a message of several sentences, and its place."""
    if len(sentences) < 2 or len(words(question)) < FOCUS_MIN_WORDS:
        return None
    asking = [i for i, s in enumerate(sentences) if s.rstrip().endswith("?")]
    if not asking:
        asking = [i for i, s in enumerate(sentences) if words(s)[0] in ASKING]
    if not asking:
        return None
    return read(sentences[asking[-1]]), asking[-1]


def command(
    commands: CommandMatcher, reader: Reader, subjects: Set[str], reading: Reading, sentences: list[str]
) -> tuple[str | None, int, bool]:
    """The command a question asks about. In a message of several sentences each is looked at alone: a
    weak phrase needs its cue in its own sentence ("from 40 to 65 kg" is not /units because a later
    sentence asks what to change), and the last sentence that names a command wins. Frames, the loosest
    evidence, are read only in a sentence that asks or ends the message: in the rest of a story "my wife
    reminded me that last time ..." is what happened, not a request. Also returns the sentence's place,
    and whether a short last question points back to it (``points_back``)."""
    if len(sentences) < 2:
        return commands.best(reading.stems), 0, False
    found = [
        commands.best(
            [s for s, _ in reader.stems(words(sentence))],
            frames=sentence is sentences[-1] or sentence.rstrip().endswith("?"),
        )
        for sentence in sentences
    ]
    said = next(((c, i) for i, c in reversed(list(enumerate(found))) if c is not None), None)
    points = points_back(commands, reader, subjects, reading, sentences)
    if said is not None:
        # Named just before a short question that points back ("… the numbers show pounds. Can I switch
        # it?"), the command is what the question asks for, whatever topic its own words suggest.
        return *said, points and said[1] == len(sentences) - 2
    if not points:
        return None, 0, False
    pointed = commands.best([s for s, _ in reader.stems(words(" ".join(sentences[-2:])))])
    return pointed, len(sentences) - 1, pointed is not None


def points_back(
    commands: CommandMatcher, reader: Reader, subjects: Set[str], reading: Reading, sentences: list[str]
) -> bool:
    """Whether the last sentence is a short request that points back ("How do I do that?", "Can I switch
    it?"), to be read with the sentence before it. Not beside a pain ("a numb, buzzing patch … Should I
    stop?"), nor when it names the back or a lift itself ("would training my back help with that?") or
    asks nothing of the bot ("… flat as a CPU graph. What's the next step?")."""
    last = sentences[-1]
    if not last.rstrip().endswith("?") or len(words(last)) > POINTING_WORDS or reading.safety:
        return False
    said = reader.read(last)
    return not subjects & said.concepts and commands.requested(said.stems)


def for_a_while(text: str) -> bool:
    """Whether a request to stop the reminders is for a while ("don't ping me for like 10 days", "no
    reminders while I am away in Brazil", "no reminders from the 18th to the 27th please"): /pause, not
    /stop. "Every day" is how often, not how long."""
    told = set(words(text))
    if told & _FOR_GOOD:
        return False
    if told & _WHILE or durations.told_for_a_while(text):
        return True
    return "for" in told and durations.days_named(text) is not None


def held_for_a_while(command: str | None, text: str) -> str | None:
    """The command a request to hold the reminders asks for: /stop asked for a while is /pause, and so is
    "pause" told with the days of a break, which names no command phrase on its own ("please pause from
    Friday, I'm away for a week"), but not a pause in a lift ("pause reps from Monday")."""
    if command == "stop" and for_a_while(text):
        return "pause"
    told = words(text)
    after = {told[i + 1] if i + 1 < len(told) else "" for i, word in enumerate(told) if word == "pause"}
    if command is not None or not after or after & _IN_A_LIFT or set(told) & _FOR_GOOD:
        return command
    today = date(2001, 1, 1)  # any day: which days they are does not matter here
    if durations.start_told(text, today) is not None or durations.until_told(text, today) is not None:
        return "pause"
    return command


def tells_return(text: str) -> bool:
    """Whether a message tells of coming back ("hi, I'm back from my trip!", "home again", "just returned"),
    rather than asking for the reminders back ("turn my reminders back on")."""
    told = words(text)
    if {"returned", "return", "home"} & set(told):
        return True
    # "Back" said of oneself, not of a switch or the reminders ("turn them back on", "reminders back").
    return any(
        word == "back" and told[i + 1 : i + 2] != ["on"] and (i == 0 or told[i - 1] in _BACK_SELF)
        for i, word in enumerate(told)
    )


def sentences(message: str) -> list[str]:
    """The sentences of ``message`` that hold a word."""
    return [s for s in _SENTENCE_END.split(message) if words(s)]


def trimmed(question: str) -> str:
    """A long message cut to its opening and its end, where a story puts the question; a question asked in
    the cut-out middle ("… so is twice a week enough? Anyway, my kids …") is kept between them."""
    if len(question) <= MAX_INPUT_CHARS:
        return question
    tail_chars = MAX_INPUT_CHARS - HEAD_CHARS - 3
    middle = question[HEAD_CHARS:-tail_chars]
    asked = [s for s in _SENTENCE_END.split(middle) if s.rstrip().endswith("?") and len(s) <= ASKED_CHARS]
    if asked:
        tail_chars -= len(asked[-1]) + 3
        return f"{question[:HEAD_CHARS]} . {asked[-1].strip()} . {question[-tail_chars:]}"
    return f"{question[:HEAD_CHARS]} . {question[-tail_chars:]}"
