"""Provides the screen shape shared by Strategy and Audit: one TabbedContent whose panes each
hold a table, "]" and "[" to step through them, and focus that follows the active tab."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding
from textual.widgets import TabbedContent

from smtui.domain.i18n import _
from smtui.screens.base import SmtuiScreen


class TabbedScreen(SmtuiScreen):
    """Subclasses name their ``TABS`` (pane ids, in order) and the ``TABS_ID`` of the
    TabbedContent; each pane has ``reload()`` and ``focus_table()``."""

    TABS: ClassVar[tuple[str, ...]] = ()
    TABS_ID: ClassVar[str] = "tabs"
    TAB_BINDINGS: ClassVar[list[Binding]] = [
        Binding("right_square_bracket", "tab(1)", _("Next tab"), key_display="]"),
        Binding("left_square_bracket", "tab(-1)", _("Previous tab"), key_display="[", show=False),
    ]

    def on_mount(self) -> None:
        self.title = f"smtui — {self.TITLE_TEXT}"

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(f"#{self.TABS_ID}", TabbedContent)

    def pane(self, tab: str) -> Any:
        return self.query_one(f"#{tab}")

    def focus_active(self) -> None:
        self.pane(self.tabs.active or self.TABS[0]).focus_table()

    def action_tab(self, step: int) -> None:
        current = self.TABS.index(self.tabs.active) if self.tabs.active in self.TABS else 0
        self.show_tab(self.TABS[(current + step) % len(self.TABS)])

    def show_tab(self, tab: str) -> None:
        self.tabs.active = tab
        self.pane(tab).focus_table()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.call_after_refresh(self.pane(event.pane.id).focus_table)
