"""Provides how the KPI screens and the report write their figures, so that a number reads
the same in both: "1,234" for whole values, one decimal otherwise, "—" when unknown, and
rates per day with their sign; in French "1 234" and "0,15"."""

from __future__ import annotations

from datetime import timedelta

from smtui.domain.i18n import _, language

# (thousands, decimal) where they are not "," and ".": French groups with a no-break space,
# so that "2,002" is never read as two and a bit.
SEPARATORS = {"fr": ("\u00a0", ",")}


def localised(figure: str) -> str:
    """A figure written the English way, in the user's language's separators."""
    separators = SEPARATORS.get(language())
    if separators is None:
        return figure
    thousands, decimal = separators
    return figure.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def typed_figure(text: str) -> str:
    """A number as people type it ("3,000", "3 000"; in French "1 234,5"), written for
    ``float``: the spaces and thousands separators dropped, the decimal mark a point."""
    compact = "".join(text.split())  # every space, the no-break ones too
    separators = SEPARATORS.get(language())
    if separators is None:
        return compact.replace(",", "")
    return compact.replace(separators[1], ".")


def number(value: float | None, decimals: int = 1) -> str:
    """ "1,234" for whole values, "12.5" otherwise, "—" when unknown."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return localised(f"{int(value):,}")
    return localised(f"{value:,.{decimals}f}")


def percent(share: float, decimals: int = 0) -> str:
    """ "42%" for a share of 0.42 ("42 %" in French)."""
    return _("{number}%").format(number=localised(f"{share * 100:.{decimals}f}"))


def hours(value: float) -> str:
    """ "2.5 h": a median time to reply."""
    return _("{hours} h").format(hours=localised(f"{value:.1f}"))


def signed(value: float | None) -> str:
    """ "+12", "-3.5" or "—": a change."""
    if value is None:
        return "—"
    return ("+" if value >= 0 else "-") + number(abs(value))


def per_day(value: float | None) -> str:
    """ "+4.67/day": a rate of change."""
    return "—" if value is None else _("{value}/day").format(value=localised(f"{value:+,.2f}"))


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
