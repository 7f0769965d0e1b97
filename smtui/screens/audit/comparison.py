"""Provides the modal that lists what changed between a run and the run before it: items
newly ticked, items no longer ticked, and items only one run has (a channel added or
removed, a new template)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from smtui.domain.audit import AuditItem, AuditRun, Comparison
from smtui.domain.i18n import _
from smtui.screens.audit.views import comparison_summary
from smtui.widgets import literal, literal_line


class ComparisonScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,c", "close", _("Close"), id="comparison.close")]

    def __init__(self, run: AuditRun, previous: AuditRun, comparison: Comparison) -> None:
        super().__init__()
        self.run = run
        self.previous = previous
        self.comparison = comparison

    def rows(self) -> list[tuple[Text, AuditItem]]:
        rows = [
            (
                Text("✓ " + _("now ticked"), style="green")
                if change.current.done
                else Text("✗ " + _("unticked"), style="red"),
                change.current,
            )
            for change in self.comparison.changed
        ]
        rows += [(Text("+ " + _("new item"), style="cyan"), item) for item in self.comparison.added]
        rows += [(Text("− " + _("removed"), style="dim"), item) for item in self.comparison.removed]
        return rows

    def compose(self) -> ComposeResult:
        with Vertical(id="audit-comparison", classes="dialog"):
            title = literal(self.run.title, "bold")
            title.append(" — " + _("what changed"))
            yield Static(title, classes="dialog-title")
            yield Static(
                comparison_summary(self.previous, self.comparison), id="comparison-summary"
            )
            table: DataTable[Text] = DataTable(
                id="comparison-table", cursor_type="row", zebra_stripes=True
            )
            table.add_column(_("Change"), width=13)
            table.add_column(_("Section"), width=18)
            # What the dialog (at most 110 columns, 95% of a narrow terminal) leaves free.
            width = max(20, min(110, self.app.size.width * 95 // 100) - 45)
            table.add_column(_("Item"), width=width)
            for label, item in self.rows():
                cells = (
                    label,
                    literal_line(_(item.section), 18),
                    literal_line(item.shown_text, width),
                )
                table.add_row(*cells)
            if not table.row_count:
                table.add_row(Text(""), Text(""), Text(_("No item changed state."), style="italic"))
            yield table
            yield Static(Text(_("esc close")), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)
