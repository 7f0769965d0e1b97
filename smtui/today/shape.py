"""Provides the brief as JSON for scripts: the shape documented in ``brief.schema.json``.

The shape is versioned (``"schema": "smtui.today/1"``) and only grows: a script written
against it keeps working when a field is added. Times are ISO 8601 with the brand's offset
(what the user reads), instants in UTC end with ``Z``; durations are whole minutes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from smtui.domain.models import Brand, Channel
from smtui.today.brief import Brief

SCHEMA = "smtui.today/1"


def _utc(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _minutes(delta: timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds() // 60)


def _channel(channel: Channel | None) -> dict[str, Any] | None:
    if channel is None:
        return None
    return {"id": channel.id, "platform": channel.platform.value, "handle": channel.handle}


def _brand(brand: Brand) -> dict[str, Any]:
    return {"id": brand.id, "name": brand.name, "timezone": brand.timezone}


def brief_json(brief: Brief) -> dict[str, Any]:
    """The whole brief as plain JSON values."""
    return {
        "schema": SCHEMA,
        "date": brief.day.isoformat(),
        "generated_at": _utc(brief.now),
        "brands": [_brand(brand) for brand in brief.brands],
        "nothing_due": brief.nothing_due,
        "to_post": [
            {
                "post_id": line.post.id,
                "brand": line.brand.name,
                "channel": _channel(line.channel),
                "time": line.at.isoformat(timespec="minutes"),
                "title": line.post.title,
                "status": line.post.status.value,
                "overdue": line.overdue,
                "ready": line.ready.ready,
                "problems": list(line.ready.problems),
                "length": line.ready.length,
                "limit": line.ready.limit,
            }
            for line in brief.posts
        ],
        "empty_slots": [
            {
                "brand": line.brand.name,
                "channel": _channel(line.channel),
                "time": line.at.isoformat(timespec="minutes"),
            }
            for line in brief.slots
        ],
        "to_reply": {
            "left": brief.replies_left,
            "past_target": brief.replies_late,
            "items": [
                {
                    "item_id": line.item.id,
                    "brand": line.brand.name,
                    "channel": _channel(line.channel),
                    "kind": line.item.kind.value,
                    "author": line.item.author,
                    "text": line.item.text,
                    "priority": line.item.priority.value,
                    "status": line.item.status.value,
                    "received_at": _utc(line.item.received_at),
                    "due_at": _utc(line.item.due_at),
                    "age_minutes": _minutes(line.age),
                    "minutes_to_target": _minutes(line.to_target),
                    "past_target": line.past_target,
                }
                for line in brief.replies
            ],
        },
        "numbers_to_log": [
            {
                "metric_id": line.due.metric.id,
                "brand": line.brand.name,
                "metric": line.due.metric.name,
                "unit": line.due.metric.unit,
                "frequency": line.due.metric.frequency.value,
                "channel": _channel(line.channel),
                "last_date": line.due.last_date.isoformat() if line.due.last_date else None,
                "last_value": line.due.last_value,
            }
            for line in brief.metrics
        ],
        "this_week": {
            "cadence": [
                {
                    "brand": line.brand.name,
                    "channel": _channel(line.channel),
                    "name": line.name,
                    "planned": line.planned,
                    "published": line.published,
                    "minimum": line.minimum,
                    "maximum": line.maximum,
                    "verdict": line.verdict.value,
                }
                for line in brief.week
            ],
            "objectives_behind": [
                {
                    "objective_id": line.objective.id,
                    "brand": line.brand.name,
                    "statement": line.objective.statement,
                    "verdict": line.pace.verdict.value if line.pace.verdict else None,
                    "progress": line.pace.progress,
                    "latest": line.pace.latest,
                    "projected": line.pace.projected,
                    "target": line.objective.target,
                    "due_date": (
                        line.objective.due_date.isoformat() if line.objective.due_date else None
                    ),
                }
                for line in brief.behind
            ],
        },
        "actions_due": [
            {
                "item_id": line.action.item.id,
                "brand": line.brand.name,
                "text": line.action.item.text,
                "due_date": (
                    line.action.item.due_date.isoformat() if line.action.item.due_date else None
                ),
                "overdue": line.overdue,
                "audit": line.action.run_title,
                "owner": line.action.item.owner,
            }
            for line in brief.actions
        ],
    }
