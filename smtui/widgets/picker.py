"""Provides a modal list to choose one value from (a brand, a preset)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smtui.domain.i18n import _
from smtui.widgets.literal import literal


class PickerScreen(ModalScreen[Any]):
    """Dismisses with the chosen option's value, or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="picker.cancel")]

    def __init__(
        self, title: str, choices: list[tuple[str, Any]], current: Any = None, hint: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Static(literal(self.title_text), classes="dialog-title")
            yield OptionList(
                *(
                    Option(literal(label), id=str(index))
                    for index, (label, _v) in enumerate(self.choices)
                ),
                id="picker-options",
            )
            yield Static(
                literal(self.hint or _("enter choose · esc cancel")), classes="dialog-hint"
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _label, value in self.choices]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
