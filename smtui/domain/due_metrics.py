"""Provides the numbers to log: which metrics ask for a value on a day, from their
frequency and their last value.

Today lists them on its first frame; they live apart from the KPI models and figures
(:mod:`smtui.domain.kpi`) so that the start does not load those.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from smtui.domain.enums import MetricFrequency
from smtui.domain.models import Metric


@dataclass(frozen=True, slots=True)
class DueMetric:
    """A metric whose frequency asks for a value today, with its last one for reference."""

    metric: Metric
    last_date: date | None
    last_value: float | None


def period_start(frequency: MetricFrequency, today: date) -> date:
    """The first day of the logging period holding ``today``."""
    if frequency is MetricFrequency.DAILY:
        return today
    if frequency is MetricFrequency.WEEKLY:
        return today - timedelta(days=today.weekday())
    return today.replace(day=1)


def due_metric(
    metric: Metric, last_date: date | None, last_value: float | None, today: date
) -> DueMetric | None:
    """The metric as a number to log ``today`` (a local day), or None when its current
    period already has a value: daily every day, weekly from Monday, monthly from the 1st."""
    if last_date is None or last_date < period_start(metric.frequency, today):
        return DueMetric(metric, last_date, last_value)
    return None
