"""Provides the SQLite snapshot: the morning brief's reads on an SQLite file through the
standard library's ``sqlite3``, in one read transaction, without importing SQLAlchemy.

Why: ``smtui`` paints Today first and ``smtui today`` runs from shell prompts; importing
SQLAlchemy costs either more than everything else it does. This is the one place where smtui
writes SQL by hand, and it only reads. It is held to the repositories it stands in for
(:class:`smtui.store.brief_reads.StoreBriefSource`) by a test that compares the two briefs,
and every other database goes through the repositories. The SQL is plain SQL in the
repositories' order and on the same indexes; only the parameter style (``?``) is sqlite3's.

Values are stored as SQLAlchemy stores them on SQLite: instants as naive UTC text
(``2026-11-23 15:30:00.000000``), days as ``YYYY-MM-DD``, flags as 0 or 1. Rows become the
same pydantic models, every one built from its stored columns (stored values were validated
when written), as the repositories' fast paths build posts and queue items; a test holds each
read to the repositories' validated models, type by type.
"""

from __future__ import annotations

import heapq
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from pydantic import BaseModel

from smtui.domain.audit_items import AuditAction, AuditItem
from smtui.domain.due_metrics import DueMetric, due_metric
from smtui.domain.enums import (
    CadencePeriod,
    ChannelStatus,
    InboxKind,
    InboxStatus,
    MetricFrequency,
    ObjectiveStatus,
    ObjectiveType,
    Platform,
    PostStatus,
    Priority,
)
from smtui.domain.i18n import _
from smtui.domain.inbox import (
    OPEN_STATUSES,
    InboxItem,
    QueueCounts,
    stored_queue_order,
    tags_from_column,
)
from smtui.domain.models import Brand, Channel, Metric, Objective
from smtui.domain.pace import WINDOW_DAYS, Pace, objective_pace
from smtui.domain.planning import BrandSettings, RecurringSlot, parse_clock_time, parse_weekdays
from smtui.domain.post import Post
from smtui.store.migrate import DatabaseError
from smtui.store.sqlite_settings import busy_timeout_ms, stored_instant

ModelT = TypeVar("ModelT", bound=BaseModel)

# The queue's to-do tab: each status is one walk of ix_inbox_item_queue, merged here.
_TODO = (*OPEN_STATUSES, InboxStatus.SNOOZED)
_OPEN = tuple(status.value for status in _TODO)


def _columns(model: type[BaseModel], *, skip: Iterable[str] = (), table: str = "") -> str:
    """The model's fields as a column list: a field the table lacks fails at once."""
    prefix = f"{table}." if table else ""
    return ", ".join(f'{prefix}"{name}"' for name in model.model_fields if name not in skip)


def _instant(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value + "+00:00")


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


_BRAND_NAMES = tuple(name for name in Brand.model_fields if name != "unknown_timezone")
_BRANDS = f"SELECT {_columns(Brand, skip=('unknown_timezone',))} FROM brand ORDER BY name, id"
_SETTING = 'SELECT value FROM setting WHERE "key" = ?'
_CHANNELS = (
    f"SELECT {_columns(Channel)} FROM channel WHERE brand_id = ? ORDER BY platform, handle, id"
)
_POST_NAMES = tuple(Post.model_fields)
_POSTS = (
    f"SELECT {_columns(Post)} FROM post WHERE brand_id = ? AND scheduled_at >= ? "
    "AND scheduled_at < ? ORDER BY scheduled_at, id"
)
_SLOTS = (
    f"SELECT {_columns(RecurringSlot)} FROM recurring_slot WHERE brand_id = ? "
    "ORDER BY weekday, time_local, channel_id"
)
_BRAND_SETTINGS = f"SELECT {_columns(BrandSettings)} FROM brand_settings WHERE brand_id = ?"
_COUNTS = (
    "SELECT status, count(*), sum(CASE WHEN due_at < ? THEN 1 ELSE 0 END) FROM inbox_item "
    f"WHERE brand_id = ? AND status IN ({', '.join('?' * len(_OPEN))}) GROUP BY status"
)
_SNOOZED = (
    "SELECT count(*), sum(CASE WHEN snoozed_until <= ? THEN 1 ELSE 0 END), "
    "sum(CASE WHEN snoozed_until <= ? AND due_at < ? THEN 1 ELSE 0 END) FROM inbox_item "
    "WHERE brand_id = ? AND status = ?"
)
_ITEM_NAMES = tuple(InboxItem.model_fields)
_QUEUE = (
    f"SELECT {_columns(InboxItem)} FROM inbox_item WHERE brand_id = ? AND status = ? "
    "ORDER BY priority, due_at, id LIMIT ?"
)
_QUEUE_WOKEN = (
    f"SELECT {_columns(InboxItem)} FROM inbox_item WHERE brand_id = ? AND status = ? "
    "AND snoozed_until <= ? ORDER BY priority, due_at, id LIMIT ?"
)
_QUEUE_KEY = tuple(_ITEM_NAMES.index(name) for name in ("priority", "due_at", "id"))
# One index seek per metric on (metric_id, date) for its last value, as the repository does.
_LAST = "(SELECT max(v.date) FROM metric_value AS v WHERE v.metric_id = metric.id)"
_DUE = (
    f"SELECT {_columns(Metric, table='metric')}, {_LAST}, metric_value.value FROM metric "
    "LEFT OUTER JOIN metric_value ON metric_value.metric_id = metric.id "
    f"AND metric_value.date = {_LAST} WHERE metric.brand_id = ? "
    "ORDER BY metric.brand_id, metric.name, metric.id"
)
_OBJECTIVES = (
    f"SELECT {_columns(Objective, skip=['metric_name'], table='objective')}, metric.name "
    "FROM objective LEFT OUTER JOIN metric ON metric.id = objective.metric_id "
    "WHERE objective.brand_id = ? ORDER BY objective.due_date, objective.id"
)
_HIGHER_IS_BETTER = "SELECT higher_is_better FROM metric WHERE id = ?"
_SERIES = (
    "SELECT date, value FROM metric_value WHERE metric_id = ? AND date >= ? AND date <= ? "
    "ORDER BY date"
)
_LATEST = (
    "SELECT date, value FROM metric_value WHERE metric_id = ? AND date <= ? "
    "ORDER BY date DESC LIMIT 1"
)
_ACTIONS = (
    f"SELECT {_columns(AuditItem, table='audit_item')}, audit_run.title, audit_run.brand_id "
    "FROM audit_item JOIN audit_run ON audit_run.id = audit_item.run_id "
    "WHERE audit_item.due_date IS NOT NULL AND audit_item.due_date <= ? "
    "AND audit_item.done = 0 AND audit_run.brand_id = ? "
    "ORDER BY audit_item.due_date, audit_item.id LIMIT ?"
)


