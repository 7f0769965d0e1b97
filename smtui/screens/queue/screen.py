"""Provides the Queue screen (key 3): the reply queue worked to zero from the keyboard.

One page of items at a time in the queue's order (priority, then how close each is to its
target); the next page loads as the cursor nears the end. Every triage key commits at once
and can be undone with ``u``; space selects several items to act on together.
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Static

from smtui.domain.enums import InboxKind, InboxStatus, Priority
from smtui.domain.i18n import N_, _, ngettext
from smtui.domain.inbox import InboxItem, QueueCursor, QueueFilter, QueueTab
from smtui.domain.models import Channel
from smtui.screens.base import SmtuiScreen
from smtui.screens.queue.cells import detail, row_cells
from smtui.screens.queue.triage import TRIAGE_BINDINGS, TriageDialogs
from smtui.widgets.literal import literal_line

PAGE = 100
NEAR_END = 10
MAX_KEPT = 2_000  # rows kept after a refresh, read again page by page
COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("", 2),
    (N_("Received"), 9),
    (N_("Age"), 4),
    (N_("Channel"), 10),
    (N_("Kind"), 8),
    (N_("Author"), 14),
    (N_("Text"), None),
    (N_("Priority"), 8),
    (N_("Status"), 11),
    (N_("Tags"), 10),
)
SEP = " · "
# Columns of a closed vocabulary: as wide as their longest word in the user's language
# (French "Commentaire" is 11 cells where the English is 7).
WORDS = {N_("Kind"): InboxKind, N_("Priority"): Priority, N_("Status"): InboxStatus}


def columns() -> tuple[tuple[str, int | None], ...]:
    return tuple(
        (label, max(width or 0, *(cell_len(word.label) for word in WORDS[label])))
        if label in WORDS
        else (label, width)
        for label, width in COLUMNS
    )


FILTER_LETTERS = 8  # the fewest letters of a filter worth its label in a narrow bar
TAB_LABELS = {QueueTab.TODO: N_("To do"), QueueTab.DONE: N_("Done"), QueueTab.ALL: N_("All")}


class QueueScreen(TriageDialogs, SmtuiScreen):
    TITLE_TEXT = N_("Queue")
    AUTO_FOCUS = "#queue-table"
    BINDINGS = [
        *TRIAGE_BINDINGS,
        Binding("space", "select", _("Pick"), tooltip=_("Select several items to act on together")),
        Binding("slash", "search", _("Search"), key_display="/"),
        Binding("f", "filters", _("Filters"), show=False),
        Binding("right_square_bracket", "tab(1)", _("Next tab"), key_display="]"),
        Binding("left_square_bracket", "tab(-1)", _("Previous tab"), show=False),
        Binding("a", "add", _("Add"), tooltip=_("Paste a comment into the queue"), show=False),
        Binding("l", "listening", _("Listening"), tooltip=_("Feed entries to act on")),
        Binding("b", "app.pick_brand", _("Brand"), show=False),
        Binding("escape", "clear", _("Clear selection and search"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[InboxItem] = []
        self.next_cursor: QueueCursor | None = None
        self.selected: set[int] = set()
        self.filters = QueueFilter()
        self.channels: dict[int, Channel] = {}
        self.flex = 30
        self._detail_due = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="queue-bar")
        yield Input(placeholder=_("Search text and author, enter to apply"), id="queue-search")
        yield DataTable(id="queue-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="queue-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"smtui — {_(self.TITLE_TEXT)}"

    # --- reading ----------------------------------------------------------------------

    @property
    def table(self) -> DataTable[RenderableType]:
        return self.query_one("#queue-table", DataTable)

    @property
    def now(self) -> datetime:
        return self.smtui.clock()

    @property
    def current(self) -> InboxItem | None:
        row = self.table.cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def channel_label(self, item: InboxItem) -> str:
        channel = self.channels.get(item.channel_id or -1)
        return channel.label if channel else ""

    def _flex_width(self) -> int:
        """What the fixed columns leave of the table's width, so that no row overflows."""
        width = self.table.size.width or self.app.size.width - 2
        shown = columns()
        fixed = sum(w for _label, w in shown if w) + 2 * len(shown) + 2
        return max(16, width - fixed)

    def _fit_columns(self) -> None:
        self.flex = self._flex_width()
        self.table.clear(columns=True)
        for label, column_width in columns():
            self.table.add_column(_(label) if label else "", width=column_width or self.flex)

    def on_resize(self) -> None:
        if self._flex_width() != self.flex:
            self.reload()
        else:  # the table's text column is at its narrowest, but the bar still fits anew
            self._show_bar()

    def reload(self) -> None:
        """Read the queue again from the start, as far as the user had scrolled."""
        self.sub_title = self.brand.name
        assert self.brand.id is not None
        self.channels = {c.id: c for c in self.store.channels.list(self.brand.id) if c.id}
        keep = getattr(self.current, "id", None)
        row = max(self.table.cursor_row, 0)
        wanted = min(max(len(self.items), PAGE), MAX_KEPT)
        self.items, self.next_cursor = [], None
        self._fit_columns()
        self._load_page()
        while self.next_cursor is not None and len(self.items) < wanted:
            self._load_page()
        ids = [item.id for item in self.items]
        self.selected &= set(ids)  # type: ignore[arg-type]
        if keep in ids:
            row = ids.index(keep)
        if self.items:
            self.table.move_cursor(row=min(row, len(self.items) - 1))
        self._show_bar()
        self._show_detail()

    def _load_page(self) -> None:
        assert self.brand.id is not None
        page = self.store.inbox.page(
            self.brand.id, self.filters, now=self.now, after=self.next_cursor, limit=PAGE
        )
        self.next_cursor = page.next
        for item in page.items:
            self.items.append(item)
            self.table.add_row(*self._cells(item), key=str(item.id))

    def _cells(self, item: InboxItem) -> tuple[RenderableType, ...]:
        channel = self.channels.get(item.channel_id or -1)
        return row_cells(
            item,
            now=self.now,
            timezone=self.brand.timezone,
            channel=channel.platform.label if channel else "",
            selected=item.id in self.selected,
            width=self.flex,
        )

    def _show_bar(self) -> None:
        """The tabs and the counts, then what narrows the list. The bar is one line: on a
        narrow terminal the snoozed count gives way first, then the filter's label, and the
        filter's text is cut with an ellipsis, so it never shows as a label with nothing
        after it. The selection's count goes in first: the triage keys act on it."""
        assert self.brand.id is not None
        counts = self.store.inbox.counts(self.brand.id, now=self.now, handled=False)
        bar = Text(no_wrap=True, overflow="ellipsis")
        for tab in QueueTab:
            style = "bold reverse" if tab is self.filters.tab else "dim"
            bar.append(f" {_(TAB_LABELS[tab])} ", style=style)
            bar.append(" ")
        bar.append("  ")
        if counts.todo == 0:
            bar.append(_("Inbox zero: nothing left to answer."), style="bold green")
        else:
            bar.append(_("{n} left to zero").format(n=counts.todo), style="bold")
            bar.append(", ")
            bar.append(
                _("{n} past target").format(n=counts.overdue),
                style="bold red" if counts.overdue else "",
            )
        selected = Text()
        if self.selected:
            selected = Text(
                SEP
                + ngettext("{n} selected", "{n} selected", len(self.selected)).format(
                    n=len(self.selected)
                ),
                style="cyan",
            )
        room = self._bar_width() - bar.cell_len - selected.cell_len
        narrowed = self._filter_part(room)
        if counts.snoozed:
            snoozed = Text(
                SEP
                + ngettext("{n} snoozed", "{n} snoozed", counts.snoozed).format(n=counts.snoozed),
                style="dim",
            )
            if snoozed.cell_len <= room - narrowed.cell_len:
                bar.append_text(snoozed)
        bar.append_text(narrowed)
        bar.append_text(selected)
        self.query_one("#queue-bar", Static).update(bar)

    def _bar_width(self) -> int:
        bar = self.query_one("#queue-bar", Static)
        return bar.content_size.width or self.app.size.width - 2

    def _filter_part(self, room: int) -> Text:
        """The active search and filter in at most ``room`` cells: with its label when
        the label leaves room for a few letters, its text cut with an ellipsis."""
        active = self._filter_text()
        if not active:
            return Text()
        text = literal_line(active, style="italic")
        label = Text(SEP + _("filter: "), style="italic")
        if room < label.cell_len + min(text.cell_len, FILTER_LETTERS):
            label = Text(SEP, style="italic")
        if room - label.cell_len < 2:
            return Text()
        text.truncate(room - label.cell_len, overflow="ellipsis")
        return label.append_text(text)

    def _filter_text(self) -> str:
        parts = []
        if self.filters.channel_id in self.channels:
            parts.append(self.channels[self.filters.channel_id].label)  # type: ignore[index]
        if self.filters.kind is not None:
            parts.append(self.filters.kind.label)
        if self.filters.tag:
            parts.append("#" + self.filters.tag)
        if self.filters.text:
            parts.append(f"“{self.filters.text}”")
        return " ".join(parts)

    def _show_detail(self) -> None:
        item = self.current
        pane = self.query_one("#queue-detail", Static)
        if item is None:
            pane.update(Text(self._empty_text(), style="italic"))
            return
        assert item.id is not None
        pane.update(
            detail(
                item,
                now=self.now,
                timezone=self.brand.timezone,
                channel=self.channel_label(item),
                history=self.store.inbox.history(item.id),
            )
        )

    def _empty_text(self) -> str:
        """Why the list is empty: a search or a filter that hides every item is not inbox
        zero (the bar still counts what is left), so it says what hides them and the key
        that clears it."""
        searched = self.filters.text is not None
        filtered = self.filters != QueueFilter(tab=self.filters.tab, text=self.filters.text)
        if searched and filtered:
            return _("Nothing matches the search and the filter; esc clears both.")
        if searched:
            return _("Nothing matches the search; esc clears it, / changes it.")
        if filtered:
            return _("Nothing matches the filter; esc clears it, f changes it.")
        if self.filters.tab is QueueTab.TODO:
            return _("Nothing to answer: the queue is at zero. Press a to add a comment.")
        return _("Nothing here.")

    @on(DataTable.RowHighlighted, "#queue-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if self.next_cursor is not None and event.cursor_row >= len(self.items) - NEAR_END:
            self._load_page()
        # The detail (with the item's history, read from the store) is painted after the
        # frame that moves the cursor, once however many moves that frame took.
        if not self._detail_due:
            self._detail_due = True
            self.call_after_refresh(self._deferred_detail)

    def _deferred_detail(self) -> None:
        self._detail_due = False
        self._show_detail()

    @on(DataTable.RowSelected, "#queue-table")
    def _activated(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_reply()

    # --- acting -----------------------------------------------------------------------

    def action_select(self) -> None:
        item = self.current
        if item is None or item.id is None:
            return
        self.selected ^= {item.id}
        row = self.table.cursor_row
        self.table.update_cell_at((row, 0), self._cells(item)[0])
        if row < len(self.items) - 1:
            self.table.move_cursor(row=row + 1)
        self._show_bar()

    def action_clear(self) -> None:
        search = self.query_one("#queue-search", Input)
        if self.selected or self.filters != QueueFilter(tab=self.filters.tab):
            self.selected.clear()
            self.filters = QueueFilter(tab=self.filters.tab)
            search.value = ""
            self.reload()
        search.remove_class("-shown")
        self.table.focus()

    def action_tab(self, step: int) -> None:
        tabs = list(QueueTab)
        tab = tabs[(tabs.index(self.filters.tab) + step) % len(tabs)]
        self.filters = QueueFilter(
            tab=tab,
            channel_id=self.filters.channel_id,
            kind=self.filters.kind,
            tag=self.filters.tag,
            text=self.filters.text,
        )
        self.selected.clear()
        self.reload()

    def action_search(self) -> None:
        search = self.query_one("#queue-search", Input)
        search.add_class("-shown")
        search.focus()

    @on(Input.Submitted, "#queue-search")
    def _search(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip() or None
        self.filters = QueueFilter(
            tab=self.filters.tab,
            channel_id=self.filters.channel_id,
            kind=self.filters.kind,
            tag=self.filters.tag,
            text=text,
        )
        if text is None:
            event.input.remove_class("-shown")
        self.reload()
        self.table.focus()

    def action_listening(self) -> None:
        from smtui.screens.queue.listening import ListeningScreen

        self.app.push_screen(ListeningScreen())
