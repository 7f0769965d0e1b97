"""Provides the models of measured numbers: a metric's dated values, a post's metrics, the
figures the post-performance view and the report show, and the period they cover.

A metric value is dated by the brand's local day (one per metric and day). A post's metrics
from a platform export are lifetime totals, filed under the post's publication day, so that
importing a newer export of the same posts updates the same rows instead of adding some.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

import pendulum
from pydantic import Field

from smtui.domain.engagement import engagement_rate
from smtui.domain.i18n import N_, _
from smtui.domain.models import Model
from smtui.domain.validation import DomainError

Count = Annotated[int, Field(ge=0)] | None

# The numbers a post can carry, in the order tables show them.
POST_FIELDS: tuple[str, ...] = (
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "likes",
    "comments",
    "shares",
    "saves",
    "video_views",
)


class MetricValue(Model):
    id: int | None = None
    metric_id: int
    date: date
    value: float = Field(allow_inf_nan=False)
    note: Annotated[str, Field(max_length=2000)] = ""


class PostMetric(Model):
    id: int | None = None
    post_id: int
    date: date
    impressions: Count = None
    reach: Count = None
    engagements: Count = None
    clicks: Count = None
    likes: Count = None
    comments: Count = None
    shares: Count = None
    saves: Count = None
    video_views: Count = None

    @property
    def rate(self) -> float | None:
        return engagement_rate(self.engagements, self.impressions, self.reach)


@dataclass(frozen=True, slots=True)
class PostPerformance:
    """One published post with its latest numbers, for the top and bottom lists."""

    post_id: int
    title: str
    channel_id: int | None
    published_at: datetime | None
    impressions: int | None
    reach: int | None
    engagements: int | None
    clicks: int | None

    @property
    def rate(self) -> float | None:
        return engagement_rate(self.engagements, self.impressions, self.reach)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Totals of the posts sharing one pillar, channel or post type (key None: not set)."""

    key: int | str | None
    posts: int
    impressions: int
    reach: int
    engagements: int
    clicks: int

    @property
    def rate(self) -> float | None:
        return engagement_rate(self.engagements, self.impressions, self.reach)


@dataclass(frozen=True, slots=True)
class HeatCell:
    posts: int = 0
    engagements: int = 0
    impressions: int = 0
    reach: int = 0

    @property
    def rate(self) -> float | None:
        return engagement_rate(self.engagements, self.impressions, self.reach)


@dataclass(frozen=True, slots=True)
class PlannedPublished:
    channel_id: int | None
    planned: int
    published: int


@dataclass(frozen=True, slots=True)
class UtmClicks:
    campaign: str
    posts: int
    clicks: int


# --- imports ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportedPost:
    """One post read from a platform export: who it is, and its numbers."""

    line: int
    external_id: str | None
    url: str | None
    published_at: datetime | None
    text: str
    post_type: str
    numbers: dict[str, int | None]


@dataclass(frozen=True, slots=True)
class ImportedValue:
    """One dated value of a named metric (our own CSV format)."""

    line: int
    metric: str
    channel_id: int | None
    date: date
    value: float


@dataclass
class ImportSummary:
    """What an import did, or would do under --dry-run; all zeros but "unchanged" on re-import."""

    posts_matched: int = 0
    posts_created: int = 0
    post_metrics_added: int = 0
    post_metrics_updated: int = 0
    post_metrics_unchanged: int = 0
    values_added: int = 0
    values_updated: int = 0
    values_unchanged: int = 0
    metrics_created: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.posts_created
            or self.post_metrics_added
            or self.post_metrics_updated
            or self.values_added
            or self.values_updated
            or self.metrics_created
        )


# --- periods ---------------------------------------------------------------------------

PERIOD_CHOICES: dict[str, str] = {
    "4w": N_("4 weeks"),
    "quarter": N_("Quarter"),
    "year": N_("Year"),
}


@dataclass(frozen=True, slots=True)
class KpiPeriod:
    """Local days ``first`` to ``last`` inclusive, as the KPI screens and the report read them."""

    key: str
    first: date
    last: date

    @property
    def label(self) -> str:
        name = PERIOD_CHOICES.get(self.key)
        span = f"{self.first.isoformat()} – {self.last.isoformat()}"
        return f"{_(name)} ({span})" if name else span

    def utc_bounds(self, timezone: str) -> tuple[datetime, datetime]:
        """UTC [start, end) of the period's local days, for queries on instants."""
        start = pendulum.datetime(self.first.year, self.first.month, self.first.day, tz=timezone)
        after = self.last + timedelta(days=1)
        end = pendulum.datetime(after.year, after.month, after.day, tz=timezone)
        return (
            datetime.fromtimestamp(start.timestamp(), UTC),
            datetime.fromtimestamp(end.timestamp(), UTC),
        )


_RANGE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*:\s*(\d{4}-\d{2}-\d{2})\s*$")


def kpi_period(text: str, today: date) -> KpiPeriod:
    """ "4w" (the last 28 days), "quarter" (3 months), "year" (12 months), all ending today,
    or "FROM:TO" in ISO dates."""
    key = text.strip().lower()
    if key == "4w":
        return KpiPeriod(key, today - timedelta(days=27), today)
    if key in ("quarter", "year"):
        months = 3 if key == "quarter" else 12
        first = pendulum.date(today.year, today.month, today.day).subtract(months=months)
        return KpiPeriod(key, date(first.year, first.month, first.day) + timedelta(days=1), today)
    match = _RANGE.match(text)
    if match is None:
        raise DomainError(_("use 4w, quarter, year or FROM:TO dates (YYYY-MM-DD)"), "period")
    try:
        first, last = (date.fromisoformat(part) for part in match.groups())
    except ValueError as error:
        raise DomainError(_("enter dates as YYYY-MM-DD"), "period") from error
    if last < first:
        raise DomainError(_("the end date is before the start date"), "period")
    return KpiPeriod("custom", first, last)
