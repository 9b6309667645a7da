"""Every topic as every asker the bot can have reads it: level (or none yet) × gym, home or not said × the
home kit ticked (or not asked yet). A home trainee must never be sent to kit they don't own without a note
giving their own version, and a note must name only exercises their plan (or its ladders) can give them.

A newcomer with only resistance bands read "let the barbell or dumbbells hang" under the bent-over row, and
towel rows their plan never has; these checks catch that class of answer for every topic and note.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

import pytest

from bot.coach.answerer import Answerer, plain_text
from bot.coach.assist import KIT, LEVELS, Asker, Assist
from bot.coach.catalog import Catalog
from bot.coach.knowledge import KnowledgeBase
from bot.coach.ladders import ladder_for, load_ladders
from bot.coach.model import Equipment, Level
from bot.coach.planner import Profile, plan_session, position

KB = KnowledgeBase.load()
ASSIST = Assist.load()
ANSWERER = Answerer(KB, ASSIST)
CATALOG = Catalog.load()
LADDERS = load_ladders(CATALOG)

HOME_KITS = [frozenset(c) for n in range(len(KIT) + 1) for c in itertools.combinations(KIT, n)]
# The chat row's values: a level may be unset (onboarding not done), equipment gym, home or unset, and a
# home kit unset (never asked, or a move home from /settings before the kit question is answered).
ASKERS = [
    Asker(level, equipment, kit)
    for level in (None, *LEVELS)
    for equipment, kit in [(None, None), ("gym", None), ("home", None), *(("home", k) for k in HOME_KITS)]
]
HOME = [a for a in ASKERS if a.equipment == "home"]

# Words that send the reader to a piece of kit, and the kit that lets them follow (any one of it): the
# gym's (never at home) and the home kit the set-up asks about. Dumbbells have their own box at home, and
# a chat that ticked the load box ("a backpack or dumbbells" before they had one) may own them too.
KIT_WORDS: dict[str, frozenset[str]] = {
    r"barbells?": frozenset({"barbell"}),
    r"dumbbells?": frozenset({"dumbbells", "load"}),
    r"cables?": frozenset({"cable"}),
    r"machines?|rower": frozenset({"machine"}),
    r"pull-up bars?|doorway bars?|over the bar|from a bar": frozenset({"bar"}),
    r"low bars?|rings|suspension straps": frozenset({"low-bar"}),
    r"bands?": frozenset({"bands"}),
    r"backpacks?": frozenset({"load"}),
}
# A note may name kit the reader lacks, or an exercise that needs it, only to say they lack it ("without a
# cable", "no barbell") or as what to get next ("the cheapest upgrade", "once you have one, tick it in
# /settings"): the first is read per clause, the second per sentence.
_NEGATION = re.compile(r"\b(?:no|without|never)\b", re.IGNORECASE)
_UPGRADE = re.compile(r"upgrade|\bonce you (?:have|get|can)\b|/settings", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+|\n+")
_CLAUSE = re.compile(r"[,:;()]")


def owned(asker: Asker) -> frozenset[str]:
    """What the reader can use, in KIT_WORDS' names: a gym has everything, a home only what was ticked."""
    if asker.equipment == "gym":
        return frozenset(name for kits in KIT_WORDS.values() for name in kits)
    return asker.owned()


def name(asker: Asker) -> str:
    kit = "" if asker.kit is None else f" {'+'.join(sorted(asker.kit)) or 'nothing'}"
    return f"{asker.level or 'no level'}, {asker.equipment or 'no place'}{kit}"


def lacking(text: str, asker: Asker) -> list[str]:
    """The kit words in ``text`` that send this reader to kit they don't own."""
    have = owned(asker)
    return [
        found.group(0)
        for pattern, kits in KIT_WORDS.items()
        if not kits & have
        for found in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE)
    ]


def told(note: str) -> Iterator[str]:
    """The clauses of a note that tell the reader what to do: not a lack, not an upgrade."""
    for sentence in _SENTENCE.split(plain_text(note)):
        if not _UPGRADE.search(sentence):
            yield from (c for c in _CLAUSE.split(sentence) if not _NEGATION.search(c))


def note_for(topic: str, asker: Asker) -> str | None:
    """The note the reader sees over the topic's answer, read from what Answerer.render sends."""
    bare = ANSWERER.render(topic).split("\n\n")
    shown = ANSWERER.render(topic, asker).split("\n\n")
    # A note may stand in for some of the card's paragraphs (``replaces``): what is new is the note.
    extra = [paragraph for paragraph in shown[1:] if paragraph not in bare]
    return "\n\n".join(extra) or None


