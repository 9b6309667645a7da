"""Around the topics: safety signs, questions about the bot, and notes that fit an answer to the asker.

Loaded from ``bot/content/knowledge/assist.toml`` through the one content loader, so a coach can add a
command phrase or a kit note without reading Python, and a typo stops start-up naming file and key.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from bot.coach import content, wording
from bot.coach.knowledge import DEFAULT_DIRECTORY, TopicId
from bot.coach.wording import first_word_lengths, phrase_key, scan

COMMANDS: tuple[str, ...] = (
    "workout", "done", "undo", "streak", "reminders", "schedule", "pause", "resume", "stop", "nudges",
    "level", "timezone", "settings", "help", "faq", "log", "progress", "history", "export", "forget", "units",
    "ask", "start", "swap",
)  # fmt: skip
KIT: tuple[str, ...] = ("bar", "low-bar", "bands", "load", "dumbbells")
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")
MAX_NOTE = 400
# A note that stands in for some of its card's paragraphs carries their home version too.
MAX_NOTE_WITH_PARAGRAPHS = 1200
MAX_REPLY = 300
# A card paragraph's bold heading, "<b>Volume:</b>".
_HEADING = re.compile(r"<b>[^<]*</b>")
# A strong phrase can only be about the bot ("undo", "time zone") and is enough alone; a weak one
# ("schedule", "level") needs a cue ("change", "you"). Weights rank the commands a question names.
STRONG = 2.0
WEAK = 1.0
# A frame (a word of each of its groups in one sentence: "pause" + "notifications") weighs as a strong
# phrase; each group past two adds FRAME_EXTRA, so a frame of three outranks the phrases of one command.
FRAME = STRONG
FRAME_EXTRA = 3.0
# A logged amount stands for its kind whatever its numbers: "3x10" is "sets x reps", "40kg" a load.
_SETS_X_REPS = re.compile(r"\d+x\d+")
_LOAD = re.compile(r"\d+(?:[.,]\d+)?(?:kg|kgs|kilo|kilos|lb|lbs)")
_NUMBER = re.compile(r"\d+")
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?(?:am|pm)")
_UNITS = frozenset(("kg", "kilo", "kilogram", "lb", "pound"))
# A length of time in minutes, typed together ("30min", "30m") or apart ("30 minutes"), is "30min" whatever
# its number: "only have 20 minutes today" asks what "only have 30 minutes today" asks (/workout 20).
_MINUTES = re.compile(r"\d+(?:m|min|mins|minut)")
_MINUTE_WORDS = frozenset(("m", "min", "mins", "minut"))


class SpecialCare(content.Strict):
    """A situation that needs its own safety lead: any one of ``alone``, or one of ``event`` with one of
    ``sign`` (a pop with numbness after it is a reason to be seen now, not in a few days)."""

    name: str
    lead: str
    alone: tuple[str, ...] = ()
    event: tuple[str, ...] = ()
    sign: tuple[str, ...] = ()
    # Its words said to be absent ("nothing sharp", "not a sharp pain"): read as one phrase, they are none of
    # the above, so a dull ache said not to be sharp gets the usual lead.
    absent: tuple[str, ...] = ()
    # When set, the topic's how-to is not sent after the lead: this line is, with the topic as a button for
    # later ("{title}" is the topic's title). Someone told to get checked today should not read a how-to.
    instead: str = ""
    # When true, the situation only picks this lead for a question that already has a safety sign and names
    # no medical condition: an ache at the desk gets it, while a desk or a screen alone is no reason for any
    # lead, and sciatica felt at the desk is not told that sitting still is all it is.
    only_plain_signs: bool = False
    # Ways of saying the trainee won't train for a while ("I won't train this week", "taking a few days off"):
    # told with the situation, a decline's place goes to the /pause pointer after the lead, its button held
    # for the time told, as for "away".
    resting: tuple[str, ...] = ()
    # Said after the lead in a decline's place ("Past that, I only know upper-back training") when the
    # message asks nothing: someone telling they are ill, or over it, asked nothing to decline.
    told: str = ""

    def rests(self, text: str) -> bool:
        """Whether ``text`` says the trainee won't train for a while (``resting``)."""
        said = phrase_key(text)
        keys = [phrase_key(phrase) for phrase in self.resting]
        return any(said[at : at + len(key)] == key for key in keys for at in range(len(said)))


