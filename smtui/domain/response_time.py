"""Provides response targets in time: when an item falls due, counted in working hours when
the brand sets them, and the "start of the next working day" a snooze wakes up at.

Default targets, used when a brand set none for a kind (the seeds ask for answers "almost
at once" without a figure; these follow common community-management practice and the demo
charter's "messages within the day, questions within two hours of opening"):

========  ==========  ==============================================================
kind      target      why
========  ==========  ==============================================================
dm        1 hour      a private message is a person waiting
question  4 hours     someone needs an answer to act
review    4 hours     public, seen by future customers
comment   24 hours    "like the comment, reply within the day"
mention   24 hours    "like and comment on it"
share     72 hours    a thank-you or a like is enough
outreach  7 days      proactive comments elsewhere, by the end of the week
========  ==========  ==============================================================

Working time is walked day by day in the brand's zone with pendulum, so a target that runs
over a weekend or across a DST change lands on the right wall-clock minute.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import pendulum

from smtui.domain.enums import InboxKind
from smtui.domain.inbox import ResponseTarget
from smtui.domain.planning import BrandSettings

HOUR = 60
DEFAULT_TARGET_MINUTES: dict[InboxKind, int] = {
    InboxKind.DM: 1 * HOUR,
    InboxKind.QUESTION: 4 * HOUR,
    InboxKind.REVIEW: 4 * HOUR,
    InboxKind.COMMENT: 24 * HOUR,
    InboxKind.MENTION: 24 * HOUR,
    InboxKind.SHARE: 72 * HOUR,
    InboxKind.OUTREACH: 7 * 24 * HOUR,
}
# A year of days: more than any target needs, a bound against a settings mistake.
_MAX_DAYS = 366 * 2


def target_minutes(
    kind: InboxKind, channel_id: int | None, targets: Sequence[ResponseTarget]
) -> int:
    """The channel's own target for the kind, else the brand's, else the default."""
    brand_wide = None
    for target in targets:
        if target.kind is not kind:
            continue
        if channel_id is not None and target.channel_id == channel_id:
            return target.minutes
        if target.channel_id is None:
            brand_wide = target.minutes
    return brand_wide if brand_wide is not None else DEFAULT_TARGET_MINUTES[kind]


def _at(day: date, moment: time, timezone: str) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, moment.hour, moment.minute, tz=timezone)


def _utc(moment: pendulum.DateTime) -> datetime:
    return datetime.fromtimestamp(moment.timestamp(), UTC)


@lru_cache(maxsize=4096)
def _window(day: date, start: time, end: time, timezone: str) -> tuple[datetime, datetime]:
    """A working day's opening and closing instants in UTC (cached: an import of thousands
    of items touches only a few days)."""
    return _utc(_at(day, start, timezone)), _utc(_at(day, end, timezone))


@lru_cache(maxsize=64)
def _zone(timezone: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    return pendulum.timezone(timezone)


def due_at(received: datetime, minutes: int, settings: BrandSettings, timezone: str) -> datetime:
    """When an item received at ``received`` must be answered, ``minutes`` later.

    Without working hours that is plain elapsed time. With them, only the minutes inside the
    brand's working days and hours count: an item that arrives on Friday at 16:30 with a
    one-hour target is due on Monday at 09:30. Each day's window is placed in the brand's
    zone and measured in real elapsed time, so weekends and DST changes land right.
    """
    if not settings.working_hours_enabled:
        return received + timedelta(minutes=minutes)
    cursor = received.astimezone(UTC)
    remaining = timedelta(minutes=minutes)
    day = cursor.astimezone(_zone(timezone)).date()
    for _step in range(_MAX_DAYS):
        if day.weekday() in settings.work_days:
            start, end = _window(day, settings.work_start, settings.work_end, timezone)
            begin = max(start, cursor)
            if begin < end:
                available = end - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
        day += timedelta(days=1)
    return received + timedelta(minutes=minutes)


def next_work_start(after: datetime, settings: BrandSettings, timezone: str) -> datetime:
    """The start of the next working day after ``after``'s local day ("tomorrow morning").

    Without working hours every day counts, at the brand's usual start time.
    """
    day = pendulum.instance(after).in_timezone(timezone).date() + timedelta(days=1)
    days = settings.work_days if settings.working_hours_enabled else tuple(range(7))
    for _step in range(14):
        if day.weekday() in days:
            break
        day += timedelta(days=1)
    return _utc(_at(day, settings.work_start, timezone))


def next_week_start(after: datetime, settings: BrandSettings, timezone: str) -> datetime:
    """Monday (or the first working day) of next week, at the start of the working day."""
    local = pendulum.instance(after).in_timezone(timezone).date()
    monday = local + timedelta(days=7 - local.weekday())
    return next_work_start(
        _utc(_at(monday - timedelta(days=1), time(12, 0), timezone)), settings, timezone
    )
