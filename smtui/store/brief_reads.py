"""Provides the brief's reads through the repositories: the reader for any database
SQLAlchemy reaches, and the reference the SQLite snapshot is tested against."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from smtui.domain.audit_items import AuditAction
from smtui.domain.due_metrics import DueMetric
from smtui.domain.inbox import InboxItem, QueueCounts, QueueFilter
from smtui.domain.models import Brand, Channel, Objective
from smtui.domain.pace import Pace
from smtui.domain.planning import BrandSettings, RecurringSlot
from smtui.domain.post import Post

if TYPE_CHECKING:
    from smtui.store.store import Store


class StoreBriefSource:
    """A :class:`~smtui.today.source.BriefSource` over the store's repositories (each read
    its own short transaction)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self.store.settings.get(key, default)

    def brands(self) -> list[Brand]:
        return self.store.brands.list()

    def channels(self, brand_id: int) -> list[Channel]:
        return self.store.channels.list(brand_id)

    def posts_in_range(self, brand_id: int, start: datetime, end: datetime) -> list[Post]:
        return self.store.posts.in_range(brand_id, start, end)

    def slots(self, brand_id: int) -> list[RecurringSlot]:
        return self.store.slots.list(brand_id)

    def brand_settings(self, brand_id: int) -> BrandSettings:
        return self.store.brand_settings.get(brand_id)

    def queue_counts(self, brand_id: int, now: datetime) -> QueueCounts:
        return self.store.inbox.counts(brand_id, now=now, handled=False)

    def queue_head(self, brand_id: int, now: datetime, limit: int) -> list[InboxItem]:
        return self.store.inbox.page(brand_id, QueueFilter(), now=now, limit=limit).items

    def metrics_due(self, brand_id: int, day: date) -> list[DueMetric]:
        return self.store.metric_values.due(brand_id, day)

    def objectives(self, brand_id: int) -> list[Objective]:
        return self.store.objectives.list(brand_id)

    def pace(self, objective: Objective, day: date) -> Pace:
        return self.store.metric_values.pace(objective, day)

    def actions_due(self, brand_id: int, day: date, limit: int) -> list[AuditAction]:
        return self.store.audits.actions_due(brand_id, day, limit)
