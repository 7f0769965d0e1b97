"""Provides the Strategy screen: the brand's charter, channels, objectives, personas and
content pillars, one tab each, and the switch between brands."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, TabbedContent

from smtui.domain.i18n import _
from smtui.domain.models import Brand
from smtui.domain.planning import BrandSettings
from smtui.screens.strategy.channels import ChannelsPane
from smtui.screens.strategy.charter import CharterPane, brand_fields
from smtui.screens.strategy.objectives import ObjectivesPane
from smtui.screens.strategy.personas import PersonasPane
from smtui.screens.strategy.pillars import PillarsPane
from smtui.screens.strategy.rules import rules_fields, rules_from, rules_values
from smtui.screens.tabbed import TabbedScreen
from smtui.widgets import FormScreen

TABS = ("charter", "channels", "objectives", "personas", "pillars")


class StrategyScreen(TabbedScreen):
    TITLE_TEXT = _("Strategy")
    TABS = TABS
    TABS_ID = "strategy-tabs"
    BINDINGS = [
        *TabbedScreen.TAB_BINDINGS,
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

    def reload(self) -> None:
        self.sub_title = self.brand.name
        for tab in TABS:
            self.pane(tab).reload()
        self.focus_active()

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
