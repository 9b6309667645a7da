"""Questions as blind writers and newcomers wrote them: the bot asked for in new words, errands that borrow
its verbs, words that collided with the typo corrector, and notes that fit who is asking. Tested directly."""

import pytest

from bot.coach.answerer import Answerer
from bot.coach.assist import Asker, Assist
from bot.coach.knowledge import KnowledgeBase

ASSIST = Assist.load()
KB = KnowledgeBase.load()
ANSWERER = Answerer(KB, ASSIST)

# The command each asks for, grouped by what once went wrong.
POINTERS = [
    # Polite, formal or full-sentence requests.
    (
        "I have changed my class days from Tuesday and Thursday to Monday and Wednesday. Could you please"
        " send my reminders on those days instead, at half past nine?",
        "schedule",
    ),
    (
        "My physiotherapist would like to see everything I have recorded. Is there a way to get it all"
        " out as a file I can email to her?",
        "export",
    ),
    ("Is it possible to see a graph of how my rows became heavier?", "progress"),
    ("Please delete all of my data. I will stop using this bot, thank you for everything.", "forget"),
    ("what can this bot actually do for me?", "help"),
    # "even" reads like "evening": a request is no greeting.
    ("what can this bot even do", "help"),
    ("im not a beginner anymore, put me on intermediate", "level"),
    ("reminders keep coming at 4am since we moved across the country", "timezone"),
    ("what's my next session?", "workout"),
    ("What session have you got lined up for me today?", "workout"),
    # Slang and Scots spelling.
    ("I've outgrown beginner mode, how do I move up a tier", "level"),
    ("I'm not beginner anymore, how to change to intermediate?", "level"),
    ("stuffed that last one up, scrub it", "undo"),
    ("How dae I tell ye whit I lifted the day so it's kept?", "log"),
    ("Just back fae the gym, aw finished. Tick it aff for me.", "done"),
    # Sets told are /log, a session told is /done; pushing back on a load is told to log what was lifted.
    ("did it last night", "done"),
    ("how do I change the weight you prescribe?", "log"),
    ("Mondays don't work for me anymore, can we do Tuesday and Friday mornings at 7 instead", "schedule"),
    ("How do I tell you I did three sets of ten rows at 40 kilos?", "log"),
    ("how do I tell you I did my workout yesterday", "done"),
    ("rows 4x8 45kg, add that", "log"),
    # A reminder off because of a place is the time zone's; one too early is the schedule's.
    (
        "We're wintering in Tenerife for three months; how do I get your messages to turn up on local time?",
        "timezone",
    ),
    ("I moved from São Paulo to Lisbon, how I change the hour zone in the bot?", "timezone"),
    ("we're in Spain for two weeks and the reminders are coming an hour off", "timezone"),
    ("the pings come at 6am, way too early, push them to 8", "schedule"),
    ("I'm at gamescom for one week, no reminders in that time please", "pause"),
    # The bot's own things named beside words from outside the coach's vocabulary.
    ("exams next week, can you go quiet until they're done?", "pause"),
    ("I'm off climbing in Spain for two weeks, don't remind me until I'm back", "pause"),
    ("I'd like a spreadsheet of everything I've logged so I can look at it on my laptop.", "export"),
    ("can I export my log to pdf", "export"),
    ("can you pull up my recent trainings", "history"),
    ("my streak is broken, how I can repair it?", "streak"),
    ("just bought a doorway pull up bar!! 🎉 how do i add it", "settings"),
    ("can I see my setup", "settings"),
    ("how do I redo the setup?", "start"),
    # Imperatives to the bot inside a story, and a trip's end that is no switch turned back on.
    ("Been at it a good while now, move me up from beginner to the next stage", "level"),
    ("How many sessions in a row have I done now? My grandson bet me I can't keep it up", "streak"),
    ("Off skiing for a week, hold the messages until we are home again.", "pause"),
    ("the times you send look one hour off, can you fix that?", "timezone"),
    ("What is on the plan for me today?", "workout"),
    # A change told for good is a request even with no question in it, however long the story.
    ("my gym closed down for good, I'm at home from now on", "settings"),
    ("my cement tins go up 2.5kg at a time not 5, how do i make you count like that", "units"),
    # A newcomer trial's: the progress asked after is the chat's own, tomorrow's session is /workout's.
    ("Am I making progress? How can I see it?", "progress"),
    ("how far with my progress? am I getting stronger?", "progress"),
    ("ok but show me the workout for tomorrow", "workout"),
    ("Hello. My daughter told me to try this. I am not very good with these phones. What do I do?", "help"),
]


