"""A question about what the plan leaves out for a pain told: "is my shoulder still on the no list?", "what
are you leaving out for me at the moment?", "which exercises did you take out because of my back?", "are face
pulls still off?", "can I do pull-ups again or are they still blocked?", "what's on my injury list?".

A newcomer trial's trainee asked these and got "I don't know that one" or a card about face pulls, with no
word of the caution standing. ``read`` tells them from questions about training that use the same words:
"are face pulls good for shoulders?" names no leaving out, "what should I leave out if I'm short on time?"
asks advice ("should I", "if"), "are pull-ups banned for beginners?" is about nobody in particular. It reads
the exercise a question names as /log reads names (``finenow.named``), else the movement it names as "why no
rows today?" does (``cautions.PATTERN_WORDS``), and the body part as a pain told does
(``cautions.body_part_told``); ``about`` says which of the chat's cautions that is (``cautions.keeps_out``:
a lat pulldown's shoulder keeps the pull-ups out too). A message whose words of pain only point back at the
pain told ("because of my back pain", "my injury list") is no new pain: ``Asked.rest`` is the message
without them, for the answerer to read again.

Pure: no Telegram, no database.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from bot.coach.catalog import Catalog
from bot.coach.cautions import FIRST_PERSON, PATTERN_WORDS, SHOULDER, body_part_told, keeps_out
from bot.coach.finenow import ASKED_FIRST, named
from bot.coach.lognames import Names
from bot.coach.wording import stem, words

# Verbs that leave a move out with an "out" a few words after them ("leave the RDL out", "took out the rows"),
# but not one doing something else ("keeps dropping out", "it cuts out").
PUT = frozenset(("leave", "leaving", "left", "take", "taking", "took", "taken", "keep", "keeping", "kept"))
PUT |= {"cut", "cutting", "hold", "holding", "held", "knock", "knocked"}
OUT_WITHIN = 5
# …or "back" right after them, done by the coach ("what are you holding back for my shoulder?"), not by a
# habit ("is my eating holding back my gains?").
HELD = frozenset(("holding", "held"))
# Words that say a move is out on their own ("are they still blocked?", "is my back still flagged?").
STATE = frozenset(("blocked", "banned", "barred", "excluded", "forbidden", "restricted", "flagged"))
STATE |= {"cautioned", "sidelined", "benched", "blacklisted"}
# The coach's own word for them ("do I still have any cautions?").
CAUTIONS = frozenset(("caution", "cautions", "restriction", "restrictions", "blacklist"))
# Words that say a move is out when the coach does it ("what are you skipping for me?", "did you drop the
# rows?") or it is done to the move ("are face pulls skipped?"): "everyone skips it", "my numbers dropped",
# "puck drop" are something else.
ACTS = frozenset(("skip", "skipping", "skipped", "drop", "dropping", "dropped", "avoid", "avoiding"))
ACTS |= {"avoided", "remove", "removing", "removed", "exclude", "excluding"}
YOU = frozenset(("you", "youre", "youve", "u"))
BE = frozenset(("is", "are", "was", "were", "been", "being", "be", "isnt", "arent", "get", "got"))
AGENT_WITHIN = 3
# "Is there a drop set today?" is a technique, not a move dropped.
SETS = frozenset(("set", "sets"))
# The base forms of those: after "I", "to" or a modal they are the trainee's own doing ("do I skip rows?",
# "what to leave out of my warm-up"), advice asked, not the plan's state; so is any of them after "I" ("I
# skipped rows", "have I knocked out") or "by" ("what am I missing by skipping it?").
BASE = frozenset(
    ("leave", "take", "keep", "cut", "hold", "knock", "skip", "drop", "avoid", "remove", "exclude")
)
DOER = frozenset(("i", "we", "to", "should", "can", "could", "would", "must", "may", "might", "shall", "do"))
DOER |= {"dont", "lets", "let", "just", "also"}
TOLD_BY = frozenset(("i", "we", "ive", "weve", "id", "by"))
# A list the moves are on: "the no list", "my injury list", "the no-go list", "the do not do list".
LIST_MARKS = frozenset(
    ("no", "injury", "injuries", "pain", "pains", "caution", "cautions", "banned", "blocked")
)
LIST_MARKS |= {
    "avoid",
    "skip",
    "naughty",
    "off",
    "dont",
    "not",
    "sick",
    "hurt",
    "excluded",
    "go",
    "forbidden",
}
LIST = frozenset(("list", "lists"))
# "Off" says a move is out where a move is what is off ("are face pulls off?", "is anything off for me?",
# "off my plan"), not a day ("a week off"), a feeling ("my shoulder feels off", "my form is off"), a switch
# ("turn them off", "tick it off") or a fall ("when you fell off").
NOT_OFF = frozenset(("day", "days", "week", "weeks", "time", "month", "months", "break", "rest", "weekend"))
NOT_OFF |= {"feel", "feels", "felt", "feeling", "form", "technique", "posture", "something", "clearly"}
NOT_OFF |= {"bit", "little", "slightly", "totally", "completely", "definitely", "it", "them", "that", "this"}
NOT_OFF |= {
    "turn",
    "turns",
    "turned",
    "switch",
    "switches",
    "switched",
    "kick",
    "show",
    "cool",
    "log",
    "sign",
}
NOT_OFF |= {"tap", "back", "set", "go", "going", "went", "come", "came", "finish", "finished", "top", "push"}
NOT_OFF |= {"fall", "falls", "fell", "falling", "cut", "cuts", "get", "got", "wear", "wears", "wore", "ease"}
OFF_NEXT = frozenset(("for", "limits", "now", "right", "today", "until", "still", "again", "yet", "at"))
OFF_NEXT |= {"because", "since", "due", "cause", "coz", "cos", "then"}
# "Out" alone: "what's out for my lower back?", "are face pulls still out?", "is anything out of my plan?".
OUT_AFTER = frozenset(("whats", "is", "are", "still", "anything", "everything", "its", "theyre"))
PLAN = frozenset(("plan", "plans", "workout", "workouts", "program", "programs", "programme", "routine"))
PLAN |= {"routines", "session", "sessions", "training", "list", "schedule", "rotation"}
# What "off" or "back in" is said of: a move ("face pulls", "rows") or a word standing for one.
MOVES = frozenset(("exercise", "exercises", "move", "moves", "lift", "lifts", "anything", "what", "whats"))
MOVES |= {"which", "it", "they", "them", "ones", "everything", "stuff", "any"}
# "Back in" or "back yet" said of a move named ("are face pulls back in?"), never the back itself ("my back
# in", "exercise for back in my house") nor the trainee coming back ("how do I ease back in").
BACK_NEXT = frozenset(("in", "yet"))
NOT_BACK = frozenset(
    ("my", "the", "lower", "upper", "low", "your", "ease", "get", "getting", "come", "coming")
)
NOT_BACK |= {"go", "going", "went", "came", "fit", "fitting", "for", "of", "train", "training", "trained"}
# Advice asked, a request made or a condition set: "should I leave out…", "is it ok to skip…", "can you
# take the rows out of my log", "how do I put the bot on hold", "if I'm short on time". Read in the clause
# that says the moves are out, so "can I do pull-ups again or are they still blocked?" asks after the block.
ADVICE = frozenset(("if", "unless", "please"))
ADVICE_PAIRS = frozenset(
    {(modal, who) for modal in ("should", "can", "could", "shall", "must", "may") for who in ("i", "we")}
    | {("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"), ("i", "should"), ("i", "need")}
    | {(word, "to") for word in ("need", "have", "want", "ok", "okay", "safe", "fine", "better", "best")}
    | {(word, "to") for word in ("good", "bad", "wise", "smart", "how", "what", "which")}
    | {("how", verb) for verb in ("do", "can", "should", "would", "could", "to")}
)
# Who or when the question is about: the trainee, the coach, the plan now. "Are pull-ups banned for
# beginners?" is about nobody in particular.
ANCHORS = FIRST_PERSON | YOU | {"your", "yours", "ur", "still", "yet", "currently", "now", "moment"}
ANCHORS |= {"anymore", "today", "again"}
# A message that asks without a "?" opens as a question does ("when I pull the bar off the floor…" tells), or
# asks to be shown.
OPENS = (ASKED_FIRST - {"when"}) | {"whats", "which", "wheres", "any", "anything", "am", "did", "list"}
OPENS |= {"show", "tell", "remind", "still"}
# Words that point back at the pain told, to the end of their clause: "because of my back", "for my shoulder
# pain", "due to the injury". What they say is the caution asked about, not a new pain.
REASON = frozenset(("because", "cause", "coz", "cos", "due", "for", "since", "after", "from", "with"))
# …unless they tell it hurts now ("because my elbow hurts on rows"): a pain told, for the safety answer.
HURTS_NOW = frozenset(("hurts", "hurting", "aches", "aching", "twinges", "pinches", "throbs", "throbbing"))
HURTS_NOW |= {"tingles", "tingling", "killing", "burns", "burning", "stabbing", "numb"}

_SENTENCE = re.compile(r"[^.?!;\n]+[.?!;\n]*")
_CLAUSE_BREAKS = frozenset(("or", "but"))


@dataclass(frozen=True)
class Asked:
    """A question about what the plan leaves out: the exercises it names (``named``, by any of their names),
    else the movement (``kind``: "rows" is a horizontal pull), and the body part (``part``: "shoulder", or
    "back" for a back not said to be lower or upper). ``rest`` is the message without the words that point
    back at a pain told ("because of my back pain", "injury list"), for a new pain to be read in."""

    named: tuple[str, ...] = ()
    kind: str | None = None
    part: str | None = None
    rest: str = ""


def read(text: str, exercises: Sequence[Names]) -> Asked | None:
    """The question ``text`` asks about what the plan leaves out (``Asked``), or None when it asks none."""
    sentences = [match.group() for match in _SENTENCE.finditer(text)]
    asking = [sentence for sentence in sentences if _asks(sentence, exercises)]
    if not asking:
        return None
    first = asking[0]
    said = words(first)
    ids = named(first, exercises)
    kind = None if ids else _kind(said)
    part = _part(said)
    rest = [_pointing_back_dropped(sentence) if sentence in asking else sentence for sentence in sentences]
    return Asked(ids, kind, part, " ".join(piece.strip() for piece in rest if piece.strip()))


def about(asked: Asked, parts: Mapping[str, str | None], catalog: Catalog) -> tuple[str, ...] | None:
    """Which of the cautions ``parts`` (each exercise told of, to the body part told: "lower back" for one
    told of the lower back, None when none was) the question asks after: those keeping out an exercise it
    names, or one of the movement it names (``cautions.keeps_out``: "are pull-ups still blocked?" is the lat
    pulldown's told of the shoulder), else those told of the body part it names (the back: the lower or the
    upper); None when it names none of these, asking after them all."""
    if asked.named or asked.kind is not None:
        asked_of = set(asked.named) or {
            ex.id for ex in catalog.exercises.values() if ex.pattern == asked.kind
        }
        return tuple(
            exercise
            for exercise, part in parts.items()
            if exercise in catalog.exercises
            and not asked_of.isdisjoint(
                keeps_out(exercise, catalog, lower_back=part == "lower back", shoulder=part == SHOULDER)
            )
        )
    if asked.part is not None:
        backs = ("lower back", "upper back") if asked.part == "back" else (asked.part,)
        return tuple(exercise for exercise, part in parts.items() if part in backs)
    return None


def _part(said: Sequence[str]) -> str | None:
    """The body part words name, as a pain told names it, or "back" for "my back" said alone."""
    part = body_part_told(" ".join(said))
    return "back" if part is None and ("my", "back") in itertools.pairwise(said) else part


def _asks(sentence: str, exercises: Sequence[Names]) -> bool:
    """Whether a sentence asks about what the plan leaves out: a question (a "?", or a question's first
    word), about the trainee, the coach or now (``ANCHORS``), one clause of which says moves are out."""
    said = words(sentence)
    if not said or ("?" not in sentence and said[0] not in OPENS) or ANCHORS.isdisjoint(said):
        return False
    return any(_says_out(clause, exercises) for clause in _clauses(sentence))


def _clauses(sentence: str) -> list[list[str]]:
    """A sentence's clauses, as word lists: split at commas and at "or" and "but"."""
    clauses: list[list[str]] = []
    for part in sentence.split(","):
        runs = itertools.groupby(words(part), _CLAUSE_BREAKS.__contains__)
        clauses += [list(run) for breaks, run in runs if not breaks]
    return clauses


