"""Provides what every smtui screen shares: typed access to the app's store, clock and
current brand, and a reload whenever the screen comes back into view (so changes made
elsewhere, in another screen or another process, show up)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding
from textual.screen import Screen

from smtui.domain.i18n import _
from smtui.domain.models import Brand

if TYPE_CHECKING:
    from smtui.app import SmtuiApp
    from smtui.store import Store


class AppAccess:
    """Typed access to the running SmtuiApp for screens and panes (Textual types it as App)."""

    app: Any

    @property
    def smtui(self) -> SmtuiApp:
        return cast("SmtuiApp", self.app)


class SmtuiScreen(AppAccess, Screen[None]):
    """Subclasses implement :meth:`reload`; it runs on mount, on resume and on brand change."""

    # The app's own Help key, here so that the footer shows it first: Textual lists a
    # screen's keys before the app's, and at 80 columns the app's are cut off.
    BINDINGS = [
        Binding("question_mark", "app.help", _("Help"), tooltip=_("Every key of this screen"))
    ]
    TITLE_TEXT = ""
    _shown = False  # read since it last came into view (Textual may resume a screen twice)

    @property
    def store(self) -> Store:
        return self.smtui.store

    @property
    def brand(self) -> Brand:
        return self.smtui.brand

    @property
    def ready(self) -> bool:
        """Whether the screen shows what it read (the benchmark times the first frame where
        this holds, not the frame of empty panels before it)."""
        return self._shown

    def reload(self) -> None:
        """Read what the screen shows again from the store."""

    def help_marks(self) -> list[tuple[str, str]]:
        """The marks this screen draws and what each means, for its help screen: a glyph
        means nothing to someone who has not been told."""
        return []

    def on_screen_resume(self) -> None:
        if self._shown:
            return
        self._shown = True
        self.sub_title = self.brand.name
        self.reload()

    def on_screen_suspend(self) -> None:
        self._shown = False