class Safety(content.Strict):
    lead: str
    signs: tuple[str, ...] = Field(min_length=1)
    medical: tuple[str, ...] = Field(min_length=1)
    professionals: tuple[str, ...] = ()
    # A sign said to be absent ("no pain though", "it doesn't hurt") is no sign.
    absent: tuple[str, ...] = ()
    # Single words: a joint, and what a hurt joint does, within ``joint_window`` words of each other ("my
    # elbow burns on the inside", "a burning in my wrist"), are a sign however the sentence goes. A
    # muscle's burn is the work; a joint's is not, so the muscles are not in ``joints``.
    joints: tuple[str, ...] = ()
    joint_signs: tuple[str, ...] = ()
    joint_window: int = Field(default=3, ge=1)
    # Paragraph openings of a card left out after the lead, and the line said instead.
    held_back: tuple[str, ...] = ()
    held_back_note: str = ""
    # Sentences of a card that say again what every lead says ("If your back hurts, stop and see a
    # professional."): left out after a lead, so an answer says it once.
    restated: tuple[str, ...] = ()
    # Checked in order; the first that fits replaces the general lead.
    special: tuple[SpecialCare, ...] = ()

    @model_validator(mode="after")
    def _note_for_held_back(self) -> Safety:
        if self.held_back and not self.held_back_note.strip():
            raise ValueError("held_back needs a held_back_note to say instead")
        return self

    def care(self, special: str | None) -> SpecialCare | None:
        """The special situation named ``special`` (assist.toml [[safety.special]]), if any."""
        return next((c for c in self.special if c.name == special), None)

    def without_prescriptions(self, card: str) -> str:
        """``card`` for an answer led by safety: its sets-and-loads paragraphs replaced by the note, and
        without the sentences that say again what the lead said (``restated``)."""
        for said in self.restated:
            card = card.replace(said, "")
        paragraphs = [p.rstrip() for p in card.split("\n\n") if p.strip()]
        kept = [p for p in paragraphs if not p.lstrip().startswith(self.held_back)]
        return "\n\n".join(kept if len(kept) == len(paragraphs) else [*kept, self.held_back_note])


class AskBack(content.Strict):
    text: str


class Command(content.Strict):
    name: str
    strong: tuple[str, ...] = Field(min_length=1)
    weak: tuple[str, ...] = ()
    # Each frame names word groups of [commands.groups]; a sentence with a word of every group of a frame
    # asks for this command, in any order and wording ("hold the pings for a few days" is /pause).
    frames: tuple[tuple[str, ...], ...] = ()
    reply: str = Field(max_length=MAX_REPLY)

    @field_validator("name")
    @classmethod
    def _known(cls, name: str) -> str:
        if name not in COMMANDS:
            raise ValueError(f"unknown command {name!r} (one of {', '.join(COMMANDS)})")
        return name


class Commands(content.Strict):
    cues: tuple[str, ...]
    # Words that name the bot itself ("the bot", "this app"): a training topic asked about *in the bot*
    # ("I'm not a beginner any more, how do I change this in the bot?") is a question about its setting.
    names: tuple[str, ...] = ()
    # One word for several that mean the same to the bot: every phrase, cue and group written with
    # "reminder" also matches "notification", "alert" or "ping" (single words only).
    same: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Groups whose words let a command through a safety sign: "I hurt my wrist, put the reminders on hold"
    # asks for /pause, and gets it after the safety lead.
    through_safety: tuple[str, ...] = ()
    # Ways of asking the bot to do or show something ("how do I", "can you", "show me"). A long message with a
    # command's words and none of these tells what happened ("my streak died at 23 days..."), it asks nothing
    # of the bot.
    requests: tuple[str, ...] = ()
    # The bot's own things (single words: the log, the reminders, a lift, "you"). A question with a word from
    # outside the coach's vocabulary and none of these is an errand in the bot's verbs ("how do I export my
    # contacts to my new phone", "undo in Excel"), not a request to the bot.
    own: tuple[str, ...] = ()
    command: tuple[Command, ...]

    @model_validator(mode="after")
    def _unique(self) -> Commands:
        names = [c.name for c in self.command]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"commands listed twice: {', '.join(twice)}")
        return self

    @model_validator(mode="after")
    def _frames(self) -> Commands:
        for command in self.command:
            unknown = sorted({g for frame in command.frames for g in frame} - set(self.groups))
            if unknown:
                raise ValueError(f"command {command.name!r}: frames name unknown groups {', '.join(unknown)}")
            if any(len(frame) < 2 for frame in command.frames):
                raise ValueError(f"command {command.name!r}: a frame needs at least two groups")
        unknown = sorted(set(self.through_safety) - set(self.groups))
        if unknown:
            raise ValueError(f"through_safety names unknown groups {', '.join(unknown)}")
        members = [phrase_key(w) for words in self.groups.values() for w in words]
        twice = sorted({" ".join(k) for k in members if members.count(k) > 1})
        if twice:
            raise ValueError(f"[commands.groups] share words: {', '.join(twice)}")
        words = [*self.same, *(v for variants in self.same.values() for v in variants)]
        several = sorted(w for w in words if len(phrase_key(w)) != 1)
        if several:
            raise ValueError(f"[commands.same] takes single words, not {', '.join(several)}")
        # The bot's own things are matched word by word: a phrase there would never be found.
        phrases = sorted(w for w in self.own if len(phrase_key(w)) != 1)
        if phrases:
            raise ValueError(f"[commands] own takes single words, not {', '.join(phrases)}")
        return self


