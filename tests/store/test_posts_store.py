"""Tests of the post repository on a real, migrated SQLite file: CRUD, range windows (also
among 50,000 posts, on the right index), moves, duplicates, repurposing and counts."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, text

from smtui.domain.cadence import month_bounds, week_bounds
from smtui.domain.enums import Platform, PostStatus
from smtui.domain.models import Brand, Channel, Pillar
from smtui.domain.post import Post, PostFilter
from smtui.domain.validation import DomainError
from smtui.store import NotFoundError, Store
from smtui.store.tables import PostRow

TORONTO = "America/Toronto"


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Maple Bakery", timezone=TORONTO))


@pytest.fixture
def channels(store: Store, brand: Brand) -> list[Channel]:
    assert brand.id is not None
    return [
        store.channels.add(Channel(brand_id=brand.id, platform=platform, handle="@maple"))
        for platform in (Platform.LINKEDIN, Platform.INSTAGRAM, Platform.X)
    ]


@pytest.fixture
def pillars(store: Store, brand: Brand) -> list[Pillar]:
    assert brand.id is not None
    return store.pillars.apply_preset(brand.id, "80-20")


def at(day: int, hour: int = 14, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def new_post(brand: Brand, channel: Channel, **changes: Any) -> Post:
    values: dict[str, Any] = {
        "brand_id": brand.id,
        "channel_id": channel.id,
        "title": "Sourdough",
        "body": "Our sourdough is back",
        "status": PostStatus.SCHEDULED,
        "scheduled_at": at(24),
    }
    values.update(changes)
    return Post(**values)


def test_crud(store: Store, brand: Brand, channels: list[Channel], now: datetime) -> None:
    added = store.posts.add(new_post(brand, channels[0], link_url="https://maple.ca/bread"))
    assert added.id is not None
    assert added.created_at == added.updated_at == now
    assert store.posts.get(added.id) == added

    changed = store.posts.update(added.model_copy(update={"body": "Back on Tuesday"}))
    assert changed.body == "Back on Tuesday"
    assert changed.created_at == now

    store.posts.delete(added.id)
    with pytest.raises(NotFoundError):
        store.posts.get(added.id)


def test_in_range_is_half_open_and_filtered(
    store: Store, brand: Brand, channels: list[Channel], pillars: list[Pillar]
) -> None:
    start, end = week_bounds(at(24), TORONTO)  # Mon 23 Nov 05:00 UTC .. Mon 30 Nov 05:00 UTC
    linkedin, instagram, _x = channels
    inside = [
        store.posts.add(new_post(brand, linkedin, scheduled_at=start)),
        store.posts.add(
            new_post(brand, instagram, scheduled_at=at(25), pillar_id=pillars[1].id, body="Promo")
        ),
        store.posts.add(
            new_post(brand, linkedin, scheduled_at=end - timedelta(seconds=1), status="draft")
        ),
    ]
    store.posts.add(new_post(brand, linkedin, scheduled_at=end))  # half-open: excluded
    store.posts.add(new_post(brand, linkedin, scheduled_at=start - timedelta(seconds=1)))
    store.posts.add(new_post(brand, linkedin, scheduled_at=None, status="idea"))
    other = store.brands.add(Brand(name="Birch Café", timezone="Europe/Paris"))
    assert other.id is not None
    store.posts.add(Post(brand_id=other.id, scheduled_at=at(25)))

    assert store.posts.in_range(brand.id, start, end) == inside  # type: ignore[arg-type]
    assert brand.id is not None
    by_channel = store.posts.in_range(brand.id, start, end, PostFilter(channel_id=instagram.id))
    assert [post.id for post in by_channel] == [inside[1].id]
    assert store.posts.in_range(brand.id, start, end, PostFilter(pillar_id=pillars[1].id)) == [
        inside[1]
    ]
    assert store.posts.in_range(brand.id, start, end, PostFilter(status=PostStatus.DRAFT)) == [
        inside[2]
    ]
    assert store.posts.in_range(brand.id, start, end, PostFilter(text="promo")) == [inside[1]]
    assert store.posts.in_range(brand.id, start, end, PostFilter(campaign="none")) == []


def test_month_among_50000_posts_loads_only_that_month(
    store: Store, brand: Brand, channels: list[Channel], now: datetime
) -> None:
    """Months load through a range query on the index, whatever the workspace's size."""
    assert brand.id is not None
    other = store.brands.add(Brand(name="Birch Café", timezone="Europe/Paris"))
    randomiser = random.Random(4)
    first = datetime(2024, 1, 1, tzinfo=UTC)
    rows = []
    for index in range(50_000):
        moment = first + timedelta(minutes=randomiser.randrange(0, 3 * 365 * 24 * 60))
        rows.append(
            {
                "brand_id": brand.id if index % 5 else other.id,
                "channel_id": channels[index % 3].id if index % 5 else None,
                "title": f"Post {index}",
                "body": "",
                "status": "scheduled",
                "scheduled_at": moment,
                "created_at": now,
                "updated_at": now,
            }
        )
    with store.write() as session:
        session.execute(insert(PostRow), rows)

    start, end = month_bounds(at(15), TORONTO)
    expected = [
        (row["scheduled_at"], row["title"])
        for _index, row in sorted(  # ties on time are ordered by id, i.e. insertion order
            (
                (index, row)
                for index, row in enumerate(rows)
                if row["brand_id"] == brand.id and start <= row["scheduled_at"] < end
            ),
            key=lambda pair: (pair[1]["scheduled_at"], pair[0]),
        )
    ]
    month = store.posts.in_range(brand.id, start, end)
    assert 0 < len(month) < 2_000
    assert [(post.scheduled_at, post.title) for post in month] == expected
    assert all(start <= post.scheduled_at < end for post in month)  # type: ignore[operator]

    counts = store.posts.count_by_channel(brand.id, start, end)
    assert sum(counts.values()) == len(month)

    query = store.posts.range_query(brand.id, start, end)
    compiled = query.compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.read() as session:
        plan = " ".join(
            str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        )
    assert "USING INDEX ix_post_brand_scheduled" in plan, plan
    assert "SCAN post" not in plan.replace("USING INDEX", ""), plan


