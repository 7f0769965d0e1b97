"""Provides the pace of an objective: whether its metric, at the rate of the last weeks, will
reach the target by the due date.

The rate is the slope of a least-squares line through the metric's values of the last
``window_days`` days (x in days), so that one noisy day does not swing the verdict. From the
latest value, the projection is ``latest + rate * days_left``; the required rate is
``(target - latest) / days_left``.

The verdict compares how far the projection goes along the way from the start (the
objective's baseline, else the first value known) to the target:

- on track: the projection reaches the target (100% of the way or more), or the target is
  already reached;
- at risk: the projection covers at least 90% of the way (:data:`AT_RISK_SHARE`);
- behind: less than that, or the due date has passed with the target not reached.

"Lower is better" metrics (response time, unfollows) work the same way, the way running
downwards: an objective whose target is below its baseline goes down; without a baseline
the metric's ``higher_is_better`` flag decides. There is no verdict, with the reason said,
when the objective has no target or due date, or fewer than two distinct days were logged
in the window (a line needs two points).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from smtui.domain.i18n import N_, _

if TYPE_CHECKING:
    from smtui.domain.models import Objective

WINDOW_DAYS = 28
AT_RISK_SHARE = 0.9


class PaceVerdict(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"

    @property
    def label(self) -> str:
        return _(_LABELS[self.value])


_LABELS = {"on_track": N_("On track"), "at_risk": N_("At risk"), "behind": N_("Behind")}


@dataclass(frozen=True, slots=True)
class Line:
    """y = intercept + slope * x, x in days since ``origin``."""

    origin: date
    slope: float
    intercept: float

    def at(self, day: date) -> float:
        return self.intercept + self.slope * (day - self.origin).days


def fit_line(points: Sequence[tuple[date, float]]) -> Line | None:
    """The least-squares line through ``points``; None with fewer than two distinct days."""
    if len({day for day, _value in points}) < 2:
        return None
    origin = min(day for day, _value in points)
    xs = [float((day - origin).days) for day, _value in points]
    ys = [float(value) for _day, value in points]
    count = len(xs)
    mean_x = sum(xs) / count
    mean_y = sum(ys) / count
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return Line(origin, slope, mean_y - slope * mean_x)


@dataclass(frozen=True, slots=True)
class Pace:
    """Everything a KPI card and the report say about one objective's pace."""

    verdict: PaceVerdict | None
    reason: str
    latest: float | None = None
    latest_day: date | None = None
    days_left: int | None = None
    current_rate: float | None = None
    required_rate: float | None = None
    projected: float | None = None
    progress: float | None = None
    decreasing: bool = False
    reached: bool = False
    past_due: bool = False

    @property
    def verdict_text(self) -> str:
        return self.verdict.label if self.verdict else _("No verdict")


def is_decreasing(baseline: float | None, target: float, higher_is_better: bool = True) -> bool:
    """Whether the objective asks the metric to go down (a response time, say)."""
    if baseline is not None and baseline != target:
        return target < baseline
    return not higher_is_better


def _progress(start: float | None, value: float, target: float) -> float | None:
    """Share of the way from ``start`` to ``target`` covered by ``value`` (may pass 1)."""
    if start is None or start == target:
        return None
    return (value - start) / (target - start)


def compute_pace(
    values: Sequence[tuple[date, float]],
    *,
    target: float | None,
    due_date: date | None,
    today: date,
    baseline: float | None = None,
    higher_is_better: bool = True,
    window_days: int = WINDOW_DAYS,
) -> Pace:
    """The pace of an objective from its metric's dated ``values`` (any order)."""
    ordered = sorted(values)
    if target is None:
        return Pace(None, _("no target set"))
    if not ordered:
        return Pace(None, _("no value logged yet"))
    latest_day, latest = ordered[-1]
    decreasing = is_decreasing(baseline, target, higher_is_better)
    start = baseline if baseline is not None else ordered[0][1]
    reached = latest <= target if decreasing else latest >= target
    base = Pace(
        None,
        "",
        latest=latest,
        latest_day=latest_day,
        progress=_progress(start, latest, target),
        decreasing=decreasing,
        reached=reached,
    )
    if due_date is None:
        return replace(base, reason=_("no due date set"))
    days_left = (due_date - today).days
    if days_left < 0:
        return replace(
            base,
            verdict=PaceVerdict.ON_TRACK if reached else PaceVerdict.BEHIND,
            reason=_("target reached") if reached else _("past due, target not reached"),
            days_left=days_left,
            projected=latest,
            past_due=True,
        )
    since = today - timedelta(days=window_days)
    line = fit_line([(day, value) for day, value in ordered if day > since])
    required = (target - latest) / days_left if days_left else None
    if line is None:
        reason = _("too few points: log values on at least two days of the last {n} days")
        return replace(
            base, reason=reason.format(n=window_days), days_left=days_left, required_rate=required
        )
    projected = latest + line.slope * (due_date - latest_day).days
    meets = projected <= target if decreasing else projected >= target
    share = _progress(start, projected, target)
    if reached:
        verdict, reason = PaceVerdict.ON_TRACK, _("target reached")
    elif meets:
        verdict, reason = PaceVerdict.ON_TRACK, _("on pace to reach the target")
    elif share is not None and share >= AT_RISK_SHARE:
        verdict, reason = PaceVerdict.AT_RISK, _("close: projected just short of the target")
    else:
        verdict, reason = PaceVerdict.BEHIND, _("projected well short of the target")
    return replace(
        base,
        verdict=verdict,
        reason=reason,
        days_left=days_left,
        current_rate=line.slope,
        required_rate=required,
        projected=projected,
    )


def objective_pace(
    objective: Objective,
    values: Sequence[tuple[date, float]],
    *,
    today: date,
    higher_is_better: bool = True,
    window_days: int = WINDOW_DAYS,
) -> Pace:
    """The pace of ``objective`` from its metric's values of the window (or the latest value
    alone when none is that recent), as both readers of the Today brief compute it."""
    return compute_pace(
        values,
        target=objective.target,
        due_date=objective.due_date,
        today=today,
        baseline=objective.baseline,
        higher_is_better=higher_is_better,
        window_days=window_days,
    )
