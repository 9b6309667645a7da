"""Issue 16 through the real Application: safety first, "Did you mean" buttons, answers that fit the
chat's level and kit, and pointers to commands that run the command."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot import callbacks
from storage.models import LoggedSet
from tests.bot.harness import Harness

USER = 7007


def labels(bot: Harness) -> list[str]:
    return [text for row in bot.api.buttons(bot.api.last()) for text, _ in row]


def button_data(bot: Harness) -> list[str]:
    return [data for row in bot.api.buttons(bot.api.last()) for _, data in row]


async def tick_kit(bot: Harness, chat_id: int, *labels: str) -> None:
    """In /settings, tick these home-kit boxes and confirm, as a user would."""
    await bot.send(chat_id, "/settings")
    await bot.press(chat_id, "Home kit")
    for label in labels:
        await bot.press(chat_id, f"⬜️ {label}")
    await bot.press(chat_id, "✅ Confirm")


async def test_pain_while_rowing_is_answered_safety_first(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "my lower back hurts when I row")
    text = (sent[0].plain_text or "").lower()
    assert text.startswith("safety first")
    assert "stop" in text and "easier" in text and "physiotherapist" in text
    # ...and then the topic itself.
    assert text.index("safety first") < text.index("row")
    assert "bent-over row" in text


async def test_a_pop_then_numbness_is_told_to_get_checked_today(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "felt something pop in my shoulder on pull ups, now two fingers are numb")
    text = (sent[0].plain_text or "").lower()
    assert text.startswith("stop and get checked today")
    assert "doctor" in text and "today" in text
    # No how-to after "get checked today": the topic waits behind a button for after the check.
    assert "start with help" not in text and "pull-ups" in text
    # …and pull-ups are left out of the plan until the trainee says they are fine (``bot.handlers.cautions``).
    assert button_data(bot) == [callbacks.pack("topic", "pull-up"), callbacks.pack("fine", "pull-up")]


async def test_pregnancy_gets_its_own_lead_before_the_topic(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "I'm 5 months pregnant, can I keep doing rows?")
    text = (sent[0].plain_text or "").lower()
    assert text.startswith("safety first") and "midwife" in text
    assert text.index("midwife") < text.index("bent-over row")


async def test_an_ache_from_the_laptop_gets_the_sitting_lead_and_a_training_pain_the_general_one(
    bot: Harness,
) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "neck and shoulders ache from my laptop")
    text = (sent[0].plain_text or "").lower()
    assert text.startswith("safety first") and "move more" in text and "stop the movement" not in text
    assert "numbness" in text and "physiotherapist" in text
    row = await bot.send(USER, "my back hurts when I row")
    assert (row[0].plain_text or "").lower().startswith("safety first. stop the movement that hurts")


async def test_tingling_gets_the_safety_lead_even_when_declined(bot: Harness) -> None:
    sent = await bot.send(USER, "my left foot is tingling all day")
    text = (sent[0].plain_text or "").lower()
    assert text.startswith("safety first") and "know" in text


async def test_close_topics_are_asked_back_with_topic_buttons(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "pulldowns or pull ups")
    assert "did you mean" in (sent[0].plain_text or "").lower()
    assert set(labels(bot)) == {"Lat pulldown", "Pull-ups"}
    assert all(callbacks.unpack(d, "topic", 1) is not None for d in button_data(bot))
    answer = await bot.press(USER, "Pull-ups")
    assert "chin" in (answer[-1].plain_text or "").lower()


async def test_sets_and_reps_are_answered_for_the_chats_level(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    sent = await bot.send(USER, "how many sets and reps should I do?")
    assert (sent[0].plain_text or "").startswith("Intermediate progression")
    await bot.onboard(USER + 1)
    sent = await bot.send(USER + 1, "how many sets and reps should I do?")
    assert (sent[0].plain_text or "").startswith("Beginner routine")


async def test_a_long_story_is_answered_and_a_paste_is_asked_to_be_shorter(bot: Harness) -> None:
    await bot.onboard(USER)
    day = "I drop the kids at school, work until six, cook, and then I am tired. "
    story = day * 12 + "How many days a week should I train my back? " + day * 12
    assert 1500 < len(story) < 2500
    sent = await bot.send(USER, story)
    text = (sent[0].plain_text or "").lower()
    assert text.startswith("how often to train") or "How often to train" in labels(bot)
    sent = await bot.send(USER, day * 40)
    assert "a bit long" in (sent[0].plain_text or "")


async def test_forged_topic_button_gets_a_polite_toast(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "pulldowns or pull ups")
    assert await bot.callback(USER, callbacks.pack("topic", "no-such-topic")) == []
    assert bot.toasts()[-1].text


async def test_home_trainee_asking_about_deadlifts_hears_the_no_barbell_hinge(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home")  # kit: nothing
    home = ((await bot.send(USER, "how do I deadlift with good form?"))[0].plain_text or "").lower()
    # Nothing to load: the home plan has no hinge at all, and the answer says so instead of promising one.
    assert "no barbell" in home and "no deadlift in your plan yet" in home and "/settings" in home
    await tick_kit(bot, USER, "A backpack or other load")
    loaded = ((await bot.send(USER, "how do I deadlift with good form?"))[0].plain_text or "").lower()
    assert "romanian deadlift with a loaded backpack or dumbbells" in loaded
    assert "in your plan from the first session" in loaded
    assert "bar over the middle of your feet" not in loaded and "heavier backpack" in loaded


async def test_gym_trainee_gets_the_plain_deadlift_answer(bot: Harness) -> None:
    await bot.onboard(USER)
    text = (await bot.send(USER, "how do I deadlift with good form?"))[0].plain_text or ""
    assert "no barbell" not in text.lower() and "technique" in text.lower()


async def test_beginner_asking_about_drop_sets_hears_when_they_fit(bot: Harness) -> None:
    await bot.onboard(USER)  # beginner
    beginner = (await bot.send(USER, "should I do drop sets on back day?"))[0].plain_text or ""
    assert "don't fit yet" in beginner and "advanced" in beginner
    await bot.send(USER, "/level")
    await bot.press(USER, "🔥 Advanced")
    advanced = (await bot.send(USER, "should I do drop sets on back day?"))[0].plain_text or ""
    assert "don't fit yet" not in advanced and "drop sets" in advanced.lower()


async def test_home_without_a_bar_hears_the_pull_of_their_own_kit(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home")
    nothing = (await bot.send(USER, "how can I learn to do a pull-up?"))[0].plain_text or ""
    assert "side the door closes against" in nothing
    # With bands the plan has band pulldowns and band rows, never towel rows (a newcomer trial read them).
    await tick_kit(bot, USER, "Resistance bands")
    bands = (await bot.send(USER, "how can I learn to do a pull-up?"))[0].plain_text or ""
    assert "kneeling band pulldowns" in bands and "side the door closes against" not in bands
    await tick_kit(bot, USER, "Pull-up bar")
    with_bar = (await bot.send(USER, "how can I learn to do a pull-up?"))[0].plain_text or ""
    assert "your plan starts with band-assisted pull-ups" in with_bar


async def test_bands_only_trainee_reads_a_band_version_of_the_bent_over_row(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    text = ((await bot.send(USER, "how do I do bent over rows?"))[0].plain_text or "").lower()
    assert text.startswith("bent-over row")
    # Their own version stands in for the barbell's "How:", and names the plan's band rows.
    assert "how: stand on the middle of the band" in text and "barbell" not in text
    assert "band rows" in text and "towel" not in text


async def test_question_about_the_bot_points_to_the_command_with_a_button(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "how do I change my reminder time?")
    assert "/schedule" in (sent[0].plain_text or "")
    assert button_data(bot) == [callbacks.pack("cmd", "schedule")]


async def test_a_request_in_new_words_gets_its_command_button_and_the_button_pauses(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "off to Lisbon for a few days, can you hold the notifications till I'm home")
    assert "/pause" in (sent[0].plain_text or "")
    # The button pauses for as long as the message said: a few days is three (Tue 24 to Thu 26 Nov).
    assert button_data(bot) == [callbacks.pack("cmd", "pause", "3")]
    assert labels(bot) == ["▶ /pause 3"]
    ran = await bot.press(USER, labels(bot)[0])
    assert "Reminders paused through Thu 26 Nov" in (ran[-1].plain_text or "")
    assert bot.errors == []


async def test_a_pause_asked_for_two_weeks_pauses_two_weeks_and_forged_lengths_fail(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "I'll be away two weeks, mute the pings till I'm back please")
    assert button_data(bot) == [callbacks.pack("cmd", "pause", "14")]
    ran = await bot.press(USER, labels(bot)[0])
    assert "Reminders paused through Mon 07 Dec" in (ran[-1].plain_text or "")
    # A length out of range, or an argument for a command that takes none from a button, is forged.
    for forged in (callbacks.pack("cmd", "pause", "900"), callbacks.pack("cmd", "stop", "3")):
        assert await bot.callback(USER, forged) == []
        assert bot.toasts()[-1].text == bot.app.bot_data.texts["errors.stale_button"]
    assert bot.errors == []


async def test_sets_told_in_words_are_offered_as_a_log_and_the_button_logs_them(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    sent = await bot.send(USER, "just finished: band rows, three rounds of twelve")
    assert "Shall I log that? band row 3x12" in (sent[-1].plain_text or "")
    assert button_data(bot) == [callbacks.pack("cmd", "log", "band row 3x12")]
    logged = (await bot.press(USER, labels(bot)[0]))[-1].plain_text or ""
    assert "Logged Band row: 3×12" in logged
    # Asked as a question, it is answered as one; told with a request, the pointer carries the sets.
    asked = await bot.send(USER, "should I do 3 sets of 12 band rows or more?")
    assert "Shall I log that" not in (asked[-1].plain_text or "")
    await bot.send(USER, "did lat pulldown 3x10 at 50 kilos, can you note that down?")
    assert button_data(bot) == [callbacks.pack("cmd", "log", "lat pulldown 3x10 50kg")]
    # Sets the answerer itself reads as a log are offered the same way.
    sent = await bot.send(USER, "want to put in my band rows, 3 sets of 10")
    assert "Shall I log that? band row 3x10" in (sent[-1].plain_text or "")
    assert button_data(bot) == [callbacks.pack("cmd", "log", "band row 3x10")]
    assert bot.errors == []


async def test_reps_told_one_a_set_and_a_load_without_unit_are_logged_as_told(bot: Harness) -> None:
    await bot.onboard(USER)
    sent = await bot.send(USER, "did my band assisted pull ups, got 8, 7 and 6 with the red band")
    assert "Shall I log that? band assisted pull up 8,7,6 red band" in (sent[-1].plain_text or "")
    assert button_data(bot) == [callbacks.pack("cmd", "log", "band assisted pull up 8,7,6 red band")]
    logged = (await bot.press(USER, labels(bot)[0]))[-1].plain_text or ""
    assert "Logged Band-assisted pull-up: 8, 7, 6 with the red band" in logged
    # The load 55 told with no unit is the chat's: pounds here, as /log reads "cable row 3x8 55".
    await bot.send(USER, "/units lb")
    sent = await bot.send(USER, "hit 3 sets of 8 on cable row at 55")
    assert "Shall I log that? cable row 3x8 55lb" in (sent[-1].plain_text or "")
    logged = (await bot.press(USER, labels(bot)[0]))[-1].plain_text or ""
    assert "Logged Seated cable row: 3×8 @ 55 lb" in logged
    history = (await bot.send(USER, "/history"))[-1].plain_text or ""
    assert "8, 7, 6" in history and "3×8 @ 55 lb" in history, history
    # Numbers that are a date are no sets: the question about pull-ups is answered.
    sent = await bot.send(USER, "did pull ups on 12 3 2024")
    assert "Shall I log that" not in (sent[-1].plain_text or "")
    assert bot.errors == []


async def logged_sets(bot: Harness) -> int:
    async with bot.app.bot_data.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(LoggedSet)) or 0


async def test_a_bare_load_told_for_a_past_day_is_offered_for_that_day(bot: Harness) -> None:
    """A newcomer trial: "did rows 3x10 at 40 yesterday" got the bent-over row's card, while "at 40kg
    yesterday", and "at 40" without a day, were offered as a /log. 40 is no hour: the load, for that day."""
    await bot.onboard(USER)
    for message, line in (
        ("did rows 3x10 at 40 yesterday", "cable row 3x10 40kg yesterday"),
        ("did cable rows 3x10 at 40kg yesterday", "cable row 3x10 40kg yesterday"),
    ):
        reply = (await bot.send(USER, message))[-1].plain_text or ""
        assert reply.startswith("📝 Shall I log that for yesterday, Mon 23 Nov? "), reply
        assert labels(bot) == [f"▶ /log {line}"], message
    pressed = (await bot.press(USER, "▶ /log cable row 3x10 40kg yesterday"))[-1].text or ""
    assert pressed.startswith("✍️ Logged for yesterday, Mon 23 Nov: Seated cable row: 3×10 @ 40 kg"), pressed


