"""Provides the Objectives tab: SMART objectives typed by goal, with the failing letters
marked and the reasons in the detail panel."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from smtui.domain.enums import ObjectiveStatus, ObjectiveType
from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.models import Objective
from smtui.domain.smart import SmartReport, check_smart
from smtui.screens.strategy.list_pane import ListPane
from smtui.widgets import FormField, literal, literal_line


def smart_badge(report: SmartReport) -> Text:
    """ "SMART ✓" when all pass; otherwise each failing letter reversed in red, then "✗"."""
    badge = Text()
    for letter in report.letters:
        badge.append(letter.letter, style="bold green" if letter.ok else "bold reverse red")
    badge.append(" ✓" if report.ok else " ✗", style="green" if report.ok else "red")
    return badge


class ObjectivesPane(ListPane[Objective]):
    COLUMNS = (
        (_("Objective"), None),
        (_("Type"), 16),
        (_("Metric"), 18),
        (_("Baseline → target"), 17),
        (_("Due"), 10),
        (_("Status"), 8),
        (_("SMART"), 7),
    )
    NOUN = _("Objective")
    NEW_TITLE = _("New objective")
    EDIT_TITLE = _("Edit objective")
    DELETE_QUESTION = _("Delete this objective?")

    def fetch(self) -> list[Objective]:
        return self.smtui.store.objectives.list(self.smtui.brand.id or 0)

    def report(self, item: Objective) -> SmartReport:
        return check_smart(item, self.smtui.today())

    def cells(self, item: Objective) -> tuple[RenderableType, ...]:
        return (
            literal_line(item.statement, self.flex),
            Text(item.type.label),
            literal_line(item.metric_name or "—", 18),
            Text(f"{number(item.baseline, 2)} → {number(item.target, 2)}"),
            Text(item.due_date.isoformat() if item.due_date else "—"),
            Text(item.status.label),
            smart_badge(self.report(item)),
        )

    def detail(self, item: Objective) -> RenderableType:
        report = self.report(item)
        lines: list[RenderableType] = [literal(item.statement, "bold")]
        if report.ok:
            lines.append(Text(_("SMART: every letter passes."), style="green"))
        for letter in report.failing:
            lines.append(
                Text.assemble(
                    (f"{letter.letter} ", "bold reverse red"),
                    (_("{label}: ").format(label=letter.name), "bold"),
                    letter.reason,
                )
            )
        return Group(*lines)

    def form_fields(self) -> list[FormField]:
        types = [(kind.label, kind.value) for kind in ObjectiveType]
        statuses = [(status.label, status.value) for status in ObjectiveStatus]
        return [
            FormField(
                "statement",
                _("Objective"),
                required=True,
                placeholder=_("Reach 5,000 LinkedIn followers by 31 March"),
            ),
            FormField("type", _("Type"), "select", types, required=True),
            FormField(
                "metric_name", _("Metric that measures it"), placeholder=_("LinkedIn followers")
            ),
            FormField("baseline", _("Baseline (today)"), "number"),
            FormField("target", _("Target"), "number"),
            FormField("start_date", _("Start date"), "date", placeholder="YYYY-MM-DD"),
            FormField("due_date", _("Due date"), "date", placeholder="YYYY-MM-DD"),
            FormField("status", _("Status"), "select", statuses, required=True),
        ]

    def form_values(self, item: Objective | None) -> dict[str, Any]:
        if item is None:
            return {
                "status": ObjectiveStatus.ACTIVE.value,
                "start_date": self.smtui.today().isoformat(),
            }
        return item.model_dump(mode="json")

    def save(self, data: dict[str, Any], item: Objective | None) -> Objective:
        objective = Objective.model_validate(
            {**data, "brand_id": self.smtui.brand.id, "id": item.id if item else None}
        )
        store = self.smtui.store.objectives
        saved = store.add(objective) if item is None else store.update(objective)
        report = self.report(saved)
        if not report.ok:
            self.notify(
                _("Saved, but not SMART yet: {letters} fail (see the detail).").format(
                    letters=report.failing_letters
                ),
                severity="warning",
            )
        return saved

    def remove(self, item: Objective) -> None:
        self.smtui.store.objectives.delete(item.id or 0)

    def name_of(self, item: Objective) -> str:
        return item.statement
