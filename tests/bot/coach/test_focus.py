"""A long message is read around the sentence that asks; its story's words don't decide on their own."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.answerer import Answerer
from bot.coach.asking import trimmed
from bot.coach.doubt import Signals, doubts, instead_of_declining
from bot.coach.knowledge import KnowledgeBase
from bot.coach.wording import MAX_INPUT_CHARS

ANSWERER = Answerer(KnowledgeBase.load())
FORM, ROW, GRIPS, WARMUP = 0, 1, 2, 3


@pytest.mark.parametrize(
    ("story", "topic"),
    [
        # "moved to a new city" is a /timezone phrase; here it is why the trainee lost their partner.
        (
            "My lifting partner moved to a new city last spring. Since then I skip half my back sessions. "
            "How do I stay consistent when nobody is waiting for me at the gym?",
            "motivation",
        ),
        # "kg" is /units only next to a cue such as "change"; here the cue, in another sentence, asks about
        # training: a weak phrase needs its cue in its own sentence.
        (
            "My row went from 40 to 60 kg in two months. Now it has not moved for five weeks. "
            "What should I change to keep getting stronger?",
            "intermediate",
        ),
    ],
)
def test_a_command_phrase_in_the_story_is_not_the_question(story: str, topic: str) -> None:
    answer = ANSWERER.answer(story)
    assert answer.command is None
    assert answer.topic == topic or topic in answer.candidates


def test_a_command_asked_in_the_last_sentence_still_points_to_it() -> None:
    story = "I moved to Lisbon last week and the reminders now come an hour late. Can I fix my time zone?"
    assert ANSWERER.answer(story).command == "timezone"


def test_a_command_phrase_with_a_question_that_names_no_topic_is_still_the_command() -> None:
    answer = ANSWERER.answer("I pressed Done by accident on my rest day. How do I fix that?")
    assert answer.command == "undo"


def test_the_asking_sentence_decides_between_the_storys_topics() -> None:
    # The story is about food and training twice a week; the question is about when change shows.
    story = (
        "I eat plenty of protein and train my back twice a week with rows and pulldowns. "
        "It has been six weeks now. When will I actually notice my back looking different?"
    )
    answer = ANSWERER.answer(story)
    assert answer.topic == "faq-results" or answer.candidates[:1] == ("faq-results",)


def test_a_therapist_asking_for_the_log_does_not_hide_the_command() -> None:
    answer = ANSWERER.answer("my physiotherapist wants my lifts in a spreadsheet, how can I send them?")
    assert answer.command == "export"


def test_a_condition_without_the_back_still_keeps_commands_away() -> None:
    answer = ANSWERER.answer("can you export my diagnosis of diabetes")
    assert answer.command is None


@pytest.mark.parametrize(
    "message",
    ["going away for a week, stop pinging me till I'm back", "can the reminders shut up while we're away"],
)
def test_a_break_asked_in_everyday_words_points_to_pause(message: str) -> None:
    assert ANSWERER.answer(message).command == "pause"


@pytest.mark.parametrize(
    "message", ["cheers, that helped loads", "ur so useful lol", "night night, off to bed"]
)
def test_thanks_whose_words_name_a_concept_is_small_talk(message: str) -> None:
    assert ANSWERER.answer(message).kind == "smalltalk"


def test_a_question_mark_makes_the_same_words_a_question() -> None:
    assert ANSWERER.answer("so useful?").kind != "smalltalk"


def test_a_long_message_the_scorer_finds_unlike_its_topic_is_asked_back() -> None:
    # The curated lead is thin and the scorer gives the chosen topic almost nothing.
    signals = Signals([4.0, 2.0, 0.0, 0.0], 0.8, [0.05, 0.4, 0.5, 0.0, 0.05], words=25)
    assert doubts(FORM, signals) == (FORM, GRIPS, ROW)


def test_a_short_message_or_a_wide_lead_is_answered() -> None:
    short = Signals([4.0, 2.0, 0.0, 0.0], 0.8, [0.05, 0.4, 0.5, 0.0, 0.05], words=8)
    assert doubts(FORM, short) == ()
    wide = Signals([6.0, 2.0, 0.0, 0.0], 0.9, [0.05, 0.4, 0.5, 0.0, 0.05], words=25)
    assert doubts(FORM, wide) == ()


@pytest.mark.parametrize(
    ("message", "special"),
    [
        ("heard a pop in my elbow doing rows and my hand has felt weak since", "urgent"),
        ("chest pain at the top of a heavy deadlift", "urgent"),
        ("six weeks postpartum, when can I start face pulls again?", "pregnancy"),
        ("my traps ache after shrugs", None),
        ("pop music while I row, good or bad?", None),
        ("my upper back aches after sitting at my desk all day", "sitting"),
        ("neck and shoulders ache from my laptop", "sitting"),
        ("my back hurts when I row", None),
        # A desk with no ache, pain or soreness is no reason for a safety lead at all, nor is stiffness, which
        # the sitting lead counts only beside a safety sign.
        ("my shoulders round forward at my desk, what helps?", None),
        ("my upper back is stiff from sitting all day", None),
        ("I have sciatica pain going down my leg when I sit at my desk", None),
    ],
)
def test_special_care_is_read_from_the_question(message: str, special: str | None) -> None:
    assert ANSWERER.reader.read(message).special == special


def test_the_special_lead_replaces_the_general_one() -> None:
    answer = ANSWERER.answer("felt a pop in my back on deadlifts and now my leg is numb")
    assert answer.safety and answer.text.startswith("<b>Stop and get checked today.</b>")
    general = ANSWERER.answer("my back hurts when I row")
    assert general.safety and general.text.startswith("<b>Safety first.</b> Stop the movement")


def test_an_ache_from_sitting_is_told_to_move_more_not_to_stop_a_movement() -> None:
    # There is no movement to stop: the lead asks for more movement, and says when to see someone.
    answer = ANSWERER.answer("my upper back aches after sitting at my desk all day")
    assert answer.safety and "Stop the movement" not in answer.text
    assert "move more" in answer.text and "numbness" in answer.text and "physiotherapist" in answer.text
    assert not ANSWERER.answer("my shoulders round forward at my desk, what helps?").safety
    assert not ANSWERER.answer("my upper back is stiff from sitting all day").safety


def test_rir_is_explained_where_progression_is() -> None:
    answer = ANSWERER.answer("what does RIR mean on my workout?")
    assert answer.topic == "intermediate" and "reps in reserve" in answer.text.lower()


def test_a_long_message_about_the_back_offers_its_cued_topics_instead_of_declining() -> None:
    spread = Signals([1.5, 1.0, 0.5, 0.0], 0.2, None, names_subject=True, words=30)
    assert instead_of_declining(spread) == (FORM, ROW)
    assert instead_of_declining(dataclasses.replace(spread, words=8)) == ()
    assert instead_of_declining(dataclasses.replace(spread, names_subject=False)) == ()
    one_cue = Signals([1.5, 0.5, 0.0, 0.0], 0.2, None, names_subject=True, words=30)
    assert instead_of_declining(one_cue) == ()


def test_a_weak_command_phrase_with_its_cue_in_the_same_sentence_is_the_command() -> None:
    assert ANSWERER.answer("can I change it to kg").command == "units"


def test_the_more_specific_command_phrase_wins_a_tie() -> None:
    answer = ANSWERER.answer("how do I change my training days and get reminded at 7am")
    assert answer.command == "schedule"


def test_my_level_in_training_talk_is_not_the_level_setting() -> None:
    answer = ANSWERER.answer("is a barbell deadlift too much for someone at my level?")
    assert answer.command is None
    assert ANSWERER.answer("how do I change my level?").command == "level"


@pytest.mark.parametrize(
    ("message", "command"), [("history", "history"), ("Reminders", "reminders"), ("faq", "faq")]
)
def test_a_commands_name_alone_asks_for_it(message: str, command: str) -> None:
    assert ANSWERER.answer(message).command == command


def test_a_headache_after_training_leads_with_safety() -> None:
    answer = ANSWERER.answer("I get a tension headache after every back day, am I shrugging too much?")
    assert answer.safety


def test_a_condition_next_to_a_beginner_deadlift_situation_is_answered_not_declined() -> None:
    answer = ANSWERER.answer("I have osteoporosis, is it safe to start deadlifting as a beginner?")
    assert answer.safety and answer.kind in ("answer", "ask")
    assert answer.topic == "faq-deadlift-beginners" or "faq-deadlift-beginners" in answer.candidates


def test_a_vague_asking_sentence_keeps_the_storys_command() -> None:
    story = "I moved to a new city last month and the reminders come at night now. What do I do?"
    assert ANSWERER.answer(story).command == "timezone"


def test_getting_stronger_over_time_is_training_but_seeing_personal_bests_is_progress() -> None:
    assert ANSWERER.answer("how do I get stronger over time on rows").command is None
    assert ANSWERER.answer("where can i see my personal bests").command == "progress"


def test_a_menu_of_exercises_is_not_the_help_menu() -> None:
    answer = ANSWERER.answer("same four moves every session since January, time to shake up the menu?")
    assert answer.command is None
    assert ANSWERER.answer("where is the menu of commands").command == "help"


@pytest.mark.parametrize(
    "message",
    [
        "I've been doing this for a while now, can you move me up from beginner?",
        "I keep hitting snooze on gym days",
    ],
)
def test_everyday_time_words_are_not_a_pause(message: str) -> None:
    assert ANSWERER.answer(message).command != "pause"


def test_fingers_that_go_dead_lead_with_safety() -> None:
    assert ANSWERER.answer("on pulldowns my ring finger and pinky go dead for a while").safety


def test_a_command_phrase_told_before_a_question_of_its_own_is_the_story() -> None:
    story = (
        "We just moved to a house out in the country and the nearest gym is far away. "
        "There's a pull-up bar the old owners left. Is that enough to train my back properly?"
    )
    assert ANSWERER.answer(story).kind != "command"
    # A question that speaks to the bot about what was told is still the command.
    moved = ANSWERER.answer("I moved to Berlin last month. How do I change that in the bot?")
    assert moved.command == "timezone"
    # A request after the question is the request.
    assert ANSWERER.answer("when did I last train? show the recent sessions").command == "history"


def test_a_holiday_is_a_pause_only_when_the_bot_is_asked_to_go_quiet() -> None:
    assert ANSWERER.answer("going on holiday for a week, stop pinging me").command == "pause"
    assert ANSWERER.answer("going on holiday next month, how do I keep my back gains?").command is None


def test_an_urgent_lead_is_not_followed_by_the_how_to() -> None:
    answer = ANSWERER.answer("felt a pop in my elbow on rows and now my hand is numb")
    assert answer.text.startswith("<b>Stop and get checked today.</b>")
    assert answer.topic == "bent-over-row" and answer.suggestions == ("bent-over-row",)
    assert "hinge forward" not in answer.text and "Bent-over row" in answer.text


def test_sets_and_reps_without_a_level_offer_the_three_levels() -> None:
    answer = ANSWERER.answer("how many reps should i do")
    assert answer.kind == "ask" and answer.candidates == ("beginner", "intermediate", "advanced")
    assert ANSWERER.answer("how many sets and reps as a beginner").topic == "beginner"
    assert ANSWERER.answer("how many sets of face pulls").topic == "face-pull"


FILLER = "My kids are five and seven and the school run takes most of my morning, then I work until six. "


def test_a_question_in_the_middle_of_a_long_story_is_kept() -> None:
    story = FILLER * 3 + "So my real question: how many days a week should I train my back? " + FILLER * 6
    assert len(story) > MAX_INPUT_CHARS
    assert "how many days a week should I train my back?" in trimmed(story)
    assert ANSWERER.answer(story).topic == "faq-frequency"


@given(st.text(max_size=3000))
@settings(max_examples=200, deadline=None)
def test_a_trimmed_message_fits_the_reading_window(message: str) -> None:
    assert len(trimmed(message)) <= MAX_INPUT_CHARS
