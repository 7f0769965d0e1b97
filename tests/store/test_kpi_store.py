"""Tests of the KPI repositories on a real SQLite workspace: metric values (one per day,
series, latest, due) and the post-performance figures computed in SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from smtui.domain.engagement import engagement_rate
from smtui.domain.enums import MetricFrequency, ObjectiveType, Platform, PostStatus
from smtui.domain.kpi import MetricValue, PostMetric
from smtui.domain.models import Brand, Channel, Metric, Objective, Pillar
from smtui.domain.pace import PaceVerdict
from smtui.domain.post import Post
from smtui.domain.validation import DomainError
from smtui.store import Store
from smtui.store.repositories.post_metrics import engagement_rate_sql
from smtui.store.tables import PostMetricRow

MONDAY = date(2026, 11, 23)


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Test", timezone="America/Toronto"))


def metric(store: Store, brand: Brand, name: str, frequency: MetricFrequency) -> Metric:
    assert brand.id is not None
    return store.metrics.add(Metric(brand_id=brand.id, name=name, frequency=frequency))


def test_one_value_per_metric_and_day(store: Store, brand: Brand) -> None:
    followers = metric(store, brand, "Followers", MetricFrequency.DAILY)
    assert followers.id is not None
    first = store.metric_values.log(followers.id, MONDAY, 100)
    again = store.metric_values.log(followers.id, MONDAY, 120, "after the giveaway")
    assert again.id == first.id and again.value == 120 and again.note == "after the giveaway"
    store.metric_values.log(followers.id, MONDAY - timedelta(days=1), 90)
    series = store.metric_values.series(followers.id, MONDAY - timedelta(days=7), MONDAY)
    assert [(value.date, value.value) for value in series] == [
        (MONDAY - timedelta(days=1), 90),
        (MONDAY, 120),
    ]
    latest = store.metric_values.latest(followers.id)
    assert latest is not None and latest.value == 120


def test_edit_and_delete_a_past_value(store: Store, brand: Brand) -> None:
    followers = metric(store, brand, "Followers", MetricFrequency.DAILY)
    assert followers.id is not None
    old = store.metric_values.log(followers.id, MONDAY - timedelta(days=2), 80)
    store.metric_values.log(followers.id, MONDAY, 100)
    assert old.id is not None
    edited = store.metric_values.edit(old.id, MONDAY - timedelta(days=3), 85)
    assert (edited.date, edited.value) == (MONDAY - timedelta(days=3), 85)
    with pytest.raises(DomainError) as error:
        store.metric_values.edit(old.id, MONDAY, 1)
    assert error.value.field == "date"
    assert store.metric_values.get(old.id).value == 85  # nothing half-written
    store.metric_values.delete(old.id)
    assert [value.value for value in store.metric_values.recent(followers.id)] == [100]


def test_due_follows_each_metric_frequency(store: Store, brand: Brand) -> None:
    daily = metric(store, brand, "Daily", MetricFrequency.DAILY)
    weekly = metric(store, brand, "Weekly", MetricFrequency.WEEKLY)
    monthly = metric(store, brand, "Monthly", MetricFrequency.MONTHLY)
    never = metric(store, brand, "Never logged", MetricFrequency.MONTHLY)
    assert daily.id and weekly.id and monthly.id and never.id
    store.metric_values.log(daily.id, MONDAY - timedelta(days=1), 1)
    store.metric_values.log(weekly.id, MONDAY - timedelta(days=1), 2)  # last Sunday
    store.metric_values.log(monthly.id, date(2026, 11, 2), 3)
    due = {item.metric.name: item for item in store.metric_values.due(brand.id, MONDAY)}
    assert set(due) == {"Daily", "Weekly", "Never logged"}
    assert due["Weekly"].last_value == 2 and due["Weekly"].last_date == MONDAY - timedelta(days=1)
    assert due["Never logged"].last_date is None
    store.metric_values.log_many(
        [
            MetricValue(metric_id=daily.id, date=MONDAY, value=5),
            MetricValue(metric_id=weekly.id, date=MONDAY, value=6),
        ]
    )
    assert [item.metric.name for item in store.metric_values.due(None, MONDAY)] == ["Never logged"]
    assert [item.metric.name for item in store.metric_values.due(brand.id, date(2026, 12, 1))] == [
        "Daily",
        "Monthly",
        "Never logged",
        "Weekly",
    ]


def test_pace_of_an_objective_reads_its_metric(store: Store, brand: Brand) -> None:
    assert brand.id is not None
    objective = store.objectives.add(
        Objective(
            brand_id=brand.id,
            statement="Grow the followers of the page",
            type=ObjectiveType.AWARENESS,
            metric_name="Followers",
            baseline=100,
            target=200,
            start_date=MONDAY - timedelta(days=30),
            due_date=MONDAY + timedelta(days=30),
        )
    )
    assert objective.metric_id is not None
    assert store.metric_values.pace(objective, MONDAY).verdict is None
    for offset in range(10):
        store.metric_values.log(
            objective.metric_id, MONDAY - timedelta(days=10 - offset), 150 + 2 * offset
        )
    pace = store.metric_values.pace(objective, MONDAY)
    assert pace.current_rate == pytest.approx(2)
    assert pace.verdict is PaceVerdict.ON_TRACK


@pytest.fixture
def published(store: Store, brand: Brand) -> dict[str, int]:
    """Three published posts on two channels with numbers, one planned, one skipped."""
    assert brand.id is not None
    insta = store.channels.add(Channel(brand_id=brand.id, platform=Platform.INSTAGRAM, handle="@i"))
    linked = store.channels.add(Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="L"))
    pillar = store.pillars.add(Pillar(brand_id=brand.id, name="Craft", target_share=50))
    ids: dict[str, int] = {}
    specs = [
        # name, channel, hour UTC, numbers (impressions, reach, engagements, clicks), utm
        ("best", insta, 13, (1000, 800, 90, 5), "winter"),
        ("reach only", linked, 15, (None, 400, 20, 7), "winter"),
        ("worst", insta, 22, (2000, 1500, 10, None), ""),
    ]
    for day, (name, channel, hour, numbers, utm) in enumerate(specs, start=1):
        when = datetime(2026, 11, 10 + day, hour, 0, tzinfo=UTC)
        post = store.posts.add(
            Post(
                brand_id=brand.id,
                channel_id=channel.id,
                pillar_id=pillar.id if name != "worst" else None,
                title=name,
                status=PostStatus.PUBLISHED,
                scheduled_at=when,
                published_at=when,
                utm_campaign=utm,
                post_type="image" if name == "best" else "",
            )
        )
        assert post.id is not None
        ids[name] = post.id
        impressions, reach, engagements, clicks = numbers
        store.post_metrics.upsert(
            PostMetric(
                post_id=post.id,
                date=when.date(),
                impressions=impressions,
                reach=reach,
                engagements=engagements,
                clicks=clicks,
            )
        )
    # An older snapshot of "best" must not be the one counted.
    store.post_metrics.upsert(
        PostMetric(post_id=ids["best"], date=date(2026, 11, 1), impressions=1, engagements=1)
    )
    for status in (PostStatus.SCHEDULED, PostStatus.SKIPPED):
        store.posts.add(
            Post(
                brand_id=brand.id,
                channel_id=insta.id,
                title=status.value,
                status=status,
                scheduled_at=datetime(2026, 11, 20, 14, tzinfo=UTC),
            )
        )
    ids["instagram"], ids["linkedin"], ids["pillar"] = insta.id, linked.id, pillar.id  # type: ignore[assignment]
    return ids


START = datetime(2026, 11, 1, tzinfo=UTC)
END = datetime(2026, 12, 1, tzinfo=UTC)


def test_top_and_bottom_posts_by_engagement_rate(
    store: Store, brand: Brand, published: dict[str, int]
) -> None:
    assert brand.id is not None
    best = store.post_metrics.ranked(brand.id, START, END, limit=2)
    assert [post.title for post in best] == ["best", "reach only"]
    assert best[0].rate == pytest.approx(90 / 1000)
    assert best[1].rate == pytest.approx(20 / 400)  # no impressions: engagements / reach
    worst = store.post_metrics.ranked(brand.id, START, END, limit=1, best=False)
    assert [post.title for post in worst] == ["worst"]


def test_breakdowns_heatmap_utm_and_planned(
    store: Store, brand: Brand, published: dict[str, int]
) -> None:
    assert brand.id is not None
    by_channel = {
        item.key: item for item in store.post_metrics.breakdown(brand.id, START, END, "channel")
    }
    insta = by_channel[published["instagram"]]
    assert (insta.posts, insta.impressions, insta.engagements) == (2, 3000, 100)
    by_pillar = {
        item.key: item.posts
        for item in store.post_metrics.breakdown(brand.id, START, END, "pillar")
    }
    assert by_pillar == {published["pillar"]: 2, None: 1}
    by_type = {
        item.key: item.posts
        for item in store.post_metrics.breakdown(brand.id, START, END, "post_type")
    }
    assert by_type == {"image": 1, None: 2}
    heat = store.post_metrics.heatmap(brand.id, START, END, "America/Toronto")
    # 13:00 UTC on Wednesday 11 November is 08:00 in Toronto (EST, UTC-5).
    assert heat[(2, 8)].posts == 1 and heat[(2, 8)].engagements == 90
    assert sum(cell.posts for cell in heat.values()) == 3
    assert [
        (item.campaign, item.posts, item.clicks)
        for item in store.post_metrics.utm_clicks(brand.id, START, END)
    ] == [("winter", 2, 12)]
    planned = {
        item.channel_id: (item.planned, item.published)
        for item in store.post_metrics.planned_vs_published(brand.id, START, END)
    }
    assert planned == {published["instagram"]: (3, 2), published["linkedin"]: (1, 1)}


@pytest.mark.parametrize(
    ("engagements", "impressions", "reach"),
    [(50, 1000, 400), (50, None, 400), (50, 0, 400), (50, None, None), (50, 0, 0), (None, 10, 5)],
)
def test_sql_engagement_rate_matches_the_domain(
    store: Store,
    brand: Brand,
    published: dict[str, int],
    engagements: int | None,
    impressions: int | None,
    reach: int | None,
) -> None:
    store.post_metrics.upsert(
        PostMetric(
            post_id=published["best"],
            date=date(2026, 1, 1),
            impressions=impressions,
            reach=reach,
            engagements=engagements,
        )
    )
    with store.read() as session:
        row = session.scalar(select(PostMetricRow).where(PostMetricRow.date == date(2026, 1, 1)))
        assert row is not None
        in_sql = session.scalar(
            select(
                engagement_rate_sql(
                    PostMetricRow.engagements, PostMetricRow.impressions, PostMetricRow.reach
                )
            ).where(PostMetricRow.id == row.id)
        )
    expected = engagement_rate(engagements, impressions, reach)
    assert in_sql == (pytest.approx(expected) if expected is not None else None)
