"""Pilot tests of the KPI screen's keyboard flows on a real workspace: log today's numbers,
see the card and its verdict change; edit and delete a past value; change the period."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from rich.console import Console
from textual.widgets import DataTable, Static

from smtui.domain.enums import MetricFrequency, ObjectiveType
from smtui.domain.models import Brand, Metric, Objective
from smtui.screens.kpi.cards import ObjectiveCard
from smtui.screens.kpi.screen import KpiScreen
from smtui.store import Store
from smtui.widgets import ConfirmScreen, FormScreen, PickerScreen

SIZE = (120, 40)
TODAY = date(2026, 11, 23)  # FIXED_NOW in Montréal


def shown(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


@pytest.fixture
def workspace(store: Store) -> dict[str, int]:
    """One objective (followers, 100 -> 200 in 30 days, growing 1 a day: behind) and two
    more daily metrics."""
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    assert brand.id is not None
    objective = store.objectives.add(
        Objective(
            brand_id=brand.id,
            statement="Grow the Instagram followers",
            type=ObjectiveType.AWARENESS,
            metric_name="Followers",
            baseline=100,
            target=200,
            start_date=TODAY - timedelta(days=10),
            due_date=TODAY + timedelta(days=30),
        )
    )
    assert objective.metric_id is not None
    followers = store.metrics.get(objective.metric_id)
    store.metrics.update(followers.model_copy(update={"frequency": MetricFrequency.DAILY}))
    for offset in range(10, 0, -1):
        store.metric_values.log(objective.metric_id, TODAY - timedelta(days=offset), 120 - offset)
    ids = {"followers": objective.metric_id}
    for name in ("Website visits", "Newsletter sign-ups"):
        metric = store.metrics.add(
            Metric(brand_id=brand.id, name=name, frequency=MetricFrequency.DAILY)
        )
        assert metric.id is not None
        ids[name] = metric.id
    return ids


def card(app) -> ObjectiveCard:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ObjectiveCard)


def card_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(shown(item) for item in card(app).query(Static))


async def test_log_todays_numbers_changes_the_card_and_verdict(
    make_smtui_app, store: Store, workspace: dict[str, int]
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, KpiScreen)
        assert "Behind" in card_text(app)
        assert "119 → 200" in card_text(app)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        fields = [widget.id for widget in form.query("Input")]
        assert len(fields) == 3
        # Fields follow the metric names: Followers, Newsletter sign-ups, Website visits.
        await pilot.press(*"210", "tab", *"1,234", "tab", *"oops", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # a bad number blocks them all
        assert store.metric_values.due(app.brand.id, TODAY)  # nothing written
        await pilot.press("ctrl+u", *"87", "enter")
        await pilot.pause()
        assert isinstance(app.screen, KpiScreen)
        logged = {
            name: store.metric_values.latest(metric_id) for name, metric_id in workspace.items()
        }
        assert {name: (value.date, value.value) for name, value in logged.items() if value} == {
            "followers": (TODAY, 210),
            "Newsletter sign-ups": (TODAY, 1234),
            "Website visits": (TODAY, 87),
        }
        await pilot.pause()
        assert "210 → 200" in card_text(app)
        assert "On track" in card_text(app)
        assert store.metric_values.due(app.brand.id, TODAY) == []


async def test_edit_and_delete_a_past_value(
    make_smtui_app, store: Store, workspace: dict[str, int]
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        card(app).focus()
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#history-table", DataTable)
        assert table.row_count == 10
        await pilot.press("down", "e")  # the second newest: two days ago
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("tab", "ctrl+u", *"150", "tab", *"recount", "ctrl+s")
        await pilot.pause()
        edited = store.metric_values.series(
            workspace["followers"], TODAY - timedelta(days=2), TODAY - timedelta(days=2)
        )
        assert [(value.value, value.note) for value in edited] == [(150, "recount")]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(store.metric_values.recent(workspace["followers"])) == 10
        await pilot.press("d", "y")
        await pilot.pause()
        values = store.metric_values.recent(workspace["followers"])
        assert len(values) == 9
        assert TODAY - timedelta(days=2) not in {value.date for value in values}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, KpiScreen)


@pytest.mark.slow
async def test_change_the_period(make_smtui_app, store: Store, workspace: dict[str, int]) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, KpiScreen)
        assert "4 weeks (2026-10-27 – 2026-11-23)" in shown(screen.query_one("#kpi-period", Static))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("down", "down", "enter")  # 4 weeks, Quarter, Year
        await pilot.pause()
        assert screen.period is not None and screen.period.key == "year"
        assert "Year (2025-11-24 – 2026-11-23)" in shown(screen.query_one("#kpi-period", Static))
        await pilot.press("p", "down", "enter")  # from Year down to Custom dates
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+u", *"2026-11-01", "tab", "ctrl+u", *"2026-10-01", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # the end is before the start
        await pilot.press("ctrl+u", *"2026-11-20", "ctrl+s")
        await pilot.pause()
        assert screen.period is not None and screen.period.key == "custom"
        assert (screen.period.first, screen.period.last) == (date(2026, 11, 1), date(2026, 11, 20))
        assert "2026-11-01 – 2026-11-20" in shown(screen.query_one("#kpi-period", Static))
        # The trend shows the period's values only: none after 20 November.
        assert len(card(app).figures.series) == 10 - 2
