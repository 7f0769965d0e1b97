"""Tests that the KPI screen's "log today's numbers" form (``4`` then ``l``) holds each
value to its metric's range, naming the range: 1e308 followers or negative visits are
refused and nothing is written, while a net change may still be negative."""

from __future__ import annotations

from pathlib import Path

from test_form_bad_input import SIZE, Spoil, error_of, open_form, refuses, set_field, snapshot

from smtui.domain.enums import MetricFrequency
from smtui.domain.models import Brand, Metric
from smtui.store import Store

COUNT_RANGE = "out of range: a count or amount, from 0 to 1,000,000,000,000"


async def test_kpi_log_refuses_values_out_of_range(
    make_smtui_app, demo: Brand, db_path: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "4", "l")
        first = form.fields[0]
        assert "%" not in first.label and "net" not in first.label.casefold(), first.label
        for text in ("1e308", "-5", "1e13"):
            await refuses(pilot, form, Spoil(first.name, text, COUNT_RANGE), db_path)


async def test_a_net_change_may_be_negative(
    make_smtui_app, demo: Brand, store: Store, db_path: Path
) -> None:
    assert demo.id is not None
    net = store.metrics.add(
        Metric(brand_id=demo.id, name="Net followers", frequency=MetricFrequency.DAILY)
    )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "4", "l")
        field = f"m{net.id}"
        assert field in [spec.name for spec in form.fields]
        await set_field(pilot, form, field, "-2e12", paste=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "out of range: a change, from -1,000,000,000,000" in error_of(form, field)
        before = snapshot(db_path)
        await set_field(pilot, form, field, "-12", paste=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form, error_of(form, field)
    assert snapshot(db_path) != before
    assert net.id is not None
    assert [value.value for value in store.metric_values.recent(net.id)] == [-12]