@pytest.mark.parametrize(("question", "command"), POINTERS)
def test_the_bot_asked_for_in_new_words_points_to_its_command(question: str, command: str) -> None:
    assert ANSWERER.answer(question).command == command


@pytest.mark.parametrize(
    "question",
    [
        # Errands in the bot's verbs.
        "set a reminder for my dentist on Thursday at 3pm",
        "How do I export my contacts from my old phone to the new one?",
        "how do I undo in Excel on a Mac?",
        "Remind me to chase Sarah's unpaid invoice on Friday.",
        "remind me to call my pastor on Thursday about the service",
        "how do I export my spotify playlist to apple music",
        "how to undo a commit in git",
        "pause my spotify premium",
        "how do I export my whatsapp chats",
        "my duolingo streak is broken, can I get it back",
        # "Pull up" as the verb of fetching.
        "How do I pull up an old claim file in our system at work?",
        "how to pull up my payslip on the agency app",
        "Can you pull up my client list from last month?",
        "pull up the test plan doc from last sprint",
        "How do I export my Outlook contacts to a CSV file?",
    ],
)
def test_an_errand_that_borrows_the_bots_words_is_declined(question: str) -> None:
    assert ANSWERER.answer(question).kind == "decline"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # The exercise keeps its name after an article or as a plural.
        ("how do I do a pull up the right way", "pull-up"),
        ("after a set of pull-ups my hand goes numb", "pull-up"),
        ("I can pull up my chin over the bar but not my chest", "pull-up"),
        # A lift's "set up", and "the next session" in a story, are not the bot's.
        (
            "When I lift the loaded bar off the floor it drifts away from my shins and my hips shoot up"
            " before the plates even move. What should I change in how I set up?",
            "deadlift",
        ),
        (
            "streams end at 3 am, I sleep maybe 5 hours and my back never feels fresh for the next session",
            "rest-recovery",
        ),
        # From a newcomer trial.
        ("should i still go to the gym today", "rest-recovery"),
        ("whats better for back, bands or free weights", "faq-home"),
        ("are bands as good as weights or am I wasting my time?", "faq-home"),
        ("i only have one band and its kinda light, how do i make band rows harder", "intermediate"),
        # Words added for errands must not swallow a typo fix ("bath" → "bash", "clown" → "crown").
        ("I've got a door frame, a bath towel and a backpack full of textbooks. That's my gym.", "faq-home"),
        ("bro how do i stop swinging on every rep, i look like a clown", "form"),
        # Errand words narrowed after they ate training questions.
        ("I want to move my training log into Excel, is that possible?", None),
        ("shud i swap my rows out every block or keep em in", "exercise-rotation"),
        # A saying with a bot's word in it is the story's ("like a broken record" logs nothing).
        (
            "For three months my row has been stuck at 60 kg for 3x8. Same weight, same reps, every week,"
            " like a broken record.",
            "intermediate",
        ),
    ],
)
def test_training_words_keep_their_topic(question: str, topic: str | None) -> None:
    answer = ANSWERER.answer(question)
    assert answer.kind != "decline"
    if topic is not None:
        assert answer.command is None and topic in (answer.topic, *answer.candidates)


def test_hips_that_shoot_up_are_a_form_question_and_a_shooting_pain_is_a_sign() -> None:
    hips = ANSWERER.answer("my hips shoot up first on deadlifts, how do I fix my setup?")
    assert (hips.kind, hips.topic, hips.safety) == ("answer", "deadlift", False)
    assert ANSWERER.answer("a shooting pain goes up my arm on pull ups").safety


@pytest.mark.parametrize(
    "question",
    [
        "my elbow burns on the inside when i hold the bar palms up, should i change my grip?",
        "there's a stinging in my wrist when I curl the bar up on rows",
        "my knees grumble when I hinge for the deadlift, what should I change?",
    ],
)
def test_a_joint_that_burns_or_stings_is_a_sign_in_any_wording(question: str) -> None:
    assert ANSWERER.answer(question).safety


