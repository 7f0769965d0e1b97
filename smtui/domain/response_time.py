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
from dataclasses import dataclass
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


# Working windows after a day: (opening, working time before it, working time after it).
_Spans = tuple[tuple[datetime, timedelta, timedelta], ...]


@dataclass(frozen=True, slots=True)
class _Plan:
    """What due_at's walk does for one day and target: the day's window (None on a day off),
    the target, the working windows of the days after it (None: their openings are out of
    order), and the due time of an item that arrives before the window opens and of one
    that arrives after it closes (None when the walk would run out of days)."""

    window: tuple[datetime, datetime] | None
    target: timedelta
    ahead: _Spans | None
    if_early: datetime | None
    if_late: datetime | None


class DueTimes:
    """:func:`due_at` for the many items of one import, giving the same instants.

    Why: an import of a hundred thousand items walks working days for each one (a share's
    three-day target crosses a week of them), though it spans only a few hundred days and a
    handful of targets. Here the walk is planned once per day and target: an item that
    arrives outside the day's working hours (most of them) is due at the same instant as
    any other then, and one that arrives within them starts its count where it arrives and
    goes on through the planned days. The days after an item's own day start counting at
    their opening, which the plan checks holds; else (in a zone whose local days overlap)
    the item goes through :func:`due_at` itself.
    """

    __slots__ = ("_days", "_plans", "_settings", "_timezone", "_zone")

    def __init__(self, settings: BrandSettings, timezone: str) -> None:
        self._settings = settings
        self._timezone = timezone
        self._zone = _zone(timezone) if settings.working_hours_enabled else None
        self._days: dict[date, tuple[datetime, datetime] | None] = {}
        self._plans: dict[tuple[date, int], _Plan] = {}

    def __call__(self, received: datetime, minutes: int) -> datetime:
        if self._zone is None:
            return received + timedelta(minutes=minutes)
        cursor = received if received.tzinfo is UTC else received.astimezone(UTC)
        day = cursor.astimezone(self._zone).date()
        plan = self._plans.get((day, minutes)) or self._plan(day, minutes)
        ahead = plan.ahead
        if ahead is None or (ahead and cursor > ahead[0][0]):
            return due_at(received, minutes, self._settings, self._timezone)
        window = plan.window
        if window is None or cursor >= window[1]:
            found = plan.if_late
        elif cursor <= window[0]:
            found = plan.if_early
        else:  # within the day's working hours: the first step of due_at's walk
            available = window[1] - cursor
            if plan.target <= available:
                return cursor + plan.target
            found = _through(ahead, plan.target - available)
        return received + timedelta(minutes=minutes) if found is None else found

    def _plan(self, day: date, minutes: int) -> _Plan:
        target = timedelta(minutes=minutes)
        window = self._window(day)
        ahead = self._ahead(day, target)
        if_early = if_late = None
        if ahead is not None:
            if_late = _through(ahead, target)
            if window is not None:
                opening, closing = window
                available = closing - opening
                if_early = (
                    opening + target if target <= available else _through(ahead, target - available)
                )
        plan = self._plans[day, minutes] = _Plan(window, target, ahead, if_early, if_late)
        return plan

    def _window(self, day: date) -> tuple[datetime, datetime] | None:
        """The day's opening and closing instants; None on a day off, or when it would
        close before it opens (due_at's walk skips such a day, whenever the item came)."""
        if day in self._days:
            return self._days[day]
        settings = self._settings
        found = None
        if day.weekday() in settings.work_days:
            found = _window(day, settings.work_start, settings.work_end, self._timezone)
            if found[0] >= found[1]:
                found = None
        self._days[day] = found
        return found

    def _ahead(self, day: date, target: timedelta) -> _Spans | None:
        """The working windows of the days after ``day`` that due_at's walk can reach with
        at most ``target`` left, each with the working time before and after it; None when
        their openings are out of order, so that starting each at its opening might not be
        the walk's own step."""
        spans: list[tuple[datetime, timedelta, timedelta]] = []
        total = timedelta(0)
        for step in range(1, _MAX_DAYS):
            window = self._window(day + timedelta(days=step))
            if window is None:
                continue
            opening, closing = window
            if spans and opening < spans[-1][0]:
                return None
            spans.append((opening, total, total + (closing - opening)))
            total += closing - opening
            if total >= target:
                break
        return tuple(spans)


def _through(spans: _Spans, remaining: timedelta) -> datetime | None:
    """Where ``remaining`` working time runs out in ``spans`` (None: beyond them)."""
    for opening, before, after in spans:
        if remaining <= after:
            return opening + (remaining - before)
    return None


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
