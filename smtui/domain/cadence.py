"""Provides the checks of a planned week or month: cadence per channel, content mix per
pillar, time conflicts and posts left in the past, plus the bounds of a week or month in the
brand's zone.

The seeds ask to "be regular, whatever the frequency" and to hold a content mix (80/20,
thirds, 50/25/20/5); these checks say where the plan strays, with the gap named in words
the checks panel and ``smtui today`` can show as they are. Counting happens in SQL (the
post repository); everything here works on the counts and is pure.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

import pendulum

from smtui.domain.channels import Cadence
from smtui.domain.enums import CadencePeriod, PostStatus
from smtui.domain.i18n import _
from smtui.domain.models import Channel, Pillar
from smtui.domain.post import Post

# Average days in a month, for a monthly target seen over one week.
_MONTH_DAYS = 365.25 / 12
_NOMINAL_DAYS = {CadencePeriod.WEEK: 7.0, CadencePeriod.MONTH: _MONTH_DAYS}

# Posts that will not go out do not count toward a cadence or a mix, nor conflict.
NOT_COUNTED: frozenset[PostStatus] = frozenset({PostStatus.SKIPPED})


class Verdict(StrEnum):
    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"
    NO_TARGET = "no_target"


def _utc(moment: pendulum.DateTime) -> datetime:
    """A plain aware UTC datetime: what the store's UTC columns expect in range queries."""
    return datetime.fromtimestamp(moment.timestamp(), UTC)


