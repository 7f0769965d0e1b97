"""Provides the hot reads the benchmark times: each through smtui's repository, and the same
rows fetched with raw ``sqlite3`` and hand-written SQL (the floor a repository is held to).

The reads are what the screens ask for on every open or move: today's posts (Today), one
page of the queue (Queue, Today), a month of posts (Calendar), 90 days of a daily metric
(KPIs). Each raw read is checked to return the same ids as its repository read, so a fast
figure can never come from answering a different question.
"""

from __future__ import annotations

import heapq
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from smtui.domain.clock import fixed
from smtui.domain.inbox import QueueFilter
from smtui.store import Store
from smtui.store.tables import InboxItemRow, MetricValueRow, PostRow

PAGE = 100
SERIES_DAYS = 90
READS = ("today's posts", "queue page", "calendar month", "KPI series")


def _columns(row_type: Any) -> str:
    return ", ".join(column.name for column in row_type.__table__.columns)


def _text(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass(frozen=True, slots=True)
class ReadArgs:
    """What each read asks for, worked out once per workspace from its first brand."""

    brand_id: int
    day_start: datetime
    day_end: datetime
    month_start: datetime
    month_end: datetime
    metric_id: int
    series_first: date
    series_last: date
    now: datetime

    @classmethod
    def of(cls, store: Store, now: datetime) -> ReadArgs:
        brand = store.brands.list()[0]
        assert brand.id is not None
        zone = ZoneInfo(brand.timezone)
        today = now.astimezone(zone).date()

        def start_of(day: date) -> datetime:
            return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)

        first = today.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        daily = [m for m in store.metrics.list(brand.id) if m.frequency.value == "daily"]
        metric = (daily or store.metrics.list(brand.id))[0]
        assert metric.id is not None
        return cls(
            brand_id=brand.id,
            day_start=start_of(today),
            day_end=start_of(today + timedelta(days=1)),
            month_start=start_of(first),
            month_end=start_of(following),
            metric_id=metric.id,
            series_first=today - timedelta(days=SERIES_DAYS),
            series_last=today,
            now=now,
        )


def repository_reads(store: Store, args: ReadArgs) -> dict[str, Callable[[], list[int]]]:
    """Each hot read through the store, answering the ids it returned."""
    return {
        "today's posts": lambda: [
            p.id or 0 for p in store.posts.in_range(args.brand_id, args.day_start, args.day_end)
        ],
        "queue page": lambda: [
            i.id or 0
            for i in store.inbox.page(args.brand_id, QueueFilter(), now=args.now, limit=PAGE).items
        ],
        "calendar month": lambda: [
            p.id or 0 for p in store.posts.in_range(args.brand_id, args.month_start, args.month_end)
        ],
        "KPI series": lambda: [
            v.id or 0
            for v in store.metric_values.series(args.metric_id, args.series_first, args.series_last)
        ],
    }


_POSTS = (
    f"SELECT {_columns(PostRow)} FROM post WHERE brand_id = ? AND scheduled_at >= ? "
    "AND scheduled_at < ? ORDER BY scheduled_at, id"
)
_QUEUE = (
    f"SELECT {_columns(InboxItemRow)} FROM inbox_item WHERE brand_id = ? AND status = ? "
    "{extra} ORDER BY priority, due_at, id LIMIT ?"
)
_SERIES = (
    f"SELECT {_columns(MetricValueRow)} FROM metric_value WHERE metric_id = ? AND date >= ? "
    "AND date <= ? ORDER BY date"
)
_QUEUE_COLUMNS = [column.name for column in InboxItemRow.__table__.columns]
_QUEUE_PRIORITY, _QUEUE_DUE = _QUEUE_COLUMNS.index("priority"), _QUEUE_COLUMNS.index("due_at")


def raw_reads(connection: sqlite3.Connection, args: ReadArgs) -> dict[str, Callable[[], list[int]]]:
    """The same reads with sqlite3: the queue as one index walk per status of the "to do"
    tab, merged, as the repository does; the others as one statement each."""
    brand = args.brand_id
    now = _text(args.now)

    def queue() -> list[int]:
        runs = []
        for status in ("new", "in_progress", "escalated", "snoozed"):
            extra = "AND snoozed_until <= ?" if status == "snoozed" else ""
            params: tuple[Any, ...] = (brand, status, now) if extra else (brand, status)
            runs.append(
                connection.execute(_QUEUE.format(extra=extra), (*params, PAGE + 1)).fetchall()
            )
        merged = heapq.merge(*runs, key=lambda r: (r[_QUEUE_PRIORITY], r[_QUEUE_DUE], r[0]))
        return [row[0] for row, _n in zip(merged, range(PAGE), strict=False)]

    def posts(start: datetime, end: datetime) -> list[int]:
        rows = connection.execute(_POSTS, (brand, _text(start), _text(end))).fetchall()
        return [row[0] for row in rows]

    def series() -> list[int]:
        params = (args.metric_id, args.series_first.isoformat(), args.series_last.isoformat())
        return [row[0] for row in connection.execute(_SERIES, params).fetchall()]

    return {
        "today's posts": lambda: posts(args.day_start, args.day_end),
        "queue page": queue,
        "calendar month": lambda: posts(args.month_start, args.month_end),
        "KPI series": series,
    }


ROUNDS = 7


def _samples(read: Callable[[], object], budget: float, least: int = 3) -> list[float]:
    """Times of single calls, as many as ``budget`` seconds allow."""
    samples: list[float] = []
    deadline = time.perf_counter() + budget
    while len(samples) < least or time.perf_counter() < deadline:
        start = time.perf_counter()
        read()
        samples.append(time.perf_counter() - start)
    return samples


@dataclass(frozen=True, slots=True)
class ReadFigures:
    repository: dict[str, float]
    raw: dict[str, float]
    rows: dict[str, int]


def time_reads(
    paths: Sequence[Path], now: datetime, *, budget: float = 0.5
) -> dict[Path, ReadFigures]:
    """Time every hot read on each workspace, through the repository and raw.

    The calls are interleaved in rounds (each read, repository then raw, on each workspace
    in turn) and each figure is the median of all its calls, so that a burst of load from
    another process on a shared machine falls on every figure alike instead of on one.
    """
    opened = []
    try:
        for path in paths:
            store, _result = Store.open(path, fixed(now))
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            opened.append((path, store, connection))
        reads = {}
        rows: dict[Path, dict[str, int]] = {}
        for path, store, connection in opened:
            args = ReadArgs.of(store, now)
            ours, theirs = repository_reads(store, args), raw_reads(connection, args)
            rows[path] = {}
            for name in READS:
                expected, got = ours[name](), theirs[name]()  # also warms every cache
                if expected != got:
                    raise AssertionError(f"{name}: the raw read returned other rows")
                rows[path][name] = len(got)
            reads[path] = (ours, theirs)
        samples: dict[tuple[Path, str, str], list[float]] = {}
        slice_ = budget / ROUNDS
        for _round in range(ROUNDS):
            for name in READS:
                for path in paths:
                    ours, theirs = reads[path]
                    for side, read in (("repository", ours[name]), ("raw", theirs[name])):
                        samples.setdefault((path, side, name), []).extend(_samples(read, slice_))
        return {
            path: ReadFigures(
                repository={n: statistics.median(samples[(path, "repository", n)]) for n in READS},
                raw={n: statistics.median(samples[(path, "raw", n)]) for n in READS},
                rows=rows[path],
            )
            for path in paths
        }
    finally:
        for _path, store, connection in opened:
            connection.close()
            store.close()
