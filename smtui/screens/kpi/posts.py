"""Provides the post-performance view: top and bottom posts of the period, the breakdowns by
pillar, channel and post type, the weekday x hour heat map (when does the audience answer?),
clicks from UTM links and planned vs published per channel.

Every figure comes from one SQL aggregate of the post metric repository; this view only lays
them out. Post titles are outside text and go into the tables as literal Rich text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from smtui.domain.day_names import SHORT_WEEKDAYS
from smtui.domain.engagement import rate_text
from smtui.domain.figures import number
from smtui.domain.i18n import N_, NC_, _, pgettext
from smtui.domain.kpi import Breakdown, HeatCell, PostPerformance
from smtui.screens.base import AppAccess
from smtui.screens.kpi.fitted import Column, FittedTable
from smtui.widgets.literal import literal_line

CHANNEL_WIDTH = 14
# The rate (what a ranking is by) and the name always stay; narrow boxes give up the rest,
# least useful first: a post's day, then its channel; a breakdown's impressions, then its
# count of posts.
POST_COLUMNS = (
    Column(N_("Post"), wide=True),
    Column(N_("Channel"), CHANNEL_WIDTH),
    Column(N_("Day")),
    Column(N_("Rate")),
)
POST_DROPS = (N_("Day"), N_("Channel"))
POST_MIN = 20  # a title shorter than this says too little to recognise the post
BREAKDOWN_COLUMNS = (
    Column(N_("Name"), wide=True),
    Column(N_("Posts")),
    Column(N_("Impr.")),
    Column(N_("Rate")),
)
BREAKDOWN_DROPS = (N_("Impr."), N_("Posts"))
PLANNED_COLUMNS = (Column(N_("Channel"), wide=True), Column(N_("Planned")), Column(N_("Published")))
UTM_COLUMNS = (Column(N_("Campaign"), wide=True), Column(N_("Posts")), Column(N_("Clicks")))

SHADES = ("·", "░", "▒", "▓", "█")

# The breakdown by post type names each type as it is stored ("video"), in its own context
# so that a translation can give the word ("vidéo") without touching the editor's labels.
POST_TYPE_NAMES = (
    NC_("post type", "text"),
    NC_("post type", "image"),
    NC_("post type", "carousel"),
    NC_("post type", "video"),
    NC_("post type", "link"),
    NC_("post type", "story"),
    NC_("post type", "article"),
)


def heatmap_text(cells: Mapping[tuple[int, int], HeatCell]) -> Text:
    """7 rows x 24 hours; the shade is the cell's engagement rate against the best cell."""
    rates = [cell.rate or 0.0 for cell in cells.values() if cell.posts]
    best = max(rates, default=0.0)
    text = Text("     " + "".join(f"{hour:<3}" for hour in range(0, 24)) + "\n", style="dim")
    for weekday in range(7):
        text.append(f"{_(SHORT_WEEKDAYS[weekday]):<5}", style="dim")
        for hour in range(24):
            cell = cells.get((weekday, hour))
            if cell is None or not cell.posts:
                text.append(" · ", style="dim")
                continue
            level = 1 + round(3 * (cell.rate or 0.0) / best) if best else 1
            text.append(f" {SHADES[min(level, 4)]} ", style="bold green")
        text.append("\n")
    text.append(_("Shade: engagement rate of the posts published then (· no post)"), style="dim")
    return text