async def test_sets_told_for_a_past_day_are_offered_for_that_day(bot: Harness) -> None:
    # Sets told for a day /log takes (up to 2 days back) are offered as a /log for that day, never today.
    await bot.onboard(USER)
    for message, line in (
        ("pull ups 10 10 10 yesterday", "pull up 10,10,10 yesterday"),
        ("did rows 3x8 at 40kg on monday", "cable row 3x8 40kg mon"),  # Monday is yesterday; today's row
        ("yesterday: barbell rows, 3 sets of 8 at 40kg", "barbell row 3x8 40kg yesterday"),
    ):
        sent = await bot.send(USER, message)
        reply = sent[-1].plain_text or ""
        assert reply.startswith("📝 Shall I log that for yesterday, Mon 23 Nov? "), reply
        assert labels(bot) == [f"▶ /log {line}"], message
    pressed = (await bot.press(USER, "▶ /log barbell row 3x8 40kg yesterday"))[-1].text or ""
    expected = "✍️ Logged for yesterday, Mon 23 Nov: Barbell bent-over row: 3×8 @ 40 kg"
    assert pressed.startswith(expected), pressed
    # A day further back, or one it cannot tell, gets no button that would log them on another day.
    for message in ("pull ups 10 10 10 last week", "did rows 3x8 at 40kg on thursday"):
        sent = await bot.send(USER, message)
        reply = sent[-1].plain_text or ""
        assert "I log sets for today or up to 2 days back" in reply, reply
        assert bot.api.buttons(sent[-1]) == [], message
    # Told with a request, the /log pointer carries the day.
    sent = await bot.send(USER, "did lat pulldown 3x10 at 50 kilos yesterday, can you note that down?")
    assert labels(bot) == ["▶ /log lat pulldown 3x10 50kg yesterday"], sent[-1].text
    assert await logged_sets(bot) == 3
    assert bot.errors == []