def _stored(
    model: type[ModelT],
    names: Sequence[str],
    rows: Iterable[Sequence[Any]],
    convert: dict[str, Callable[[Any], Any]] | None = None,
) -> list[ModelT]:
    """Models built from stored rows without validating them again, as the repositories'
    fast paths build posts and queue items (``RowModels``): a row an older smtui wrote, which
    today's rules would refuse, is still shown rather than stopping the brief.

    ``convert`` turns what SQLite gives back (text, 0 and 1) into the field's type, as
    validation would. Not validating matters for the start too: a model's first validation
    builds its validator, and the first of all loads pydantic's schema machinery and looks
    for its plugins, some 30 ms before Today's first frame."""
    convert = convert or {}
    where = [(names.index(name), function) for name, function in convert.items()]
    built = []
    for row in rows:
        values = list(row)
        for index, function in where:
            if values[index] is not None:
                values[index] = function(values[index])
        built.append(model.model_construct(**dict(zip(names, values, strict=True))))
    return built


_POST_TYPES: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(("scheduled_at", "published_at", "created_at", "updated_at"), _instant),
    "status": PostStatus,
}
_CHANNEL_TYPES: dict[str, Callable[[Any], Any]] = {
    "platform": Platform,
    "status": ChannelStatus,
    "cadence_period": CadencePeriod,
}
_SETTINGS_TYPES: dict[str, Callable[[Any], Any]] = {
    "working_hours_enabled": bool,
    "work_days": parse_weekdays,
    "work_start": lambda text: parse_clock_time(text, "work_start"),
    "work_end": lambda text: parse_clock_time(text, "work_end"),
}
_METRIC_TYPES: dict[str, Callable[[Any], Any]] = {
    "frequency": MetricFrequency,
    "higher_is_better": bool,
}
_OBJECTIVE_TYPES: dict[str, Callable[[Any], Any]] = {
    "type": ObjectiveType,
    "status": ObjectiveStatus,
    **dict.fromkeys(("start_date", "due_date"), _day),
}
_AUDIT_ITEM_TYPES: dict[str, Callable[[Any], Any]] = {"done": bool, "due_date": _day}
_ITEM_TYPES: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(("received_at", "due_at", "snoozed_until", "handled_at"), _instant),
    "kind": InboxKind,
    "status": InboxStatus,
    "priority": Priority.from_stored,
    "tags": tags_from_column,
}


def _queue_order(row: Sequence[Any]) -> tuple[Any, ...]:
    return stored_queue_order(*(row[index] for index in _QUEUE_KEY))


