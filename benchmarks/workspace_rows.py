"""Provides the rows of the large benchmark workspace: posts, queue items, metric values and
post metrics, generated lazily (a million queue items never sit in memory at once) from the
demo's texts, in the exact column formats SQLAlchemy stores, for plain ``executemany``.

Everything the hot reads look at is shaped the same whatever the size asked for, so that the
benchmark's "small against large" figure compares the same work on tables of different sizes:
every brand has ``WINDOW_PER_DAY`` posts a day for ``WINDOW_DAYS`` days either side of today
and ``OPEN_PER_BRAND`` items left to answer; only the history behind them grows.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.dialects import sqlite

from smtui.demo.calendar import pieces
from smtui.demo.calendar_pieces import Piece
from smtui.demo.queue_content import HANDLED_AFTER, ITEMS, REPLIES
from smtui.domain.enums import InboxKind, InboxStatus, Platform, PostStatus
from smtui.domain.inbox import parse_tags, tags_column
from smtui.domain.intake import IntakeRules
from smtui.domain.models import Channel, Metric, Objective, Pillar
from smtui.domain.priority import priority_for
from smtui.domain.response_time import due_at, target_minutes

WINDOW_DAYS = 60
WINDOW_PER_DAY = 4
OPEN_PER_BRAND = 600
OPEN_SPAN = timedelta(days=10)

_DIALECT = sqlite.dialect()
_INSTANT = sqlite.DATETIME().bind_processor(_DIALECT)
_DAY = sqlite.DATE().bind_processor(_DIALECT)


def instant(value: datetime | None) -> str | None:
    """An aware instant as the UTCDateTime column stores it (naive UTC text)."""
    if value is None:
        return None
    assert _INSTANT is not None
    return _INSTANT(value.astimezone(UTC).replace(tzinfo=None))  # type: ignore[no-any-return]


def day_text(value: date) -> str:
    assert _DAY is not None
    return _DAY(value)  # type: ignore[no-any-return]


@dataclass
class BrandPlan:
    """One brand's rows to make, and what they link to (read back from the store)."""

    brand_id: int
    timezone: str
    now: datetime
    channels: list[Channel]
    pillars: list[Pillar]
    objectives: list[Objective]
    metrics: list[Metric]
    rules: IntakeRules
    rng: random.Random
    first_value_day: dict[int, date] = field(default_factory=dict)

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone)

    @property
    def today(self) -> date:
        return self.now.astimezone(self.zone).date()

    def channel(self, platform: Platform) -> Channel:
        for channel in self.channels:
            if channel.platform is platform:
                return channel
        return self.channels[0]


@lru_cache(maxsize=16)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


# --- posts -------------------------------------------------------------------------------

POST_COLUMNS = (
    "brand_id", "channel_id", "pillar_id", "objective_id", "title", "body", "visual",
    "call_to_action", "hashtags", "link_url", "utm_campaign", "utm_content", "scheduled_at",
    "status", "published_at", "published_url", "campaign", "repurposed_from_id", "notes",
    "post_type", "external_id", "created_at", "updated_at",
)  # fmt: skip


def post_days(plan: BrandPlan, count: int, years: int) -> list[date | None]:
    """The local day of each post: the window around today at its fixed density first, the
    rest spread over the history behind it; one in a hundred left unscheduled (an idea)."""
    today = plan.today
    window = [
        today + timedelta(days=offset)
        for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1)
        for _n in range(WINDOW_PER_DAY)
    ]
    if count <= len(window):
        return sorted(plan.rng.sample(window, count))  # type: ignore[arg-type]
    rest = count - len(window)
    ideas = rest // 100
    history_days = max(years * 365 - WINDOW_DAYS, 1)
    start = today - timedelta(days=WINDOW_DAYS + history_days)
    history = sorted(
        start + timedelta(days=plan.rng.randrange(history_days)) for _n in range(rest - ideas)
    )
    return [*history, *window, *([None] * ideas)]