async def test_sets_told_for_a_day_to_come_are_not_offered(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    for message in ("I'll do band rows 3x12 tomorrow", "tomorrow: band rows, three rounds of twelve"):
        sent = await bot.send(USER, message)
        reply = sent[-1].plain_text or ""
        assert "Shall I log that" not in reply, message
        assert "on the day they're done" in reply and "/log band row 3x12" in reply, reply
        assert bot.api.buttons(sent[-1]) == [], message
    assert await logged_sets(bot) == 0
    # The same sets told for today are still offered, and the button logs them today.
    sent = await bot.send(USER, "band rows 3x12 this morning")
    assert "Shall I log that? band row 3x12" in (sent[-1].plain_text or "")
    assert "Logged Band row: 3×12" in ((await bot.press(USER, labels(bot)[0]))[-1].plain_text or "")
    assert bot.errors == []


async def test_a_lift_told_by_its_last_word_is_todays_one(bot: Harness) -> None:
    await bot.onboard(USER, equipment="🏠 Home", kit=("Resistance bands",))
    workout = (await bot.send(USER, "/workout"))[-1].plain_text or ""
    assert "Band row" in workout
    sent = await bot.send(USER, "rows, 3 sets of ten")
    assert "Shall I log that? band row 3x10" in (sent[-1].plain_text or "")
    logged = (await bot.press(USER, labels(bot)[0]))[-1].plain_text or ""
    assert "Logged Band row: 3×10" in logged
    assert bot.errors == []


@pytest.mark.parametrize(
    ("question", "command", "argument", "reply"),
    [
        ("can I see everything in pounds instead of kilos?", "units", "lb", "Loads are now in <b>lb</b>"),
        ("switch my weights from kilos to pounds please", "units", "lb", "Loads are now in <b>lb</b>"),
        ("I grew up with pounds, kilos mean nothing to me", "units", "lb", "Loads are now in <b>lb</b>"),
        ("the recovery tips on my off days are annoying, can they go?", "nudges", "off", "tips are off"),
    ],
)
async def test_a_setting_asked_for_goes_on_the_button(
    bot: Harness, question: str, command: str, argument: str, reply: str
) -> None:
    await bot.onboard(USER)
    await bot.send(USER, question)
    assert button_data(bot) == [callbacks.pack("cmd", command, argument)]
    pressed = await bot.press(USER, labels(bot)[0])
    assert reply in " ".join(m.text or "" for m in pressed)
    assert await bot.callback(USER, callbacks.pack("cmd", command, "maybe")) == []
    assert bot.errors == []


async def test_days_and_time_asked_for_go_on_the_schedule_button_and_the_button_sets_them(
    bot: Harness,
) -> None:
    await bot.onboard(USER)  # Mon and Thu at 18:00
    # The day that no longer works is left out; the days wanted are carried.
    await bot.send(USER, "Mondays don't work any more, could we do Tuesdays and Fridays instead")
    assert labels(bot) == ["▶ /schedule tue,fri"]
    pressed = " ".join(m.text or "" for m in await bot.press(USER, labels(bot)[0]))
    assert "Reminders set to <b>Tue, Fri</b> at <b>18:00</b>" in pressed
    await bot.send(USER, "can you remind me mondays and thursdays at 7pm")
    assert labels(bot) == ["▶ /schedule mon,thu 19:00"]
    # A colon would split the payload: the time travels as 1900, which /schedule reads as 19:00.
    assert button_data(bot) == [callbacks.pack("cmd", "schedule", "mon,thu 1900")]
    pressed = " ".join(m.text or "" for m in await bot.press(USER, labels(bot)[0]))
    assert "Reminders set to <b>Mon, Thu</b> at <b>19:00</b>" in pressed
    # A time alone keeps the days the chat has now (/schedule needs days).
    await bot.send(USER, "move my reminders to 6:30")
    assert labels(bot) == ["▶ /schedule mon,thu 06:30"]
    pressed = " ".join(m.text or "" for m in await bot.press(USER, labels(bot)[0]))
    assert "Reminders set to <b>Mon, Thu</b> at <b>06:30</b>" in pressed
    menu = " ".join(m.text or "" for m in await bot.send(USER, "/reminders"))
    assert "06:30" in menu
    # Days turned down are not carried; where the message leaves the days open, the button carries none.
    await bot.send(USER, "I can't do mon, thu - can you change my training days?")
    assert button_data(bot) == [callbacks.pack("cmd", "schedule")]
    forged = (
        "fri,tue 1900",
        "tue,tue",
        "mon,tue,wed,thu,fri,sat,sun",
        "tue 2500",
        "tue 19:00",
        "tue,fri 7pm",
    )
    for value in forged:
        assert await bot.callback(USER, callbacks.pack("cmd", "schedule", value)) == []
        assert bot.toasts()[-1].text == bot.app.bot_data.texts["errors.stale_button"]
    assert bot.errors == []


async def test_a_session_told_for_another_day_gets_a_done_button_for_that_day(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "forgot to tell you, I trained 2 days ago but didn't tick it off")
    assert button_data(bot) == [callbacks.pack("cmd", "done", "2 days ago")]
    pressed = (await bot.press(USER, labels(bot)[0]))[-1].plain_text or ""
    await bot.onboard(USER + 1)
    typed = (await bot.send(USER + 1, "/done 2 days ago"))[-1].plain_text or ""
    assert pressed == typed and "Logged for Sunday 22 Nov" in pressed
    assert await bot.callback(USER, callbacks.pack("cmd", "done", "last year")) == []
    assert bot.errors == []


async def test_a_workout_last_night_gets_a_done_button_for_yesterday(bot: Harness) -> None:
    # A newcomer trial, on a Friday: this got a plain /done, which logged the session for Friday.
    friday = datetime(2026, 12, 11, 9, 0, tzinfo=UTC)
    bot.clock.now = friday
    await bot.onboard(USER)
    sent = await bot.send(USER, "did my workout last night but forgot to tell you 🙈")
    assert labels(bot) == ["▶ /done yesterday"], sent[-1].text
    assert button_data(bot) == [callbacks.pack("cmd", "done", "yesterday")]
    pressed = (await bot.press(USER, "▶ /done yesterday"))[-1].text or ""
    assert pressed.startswith("📅 Logged for Thursday 10 Dec.\n✅ <b>Session 1 logged!</b>"), pressed
    # In the small hours "last night" is still the evening before: Friday's, told on Saturday at 1am.
    bot.clock.now = friday + timedelta(hours=16)
    await bot.send(USER, "did my workout last night but forgot to tell you 🙈")
    assert button_data(bot) == [callbacks.pack("cmd", "done", "yesterday")]
    pressed = (await bot.press(USER, "▶ /done yesterday"))[-1].text or ""
    assert pressed.startswith("📅 Logged for Friday 11 Dec.\n✅ <b>Session 2 logged!</b>"), pressed
    # This morning's and tonight's sessions are today's: a plain /done.
    bot.clock.now = friday + timedelta(days=1)
    await bot.send(USER, "did my workout this morning but forgot to tell you")
    assert button_data(bot) == [callbacks.pack("cmd", "done")]
    assert (await bot.press(USER, "▶ /done"))[-1].text == (
        "✅ <b>Session 3 logged!</b> This week: 3/2. Streak: 1 week."
    )


async def test_i_did_my_workout_last_night_logs_yesterday_and_this_morning_today(bot: Harness) -> None:
    friday = datetime(2026, 12, 11, 9, 0, tzinfo=UTC)
    bot.clock.now = friday
    await bot.onboard(USER)
    assert (await bot.send(USER, "I did my workout last night"))[-1].text == (
        "📅 Logged for Thursday 10 Dec.\n"
        "✅ <b>Session 1 logged!</b> This week: 1/2. Get to 2 this week to start your weekly streak."
    )
    assert (await bot.send(USER, "I trained this morning!"))[-1].text == (
        "✅ <b>Session 2 logged!</b> This week: 2/2. Streak: 1 week."
    )
    assert (await bot.send(USER, "/done last night"))[-1].text == "✅ Yesterday's session is already logged."


async def test_forgetting_to_press_done_gets_done_for_that_day_not_undo(bot: Harness) -> None:
    # A newcomer trial: this got the /undo button, and pressing it took back the day before's logged sets.
    await bot.onboard(USER)
    await bot.send(USER, "yesterday I forget to press done, I trained")
    assert button_data(bot) == [callbacks.pack("cmd", "done", "yesterday")]
    pressed = (await bot.press(USER, labels(bot)[0]))[-1].plain_text or ""
    assert "Logged for" in pressed
    assert bot.errors == []


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("how do I record what I lifted today?", "log"),
        ("I trained this morning, how do I tell you it's done?", "done"),
        ("how do I change the units?", "units"),
    ],
)
async def test_a_command_button_reads_no_arguments_from_the_bots_own_reply(
    bot: Harness, question: str, command: str
) -> None:
    # Run from a button, the message is the bot's pointer; its words are not the command's arguments.
    await bot.onboard(USER)
    await bot.send(USER, question)
    assert button_data(bot) == [callbacks.pack("cmd", command)]
    pressed = (await bot.press(USER, labels(bot)[0]))[-1].plain_text
    await bot.onboard(USER + 1)
    typed = (await bot.send(USER + 1, f"/{command}"))[-1].plain_text
    assert pressed == typed
    assert bot.errors == []


async def test_command_button_runs_the_command(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "what commands do you have")
    assert button_data(bot) == [callbacks.pack("cmd", "help")]
    ran = await bot.press(USER, labels(bot)[0])
    assert "/workout" in (ran[-1].plain_text or "") and "/streak" in (ran[-1].plain_text or "")


async def test_asking_how_to_get_set_up_points_to_start_and_its_button_starts_it(bot: Harness) -> None:
    sent = await bot.send(USER, "just found this bot, how do I get it set up for me?")
    assert "/start" in (sent[0].plain_text or "")
    assert button_data(bot) == [callbacks.pack("cmd", "start")]
    ran = await bot.press(USER, labels(bot)[0])
    assert any("level" in (m.plain_text or "").lower() for m in ran)
    assert bot.errors == []


async def test_forged_command_button_is_refused_politely(bot: Harness) -> None:
    await bot.onboard(USER)
    await bot.send(USER, "hi")
    assert await bot.callback(USER, callbacks.pack("cmd", "rm-rf")) == []
    assert bot.toasts()[-1].text
    assert bot.errors == []