@pytest.mark.parametrize(
    "question",
    [
        "a spot between my shoulder blades burns on rows, which muscle is it?",
        "my hands give up on the bar before my back does, palms burning and fingers opening",
        "my elbows flare out on rows, how do I keep them in?",
    ],
)
def test_a_muscle_burning_from_the_work_is_no_sign(question: str) -> None:
    answer = ANSWERER.answer(question)
    assert not answer.safety and (answer.topic or answer.candidates)


def test_a_spinal_fusion_and_a_beta_blocker_are_conditions() -> None:
    fusion = ANSWERER.answer("I had a C5-C6 cervical fusion two years ago, are lat pulldowns ok for me now?")
    assert fusion.safety and fusion.topic == "lat-pulldown"
    assert ANSWERER.answer("I'm on a beta blocker, how do I know I'm warm before back work?").safety


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("I'm on tablets for my sugar, type 2. Is a protein shake every day ok for me?", "nutrition"),
        ("i have sickle cell trait, how hard can i push pull-ups", "pull-up"),
        ("I have thin bones, can I still deadlift?", "deadlift"),
        ("had a hip op last year, are rows ok", "bent-over-row"),
        (
            "I'm on BP medicine and my doctor says don't overdo it, how many back sessions a week?",
            "faq-frequency",
        ),
        (
            "low back's been achin since I tried deadlifts Saturday, what did I do wrong in my setup",
            "deadlift",
        ),
    ],
)
def test_conditions_in_everyday_words_lead_with_safety(question: str, topic: str) -> None:
    answer = ANSWERER.answer(question)
    assert (answer.topic, answer.safety) == (topic, True)


def test_a_deload_week_is_explained_with_rest_and_planned_with_the_advanced_blocks() -> None:
    what = ANSWERER.answer("What is a deload week and how do I know when I need one?")
    assert what.topic == "rest-recovery" and "<b>Deload weeks:</b>" in what.text
    assert ANSWERER.answer("when should I deload in a periodized block").topic == "advanced"


@pytest.mark.parametrize(
    "said",
    [
        "who programmed you?",
        "you're much nicer than the trainer at my gym",
        "salamat pare that helped a lot",
        "hola! good morning from the barge",
    ],
)
def test_small_talk_in_more_words_is_small_talk(said: str) -> None:
    assert ANSWERER.answer(said).kind == "smalltalk"


def test_an_illness_leads_with_rest_not_with_a_movement_to_stop() -> None:
    cold = ANSWERER.answer("I had a cold last week, can I train?")
    assert (cold.topic, cold.safety) == ("rest-recovery", True)
    assert cold.text.startswith("<b>Safety first.</b> Ill, or only just over it?")
    assert "Stop the movement" not in cold.text


@pytest.mark.parametrize(
    "question",
    [
        "is it bad that I skip days?",
        "I missed a couple of sessions this week, what now?",
        "I skipped tuesday because of work, should I do 2 sessions on saturday to catch up?",
    ],
)
def test_a_missed_session_is_answered_with_what_to_do_next(question: str) -> None:
    answer = ANSWERER.answer(question)
    assert answer.topic == "faq-frequency" and "<b>Missed a session?</b>" in answer.text


def test_a_band_too_easy_gets_which_band_and_a_short_day_ahead_gets_the_cut_session() -> None:
    band = ANSWERER.answer("the purple band feels too easy now, should I switch to the red one?")
    assert band.topic == "pull-up" and "<b>Which band?</b>" in band.text
    assert ANSWERER.answer("I only have 20 minutes on thursday, what should I do?").command == "workout"


def test_high_blood_pressure_leads_with_breathing_and_the_doctor_not_a_movement_to_stop() -> None:
    asked = ANSWERER.answer(
        "I have high blood pressure, it's controlled with tablets (amlodipine). Is it safe for me to lift "
        "weights, and should I avoid holding my breath?"
    )
    assert asked.safety and asked.text.startswith("<b>Safety first.</b> With high blood pressure")
    assert "Stop the movement" not in asked.text
    cold = ANSWERER.answer("Came home with a horrible cold, mostly in my nose. Can I still train today?")
    assert cold.text.startswith("<b>Safety first.</b> Ill, or only just over it?")


@pytest.mark.parametrize("said", ["Merry Christmas!", "happy new year coach"])
def test_season_greetings_are_small_talk(said: str) -> None:
    assert ANSWERER.answer(said).kind == "smalltalk"


def test_a_spreadsheet_cell_is_still_no_condition() -> None:
    assert ANSWERER.answer("how do i merge a cell in excel").kind == "decline"