def _post_status(at: datetime, now: datetime, rng: random.Random) -> PostStatus:
    if at < now:
        if now - at < timedelta(days=3) and rng.random() < 0.3:
            return PostStatus.READY  # missed: still waiting to go out
        return PostStatus.SKIPPED if rng.random() < 0.03 else PostStatus.PUBLISHED
    days = (at - now).total_seconds() / 86_400
    if days < 3:
        return rng.choice((PostStatus.SCHEDULED, PostStatus.READY))
    if days < 14:
        return rng.choice((PostStatus.READY, PostStatus.DRAFT, PostStatus.SCHEDULED))
    return rng.choice((PostStatus.IDEA, PostStatus.DRAFT, PostStatus.DRAFT))


def post_rows(plan: BrandPlan, count: int, years: int) -> Iterator[tuple[Any, ...]]:
    """The brand's posts in calendar order, linked to its channels, pillars and objectives."""
    pool = pieces()
    platforms = [
        platform for platform in pool if any(c.platform is platform for c in plan.channels)
    ]
    by_type = {objective.type: objective.id for objective in plan.objectives}
    rng = plan.rng
    for number, day in enumerate(post_days(plan, count, years)):
        platform = platforms[number % len(platforms)]
        channel = plan.channel(platform)
        piece: Piece = rng.choice(pool[platform])
        pillar = plan.pillars[piece.pillar % len(plan.pillars)] if plan.pillars else None
        scheduled = None
        status = PostStatus.IDEA
        if day is not None:
            local = datetime.combine(day, time(rng.randrange(7, 21), rng.choice((0, 15, 30, 45))))
            scheduled = local.replace(tzinfo=plan.zone).astimezone(UTC)
            status = _post_status(scheduled, plan.now, rng)
        created = (scheduled or plan.now) - timedelta(days=7)
        published = scheduled + timedelta(minutes=2) if status is PostStatus.PUBLISHED else None
        url = (
            f"{channel.url or 'https://example.com'}/p/{plan.brand_id}-{number}"
            if published
            else None
        )
        yield (
            plan.brand_id,
            channel.id,
            pillar.id if pillar else None,
            by_type.get(piece.objective) if piece.objective else None,
            piece.title,
            piece.body,
            piece.visual,
            piece.cta,
            piece.hashtags,
            piece.link,
            piece.campaign,
            f"{platform.value}-{number}" if piece.link else "",
            instant(scheduled),
            status.value,
            instant(published),
            url,
            piece.campaign,
            None,
            "",
            piece.post_type,
            None,
            instant(created),
            instant(published or created),
        )


# --- queue items -------------------------------------------------------------------------

INBOX_COLUMNS = (
    "brand_id", "channel_id", "kind", "author_name", "author_handle", "text", "url",
    "received_at", "status", "priority", "due_at", "snoozed_until", "handled_at",
    "reply_text", "tags", "external_id", "source",
)  # fmt: skip
_OPEN = (
    (InboxStatus.NEW, 0.80),
    (InboxStatus.IN_PROGRESS, 0.08),
    (InboxStatus.ESCALATED, 0.07),
    (InboxStatus.SNOOZED, 0.05),
)
_DONE = ((InboxStatus.REPLIED, 0.6), (InboxStatus.DONE, 0.3), (InboxStatus.IGNORED, 0.1))


def _pick(rng: random.Random, weighted: Sequence[tuple[InboxStatus, float]]) -> InboxStatus:
    roll = rng.random()
    for status, weight in weighted:
        roll -= weight
        if roll < 0:
            return status
    return weighted[-1][0]


def _arrivals(plan: BrandPlan, count: int, years: int) -> list[tuple[float, int, bool]]:
    """(received timestamp, brand, open?) in time order: the open items in the last days,
    the handled ones over the whole history."""
    now = plan.now.timestamp()
    opened = min(count, OPEN_PER_BRAND)
    span = years * 365 * 86_400
    rng = plan.rng
    arrivals = [
        (now - rng.random() * OPEN_SPAN.total_seconds(), plan.brand_id, True)
        for _n in range(opened)
    ]
    arrivals.extend(
        (now - 7_200 - rng.random() * span, plan.brand_id, False) for _n in range(count - opened)
    )
    arrivals.sort()
    return arrivals


