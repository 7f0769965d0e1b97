"""Provides the one definition of a post's engagement rate, and the short "to adjust" list
that closes every KPI report (the seeds' last step: measure, then adjust).

Engagement rate = engagements / impressions; when a platform gives no impressions (some
exports only count reach), engagements / reach; None when neither is known or both are zero.
The post metric repository orders posts by the same expression in SQL; a test checks that
the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from smtui.domain.cadence import CadenceCheck, MixCheck, Verdict
from smtui.domain.figures import percent
from smtui.domain.i18n import _
from smtui.domain.pace import Pace, PaceVerdict


def engagement_rate(
    engagements: int | float | None, impressions: int | float | None, reach: int | float | None
) -> float | None:
    """Engagements per impression (falling back to reach), as a fraction: 0.042 is 4.2%."""
    if engagements is None:
        return None
    for base in (impressions, reach):
        if base:
            return engagements / base
    return None


def rate_text(rate: float | None) -> str:
    """ "4.2%", or "—" when the rate is unknown."""
    return "—" if rate is None else percent(rate, 1)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One line of the "to adjust" list: what strays and by how much."""

    kind: str  # "cadence", "pace" or "mix"
    text: str


def to_adjust(
    cadence: Iterable[CadenceCheck],
    paces: Sequence[tuple[str, Pace]],
    mix: Iterable[MixCheck],
) -> list[Adjustment]:
    """Channels below their cadence, objectives behind or at risk, pillars off their share.

    Channels above their cadence are left out: posting more than planned is rarely what a
    report should ask to fix. Objectives come first, as they are what the plan is for.
    """
    items: list[Adjustment] = []
    for name, pace in paces:
        if pace.verdict is PaceVerdict.BEHIND:
            items.append(
                Adjustment(
                    "pace",
                    _("{name}: behind pace ({reason})").format(name=name, reason=pace.reason),
                )
            )
        elif pace.verdict is PaceVerdict.AT_RISK:
            items.append(Adjustment("pace", _("{name}: at risk").format(name=name)))
    items.extend(
        Adjustment("cadence", _("{text}: below cadence").format(text=check.text))
        for check in cadence
        if check.verdict is Verdict.BELOW
    )
    items.extend(
        Adjustment("mix", _("{text}: off the mix").format(text=check.text))
        for check in mix
        if check.gap
    )
    return items