class Note(content.Strict):
    topic: TopicId
    text: str = Field(max_length=MAX_NOTE_WITH_PARAGRAPHS)
    level: tuple[Literal["beginner", "intermediate", "advanced"], ...] = ()
    equipment: Literal["gym", "home"] | None = None
    has: tuple[Literal["bar", "low-bar", "bands", "load", "dumbbells"], ...] = ()
    lacks: tuple[Literal["bar", "low-bar", "bands", "load", "dumbbells"], ...] = ()
    # The openings of the card's paragraphs this note stands in for ("<b>Technique:</b>" of the barbell
    # deadlift, for a home trainee whose note gives the backpack's): those paragraphs are left out wherever
    # the note is shown, a safety-led answer's card as much as a plain one (``Answerer.render``). A note's
    # paragraph that opens the same way takes the left-out one's place, so the card keeps its order and a
    # home "<b>Volume:</b>" is held back after a safety lead as the gym's is.
    replaces: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _short_lead(self) -> Note:
        # The lead goes on top of every card it fits: long, it buries the card; the card's own paragraphs
        # it carries may be as long as the card's.
        lead = "\n\n".join(self._lead())
        if len(lead) > MAX_NOTE:
            raise ValueError(f"a note's lead is at most {MAX_NOTE} characters, not {len(lead)}: {lead[:60]}")
        return self

    def _lead(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if not p.startswith(self.replaces)]

    def body(self, answer: str) -> str:
        """The note over a topic's ``answer``: its lead first, then the card with each paragraph it stands in
        for left out, or in its place the note's paragraph that opens the same way."""
        own = {r: p for p in self.text.split("\n\n") for r in self.replaces if p.startswith(r)}
        card = []
        for paragraph in answer.split("\n\n"):
            opening = next((r for r in self.replaces if paragraph.lstrip().startswith(r)), None)
            if opening is None or opening in own:
                card.append(paragraph if opening is None else own[opening])
        return "\n\n".join([*self._lead(), *card])

    def doubled(self, answer: str) -> list[str]:
        """The headings ("<b>Volume:</b>") this note opens a paragraph with that its card's ``answer`` has
        too, unreplaced: the card would show both, and the lead carry the note's."""
        card = {m.group(0) for p in answer.split("\n\n") if (m := _HEADING.match(p.lstrip()))}
        own = (m.group(0) for p in self.text.split("\n\n") if (m := _HEADING.match(p)))
        return [h for h in own if h in card and not h.startswith(self.replaces)]

    def fits(self, asker: Asker) -> bool:
        owned = asker.owned()
        return (
            (not self.level or asker.level in self.level)
            and (self.equipment is None or asker.equipment == self.equipment)
            and all(k in owned for k in self.has)
            and not any(k in owned for k in self.lacks)
        )


class Assist(content.Strict):
    safety: Safety
    ask_back: AskBack
    commands: Commands
    note: tuple[Note, ...] = ()

    @classmethod
    def load(cls, directory: Path | None = None) -> Assist:
        return content.load((directory or DEFAULT_DIRECTORY) / "assist.toml", cls)


class Situations(content.Strict):
    """situations.toml: phrases for what a trainee feels or sees, each pointing to one topic."""

    weight: float = Field(gt=0, le=10)
    subjects: tuple[TopicId, ...] = ()
    topics: dict[TopicId, tuple[str, ...]]

    @classmethod
    def load(cls, directory: Path | None = None) -> Situations:
        return content.load((directory or DEFAULT_DIRECTORY) / "situations.toml", cls)


