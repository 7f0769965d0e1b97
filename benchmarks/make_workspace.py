"""Builds a large smtui workspace for the benchmarks, through the real schema.

    python benchmarks/make_workspace.py PATH [--brands 3] [--posts 100000] [--inbox 1000000]
        [--years 5] [--metrics 20] [--seed 1]

The file is created and migrated by ``Store.open`` (our Alembic revisions). Each brand is
first given the demo's strategy, audit, calendar, numbers and queue through the
repositories, so that it has channels with cadence targets, objectives tied to metrics,
recurring slots, audit actions due, posts due today (one overdue) and items past their
target. The volume then goes in with plain ``executemany``, one transaction per table, in
the column formats SQLAlchemy writes: years of posts, a million queue items with the
priority and due time intake gives them, daily values for every metric.

"Now" is ``SMTUI_NOW`` when set (else the current time); it is saved in the workspace's
settings as ``benchmark.now`` so that the benchmark runs every process at the same instant.
The same seed gives the same file.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workspace_rows import (
    INBOX_COLUMNS,
    METRIC_VALUE_COLUMNS,
    POST_COLUMNS,
    POST_METRIC_COLUMNS,
    BrandPlan,
    inbox_rows,
    metric_value_rows,
    post_metric_rows,
    post_rows,
)

from smtui.demo import PARTS, DemoWorkspace, demo_brand
from smtui.domain.clock import Clock, fixed, now
from smtui.domain.enums import MetricFrequency
from smtui.domain.models import Metric
from smtui.store import Store
from smtui.store.tables import InboxItemRow, MetricRow, MetricValueRow, PostRow

NOW_SETTING = "benchmark.now"
BRANDS = (
    ("Maple & Grain", "America/Toronto"),
    ("Atelier Lumière", "Europe/Paris"),
    ("Coastline Cycles", "America/Vancouver"),
    ("Nordlys Design", "Europe/Oslo"),
    ("Kōbō Ceramics", "Asia/Tokyo"),
)
EXTRA_METRICS = (
    "Instagram reach",
    "Instagram profile visits",
    "Facebook page reach",
    "Facebook reactions",
    "LinkedIn impressions",
    "LinkedIn page views",
    "Blog sessions",
    "Blog time on page",
    "Newsletter open rate",
    "Newsletter clicks",
    "Story views",
    "Reel plays",
    "Saves",
    "Link clicks",
    "Direct messages",
    "Mentions",
)


@dataclass(frozen=True, slots=True)
class Sizes:
    brands: int = 3
    posts: int = 100_000
    inbox: int = 1_000_000
    years: int = 5
    metrics: int = 20
    seed: int = 1


def _brand_name(index: int) -> tuple[str, str]:
    if index < len(BRANDS):
        return BRANDS[index]
    name, zone = BRANDS[index % len(BRANDS)]
    return f"{name} {index + 1}", zone


def _setup_brand(store: Store, index: int, sizes: Sizes, clock: Clock) -> BrandPlan:
    """One brand made like the demo (through the repositories), then read back as a plan."""
    name, zone = _brand_name(index)
    brand = store.brands.add(demo_brand().model_copy(update={"name": name, "timezone": zone}))
    demo = DemoWorkspace(brand)
    for part in PARTS:
        part(store, demo, clock)
    assert brand.id is not None
    known = {metric.name for metric in store.metrics.list(brand.id)}
    for extra in EXTRA_METRICS:
        if len(known) >= sizes.metrics:
            break
        if extra not in known:
            store.metrics.add(
                Metric(brand_id=brand.id, name=extra, frequency=MetricFrequency.DAILY)
            )
            known.add(extra)
    while len(known) < sizes.metrics:
        extra = f"Custom metric {len(known) + 1}"
        store.metrics.add(Metric(brand_id=brand.id, name=extra, frequency=MetricFrequency.DAILY))
        known.add(extra)
    with store.read() as session:
        rules = store.inbox.intake_rules(session, brand.id)
    metrics = store.metrics.list(brand.id)
    plan = BrandPlan(
        brand_id=brand.id,
        timezone=zone,
        now=clock(),
        channels=store.channels.list(brand.id),
        pillars=store.pillars.list(brand.id),
        objectives=store.objectives.list(brand.id),
        metrics=metrics,
        rules=rules,
        rng=random.Random(sizes.seed * 1_000 + index),
    )
    first_days = (
        select(MetricValueRow.metric_id, func.min(MetricValueRow.date))
        .join(MetricRow, MetricRow.id == MetricValueRow.metric_id)
        .where(MetricRow.brand_id == brand.id)
        .group_by(MetricValueRow.metric_id)
    )
    with store.read() as session:
        plan.first_value_day = {metric_id: day for metric_id, day in session.execute(first_days)}
    return plan


def _shares(total: int, parts: int) -> list[int]:
    base, extra = divmod(max(total, 0), parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def _insert(
    connection: sqlite3.Connection, table: str, columns: Iterable[str], rows: Iterator[Any]
) -> int:
    """One table's rows in one transaction, by executemany."""
    names = list(columns)
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    before = connection.total_changes
    connection.execute("BEGIN")
    connection.executemany(sql, rows)
    connection.execute("COMMIT")
    return connection.total_changes - before


