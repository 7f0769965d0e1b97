"""Provides the KPI screen's forms: "log today's numbers" (one field per metric due, Enter
saves all in one transaction), the edit of a past value, the custom period, and the history
of one metric where past values are edited or deleted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from smtui.domain.due_metrics import DueMetric
from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.kpi import KpiPeriod, MetricValue
from smtui.domain.metric_range import check_metric_value
from smtui.domain.models import Metric
from smtui.domain.validation import DomainError, FieldErrors
from smtui.screens.base import AppAccess
from smtui.widgets import ConfirmScreen, FormField, FormScreen, literal, literal_line


def parse_number(text: str | None, field: str) -> float | None:
    """A number field's value, None when empty. The form has read it as people type it
    ("1,234", "1 234", "0,15" in French: ``figures.typed_figure``)."""
    if text is None or not str(text).strip():
        return None
    try:
        value = float(str(text))
    except ValueError:
        raise DomainError(_("enter a number"), field) from None
    if not math.isfinite(value):
        raise DomainError(_("enter a number"), field)
    return value


def parse_day(text: str | None, field: str) -> date:
    try:
        return date.fromisoformat(str(text or "").strip())
    except ValueError:
        raise DomainError(_("enter a date as YYYY-MM-DD"), field) from None


def log_form(
    due: Sequence[DueMetric], today: date, save: Callable[[list[MetricValue]], Any]
) -> FormScreen:
    """One number field per metric; empty fields are skipped, a bad one blocks them all."""
    fields = []
    for item in due:
        metric = item.metric
        last = (
            _("last {value} on {day}").format(
                value=number(item.last_value), day=item.last_date.isoformat()
            )
            if item.last_date
            else _("never logged")
        )
        label = f"{metric.name} ({metric.unit})" if metric.unit else metric.name
        fields.append(
            FormField(
                f"m{metric.id}", label, "number", placeholder=number(item.last_value), help=last
            )
        )

    def submit(data: dict[str, Any]) -> list[MetricValue]:
        entries = []
        errors: dict[str, str] = {}
        for item in due:
            name = f"m{item.metric.id}"
            try:
                value = parse_number(data.get(name), name)
                if value is not None:
                    check_metric_value(value, item.metric.name, item.metric.unit, name)
            except DomainError as error:
                errors[name] = error.message
                continue
            if value is not None:
                assert item.metric.id is not None
                entries.append(MetricValue(metric_id=item.metric.id, date=today, value=value))
        if errors:
            raise FieldErrors(errors)
        if not entries:
            raise DomainError(_("type at least one number"))
        return save(entries)

    title = _("Log today's numbers ({day})").format(day=today.isoformat())
    return FormScreen(title, fields, {}, submit, form_id="log")


def value_form(
    value: MetricValue, save: Callable[[date, float, str], Any], metric: Metric
) -> FormScreen:
    """The edit of one past value, held to the same range as a value logged today."""
    fields = [
        FormField("date", _("Date"), "date", required=True, placeholder="YYYY-MM-DD"),
        FormField("value", _("Value"), "number", required=True),
        FormField("note", _("Note")),
    ]

    def submit(data: dict[str, Any]) -> Any:
        day = parse_day(data.get("date"), "date")
        number_value = parse_number(data.get("value"), "value")
        if number_value is None:
            raise DomainError(_("required"), "value")
        check_metric_value(number_value, metric.name, metric.unit, "value")
        return save(day, number_value, str(data.get("note") or ""))

    values = {"date": value.date.isoformat(), "value": value.value, "note": value.note}
    return FormScreen(_("Edit value"), fields, values, submit, form_id="value")


def period_form(current: KpiPeriod) -> FormScreen:
    fields = [
        FormField("first", _("From"), "date", required=True, placeholder="YYYY-MM-DD"),
        FormField("last", _("To"), "date", required=True, placeholder="YYYY-MM-DD"),
    ]

    def submit(data: dict[str, Any]) -> KpiPeriod:
        first = parse_day(data.get("first"), "first")
        last = parse_day(data.get("last"), "last")
        if last < first:
            raise DomainError(_("the end date is before the start date"), "last")
        return KpiPeriod("custom", first, last)

    values = {"first": current.first.isoformat(), "last": current.last.isoformat()}
    return FormScreen(
        _("Custom period"),
        fields,
        values,
        submit,
        form_id="period",
        verb=_("apply"),
        button=_("Apply (ctrl+s)"),
    )


class MetricHistoryScreen(AppAccess, ModalScreen[None]):
    """A metric's values, newest first, a page at a time; edit or delete the one selected."""

    PAGE = 60
    BINDINGS = [
        Binding("e,enter", "edit", _("Edit value"), id="history.edit"),
        Binding("d", "delete", _("Delete value"), id="history.delete"),
        Binding("m", "more", _("Older values"), id="history.more"),
        Binding("escape", "close", _("Close"), id="history.close"),
    ]

    def __init__(self, metric: Metric) -> None:
        super().__init__(id="history-screen")
        self.metric = metric
        self.values: list[MetricValue] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="history-dialog"):
            yield Static(literal(self.metric.name), classes="dialog-title")
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield Static(_("e edit · d delete · m older values · esc close"), classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Date"), _("Value"), _("Note"))
        self.reload()
        table.focus()

    def reload(self) -> None:
        assert self.metric.id is not None
        count = max(len(self.values), self.PAGE)
        self.values = self.smtui.store.metric_values.recent(self.metric.id, count)
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for value in self.values:
            table.add_row(
                value.date.isoformat(),
                number(value.value),
                literal_line(value.note, 50),
                key=str(value.id),
            )
        if self.values:
            table.move_cursor(row=min(row, len(self.values) - 1))

    def selected(self) -> MetricValue | None:
        table = self.query_one(DataTable)
        if not self.values or table.cursor_row < 0:
            return None
        return self.values[min(table.cursor_row, len(self.values) - 1)]

    def action_more(self) -> None:
        assert self.metric.id is not None
        if self.values:
            older = self.smtui.store.metric_values.recent(
                self.metric.id, self.PAGE, before=self.values[-1].date
            )
            self.values.extend(older)
            self._fill()

    def action_edit(self) -> None:
        value = self.selected()
        if value is None or value.id is None:
            return
        value_id = value.id

        def save(day: date, amount: float, note: str) -> MetricValue:
            return self.smtui.store.metric_values.edit(value_id, day, amount, note)

        self.app.push_screen(value_form(value, save, self.metric), lambda _saved: self.reload())

    def action_delete(self) -> None:
        value = self.selected()
        if value is None or value.id is None:
            return
        value_id = value.id

        def answered(yes: bool | None) -> None:
            if yes:
                self.smtui.store.metric_values.delete(value_id)
                self.values = [item for item in self.values if item.id != value_id]
                self._fill()
                self.notify(_("Value deleted"))

        question = _("Delete the value of {day}?").format(day=value.date.isoformat())
        self.app.push_screen(ConfirmScreen(question, number(value.value)), answered)

    def action_close(self) -> None:
        self.dismiss(None)
