"""Provides the SQL pieces the queue's repositories share: rows to models and back, the
"to do" condition, the elapsed-seconds expression, and the history (event) writer.

Elapsed time is compiled per dialect (``julianday`` on SQLite, ``EXTRACT(EPOCH ...)`` on
PostgreSQL) so that response-time figures are computed by the database on either.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, insert, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from smtui.domain.enums import InboxStatus
from smtui.domain.inbox import OPEN_STATUSES, InboxItem, aware_utc, tags_column
from smtui.store.tables import InboxEventRow, InboxItemRow

# The columns an action may change, recorded before and after so that undo can restore them.
TRACKED = ("status", "priority", "due_at", "snoozed_until", "handled_at", "reply_text", "tags")
_INSTANTS = frozenset({"due_at", "snoozed_until", "handled_at"})


class seconds_between(FunctionElement[float]):
    """Seconds from the first instant column to the second, computed by the database."""

    type = Float()
    inherit_cache = True


@compiles(seconds_between, "sqlite")
def _sqlite_seconds(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"((julianday({compiler.process(end, **kw)}) - "
        f"julianday({compiler.process(start, **kw)})) * 86400.0)"
    )


@compiles(seconds_between, "postgresql")
def _postgres_seconds(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - {compiler.process(start, **kw)}))"


def to_model(row: InboxItemRow) -> InboxItem:
    return InboxItem.model_validate(row)


def to_values(item: InboxItem) -> dict[str, Any]:
    """The row's columns for ``item`` (without its id)."""
    values = item.model_dump(exclude={"id"})
    values["kind"] = item.kind.value
    values["status"] = item.status.value
    values["priority"] = item.priority.rank
    values["tags"] = tags_column(item.tags)
    return values


def todo_condition(now: datetime) -> ColumnElement[bool]:
    """New, in progress or escalated, or snoozed until a time that has passed."""
    return or_(
        InboxItemRow.status.in_([status.value for status in OPEN_STATUSES]),
        and_(
            InboxItemRow.status == InboxStatus.SNOOZED.value,
            InboxItemRow.snoozed_until <= now,
        ),
    )


def snapshot(row: InboxItemRow) -> dict[str, Any]:
    """The tracked columns as JSON-ready values."""
    values: dict[str, Any] = {}
    for key in TRACKED:
        value = getattr(row, key)
        values[key] = value.isoformat() if isinstance(value, datetime) else value
    return values


def restore(row: InboxItemRow, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key not in TRACKED:
            continue
        if key in _INSTANTS and value is not None:
            value = aware_utc(datetime.fromisoformat(value))
        setattr(row, key, value)


def record(
    session: Session,
    entries: Iterable[tuple[int, dict[str, Any], dict[str, Any]]],
    action: str,
    at: datetime,
    batch: str,
    **extra: Any,
) -> None:
    """One history row per item: what the action changed, before and after, in one batch."""
    rows = [
        {
            "item_id": item_id,
            "at": at,
            "action": action,
            "detail": json.dumps(
                {"batch": batch, "before": before, "after": after, **extra}, ensure_ascii=False
            ),
        }
        for item_id, before, after in entries
    ]
    if rows:
        session.execute(insert(InboxEventRow), rows)
