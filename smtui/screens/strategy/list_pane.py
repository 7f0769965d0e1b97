"""Provides the tab pane shape shared by the Strategy lists: a table of the brand's items,
a detail panel for the highlighted one, and add / edit / delete through modal forms."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel
from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static, TabPane

from smtui.domain.i18n import _
from smtui.domain.validation import DomainError
from smtui.screens.base import AppAccess
from smtui.widgets import ConfirmScreen, FormField, FormScreen

M = TypeVar("M", bound=BaseModel)


class ListPane(AppAccess, TabPane, Generic[M]):
    """Subclasses say what a row shows and how a form maps to their model."""

    BINDINGS = [
        Binding("a", "add", _("Add"), tooltip=_("Add an item to this list")),
        Binding("e", "edit", _("Edit"), tooltip=_("Edit the highlighted item")),
        Binding("d,delete", "delete", _("Delete"), tooltip=_("Delete the highlighted item")),
    ]
    COLUMNS: ClassVar[tuple[tuple[str, int | None], ...]] = ()
    NOUN = ""
    # The form titles and the question whole, per list: a translation must agree them with
    # the noun ("Nouvel objectif", "Supprimer ce canal ?"); empty falls back to NOUN.
    NEW_TITLE = ""
    EDIT_TITLE = ""
    DELETE_QUESTION = ""

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(title, id=id)
        self.items: list[M] = []
        self.flex = 30
        """Width of the one column declared without a width: what the others leave free."""

    # -- what subclasses provide -------------------------------------------------------
    def fetch(self) -> list[M]:
        raise NotImplementedError

    def cells(self, item: M) -> tuple[RenderableType, ...]:
        raise NotImplementedError

    def detail(self, item: M) -> RenderableType:
        raise NotImplementedError

    def form_fields(self) -> list[FormField]:
        raise NotImplementedError

    def form_values(self, item: M | None) -> dict[str, Any]:
        raise NotImplementedError

    def save(self, data: dict[str, Any], item: M | None) -> M:
        """Validate and commit; raise ValidationError or DomainError to keep the form open."""
        raise NotImplementedError

    def remove(self, item: M) -> None:
        raise NotImplementedError

    def name_of(self, item: M) -> str:
        raise NotImplementedError

    def summary(self) -> RenderableType:
        """A line under the table (totals, warnings); empty by default."""
        return ""

    # -- shared behaviour ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield DataTable(id=f"{self.id}-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id=f"{self.id}-summary", classes="pane-summary")
        yield Static("", id=f"{self.id}-detail", classes="pane-detail")

    @property
    def table(self) -> DataTable[RenderableType]:
        return self.query_one(f"#{self.id}-table", DataTable)

    @property
    def current(self) -> M | None:
        table = self.table
        if not self.items or table.cursor_row < 0 or table.cursor_row >= len(self.items):
            return None
        return self.items[table.cursor_row]

    def _flex_width(self) -> int:
        """What the fixed columns leave of the table's width, so that no row overflows."""
        width = self.table.size.width or self.app.size.width - 4
        fixed = sum(w for _label, w in self.COLUMNS if w) + 2 * len(self.COLUMNS) + 2
        return max(16, width - fixed)

    def _fit_columns(self) -> None:
        self.flex = self._flex_width()
        table = self.table
        table.clear(columns=True)
        for label, column_width in self.COLUMNS:
            table.add_column(label, width=column_width or self.flex)

    def on_resize(self) -> None:
        if self._flex_width() != self.flex:
            self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Refill the table from the store, keeping the cursor on ``select_id`` or in place."""
        table = self.table
        keep = select_id if select_id is not None else getattr(self.current, "id", None)
        row = table.cursor_row
        self.items = self.fetch()
        self._fit_columns()
        for item in self.items:
            table.add_row(*self.cells(item), key=str(item.id))  # type: ignore[attr-defined]
        ids = [item.id for item in self.items]  # type: ignore[attr-defined]
        if keep in ids:
            row = ids.index(keep)
        if self.items:
            table.move_cursor(row=min(max(row, 0), len(self.items) - 1))
        summary = self.summary()
        label = self.query_one(f"#{self.id}-summary", Static)
        label.update(summary)
        label.set_class(bool(summary), "-shown")
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.current
        empty = Text(_("Nothing here yet: press a to add one."), style="italic")
        self.query_one(f"#{self.id}-detail", Static).update(self.detail(item) if item else empty)

    def focus_table(self) -> None:
        self.table.focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _open_form(self, title: str, item: M | None) -> None:
        def submit(data: dict[str, Any]) -> M:
            return self.save(data, item)

        def done(saved: M | None) -> None:
            if saved is not None:
                self.reload(select_id=saved.id)  # type: ignore[attr-defined]
                self.notify(_("Saved: {name}").format(name=self.name_of(saved)), markup=False)

        form = FormScreen(
            title, self.form_fields(), self.form_values(item), submit, form_id=self.id or "form"
        )
        self.app.push_screen(form, done)

    def action_add(self) -> None:
        self._open_form(self.NEW_TITLE or _("New {noun}").format(noun=self.NOUN.lower()), None)

    def action_edit(self) -> None:
        item = self.current
        if item is None:
            self.notify(_("Nothing to edit: press a to add one."), severity="warning")
            return
        self._open_form(self.EDIT_TITLE or _("Edit {noun}").format(noun=self.NOUN.lower()), item)

    def action_delete(self) -> None:
        item = self.current
        if item is None:
            self.notify(_("Nothing to delete."), severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.remove(item)
            except DomainError as error:  # deleted meanwhile, in another window or process
                self.notify(error.message, severity="warning", markup=False)
            else:
                self.notify(_("Deleted: {name}").format(name=self.name_of(item)), markup=False)
            self.reload()

        question = self.DELETE_QUESTION or _("Delete this {noun}?").format(noun=self.NOUN.lower())
        self.app.push_screen(ConfirmScreen(question, self.name_of(item)), answered)