class PostsPane(AppAccess, VerticalScroll):
    """Filled by :meth:`show`; every table is rebuilt from the period's figures."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="kpi-row"):
            with Vertical(classes="kpi-box"):
                yield Static(_("Top posts (engagement rate)"), classes="kpi-box-title")
                yield FittedTable(
                    POST_COLUMNS,
                    drops=POST_DROPS,
                    wide_min=POST_MIN,
                    id="kpi-top",
                    zebra_stripes=True,
                )
            with Vertical(classes="kpi-box"):
                yield Static(_("Bottom posts"), classes="kpi-box-title")
                yield FittedTable(
                    POST_COLUMNS,
                    drops=POST_DROPS,
                    wide_min=POST_MIN,
                    id="kpi-bottom",
                    zebra_stripes=True,
                )
        with Horizontal(classes="kpi-row"):
            for name, title in (
                ("pillar", _("By pillar")),
                ("channel", _("By channel")),
                ("post_type", _("By post type")),
            ):
                with Vertical(classes="kpi-box"):
                    yield Static(title, classes="kpi-box-title")
                    yield FittedTable(
                        BREAKDOWN_COLUMNS, drops=BREAKDOWN_DROPS, wide_min=12, id=f"kpi-by-{name}"
                    )
        with Horizontal(classes="kpi-row"), Vertical(classes="kpi-box kpi-heat-box"):
            yield Static(_("When the audience answers (weekday x hour)"), classes="kpi-box-title")
            yield Static("", id="kpi-heatmap")
        with Horizontal(classes="kpi-row"):
            with Vertical(classes="kpi-box"):
                yield Static(_("Planned vs published"), classes="kpi-box-title")
                yield FittedTable(PLANNED_COLUMNS, wide_min=12, id="kpi-planned")
            with Vertical(classes="kpi-box"):
                yield Static(_("Clicks from UTM links"), classes="kpi-box-title")
                yield FittedTable(UTM_COLUMNS, wide_min=12, id="kpi-utm")

    def _table(self, name: str) -> FittedTable:
        return self.query_one(f"#{name}", FittedTable)

    def show(self, start: datetime, end: datetime) -> None:
        store, brand = self.smtui.store, self.smtui.brand
        assert brand.id is not None
        channels = {item.id: item.label for item in store.channels.list(brand.id)}
        pillars = {item.id: item.name for item in store.pillars.list(brand.id)}
        zone = ZoneInfo(brand.timezone)
        figures = store.post_metrics
        for name, best in (("kpi-top", True), ("kpi-bottom", False)):
            self._posts(name, figures.ranked(brand.id, start, end, 5, best), channels, zone)
        types = {value: pgettext("post type", value) for value in POST_TYPE_NAMES}
        for by, names in (("pillar", pillars), ("channel", channels), ("post_type", types)):
            self._breakdown(by, figures.breakdown(brand.id, start, end, by), names)
        cells = figures.heatmap(brand.id, start, end, brand.timezone)
        self.query_one("#kpi-heatmap", Static).update(heatmap_text(cells))
        self._table("kpi-planned").fill(
            [
                (
                    channels.get(item.channel_id, _("(no channel)")),
                    str(item.planned),
                    str(item.published),
                )
                for item in figures.planned_vs_published(brand.id, start, end)
            ]
        )
        self._table("kpi-utm").fill(
            [
                (row.campaign, str(row.posts), number(row.clicks))
                for row in figures.utm_clicks(brand.id, start, end)
            ]
        )

    def _posts(
        self,
        name: str,
        posts: Sequence[PostPerformance],
        channels: Mapping[int | None, str],
        zone: ZoneInfo,
    ) -> None:
        rows = []
        for post in posts:
            day = post.published_at.astimezone(zone).strftime("%m-%d") if post.published_at else ""
            rows.append(
                (
                    post.title,
                    literal_line(channels.get(post.channel_id, "—"), CHANNEL_WIDTH),
                    day,
                    rate_text(post.rate),
                )
            )
        self._table(name).fill(rows)

    def _breakdown(self, by: str, items: Sequence[Breakdown], names: Mapping[object, str]) -> None:
        rows = []
        for item in items:
            label = names.get(item.key, str(item.key)) if item.key is not None else _("(none)")
            rows.append((label, str(item.posts), number(item.impressions), rate_text(item.rate)))
        self._table(f"kpi-by-{by}").fill(rows)
