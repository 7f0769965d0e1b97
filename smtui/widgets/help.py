"""Provides the help screen: every key of the screen it was opened from, the global ones,
and what the marks it draws mean."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from smtui.domain.i18n import _
from smtui.widgets.literal import literal

DOES_WIDTH = 46  # what an 80-column terminal's dialog leaves beside the keys


def _from_textual(active: ActiveBinding) -> bool:
    """Whether the binding comes from one of Textual's own widget classes (a cursor key of a
    DataTable, say), even when the node is one of ours built on that widget."""
    for cls in type(active.node).__mro__:
        if cls.__module__.startswith("textual.") and any(
            isinstance(binding, Binding)
            and (binding.action, binding.description)
            == (active.binding.action, active.binding.description)
            for binding in getattr(cls, "BINDINGS", ())
        ):
            return True
    return False


class HelpRow(NamedTuple):
    """One row of the help: the keys that do one thing, and what it is (the tooltip says
    more, and tells apart two things described alike)."""

    keys: str  # as shown ("x del")
    does: str
    detail: str = ""  # the binding's tooltip, if it has one

    def does_text(self) -> Text:
        text = Text(self.does)
        if self.detail and self.detail != self.does:
            text.append(f" — {self.detail}", style="dim")
        return text


class HelpScreen(ModalScreen[None]):
    """Built from the live bindings, so a screen's new keys appear here without a doc change."""

    BINDINGS = [Binding("escape,question_mark,q", "close", _("Close"), id="help.close")]

    def __init__(
        self,
        title: str,
        bindings: dict[str, ActiveBinding],
        marks: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.title_text = title
        self.rows = self._rows(bindings)
        self.marks = list(marks)

    def _rows(self, bindings: dict[str, ActiveBinding]) -> list[HelpRow]:
        """smtui's own keys first; the cursor keys of Textual's widgets after them. Keys
        share a row when they do the same thing (same action and description), not merely
        when they are described alike: the Calendar's t (today's date) and 1 (the Today
        screen) are both "Today"; their tooltips tell them apart."""
        ours: dict[tuple[str, str], HelpRow] = {}
        navigation: dict[tuple[str, str], HelpRow] = {}
        for key, active in bindings.items():
            binding = active.binding
            description = binding.description
            if binding.system or not description:
                continue
            group = navigation if _from_textual(active) else ours
            shown = self.app.get_key_display(Binding(key, ""))
            found = group.get((description, binding.action))
            if found is None:
                group[description, binding.action] = HelpRow(shown, description, binding.tooltip)
            else:
                group[description, binding.action] = found._replace(keys=f"{found.keys} {shown}")
        return [*ours.values(), *navigation.values()]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(
                literal(_("Keys — {screen}").format(screen=self.title_text)),
                classes="dialog-title",
            )
            table: DataTable[Text] = DataTable(
                id="help-keys", cursor_type="row", zebra_stripes=True
            )
            # The meanings wrap within the dialog (a long one, or a translation, takes two
            # lines) rather than push the table past its edge.
            table.add_column(_("Key"))
            table.add_column(_("Does"), width=DOES_WIDTH)
            rows = [(Text(row.keys, style="bold"), row.does_text()) for row in self.rows]
            if self.marks:  # in the same table, so that one scroll reaches all of it
                rows.append((Text(""), Text("")))
                rows.append(
                    (
                        Text(_("Mark"), style="bold underline"),
                        Text(_("Means"), style="bold underline"),
                    )
                )
                rows += [(Text(mark, style="bold"), Text(means)) for mark, means in self.marks]
            for row in rows:
                table.add_row(*row, height=None)
            yield table
            yield Static(
                Text(_("Ctrl+P opens the command palette: every action is there by name.")),
                classes="dialog-hint",
            )

    def action_close(self) -> None:
        self.dismiss(None)
