"""Provides the dialog where a brand's recurring posting slots are listed, added and deleted.

Slots are what make gaps visible: a channel that posts "Tuesday and Thursday at 09:30"
shows those times empty in every grid until a post fills them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from smtui.domain.day_names import SHORT_WEEKDAYS
from smtui.domain.i18n import _
from smtui.domain.planning import RecurringSlot
from smtui.widgets import ConfirmScreen, FormField, FormScreen
from smtui.widgets.literal import literal

if TYPE_CHECKING:
    from smtui.domain.models import Brand
    from smtui.screens.calendar.data import Catalogue
    from smtui.store import Store


class SlotsScreen(ModalScreen[bool]):
    """Dismisses with True when a slot was added or deleted, so the calendar reloads."""

    BINDINGS = [
        Binding("a", "add", _("Add slot")),
        Binding("x,delete", "delete", _("Delete slot")),
        Binding("escape", "close", _("Close")),
    ]

    def __init__(self, store: Store, brand: Brand, catalogue: Catalogue) -> None:
        super().__init__(id="slots-screen")
        self.store = store
        self.brand = brand
        self.catalogue = catalogue
        self.slots: list[RecurringSlot] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="slots-dialog", classes="dialog"):
            yield Static(_("Recurring posting slots"), classes="dialog-title")
            yield DataTable(id="slots-table", cursor_type="row", zebra_stripes=True)
            yield Static(_("a add · x delete · esc close"), classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Channel"), _("Day"), _("Time"))
        self.reload()
        table.focus()

    def reload(self) -> None:
        assert self.brand.id is not None
        self.slots = self.store.slots.list(self.brand.id)
        table = self.query_one(DataTable)
        table.clear()
        for slot in self.slots:
            channel = self.catalogue.channels.get(slot.channel_id)
            table.add_row(
                literal(channel.label if channel else "—"),
                Text(_(SHORT_WEEKDAYS[slot.weekday])),
                Text(slot.time_local),
                key=str(slot.id),
            )
        if not self.slots:
            table.add_row(Text(_("No slots yet: a adds one"), style="dim"), Text(""), Text(""))

    def action_add(self) -> None:
        if missing := self.catalogue.no_channel_yet(self.brand):
            self.notify(missing, severity="warning", markup=False)
            return
        fields = [
            FormField(
                "channel_id",
                _("Channel"),
                "select",
                [(c.label, str(c.id)) for c in self.catalogue.channels.values()],
                required=True,
            ),
            FormField(
                "weekday",
                _("Day"),
                "select",
                [(_(name), str(index)) for index, name in enumerate(SHORT_WEEKDAYS)],
                required=True,
            ),
            FormField("time_local", _("Time"), required=True, placeholder="HH:MM"),
        ]

        def submit(data: dict[str, Any]) -> RecurringSlot:
            slot = RecurringSlot.model_validate(
                {
                    "brand_id": self.brand.id,
                    "channel_id": int(data["channel_id"]) if data.get("channel_id") else 0,
                    "weekday": int(data["weekday"]) if data.get("weekday") else 0,
                    "time_local": data.get("time_local") or "",
                }
            )
            return self.store.slots.add(slot)

        def done(slot: RecurringSlot | None) -> None:
            if slot is not None:
                self.changed = True
                self.reload()

        values = {"time_local": "09:30"}
        self.app.push_screen(FormScreen(_("New slot"), fields, values, submit), done)

    def action_delete(self) -> None:
        table = self.query_one(DataTable)
        if not self.slots or table.cursor_row >= len(self.slots):
            return
        slot = self.slots[table.cursor_row]

        def answered(yes: bool | None) -> None:
            if yes and slot.id is not None:
                self.store.slots.delete(slot.id)
                self.changed = True
                self.reload()

        detail = f"{_(SHORT_WEEKDAYS[slot.weekday])} {slot.time_local}"
        self.app.push_screen(ConfirmScreen(_("Delete this slot?"), detail), answered)

    def action_close(self) -> None:
        self.dismiss(self.changed)
