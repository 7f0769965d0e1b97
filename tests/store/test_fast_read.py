"""Tests of the hot reads' fast path (prepared statements on the DBAPI connection, models
built without a second validation): on a real migrated file, every model it returns equals,
field by field, the one pydantic validates from the ORM row, and every page, window and
series holds the same rows in the same order as the ORM query it replaces."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from smtui.domain.enums import InboxKind, InboxStatus, Platform, PostStatus, Priority
from smtui.domain.inbox import InboxItem, QueueFilter, QueueTab, queue_order
from smtui.domain.kpi import MetricValue
from smtui.domain.models import Brand, Channel, Metric
from smtui.domain.post import Post, PostFilter
from smtui.store import Store
from smtui.store.repositories.inbox import _page_statement
from smtui.store.repositories.metric_values import _SERIES
from smtui.store.repositories.posts import _window
from smtui.store.tables import InboxItemRow, MetricValueRow, PostRow


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Maple", timezone="America/Toronto"))


@pytest.fixture
def channels(store: Store, brand: Brand) -> list[Channel]:
    return [
        store.channels.add(Channel(brand_id=brand.id, platform=platform, handle=f"@{platform}"))
        for platform in (Platform.INSTAGRAM, Platform.LINKEDIN)
    ]


def _orm_posts(store: Store, brand: Brand, start: datetime, end: datetime) -> list[Post]:
    query = (
        select(PostRow)
        .where(PostRow.brand_id == brand.id, PostRow.scheduled_at >= start)
        .where(PostRow.scheduled_at < end)
        .order_by(PostRow.scheduled_at, PostRow.id)
    )
    with store.read() as session:
        return [Post.model_validate(row) for row in session.scalars(query)]


def test_posts_window_equals_validated_models(
    store: Store, brand: Brand, channels: list[Channel], now: datetime
) -> None:
    for number in range(40):
        at = now + timedelta(hours=7 * number - 100)
        post = store.posts.add(
            Post(
                brand_id=brand.id,
                channel_id=channels[number % 2].id,
                title=f"Post {number}",
                body="Pain au levain 🥖, ready at 7",
                link_url="https://example.com/a?b=c" if number % 3 else None,
                scheduled_at=at if number % 9 else None,
                status=PostStatus.DRAFT,
                campaign="spring" if number % 2 else "",
            )
        )
        if number % 4 == 0 and post.scheduled_at is not None:
            store.posts.publish(post.id or 0, "https://instagram.com/p/1", at)
    start, end = now - timedelta(days=5), now + timedelta(days=5)
    fast = store.posts.in_range(brand.id, start, end)
    assert len(fast) > 20
    assert fast == _orm_posts(store, brand, start, end)
    assert [post.model_dump() for post in fast] == [
        post.model_dump() for post in _orm_posts(store, brand, start, end)
    ]
    assert all(post.scheduled_at and post.scheduled_at.utcoffset() == timedelta(0) for post in fast)
    assert {type(post.status) for post in fast} == {PostStatus}
    # The equality filters take the fast path too, and agree with the same filter in Python.
    picked = store.posts.in_range(
        brand.id, start, end, PostFilter(channel_id=channels[1].id, campaign="spring")
    )
    expected = [p for p in fast if p.channel_id == channels[1].id and p.campaign == "spring"]
    assert picked == expected and picked
    published = store.posts.in_range(brand.id, start, end, PostFilter(status=PostStatus.PUBLISHED))
    assert published == [p for p in fast if p.status is PostStatus.PUBLISHED] and published
    # A fast model is a working pydantic model: copies, dumps and assignment behave.
    copy = fast[0].model_copy(update={"title": "Changed"})
    assert copy.title == "Changed" and fast[0].title != "Changed"
    assert fast[0].model_fields_set == set(Post.model_fields)


def _orm_page(store: Store, brand: Brand, tab: QueueTab, now: datetime) -> list[InboxItem]:
    """The whole tab, read with the ORM query each status's share comes from."""
    statuses = {
        QueueTab.TODO: ("new", "in_progress", "escalated"),
        QueueTab.DONE: ("replied", "done", "ignored"),
        QueueTab.ALL: tuple(status.value for status in InboxStatus),
    }[tab]
    query = select(InboxItemRow).where(
        InboxItemRow.brand_id == brand.id, InboxItemRow.status.in_(statuses)
    )
    with store.read() as session:
        items = [InboxItem.model_validate(row) for row in session.scalars(query)]
        if tab is QueueTab.TODO:
            woke = select(InboxItemRow).where(
                InboxItemRow.brand_id == brand.id,
                InboxItemRow.status == "snoozed",
                InboxItemRow.snoozed_until <= now,
            )
            items += [InboxItem.model_validate(row) for row in session.scalars(woke)]
    return sorted(items, key=queue_order)


