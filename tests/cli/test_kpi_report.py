"""Tests of the demo's numbers and of ``smtui export report``: the demo shows each verdict,
and the report of the demo workspace holds every section, read back from the file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result

from smtui.cli import cli
from smtui.domain.clock import Clock
from smtui.domain.enums import ObjectiveStatus, ObjectiveType
from smtui.domain.pace import PaceVerdict
from smtui.store import Store

TODAY = date(2026, 11, 23)  # FIXED_NOW in Montréal


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def sections(text: str) -> dict[str, str]:
    """Level-2 headings and the text under each."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {
        title.strip(): body.strip() for title, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def table_rows(body: str) -> list[list[str]]:
    rows = [line for line in body.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]


def test_demo_objectives_show_each_verdict(demo_db: Path, clock: Clock) -> None:
    store, _result = Store.open(demo_db, clock)
    try:
        brand = store.brands.list()[0]
        assert brand.id is not None
        verdicts = {
            objective.type: store.metric_values.pace(objective, TODAY).verdict
            for objective in store.objectives.list(brand.id)
            if objective.status is ObjectiveStatus.ACTIVE
        }
        assert verdicts[ObjectiveType.AWARENESS] is PaceVerdict.ON_TRACK
        assert verdicts[ObjectiveType.ACQUISITION] is PaceVerdict.AT_RISK
        assert verdicts[ObjectiveType.LOYALTY] is PaceVerdict.BEHIND
        metrics = store.metrics.list(brand.id)
        for metric in metrics:
            assert metric.id is not None
            values = store.metric_values.series(metric.id, date(2026, 5, 1), TODAY)
            assert len(values) == 183 and values[-1].date == date(2026, 11, 22)
        # Due this Monday morning: the daily and weekly metrics, not the monthly ones.
        due = {item.metric.name for item in store.metric_values.due(brand.id, TODAY)}
        assert "Website visits from social" in due and "Instagram followers" in due
        assert "Brunch bookings from social links" not in due
    finally:
        store.close()


def test_report_of_the_demo_workspace(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = run("--db", demo_db, "export", "report", "--md", target, "--period", "quarter")
    assert result.exit_code == 0, result.output
    assert "Wrote the KPI report of Maple & Grain" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# KPI report: Maple & Grain\n")
    assert "Period: Quarter (2026-08-24 – 2026-11-23)" in text
    found = sections(text)
    for title in (
        "Objectives",
        "KPIs",
        "Top posts",
        "What worked",
        "Clicks from UTM links",
        "Planned vs published",
        "To adjust",
    ):
        assert title in found, title
    objectives = {row[1]: row for row in table_rows(found["Objectives"])}
    assert objectives["Instagram followers"][6] == "On track"
    assert objectives["Brunch bookings from social links"][6] == "At risk"
    assert objectives["Shares and reposts"][6] == "Behind"
    assert objectives["Instagram followers"][3] == "2,600"
    kpis = {row[0]: row for row in table_rows(found["KPIs"])}
    assert kpis["Website visits from social"][1] == "Brand-wide"
    assert kpis["LinkedIn followers"][1].startswith("LinkedIn")
    assert kpis["Instagram followers"][4] == "91"  # values logged in the quarter
    for heading in ("### By pillar", "### By channel", "### By post type"):
        assert heading in found["What worked"]
    adjust = found["To adjust"].splitlines()
    assert any("behind pace" in line and "Turn regulars" in line for line in adjust)
    assert any("at risk" in line and "brunch" in line for line in adjust)
    assert not list(tmp_path.glob(".report.md.*.tmp"))


def test_report_period_is_checked(demo_db: Path, tmp_path: Path) -> None:
    result = run("--db", demo_db, "export", "report", "--md", tmp_path / "r.md", "--period", "soon")
    assert result.exit_code == 2
    assert "--period" in result.output
    assert not (tmp_path / "r.md").exists()
