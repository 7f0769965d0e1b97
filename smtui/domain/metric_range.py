"""Provides the range a metric's value may take, read from what the metric measures.

Without it, ``1e308`` typed by mistake, negative visits or ``1e29`` followers were saved,
charted and projected from. A metric's unit is free text ("visits / day", "%", "€"), so
its kind is read from the unit and the name, in English and French: a percentage lies in
0..100 (a share stored as 0..1 fits too); a change or a net figure ("net followers",
"follower growth") may be negative; anything else is a count, an amount or a duration,
never negative. A trillion bounds them all: far above any community's number, far below
what breaks a projection or a table. The KPI form, the value editor and ``smtui import
metrics`` all check through :func:`check_metric_value`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.validation import DomainError

LIMIT = 1e12
_PERCENT = re.compile(r"%|\b(?:percent|percentage|pourcentage|rate|taux|ratio)\b", re.I)
_SIGNED = re.compile(
    r"±|\+/-|\b(?:net|change|changes|delta|growth|variation|évolution|evolution|solde|"
    r"gain/loss|balance)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ValueRange:
    """The lowest and highest value a metric may take, and what kind of figure it is."""

    low: float
    high: float
    kind: str

    def text(self) -> str:
        """ "a count or amount, from 0 to 1,000,000,000,000": what an error names."""
        return _("{kind}, from {low} to {high}").format(
            kind=self.kind, low=number(self.low), high=number(self.high)
        )

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high


def value_range(name: str, unit: str = "") -> ValueRange:
    """The range of a metric called ``name`` measured in ``unit``; the unit decides first."""
    for text in (unit, name):
        if _SIGNED.search(text):
            return ValueRange(-LIMIT, LIMIT, _("a change"))
        if _PERCENT.search(text):
            return ValueRange(0, 100, _("a percentage"))
    return ValueRange(0, LIMIT, _("a count or amount"))


def check_metric_value(value: float, name: str, unit: str = "", field: str = "value") -> float:
    """``value`` when it lies in the metric's range; else a :class:`DomainError` on
    ``field`` naming the range."""
    allowed = value_range(name, unit)
    if not allowed.holds(value):
        raise DomainError(_("out of range: {range}").format(range=allowed.text()), field)
    return value