def test_move(store: Store, brand: Brand, channels: list[Channel], clock: Any) -> None:
    added = store.posts.add(new_post(brand, channels[0]))
    assert added.id is not None
    moved = store.posts.move(added.id, at(26, 9))
    assert moved.scheduled_at == at(26, 9)
    assert store.posts.get(added.id).scheduled_at == at(26, 9)
    with pytest.raises(DomainError):
        store.posts.move(added.id, datetime(2026, 11, 26, 9))
    with pytest.raises(NotFoundError):
        store.posts.move(added.id + 100, at(26))


def test_duplicate_is_never_published(
    store: Store, brand: Brand, channels: list[Channel], now: datetime
) -> None:
    source = store.posts.add(
        new_post(
            brand,
            channels[0],
            status="published",
            published_at=at(20),
            published_url="https://linkedin.com/p/1",
            hashtags="#bread",
        )
    )
    assert source.id is not None
    copy = store.posts.duplicate(source.id)
    assert copy.id != source.id
    assert (copy.body, copy.hashtags, copy.channel_id, copy.scheduled_at) == (
        source.body,
        source.hashtags,
        source.channel_id,
        source.scheduled_at,
    )
    assert copy.status is PostStatus.DRAFT
    assert copy.published_at is None and copy.published_url is None


def test_repurpose_to_two_channels(store: Store, brand: Brand, channels: list[Channel]) -> None:
    linkedin, instagram, x = channels
    source = store.posts.add(new_post(brand, linkedin, status="ready", utm_campaign="spring"))
    assert source.id is not None
    variants = store.posts.repurpose(source.id, [instagram.id, x.id])  # type: ignore[list-item]
    assert [variant.channel_id for variant in variants] == [instagram.id, x.id]
    assert all(variant.repurposed_from_id == source.id for variant in variants)
    assert all(variant.status is PostStatus.DRAFT for variant in variants)
    assert all(variant.utm_campaign == "spring" for variant in variants)
    assert store.posts.variants(source.id) == variants
    assert store.posts.get(source.id) == source  # the source is untouched

    other = store.brands.add(Brand(name="Birch Café", timezone="Europe/Paris"))
    assert other.id is not None
    foreign = store.channels.add(Channel(brand_id=other.id, platform="x", handle="@birch"))
    with pytest.raises(DomainError) as error:
        store.posts.repurpose(source.id, [instagram.id, foreign.id])  # type: ignore[list-item]
    assert error.value.field == "channel_ids"
    assert store.posts.variants(source.id) == variants  # nothing half-made


