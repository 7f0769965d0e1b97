"""Provides the yes/no question asked before anything is deleted or replaced."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smtui.domain.i18n import _
from smtui.widgets.literal import literal


class ConfirmScreen(ModalScreen[bool]):
    """Answers True only on an explicit yes; Escape and "n" keep the data as it is."""

    BINDINGS = [
        Binding("y", "answer(True)", _("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", _("No"), id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes_label = yes or _("Delete")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(literal(self.question), classes="dialog-title")
            if self.detail:
                yield Static(literal(self.detail), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes_label} (y)", variant="error", id="yes")
                yield Button(_("Keep (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
