"""Provides the range check of an import's metric values: every value, from our CSV or
summed from a platform export, is held to its metric's range (``smtui.domain.metric_range``,
the same rule as the KPI form), and a value out of range is a bad line naming the range."""

from __future__ import annotations

from collections.abc import Sequence

from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.kpi import ImportedValue
from smtui.domain.metric_range import value_range
from smtui.domain.models import Metric
from smtui.io.metric_formats import RowError


def range_errors(values: Sequence[ImportedValue], metrics: Sequence[Metric]) -> list[RowError]:
    """One error per value outside its metric's range; a metric the import creates has no
    unit yet, so its name decides."""
    units = {metric.name.casefold(): metric.unit for metric in metrics}
    errors = []
    for value in values:
        allowed = value_range(value.metric, units.get(value.metric.casefold(), ""))
        if not allowed.holds(value.value):
            errors.append(
                RowError(
                    value.line,
                    _("value: {value} is out of range ({range})").format(
                        value=_shown(value.value), range=allowed.text()
                    ),
                )
            )
    return errors


def _shown(value: float) -> str:
    """ "-5", "1,310", or "1e+308" for what would print three hundred digits."""
    return number(value) if abs(value) < 1e15 else f"{value:g}"
