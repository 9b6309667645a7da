"""A reminder scheduled a minute ahead arrives on time, exactly once, across a restart just before it is due.

The issue's acceptance criterion, on simulated time: a chat onboards and types ``/schedule <day> <HH:MM>``
for the next minute M through the real Application (handlers, database, the Bot API double), and a few
seconds before M the bot is replaced by a fresh one on the same database, the same Telegram and the same
clock, as a restarted process would be:

* stopped gracefully (what SIGTERM does: shutdown and post_shutdown, which hands the lead over);
* killed (SIGKILL: it does nothing more, its lead stays taken until the lease runs out);
* killed, with the fresh process only coming up after M (its first tick has to catch up).

Each process's reminder jobs fire as the JobQueue would fire them (``SimulatedJobs``: the lead job, the
tick at the default ``SCHEDULER_TICK_SECONDS``, the catch-up run on taking the lead), on a clock the test
moves, so the whole story — including a dead leader's lease running out — takes milliseconds and is the
same on every run. The user's side is what is asserted: one message, the workout reminder with its three
buttons, between M and M + 1 minute, then nothing more for ten minutes; and Done on it logs the session.

The parts only a real process has are tested with real processes elsewhere: signal handling and exit codes
(test_end_to_end.py, test_webhook.py), a leader SIGKILLed mid-run and another replica taking over
(test_scale_out.py), updates surviving a kill -9 (test_intake_crash.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.coach.texts import ReminderTexts
from fakeapi import FakeBotApi, SentMessage
from scheduler.slots import WEEKDAY_NAMES
from tests.bot.harness import START, TOKEN, Clock, Harness, SimulatedJobs, database, running_app
from tests.conftest import BACKENDS

USER = 555
# "A minute ahead": /schedule is sent at START (Tuesday 10:00 UTC) for 10:01.
DUE = START + timedelta(minutes=1)
# The acceptance criterion: the reminder arrives within a minute of M…
ON_TIME = timedelta(minutes=1)
# …and nothing follows it for this long (dozens of ticks, several lease renewals).
DUPLICATE_WATCH = timedelta(minutes=10)
REMINDER_BUTTONS = ["✅ Done", "⏰ Snooze 1h", "⏭ Skip today"]


def labels(message: SentMessage) -> list[str]:
    return [label for row in FakeBotApi.buttons(message) for label, _ in row]


async def onboard_and_schedule(bot: Harness, due: datetime) -> SentMessage:
    await bot.onboard(USER, level="💪 Intermediate")
    assert "All set" in (bot.api.last(USER).text or "")
    [reply] = await bot.send(USER, "/timezone UTC")
    assert "Timezone set to <b>UTC</b>" in (reply.text or ""), reply.text
    day, at = WEEKDAY_NAMES[due.weekday()], f"{due:%H:%M}"
    [confirmation] = await bot.send(USER, f"/schedule {day} {at}")
    assert f"<b>{day.capitalize()}</b> at <b>{at}</b> (UTC)" in (confirmation.text or ""), confirmation.text
    return confirmation


VARIANTS = {
    # name: (the old process stops at M+…, graceful?, the fresh one starts at M+…)
    "SIGTERM": (timedelta(seconds=-5), True, timedelta(seconds=-5)),
    "SIGKILL": (timedelta(seconds=-5), False, timedelta(seconds=-5)),
    # Down across M: the fresh process's first tick has to catch up on the slot that fell due.
    "SIGKILL, back after M": (timedelta(seconds=-2), False, timedelta(seconds=3)),
}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("variant", list(VARIANTS))
async def test_reminder_arrives_once_on_time_across_a_restart_just_before_it_is_due(
    tmp_path: Path, backend: str, variant: str
) -> None:
    stop_at, graceful, back_at = VARIANTS[variant]
    api, clock = FakeBotApi(token=TOKEN), Clock()
    received: list[tuple[datetime, SentMessage]] = []
    api.subscribe(lambda message: received.append((clock.now, message)) if message.chat_id == USER else None)

    async with database(tmp_path, backend) as db, running_app(db, api=api, clock=clock) as old:
        old_jobs = SimulatedJobs(old)
        scheduled = await onboard_and_schedule(old, DUE)
        await old_jobs.run_until(DUE + stop_at)
        assert received[-1][1] is scheduled, f"the bot sent something before M: {received[-1][1].text!r}"
        if graceful:
            await old.stop()
        # Killed: the old process simply never runs again (it is shut down only after the assertions).
        clock.now = DUE + back_at
        async with running_app(db, api=api, clock=clock) as fresh:
            fresh_jobs = SimulatedJobs(fresh)
            await fresh_jobs.run_until(DUE + ON_TIME)
            after = [(at, message) for at, message in received if message.message_id > scheduled.message_id]
            assert len(after) == 1, f"[{variant}] expected one reminder by M+1min, got {after}"
            [(arrived, reminder)] = after
            await fresh_jobs.run_until(arrived + DUPLICATE_WATCH)
            assert received[-1][1] is reminder, f"[{variant}] more followed: {received[-1][1].text!r}"

            assert DUE <= arrived <= DUE + ON_TIME, f"[{variant}] reminder at M{(arrived - DUE).seconds:+}s"
            assert reminder.method == "sendMessage" and labels(reminder) == REMINDER_BUTTONS
            text = reminder.text or ""
            assert any(text.startswith(opener) for opener in ReminderTexts.load().openers), text
            assert "/workout" not in text, "the reminder previews today's session itself"
            done = await fresh.press(USER, "✅ Done")
            assert "Session 1 logged" in (done[-1].text or "")
            assert fresh.errors == []
        assert old.errors == []
    print(f"\n[{variant}, {backend}] reminder at M+{(arrived - DUE).total_seconds():.1f}s")