def _says_out(clause: Sequence[str], exercises: Sequence[Names]) -> bool:
    """Whether a clause says moves are left out, asking no advice and making no request (``ADVICE``). Its
    words that say so in other senses too ("my loads dropped", "my account is blocked", "is my form off?")
    count only where the clause is about moves, or names a body part (``_of_moves``)."""
    if not ADVICE.isdisjoint(clause) or not ADVICE_PAIRS.isdisjoint(itertools.pairwise(clause)):
        return False
    of_moves = _of_moves(clause, exercises)
    for i, word in enumerate(clause):
        before = clause[i - 1] if i else ""
        after = clause[i + 1] if i + 1 < len(clause) else ""
        near = clause[max(0, i - AGENT_WITHIN) : i]
        if (word in BASE and before in DOER) or ((word in PUT or word in ACTS) and before in TOLD_BY):
            return False  # "do I skip rows", "I left out the face pulls yesterday": the trainee's own doing
        if word in PUT and not after.endswith("ing") and "out" in clause[i + 1 : i + 1 + OUT_WITHIN]:
            return True
        if word in HELD and after == "back" and not YOU.isdisjoint(near):
            return True
        if word in CAUTIONS or (word in LIST and LIST_MARKS.intersection(clause[max(0, i - 2) : i])):
            return True
        done_to = word in ACTS and after not in SETS and _done_to(word, near)
        if (word in STATE or done_to) and (of_moves or _part(clause) is not None):
            return True
        if word == "off" and _off(clause, i, before, after, of_moves):
            return True
        if (
            word == "back"
            and after in BACK_NEXT
            and before not in NOT_BACK
            and _names_moves(clause, exercises)
        ):
            return True
        if (word, after) == ("on", "hold") and of_moves:
            return True
        if word == "out" and (_to_plan(clause[i + 2 :]) if after == "of" else _is_out(before, after)):
            return True
    return False


