"""Provides the response-time figures the KPI screen shows: first-response time (median and
mean), the share answered within target, and the backlog by age, per channel and period.

The database does the arithmetic: counts, sums and the mean in one GROUP BY, and the median
by reading only the one or two middle durations (ORDER BY duration LIMIT 2 OFFSET n/2).
A period is the half-open range [start, end) of the items' received times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, case, func, select

from smtui.domain.i18n import N_
from smtui.domain.inbox import ANSWERED_STATUSES
from smtui.store.repositories.inbox_sql import seconds_between, todo_condition
from smtui.store.tables import InboxItemRow

if TYPE_CHECKING:
    from smtui.store.store import Store

# (label, lower bound of age): an item falls in the last bucket whose bound it reaches.
AGE_BUCKETS: tuple[tuple[str, timedelta], ...] = (
    (N_("under 1 hour"), timedelta(0)),
    (N_("1-4 hours"), timedelta(hours=1)),
    (N_("4-24 hours"), timedelta(hours=4)),
    (N_("1-3 days"), timedelta(days=1)),
    (N_("over 3 days"), timedelta(days=3)),
)


@dataclass(frozen=True, slots=True)
class ResponseFigures:
    """First-response figures of the items received in a period (one channel or all)."""

    channel_id: int | None
    received: int
    answered: int
    within_target: int
    mean_seconds: float | None
    median_seconds: float | None

    @property
    def share_within_target(self) -> float | None:
        """Answered within target, out of the answered items (None when none was answered)."""
        return self.within_target / self.answered if self.answered else None


class InboxFigures:
    store: Store

    @staticmethod
    def _period(
        brand_id: int, start: datetime, end: datetime, channel_id: int | None
    ) -> list[ColumnElement[bool]]:
        conditions = [
            InboxItemRow.brand_id == brand_id,
            InboxItemRow.received_at >= start,
            InboxItemRow.received_at < end,
        ]
        if channel_id is not None:
            conditions.append(InboxItemRow.channel_id == channel_id)
        return conditions

    @staticmethod
    def _answered() -> ColumnElement[bool]:
        return InboxItemRow.status.in_([s.value for s in ANSWERED_STATUSES]) & (
            InboxItemRow.handled_at.is_not(None)
        )

    def _median(
        self, session: Any, conditions: list[ColumnElement[bool]], count: int
    ) -> float | None:
        if count == 0:
            return None
        duration = seconds_between(InboxItemRow.received_at, InboxItemRow.handled_at)
        query = (
            select(duration)
            .where(*conditions, self._answered())
            .order_by(duration)
            .limit(1 if count % 2 else 2)
            .offset((count - 1) // 2)
        )
        middle = [round(float(value), 3) for value in session.scalars(query)]
        return sum(middle) / len(middle) if middle else None

    def _select(self) -> Any:
        answered = self._answered()
        duration = seconds_between(InboxItemRow.received_at, InboxItemRow.handled_at)
        return (
            func.count(),
            func.sum(case((answered, 1), else_=0)),
            func.sum(
                case((answered & (InboxItemRow.handled_at <= InboxItemRow.due_at), 1), else_=0)
            ),
            func.avg(case((answered, duration), else_=None)),
        )

    def response_figures(
        self, brand_id: int, start: datetime, end: datetime, channel_id: int | None = None
    ) -> ResponseFigures:
        """Figures for one channel, or for the whole brand when ``channel_id`` is None."""
        conditions = self._period(brand_id, start, end, channel_id)
        with self.store.read() as session:
            received, answered, within, mean = session.execute(
                select(*self._select()).where(*conditions)
            ).one()
            answered = answered or 0
            median = self._median(session, conditions, answered)
        return ResponseFigures(channel_id, received, answered, within or 0, _float(mean), median)

    def response_figures_by_channel(
        self, brand_id: int, start: datetime, end: datetime
    ) -> dict[int | None, ResponseFigures]:
        """The same per channel (key None: items without a channel)."""
        conditions = self._period(brand_id, start, end, None)
        query = (
            select(InboxItemRow.channel_id, *self._select())
            .where(*conditions)
            .group_by(InboxItemRow.channel_id)
        )
        result: dict[int | None, ResponseFigures] = {}
        with self.store.read() as session:
            for channel_id, received, answered, within, mean in session.execute(query).all():
                channel = (
                    InboxItemRow.channel_id.is_(None)
                    if channel_id is None
                    else InboxItemRow.channel_id == channel_id
                )
                median = self._median(session, [*conditions, channel], answered or 0)
                result[channel_id] = ResponseFigures(
                    channel_id, received, answered or 0, within or 0, _float(mean), median
                )
        return result

    def backlog_by_age(
        self, brand_id: int, *, now: datetime | None = None, channel_id: int | None = None
    ) -> list[tuple[str, int]]:
        """Items still to do, by how long they have waited: (source label, count) per bucket."""
        now = now or self.store.clock()
        bounds = [now - lower for _label, lower in AGE_BUCKETS] + [None]
        columns = []
        for newest, oldest in pairwise(bounds):
            in_bucket = InboxItemRow.received_at <= newest
            if oldest is not None:
                in_bucket = in_bucket & (InboxItemRow.received_at > oldest)
            columns.append(func.sum(case((in_bucket, 1), else_=0)))
        conditions = [InboxItemRow.brand_id == brand_id, todo_condition(now)]
        if channel_id is not None:
            conditions.append(InboxItemRow.channel_id == channel_id)
        with self.store.read() as session:
            counts = session.execute(select(*columns).where(*conditions)).one()
        return [
            (label, count or 0) for (label, _lower), count in zip(AGE_BUCKETS, counts, strict=True)
        ]


def _float(value: Any) -> float | None:
    """Seconds rounded to the millisecond (julianday arithmetic carries float noise)."""
    return None if value is None else round(float(value), 3)
