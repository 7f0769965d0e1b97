"""Tests of the demo calendar: six weeks of posts around now with the situations the calendar
and Today screens exist to show (an overdue post today, a repurposed piece, a cadence gap
this week, a promotion-heavy month), built the same way every time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from smtui.demo import fill_demo
from smtui.domain.cadence import Verdict, check_channels, check_mix, in_the_past, period_of
from smtui.domain.clock import Clock, fixed
from smtui.domain.enums import CadencePeriod, Platform, PostStatus
from smtui.domain.i18n import set_language
from smtui.domain.local_time import day_bounds, days_bounds, local
from smtui.domain.models import Brand
from smtui.domain.post import Post
from smtui.store import Store

# The fixed Monday morning of the tests, and a Thursday afternoon in the week DST starts.
INSTANTS = [
    datetime(2026, 11, 23, 13, 30, tzinfo=UTC),
    datetime(2027, 3, 11, 19, 0, tzinfo=UTC),
]


@pytest.fixture(scope="module", params=INSTANTS, ids=["monday-november", "thursday-march"])
def demo_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Brand, Clock]]:
    """One demo per instant, shared by the module's tests (they only read it)."""
    set_language("en")
    clock = fixed(request.param)
    store, _result = Store.open(tmp_path_factory.mktemp("demo") / "demo.sqlite", clock)
    brand = fill_demo(store, clock)
    yield store, brand, clock
    store.close()


def channels_by_platform(store: Store, brand: Brand) -> dict[Platform, int]:
    assert brand.id is not None
    return {channel.platform: channel.id for channel in store.channels.list(brand.id)}  # type: ignore[misc]


def six_weeks(store: Store, brand: Brand, today: date) -> list[Post]:
    assert brand.id is not None
    monday = today - timedelta(days=today.weekday())
    start, end = days_bounds(
        monday - timedelta(weeks=3), monday + timedelta(days=20), brand.timezone
    )
    return store.posts.in_range(brand.id, start, end)


def test_overdue_post_and_more_due_later_today(demo_store: tuple[Store, Brand, Clock]) -> None:
    store, brand, clock = demo_store
    assert brand.id is not None
    now = clock()
    today = local(now, brand.timezone).date()
    start, end = day_bounds(today, brand.timezone)
    todays = store.posts.in_range(brand.id, start, end)
    overdue = [post for post in todays if in_the_past(post, now)]
    assert len(overdue) == 1
    (late,) = overdue
    assert late.status is PostStatus.READY
    assert late.published_at is None
    assert local(late.scheduled_at, brand.timezone).time() == time(7, 0)  # type: ignore[arg-type]
    later = [post for post in todays if post.scheduled_at > now]  # type: ignore[operator]
    assert 2 <= len(later) <= 3
    assert all(post.status in (PostStatus.READY, PostStatus.SCHEDULED) for post in later)


def test_one_repurposed_blog_article_with_two_variants(
    demo_store: tuple[Store, Brand, Clock],
) -> None:
    store, brand, clock = demo_store
    today = local(clock(), brand.timezone).date()
    posts = six_weeks(store, brand, today)
    platforms = channels_by_platform(store, brand)
    sources = {post.repurposed_from_id for post in posts if post.repurposed_from_id}
    assert len(sources) == 1
    source = store.posts.get(sources.pop())
    assert source.channel_id == platforms[Platform.BLOG]
    variants = store.posts.variants(source.id)  # type: ignore[arg-type]
    assert {variant.channel_id for variant in variants} == {
        platforms[Platform.LINKEDIN],
        platforms[Platform.INSTAGRAM],
    }
    for variant in variants:
        assert variant.body != source.body  # each has its own text for its platform
        assert variant.scheduled_at > source.scheduled_at  # type: ignore[operator]
        assert variant.link_url == source.link_url