def _aliases() -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """Each way a note may name a catalog exercise (its name, its short name, the name before "with" or a
    bracket), longest first so "chair-assisted pull-up" is not read as "pull-up"; plurals count."""
    ids: dict[str, set[str]] = {}
    for exercise in CATALOG.exercises.values():
        plain = re.sub(r"\s*\(.*?\)", "", exercise.name)
        for alias in {exercise.name, exercise.short, plain, exercise.name.split(" with ")[0]}:
            ids.setdefault(alias.lower(), set()).add(exercise.id)
    found = []
    for alias in sorted(ids, key=len, reverse=True):
        stem = re.escape(alias[:-1]) + "(?:y|ies)" if alias.endswith("y") else re.escape(alias) + "(?:e?s)?"
        found.append((re.compile(rf"(?<![\w-]){stem}(?![\w-])", re.IGNORECASE), frozenset(ids[alias])))
    return found


ALIASES = _aliases()


def named(clause: str) -> list[tuple[str, frozenset[str]]]:
    """The exercises a clause names: (the words, the catalog ids they may mean)."""
    clause = re.sub(r"pull-up bars?", " ", clause, flags=re.IGNORECASE)  # the kit, not the exercise
    found = []
    for pattern, ids in ALIASES:
        for match in pattern.finditer(clause):
            found.append((match.group(0), ids))
        clause = pattern.sub(" ", clause)
    return found


