"""Provides the KPI screen (key 4): objectives measured against their targets, the other
metrics, customer-service figures from the reply queue, and the post-performance view, for a
period the user picks; plus the "log today's numbers" form and each metric's history.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from smtui.domain.enums import ObjectiveStatus
from smtui.domain.i18n import _
from smtui.domain.kpi import PERIOD_CHOICES, KpiPeriod, MetricValue, kpi_period
from smtui.screens.base import SmtuiScreen
from smtui.screens.kpi.cards import (
    KpiCard,
    MetricCard,
    MetricFigures,
    ObjectiveCard,
    ObjectiveFigures,
    ServiceCard,
    ServiceFigures,
)
from smtui.screens.kpi.forms import MetricHistoryScreen, log_form, period_form
from smtui.screens.kpi.posts import PostsPane
from smtui.widgets import PickerScreen

TABS = ("kpi-cards", "kpi-posts")
CUSTOM = "custom"


class KpiScreen(SmtuiScreen):
    TITLE_TEXT = _("KPIs")
    BINDINGS = [
        Binding("l", "log", _("Log numbers"), tooltip=_("Log today's numbers of every metric due")),
        Binding("p", "period", _("Period"), tooltip=_("4 weeks, quarter, year or custom dates")),
        Binding("h", "history", _("History"), tooltip=_("Edit or delete past values")),
        Binding("right_square_bracket", "tab(1)", _("Next view"), key_display="]"),
        Binding("left_square_bracket", "tab(-1)", _("Previous view"), key_display="[", show=False),
        Binding("down,j", "card(1)", _("Next card"), show=False),
        Binding("up,k", "card(-1)", _("Previous card"), show=False),
        Binding("b", "app.pick_brand", _("Brand"), tooltip=_("Show another brand"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.period: KpiPeriod | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="kpi-period", markup=False)
        with TabbedContent(id="kpi-tabs"):
            with TabPane(_("Objectives and metrics"), id="kpi-cards"):
                yield VerticalScroll(id="kpi-card-list")
            with TabPane(_("Post performance"), id="kpi-posts"):
                yield PostsPane(id="kpi-posts-pane")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"smtui — {self.TITLE_TEXT}"

    def current_period(self) -> KpiPeriod:
        if self.period is None:
            self.period = kpi_period("4w", self.smtui.today())
        return self.period

    # --- reading -------------------------------------------------------------------

    def reload(self) -> None:
        self.sub_title = self.brand.name
        period = self.current_period()
        if period.key != CUSTOM:  # a relative period follows the clock
            self.period = period = kpi_period(period.key, self.smtui.today())
        hint = _("p change · l log today's numbers · h history · ] post performance")
        self.query_one("#kpi-period", Static).update(
            _("Period: {period}    {hint}").format(period=period.label, hint=hint)
        )
        self._fill_cards(period)
        start, end = period.utc_bounds(self.brand.timezone)
        self.query_one(PostsPane).show(start, end)

    def _fill_cards(self, period: KpiPeriod) -> None:
        store, brand, today = self.store, self.brand, self.smtui.today()
        assert brand.id is not None
        focused = self.focused.metric_id if isinstance(self.focused, KpiCard) else None
        metrics = {metric.id: metric for metric in store.metrics.list(brand.id)}
        channels = {item.id: item.label for item in store.channels.list(brand.id)}
        active = [
            item
            for item in store.objectives.list(brand.id)
            if item.status is ObjectiveStatus.ACTIVE
        ]
        cards: list[KpiCard | Static | Grid] = []
        if active:
            cards.append(Static(_("Objectives"), classes="kpi-section"))
        for objective in active:
            series = (
                store.metric_values.series(objective.metric_id, period.first, period.last)
                if objective.metric_id
                else []
            )
            figures = ObjectiveFigures(
                objective,
                metrics.get(objective.metric_id),
                store.metric_values.pace(objective, today),
                series,
            )
            cards.append(ObjectiveCard(figures))
        tied = {objective.metric_id for objective in active}
        others = [metric for key, metric in metrics.items() if key not in tied]
        others.sort(
            key=lambda metric: (
                metric.channel_id is not None,
                channels.get(metric.channel_id, ""),
                metric.name,
            )
        )
        if others:
            cards.append(Static(_("Brand-wide and channel metrics"), classes="kpi-section"))
        metric_cards = []
        for metric in others:
            assert metric.id is not None
            where = channels.get(metric.channel_id, _("Brand-wide"))
            figures_m = MetricFigures(
                metric,
                where,
                store.metric_values.latest(metric.id, today),
                store.metric_values.series(metric.id, period.first, period.last),
            )
            metric_cards.append(MetricCard(figures_m))
        if metric_cards:
            cards.append(Grid(*metric_cards, classes="kpi-metric-grid"))
        service = self._service(period)
        if service is not None:
            cards.append(Static(_("Customer service"), classes="kpi-section"))
            cards.append(ServiceCard(service))
        if not cards:
            cards.append(
                Static(
                    _("No objective or metric yet: set them on the Strategy screen (5)."),
                    classes="kpi-empty",
                )
            )
        holder = self.query_one("#kpi-card-list", VerticalScroll)
        with self.app.batch_update():
            holder.remove_children()
            holder.mount_all(cards)
        if focused is not None:
            self.call_after_refresh(self._focus_metric, focused)

    def _service(self, period: KpiPeriod) -> ServiceFigures | None:
        """The reply queue's figures, when the queue exists and received something."""
        inbox = getattr(self.store, "inbox", None)
        if inbox is None or not hasattr(inbox, "response_figures"):
            return None
        start, end = period.utc_bounds(self.brand.timezone)
        figures = inbox.response_figures(self.brand.id, start, end)
        if not figures.received:
            return None
        median = figures.median_seconds
        return ServiceFigures(
            figures.received,
            figures.answered,
            None if median is None else median / 3600,
            figures.share_within_target,
        )

    def cards(self) -> list[KpiCard]:
        return list(self.query(KpiCard))

    def _focus_metric(self, metric_id: int) -> None:
        for card in self.cards():
            if card.metric_id == metric_id:
                card.focus()
                return

    # --- actions -------------------------------------------------------------------

    def action_tab(self, step: int) -> None:
        tabs = self.query_one("#kpi-tabs", TabbedContent)
        current = TABS.index(tabs.active) if tabs.active in TABS else 0
        tabs.active = TABS[(current + step) % len(TABS)]

    def action_card(self, step: int) -> None:
        cards = self.cards()
        if not cards:
            return
        focused = self.focused
        index = (cards.index(focused) + step) % len(cards) if focused in cards else 0  # type: ignore[arg-type]
        cards[index].focus()
        cards[index].scroll_visible()

    def action_log(self) -> None:
        today = self.smtui.today()
        assert self.brand.id is not None
        due = self.store.metric_values.due(self.brand.id, today)
        if not due:
            self.notify(_("Nothing to log today: every metric is up to date."))
            return

        def save(entries: list[MetricValue]) -> list[MetricValue]:
            return self.store.metric_values.log_many(entries)

        def done(saved: list[MetricValue] | None) -> None:
            if saved:
                self.notify(_("{count} values saved").format(count=len(saved)))
                self.reload()

        self.app.push_screen(log_form(due, today, save), done)

    def action_history(self) -> None:
        card = self.focused if isinstance(self.focused, KpiCard) else None
        if card is None or card.metric_id is None:
            cards = [item for item in self.cards() if item.metric_id is not None]
            if not cards:
                return
            card = cards[0]
        metric = self.store.metrics.get(card.metric_id)  # type: ignore[arg-type]
        self.app.push_screen(MetricHistoryScreen(metric), lambda _none: self.reload())

    def action_period(self) -> None:
        choices: list[tuple[str, Any]] = [(_(label), key) for key, label in PERIOD_CHOICES.items()]
        choices.append((_("Custom dates…"), CUSTOM))
        current = self.current_period().key
        self.app.push_screen(PickerScreen(_("Period"), choices, current=current), self._picked)

    def _picked(self, key: str | None) -> None:
        if key is None:
            return
        if key == CUSTOM:
            self.app.push_screen(period_form(self.current_period()), self._custom)
            return
        self.period = kpi_period(key, self.smtui.today())
        self.reload()

    def _custom(self, period: KpiPeriod | None) -> None:
        if period is not None:
            self.period = period
            self.reload()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