def test_linkedin_is_below_its_cadence_this_week(demo_store: tuple[Store, Brand, Clock]) -> None:
    store, brand, clock = demo_store
    assert brand.id is not None
    period = period_of(clock(), CadencePeriod.WEEK, brand.timezone)
    counts = store.posts.count_by_channel(brand.id, period.start, period.end)
    checks = check_channels(store.channels.list(brand.id), counts, period, clock())  # type: ignore[arg-type]
    below = [check for check in checks if check.verdict is Verdict.BELOW]
    assert [check.name for check in below] == ["LinkedIn"]
    assert below[0].text.endswith("of 2-3 this week")
    assert not [check for check in checks if check.verdict is Verdict.ABOVE]


def test_promotion_is_over_its_share_this_month(demo_store: tuple[Store, Brand, Clock]) -> None:
    store, brand, clock = demo_store
    assert brand.id is not None
    period = period_of(clock(), CadencePeriod.MONTH, brand.timezone)
    counts = store.posts.count_by_pillar(brand.id, period.start, period.end)
    checks = {check.name: check for check in check_mix(store.pillars.list(brand.id), counts)}
    promotion = checks["Orders and offers"]
    assert promotion.verdict is Verdict.ABOVE
    assert promotion.share >= 30
    assert promotion.text == f"Orders and offers {promotion.share}% vs 20% target"


def test_six_weeks_across_channels_statuses_and_types(
    demo_store: tuple[Store, Brand, Clock],
) -> None:
    store, brand, clock = demo_store
    now = clock()
    today = local(now, brand.timezone).date()
    posts = six_weeks(store, brand, today)
    assert len(posts) >= 45
    assert set(channels_by_platform(store, brand).values()) == {post.channel_id for post in posts}
    past = [post for post in posts if post.scheduled_at < now]  # type: ignore[operator]
    future = [post for post in posts if post.scheduled_at > now]  # type: ignore[operator]
    published = [post for post in past if post.status is PostStatus.PUBLISHED]
    assert len(published) >= len(past) - 2
    assert all(post.published_at and post.published_url for post in published)
    assert {post.status for post in future} == {
        PostStatus.IDEA,
        PostStatus.DRAFT,
        PostStatus.READY,
        PostStatus.SCHEDULED,
    }
    assert {"text", "image", "video", "link", "carousel"} <= {post.post_type for post in posts}
    assert all(post.pillar_id for post in posts)
    assert any(post.hashtags for post in posts)
    assert any(post.link_url and post.utm_campaign for post in posts)
    assert Counter(post.campaign for post in posts)["fetes-2026"] >= 3
    assert any("é" in post.body for post in posts)  # some in French


def test_recurring_slots_for_the_channels(demo_store: tuple[Store, Brand, Clock]) -> None:
    store, brand, _clock = demo_store
    assert brand.id is not None
    platforms = channels_by_platform(store, brand)
    slots = {
        (slot.channel_id, slot.weekday, slot.time_local) for slot in store.slots.list(brand.id)
    }
    assert {
        (platforms[Platform.LINKEDIN], 1, "09:30"),
        (platforms[Platform.LINKEDIN], 3, "09:30"),
    } <= slots
    assert {(platforms[Platform.INSTAGRAM], day, "12:00") for day in (0, 2, 4)} <= slots
    assert (platforms[Platform.BLOG], 3, "10:00") in slots


def test_the_demo_is_the_same_every_time(tmp_path: Path) -> None:
    clock = fixed(INSTANTS[0])

    def build(name: str) -> list[tuple[object, ...]]:
        store, _result = Store.open(tmp_path / name, clock)
        try:
            brand = fill_demo(store, clock)
            today = local(clock(), brand.timezone).date()
            return [
                (post.scheduled_at, post.title, post.body, post.status, post.published_url)
                for post in six_weeks(store, brand, today)
            ]
        finally:
            store.close()

    assert build("one.sqlite") == build("two.sqlite")
