"""Provides how the KPI screens and the report write their figures, so that a number reads
the same in both: "1,234" for whole values, one decimal otherwise, "—" when unknown, and
rates per day with their sign."""

from __future__ import annotations

from datetime import timedelta

from smtui.domain.i18n import _


def number(value: float | None, decimals: int = 1) -> str:
    """ "1,234" for whole values, "12.5" otherwise, "—" when unknown."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{decimals}f}"


def signed(value: float | None) -> str:
    """ "+12", "-3.5" or "—": a change."""
    if value is None:
        return "—"
    return ("+" if value >= 0 else "-") + number(abs(value))


def per_day(value: float | None) -> str:
    """ "+4.67/day": a rate of change."""
    return "—" if value is None else _("{value}/day").format(value=f"{value:+,.2f}")


def bar(share: float | None, width: int = 20) -> str:
    """A text progress bar of ``share`` (0 to 1, clamped): "██████░░░░"."""
    if share is None:
        return "░" * width
    filled = round(max(0.0, min(share, 1.0)) * width)
    return "█" * filled + "░" * (width - filled)


def span(delta: timedelta) -> str:
    """ "45m", "5h" or "3d": an age or a time left, to the unit that matters (sign dropped)."""
    seconds = abs(int(delta.total_seconds()))
    if seconds < 3600:
        return _("{n}m").format(n=seconds // 60)
    if seconds < 86400 * 2:
        return _("{n}h").format(n=seconds // 3600)
    return _("{n}d").format(n=seconds // 86400)
