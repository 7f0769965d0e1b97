"""Provides the Strategy screen: the brand's charter, channels, objectives, personas and
content pillars, one tab each, and the switch between brands."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, TabbedContent

from smtui.domain.i18n import _
from smtui.domain.models import Brand
from smtui.domain.planning import BrandSettings
from smtui.screens.base import SmtuiScreen
from smtui.screens.strategy.channels import ChannelsPane
from smtui.screens.strategy.charter import CharterPane, brand_fields
from smtui.screens.strategy.objectives import ObjectivesPane
from smtui.screens.strategy.personas import PersonasPane
from smtui.screens.strategy.pillars import PillarsPane
from smtui.screens.strategy.rules import rules_fields, rules_from, rules_values
from smtui.widgets import FormScreen

TABS = ("charter", "channels", "objectives", "personas", "pillars")


class StrategyScreen(SmtuiScreen):
    TITLE_TEXT = _("Strategy")
    BINDINGS = [
        Binding("right_square_bracket", "tab(1)", _("Next tab"), key_display="]"),
        Binding("left_square_bracket", "tab(-1)", _("Previous tab"), key_display="[", show=False),
        Binding("b", "app.pick_brand", _("Brand"), tooltip=_("Show another brand")),
        Binding("n", "new_brand", _("New brand"), show=False),
        Binding("w", "working_rules", _("Working rules"), tooltip=_("Hours, outreach, gaps")),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="strategy-tabs"):
            yield CharterPane(_("Charter"), id="charter")
            yield ChannelsPane(_("Channels"), id="channels")
            yield ObjectivesPane(_("Objectives"), id="objectives")
            yield PersonasPane(_("Personas"), id="personas")
            yield PillarsPane(_("Pillars"), id="pillars")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"smtui — {self.TITLE_TEXT}"

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#strategy-tabs", TabbedContent)

    def pane(self, tab: str) -> Any:
        return self.query_one(f"#{tab}")

    def reload(self) -> None:
        self.sub_title = self.brand.name
        for tab in TABS:
            self.pane(tab).reload()
        self.pane(self.tabs.active or TABS[0]).focus_table()

    def action_tab(self, step: int) -> None:
        current = TABS.index(self.tabs.active) if self.tabs.active in TABS else 0
        self.show_tab(TABS[(current + step) % len(TABS)])

    def show_tab(self, tab: str) -> None:
        self.tabs.active = tab
        self.pane(tab).focus_table()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.call_after_refresh(self.pane(event.pane.id).focus_table)

    def action_new_brand(self) -> None:
        def submit(data: dict[str, Any]) -> Brand:
            return self.store.brands.add(Brand.model_validate(data))

        def done(brand: Brand | None) -> None:
            if brand is not None:
                self.smtui.set_brand(brand)
                self.notify(_("Brand created: {name}").format(name=brand.name), markup=False)

        values = {"timezone": self.brand.timezone}
        self.app.push_screen(FormScreen(_("New brand"), brand_fields(), values, submit), done)

    def action_working_rules(self) -> None:
        brand_id = self.brand.id
        assert brand_id is not None

        def submit(data: dict[str, Any]) -> BrandSettings:
            return self.store.brand_settings.save(rules_from(data, brand_id))

        def done(saved: BrandSettings | None) -> None:
            if saved is not None:
                self.notify(_("Working rules saved"))

        values = rules_values(self.store.brand_settings.get(brand_id))
        title = _("Working rules of {brand}").format(brand=self.brand.name)
        self.app.push_screen(FormScreen(title, rules_fields(), values, submit), done)
