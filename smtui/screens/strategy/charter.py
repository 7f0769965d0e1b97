"""Provides the Charter tab: the brand, its time zone, voice and tone, do's and don'ts."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TabPane

from smtui.domain.i18n import _
from smtui.domain.models import Brand
from smtui.screens.base import AppAccess
from smtui.widgets import FormField, FormScreen, literal


def brand_fields() -> list[FormField]:
    """The form of a brand: used for the charter and for a new brand."""
    return [
        FormField("name", _("Brand name"), required=True),
        FormField(
            "timezone",
            _("Time zone"),
            required=True,
            placeholder="Europe/Paris",
            help=_("An IANA name: times are shown and entered in this zone."),
        ),
        FormField("description", _("Description"), "area"),
        FormField(
            "voice_tone",
            _("Voice and tone"),
            "area",
            help=_("How the brand speaks: register, person, humour, emojis."),
        ),
        FormField("dos", _("What we do"), "area"),
        FormField("donts", _("What we don't do"), "area"),
    ]


def charter_view(brand: Brand) -> RenderableType:
    def section(title: str, text: str) -> list[RenderableType]:
        body = (
            literal(text)
            if text.strip()
            else Text(_("Not written yet: press e to edit."), style="italic dim")
        )
        return [Text(""), Text(title, style="bold underline"), body]

    head = Text.assemble(literal(brand.name, "bold"), ("   " + brand.timezone, "dim"))
    if brand.unknown_timezone is not None:
        note = _("invalid time zone {zone}: unknown to this machine, times shown in UTC")
        head.append("   ")
        head.append_text(literal(note.format(zone=brand.unknown_timezone), "bold red"))
    parts: list[RenderableType] = [head]
    parts += section(_("Description"), brand.description)
    parts += section(_("Voice and tone"), brand.voice_tone)
    parts += section(_("What we do"), brand.dos)
    parts += section(_("What we don't do"), brand.donts)
    return Group(*parts)


class CharterPane(AppAccess, TabPane):
    BINDINGS = [
        Binding("e,enter", "edit", _("Edit charter"), tooltip=_("Edit the brand and its charter")),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="charter-scroll", can_focus=True):
            yield Static("", id="charter-body")

    def reload(self) -> None:
        self.query_one("#charter-body", Static).update(charter_view(self.smtui.brand))

    def focus_table(self) -> None:
        self.query_one("#charter-scroll").focus()

    def action_edit(self) -> None:
        brand = self.smtui.brand

        def submit(data: dict[str, Any]) -> Brand:
            return self.smtui.store.brands.update(Brand.model_validate({**data, "id": brand.id}))

        def done(saved: Brand | None) -> None:
            if saved is not None:
                self.smtui.set_brand(saved)
                self.notify(_("Charter saved."))

        values = brand.model_dump()
        if brand.unknown_timezone is not None:  # shown as stored, so the form asks for a fix
            values["timezone"] = brand.unknown_timezone
        form = FormScreen(_("Brand and charter"), brand_fields(), values, submit)
        self.app.push_screen(form, done)
