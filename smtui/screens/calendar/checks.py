"""Provides the checks panel: for the week or month in view, each channel's planned posts
against its cadence and each pillar's share against its target, with the gaps named.

The counts come from GROUP BY queries on the whole plan of the period (filters do not
apply: a filtered view must not make the plan look off), and the verdicts from
:mod:`smtui.domain.cadence`, so the panel, the Today screen and the report say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from smtui.domain.cadence import CadenceCheck, MixCheck, Verdict
from smtui.domain.i18n import _, ngettext
from smtui.widgets.literal import literal

MARKS = {
    Verdict.BELOW: ("▼", "bold red"),
    Verdict.ABOVE: ("▲", "bold yellow"),
    Verdict.WITHIN: ("✓", "green"),
    Verdict.NO_TARGET: ("·", "dim"),
}


@dataclass(frozen=True, slots=True)
class PlanChecks:
    title: str
    cadence: Sequence[CadenceCheck]
    mix: Sequence[MixCheck]
    conflicts: int
    missed: int


class ChecksPanel(Static):
    DEFAULT_CSS = """
    ChecksPanel { height: auto; }
    """

    def show(self, checks: PlanChecks) -> None:
        text = Text()
        text.append(checks.title + "\n", style="bold")
        text.append(_("Cadence") + "\n", style="underline")
        for check in checks.cadence:
            mark, style = MARKS[check.verdict]
            text.append(f"{mark} ", style=style)
            text.append_text(literal(check.text))
            text.append("\n")
        if not checks.cadence:
            text.append(_("No channels yet") + "\n", style="dim")
        text.append(_("Content mix") + "\n", style="underline")
        for mix in checks.mix:
            mark, style = MARKS[mix.verdict]
            text.append(f"{mark} ", style=style)
            text.append_text(literal(mix.text))
            text.append("\n")
        if not checks.mix:
            text.append(_("No pillars yet") + "\n", style="dim")
        if checks.conflicts:
            text.append(
                ngettext(
                    "⚠ {count} time conflict", "⚠ {count} time conflicts", checks.conflicts
                ).format(count=checks.conflicts)
                + "\n",
                style="yellow",
            )
        if checks.missed:
            text.append(
                ngettext(
                    "! {count} past post not published",
                    "! {count} past posts not published",
                    checks.missed,
                ).format(count=checks.missed)
                + "\n",
                style="bold red",
            )
        self.update(text)
