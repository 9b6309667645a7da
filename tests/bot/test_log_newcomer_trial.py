"""/log, As written and taking a lift off, from a newcomer trial.

"/log db rdl 7,7,7,6 45s" got "I couldn't read “45s”" though "db rdl 4x6 45s" was read; As written's "same as
last time" found no earlier load of a dumbbell row /history showed; "please delete the deadlift I logged"
found no deadlift where "deadlift 2x10 16kg" had been logged as the Romanian deadlift, and "remove the rdl"
offered every RDL set of the day; and two lifts' sets told in one sentence with "both" logged nothing.
"""

from __future__ import annotations

from tests.bot.harness import Harness, logged_rows, texts

USER = 1313


async def test_dumbbells_by_their_weight_after_sets_told_rep_by_rep(bot: Harness) -> None:
    await bot.onboard(USER)
    logged = texts(await bot.send(USER, "/log db rdl 7,7,7,6 45s"))
    assert logged[0].startswith("✍️ Logged Dumbbell Romanian deadlift: 7, 7, 7, 6 @ 45 kg each hand"), logged
    rows = [(ex, reps, load) for ex, reps, load, _ in await logged_rows(bot)]
    assert rows == [("dumbbell-rdl", 7, 45)] * 3 + [("dumbbell-rdl", 6, 45)]
