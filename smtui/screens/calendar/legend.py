"""Provides the line of status marks under the calendar's grids."""

from __future__ import annotations

from textual.events import Resize
from textual.widgets import Static

from smtui.screens.calendar.look import legend


class Legend(Static):
    """Drawn again at each width, so that a narrow terminal shows whole entries rather
    than one cut in the middle of a word."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, markup=False)

    def on_resize(self, event: Resize) -> None:
        self.update(legend(self.content_region.width))