class SqliteSnapshot:
    """A :class:`~smtui.today.source.BriefSource` over one read transaction on ``path``.

    Use it as a context manager: everything read inside the block comes from the same
    committed state, even while another smtui writes.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> SqliteSnapshot:
        try:
            self._db = sqlite3.connect(
                self.path, timeout=busy_timeout_ms() / 1000, isolation_level=None
            )
            self._db.execute("BEGIN")
        except sqlite3.Error as error:
            self._fail(error)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._db is not None:
            try:
                self._db.execute("ROLLBACK")  # it only read: nothing to keep
            finally:
                self._db.close()
                self._db = None

    def _fail(self, error: sqlite3.Error) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        raise DatabaseError(
            _("{path} cannot be read: {error}").format(path=self.path, error=error)
        ) from error

    def _rows(self, sql: str, *parameters: Any) -> list[Any]:
        assert self._db is not None, "read inside the with block"
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            self._fail(error)
            raise  # not reached: _fail raises

    # --- the reads ---------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._rows(_SETTING, key)
        return rows[0][0] if rows else default

    def brands(self) -> list[Brand]:
        brands = _stored(Brand, _BRAND_NAMES, self._rows(_BRANDS))
        return [brand.known_zone() for brand in brands]

    def channels(self, brand_id: int) -> list[Channel]:
        rows = self._rows(_CHANNELS, brand_id)
        return _stored(Channel, tuple(Channel.model_fields), rows, _CHANNEL_TYPES)

    def posts_in_range(self, brand_id: int, start: datetime, end: datetime) -> list[Post]:
        rows = self._rows(_POSTS, brand_id, stored_instant(start), stored_instant(end))
        return _stored(Post, _POST_NAMES, rows, _POST_TYPES)

    def slots(self, brand_id: int) -> list[RecurringSlot]:
        rows = self._rows(_SLOTS, brand_id)
        return _stored(RecurringSlot, tuple(RecurringSlot.model_fields), rows)

    def brand_settings(self, brand_id: int) -> BrandSettings:
        rows = self._rows(_BRAND_SETTINGS, brand_id)
        if not rows:
            return BrandSettings.model_construct(brand_id=brand_id)  # the defaults
        names = tuple(BrandSettings.model_fields)
        return _stored(BrandSettings, names, rows, _SETTINGS_TYPES)[0]

    def queue_counts(self, brand_id: int, now: datetime) -> QueueCounts:
        at = stored_instant(now)
        by_status = self._rows(_COUNTS, at, brand_id, *_OPEN)
        snoozed = self._rows(_SNOOZED, at, at, at, brand_id, InboxStatus.SNOOZED.value)[0]
        return QueueCounts.tally(by_status, (snoozed[0], snoozed[1], snoozed[2]))

    def queue_head(self, brand_id: int, now: datetime, limit: int) -> list[InboxItem]:
        at = stored_instant(now)
        runs = [
            self._rows(_QUEUE_WOKEN, brand_id, status.value, at, limit)
            if status is InboxStatus.SNOOZED
            else self._rows(_QUEUE, brand_id, status.value, limit)
            for status in _TODO
        ]
        head = itertools.islice(heapq.merge(*runs, key=_queue_order), limit)
        return _stored(InboxItem, _ITEM_NAMES, head, _ITEM_TYPES)

    def metrics_due(self, brand_id: int, day: date) -> list[DueMetric]:
        names = tuple(Metric.model_fields)
        rows = self._rows(_DUE, brand_id)
        metrics = _stored(Metric, names, [row[: len(names)] for row in rows], _METRIC_TYPES)
        due = []
        for metric, row in zip(metrics, rows, strict=True):
            last_day, last_value = _day(row[len(names)]), row[len(names) + 1]
            found = due_metric(metric, last_day, last_value, day)
            if found is not None:
                due.append(found)
        return due

    def objectives(self, brand_id: int) -> list[Objective]:
        names = (*(name for name in Objective.model_fields if name != "metric_name"),)
        rows = self._rows(_OBJECTIVES, brand_id)
        return _stored(Objective, (*names, "metric_name"), rows, _OBJECTIVE_TYPES)

    def pace(self, objective: Objective, day: date) -> Pace:
        if objective.metric_id is None:
            return Pace(None, _("no metric set"))
        flag = self._rows(_HIGHER_IS_BETTER, objective.metric_id)
        higher_is_better = bool(flag[0][0]) if flag else True
        first = day - timedelta(days=WINDOW_DAYS)
        points = self._rows(_SERIES, objective.metric_id, first.isoformat(), day.isoformat())
        if not points:
            points = self._rows(_LATEST, objective.metric_id, day.isoformat())
        return objective_pace(
            objective,
            [(date.fromisoformat(when), float(value)) for when, value in points],
            today=day,
            higher_is_better=higher_is_better,
        )

    def actions_due(self, brand_id: int, day: date, limit: int) -> list[AuditAction]:
        names = tuple(AuditItem.model_fields)
        rows = self._rows(_ACTIONS, day.isoformat(), brand_id, limit)
        items = _stored(AuditItem, names, [row[: len(names)] for row in rows], _AUDIT_ITEM_TYPES)
        return [
            AuditAction(item, row[len(names)], row[len(names) + 1])
            for item, row in zip(items, rows, strict=True)
        ]