def inbox_rows(
    plans: Sequence[BrandPlan], counts: Sequence[int], years: int
) -> Iterator[tuple[Any, ...]]:
    """Every brand's items merged in arrival order (ids grow with time, as in real use), each
    with the priority and due time intake would give it (the domain's own functions)."""
    by_brand = {plan.brand_id: plan for plan in plans}
    ranks: dict[tuple[int, InboxKind, str], int] = {}
    streams = [_arrivals(plan, count, years) for plan, count in zip(plans, counts, strict=True)]
    for number, (stamp, brand_id, is_open) in enumerate(heapq.merge(*streams), start=1):
        plan = by_brand[brand_id]
        rng = plan.rng
        _hours, platform, kind, name, handle, text, _status, tags = ITEMS[rng.randrange(len(ITEMS))]
        channel = plan.channel(platform)
        received = datetime.fromtimestamp(stamp, UTC).replace(microsecond=0)
        rules = plan.rules
        minutes = target_minutes(kind, channel.id, rules.targets)
        due = due_at(received, minutes, rules.settings, rules.timezone)
        status = _pick(rng, _OPEN if is_open else _DONE)
        snoozed = handled = None
        reply = ""
        if status is InboxStatus.SNOOZED:
            snoozed = plan.now + timedelta(hours=rng.choice((-1, 20, 48)))
        elif not is_open:
            handled = received + timedelta(hours=HANDLED_AFTER[number % len(HANDLED_AFTER)])
            if status is InboxStatus.REPLIED:
                reply = REPLIES[number % len(REPLIES)][3].format(
                    author=name.split()[0], brand="us", item="it"
                )
        yield (
            brand_id,
            channel.id,
            kind.value,
            name,
            handle,
            text,
            f"{channel.url}/c/{number}" if channel.url else None,
            instant(received),
            status.value,
            _rank(ranks, brand_id, kind, text, rules),
            instant(due),
            instant(snoozed),
            instant(handled),
            reply,
            tags_column(parse_tags(tags)),
            f"bench-{number}",
            "import",
        )


def _rank(
    ranks: dict[tuple[int, InboxKind, str], int],
    brand_id: int,
    kind: InboxKind,
    text: str,
    rules: IntakeRules,
) -> int:
    """The keyword rules' priority, worked out once per brand, kind and text."""
    key = (brand_id, kind, text)
    if key not in ranks:
        ranks[key] = priority_for(kind, text, rules.rules).rank
    return ranks[key]


# --- numbers -----------------------------------------------------------------------------


def metric_value_rows(plan: BrandPlan, years: int) -> Iterator[tuple[Any, ...]]:
    """A value a day for every metric, back ``years`` years (before any the demo logged),
    up to yesterday: today's values are still to log."""
    first = plan.today - timedelta(days=years * 365)
    for metric in plan.metrics:
        assert metric.id is not None
        stop = plan.first_value_day.get(metric.id, plan.today)
        level = 100.0 + plan.rng.random() * 900
        trend = plan.rng.uniform(-0.05, 0.6)
        day = first
        while day < stop:
            level = max(level + trend + plan.rng.gauss(0, 3), 0.0)
            yield (metric.id, day_text(day), round(level, 1), "")
            day += timedelta(days=1)


METRIC_VALUE_COLUMNS = ("metric_id", "date", "value", "note")
POST_METRIC_COLUMNS = (
    "post_id", "date", "impressions", "reach", "engagements", "clicks", "likes", "comments",
    "shares", "saves", "video_views",
)  # fmt: skip


def post_metric_rows(
    published: Iterator[tuple[int, str]], rng: random.Random
) -> Iterator[tuple[Any, ...]]:
    """A day of numbers for each published post (id, its published day)."""
    for post_id, day in published:
        impressions = rng.randrange(200, 5_000)
        engagements = int(impressions * rng.uniform(0.01, 0.08))
        yield (
            post_id,
            day,
            impressions,
            int(impressions * 0.7),
            engagements,
            rng.randrange(0, 60),
            int(engagements * 0.7),
            int(engagements * 0.15),
            int(engagements * 0.1),
            int(engagements * 0.05),
            None,
        )
