"""Provides the morning brief: everything due on one day, for one brand or all of them.

The Today screen and ``smtui today`` show the same brief, so it is read here once, from a
:class:`~smtui.today.source.BriefSource`, with no widget in sight; this module imports
neither Textual nor SQLAlchemy (the command must start fast). Each section is a list of
small frozen lines that know their brand, so the screen can act on a line of any brand when
all brands are shown together.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from smtui.domain.audit_items import AuditAction
from smtui.domain.cadence import (
    NOT_COUNTED,
    Verdict,
    check_channels,
    in_the_past,
    period_of,
)
from smtui.domain.due_metrics import DueMetric
from smtui.domain.enums import CadencePeriod, ChannelStatus, ObjectiveStatus, PostStatus
from smtui.domain.inbox import InboxItem, queue_order
from smtui.domain.local_time import day_bounds, days_bounds, local
from smtui.domain.models import Brand, Channel, Objective
from smtui.domain.pace import Pace, PaceVerdict
from smtui.domain.planning import occurrences, open_slots
from smtui.domain.post import Post
from smtui.domain.publishing import Readiness, readiness
from smtui.today.source import BriefSource

MISSED_DAYS = 7  # how far back today's brief looks for posts that were never published
REPLIES_SHOWN = 50  # the head of the queue; the Queue screen holds the rest
BEHIND_SHOWN = 2
ACTIONS_SHOWN = 50


@dataclass(frozen=True, slots=True)
class PostLine:
    """A post to publish on the day (or missed before it and still not published)."""

    post: Post
    brand: Brand
    channel: Channel | None
    at: datetime  # local time in the brand's zone
    overdue: bool
    ready: Readiness


@dataclass(frozen=True, slots=True)
class SlotLine:
    """A recurring slot of the day that no post fills: "nothing planned"."""

    brand: Brand
    channel: Channel | None
    at: datetime  # local


@dataclass(frozen=True, slots=True)
class ReplyLine:
    item: InboxItem
    brand: Brand
    channel: Channel | None
    age: timedelta  # since it was received
    to_target: timedelta | None  # negative once past target

    @property
    def past_target(self) -> bool:
        return self.to_target is not None and self.to_target < timedelta(0)


@dataclass(frozen=True, slots=True)
class MetricLine:
    due: DueMetric
    brand: Brand
    channel: Channel | None


@dataclass(frozen=True, slots=True)
class CadenceLine:
    """One channel's week: planned (skipped left out) and published, against its target."""

    brand: Brand
    channel: Channel
    name: str  # the platform, or platform and handle when two channels share a platform
    planned: int
    published: int
    minimum: int | None
    maximum: int | None
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class BehindLine:
    brand: Brand
    objective: Objective
    pace: Pace


@dataclass(frozen=True, slots=True)
class ActionLine:
    action: AuditAction
    brand: Brand
    overdue: bool  # due before the day shown


@dataclass(slots=True)
class Brief:
    day: date
    now: datetime
    brands: list[Brand]
    posts: list[PostLine] = field(default_factory=list)
    slots: list[SlotLine] = field(default_factory=list)
    replies: list[ReplyLine] = field(default_factory=list)
    replies_left: int = 0
    replies_late: int = 0
    metrics: list[MetricLine] = field(default_factory=list)
    week: list[CadenceLine] = field(default_factory=list)
    behind: list[BehindLine] = field(default_factory=list)
    actions: list[ActionLine] = field(default_factory=list)
    channels: int = 0  # how many channels the brands shown have, set up or not

    @property
    def several_brands(self) -> bool:
        return len(self.brands) > 1

    @property
    def overdue(self) -> int:
        return sum(1 for line in self.posts if line.overdue)

    def to_post(self) -> list[PostLine | SlotLine]:
        """The To post section as both the screen and ``smtui today`` list it: overdue posts
        first, then the day's posts and its empty slots together in time order."""
        overdue: list[PostLine | SlotLine] = [line for line in self.posts if line.overdue]
        rest: list[PostLine | SlotLine] = [line for line in self.posts if not line.overdue]
        rest += self.slots
        rest.sort(key=lambda line: (line.at, isinstance(line, SlotLine)))
        return overdue + rest

    @property
    def nothing_due(self) -> bool:
        """Nothing to post, answer, log or do (the week and the objectives are context)."""
        return not (self.posts or self.slots or self.replies_left or self.metrics or self.actions)

    @property
    def unset(self) -> bool:
        """No channel and nothing due: a workspace nobody has set up yet."""
        return self.channels == 0 and self.nothing_due


