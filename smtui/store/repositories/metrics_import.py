"""Provides the write side of ``smtui import metrics``: a parsed export applied to the
workspace in one transaction.

Each row is matched to a post of the brand by its platform id (``external_id``, on the
channel), its permalink (``published_url``), or the link it carries (``link_url``, on the
channel, since one article is shared on several channels); a matched post not yet marked
published is marked so, as the export proves it went out. A row that matches nothing
becomes a published post. Numbers are upserted, so importing the same file again changes
nothing; under ``dry_run`` the same work is done and then rolled back, so the summary says
exactly what a real run would do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from smtui.domain.enums import MetricFrequency, PostStatus
from smtui.domain.kpi import ImportedPost, ImportedValue, ImportSummary, MetricValue, PostMetric
from smtui.domain.text import one_line, strip_controls
from smtui.store.tables import MetricRow, PostRow

if TYPE_CHECKING:
    from smtui.store.store import Store


class _DryRun(Exception):
    """Raised at the end of a dry run to roll its transaction back."""


def _candidates(
    session: Session, brand_id: int, channel_id: int | None, posts: Sequence[ImportedPost]
) -> tuple[dict[str, PostRow], dict[str, PostRow]]:
    """The brand's posts any row could match, in one query: by platform id and by URL."""
    ids = [post.external_id for post in posts if post.external_id]
    urls = [post.url for post in posts if post.url]
    same_channel = PostRow.channel_id == channel_id
    conditions = [PostRow.published_url.in_(urls)]
    if ids:
        conditions.append(same_channel & PostRow.external_id.in_(ids))
    if urls:
        conditions.append(same_channel & PostRow.link_url.in_(urls))
    query = (
        select(PostRow).where(PostRow.brand_id == brand_id, or_(*conditions)).order_by(PostRow.id)
    )
    by_id: dict[str, PostRow] = {}
    by_url: dict[str, PostRow] = {}
    for row in session.scalars(query):
        if row.external_id and row.channel_id == channel_id:
            by_id.setdefault(row.external_id, row)
        if row.published_url:
            by_url.setdefault(row.published_url, row)
        if row.link_url and row.channel_id == channel_id:
            by_url.setdefault(row.link_url, row)
    return by_id, by_url


def _new_post(brand_id: int, channel_id: int | None, post: ImportedPost, store: Store) -> PostRow:
    moment = store.clock()
    text = strip_controls(post.text).strip()
    return PostRow(
        brand_id=brand_id,
        channel_id=channel_id,
        title=one_line(text, 80),
        body=text,
        status=PostStatus.PUBLISHED.value,
        scheduled_at=post.published_at,
        published_at=post.published_at,
        published_url=post.url,
        external_id=post.external_id,
        post_type=post.post_type[:20],
        notes="",
        created_at=moment,
        updated_at=moment,
    )


def _mark_published(row: PostRow, post: ImportedPost, store: Store) -> None:
    """Fill in what the export knows and the post lacks; never overwrite what is there."""
    changed = False
    if row.status != PostStatus.PUBLISHED.value and (row.published_at or post.published_at):
        row.status = PostStatus.PUBLISHED.value
        row.published_at = row.published_at or post.published_at or row.scheduled_at
        changed = True
    if post.url and not row.published_url:
        row.published_url, changed = post.url, True
    if post.external_id and not row.external_id:
        row.external_id, changed = post.external_id, True
    if post.post_type and not row.post_type:
        row.post_type, changed = post.post_type[:20], True
    if changed:
        row.updated_at = store.clock()


def _metric_rows(session: Session, brand_id: int) -> dict[str, MetricRow]:
    rows = session.scalars(select(MetricRow).where(MetricRow.brand_id == brand_id))
    return {row.name.casefold(): row for row in rows}


def apply_import(
    store: Store,
    brand_id: int,
    channel_id: int | None,
    timezone: str,
    posts: Sequence[ImportedPost],
    values: Sequence[ImportedValue],
    dry_run: bool,
) -> ImportSummary:
    summary = ImportSummary()
    zone = ZoneInfo(timezone)
    try:
        with store.write() as session:
            by_id, by_url = _candidates(session, brand_id, channel_id, posts)
            for post in posts:
                row = by_id.get(post.external_id or "") or by_url.get(post.url or "")
                if row is None:
                    row = _new_post(brand_id, channel_id, post, store)
                    session.add(row)
                    session.flush()
                    summary.posts_created += 1
                else:
                    _mark_published(row, post, store)
                    summary.posts_matched += 1
                for key in filter(None, (post.external_id, row.external_id)):
                    by_id.setdefault(key, row)
                for key in filter(None, (post.url, row.published_url)):
                    by_url.setdefault(key, row)
                when = row.published_at or post.published_at
                day = (
                    when.astimezone(zone).date() if when else store.clock().astimezone(zone).date()
                )
                entry = PostMetric(post_id=row.id, date=day, **post.numbers)
                outcome = store.post_metrics.upsert_in(session, entry)
                _count(summary, "post_metrics", outcome)
            metrics = _metric_rows(session, brand_id)
            for value in values:
                metric = metrics.get(value.metric.casefold())
                if metric is None:
                    metric = MetricRow(
                        brand_id=brand_id,
                        name=value.metric,
                        channel_id=value.channel_id,
                        frequency=MetricFrequency.DAILY.value,
                    )
                    session.add(metric)
                    session.flush()
                    metrics[value.metric.casefold()] = metric
                    summary.metrics_created.append(value.metric)
                outcome = store.metric_values.upsert_in(
                    session, MetricValue(metric_id=metric.id, date=value.date, value=value.value)
                )
                _count(summary, "values", outcome)
            session.flush()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def _count(summary: ImportSummary, prefix: str, outcome: str) -> None:
    name = f"{prefix}_{outcome}"
    setattr(summary, name, getattr(summary, name) + 1)
