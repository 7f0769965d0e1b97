"""Provides the Personas tab: who the brand speaks to and where they are."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from smtui.domain.enums import Platform
from smtui.domain.i18n import _
from smtui.domain.models import Persona
from smtui.screens.strategy.list_pane import ListPane
from smtui.widgets import FormField, literal, literal_line


class PersonasPane(ListPane[Persona]):
    COLUMNS = ((_("Name"), 24), (_("Summary"), None), (_("Where they are"), 34))
    NOUN = _("Persona")
    NEW_TITLE = _("New persona")
    EDIT_TITLE = _("Edit persona")
    DELETE_QUESTION = _("Delete this persona?")

    def fetch(self) -> list[Persona]:
        return self.smtui.store.personas.list(self.smtui.brand.id or 0)

    def cells(self, item: Persona) -> tuple[RenderableType, ...]:
        return (
            literal_line(item.name, 24),
            literal_line(item.summary, self.flex),
            literal_line(", ".join(platform.label for platform in item.platforms) or "—", 34),
        )

    def detail(self, item: Persona) -> RenderableType:
        parts: list[RenderableType] = [literal(item.name, "bold")]
        for label, text in (
            (_("Demographics"), item.demographics),
            (_("Interests"), item.interests),
            (_("Pain points"), item.pain_points),
        ):
            if text:
                parts.append(
                    Text.assemble((_("{label}: ").format(label=label), "bold dim"), literal(text))
                )
        return Group(*parts)

    def form_fields(self) -> list[FormField]:
        platforms = [(platform.label, platform.value) for platform in Platform]
        return [
            FormField("name", _("Name"), required=True, placeholder=_("Busy café owner")),
            FormField("summary", _("Summary")),
            FormField("demographics", _("Demographics"), "area"),
            FormField("interests", _("Interests"), "area"),
            FormField("pain_points", _("Pain points"), "area"),
            FormField("platforms", _("Where they are"), "multi", platforms),
        ]

    def form_values(self, item: Persona | None) -> dict[str, Any]:
        return item.model_dump(mode="json") if item else {}

    def save(self, data: dict[str, Any], item: Persona | None) -> Persona:
        persona = Persona.model_validate(
            {**data, "brand_id": self.smtui.brand.id, "id": item.id if item else None}
        )
        store = self.smtui.store.personas
        return store.add(persona) if item is None else store.update(persona)

    def remove(self, item: Persona) -> None:
        self.smtui.store.personas.delete(item.id or 0)

    def name_of(self, item: Persona) -> str:
        return item.name
