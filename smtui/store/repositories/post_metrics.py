"""Provides the post metric repository: each post's numbers, and the figures of the
post-performance view computed from them in SQL.

A post may hold several dated rows (unique post_id + date); the figures use each post's
latest row, found by a correlated MAX(date) on that unique index. Posts count in a period by
their publication instant, in UTC [start, end).

The weekday x hour heat map needs local hours, and SQLite has no time zones: it fetches
(published_at, engagements, impressions, reach) for the period in one query and buckets the
rows in Python in the brand's zone, which also stays right across DST changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from smtui.domain.enums import PostStatus
from smtui.domain.kpi import (
    POST_FIELDS,
    Breakdown,
    HeatCell,
    ImportedPost,
    ImportedValue,
    ImportSummary,
    PlannedPublished,
    PostMetric,
    PostPerformance,
    UtmClicks,
)
from smtui.store.repositories.base import Repository
from smtui.store.tables import PostMetricRow, PostRow

_PUBLISHED = PostStatus.PUBLISHED.value
BREAKDOWNS: dict[str, InstrumentedAttribute[Any]] = {
    "pillar": PostRow.pillar_id,
    "channel": PostRow.channel_id,
    "post_type": PostRow.post_type,
}


def engagement_rate_sql(
    engagements: ColumnElement[Any], impressions: ColumnElement[Any], reach: ColumnElement[Any]
) -> ColumnElement[Any]:
    """SQL twin of :func:`smtui.domain.engagement.engagement_rate` (a test keeps them equal)."""
    return case(
        (impressions > 0, engagements * 1.0 / impressions),
        (reach > 0, engagements * 1.0 / reach),
        else_=None,
    )


class PostMetricRepository(Repository[PostMetric, PostMetricRow]):
    row_type = PostMetricRow
    model_type = PostMetric
    order_by = ("date", "id")

    def list(self, brand_id: int) -> list[PostMetric]:  # type: ignore[override]
        raise NotImplementedError("post metrics are read per post or as period figures")

    @staticmethod
    def upsert_in(session: Session, entry: PostMetric) -> str:
        """Insert or update one post's numbers for one day; fields left None keep theirs."""
        row = session.scalar(
            select(PostMetricRow).where(
                PostMetricRow.post_id == entry.post_id, PostMetricRow.date == entry.date
            )
        )
        numbers = {name: getattr(entry, name) for name in POST_FIELDS}
        if row is None:
            session.add(PostMetricRow(post_id=entry.post_id, date=entry.date, **numbers))
            return "added"
        changed = False
        for name, value in numbers.items():
            if value is not None and getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        return "updated" if changed else "unchanged"

    def upsert(self, entry: PostMetric) -> PostMetric:
        with self.store.write() as session:
            self.upsert_in(session, entry)
            session.flush()
            row = session.scalar(
                select(PostMetricRow).where(
                    PostMetricRow.post_id == entry.post_id, PostMetricRow.date == entry.date
                )
            )
            return self.to_model(row)  # type: ignore[arg-type]

    def for_post(self, post_id: int) -> list[PostMetric]:
        query = select(PostMetricRow).where(PostMetricRow.post_id == post_id)
        with self.store.read() as session:
            return [self.to_model(row) for row in session.scalars(query.order_by("date"))]

    def import_batch(
        self,
        brand_id: int,
        channel_id: int | None,
        timezone: str,
        posts: Sequence[ImportedPost],
        values: Sequence[ImportedValue],
        dry_run: bool = False,
    ) -> ImportSummary:
        """Apply a parsed export in one transaction (rolled back under ``dry_run``)."""
        from smtui.store.repositories.metrics_import import apply_import

        return apply_import(self.store, brand_id, channel_id, timezone, posts, values, dry_run)

    # --- period figures --------------------------------------------------------------

    def _published(self, brand_id: int, start: datetime, end: datetime) -> list[Any]:
        return [
            PostRow.brand_id == brand_id,
            PostRow.status == _PUBLISHED,
            PostRow.published_at >= start,
            PostRow.published_at < end,
        ]

    def _latest_join(self) -> tuple[Any, ColumnElement[bool]]:
        newer = aliased(PostMetricRow)
        latest_day = (
            select(func.max(newer.date)).where(newer.post_id == PostRow.id).scalar_subquery()
        )
        return PostMetricRow, and_(
            PostMetricRow.post_id == PostRow.id, PostMetricRow.date == latest_day
        )

    def ranked(
        self, brand_id: int, start: datetime, end: datetime, limit: int = 5, best: bool = True
    ) -> list[PostPerformance]:
        """The posts published in [start, end) with the highest (or lowest) engagement rate."""
        table, on = self._latest_join()
        rate = engagement_rate_sql(table.engagements, table.impressions, table.reach)
        order = rate.desc() if best else rate.asc()
        query = (
            select(
                PostRow.id,
                PostRow.title,
                PostRow.body,
                PostRow.channel_id,
                PostRow.published_at,
                table.impressions,
                table.reach,
                table.engagements,
                table.clicks,
            )
            .join(table, on)
            .where(*self._published(brand_id, start, end), rate.is_not(None))
            .order_by(order, PostRow.published_at.desc(), PostRow.id)
            .limit(limit)
        )
        with self.store.read() as session:
            return [
                PostPerformance(
                    post_id=row.id,
                    title=row.title or row.body,
                    channel_id=row.channel_id,
                    published_at=row.published_at,
                    impressions=row.impressions,
                    reach=row.reach,
                    engagements=row.engagements,
                    clicks=row.clicks,
                )
                for row in session.execute(query)
            ]

    def breakdown(self, brand_id: int, start: datetime, end: datetime, by: str) -> list[Breakdown]:
        """Totals per pillar, channel or post type (``by``), best engagement rate first."""
        column = BREAKDOWNS[by]
        table, on = self._latest_join()
        total = func.coalesce
        query = (
            select(
                column,
                func.count(PostRow.id),
                func.sum(total(table.impressions, 0)),
                func.sum(total(table.reach, 0)),
                func.sum(total(table.engagements, 0)),
                func.sum(total(table.clicks, 0)),
            )
            .join(table, on)
            .where(*self._published(brand_id, start, end))
            .group_by(column)
        )
        with self.store.read() as session:
            rows = [
                Breakdown(key or None, posts, impressions, reach, engagements, clicks)
                for key, posts, impressions, reach, engagements, clicks in session.execute(query)
            ]
        return sorted(rows, key=lambda item: (item.rate is None, -(item.rate or 0.0)))

    def heatmap(
        self, brand_id: int, start: datetime, end: datetime, timezone: str
    ) -> dict[tuple[int, int], HeatCell]:
        """(weekday 0 = Monday, local hour) -> the posts published then and their numbers."""
        table, on = self._latest_join()
        query = (
            select(PostRow.published_at, table.engagements, table.impressions, table.reach)
            .join(table, on)
            .where(*self._published(brand_id, start, end))
        )
        zone = ZoneInfo(timezone)
        sums: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        with self.store.read() as session:
            for published_at, engagements, impressions, reach in session.execute(query):
                local = published_at.astimezone(zone)
                cell = sums[(local.weekday(), local.hour)]
                cell[0] += 1
                cell[1] += engagements or 0
                cell[2] += impressions or 0
                cell[3] += reach or 0
        return {key: HeatCell(*values) for key, values in sums.items()}

    def utm_clicks(self, brand_id: int, start: datetime, end: datetime) -> list[UtmClicks]:
        """Clicks on the posts whose link carries a UTM campaign, per campaign."""
        table, on = self._latest_join()
        clicks = func.sum(func.coalesce(table.clicks, 0))
        query = (
            select(PostRow.utm_campaign, func.count(PostRow.id), clicks)
            .join(table, on)
            .where(*self._published(brand_id, start, end), PostRow.utm_campaign != "")
            .group_by(PostRow.utm_campaign)
            .order_by(clicks.desc(), PostRow.utm_campaign)
        )
        with self.store.read() as session:
            return [UtmClicks(*row) for row in session.execute(query)]

    def planned_vs_published(
        self, brand_id: int, start: datetime, end: datetime
    ) -> list[PlannedPublished]:
        """Per channel: posts planned in [start, end) (skipped ones left out) and posts
        published in it."""
        planned_query = (
            select(PostRow.channel_id, func.count())
            .where(
                PostRow.brand_id == brand_id,
                PostRow.scheduled_at >= start,
                PostRow.scheduled_at < end,
                PostRow.status != PostStatus.SKIPPED.value,
            )
            .group_by(PostRow.channel_id)
        )
        published_query = (
            select(PostRow.channel_id, func.count())
            .where(*self._published(brand_id, start, end))
            .group_by(PostRow.channel_id)
        )
        with self.store.read() as session:
            planned = {key: count for key, count in session.execute(planned_query)}
            published = {key: count for key, count in session.execute(published_query)}
        keys = sorted(set(planned) | set(published), key=lambda key: (key is None, key or 0))
        return [PlannedPublished(key, planned.get(key, 0), published.get(key, 0)) for key in keys]