def test_aching_all_over_after_a_first_session_hears_that_soreness_is_normal() -> None:
    soreness = next(c for c in ASSIST.safety.special if c.name == "soreness")
    answer = ANSWERER.answer(
        "everything hurts lol, can barely lift my arms to wash my hair. did i break something??"
    )
    assert answer.safety and answer.text.startswith(soreness.lead)
    assert not ANSWERER.answer("my shoulder hurts when I do face pulls").text.startswith(soreness.lead)


def test_dark_urine_after_a_hard_session_gets_the_urgent_lead() -> None:
    urgent = next(c for c in ASSIST.safety.special if c.name == "urgent")
    question = (
        "after a brutal double session my back is so sore and my pee is really dark, is that normal soreness?"
    )
    answer = ANSWERER.answer(question)
    assert answer.safety and answer.text.startswith(urgent.lead)


@pytest.mark.parametrize(
    ("level", "says"),
    [
        ("beginner", "dumbbell Romanian deadlifts"),
        ("intermediate", "3 sets of 6–8"),
        ("advanced", "heavy days"),
    ],
)
def test_the_deadlift_card_opens_with_what_the_askers_level_does(level: str, says: str) -> None:
    answer = ANSWERER.answer("how do I deadlift", Asker.from_values(level, "gym", None))
    note = answer.text.split("\n\n")[1]
    assert note.startswith("<b>On your plan:</b>") and says in note


def test_an_advanced_lifter_asking_about_progression_hears_the_days_not_a_fixed_jump() -> None:
    question = "my numbers have stalled for months, how do I keep progressing?"
    answer = ANSWERER.answer(question, Asker.from_values("advanced", "gym", None))
    assert answer.topic == "intermediate" and "heavy, moderate and volume days" in answer.text
    intermediate = ANSWERER.answer(question, Asker.from_values("intermediate", "gym", None))
    assert "heavy, moderate" not in intermediate.text


def test_a_decline_suggests_what_fits_the_askers_level_and_place() -> None:
    question = "bro 4x6 at 200 on deads?? my best triple is 200. thats not happening"
    unknown = ANSWERER.answer(question)
    advanced_gym = ANSWERER.answer(question, Asker.from_values("advanced", "gym", None))
    assert unknown.kind == advanced_gym.kind == "decline"
    assert "beginner" in unknown.suggestions and "faq-home" in unknown.suggestions
    assert "advanced" in advanced_gym.suggestions
    assert not {"beginner", "faq-home"} & set(advanced_gym.suggestions)


@pytest.mark.parametrize(
    "question",
    [
        "Sharp pain at the front of my shoulder at the bottom of every pull-up, push through it?",
        "my ribs hurt when i take a deep breath after heavy rows",
        "a stabbing pain between my shoulder blades on face pulls",
    ],
)
def test_a_sharp_pain_or_one_on_breathing_hears_why_it_needs_a_check(question: str) -> None:
    # The general lead told someone who said it is sharp to see someone "if it is sharp".
    sharp = next(c for c in ASSIST.safety.special if c.name == "sharp")
    answer = ANSWERER.answer(question)
    assert answer.safety and answer.text.startswith(sharp.lead)


def test_breathing_without_a_pain_or_hips_that_shoot_up_get_no_sharp_lead() -> None:
    sharp = next(c for c in ASSIST.safety.special if c.name == "sharp")
    assert not ANSWERER.answer("when should I breathe in on a barbell row?").text.startswith(sharp.lead)
    assert not ANSWERER.answer("my elbow hurts on rows, should I breathe out as I pull?").text.startswith(
        sharp.lead
    )


@pytest.mark.parametrize(
    "message",
    [
        "Hello there, it's Graham again",
        "Good morning from a grey and windy harbour town!",
        "Morning, how yuh keeping?",
        "Thanks lovely, that's exactly what I needed",
    ],
)
def test_small_talk_with_the_askers_own_words_is_small_talk(message: str) -> None:
    assert ANSWERER.answer(message).kind == "smalltalk"