def test_queue_pages_equal_validated_models_in_queue_order(
    store: Store, brand: Brand, channels: list[Channel], now: datetime
) -> None:
    kinds = list(InboxKind)
    statuses = list(InboxStatus)
    items = [
        InboxItem(
            brand_id=brand.id,
            channel_id=channels[number % 2].id,
            kind=kinds[number % len(kinds)],
            text=f"Question {number}: open on Sunday?",
            received_at=now - timedelta(minutes=13 * number),
            status=statuses[number % len(statuses)],
            snoozed_until=now + timedelta(hours=(number % 5) - 2),
            tags=("vip", "fr") if number % 3 == 0 else (),
            external_id=f"x{number}",
        )
        for number in range(230)
    ]
    store.inbox.import_items(brand.id, items)
    for tab in QueueTab:
        expected = _orm_page(store, brand, tab, now)
        got: list[InboxItem] = []
        page = store.inbox.page(brand.id, QueueFilter(tab=tab), now=now, limit=17)
        got += page.items
        while page.next is not None:
            page = store.inbox.page(
                brand.id, QueueFilter(tab=tab), now=now, after=page.next, limit=17
            )
            got += page.items
        assert got == expected, tab
        assert [item.model_dump() for item in got] == [item.model_dump() for item in expected]
    assert {type(item.priority) for item in got} == {Priority}
    assert any(item.tags == ("vip", "fr") for item in got)
    by_kind = store.inbox.page(
        brand.id, QueueFilter(tab=QueueTab.ALL, kind=InboxKind.DM, channel_id=channels[0].id),
        now=now, limit=500,
    ).items  # fmt: skip
    assert by_kind == [
        item
        for item in _orm_page(store, brand, QueueTab.ALL, now)
        if item.kind is InboxKind.DM and item.channel_id == channels[0].id
    ]
    assert by_kind


def test_open_counts_match_full_counts(
    store: Store, brand: Brand, channels: list[Channel], now: datetime
) -> None:
    items = [
        InboxItem(
            brand_id=brand.id,
            kind=InboxKind.COMMENT,
            received_at=now - timedelta(hours=number),
            status=list(InboxStatus)[number % len(InboxStatus)],
            snoozed_until=now + timedelta(hours=(number % 3) - 1),
            external_id=f"c{number}",
        )
        for number in range(60)
    ]
    store.inbox.import_items(brand.id, items)
    full = store.inbox.counts(brand.id, now=now)
    quick = store.inbox.counts(brand.id, now=now, handled=False)
    assert (quick.todo, quick.overdue, quick.snoozed) == (full.todo, full.overdue, full.snoozed)
    assert quick.done == 0 and full.done > 0
    assert quick.total == full.total - full.done


def test_series_equals_validated_models(store: Store, brand: Brand) -> None:
    metric = store.metrics.add(Metric(brand_id=brand.id, name="Followers"))
    assert metric.id is not None
    first = date(2026, 1, 1)
    store.metric_values.log_many(
        [
            MetricValue(metric_id=metric.id, date=first + timedelta(days=n), value=n * 1.5)
            for n in range(50)
        ]
    )
    series = store.metric_values.series(metric.id, first + timedelta(days=10), date(2026, 2, 1))
    query = (
        select(MetricValueRow)
        .where(MetricValueRow.metric_id == metric.id)
        .where(MetricValueRow.date.between(first + timedelta(days=10), date(2026, 2, 1)))
        .order_by(MetricValueRow.date)
    )
    with store.read() as session:
        expected = [MetricValue.model_validate(row) for row in session.scalars(query)]
    assert series == expected and len(series) == 22
    assert all(type(value.date) is date for value in series)


def test_hot_reads_use_an_index_matching_their_order(store: Store, db_path: Path) -> None:
    """No hot read sorts: each walks an index whose order is the ORDER BY."""
    statements = [
        _window(()),
        _window(("channel_id",)),
        _page_statement(False, False, False, False),
        _page_statement(True, True, True, True),
        _SERIES,
    ]
    connection = sqlite3.connect(db_path)
    try:
        for statement in statements:
            sql = statement.compiled(store.engine.dialect).sql
            plan = " ".join(
                row[3]
                for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", [1] * sql.count("?"))
            )
            assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, (sql, plan)
    finally:
        connection.close()