def _done_to(word: str, near: Sequence[str]) -> bool:
    """Whether ``word`` (one of ``ACTS``) is done by the coach ("are you skipping", "did you drop") or to the
    move ("are face pulls skipped?"), by the words just before it (``near``)."""
    return not YOU.isdisjoint(near) or (word.endswith("ed") and not BE.isdisjoint(near))


def _off(clause: Sequence[str], i: int, before: str, after: str, of_moves: bool) -> bool:
    """Whether the "off" at ``i`` says a move is off the plan: "still off", "off limits", "off my plan", or
    at the end of the clause or before a word of time or reason in a clause about moves."""
    if before == "still" or after == "limits" or _to_plan(clause[i + 1 :]):
        return True
    return of_moves and before not in NOT_OFF and (not after or after in OFF_NEXT)


def _is_out(before: str, after: str) -> bool:
    """Whether an "out" says a move is out by itself: "what's out for me?", "are they still out?" ("is my
    shoulder out?" tells of a joint)."""
    return before in OUT_AFTER and (not after or after in OFF_NEXT)


def _to_plan(rest: Sequence[str]) -> bool:
    """Whether ``rest`` opens with the plan ("my workouts", "the plan", "your list")."""
    return len(rest) >= 2 and rest[0] in ("my", "the", "your") and rest[1] in PLAN