@pytest.mark.parametrize(
    "message",
    [
        "ty coach ur lowkey goated",
        "morning lol just woke up at 2pm",
        "good morning from the boathouse at 4:45am lol",
    ],
)
def test_one_clause_that_opens_or_closes_with_small_talk_is_small_talk(message: str) -> None:
    assert ANSWERER.answer(message).kind == "smalltalk"


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("Habari ya asubuhi coach!", "greeting"),
        ("Sawubona!", "greeting"),
        ("Xin chào", "greeting"),
        ("Asante sana, that really helped", "thanks"),
        ("Teşekkürler hocam", "thanks"),
        ("Děkuji moc", "thanks"),
        ("Kwaheri, going to sleep", "bye"),
        ("Kumusta coach", "howareyou"),
    ],
)
def test_greetings_thanks_and_goodbyes_in_other_languages_are_small_talk(message: str, kind: str) -> None:
    answer = ANSWERER.answer(message)
    assert answer.kind == "smalltalk"
    assert answer.text == next(e.reply for e in KB.lexicon.smalltalk if e.kind == kind)


def test_are_or_is_inside_a_remark_does_not_make_it_ask() -> None:
    assert ANSWERER.answer("haha you are stricter than my headteacher").kind == "smalltalk"
    # Opening a clause, they ask: "are you stricter than ..." is a question, not praise (small talk the
    # learned model may know, answered with a word back, never "That's the spirit").
    asked = ANSWERER.answer("are you stricter than my headteacher")
    assert not asked.text.startswith("💪")
    assert not ANSWERER.answer(
        "you are stricter than my headteacher, are you always like this"
    ).text.startswith("💪")


@pytest.mark.parametrize(
    ("question", "command"),
    [
        # A short question pointing back asks for what the sentence before it said.
        (
            "Before I leave Canada I want to erase all of my information from this bot. How do I do that?",
            "forget",
        ),
        (
            "I will be in Tokyo for one month and the messages will come at strange hours. "
            "How do I fix the time difference?",
            "timezone",
        ),
        # Named just before it, however the pointing question's own words read ("switch" is a rotation word).
        ("I think in kilograms but the numbers show pounds. Can I switch it?", "units"),
        # Telling the bot the days is /schedule; telling it the session is done is /done.
        ("my rota changed, how do I tell you my gym days are now Monday and Thursday evenings", "schedule"),
        ("Can I tell you that I train every Wednesday and Saturday at 7 pm?", "schedule"),
        ("I finished all my sets just now! How do I tell you that today's session is complete?", "done"),
        # What to do today, asked of the coach, is today's session.
        ("only got 30 mins before my shift starts, what should I do in the gym today", "workout"),
        ("Hello, I just found this bot. How do I set it up for the first time, please?", "start"),
    ],
)
def test_questions_about_the_bot_across_two_sentences_or_told_to_it(question: str, command: str) -> None:
    answer = ANSWERER.answer(question)
    assert (answer.kind, answer.command) == ("command", command)


@pytest.mark.parametrize(
    "question",
    [
        # The pointing question names the back, or a pain is told: the topic, not a command.
        "My shoulders roll forward like a question mark at my desk. Would training my back help with that?",
        "During bent-over rows I get a numb, buzzing patch between my shoulder blades. Should I stop?",
        "just signed up for my first ever gym membership at 52 and I've no clue what to do for my back "
        "on day one. where do I start?",
        # A short question that asks nothing of the bot does not point to it.
        "Same three back exercises at the same weights for months, numbers flat as a CPU graph. "
        "What's the next step?",
    ],
)
def test_a_pointing_question_about_the_back_or_a_pain_is_no_command(question: str) -> None:
    assert ANSWERER.answer(question).kind != "command"


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("are you a real person or a robot lol", "aboutbot"),
        ("Are you a robot or a real coach? Just curious haha", "aboutbot"),
        ("tell me a joke pls, long day on the buses", "aboutbot"),
        # The bot's name names no back; unknown words beside thanks or praise are the asker's own.
        ("Konnichiwa! Nice to meet you, Back Coach 😊", "greeting"),
        ("cheers boss, you're a proper star", "thanks"),
        # The bot measured against someone, whatever the comparison's words.
        ("Haha, you are more strict than my climbing coach 😂", "cheer"),
    ],
)
def test_remarks_to_the_bot_and_about_it_are_small_talk(message: str, kind: str) -> None:
    answer = ANSWERER.answer(message)
    assert answer.kind == "smalltalk"
    assert answer.text == next(e.reply for e in KB.lexicon.smalltalk if e.kind == kind)


