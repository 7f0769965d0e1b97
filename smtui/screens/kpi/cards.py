"""Provides the KPI cards: one per active objective (latest value, target, progress, trend,
days left, pace and verdict) and one per metric not tied to an objective.

A card is focusable and carries its metric's id, so that the screen's keys (history, edit)
act on the card the user is on. Names from the workspace are shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from smtui.domain.figures import bar, hours, number, per_day, percent, signed
from smtui.domain.i18n import _
from smtui.domain.kpi import MetricValue
from smtui.domain.models import Metric, Objective
from smtui.domain.pace import Pace, PaceVerdict
from smtui.domain.text import one_line
from smtui.widgets.literal import literal_line

VERDICT_CLASS = {
    PaceVerdict.ON_TRACK: "-on-track",
    PaceVerdict.AT_RISK: "-at-risk",
    PaceVerdict.BEHIND: "-behind",
}


@dataclass(frozen=True, slots=True)
class ObjectiveFigures:
    objective: Objective
    metric: Metric | None
    pace: Pace
    series: Sequence[MetricValue]


@dataclass(frozen=True, slots=True)
class MetricFigures:
    metric: Metric
    where: str
    latest: MetricValue | None
    series: Sequence[MetricValue]


def _trend(series: Sequence[MetricValue]) -> list[float]:
    return [value.value for value in series] or [0.0]


class KpiCard(Vertical, can_focus=True):
    """Base of the cards: what metric it shows."""

    def __init__(self, metric_id: int | None, *, classes: str = "") -> None:
        super().__init__(classes=f"kpi-card {classes}".strip())
        self.metric_id = metric_id


class ObjectiveCard(KpiCard):
    def __init__(self, figures: ObjectiveFigures) -> None:
        super().__init__(figures.objective.metric_id, classes="objective-card")
        self.figures = figures

    def compose(self) -> ComposeResult:
        objective, pace = self.figures.objective, self.figures.pace
        unit = self.figures.metric.unit if self.figures.metric else ""
        with Horizontal(classes="card-head"):
            yield Static(literal_line(objective.statement, style="bold"), classes="card-title")
            verdict = Static(pace.verdict_text, classes="card-verdict", markup=False)
            if pace.verdict is not None:
                verdict.add_class(VERDICT_CLASS[pace.verdict])
            yield verdict
        self._values = Text.assemble(
            (one_line(objective.metric_name or _("(no metric)"), 40), "bold"),
            "  ",
            number(pace.latest),
            " → ",
            number(objective.target),
            f" {one_line(unit, 20)}" if unit else "",
        )
        self._progress = Text.assemble(
            bar(pace.progress),
            " " + percent(max(pace.progress or 0, 0)) if pace.progress is not None else "",
            "   ",
            self._days_left(pace),
        )
        yield Static(self._figures(), classes="card-figures")
        yield Sparkline(_trend(self.figures.series), classes="card-trend")
        yield Static(self._pace_line(pace), classes="card-pace", markup=False)

    def _figures(self) -> Text:
        """The values, then the progress: on one line where they fit, else on two, so that
        a narrow card never wraps "150 days left" after "150 days"."""
        width = self.content_size.width
        gap = Text("   ")
        if width and self._values.cell_len + gap.cell_len + self._progress.cell_len > width:
            gap = Text("\n")
        return Text.assemble(self._values, gap, self._progress)

    def on_resize(self) -> None:
        self.query_one(".card-figures", Static).update(self._figures())

    @staticmethod
    def _days_left(pace: Pace) -> str:
        if pace.days_left is None:
            return _("no due date")
        if pace.days_left < 0:
            return _("past due by {n} days").format(n=-pace.days_left)
        return _("{n} days left").format(n=pace.days_left)

    def _pace_line(self, pace: Pace) -> str:
        due = self.figures.objective.due_date
        if pace.verdict is None or pace.past_due:
            return _("Pace: {reason}").format(reason=pace.reason)
        return _("Pace: {current} now vs {needed} needed · projected {projected} on {due}").format(
            current=per_day(pace.current_rate),
            needed=per_day(pace.required_rate),
            projected=number(pace.projected),
            due=due.isoformat() if due else "—",
        )


class MetricCard(KpiCard):
    def __init__(self, figures: MetricFigures) -> None:
        super().__init__(figures.metric.id, classes="metric-card")
        self.figures = figures

    def compose(self) -> ComposeResult:
        metric, latest = self.figures.metric, self.figures.latest
        yield Static(literal_line(metric.name, 34, style="bold"), classes="card-title")
        yield Static(literal_line(self.figures.where, 34, style="dim"), classes="card-where")
        series = self.figures.series
        change = series[-1].value - series[0].value if len(series) > 1 else None
        when = latest.date.isoformat() if latest else _("never logged")
        yield Static(
            Text.assemble(
                (number(latest.value if latest else None), "bold"),
                f" {one_line(metric.unit, 16)}" if metric.unit else "",
                "  ",
                (signed(change), "dim"),
                "  ",
                (when, "dim"),
            ),
            classes="card-figures",
        )
        yield Sparkline(_trend(series), classes="card-trend")


@dataclass(frozen=True, slots=True)
class ServiceFigures:
    received: int
    answered: int
    median_hours: float | None
    within_target: float | None


class ServiceCard(KpiCard):
    """Customer-service KPIs from the reply queue: median first response, share in target."""

    def __init__(self, figures: ServiceFigures) -> None:
        super().__init__(None, classes="service-card")
        self.figures = figures

    def compose(self) -> ComposeResult:
        item = self.figures
        yield Static(Text(_("Customer service (reply queue)"), style="bold"), classes="card-title")
        median = "—" if item.median_hours is None else hours(item.median_hours)
        share = "—" if item.within_target is None else percent(item.within_target)
        yield Static(
            _(
                "Median first response {median} · answered within target {share} · "
                "{answered} of {received} answered"
            ).format(median=median, share=share, answered=item.answered, received=item.received),
            classes="card-figures",
            markup=False,
        )
