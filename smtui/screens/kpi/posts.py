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
from textual.widgets import DataTable, Static

from smtui.domain.engagement import rate_text
from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.kpi import Breakdown, HeatCell, PostPerformance
from smtui.screens.base import AppAccess
from smtui.widgets.literal import literal_line

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SHADES = ("·", "░", "▒", "▓", "█")


def heatmap_text(cells: Mapping[tuple[int, int], HeatCell]) -> Text:
    """7 rows x 24 hours; the shade is the cell's engagement rate against the best cell."""
    rates = [cell.rate or 0.0 for cell in cells.values() if cell.posts]
    best = max(rates, default=0.0)
    text = Text("     " + "".join(f"{hour:<3}" for hour in range(0, 24)) + "\n", style="dim")
    for weekday in range(7):
        text.append(f"{_(WEEKDAYS[weekday]):<5}", style="dim")
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
                yield DataTable(id="kpi-top", cursor_type="row", zebra_stripes=True)
            with Vertical(classes="kpi-box"):
                yield Static(_("Bottom posts"), classes="kpi-box-title")
                yield DataTable(id="kpi-bottom", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="kpi-row"):
            for name, title in (
                ("pillar", _("By pillar")),
                ("channel", _("By channel")),
                ("post_type", _("By post type")),
            ):
                with Vertical(classes="kpi-box"):
                    yield Static(title, classes="kpi-box-title")
                    yield DataTable(id=f"kpi-by-{name}", cursor_type="row")
        with Horizontal(classes="kpi-row"), Vertical(classes="kpi-box kpi-heat-box"):
            yield Static(_("When the audience answers (weekday x hour)"), classes="kpi-box-title")
            yield Static("", id="kpi-heatmap")
        with Horizontal(classes="kpi-row"):
            with Vertical(classes="kpi-box"):
                yield Static(_("Planned vs published"), classes="kpi-box-title")
                yield DataTable(id="kpi-planned", cursor_type="row")
            with Vertical(classes="kpi-box"):
                yield Static(_("Clicks from UTM links"), classes="kpi-box-title")
                yield DataTable(id="kpi-utm", cursor_type="row")

    def _table(self, name: str, columns: Sequence[str]) -> DataTable[object]:
        table: DataTable[object] = self.query_one(f"#{name}", DataTable)
        table.clear(columns=True)
        table.add_columns(*columns)
        return table

    def show(self, start: datetime, end: datetime) -> None:
        store, brand = self.smtui.store, self.smtui.brand
        assert brand.id is not None
        channels = {item.id: item.label for item in store.channels.list(brand.id)}
        pillars = {item.id: item.name for item in store.pillars.list(brand.id)}
        zone = ZoneInfo(brand.timezone)
        figures = store.post_metrics
        for name, best in (("kpi-top", True), ("kpi-bottom", False)):
            self._posts(name, figures.ranked(brand.id, start, end, 5, best), channels, zone)
        for by, names in (("pillar", pillars), ("channel", channels), ("post_type", {})):
            self._breakdown(by, figures.breakdown(brand.id, start, end, by), names)
        cells = figures.heatmap(brand.id, start, end, brand.timezone)
        self.query_one("#kpi-heatmap", Static).update(heatmap_text(cells))
        planned = self._table("kpi-planned", [_("Channel"), _("Planned"), _("Published")])
        for item in figures.planned_vs_published(brand.id, start, end):
            name = channels.get(item.channel_id, _("(no channel)"))
            planned.add_row(literal_line(name, 30), str(item.planned), str(item.published))
        utm = self._table("kpi-utm", [_("Campaign"), _("Posts"), _("Clicks")])
        for row in figures.utm_clicks(brand.id, start, end):
            utm.add_row(literal_line(row.campaign, 30), str(row.posts), number(row.clicks))

    def _posts(
        self,
        name: str,
        posts: Sequence[PostPerformance],
        channels: Mapping[int | None, str],
        zone: ZoneInfo,
    ) -> None:
        table = self._table(name, [_("Post"), _("Channel"), _("Day"), _("Rate")])
        for post in posts:
            day = post.published_at.astimezone(zone).strftime("%m-%d") if post.published_at else ""
            table.add_row(
                literal_line(post.title, 26),
                literal_line(channels.get(post.channel_id, "—"), 14),
                day,
                rate_text(post.rate),
            )

    def _breakdown(self, by: str, items: Sequence[Breakdown], names: Mapping[object, str]) -> None:
        table = self._table(f"kpi-by-{by}", [_("Name"), _("Posts"), _("Impr."), _("Rate")])
        for item in items:
            label = names.get(item.key, str(item.key)) if item.key is not None else _("(none)")
            table.add_row(
                literal_line(label, 14),
                str(item.posts),
                number(item.impressions),
                rate_text(item.rate),
            )