@dataclass(frozen=True)
class Asker:
    """Who is asking, as plain values from the chat: level, equipment and (at home) the kit owned."""

    level: str | None = None
    equipment: str | None = None
    # Kit names; None when the chat has not said (a home chat then counts as owning nothing).
    kit: frozenset[str] | None = None

    @classmethod
    def from_values(cls, level: str | None, equipment: str | None, kit: str | None) -> Asker:
        owned = None if kit is None else frozenset(k.strip() for k in kit.split(",") if k.strip())
        return cls(level, equipment, owned)

    def owned(self) -> frozenset[str]:
        if self.equipment == "gym":
            return frozenset(KIT)
        return self.kit or frozenset()

    def own_card(self, topic: str, stems: Collection[str]) -> str:
        """The card for this asker: a beginner's question about loads and progress that the intermediate card
        answers is the beginner card's, which says how their own plan progresses (a trial's "my dumbbells are
        6 kg each, too heavy or too light?"); a level named in the question keeps the card it chose."""
        if self.level == "beginner" and topic == "intermediate" and _LEVEL_WORDS.isdisjoint(stems):
            return "beginner"
        return topic


# Words that name a level or a stage ("past the beginner stage", "what do intermediates do"), as stems.
_LEVEL_WORDS = frozenset(
    wording.stem(w)
    for w in (
        "beginner",
        "beginners",
        "novice",
        "newbie",
        "intermediate",
        "intermediates",
        "advanced",
        "level",
        "stage",
    )
)


def _amounts(stems: Sequence[str], same: dict[str, str]) -> list[str]:
    """The stems with ``same`` applied and every amount in its kind's place: "3x10", "7am" for a time of day,
    "40kg" for a load typed with its unit, together ("40kg") or apart ("12 kg" is a load, not the unit
    asked for), and "30min" for minutes."""
    out: list[str] = []
    for stem in stems:
        if _SETS_X_REPS.fullmatch(stem):
            out.append("3x10")
        elif _LOAD.fullmatch(stem):
            out.append("40kg")
        elif _CLOCK.fullmatch(stem):
            out.append("7am")
        elif _MINUTES.fullmatch(stem):
            out.append("30min")
        elif stem in _UNITS and out and _NUMBER.fullmatch(out[-1]):
            out[-1] = "40kg"
        elif stem in _MINUTE_WORDS and out and _NUMBER.fullmatch(out[-1]):
            out[-1] = "30min"
        else:
            out.append(same.get(stem, stem))
    return out


