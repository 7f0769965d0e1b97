"""Provides the numbers of the demo workspace: six months of daily values for every demo
metric, and per-post metrics for the posts already published.

The values are deterministic (no randomness: a snapshot of the demo is the same every run)
and shaped so that the KPI screen shows each verdict: the awareness objective is on track,
the acquisition one at risk and the loyalty one behind. Each objective's series ends on the
line that makes its projection land at a chosen share of the way from baseline to target,
so the verdicts hold whatever dates the strategy part gives the objectives.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from smtui.demo.workspace import DemoWorkspace
from smtui.domain.clock import Clock
from smtui.domain.enums import MetricFrequency, ObjectiveStatus, ObjectiveType, Platform, PostStatus
from smtui.domain.i18n import _
from smtui.domain.kpi import MetricValue, PostMetric
from smtui.domain.models import Metric, Objective
from smtui.domain.pace import WINDOW_DAYS

if TYPE_CHECKING:
    from smtui.store import Store

HISTORY_DAYS = 183
# Where each objective's projection lands, as a share of the way from baseline to target.
PROJECTED_SHARE: dict[ObjectiveType, float] = {
    ObjectiveType.AWARENESS: 1.15,  # on track
    ObjectiveType.ACQUISITION: 0.95,  # at risk
    ObjectiveType.LOYALTY: 0.45,  # behind
}
# How far along the way each objective is today.
PROGRESS_TODAY = 0.2


def _wobble(index: int, amplitude: float) -> float:
    """A small deterministic ripple, so the trend lines do not look ruled."""
    return amplitude * math.sin(index * 1.7) * 0.5 + amplitude * math.sin(index * 0.45) * 0.5


def _objective_series(objective: Objective, days: list[date], today: date) -> list[float]:
    """Values ending on a line whose projection hits the objective's chosen share."""
    baseline = objective.baseline or 0.0
    target = objective.target or baseline
    due = objective.due_date or today + timedelta(days=90)
    way = target - baseline
    share = PROJECTED_SHARE.get(objective.type, 1.0)
    last_day = days[-1]
    latest = baseline + PROGRESS_TODAY * way
    slope = (baseline + share * way - latest) / max((due - last_day).days, 1)
    recent = last_day - timedelta(days=WINDOW_DAYS + 7)
    values = []
    for index, day in enumerate(days):
        if day >= recent:
            value = latest + slope * (day - last_day).days
            value += _wobble(index, abs(way) * 0.004)
        else:
            at_recent = latest + slope * (recent - last_day).days
            value = at_recent + slope * 0.4 * (day - recent).days
            value += _wobble(index, abs(way) * 0.02)
        values.append(max(value, 0.0))
    return values


# name -> (start, change per day, weekly swing): metrics no live objective shapes.
_FREE_SERIES: dict[str, tuple[float, float, float]] = {
    "Catering quote requests": (5.0, 0.01, 0.5),
    "Median reply time": (6.5, -0.018, 0.6),
    "LinkedIn followers": (780.0, 0.9, 0.0),
    "Newsletter subscribers": (1350.0, 1.6, 0.0),
    "Website visits from social": (95.0, 0.12, 25.0),
}


def _free_series(name: str, days: list[date]) -> list[float]:
    start, change, swing = _FREE_SERIES.get(name, (100.0, 0.2, 3.0))
    values = []
    for index, day in enumerate(days):
        weekly = swing * (1.0 if day.weekday() in (5, 6) else -0.4)
        values.append(max(start + change * index + weekly + _wobble(index, swing * 0.3), 0.0))
    return values


