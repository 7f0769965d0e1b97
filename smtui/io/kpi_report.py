"""Provides the KPI report behind ``smtui export report --md``: the numbers of a period in
Markdown, ending with the short list of what to adjust.

Sections, each a level-2 heading so that a reader (or a test) can find them: Objectives
(progress and pace), KPIs, Top posts, What worked (by pillar, channel and post type),
Clicks from UTM links, Planned vs published, Customer service (when the reply queue has
figures) and To adjust. Text from the workspace goes through :mod:`smtui.io.markdown`, as in
the audit report: a post title holding "|", "<script>" or "**" shows those characters and
cannot break a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from smtui.domain.cadence import check_channels, check_mix, period_of
from smtui.domain.engagement import rate_text, to_adjust
from smtui.domain.enums import CadencePeriod, ChannelStatus, ObjectiveStatus
from smtui.domain.figures import hours, number, per_day, percent, signed
from smtui.domain.i18n import _
from smtui.domain.kpi import Breakdown, KpiPeriod
from smtui.domain.models import Brand, Channel, Objective
from smtui.domain.pace import Pace
from smtui.domain.text import one_line
from smtui.io.markdown import md_cell, md_text

if TYPE_CHECKING:
    from smtui.store import Store


def local_today(brand: Brand, now: datetime) -> date:
    return now.astimezone(ZoneInfo(brand.timezone)).date()


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    if not rows:
        return [_("_Nothing in this period._"), ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def _objective_rows(objectives: Sequence[tuple[Objective, Pace]]) -> list[list[str]]:
    rows = []
    for objective, pace in objectives:
        progress = "—" if pace.progress is None else percent(max(pace.progress, 0))
        rows.append(
            [
                md_cell(objective.statement, 50),
                md_cell(objective.metric_name or ""),
                number(pace.latest),
                number(objective.target),
                progress,
                objective.due_date.isoformat() if objective.due_date else "—",
                pace.verdict_text,
                number(pace.projected),
                f"{per_day(pace.current_rate)} / {per_day(pace.required_rate)}",
            ]
        )
    return rows


def _breakdown_rows(items: Sequence[Breakdown], names: dict[object, str]) -> list[list[str]]:
    return [
        [
            md_cell(names.get(item.key, str(item.key)) if item.key is not None else _("(none)")),
            str(item.posts),
            number(item.impressions),
            number(item.engagements),
            rate_text(item.rate),
        ]
        for item in items
    ]


def build_report(store: Store, brand: Brand, period: KpiPeriod, now: datetime) -> str:
    assert brand.id is not None
    brand_id = brand.id
    today = local_today(brand, now)
    start, end = period.utc_bounds(brand.timezone)
    channels = store.channels.list(brand_id)
    channel_names: dict[object, str] = {item.id: item.label for item in channels}
    pillars = store.pillars.list(brand_id)
    live = [
        item for item in store.objectives.list(brand_id) if item.status is ObjectiveStatus.ACTIVE
    ]
    paces = [(objective, store.metric_values.pace(objective, today)) for objective in live]
    out = [
        _("# KPI report: {brand}").format(brand=md_text(brand.name, 120)),
        "",
        _("Period: {period}. Written on {day}.").format(period=period.label, day=today),
        "",
        _("## Objectives"),
        "",
    ]
    out += table(
        [
            _("Objective"),
            _("Metric"),
            _("Latest"),
            _("Target"),
            _("Progress"),
            _("Due"),
            _("Pace"),
            _("Projected"),
            _("Rate now / needed"),
        ],
        _objective_rows(paces),
    )
    out += [_("## KPIs"), ""]
    kpi_rows = []
    for metric in store.metrics.list(brand_id):
        assert metric.id is not None
        values = store.metric_values.series(metric.id, period.first, period.last)
        change = values[-1].value - values[0].value if len(values) > 1 else None
        kpi_rows.append(
            [
                md_cell(metric.name),
                md_cell(channel_names.get(metric.channel_id, _("Brand-wide"))),
                number(values[-1].value) if values else "—",
                signed(change),
                str(len(values)),
            ]
        )
    out += table([_("Metric"), _("Channel"), _("Latest"), _("Change"), _("Values")], kpi_rows)
    out += [_("## Top posts"), ""]
    top = store.post_metrics.ranked(brand_id, start, end, limit=5)
    out += table(
        [_("Post"), _("Channel"), _("Published"), _("Impressions"), _("Engagements"), _("Rate")],
        [
            [
                md_cell(post.title, 50),
                md_cell(channel_names.get(post.channel_id, "—")),
                post.published_at.astimezone(ZoneInfo(brand.timezone)).date().isoformat()
                if post.published_at
                else "—",
                number(post.impressions),
                number(post.engagements),
                rate_text(post.rate),
            ]
            for post in top
        ],
    )
    out += [_("## What worked"), ""]
    header = [_("Name"), _("Posts"), _("Impressions"), _("Engagements"), _("Rate")]
    pillar_names: dict[object, str] = {item.id: item.name for item in pillars}
    for title, by, names in (
        (_("### By pillar"), "pillar", pillar_names),
        (_("### By channel"), "channel", channel_names),
        (_("### By post type"), "post_type", {}),
    ):
        out += [title, ""]
        out += table(
            header, _breakdown_rows(store.post_metrics.breakdown(brand_id, start, end, by), names)
        )
    out += [_("## Clicks from UTM links"), ""]
    out += table(
        [_("Campaign"), _("Posts"), _("Clicks")],
        [
            [md_cell(item.campaign), str(item.posts), number(item.clicks)]
            for item in store.post_metrics.utm_clicks(brand_id, start, end)
        ],
    )
    out += [_("## Planned vs published"), ""]
    out += table(
        [_("Channel"), _("Planned"), _("Published")],
        [
            [
                md_cell(channel_names.get(item.channel_id, _("(no channel)"))),
                str(item.planned),
                str(item.published),
            ]
            for item in store.post_metrics.planned_vs_published(brand_id, start, end)
        ],
    )
    out += _customer_service(store, brand_id, start, end)
    out += [_("## To adjust"), ""]
    adjustments = to_adjust(
        _cadence(store, brand_id, channels, brand.timezone, now),
        [(one_line(objective.statement, 60), pace) for objective, pace in paces],
        check_mix(pillars, store.posts.count_by_pillar(brand_id, start, end)),
    )
    out += [f"- {md_cell(item.text, 200)}" for item in adjustments] or [_("Nothing: keep going.")]
    return "\n".join(out).rstrip() + "\n"


def _cadence(
    store: Store, brand_id: int, channels: list[Channel], timezone: str, now: datetime
) -> list:  # type: ignore[type-arg]
    """This week's cadence checks of the active channels."""
    week = period_of(now, CadencePeriod.WEEK, timezone)
    active = [item for item in channels if item.status is ChannelStatus.ACTIVE]
    counts = store.posts.count_by_channel(brand_id, week.start, week.end)
    return check_channels(active, {k: v for k, v in counts.items() if k is not None}, week, now)


def _customer_service(store: Store, brand_id: int, start: datetime, end: datetime) -> list[str]:
    """Median first response and share within target, when the reply queue has figures."""
    inbox = getattr(store, "inbox", None)
    if inbox is None or not hasattr(inbox, "response_figures"):
        return []
    figures = inbox.response_figures(brand_id, start, end)
    if not figures.received:
        return []
    median = figures.median_seconds
    share = figures.share_within_target
    return [
        _("## Customer service"),
        "",
        *table(
            [_("Received"), _("Answered"), _("Median first response"), _("Within target")],
            [
                [
                    str(figures.received),
                    str(figures.answered),
                    "—" if median is None else hours(median / 3600),
                    rate_text(share),
                ]
            ],
        ),
    ]
