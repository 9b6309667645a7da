"""/progress and records on an advanced plan, whose heavy, moderate and volume days take turns, through the
real Application.

A newcomer trial: the chart joined heavy, moderate and volume days' top loads in one line per lift, which
zig-zagged and sloped down while the lifter got stronger; and a first volume day's 10 reps at 80 kg were
a "record" over the heavy day's 5 at 95 kg. A later one: an estimated one-rep max line joining the heavy
days fell (Epley 210 → 203.5) when the load went up 5 kg and the reps restarted at 3, under a caption
saying "+5 kg on heavy days". The line is now the heavy days' top load.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from bot.coach.chart_axes import Scale
from bot.coach.charts import joined, lift_series, progress_figure
from bot.coach.texts import Texts
from tests.bot.harness import Harness, charted

USER = 5105
TEXTS = Texts.load()


def text(sent: list) -> str:  # type: ignore[type-arg]
    return "\n".join(message.text or "" for message in sent)


async def log_day(bot: Harness, *typed: str) -> str:
    """One session's sets, each a /log, then three days on (the advanced plan is 2 a week by default);
    what the bot said."""
    said = []
    for sets in typed:
        said.append(text(await bot.send(USER, f"/log {sets}")))
        bot.clock.advance(minutes=4)
    bot.clock.advance(days=3)
    return "\n".join(said)


async def test_the_chart_joins_the_heavy_days_top_load_and_marks_the_others(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    await log_day(bot, "deadlift 4x5 180kg")  # heavy (Epley 210)
    await log_day(bot, "deadlift 4x8 150kg")  # moderate
    await log_day(bot, "deadlift 4x10 135kg")  # volume
    await log_day(bot, "deadlift 4x3 185kg")  # heavy: the load up, the reps restarted (Epley 203.5)
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    [deadlift] = lifts
    [series] = lift_series(deadlift, date(2026, 1, 1))
    assert series.lift == "Barbell deadlift" and series.scale is Scale.LOAD
    assert [(p.kind, p.value, p.reps, p.load) for p in series.points] == [
        ("heavy day", 180.0, 5, 180.0),
        ("moderate day", 150.0, 8, 150.0),
        ("volume day", 135.0, 10, 135.0),
        ("heavy day", 185.0, 3, 185.0),
    ]
    # Day by day three days apart, as logged.
    days = [p.day for p in series.points]
    assert all(later - earlier == timedelta(days=3) for earlier, later in pairwise(days))
    caption = bot.api.files[-1].caption or ""
    assert "estimated 1-rep max" not in caption
    # The words for the lift compare like with like, and the line says the same: up 5 kg.
    assert "Barbell deadlift: 185 kg × 3, heavy day (+5 kg on heavy days)" in caption, caption
    assert deadlift.line_kind == "heavy day"
    assert [p.value for p in joined(series)] == [180.0, 185.0]
    assert (
        "lifts charted as each day's top load; the line joins heavy days, and the other days, lighter on "
        "purpose, are marked off it at their own load"
    ) in caption


async def test_a_beginners_chart_still_draws_the_top_sets_load(bot: Harness) -> None:
    await bot.onboard(USER, level="💪 Intermediate")
    await log_day(bot, "lat pulldown 3x8 60kg")
    await log_day(bot, "lat pulldown 3x8 62.5kg")
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    [series] = lift_series(lifts[0], date(2026, 1, 1))
    assert series.scale is Scale.LOAD and [p.value for p in series.points] == [60.0, 62.5]
    assert {p.kind for p in series.points} == {""}
    assert "estimated 1-rep max" not in (bot.api.files[-1].caption or "")


async def test_a_volume_days_reps_are_a_record_only_against_its_like(bot: Harness) -> None:
    await bot.onboard(USER, level="🔥 Advanced")
    await log_day(bot, "lat pulldown 4x5 95kg")  # heavy
    await log_day(bot, "lat pulldown 4x6 85kg")  # moderate
    # A first volume day: 10 at 80 kg is the plan's rep range, not a record over 6 at 85 kg.
    first_volume = await log_day(bot, "lat pulldown 4x10 80kg")
    assert "🏆" not in first_volume, first_volume
    heavy = await log_day(bot, "lat pulldown 4x5 97.5kg")
    assert "🏆 New record — Lat pulldown: heaviest ever, 97.5 kg (was 95 kg)." in heavy
    await log_day(bot, "lat pulldown 4x6 85kg")  # moderate, the same as before: nothing
    volume = await log_day(bot, "lat pulldown 11,10,10,10 80kg")
    assert "🏆 New record — Lat pulldown: 11 reps at 80 kg (best was 10)." in volume, volume
    # More reps at a heavy day's own load is a record whatever the kind of day.
    await log_day(bot, "lat pulldown 4x5 97.5kg")
    moderate = await log_day(bot, "lat pulldown 6,6,6,6 97.5kg")
    assert "🏆 New record — Lat pulldown: 6 reps at 97.5 kg (best was 5)." in moderate, moderate


async def test_two_lifts_logged_alike_are_both_charted_and_captioned(bot: Harness) -> None:
    # A newcomer trial: two lifts at the same sets and load on the same days drew one line under the other.
    await bot.onboard(USER, level="💪 Intermediate")
    for _ in range(3):
        await log_day(bot, "lat pulldown 3x12 40kg", "seated cable row 3x12 40kg")
    lifts = charted(bot)
    await bot.send(USER, "/progress")
    photo = bot.api.files[-1]
    assert photo.content.startswith(b"\x89PNG\r\n\x1a\n")
    caption = photo.caption or ""
    assert "Seated cable row: 40 kg × 12" in caption and "Lat pulldown: 40 kg × 12" in caption
    assert "+0" not in caption, caption
    # The same lifts as the handler handed them to the renderer, drawn on a Figure to read its lines.
    figure = progress_figure(
        today=bot.clock.now.date(), weekly_target=2, members=[], lifts=lifts, texts=TEXTS
    )
    lines = {str(line.get_label()): line for line in figure.axes[1].get_lines()}
    # Named by their short names, as the legend names them.
    assert set(lines) == {"Lat pulldown", "Cable row"}
    one, other = lines.values()
    assert list(one.get_xdata()) == list(other.get_xdata()) and list(one.get_ydata()) == [40.0] * 3
    assert list(other.get_ydata()) == [40.0] * 3
    assert one.get_marker() != other.get_marker()
    # Drawn apart on the page: the same point lands on two different pixels.
    spot = (one.get_xdata()[0], 40.0)
    assert one.get_transform().transform(spot)[1] != other.get_transform().transform(spot)[1]