@cache
def givable(level: str, equipment: str, kit: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """What the chat's kit lets it do, and what its plan hands out over four blocks with every rung of the
    ladders those exercises are on (a ladder moves a lift up or down whatever the level)."""
    place = Equipment(equipment)
    profile = Profile(Level(level), place, CATALOG.kit_for(place, kit))
    usable = frozenset(
        e.id for e in CATALOG.exercises.values() if e.needs <= profile.kit and place in e.places
    )
    planned = {
        item.exercise.id
        for number in range(1, 4 * position(CATALOG, profile, 1).per_block + 1)
        for item in plan_session(CATALOG, profile, number).exercises
    }
    rungs = {
        rung
        for exercise in planned
        if (ladder := ladder_for(exercise, LADDERS, CATALOG, profile)) is not None
        for rung in ladder.rungs
    }
    return usable, frozenset(planned | rungs)


def plan_misses(note: str, asker: Asker) -> list[str]:
    """Exercises the note tells the reader to do that their kit can't, or that their plan never gives."""
    assert asker.equipment is not None
    levels = [asker.level] if asker.level is not None else list(LEVELS)
    plans = [givable(level, asker.equipment, asker.kit or frozenset()) for level in levels]
    misses = []
    for words, ids in (found for clause in told(note) for found in named(clause)):
        usable = ids & plans[0][0]
        if not usable:
            misses.append(f"{words!r} needs kit they don't have")
        elif not any(usable & planned for _, planned in plans):
            misses.append(f"{words!r} is never in their plan")
    return misses


def report(wrong: dict[str, list[Asker]]) -> str:
    """One line per fault, with every asker who meets it."""
    return "\n".join(f"{fault}\n    for {'; '.join(map(name, askers))}" for fault, askers in wrong.items())


@pytest.mark.parametrize("topic", list(KB.topics))
def test_a_home_trainee_sent_to_kit_they_lack_gets_their_own_version(topic: str) -> None:
    body = plain_text(KB.topics[topic].answer)
    wrong: dict[str, list[Asker]] = {}
    for asker in HOME:
        missing = lacking(body, asker)
        note = note_for(topic, asker)
        if missing and note is None:
            wrong.setdefault(f"reads {sorted(set(missing))} with no note for their kit", []).append(asker)
        elif note is not None and (told_missing := lacking(" / ".join(told(note)), asker)):
            fault = f"the note sends them to {sorted(set(told_missing))}: {plain_text(note)}"
            wrong.setdefault(fault, []).append(asker)
    assert not wrong, report(wrong)


@pytest.mark.parametrize("topic", list(KB.topics))
def test_a_note_names_only_exercises_the_readers_plan_gives(topic: str) -> None:
    wrong: dict[str, list[Asker]] = {}
    for asker in ASKERS:
        note = note_for(topic, asker)
        if note is not None and asker.equipment is not None:
            for miss in plan_misses(note, asker):
                wrong.setdefault(f"{miss}: {plain_text(note)}", []).append(asker)
    assert not wrong, report(wrong)


def test_every_note_is_read_by_someone() -> None:
    """Notes are tried in file order and the first that fits wins: one shadowed by those above it is dead."""
    shown = {note_for(note.topic, asker) for note in ASSIST.note for asker in ASKERS}
    dead = [n for n in ASSIST.note if n.text not in shown]
    assert not dead, [f"{n.topic}: {n.text[:60]}" for n in dead]


@pytest.mark.parametrize(
    ("kit", "row", "hinge"),
    [
        # The newcomer trial: bands only. The row is a band row, and the hinge waits for something to load.
        (frozenset({"bands"}), "band rows", "no deadlift in yours yet"),
        (frozenset(), "door towel rows", "no deadlift in yours yet"),
        (frozenset({"load"}), "loaded backpack", "romanian deadlift with a loaded backpack or dumbbells"),
        # A newcomer trial: dumbbells, no backpack. Both lifts are the dumbbells', said each hand.
        (frozenset({"dumbbells", "bands"}), "a dumbbell in each hand", "dumbbell romanian deadlift"),
    ],
)
def test_a_beginner_at_home_reads_the_row_and_hinge_of_their_own_plan(
    kit: frozenset[str], row: str, hinge: str
) -> None:
    asker = Asker("beginner", "home", kit)
    rows = plain_text(ANSWERER.answer("how do I do bent over rows?", asker).text).lower()
    deadlift = plain_text(ANSWERER.answer("are deadlifts safe for beginners?", asker).text).lower()
    # The note comes right under the title, and its own "How:" stands in for the barbell's.
    assert row in rows.split("\n\n")[1] and "barbell or dumbbells hang" not in rows
    assert hinge in deadlift.split("\n\n")[1] and deadlift.index(hinge) < deadlift.index("fifth session")


def test_the_lists_above_read_kit_words_and_exercise_names_as_meant() -> None:
    bands = Asker("beginner", "home", frozenset({"bands"}))
    assert lacking("let the barbell or dumbbells hang", bands) == ["barbell", "dumbbells"]
    assert lacking("pull until your chin is over the bar", bands) == ["over the bar"]
    assert not lacking("loop the band round a post", bands)
    told_clauses = told("<b>Without a cable:</b> row it. A bar is the cheapest upgrade; no barbell here.")
    assert [c.strip() for c in told_clauses] == ["row it."]
    assert [w for w, _ in named("chair-assisted pull-ups, then pull-ups on a pull-up bar")] == [
        "chair-assisted pull-ups",
        "pull-ups",
    ]
    assert plan_misses("do door towel rows", bands) == ["'door towel rows' is never in their plan"]
    assert plan_misses("do lat pulldowns", bands) == ["'lat pulldowns' needs kit they don't have"]
    assert not plan_misses("band rows and kneeling band pulldowns", bands)


BARBELL_TECHNIQUE = "bar over the middle of your feet"


@pytest.mark.parametrize("asker", HOME, ids=str)
@pytest.mark.parametrize("lead", ["", "<b>Safety first.</b>"])
def test_a_home_deadlift_card_gives_the_homes_hinge_never_the_barbells_technique(
    asker: Asker, lead: str
) -> None:
    # A coach's trial: "sharp pain in my lower back when I do the backpack RDL" at home got the deadlift
    # card's barbell technique after the safety lead. The home note stands in for it, led or not.
    text = plain_text(ANSWERER.render("deadlift", asker, lead=lead))
    assert "At home (no barbell)" in text and BARBELL_TECHNIQUE not in text
    assert "while the bar is light" not in text, "nor the barbell's load steps"
    # Led by safety, no step up for the backpack either: sets and loads wait.
    # A chat with dumbbells hinges with them, backpack or not: its step is the next dumbbells up.
    owned = asker.owned()
    assert ("heavier backpack" in text) == (not lead and "load" in owned and "dumbbells" not in owned)
    assert ("next dumbbells up" in text) == (not lead and "dumbbells" in owned)


def test_the_gym_deadlift_card_keeps_its_technique() -> None:
    assert BARBELL_TECHNIQUE in plain_text(ANSWERER.render("deadlift", Asker("beginner", "gym", None)))


def test_a_note_replacing_a_paragraph_its_card_does_not_have_fails_at_start_up() -> None:
    note = next(n for n in ASSIST.note if n.replaces)
    broken = ASSIST.model_copy(update={"note": (note.model_copy(update={"replaces": ("<b>Form:</b>",)}),)})
    with pytest.raises(ValueError, match=r"replaces '<b>Form:</b>', no paragraph of its card"):
        Answerer(KB, broken)


def test_a_note_with_its_own_paragraph_under_a_card_heading_it_does_not_replace_fails_at_start_up() -> None:
    # The home row's "<b>Volume:</b>" without replacing the card's: two Volume paragraphs, one in the lead.
    note = next(n for n in ASSIST.note if n.topic == "bent-over-row" and "<b>Volume:</b>" in n.replaces)
    doubled = note.model_copy(update={"replaces": ("<b>How:</b>", "<b>Grip width:</b>")})
    with pytest.raises(ValueError, match=r"note's '<b>Volume:</b>' paragraph is its card's too"):
        Answerer(KB, ASSIST.model_copy(update={"note": (doubled,)}))
