"""Provides what a calendar view shows for a span of days, read in one go from the store.

The screen asks for the days it displays; this reads that window's posts with one range
query on the (brand_id, scheduled_at) index, groups them by local day, and works out which
recurring slots no post fills. Nothing here knows about widgets, so the grids stay simple
painters of a :class:`CalendarData`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from smtui.domain.i18n import _
from smtui.domain.local_time import days_bounds, local
from smtui.domain.models import Brand, Channel, Objective, Pillar
from smtui.domain.planning import SlotOccurrence, occurrences, open_slots
from smtui.domain.post import Post, PostFilter
from smtui.store import Store


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The brand's channels, pillars and objectives by id: names and colours for the grid."""

    channels: dict[int, Channel]
    pillars: dict[int, Pillar]
    objectives: dict[int, Objective]

    @classmethod
    def load(cls, store: Store, brand_id: int) -> Catalogue:
        return cls(
            channels={c.id: c for c in store.channels.list(brand_id) if c.id is not None},
            pillars={p.id: p for p in store.pillars.list(brand_id) if p.id is not None},
            objectives={o.id: o for o in store.objectives.list(brand_id) if o.id is not None},
        )

    def channel_name(self, channel_id: int | None) -> str:
        channel = self.channels.get(channel_id or -1)
        return channel.platform.label if channel else "—"

    def no_channel_yet(self, brand: Brand) -> str | None:
        """What to do first when the brand has no channel to post on (a new brand), else
        None: a post, or a slot, names its channel."""
        if self.channels:
            return None
        return _(
            "{brand} has no channel yet: add one on the Strategy screen (5, Channels, a)"
        ).format(brand=brand.name)


@dataclass(slots=True)
class CalendarData:
    first: date
    last: date
    timezone: str
    posts: list[Post] = field(default_factory=list)
    by_day: dict[date, list[Post]] = field(default_factory=dict)
    empty_slots: dict[date, list[SlotOccurrence]] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        store: Store,
        brand: Brand,
        first: date,
        last: date,
        filters: PostFilter | None = None,
        slots_from: date | None = None,
    ) -> CalendarData:
        """``slots_from``: the first day whose empty slots matter (today: a slot left empty
        in the past is history, not a gap to fill)."""
        assert brand.id is not None
        start, end = days_bounds(first, last, brand.timezone)
        posts = store.posts.in_range(brand.id, start, end, filters)
        data = cls(first, last, brand.timezone, posts)
        by_day: dict[date, list[Post]] = defaultdict(list)
        for post in posts:
            by_day[data.day_of(post.scheduled_at)].append(post)  # type: ignore[arg-type]
        data.by_day = dict(by_day)
        slots = store.slots.list(brand.id)
        if filters is not None and filters.channel_id is not None:
            slots = [slot for slot in slots if slot.channel_id == filters.channel_id]
        gap = store.brand_settings.get(brand.id).conflict_gap
        # A slot is open when no post of its channel is near it, shown or not: a search or
        # a filter on pillar, status, ... hides posts, it does not empty their slots.
        holding = posts
        if filters is not None and filters != PostFilter(channel_id=filters.channel_id):
            holding = store.posts.in_range(
                brand.id, start, end, PostFilter(channel_id=filters.channel_id)
            )
        planned = [(post.channel_id, post.scheduled_at) for post in holding if post.scheduled_at]
        empty: dict[date, list[SlotOccurrence]] = defaultdict(list)
        found = occurrences(slots, max(first, slots_from or first), last, brand.timezone)
        for item in open_slots(found, planned, gap):  # type: ignore[arg-type]
            empty[item.day].append(item)
        data.empty_slots = dict(empty)
        return data

    def day_of(self, instant: datetime) -> date:
        return local(instant, self.timezone).date()

    def posts_on(self, day: date) -> list[Post]:
        return self.by_day.get(day, [])

    def slots_on(self, day: date) -> list[SlotOccurrence]:
        return self.empty_slots.get(day, [])