@dataclass(frozen=True, slots=True)
class Period:
    """One week (Monday first) or one calendar month in the brand's zone.

    ``start`` and ``end`` are UTC instants, half-open (start <= t < end), ready for a
    range query; ``first_day`` and ``days`` are local, for display and scaling. Around a
    DST change the span is 167 or 169 hours, never a shifted day.
    """

    kind: CadencePeriod
    timezone: str
    first_day: date
    days: int
    start: datetime
    end: datetime

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` weeks or months later (earlier when negative): for paging."""
        local = pendulum.datetime(
            self.first_day.year, self.first_day.month, self.first_day.day, tz=self.timezone
        )
        moved = (
            local.add(weeks=steps) if self.kind is CadencePeriod.WEEK else local.add(months=steps)
        )
        return period_of(moved.date(), self.kind, self.timezone)

    def phrase(self, now: datetime | None = None) -> str:
        """ "this week" / "this month" when ``now`` falls inside, else the period named."""
        if now is not None and self.contains(now):
            return _("this week") if self.kind is CadencePeriod.WEEK else _("this month")
        if self.kind is CadencePeriod.WEEK:
            return _("in the week of {day}").format(day=self.first_day.isoformat())
        return _("in {month}").format(month=self.first_day.strftime("%Y-%m"))


def period_of(moment: date | datetime, kind: CadencePeriod, timezone: str) -> Period:
    """The week or month holding ``moment`` in ``timezone``.

    An aware datetime is first moved into the zone (a Sunday 23:30 in Toronto is 04:30
    Monday UTC, and still belongs to the week before); a date is taken as a local day.
    """
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("period_of needs an aware datetime")
        day = pendulum.instance(moment).in_timezone(timezone).date()
    else:
        day = moment
    local = pendulum.datetime(day.year, day.month, day.day, tz=timezone)
    if kind is CadencePeriod.WEEK:
        start = local.start_of("week")
        end = start.add(weeks=1)
    else:
        start = local.start_of("month")
        end = start.add(months=1)
    return Period(
        kind=kind,
        timezone=timezone,
        first_day=date(start.year, start.month, start.day),
        days=(end.date() - start.date()).days,
        start=_utc(start),
        end=_utc(end),
    )


def week_bounds(moment: date | datetime, timezone: str) -> tuple[datetime, datetime]:
    """UTC [start, end) of the local Monday-to-Sunday week holding ``moment``."""
    period = period_of(moment, CadencePeriod.WEEK, timezone)
    return period.start, period.end


def month_bounds(moment: date | datetime, timezone: str) -> tuple[datetime, datetime]:
    """UTC [start, end) of the local calendar month holding ``moment``."""
    period = period_of(moment, CadencePeriod.MONTH, timezone)
    return period.start, period.end


# --- cadence ---------------------------------------------------------------------------


def channel_cadence(channel: Channel) -> Cadence:
    return Cadence(channel.cadence_min, channel.cadence_max, channel.cadence_period)


def scaled_target(cadence: Cadence, period: Period) -> tuple[int | None, int | None]:
    """The cadence's minimum and maximum over ``period``.

    A weekly target over a month is multiplied by days/7 and a monthly one over a week by
    7/30.44. The minimum is rounded down and the maximum up, so that a scaled target never
    blames a plan the stated one would accept ("4 a month" is "0-1" in a week, not "1").
    """
    if cadence.period is period.kind:
        return cadence.minimum, cadence.maximum
    factor = period.days / _NOMINAL_DAYS[cadence.period]
    low = None if cadence.minimum is None else math.floor(cadence.minimum * factor + 1e-9)
    high = None if cadence.maximum is None else math.ceil(cadence.maximum * factor - 1e-9)
    return low, high


def target_text(low: int | None, high: int | None) -> str:
    """ "2-3", "4", "2+" or "0-3": the target as the gap strings write it."""
    if low is None and high is None:
        return ""
    if high is None:
        return f"{low}+"
    if low is None:
        return f"0-{high}"
    return str(low) if low == high else f"{low}-{high}"


@dataclass(frozen=True, slots=True)
class CadenceCheck:
    name: str
    planned: int
    minimum: int | None
    maximum: int | None
    verdict: Verdict
    text: str

    @property
    def gap(self) -> bool:
        return self.verdict in (Verdict.BELOW, Verdict.ABOVE)


def check_cadence(
    name: str, planned: int, cadence: Cadence, period: Period, now: datetime | None = None
) -> CadenceCheck:
    """Planned count vs target, e.g. "LinkedIn: 1 of 2-3 this week" with verdict below."""
    low, high = scaled_target(cadence, period)
    if low is None and high is None:
        verdict = Verdict.NO_TARGET
    elif low is not None and planned < low:
        verdict = Verdict.BELOW
    elif high is not None and planned > high:
        verdict = Verdict.ABOVE
    else:
        verdict = Verdict.WITHIN
    if verdict is Verdict.NO_TARGET:
        text = _("{name}: {planned} {when}, no target").format(
            name=name, planned=planned, when=period.phrase(now)
        )
    else:
        text = _("{name}: {planned} of {target} {when}").format(
            name=name, planned=planned, target=target_text(low, high), when=period.phrase(now)
        )
    return CadenceCheck(name, planned, low, high, verdict, text)


def check_channels(
    channels: Sequence[Channel],
    counts: Mapping[int, int],
    period: Period,
    now: datetime | None = None,
) -> list[CadenceCheck]:
    """One check per channel, named by its platform ("LinkedIn") unless two channels share
    a platform, then by platform and handle ("LinkedIn @maple")."""
    per_platform: dict[str, int] = defaultdict(int)
    for channel in channels:
        per_platform[channel.platform.value] += 1
    checks = []
    for channel in channels:
        unique = per_platform[channel.platform.value] == 1
        name = channel.platform.label if unique else channel.label
        planned = counts.get(channel.id or -1, 0)
        checks.append(check_cadence(name, planned, channel_cadence(channel), period, now))
    return checks


# --- content mix -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MixCheck:
    name: str
    count: int
    share: int
    target: int
    verdict: Verdict
    text: str

    @property
    def gap(self) -> bool:
        return self.verdict in (Verdict.BELOW, Verdict.ABOVE)


def check_mix(
    pillars: Sequence[Pillar],
    counts: Mapping[int | None, int],
    tolerance: int = 5,
) -> list[MixCheck]:
    """Each pillar's share of the planned posts vs its target share.

    Shares are of all counted posts, including those without a pillar, so that a plan
    half untagged does not look balanced; those get a line of their own (target 0). A gap
    is a share more than ``tolerance`` points away from the target: "Promotion 35% vs 20%
    target". An empty plan has no gaps, only nothing planned.
    """
    total = sum(counts.values())
    lines: list[tuple[str, int, int]] = [
        (pillar.name, counts.get(pillar.id, 0), pillar.target_share) for pillar in pillars
    ]
    known = {pillar.id for pillar in pillars}
    loose = sum(count for key, count in counts.items() if key not in known)
    if loose:
        lines.append((_("No pillar"), loose, 0))
    checks = []
    for name, count, target in lines:
        share = round(100 * count / total) if total else 0
        if not total or abs(share - target) <= tolerance:
            verdict = Verdict.WITHIN
        else:
            verdict = Verdict.BELOW if share < target else Verdict.ABOVE
        text = _("{name} {share}% vs {target}% target").format(
            name=name, share=share, target=target
        )
        checks.append(MixCheck(name, count, share, target, verdict, text))
    return checks


# --- conflicts and the past ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    first: Post
    second: Post
    minutes: int


def _counted(post: Post) -> bool:
    return (
        post.scheduled_at is not None
        and post.channel_id is not None
        and post.status not in NOT_COUNTED
    )


def time_conflicts(posts: Iterable[Post], gap_minutes: int) -> list[Conflict]:
    """Every pair of posts on the same channel less than ``gap_minutes`` apart.

    Two posts at 09:00 and 09:20 with a 30-minute gap conflict; 09:00 and 09:30 do not.
    Skipped posts and posts without a channel or a time are left out.
    """
    gap = timedelta(minutes=gap_minutes)
    by_channel: dict[int, list[Post]] = defaultdict(list)
    for post in posts:
        if _counted(post):
            by_channel[post.channel_id].append(post)  # type: ignore[index]
    conflicts: list[Conflict] = []
    for group in by_channel.values():
        group.sort(key=lambda item: (item.scheduled_at, item.id or 0))
        for index, first in enumerate(group):
            for second in group[index + 1 :]:
                delta = second.scheduled_at - first.scheduled_at  # type: ignore[operator]
                if delta >= gap:
                    break
                conflicts.append(Conflict(first, second, int(delta.total_seconds() // 60)))
    return conflicts


def conflicts_for(post: Post, others: Iterable[Post], gap_minutes: int) -> list[Post]:
    """The posts that ``post`` (being edited) would conflict with: for the editor's warning."""
    if not _counted(post):
        return []
    gap = timedelta(minutes=gap_minutes)
    return [
        other
        for other in others
        if other.id != post.id
        and _counted(other)
        and other.channel_id == post.channel_id
        and abs(other.scheduled_at - post.scheduled_at) < gap  # type: ignore[operator]
    ]


def in_the_past(post: Post, now: datetime) -> bool:
    """Planned for a time already gone and not marked published or skipped: it was missed."""
    return (
        post.scheduled_at is not None
        and post.scheduled_at < now
        and post.status not in (PostStatus.PUBLISHED, PostStatus.SKIPPED)
    )


def past_posts(posts: Iterable[Post], now: datetime) -> list[Post]:
    return [post for post in posts if in_the_past(post, now)]