@dataclass(frozen=True)
class CommandMatcher:
    """Scores the commands a question is about, on the same stems the topic matcher reads."""

    phrases: dict[tuple[str, ...], list[tuple[str, float]]]
    cues: frozenset[tuple[str, ...]]
    longest: int
    names: dict[tuple[str, ...], str] = field(default_factory=dict)
    same: dict[str, str] = field(default_factory=dict)
    groups: dict[tuple[str, ...], str] = field(default_factory=dict)
    frames: tuple[tuple[str, tuple[str, ...]], ...] = ()
    through_safety: frozenset[str] = frozenset()
    # Cues and words for the bot together: a sentence with one speaks to the bot.
    speaking: dict[tuple[str, ...], str] = field(default_factory=dict)
    requests: dict[tuple[str, ...], str] = field(default_factory=dict)
    own: frozenset[str] = frozenset()
    # The lengths of the phrases and cues that start with each word, longest first, and of each table
    # scanned: only windows some key could fill are looked up (a long story tries ~1 in 10).
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    lengths: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)

    @classmethod
    def build(cls, commands: Commands) -> CommandMatcher:
        same = {phrase_key(v)[0]: phrase_key(w)[0] for w, variants in commands.same.items() for v in variants}

        def key(phrase: str) -> tuple[str, ...]:
            return tuple(_amounts(phrase_key(phrase), same))

        # A phrase counts once per command, however many of its spellings were listed ("stop the messages"
        # and "stop the reminders" are one phrase once "messages" means "reminders").
        phrases: dict[tuple[str, ...], list[tuple[str, float]]] = {}
        for command in commands.command:
            for weight, group in ((STRONG, command.strong), (WEAK, command.weak)):
                for phrase in group:
                    found = phrases.setdefault(key(phrase), [])
                    if not any(name == command.name for name, _ in found):
                        found.append((command.name, weight))
        phrases.pop((), None)
        cues = frozenset(k for k in (key(c) for c in commands.cues) if k)
        names = {k: "bot" for k in (key(n) for n in commands.names) if k}
        groups = {key(w): g for g, members in commands.groups.items() for w in members if key(w)}
        frames = tuple((c.name, tuple(f)) for c in commands.command for f in c.frames)
        requests = {k: "request" for k in (key(r) for r in commands.requests) if k}
        longest = max((len(k) for k in (*phrases, *cues, *names, *groups, *requests)), default=1)
        speaking = {**dict.fromkeys(cues, "cue"), **names}
        safe = frozenset(commands.through_safety)
        own = frozenset(same.get(key[0], key[0]) for key in map(phrase_key, commands.own))
        tables = {"names": names, "groups": groups, "speaking": speaking, "requests": requests}
        return cls(
            phrases,
            cues,
            longest,
            names,
            same,
            groups,
            frames,
            safe,
            speaking,
            requests,
            own,
            first_word_lengths([*phrases, *cues]),
            {name: first_word_lengths(table) for name, table in tables.items()},
        )

    def vocabulary(self) -> set[str]:
        keys = (*self.phrases, *self.cues, *self.names, *self.groups)
        return {w for key in keys for w in key} | set(self.same) | self.own

    def through_safety_in(self, stems: Sequence[str]) -> bool:
        """Whether the question names something (the reminders) that a safety sign does not make a how-to."""
        stems = [self.same.get(s, s) for s in stems]
        found = scan(stems, self.groups, self.longest, self.lengths["groups"])
        return any(g in self.through_safety for g, _ in found)

    def cued(self, stems: Sequence[str]) -> bool:
        """Whether the question speaks to the bot: a cue ("change", "turn off") or a word for the bot."""
        return any(
            scan([self.same.get(s, s) for s in stems], self.speaking, self.longest, self.lengths["speaking"])
        )

    def requested(self, stems: Sequence[str]) -> bool:
        """Whether the message asks the bot to do or show something ("can you", "how do I", "show me")."""
        return any(
            scan([self.same.get(s, s) for s in stems], self.requests, self.longest, self.lengths["requests"])
        )

    def owns(self, stems: Sequence[str]) -> bool:
        """Whether the question names one of the bot's own things (its log, its reminders, a lift, "you")."""
        return any(self.same.get(s, s) in self.own for s in stems)

    def names_bot(self, stems: Sequence[str]) -> bool:
        """Whether the question names the bot itself ("the bot", "this app")."""
        return any(scan(list(stems), self.names, self.longest, self.lengths["names"]))

    def best(self, stems: Sequence[str], *, frames: bool = True, cued: bool = True) -> str | None:
        """The command the question is about: one with a strong phrase or a frame, or (unless ``cued`` is
        false) a weak phrase next to a cue."""
        stems = _amounts(stems, self.same)
        scores: dict[str, float] = {}
        longest: dict[str, int] = {}
        strong: set[str] = set()
        cue = False
        i = 0
        while i < len(stems):
            left = len(stems) - i
            for length in self.starts.get(stems[i], ()):
                if length > left:
                    continue
                window = tuple(stems[i : i + length])
                found = self.phrases.get(window)
                if found is not None:
                    for name, weight in found:
                        scores[name] = scores.get(name, 0.0) + weight
                        longest[name] = max(longest.get(name, 0), length)
                        if weight >= STRONG:
                            strong.add(name)
                    i += length
                    break
                if window in self.cues:
                    cue = True
                    i += length
                    break
            else:
                i += 1
        # A reminder that arrives at the wrong hour because of a place ("local time", "moved to Lisbon") is
        # the time zone's to fix, however many words of the schedule come with it.
        phrased_zone = "timezone" in strong
        # One scan of the word groups serves both the frames and the place.
        grouped = scan(stems, self.groups, self.longest, self.lengths["groups"])
        present = {g for g, _ in grouped} if frames or phrased_zone else set()
        zoned = phrased_zone and "place" in present
        if frames:
            # A frame of two groups speaks only where no strong phrase does, so every phrase keeps the meaning
            # it had. A frame of three is more specific than a phrase or a frame of two: "going away for a
            # week, stop pinging me" is /pause, and "hold the pings, then switch them back on" is /resume.
            specific = 3 if strong else 2
            for name, frame in self.frames:
                if len(frame) >= specific and present.issuperset(frame):
                    scores[name] = max(scores.get(name, 0.0), FRAME + FRAME_EXTRA * (len(frame) - 2))
                    longest[name] = max(longest.get(name, 0), len(frame))
                    strong.add(name)
        qualified = [n for n in scores if n in strong or (cue and cued)]
        if not qualified:
            return None
        # "I pressed done by mistake": undoing names the thing undone, so undo wins a tie with it. Otherwise
        # the longer phrase is the more specific ("change my training days" over "get reminded").
        chosen = max(qualified, key=lambda n: (scores[n], n == "undo", longest[n], -COMMANDS.index(n)))
        return "timezone" if zoned and chosen == "schedule" else chosen
