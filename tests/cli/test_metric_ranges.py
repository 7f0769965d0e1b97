"""Tests that ``smtui import metrics`` holds each value to its metric's range: negative
visits or 1e29 followers refuse the file, naming the line and the range, and write nothing;
a net change may be negative."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from sqlalchemy import func, select

from smtui.cli import cli
from smtui.domain.models import Brand, Metric
from smtui.store import Store
from smtui.store.tables import MetricRow, MetricValueRow

COUNT_RANGE = "a count or amount, from 0 to 1,000,000,000,000"


def run(db: Path, path: Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "import", "metrics", str(path)])


def rows(store: Store) -> tuple[int, int]:
    with store.read() as session:
        return (
            session.scalar(select(func.count()).select_from(MetricRow)) or 0,
            session.scalar(select(func.count()).select_from(MetricValueRow)) or 0,
        )


def test_out_of_range_values_refuse_the_file(store: Store, db_path: Path, tmp_path: Path) -> None:
    brand = store.brands.add(Brand(name="Maple", timezone="UTC"))
    store.metrics.add(Metric(brand_id=brand.id, name="Engagement", unit="%"))
    before = rows(store)
    path = tmp_path / "values.csv"
    path.write_text(
        "metric,channel,date,value\n"
        "Website visits,,2026-11-20,-5\n"
        "Instagram followers,,2026-11-20,1e29\n"
        "Net followers,,2026-11-20,-12\n"
        "Engagement,,2026-11-20,140\n"
        "Likes,,2026-11-20,1e308\n",
        encoding="utf-8",
    )

    result = run(db_path, path)

    assert result.exit_code == 1
    assert "4 bad lines; nothing was imported" in result.stderr
    assert f"line 2: value: -5 is out of range ({COUNT_RANGE})" in result.stderr
    assert f"line 3: value: 1e+29 is out of range ({COUNT_RANGE})" in result.stderr
    assert "line 4" not in result.stderr  # a net change may be negative
    assert "line 5: value: 140 is out of range (a percentage, from 0 to 100)" in result.stderr
    assert f"line 6: value: 1e+308 is out of range ({COUNT_RANGE})" in result.stderr
    assert "Traceback" not in result.output
    assert rows(store) == before


def test_a_negative_net_change_is_imported(store: Store, db_path: Path, tmp_path: Path) -> None:
    store.brands.add(Brand(name="Maple", timezone="UTC"))
    path = tmp_path / "values.csv"
    path.write_text("metric,channel,date,value\nNet followers,,2026-11-20,-12\n", encoding="utf-8")
    result = run(db_path, path)
    assert result.exit_code == 0, result.output
    assert rows(store) == (1, 1)