def test_counts_by_channel_and_pillar(
    store: Store, brand: Brand, channels: list[Channel], pillars: list[Pillar]
) -> None:
    linkedin, instagram, _x = channels
    value, promote = pillars
    plan = [
        (linkedin, value, "scheduled"),
        (linkedin, promote, "draft"),
        (linkedin, value, "skipped"),
        (instagram, promote, "ready"),
        (instagram, None, "idea"),
    ]
    for channel, pillar, status in plan:
        store.posts.add(
            new_post(brand, channel, pillar_id=pillar.id if pillar else None, status=status)
        )
    store.posts.add(new_post(brand, linkedin, scheduled_at=at(2, month=12)))  # next month
    assert brand.id is not None
    start, end = month_bounds(at(15), TORONTO)
    assert store.posts.count_by_channel(brand.id, start, end) == {linkedin.id: 2, instagram.id: 2}
    assert store.posts.count_by_pillar(brand.id, start, end) == {
        value.id: 1,
        promote.id: 2,
        None: 1,
    }


def test_status_moves_along_the_flow_only(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    post = store.posts.add(new_post(brand, channels[0], status=PostStatus.DRAFT))
    assert store.posts.set_status(post.id or 0, PostStatus.READY).status is PostStatus.READY
    with pytest.raises(DomainError) as caught:
        store.posts.set_status(post.id or 0, PostStatus.IDEA)  # two steps back
    assert caught.value.field == "status"
    with pytest.raises(DomainError):
        store.posts.set_status(post.id or 0, PostStatus.PUBLISHED)  # needs URL and time
    assert store.posts.get(post.id or 0).status is PostStatus.READY


def test_publish_records_url_and_time_and_unpublish_clears_the_time(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    post = store.posts.add(new_post(brand, channels[0], status=PostStatus.SCHEDULED))
    with pytest.raises(DomainError):
        store.posts.publish(post.id or 0, "not a url", at(20))
    assert store.posts.get(post.id or 0).status is PostStatus.SCHEDULED
    done = store.posts.publish(post.id or 0, "https://linkedin.com/p/1", at(20, 15))
    assert (done.status, done.published_url, done.published_at) == (
        PostStatus.PUBLISHED,
        "https://linkedin.com/p/1",
        at(20, 15),
    )
    back = store.posts.set_status(post.id or 0, PostStatus.SCHEDULED)
    assert back.published_at is None


def test_unscheduled_ideas_and_campaigns(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    store.posts.add(new_post(brand, channels[0], scheduled_at=None, title="Someday"))
    store.posts.add(new_post(brand, channels[1], campaign="winter"))
    store.posts.add(new_post(brand, channels[2], campaign="winter"))
    store.posts.add(new_post(brand, channels[2], campaign="spring"))
    assert [p.title for p in store.posts.unscheduled(brand.id or 0)] == ["Someday"]
    assert store.posts.campaigns(brand.id or 0) == ["spring", "winter"]


def test_publishing_a_blog_article_owes_outreach_once(store: Store, brand: Brand) -> None:
    assert brand.id is not None
    blog = store.channels.add(Channel(brand_id=brand.id, platform=Platform.BLOG, handle="journal"))
    post = store.posts.add(new_post(brand, blog, title="Winter bread"))
    store.posts.publish(post.id or 0, "https://maple.example.com/winter", at(24, 15))
    store.posts.set_status(post.id or 0, PostStatus.SCHEDULED)
    store.posts.publish(post.id or 0, "https://maple.example.com/winter", at(24, 16))
    with store.read() as session:
        rows = session.execute(
            text("SELECT kind, external_id FROM inbox_item ORDER BY external_id")
        ).all()
    assert [tuple(row) for row in rows] == [
        ("outreach", f"outreach:{post.id}:1"),
        ("outreach", f"outreach:{post.id}:2"),
    ]
