"""Tests that the KPI report (``smtui export report``) escapes every piece of outside text
as the audit report does: a post titled ``<script>`` or ``**bold**`` shows those
characters, and a "|" in a title or a metric's name does not split its table row."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from smtui.cli import cli
from smtui.domain.clock import Clock
from smtui.domain.enums import PostStatus
from smtui.domain.kpi import PostMetric
from smtui.domain.models import Metric
from smtui.domain.post import Post
from smtui.store import Store

HOSTILE = "<script>alert(1)</script> **bold** | pipe"
ESCAPED = r"\<script\>alert(1)\</script\> \*\*bold\*\* \| pipe"
# A cell boundary is a pipe not escaped by a backslash.
_BOUNDARY = re.compile(r"(?<!\\)\|")


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in _BOUNDARY.split(line.strip())[1:-1]]


def test_kpi_report_escapes_titles_and_names(
    demo_db: Path, clock: Clock, now: datetime, tmp_path: Path
) -> None:
    store, _result = Store.open(demo_db, clock)
    try:
        brand = store.brands.list()[0]
        channel = store.channels.list(brand.id)[0]
        post = store.posts.add(
            Post(
                brand_id=brand.id,
                channel_id=channel.id,
                title=HOSTILE,
                status=PostStatus.PUBLISHED,
                scheduled_at=now - timedelta(days=2),
                published_at=now - timedelta(days=2),
            )
        )
        store.post_metrics.upsert(
            PostMetric(
                post_id=post.id,
                date=(now - timedelta(days=2)).date(),
                impressions=9_000_000,
                reach=8_000_000,
                engagements=900_000,
            )
        )
        store.metrics.add(Metric(brand_id=brand.id, name="**Net** | <b>followers</b> pipe"))
    finally:
        store.close()
    target = tmp_path / "report.md"

    result = CliRunner().invoke(
        cli, ["--db", str(demo_db), "export", "report", "--md", str(target), "--period", "4w"]
    )

    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "<script>" not in text and "**bold**" not in text and "<b>" not in text
    assert ESCAPED in text
    assert r"\*\*Net\*\* \| \<b\>followers\</b\> pipe" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "pipe" in line]
    assert len(rows) >= 2, text  # the post in Top posts and the metric in KPIs
    for line in rows:
        above = text[: text.index(line)].splitlines()
        rule = next(row for row in reversed(above) if row.startswith("|---"))
        assert len(cells(line)) == rule.count("|") - 1, line