def build(path: Path, sizes: Sizes, *, log: Any = print) -> dict[str, float]:
    """Make the workspace at ``path`` (which must not exist); returns seconds per step."""
    if path.exists():
        raise FileExistsError(f"{path} exists; give a new path")
    instant = now()
    clock = fixed(instant)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    store, _result = Store.open(path, clock)
    try:
        store.settings.set(NOW_SETTING, instant.isoformat())
        plans = [_setup_brand(store, index, sizes, clock) for index in range(sizes.brands)]
        with store.read() as session:
            posts_there = session.scalar(select(func.count()).select_from(PostRow)) or 0
            items_there = session.scalar(select(func.count()).select_from(InboxItemRow)) or 0
    finally:
        store.close()
    timings["schema and demo content"] = time.perf_counter() - started
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -200000")
        connection.execute("PRAGMA foreign_keys = ON")
        steps: list[tuple[str, str, tuple[str, ...], Iterator[Any]]] = [
            (
                "post",
                "posts",
                POST_COLUMNS,
                (
                    row
                    for plan, count in zip(
                        plans, _shares(sizes.posts - posts_there, len(plans)), strict=True
                    )
                    for row in post_rows(plan, count, sizes.years)
                ),
            ),
            (
                "inbox_item",
                "queue items",
                INBOX_COLUMNS,
                inbox_rows(plans, _shares(sizes.inbox - items_there, len(plans)), sizes.years),
            ),
            (
                "metric_value",
                "metric values",
                METRIC_VALUE_COLUMNS,
                (row for plan in plans for row in metric_value_rows(plan, sizes.years)),
            ),
        ]
        for table, label, columns, rows in steps:
            step = time.perf_counter()
            added = _insert(connection, table, columns, rows)
            timings[label] = time.perf_counter() - step
            log(f"{label}: {added:,} rows in {timings[label]:.1f} s")
        step = time.perf_counter()
        published = connection.execute(
            "SELECT id, substr(published_at, 1, 10) FROM post "
            "WHERE status = 'published' AND published_at >= date(?, '-365 days') "
            "AND id NOT IN (SELECT post_id FROM post_metric)",
            (instant.date().isoformat(),),
        ).fetchall()
        added = _insert(
            connection,
            "post_metric",
            POST_METRIC_COLUMNS,
            post_metric_rows(iter(published), random.Random(sizes.seed)),
        )
        timings["post metrics"] = time.perf_counter() - step
        log(f"post metrics: {added:,} rows in {timings['post metrics']:.1f} s")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    timings["total"] = time.perf_counter() - started
    return timings


def saved_now(path: Path) -> datetime | None:
    """The instant the workspace was built at, for SMTUI_NOW in the benchmark's processes."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT value FROM setting WHERE key = ?", (NOW_SETTING,)
        ).fetchone()
    finally:
        connection.close()
    return datetime.fromisoformat(row[0]) if row else None


def parse_args(argv: list[str] | None = None) -> tuple[Path, Sizes]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the workspace file to create (must not exist)")
    defaults = Sizes()
    parser.add_argument("--brands", type=int, default=defaults.brands)
    parser.add_argument("--posts", type=int, default=defaults.posts)
    parser.add_argument("--inbox", type=int, default=defaults.inbox)
    parser.add_argument("--years", type=int, default=defaults.years)
    parser.add_argument("--metrics", type=int, default=defaults.metrics)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    args = parser.parse_args(argv)
    for name in ("brands", "years"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    for name in ("posts", "inbox", "metrics"):
        if getattr(args, name) < 0:
            parser.error(f"--{name} must not be negative")
    sizes = Sizes(args.brands, args.posts, args.inbox, args.years, args.metrics, args.seed)
    return args.path, sizes


def main(argv: list[str] | None = None) -> int:
    path, sizes = parse_args(argv)
    try:
        timings = build(path, sizes)
    except FileExistsError as error:
        print(f"make_workspace: {error}", file=sys.stderr)
        return 1
    print(f"built {path} in {timings['total']:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