def _of_moves(clause: Sequence[str], exercises: Sequence[Names]) -> bool:
    """Whether a clause is about moves: a word standing for one ("anything", "which") or a move named."""
    return not MOVES.isdisjoint(clause) or _names_moves(clause, exercises)


def _names_moves(clause: Sequence[str], exercises: Sequence[Names]) -> bool:
    """Whether a clause names a move: a movement's word ("rows") or an exercise's name ("face pulls")."""
    return _kind(clause) is not None or bool(named(" ".join(clause), exercises))


def _kind(said: Collection[str]) -> str | None:
    """The movement a question names by its word ("rows", "the RDL", "pull-ups"), as "why no rows today?"
    is read (``cautions.PATTERN_WORDS``); None when none, or several."""
    stems = {stem(word) for word in said}
    kinds = [pattern for pattern, named_by in PATTERN_WORDS.items() if not named_by.isdisjoint(stems)]
    return kinds[0] if len(kinds) == 1 else None


def _pointing_back_dropped(sentence: str) -> str:
    """A sentence without its words that point back at the pain told: a list's marks ("injury list") and a
    reason's clause ("because of my back pain"), unless that clause tells it hurts now (``HURTS_NOW``)."""
    kept: list[str] = []
    for clause in _clauses(sentence):
        cut = next((i for i, word in enumerate(clause) if word in REASON), len(clause))
        if not HURTS_NOW.isdisjoint(clause[cut:]):
            cut = len(clause)
        said = clause[:cut]
        kept += [
            word
            for i, word in enumerate(said)
            if not (word in LIST_MARKS and any(later in LIST for later in said[i + 1 : i + 3]))
        ]
    return " ".join(kept)