def _extra_metrics(demo: DemoWorkspace) -> list[Metric]:
    """Channel and brand-wide metrics not tied to an objective, for the metric cards."""
    brand_id = demo.brand_id
    linkedin = demo.channels.get(Platform.LINKEDIN)
    newsletter = demo.channels.get(Platform.NEWSLETTER)
    return [
        Metric(
            brand_id=brand_id,
            name=_("LinkedIn followers"),
            channel_id=linkedin.id if linkedin else None,
        ),
        Metric(
            brand_id=brand_id,
            name=_("Newsletter subscribers"),
            channel_id=newsletter.id if newsletter else None,
        ),
        Metric(
            brand_id=brand_id,
            name=_("Website visits from social"),
            unit=_("visits / day"),
            frequency=MetricFrequency.DAILY,
        ),
    ]


def fill_kpis(store: Store, demo: DemoWorkspace, clock: Clock) -> None:
    """Log the demo's metric values and its published posts' numbers."""
    zone = ZoneInfo(demo.brand.timezone)
    today = clock().astimezone(zone).date()
    days = [today - timedelta(days=offset) for offset in range(HISTORY_DAYS, 0, -1)]
    known = {metric.name for metric in store.metrics.list(demo.brand_id)}
    for metric in _extra_metrics(demo):
        if metric.name not in known:
            store.metrics.add(metric)
    shaping = {
        objective.metric_id: objective
        for objective in store.objectives.list(demo.brand_id)
        if objective.status is ObjectiveStatus.ACTIVE and objective.metric_id is not None
    }
    entries: list[MetricValue] = []
    for metric in store.metrics.list(demo.brand_id):
        assert metric.id is not None
        objective = shaping.get(metric.id)
        series = (
            _objective_series(objective, days, today)
            if objective
            else _free_series(_source_name(metric.name), days)
        )
        decimals = 1 if not metric.higher_is_better else 0
        entries.extend(
            MetricValue(metric_id=metric.id, date=day, value=round(value, decimals))
            for day, value in zip(days, series, strict=True)
        )
    store.metric_values.log_many(entries)
    _fill_post_metrics(store, demo, clock)


def _source_name(name: str) -> str:
    """The English name a translated metric name came from, to find its series."""
    for english in _FREE_SERIES:
        if _(english) == name:
            return english
    return name


_REACH = {
    Platform.INSTAGRAM: 950,
    Platform.FACEBOOK: 520,
    Platform.LINKEDIN: 700,
    Platform.BLOG: 320,
    Platform.NEWSLETTER: 1250,
}


def _fill_post_metrics(store: Store, demo: DemoWorkspace, clock: Clock) -> None:
    """Numbers for every published demo post, varied by channel, pillar and hour."""
    now = clock()
    zone = ZoneInfo(demo.brand.timezone)
    platforms = {channel.id: platform for platform, channel in demo.channels.items()}
    pillar_rank = {pillar.id: index for index, pillar in enumerate(demo.pillars)}
    posts = store.posts.in_range(demo.brand_id, now - timedelta(days=HISTORY_DAYS), now)
    for post in posts:
        if post.status is not PostStatus.PUBLISHED or post.published_at is None:
            continue
        assert post.id is not None
        local = post.published_at.astimezone(zone)
        base = _REACH.get(platforms.get(post.channel_id, Platform.OTHER), 400)
        seed = (post.id * 37) % 17
        morning = 1.25 if 7 <= local.hour <= 10 else 1.0
        impressions = int(base * morning * (0.8 + seed / 40))
        # Team and bakery posts draw the most answers; offers the fewest (the seeds' 80/20).
        rates = (0.052, 0.041, 0.022, 0.071)
        rate = rates[pillar_rank.get(post.pillar_id, 1) % len(rates)] * (0.85 + seed / 60)
        engagements = int(impressions * rate)
        store.post_metrics.upsert(
            PostMetric(
                post_id=post.id,
                date=local.date(),
                impressions=impressions,
                reach=int(impressions * 0.72),
                engagements=engagements,
                likes=int(engagements * 0.7),
                comments=int(engagements * 0.15),
                shares=int(engagements * 0.1),
                saves=int(engagements * 0.05),
                clicks=(12 + seed) if post.link_url else None,
            )
        )
