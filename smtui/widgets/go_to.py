"""Provides the go-to-date form (key g) that Today and the Calendar share, so that both
accept the same words, read by one parser, under the same prompt."""

from __future__ import annotations

from datetime import date
from typing import Any

from smtui.domain.i18n import _
from smtui.domain.local_time import parse_day_or_word
from smtui.widgets.form import FormField, FormScreen


def go_to_form(current: date, today: date, *, form_id: str) -> FormScreen:
    """A form that dismisses with the day typed (YYYY-MM-DD, today, tomorrow or yesterday,
    counted from ``today``), prefilled with ``current``, the day shown, to edit."""
    fields = [
        FormField(
            "day",
            _("Date"),
            required=True,
            placeholder="YYYY-MM-DD",
            help=_("or today, tomorrow, yesterday"),
        )
    ]

    def submit(data: dict[str, Any]) -> date:
        return parse_day_or_word(str(data.get("day") or ""), today, "day")

    return FormScreen(
        _("Go to date"),
        fields,
        {"day": current.isoformat()},
        submit,
        form_id=form_id,
        verb=_("go"),
        button=_("Go (ctrl+s)"),
    )
