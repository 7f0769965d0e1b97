"""Provides the Checklist tab: the run being audited, its sections with their progress, the
items of the highlighted section, and the highlighted item's detail.

Ticks and follow-ups are saved at once (one repository call each); the tables are then
updated in place, by row key, so the cursor stays where the user is working.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Static, TabPane

from smtui.domain.audit import AuditItem, AuditRun, Progress, RunSummary
from smtui.domain.enums import ChannelStatus
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.domain.validation import DomainError
from smtui.screens.audit.columns import Column, fit, pane_width
from smtui.screens.audit.forms import item_form
from smtui.screens.audit.guard import on_top
from smtui.screens.audit.views import TICK, count, due_text, item_detail, percent, run_head
from smtui.screens.base import AppAccess
from smtui.widgets import PickerScreen, literal_line

SECTION_COLUMNS = (
    Column("section", _("Section")),
    Column("count", _("Done"), 5),
    # As wide as "100%" in the language shown ("100 %" in French).
    Column("percent", "%", len(_("{number}%").format(number=100)), optional_below=34),
)
ITEM_COLUMNS = (
    Column("done", TICK, 1),
    Column("text", _("Item")),
    Column("owner", _("Owner"), 12, optional_below=72),
    Column("due", _("Due"), 10),
)
# What a finding may make of a channel, in the words of the Six-step plan's audit.
FINDINGS = (
    ChannelStatus.ACTIVE,
    ChannelStatus.TO_UPDATE,
    ChannelStatus.TO_DELETE,
    ChannelStatus.FRAUDULENT,
    ChannelStatus.TO_CREATE,
)


class ChecklistPane(AppAccess, TabPane):
    BINDINGS = [
        Binding("space", "tick", _("Tick"), tooltip=_("Tick or untick the highlighted item")),
        Binding("e", "edit", _("Follow up"), tooltip=_("Note, evidence URL, owner and due date")),
        Binding(
            "s",
            "channel_status",
            _("Channel status"),
            tooltip=_("Mark the item's channel to update, to delete or fraudulent to report"),
        ),
    ]

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(title, id=id)
        self.run: AuditRun | None = None
        self.section: str | None = None
        self.items: list[AuditItem] = []
        self.widths = (0, 0)

    def compose(self) -> ComposeResult:
        yield Static("", id="audit-head")
        with Horizontal(id="audit-checklist"):
            yield DataTable(id="audit-sections", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="audit-items", cursor_type="row", zebra_stripes=True)
        yield Static("", id="audit-item-detail", classes="audit-detail")

    @property
    def sections(self) -> DataTable[Any]:
        return self.query_one("#audit-sections", DataTable)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#audit-items", DataTable)

    @property
    def current(self) -> AuditItem | None:
        row = self.table.cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def focus_table(self) -> None:
        self.table.focus()

    # -- filling -------------------------------------------------------------------------
    def show_run(self, run: AuditRun | None) -> None:
        """Show ``run`` from its first section (or keep the section when it is the same run)."""
        other = run is None or self.run is None or run.id != self.run.id
        if other:
            self.section = None
        self.run = run
        self.reload(top=other)

    def reload(self, top: bool = False) -> None:
        """Read the run again; ``top`` puts the cursor on the first item (another run)."""
        self.widths = self._widths()
        self.sections.styles.width = self.widths[0]
        progress = self._progress()
        self._fill_sections(progress)
        self._fill_items(top=top)
        self._show_head()

    def _progress(self) -> Progress | None:
        return self.smtui.store.audits.progress(self.run.id) if self.run and self.run.id else None

    def _show_head(self) -> None:
        summary = None
        if self.run is not None and self.run.id is not None:
            progress = self._progress()
            if progress is not None:
                overall = progress.overall
                summary = RunSummary(self.run, overall.done, overall.total, 0)
        narrow = self.app.size.width < 100
        self.query_one("#audit-head", Static).update(run_head(self.run, summary, narrow))

    def _section_cells(self, done: int, total: int, name: str, flex: int) -> list[Any]:
        cells: list[Any] = [literal_line(_(name), flex), count(done, total)]
        if len(self.sections.columns) > 2:
            cells.append(percent(done, total))
        return cells

    def _fill_sections(self, progress: Progress | None) -> None:
        table = self.sections
        flex = fit(table, SECTION_COLUMNS, self.widths[0])
        sections = progress.sections if progress else []
        names = [section.section for section in sections]
        if self.section not in names:
            self.section = names[0] if names else None
        for section in sections:
            cells = self._section_cells(section.done, section.total, section.section, flex)
            table.add_row(*cells, key=section.section)
        if self.section is not None:
            table.move_cursor(row=names.index(self.section), animate=False)

    def _item_cells(self, item: AuditItem, flex: int) -> list[Any]:
        mark = Text(TICK, style="bold green") if item.done else Text("·", style="dim")
        cells: list[Any] = [mark, literal_line(item.shown_text, flex, "dim" if item.done else "")]
        if "owner" in self.table.columns:
            cells.append(literal_line(item.owner, 12))
        cells.append(due_text(item, self.smtui.today()))
        return cells

    def _fill_items(self, select_id: int | None = None, top: bool = False) -> None:
        """Refill the items table, keeping the cursor on ``select_id``, in place, or at the
        top (``top``, for a section just chosen)."""
        table = self.table
        keep = select_id if select_id is not None else getattr(self.current, "id", None)
        row = 0 if top else table.cursor_row
        run = self.run
        self.items = (
            self.smtui.store.audits.items(run.id, self.section)
            if run is not None and run.id is not None and self.section is not None
            else []
        )
        flex = fit(table, ITEM_COLUMNS, self.widths[1])
        for item in self.items:
            table.add_row(*self._item_cells(item, flex), key=str(item.id))
        ids = [item.id for item in self.items]
        if keep in ids and not top:
            row = ids.index(keep)
        if self.items:
            table.move_cursor(row=min(max(row, 0), len(self.items) - 1), animate=False)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#audit-item-detail", Static)
        item = self.current
        if item is None:
            detail.update(Text(_("No item to show."), style="italic dim"))
            return
        detail.update(item_detail(item, self._channel(item), self.smtui.today()))

    def _channel(self, item: AuditItem) -> Channel | None:
        if item.channel_id is None:
            return None
        try:
            return self.smtui.store.channels.get(item.channel_id)
        except DomainError:  # deleted meanwhile
            return None

    def _widths(self) -> tuple[int, int]:
        """The sections' and the items' widths: the sections narrow on a small terminal."""
        width = pane_width(self)
        sections = 39 if width >= 96 else 30
        return sections, max(20, width - sections - 1)

    def on_resize(self) -> None:
        if self.widths != self._widths():
            self.reload()

    # -- events ----------------------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#audit-sections")
    def _section_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.cursor_row != self.sections.cursor_row:
            return  # posted while the table was being refilled; the cursor has moved on
        name = event.row_key.value
        if name is not None and name != self.section:
            self.section = name
            self._fill_items(top=True)

    @on(DataTable.RowSelected, "#audit-sections")
    def _section_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.table.focus()

    @on(DataTable.RowHighlighted, "#audit-items")
    def _item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(DataTable.RowSelected, "#audit-items")
    def _item_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # -- actions ---------------------------------------------------------------------------
    def _editable(self) -> AuditItem | None:
        if not on_top(self):
            return None
        item = self.current
        if item is None:
            self.notify(_("No item here: press n to start an audit run."), severity="warning")
            return None
        if self.run is not None and self.run.finished:
            self.notify(
                _("This run is finished and kept as history: press n to start a new one."),
                severity="warning",
            )
            return None
        return item

    def _saved(self, item: AuditItem) -> None:
        self._fill_items(select_id=item.id)
        progress = self._progress()
        if progress is not None:
            flex = self.sections.ordered_columns[0].width
            for section in progress.sections:
                cells = self._section_cells(section.done, section.total, section.section, flex)
                for column, cell in zip(self.sections.ordered_columns, cells, strict=False):
                    self.sections.update_cell(section.section, column.key, cell)
        self._show_head()

    def action_tick(self) -> None:
        item = self._editable()
        if item is None:
            return
        try:
            saved = self.smtui.store.audits.update_item(
                item.model_copy(update={"done": not item.done})
            )
        except DomainError as error:
            self.notify(error.message, severity="warning", markup=False)
            self.reload()
            return
        self._saved(saved)

    def action_edit(self) -> None:
        item = self._editable()
        if item is None:
            return

        def done(saved: AuditItem | None) -> None:
            if saved is not None:
                self._saved(saved)
                self.notify(_("Item saved."))

        self.app.push_screen(item_form(self.smtui.store, item), done)

    def action_channel_status(self) -> None:
        if not on_top(self):
            return
        item = self.current
        channel = self._channel(item) if item is not None else None
        if channel is None or channel.id is None:
            self.notify(
                _("This item is about no single channel: pick one of the account inventory."),
                severity="warning",
            )
            return
        choices = [(status.label, status.value) for status in FINDINGS]
        title = _("Status of {channel}").format(channel=channel.label)
        picker = PickerScreen(title, choices, current=channel.status.value)

        def picked(value: str | None) -> None:
            if value is None or value == channel.status.value:
                return
            status = ChannelStatus(value)
            try:
                self.smtui.store.channels.update(channel.model_copy(update={"status": status}))
            except DomainError as error:
                self.notify(error.message, severity="warning", markup=False)
                return
            self._show_detail()
            message = _("{channel} is now: {status}").format(
                channel=channel.label, status=status.label
            )
            self.notify(message, markup=False)

        self.app.push_screen(picker, picked)