def build_brief(source: BriefSource, brands: list[Brand], day: date, now: datetime) -> Brief:
    """The brief of ``day`` (a local date, read in each brand's own zone) at ``now``."""
    brief = Brief(day, now, brands)
    heads: list[list[ReplyLine]] = []
    for brand in brands:
        assert brand.id is not None
        channels = {c.id: c for c in source.channels(brand.id) if c.id is not None}
        brief.channels += len(channels)
        today = local(now, brand.timezone).date()
        _posts(brief, source, brand, channels, today)
        heads.append(_replies(brief, source, brand, channels))
        for due in source.metrics_due(brand.id, day):
            brief.metrics.append(MetricLine(due, brand, channels.get(due.metric.channel_id or -1)))
        _week(brief, source, brand, channels)
        _behind(brief, source, brand)
        brief.actions.extend(
            ActionLine(action, brand, (action.item.due_date or day) < day)
            for action in source.actions_due(brand.id, day, ACTIONS_SHOWN)
        )
    brief.posts.sort(key=lambda line: (not line.overdue, line.post.scheduled_at, line.post.id))
    brief.slots.sort(key=lambda line: line.at)
    merged = heapq.merge(*heads, key=lambda line: queue_order(line.item))
    brief.replies = list(merged)[:REPLIES_SHOWN]
    brief.behind.sort(key=_behind_order)
    del brief.behind[BEHIND_SHOWN:]
    brief.actions.sort(key=lambda line: (line.action.item.due_date, line.action.item.id))
    return brief


def _posts(
    brief: Brief, source: BriefSource, brand: Brand, channels: dict[int, Channel], today: date
) -> None:
    """The day's posts, and on today's brief the posts of the last week never published."""
    assert brand.id is not None
    first = brief.day - timedelta(days=MISSED_DAYS) if brief.day == today else brief.day
    start, end = days_bounds(first, brief.day, brand.timezone)
    day_start, _day_end = day_bounds(brief.day, brand.timezone)
    shown: list[Post] = []
    for post in source.posts_in_range(brand.id, start, end):
        overdue = in_the_past(post, brief.now)
        assert post.scheduled_at is not None
        if post.scheduled_at < day_start and not overdue:
            continue
        if post.status is PostStatus.SKIPPED:
            continue
        shown.append(post)
        channel = channels.get(post.channel_id or -1)
        brief.posts.append(
            PostLine(
                post,
                brand,
                channel,
                local(post.scheduled_at, brand.timezone),
                overdue,
                readiness(post, channel),
            )
        )
    slots = source.slots(brand.id)
    if not slots or brief.day < today:
        return
    gap = source.brand_settings(brand.id).conflict_gap
    planned = [(post.channel_id, post.scheduled_at) for post in shown if post.scheduled_at]
    found = occurrences(slots, brief.day, brief.day, brand.timezone)
    for slot in open_slots(found, planned, gap):  # type: ignore[arg-type]
        if slot.at >= brief.now:
            channel = channels.get(slot.slot.channel_id)
            brief.slots.append(SlotLine(brand, channel, local(slot.at, brand.timezone)))


def _replies(
    brief: Brief, source: BriefSource, brand: Brand, channels: dict[int, Channel]
) -> list[ReplyLine]:
    """The head of the brand's to-do queue in the queue's own order, and its counters.

    The queue is always read as it stands now: a reply owed does not move with the day shown.
    """
    assert brand.id is not None
    counts = source.queue_counts(brand.id, brief.now)
    brief.replies_left += counts.todo
    brief.replies_late += counts.overdue
    head = source.queue_head(brand.id, brief.now, REPLIES_SHOWN)
    return [
        ReplyLine(
            item,
            brand,
            channels.get(item.channel_id or -1),
            brief.now - item.received_at,
            item.due_at - brief.now if item.due_at else None,
        )
        for item in head
    ]


def _week(brief: Brief, source: BriefSource, brand: Brand, channels: dict[int, Channel]) -> None:
    """Each channel's week holding the day: planned and published against its target."""
    assert brand.id is not None
    period = period_of(brief.day, CadencePeriod.WEEK, brand.timezone)
    planned: dict[int, int] = {}
    published: dict[int, int] = {}
    for post in source.posts_in_range(brand.id, period.start, period.end):
        if post.channel_id is None or post.status in NOT_COUNTED:
            continue
        planned[post.channel_id] = planned.get(post.channel_id, 0) + 1
        if post.status is PostStatus.PUBLISHED:
            published[post.channel_id] = published.get(post.channel_id, 0) + 1
    shown = [
        channel
        for channel_id, channel in channels.items()
        if channel.status is ChannelStatus.ACTIVE or channel_id in planned
    ]
    for channel, check in zip(shown, check_channels(shown, planned, period), strict=True):
        assert channel.id is not None
        brief.week.append(
            CadenceLine(
                brand,
                channel,
                check.name,
                check.planned,
                published.get(channel.id, 0),
                check.minimum,
                check.maximum,
                check.verdict,
            )
        )


def _behind(brief: Brief, source: BriefSource, brand: Brand) -> None:
    assert brand.id is not None
    for objective in source.objectives(brand.id):
        if objective.status is not ObjectiveStatus.ACTIVE or objective.metric_id is None:
            continue
        pace = source.pace(objective, brief.day)
        if pace.verdict in (PaceVerdict.BEHIND, PaceVerdict.AT_RISK):
            brief.behind.append(BehindLine(brand, objective, pace))


def _behind_order(line: BehindLine) -> tuple[int, float]:
    """Behind before at risk; then the one furthest from its target."""
    rank = 0 if line.pace.verdict is PaceVerdict.BEHIND else 1
    return rank, line.pace.progress if line.pace.progress is not None else 0.0
