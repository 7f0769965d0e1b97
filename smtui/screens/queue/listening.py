"""Provides the Listening view: new entries of the brand's feeds, each to make a queue item
(to answer or engage), a post idea in the calendar, or dismiss; and fetching the feeds in a
worker, with a clear notification when offline."""

from __future__ import annotations

import pendulum
from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from smtui.domain.day_names import day_time
from smtui.domain.i18n import N_, _, ngettext
from smtui.domain.inbox import Feed, FeedEntry
from smtui.domain.validation import DomainError
from smtui.screens.base import AppAccess
from smtui.widgets.literal import literal, literal_line

COLUMNS: tuple[tuple[str, int | None], ...] = (
    (N_("Published"), 12),
    (N_("Feed"), 22),
    (N_("Title"), None),
)


class ListeningScreen(AppAccess, Screen[None]):
    TITLE_TEXT = N_("Listening")
    AUTO_FOCUS = "#listening-table"
    BINDINGS = [
        Binding("a", "queue", _("To queue"), tooltip=_("Make the entry a queue item")),
        Binding("i", "idea", _("Post idea"), tooltip=_("Make the entry a post idea")),
        Binding("x,d", "dismiss_entry", _("Dismiss")),
        Binding("o", "open_url", _("Open link"), show=False),
        Binding("f", "fetch", _("Fetch feeds"), tooltip=_("Fetch the brand's feeds now")),
        Binding("escape,l", "close", _("Back to queue")),
    ]

    def __init__(self) -> None:
        super().__init__(id="listening")
        self.entries: list[tuple[Feed, FeedEntry]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="listening-bar")
        yield DataTable(id="listening-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="listening-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"smtui — {_(self.TITLE_TEXT)}"
        self.sub_title = self.smtui.brand.name
        self.reload()

    @property
    def table(self) -> DataTable[RenderableType]:
        return self.query_one("#listening-table", DataTable)

    @property
    def current(self) -> tuple[Feed, FeedEntry] | None:
        row = self.table.cursor_row
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def reload(self) -> None:
        brand = self.smtui.brand
        store = self.smtui.store
        row = max(self.table.cursor_row, 0)
        self.entries = store.feeds.entries(brand.id)
        feeds = store.feeds.list(brand.id)
        table = self.table
        table.clear(columns=True)
        width = (table.size.width or self.app.size.width - 2) - 12 - 22 - 8
        for label, column_width in COLUMNS:
            table.add_column(_(label), width=column_width or max(20, width))
        for feed, entry in self.entries:
            when = (
                day_time(pendulum.instance(entry.published_at).in_timezone(brand.timezone))
                if entry.published_at
                else ""
            )
            table.add_row(
                Text(when),
                literal_line(feed.label, 22),
                literal_line(entry.title or entry.summary, max(20, width)),
                key=str(entry.id),
            )
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1))
        bar = Text()
        bar.append(
            ngettext("{n} new entry", "{n} new entries", len(self.entries)).format(
                n=len(self.entries)
            ),
            style="bold",
        )
        bar.append("  ·  " + _("{n} feeds").format(n=len(feeds)), style="dim")
        fetched = [feed.last_fetched_at for feed in feeds if feed.last_fetched_at]
        if fetched:
            last = pendulum.instance(max(fetched)).in_timezone(brand.timezone)
            bar.append("  ·  " + _("last fetched {time}").format(time=day_time(last)))
        self.query_one("#listening-bar", Static).update(bar)
        self._show_detail()
        table.focus()

    def _show_detail(self) -> None:
        pane = self.query_one("#listening-detail", Static)
        current = self.current
        if current is None:
            pane.update(Text(_("No new entries. Press f to fetch the feeds."), style="italic"))
            return
        feed, entry = current
        parts: list[RenderableType] = [
            literal(entry.title, "bold"),
            literal(feed.label, "dim"),
            literal(entry.summary),
        ]
        if entry.link:
            parts.append(literal(entry.link, "underline"))
        pane.update(Group(*parts))

    @on(DataTable.RowHighlighted, "#listening-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(DataTable.RowSelected, "#listening-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()

    def _entry_action(self, done: str, action: str) -> None:
        current = self.current
        if current is None:
            self.notify(_("No entry to act on."), severity="warning")
            return
        _feed, entry = current
        assert entry.id is not None
        feeds = self.smtui.store.feeds
        try:
            {"queue": feeds.to_queue, "idea": feeds.to_idea, "dismiss": feeds.dismiss}[action](
                entry.id
            )
        except DomainError as error:
            self.notify(error.message, severity="warning", markup=False)
        else:
            self.notify(done)
        self.reload()

    def action_queue(self) -> None:
        self._entry_action(_("Added to the queue."), "queue")

    def action_idea(self) -> None:
        self._entry_action(_("Added to the calendar as a post idea."), "idea")

    def action_dismiss_entry(self) -> None:
        self._entry_action(_("Dismissed."), "dismiss")

    def action_open_url(self) -> None:
        current = self.current
        if current is None or not current[1].link:
            self.notify(_("This entry has no link."), severity="warning")
            return
        self.app.open_url(current[1].link)

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_fetch(self) -> None:
        self.notify(_("Fetching the feeds…"))
        self.fetch_feeds()

    @work(thread=True, exclusive=True, exit_on_error=False, group="feeds")
    def fetch_feeds(self) -> None:
        from smtui.io.feeds import fetch_all

        brand_id = self.smtui.brand.id
        results = fetch_all(self.smtui.store, brand_id)
        self.app.call_from_thread(self._fetched, results)

    def _fetched(self, results: list) -> None:  # type: ignore[type-arg]
        if not results:
            self.notify(
                _("The brand follows no feed yet: smtui feeds add URL."), severity="warning"
            )
        failed = [result for result in results if result.error]
        for result in failed:
            self.notify(result.message, severity="error", markup=False, timeout=8)
        new = sum(result.new for result in results)
        if results and len(failed) < len(results):
            self.notify(ngettext("{n} new entry.", "{n} new entries.", new).format(n=new))
        self.reload()
