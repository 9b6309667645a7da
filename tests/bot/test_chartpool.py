from __future__ import annotations

from datetime import date, timedelta

from bot.chartpool import ChartRenderer
from bot.coach.charts import Lift, Member, render_progress
from bot.coach.model import SetDone
from bot.coach.texts import Texts

TODAY = date(2026, 12, 4)


async def test_renders_in_a_worker_process_exactly_as_in_process() -> None:
    texts = Texts.load()
    members = [Member("You", [TODAY - timedelta(days=d) for d in range(0, 60, 4)])]
    lifts = [Lift("Row", [(TODAY - timedelta(days=d), SetDone(10, 40 + d / 4)) for d in range(0, 60, 4)])]
    renderer = ChartRenderer()
    try:
        await renderer.warm_up()
        chart = await renderer.render(today=TODAY, weekly_target=2, members=members, lifts=lifts, texts=texts)
        local = render_progress(today=TODAY, weekly_target=2, members=members, lifts=lifts, texts=texts)
        assert chart is not None and local is not None
        assert chart == local
        assert await renderer.render(today=TODAY, weekly_target=2, members=[], lifts=[], texts=texts) is None
    finally:
        renderer.close()
    renderer.close()  # closing twice is harmless
