"""Provides how the competitor benchmark's numbers read: counts with separators, signed
changes in colour, and a competitor's posting frequency set against the brand's plan."""

from __future__ import annotations

from rich.text import Text

from smtui.domain.audit import CompetitorObservation, FrequencyComparison, FrequencyVerdict
from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.widgets import literal


def change_text(change: float | None, brackets: bool = False) -> Text:
    """ "+320" in green, "−50" in red, "=" when unchanged, "" when unknown."""
    if change is None:
        return Text("")
    if abs(change) < 1e-9:
        text, style = "=", "dim"
    elif change > 0:
        text, style = "+" + number(change), "green"
    else:
        text, style = "−" + number(-change), "red"
    return Text(f"({text})" if brackets else text, style=style, justify="right")


VERDICT_STYLE = {
    FrequencyVerdict.MORE: "yellow",
    FrequencyVerdict.WITHIN: "green",
    FrequencyVerdict.FEWER: "cyan",
    FrequencyVerdict.NO_PLAN: "dim",
    FrequencyVerdict.UNKNOWN: "dim",
}


def frequency_cell(comparison: FrequencyComparison) -> Text:
    labels = {
        FrequencyVerdict.MORE: "↑ " + _("more"),
        FrequencyVerdict.WITHIN: "≈ " + _("same"),
        FrequencyVerdict.FEWER: "↓ " + _("less"),
        FrequencyVerdict.NO_PLAN: _("no plan"),
        FrequencyVerdict.UNKNOWN: "—",
    }
    return Text(labels[comparison.verdict], style=VERDICT_STYLE[comparison.verdict])


def planned_text(comparison: FrequencyComparison) -> str:
    low, high = comparison.planned_low, comparison.planned_high
    if low is None or high is None:
        return ""
    if abs(high - low) < 0.05:
        return _("{count} a week").format(count=number(round(low, 1)))
    return _("{low}–{high} a week").format(low=number(round(low, 1)), high=number(round(high, 1)))


def frequency_sentence(observation: CompetitorObservation, comparison: FrequencyComparison) -> Text:
    """One sentence the user can act on: how often they post, how often we plan to."""
    platform = observation.platform.label
    verdicts = {
        FrequencyVerdict.MORE: _("they post more often than you plan to"),
        FrequencyVerdict.WITHIN: _("they post about as often as you plan to"),
        FrequencyVerdict.FEWER: _("they post less often than you plan to"),
    }
    text = Text(_("Frequency: "), style="dim")
    if comparison.verdict is FrequencyVerdict.NO_PLAN:
        text.append(
            _("you have no cadence planned on {platform} to compare with").format(platform=platform)
        )
        return text
    if comparison.verdict is FrequencyVerdict.UNKNOWN or comparison.posts_per_week is None:
        text.append(
            _("posts per week not observed; your plan on {platform}: {plan}").format(
                platform=platform, plan=planned_text(comparison)
            )
        )
        return text
    text.append_text(literal(observation.name))
    text.append(
        " "
        + _("posts {count} a week on {platform}; your plan: {plan}").format(
            count=number(comparison.posts_per_week),
            platform=platform,
            plan=planned_text(comparison),
        )
    )
    text.append(" — " + verdicts[comparison.verdict], style=VERDICT_STYLE[comparison.verdict])
    return text
