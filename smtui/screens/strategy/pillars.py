"""Provides the Pillars tab: the content mix, its target shares, their sum, and the presets
from the seeds (80/20, thirds, 50/25/20/5)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding

from smtui.domain.i18n import _
from smtui.domain.models import Pillar
from smtui.domain.pillars import PRESETS, preset, share_problem, share_total
from smtui.domain.validation import NAMED_COLOURS
from smtui.screens.strategy.list_pane import ListPane
from smtui.widgets import ConfirmScreen, FormField, PickerScreen, literal, literal_line


def swatch(colour: str) -> Text:
    return Text.assemble(
        ("██ ", colour if colour.startswith("#") else _RICH.get(colour, colour)), colour
    )


# Theme colour names that Rich does not know by the same name.
_RICH = {"teal": "dark_cyan", "pink": "hot_pink", "grey": "grey50"}


class PillarsPane(ListPane[Pillar]):
    BINDINGS = [
        Binding("p", "preset", _("Preset"), tooltip=_("Replace the pillars with a preset mix"))
    ]
    COLUMNS = ((_("Pillar"), 28), (_("Share"), 6), (_("Colour"), 12), (_("Description"), None))
    NOUN = _("Pillar")
    NEW_TITLE = _("New pillar")
    EDIT_TITLE = _("Edit pillar")
    DELETE_QUESTION = _("Delete this pillar?")

    def fetch(self) -> list[Pillar]:
        return self.smtui.store.pillars.list(self.smtui.brand.id or 0)

    def cells(self, item: Pillar) -> tuple[RenderableType, ...]:
        return (
            literal_line(item.name, 28),
            Text(_("{number}%").format(number=item.target_share), justify="right"),
            swatch(item.colour),
            literal_line(item.description, self.flex),
        )

    def detail(self, item: Pillar) -> RenderableType:
        return Group(literal(item.name, "bold"), literal(item.description))

    def summary(self) -> RenderableType:
        shares = [item.target_share for item in self.items]
        problem = share_problem(shares)
        if not self.items:
            return Text(
                _("No pillars yet: press p for a preset mix or a to add one."), style="italic"
            )
        if problem:
            return Text(
                _("Total {total}% — {problem}").format(total=share_total(shares), problem=problem),
                style="bold yellow",
            )
        return Text(_("Total 100% ✓"), style="bold green")

    def form_fields(self) -> list[FormField]:
        colours = [(name, name) for name in NAMED_COLOURS]
        return [
            FormField("name", _("Name"), required=True),
            FormField("description", _("Description"), "area"),
            FormField("target_share", _("Target share (%)"), "number", required=True),
            FormField("colour", _("Colour"), "select", colours, required=True),
        ]

    def form_values(self, item: Pillar | None) -> dict[str, Any]:
        if item is None:
            return {
                "colour": "blue",
                "target_share": max(0, 100 - sum(p.target_share for p in self.items)),
            }
        return item.model_dump(mode="json")

    def save(self, data: dict[str, Any], item: Pillar | None) -> Pillar:
        pillar = Pillar.model_validate(
            {**data, "brand_id": self.smtui.brand.id, "id": item.id if item else None}
        )
        store = self.smtui.store.pillars
        return store.add(pillar) if item is None else store.update(pillar)

    def remove(self, item: Pillar) -> None:
        self.smtui.store.pillars.delete(item.id or 0)

    def name_of(self, item: Pillar) -> str:
        return item.name

    def action_preset(self) -> None:
        choices = [
            (f"{_(item.title)}  ({' / '.join(str(p.share) for p in item.pillars)})", item.key)
            for item in PRESETS
        ]
        self.app.push_screen(PickerScreen(_("Content-mix preset"), choices), self._preset_chosen)

    def _preset_chosen(self, key: str | None) -> None:
        if key is None:
            return
        if not self.items:
            self._apply(key)
            return
        question = _("Replace the {count} pillars with this preset?").format(count=len(self.items))
        detail = _("Posts keep their text; their link to a removed pillar is cleared.")

        def answered(yes: bool | None) -> None:
            if yes:
                self._apply(key)

        self.app.push_screen(ConfirmScreen(question, detail, yes=_("Replace")), answered)

    def _apply(self, key: str) -> None:
        self.smtui.store.pillars.apply_preset(self.smtui.brand.id or 0, key)
        self.reload()
        self.notify(_("Pillars set from the preset: {title}").format(title=_(preset(key).title)))
