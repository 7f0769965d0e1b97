"""Provides Today's three smaller panels: the numbers to log (the KPI screen's log form on
``l``), the week's cadence and the objectives most behind pace (Enter opens the screen
that owns them), and the audit actions due (space ticks one done, ``e`` follows it up)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from smtui.domain.cadence import Verdict, target_text
from smtui.domain.day_names import short_day
from smtui.domain.figures import number
from smtui.domain.i18n import N_, _
from smtui.domain.models import Brand
from smtui.domain.pace import PaceVerdict
from smtui.domain.validation import DomainError
from smtui.screens.calendar.look import colour_of
from smtui.screens.today.panel import TodayPanel
from smtui.today.brief import ActionLine, BehindLine, CadenceLine, MetricLine

if TYPE_CHECKING:
    from smtui.domain.audit_items import AuditItem
    from smtui.domain.kpi import MetricValue
    from smtui.today.brief import Brief


class MetricsPanel(TodayPanel[MetricLine]):
    COLUMNS = (("", 1), (N_("Metric"), None), (N_("Every"), 7), (N_("Last"), 8))
    NARROW_DROPS = (N_("Every"),)  # the log form says each metric's period
    EMPTY = N_("Every number is logged.")
    JUMP_KEY = "N"
    BRAND_COLUMN = False
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("l,enter", "log", _("Log numbers"), tooltip=_("Log the numbers due")),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(_("Numbers to log"), id=id)

    def lines_of(self, brief: Brief) -> Sequence[MetricLine]:
        return brief.metrics

    def key_of(self, line: MetricLine) -> str:
        return f"metric-{line.due.metric.id}"

    def cells(self, line: MetricLine, flex: int) -> tuple[RenderableType, ...]:
        last = number(line.due.last_value) if line.due.last_date else _("never")
        return (
            Text("#", style="cyan"),
            *self.brand_cell(line),
            self.wide_cell(line, line.due.metric.name, flex),
            Text(line.due.metric.frequency.label),
            Text(last, style="dim"),
        )

    def action_log(self) -> None:
        """The KPI screen's log form, for the highlighted metric's brand and the day shown."""
        from smtui.screens.kpi.forms import log_form  # a dialog: not for the first frame

        line = self.current_line
        if line is None:
            self.notify(_("Nothing to log on this day: every metric is up to date."))
            return
        brief = self.today_screen.brief
        assert brief is not None
        due = [entry.due for entry in brief.metrics if entry.brand.id == line.brand.id]

        def save(entries: list[MetricValue]) -> list[MetricValue]:
            return self.store.metric_values.log_many(entries)  # type: ignore[no-any-return]

        def done(saved: list[MetricValue] | None) -> None:
            if saved:
                self.notify(_("{count} values saved").format(count=len(saved)))
                self.today_screen.refresh_brief()

        self.app.push_screen(log_form(due, brief.day, save), done)


WeekRow = CadenceLine | BehindLine


class WeekPanel(TodayPanel[WeekRow]):
    COLUMNS = (("", 1), (N_("Channel or objective"), None), (N_("Planned"), 7), (N_("Done"), 4))
    EMPTY = N_("No channel yet: press 5 to add some.")
    JUMP_KEY = "W"
    BRAND_COLUMN = False
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "open", _("Open"), tooltip=_("The Calendar for a channel, KPIs else")),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(_("This week"), id=id)

    def lines_of(self, brief: Brief) -> Sequence[WeekRow]:
        return [*brief.week, *brief.behind]

    def summary(self, brief: Brief) -> str:
        if not brief.week:
            return ""
        below = sum(1 for line in brief.week if line.verdict is Verdict.BELOW)
        text = _("{n} below target").format(n=below) if below else _("cadence on target")
        if brief.behind:
            text += " · " + _("{n} behind pace").format(n=len(brief.behind))
        return text

    def key_of(self, line: WeekRow) -> str:
        if isinstance(line, CadenceLine):
            return f"channel-{line.channel.id}"
        return f"objective-{line.objective.id}"

    def cells(self, line: WeekRow, flex: int) -> tuple[RenderableType, ...]:
        if isinstance(line, BehindLine):
            behind = line.pace.verdict is PaceVerdict.BEHIND
            style = "bold red" if behind else "yellow"
            progress = (
                _("{number}%").format(number=round(line.pace.progress * 100))
                if line.pace.progress is not None
                else ""
            )
            return (
                Text("▼", style=style),
                *self.brand_cell(line),
                self.wide_cell(
                    line,
                    _("{label}: ").format(label=line.pace.verdict_text) + line.objective.statement,
                    flex,
                ),
                Text(progress, style=style),
                Text(""),
            )
        below = line.verdict in (Verdict.BELOW, Verdict.ABOVE)
        if line.verdict is Verdict.NO_TARGET:
            planned = str(line.planned)
        else:
            planned = f"{line.planned}/{target_text(line.minimum, line.maximum)}"
        return (
            Text("!" if below else "✓", style="yellow" if below else "green"),
            *self.brand_cell(line),
            self.wide_cell(line, line.name, flex, style=colour_of(line.channel.platform)),
            Text(planned, style="yellow" if below else ""),
            Text(str(line.published)),
        )

    def action_open(self) -> None:
        line = self.current_line
        if line is None:
            return
        self._show_brand(line.brand)
        self.app.switch_mode("calendar" if isinstance(line, CadenceLine) else "kpis")

    def _show_brand(self, brand: Brand) -> None:
        if brand.id != self.smtui.brand.id:
            self.smtui.set_brand(brand)


class ActionsPanel(TodayPanel[ActionLine]):
    COLUMNS = (("", 1), (N_("Due"), 6), (N_("Action from the audit"), None))
    EMPTY = N_("No audit action due.")
    JUMP_KEY = "A"
    BRAND_COLUMN = False
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("space", "tick", _("Done"), tooltip=_("Tick the action done")),
        Binding("e,enter", "follow_up", _("Follow up"), tooltip=_("Note, owner, due date")),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(_("Actions due"), id=id)

    def lines_of(self, brief: Brief) -> Sequence[ActionLine]:
        return brief.actions

    def key_of(self, line: ActionLine) -> str:
        return f"action-{line.action.item.id}"

    def cells(self, line: ActionLine, flex: int) -> tuple[RenderableType, ...]:
        item = line.action.item
        due = short_day(item.due_date) if item.due_date else ""
        style = "bold red" if line.overdue else ""
        return (
            Text("!" if line.overdue else "·", style=style),
            *self.brand_cell(line),
            Text(due, style=style),
            self.wide_cell(line, item.shown_text, flex),
        )

    def _item(self) -> AuditItem | None:
        line = self.current_line
        if line is None:
            self.notify(_("No action here."), severity="warning")
            return None
        return line.action.item

    def action_tick(self) -> None:
        item = self._item()
        if item is None or item.id is None:
            return
        try:
            self.store.audits.complete_action(item.id)
        except DomainError as error:
            self.notify(error.message, severity="warning", markup=False)
            return
        self.notify(_("Action done; it leaves the list."))
        self.today_screen.refresh_brief()

    def action_follow_up(self) -> None:
        from smtui.screens.audit.forms import item_form

        item = self._item()
        if item is None:
            return

        def done(saved: AuditItem | None) -> None:
            if saved is not None:
                self.notify(_("Item saved."))
                self.today_screen.refresh_brief()

        self.app.push_screen(item_form(self.store, item), done)
