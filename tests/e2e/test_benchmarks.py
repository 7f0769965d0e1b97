"""Tests of the benchmark scripts at tiny sizes, as real subprocesses: the workspace generator
builds a migrated, deterministic workspace with today's work in it, and ``run.py --small``
prints every figure of the table. No timing is asserted: these prove the scripts work, the
figures themselves are for ``python benchmarks/run.py`` on the large workspace."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from paths import REPO

from smtui.domain.clock import fixed, parse_instant
from smtui.domain.inbox import QueueFilter
from smtui.store import Store
from smtui.store.migrate import current_revision, head_revision

BENCH = REPO / "benchmarks"
NOW = "2026-11-23T15:30:00+00:00"
TINY = ["--brands", "2", "--posts", "800", "--inbox", "3000", "--years", "1", "--metrics", "9"]


def make(path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SMTUI_NOW": NOW}
    return subprocess.run(
        [sys.executable, str(BENCH / "make_workspace.py"), str(path), *TINY, *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def table_digest(path: Path, table: str) -> str:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        connection.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.mark.slow
def test_make_workspace_is_migrated_deterministic_and_has_todays_work(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    made = make(first)
    assert made.returncode == 0, made.stderr
    assert "queue items" in made.stdout
    assert make(second).returncode == 0
    assert current_revision(first) == head_revision()
    for table in ("post", "inbox_item", "metric_value"):
        assert table_digest(first, table) == table_digest(second, table)
    assert make(first).returncode == 1  # never overwrites a workspace

    now = parse_instant(NOW)
    store, _result = Store.open(first, fixed(now))
    try:
        brands = store.brands.list()
        assert len(brands) == 2
        with store.read() as session:
            counts = dict(
                session.connection()
                .exec_driver_sql(
                    "SELECT 'posts', count(*) FROM post UNION ALL "
                    "SELECT 'items', count(*) FROM inbox_item"
                )
                .all()
            )
        assert counts == {"posts": 800, "items": 3000}
        for brand in brands:
            assert brand.id is not None
            assert len(store.metrics.list(brand.id)) == 9
            assert store.slots.list(brand.id)
            assert store.audits.actions_due(brand.id, now.date(), 10)
            queue = store.inbox.counts(brand.id, now=now)
            assert queue.todo > 0 and queue.overdue > 0
            page = store.inbox.page(brand.id, QueueFilter(), now=now, limit=20).items
            assert page and all(item.due_at is not None for item in page)
            start = now.replace(hour=0, minute=0)
            today = store.posts.in_range(brand.id, start, start.replace(hour=23, minute=59))
            assert any(post.scheduled_at and post.scheduled_at < now for post in today)
            assert any(post.scheduled_at and post.scheduled_at > now for post in today)
    finally:
        store.close()


def test_make_workspace_refuses_bad_sizes(tmp_path: Path) -> None:
    made = make(tmp_path / "w.sqlite", "--years", "0")
    assert made.returncode == 2
    assert "--years must be at least 1" in made.stderr
    assert not (tmp_path / "w.sqlite").exists()


@pytest.mark.slow
def test_run_small_prints_every_figure(tmp_path: Path) -> None:
    env = {**os.environ, "SMTUI_NOW": NOW, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--small", "--workspace", str(tmp_path / "w.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    figures = [line.split("|")[1].strip() for line in lines[1:]]
    for name in (
        "Cold start to first frame",
        "smtui today --json",
        "Query cost vs raw sqlite3",
        "Scale: large vs 10,000 items",
        "Key to next frame vs DataTable",
        "Peak memory, first screen",
        "Import 1,000 inbox rows",
    ):
        assert name in figures, result.stdout
    for line in lines[1:]:
        verdict = line.rstrip(" |").rsplit("|", 1)[-1].strip()
        assert verdict in ("OK", "FAIL", "n/a"), line
        assert "nan" not in line, line