@pytest.mark.parametrize(
    "message",
    [
        "are you a robot? my lower back hurts when I row",
        "tell me a joke about deadlifts",
        "is back coach good for beginners, how many sets should I do",
        "you're better off doing rows than pulldowns?",
    ],
)
def test_remarks_about_the_bot_beside_a_topic_or_pain_are_not_small_talk(message: str) -> None:
    assert ANSWERER.answer(message).kind != "smalltalk"


@pytest.mark.parametrize(
    "message",
    [
        # Opening with small talk does not make the rest small talk when it names a topic, pain or request.
        "morning, my back aches after rows",
        "night shift makes my upper back stiff",
        "thanks, can you stop the reminders",
        "later today is the dentist, any tips for the nerves",
    ],
)
def test_an_opening_greeting_beside_a_topic_or_request_is_not_small_talk(message: str) -> None:
    assert ANSWERER.answer(message).kind != "smalltalk"


@pytest.mark.parametrize(
    "message",
    ["Can you translate 'good morning' into Spanish?", "Hi, what's the best laptop for students?"],
)
def test_a_greeting_beside_another_subject_is_not_small_talk(message: str) -> None:
    assert ANSWERER.answer(message).kind == "decline"


def test_crying_is_no_tear_and_tennis_elbow_is_a_condition() -> None:
    bored = ANSWERER.answer("the same four machines every session for five months, I'm bored to tears")
    assert (bored.topic, bored.safety) == ("exercise-rotation", False)
    elbow = ANSWERER.answer(
        "I have tennis elbow and squeezing the bar on rows makes it worse, would straps help?"
    )
    assert elbow.safety and "grips" in (elbow.topic, *elbow.candidates)


@pytest.mark.parametrize("message", ["log face pulls 3x15 20kg", "log pulldowns 3x10 at 40kg pls"])
def test_log_and_sets_without_the_slash_point_to_log(message: str) -> None:
    assert ANSWERER.answer(message).command == "log"


@pytest.mark.parametrize(
    "message", ["log cabin 3x4 metres, how much timber", "how do i log my erg scores 3x a week in the app"]
)
def test_log_and_numbers_about_something_else_are_not_log(message: str) -> None:
    assert ANSWERER.answer(message).command != "log"


@pytest.mark.parametrize(
    "question",
    [
        "how many times a week should I deadlift",
        "how often should I deadlift?",
        "can I deadlift every session",
    ],
)
def test_how_often_to_deadlift_gets_the_frequency_card_with_the_deadlift_line(question: str) -> None:
    answer = ANSWERER.answer(question)
    assert answer.topic == "faq-frequency"
    assert "<b>Deadlifts:</b>" in answer.text and "volume day" in answer.text


@pytest.mark.parametrize(
    "question", ["I only have 20 minutes, what should I do", "i have 45 minutes what should i do"]
)
def test_minutes_and_what_to_do_point_to_a_cut_workout(question: str) -> None:
    assert ANSWERER.answer(question).command == "workout"


@pytest.mark.parametrize(
    "message",
    [
        "remind me to order more composite and bonding agent tomorrow morning",
        "can you remind me about the parents' evening on Friday",
        "remind us to collect the trip money on Friday",
    ],
)
def test_a_reminder_for_something_other_than_training_is_an_errand(message: str) -> None:
    answer = ANSWERER.answer(message)
    assert (answer.kind, answer.topic, answer.command) == ("decline", None, None)


@pytest.mark.parametrize(
    "message",
    ["remind me to train at 7am", "remind me about my back workout on Mondays", "remind me to log my sets"],
)
def test_a_reminder_of_training_is_still_asked_of_the_bot(message: str) -> None:
    assert ANSWERER.answer(message).kind == "command"


def test_how_a_move_goes_asked_beside_a_word_on_the_kit_gets_the_moves_cue() -> None:
    answer = ANSWERER.answer("how do I do a kneeling band pulldown? I have no door anchor")
    assert (answer.kind, answer.topic) == ("answer", "lat-pulldown")
    assert answer.text.startswith("<b>Kneeling band pulldown</b>")
    assert "without one" in answer.text


def test_sleep_beside_a_situation_of_training_is_ours_and_alone_it_is_not() -> None:
    # "Sleep" needs a training companion; a situation phrase ("zero motivation") is one.
    told = ANSWERER.answer("zero motivation today lads, slept 3hrs, talk me into it or out of it")
    assert (told.kind, told.topic) == ("answer", "motivation")
    assert ANSWERER.answer("how many hours of sleep do adults need").kind == "decline"
