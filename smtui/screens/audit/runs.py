"""Provides the Runs tab: every audit run of the brand, newest first, with its progress and
open actions, and for the highlighted run what changed since the run before it.

Runs are history: this tab only reads them. Enter opens the highlighted run in the
Checklist tab.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static, TabPane

from smtui.domain.audit import RunSummary, compare
from smtui.domain.i18n import _
from smtui.screens.audit.columns import Column, fit, pane_width
from smtui.screens.audit.views import bar, comparison_summary, count, run_state
from smtui.screens.base import AppAccess
from smtui.widgets import literal_line

RUN_COLUMNS = (
    Column("title", _("Run")),
    Column("started", _("Started"), 10),
    Column("state", _("State"), 19, optional_below=90),
    Column("count", _("Done"), 7),
    # A bar of 10, a space and "100%" as the language writes it ("100 %" in French).
    Column("bar", _("Progress"), 11 + len(_("{number}%").format(number=100))),
    Column("actions", _("Actions"), 7, optional_below=64),
)


class RunsPane(AppAccess, TabPane):
    class Open(Message):
        """The user chose a run to show in the checklist."""

        def __init__(self, run_id: int) -> None:
            super().__init__()
            self.run_id = run_id

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(title, id=id)
        self.summaries: list[RunSummary] = []
        self.width = 0

    def compose(self) -> ComposeResult:
        yield DataTable(id="audit-runs", cursor_type="row", zebra_stripes=True)
        yield Static("", id="audit-run-detail", classes="audit-detail")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#audit-runs", DataTable)

    @property
    def current(self) -> RunSummary | None:
        row = self.table.cursor_row
        return self.summaries[row] if 0 <= row < len(self.summaries) else None

    def focus_table(self) -> None:
        self.table.focus()

    def reload(self, select_id: int | None = None) -> None:
        table = self.table
        keep = select_id if select_id is not None else getattr(self.current, "run", None)
        keep_id = keep if isinstance(keep, int) else getattr(keep, "id", None)
        self.summaries = self.smtui.store.audits.run_summaries(self.smtui.brand.id or 0)
        self.width = pane_width(self)
        flex = fit(table, RUN_COLUMNS, self.width)
        shown = {column.key for column in table.ordered_columns}
        for summary in self.summaries:
            cells: list[Any] = [
                literal_line(summary.run.title, flex),
                Text(summary.run.started_on.isoformat()),
            ]
            if "state" in shown:
                cells.append(run_state(summary.run))
            cells += [count(summary.done, summary.total), bar(summary.done, summary.total)]
            if "actions" in shown:
                cells.append(Text(str(summary.open_actions or "—"), justify="right"))
            table.add_row(*cells, key=str(summary.run.id))
        ids = [summary.run.id for summary in self.summaries]
        if keep_id in ids:
            table.move_cursor(row=ids.index(keep_id), animate=False)
        self._show_detail()

    def on_resize(self) -> None:
        if pane_width(self) != self.width:
            self.reload()

    def _show_detail(self) -> None:
        detail = self.query_one("#audit-run-detail", Static)
        detail.update(self.detail(self.current))

    def detail(self, summary: RunSummary | None) -> RenderableType:
        if summary is None:
            return Text(_("No audit run yet: press n to start one."), style="italic dim")
        run = summary.run
        assert run.id is not None
        audits = self.smtui.store.audits
        head = Text.assemble(literal_line(run.title, style="bold"), "  ", run_state(run))
        actions = _("{count} open actions (items with a due date, not done)").format(
            count=summary.open_actions
        )
        previous = audits.previous_run(run.id)
        if previous is None or previous.id is None:
            versus = Text(_("The first run: nothing to compare with."), style="dim")
        else:
            comparison = compare(audits.items(previous.id), audits.items(run.id))
            versus = comparison_summary(previous, comparison)
        hint = Text(_("enter opens this run in the checklist · c lists the changes"), style="dim")
        return Group(head, Text(actions), versus, hint)

    @on(DataTable.RowHighlighted, "#audit-runs")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(DataTable.RowSelected, "#audit-runs")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        summary = self.current
        if summary is not None and summary.run.id is not None:
            self.post_message(self.Open(summary.run.id))
