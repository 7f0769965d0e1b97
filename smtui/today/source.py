"""Provides what the morning brief reads, as one interface with two readers behind it.

Why two: the brief is what ``smtui`` paints first and what ``smtui today`` prints from a
shell prompt, and both must start fast. The repositories go through SQLAlchemy, whose
import alone costs more than the rest of either start; so on an SQLite file the brief is
read by :class:`smtui.store.snapshot.SqliteSnapshot` with the standard library's
``sqlite3``, in one read transaction. Any other database is read through the repositories
(:class:`smtui.store.brief_reads.StoreBriefSource`). A test holds the two to the same brief.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from smtui.domain.audit_items import AuditAction
from smtui.domain.due_metrics import DueMetric
from smtui.domain.inbox import InboxItem, QueueCounts
from smtui.domain.models import Brand, Channel, Objective
from smtui.domain.pace import Pace
from smtui.domain.planning import BrandSettings, RecurringSlot
from smtui.domain.post import Post


class BriefSource(Protocol):
    """The reads of one brief; every list comes in the order its repository returns it."""

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A workspace setting (``store.settings.get``)."""
        ...

    def brands(self) -> list[Brand]:
        """Every brand, by name."""
        ...

    def channels(self, brand_id: int) -> list[Channel]: ...

    def posts_in_range(self, brand_id: int, start: datetime, end: datetime) -> list[Post]:
        """Posts scheduled in [start, end) (UTC), earliest first."""
        ...

    def slots(self, brand_id: int) -> list[RecurringSlot]: ...

    def brand_settings(self, brand_id: int) -> BrandSettings: ...

    def queue_counts(self, brand_id: int, now: datetime) -> QueueCounts:
        """What is left to zero and how much of it is late (handled items not counted)."""
        ...

    def queue_head(self, brand_id: int, now: datetime, limit: int) -> list[InboxItem]:
        """The first ``limit`` items of the to-do queue, in the queue's order."""
        ...

    def metrics_due(self, brand_id: int, day: date) -> list[DueMetric]: ...

    def objectives(self, brand_id: int) -> list[Objective]: ...

    def pace(self, objective: Objective, day: date) -> Pace: ...

    def actions_due(self, brand_id: int, day: date, limit: int) -> list[AuditAction]: ...
