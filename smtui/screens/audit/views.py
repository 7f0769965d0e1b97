"""Provides how the Audit screen draws its values: progress bars, an item's detail with the
guide it comes from, a run's line, and the wording of a comparison.

Everything a user typed (notes, owners, URLs, handles) goes through :func:`literal`, so a
note holding "[bold]" or a terminal escape is shown as the characters it is.
"""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text

from smtui.domain.audit import AuditItem, AuditRun, Comparison, RunSummary
from smtui.domain.i18n import _, ngettext
from smtui.domain.models import Channel
from smtui.domain.seeds import SEED_GUIDES
from smtui.screens.strategy.channels import STATUS_STYLE
from smtui.widgets import literal

TICK = "✓"


def bar(done: int, total: int, width: int = 10) -> Text:
    """A bar of ``width`` cells followed by the percent: "███████░░░ 70%"."""
    percent = done * 100 // total if total else 0
    filled = done * width // total if total else 0
    style = "green" if total and done == total else "cyan"
    text = Text("█" * filled, style=style)
    text.append("░" * (width - filled), style="dim")
    text.append(" " + _("{number}%").format(number=f"{percent:>3}"))
    return text


def percent(done: int, total: int) -> Text:
    value = done * 100 // total if total else 0
    style = "green" if total and done == total else ("cyan" if done else "dim")
    return Text(_("{number}%").format(number=value), style=style, justify="right")


def count(done: int, total: int) -> Text:
    return Text(f"{done}/{total}", justify="right")


def run_state(run: AuditRun) -> Text:
    if run.finished_at is None:
        return Text(_("in progress"), style="bold yellow")
    finished = run.finished_at.date().isoformat()
    return Text(_("finished {date}").format(date=finished), style="green")


def run_head(run: AuditRun | None, summary: RunSummary | None, narrow: bool) -> Text:
    """The line above the checklist: which run, since when, how far along."""
    if run is None:
        return Text(_("No audit run yet: press n to start one from the template."), style="italic")
    head = literal(run.title, "bold")
    head.append("  ·  ")
    head.append(_("started {date}").format(date=run.started_on.isoformat()))
    head.append("  ·  ")
    head.append_text(run_state(run))
    if summary is not None:
        head.append("   ")
        head.append_text(bar(summary.done, summary.total, 10 if narrow else 20))
        head.append(f"  {summary.done}/{summary.total}")
    return head


def due_text(item: AuditItem, today: date) -> Text:
    if item.due_date is None:
        return Text("")
    late = not item.done and item.due_date < today
    return Text(item.due_date.isoformat(), style="bold red" if late else "")


def item_detail(item: AuditItem, channel: Channel | None, today: date) -> RenderableType:
    """The whole item: text, state, the guide it comes from, its channel, the follow-up."""
    state = (
        Text(TICK + " " + _("Done"), style="bold green")
        if item.done
        else Text("· " + _("To do"), style="bold yellow")
    )
    state.append("   " + _(item.section), style="dim")
    parts: list[RenderableType] = [state, literal(item.shown_text, "bold")]
    if channel is not None:
        line = Text(_("Channel: "), style="dim")
        line.append_text(literal(channel.label, "bold"))
        line.append("  " + _("status") + " ")
        line.append(channel.status.label, style=STATUS_STYLE[channel.status])
        line.append("   " + _("(s to change)"), style="dim")
        parts.append(line)
    follow = Text()
    if item.owner:
        follow.append(_("Owner: "), style="dim")
        follow.append_text(literal(item.owner))
        follow.append("   ")
    if item.due_date is not None:
        follow.append(_("Due: "), style="dim")
        follow.append_text(due_text(item, today))
        follow.append("   ")
    if item.evidence_url:
        follow.append(_("Evidence: "), style="dim")
        follow.append_text(literal(item.evidence_url, "underline"))
    if follow.plain:
        parts.append(follow)
    if item.note:
        note = Text(_("Note: "), style="dim")
        note.append_text(literal(item.note))
        parts.append(note)
    if not (follow.plain or item.note):
        parts.append(
            Text(_("space ticks · e adds a note, evidence, owner or due date"), style="dim italic")
        )
    guide = SEED_GUIDES.get(item.source)
    if guide is not None:
        source = Text(_("From the guide: "), style="dim")
        source.append(_(guide.name), style="bold")
        if guide.title:
            source.append(" — " + guide.title)
        parts += [source, Text(_(guide.about), style="dim italic")]
    elif item.source:
        parts.append(literal(_("From: ") + item.source, style="dim"))
    return Group(*parts)


def comparison_counts(comparison: Comparison) -> tuple[int, int]:
    """How many items were newly ticked, and how many are no longer ticked."""
    ticked = sum(change.current.done for change in comparison.changed)
    return ticked, len(comparison.changed) - ticked


def comparison_summary(previous: AuditRun, comparison: Comparison) -> Text:
    ticked, unticked = comparison_counts(comparison)
    text = Text(_("Compared with "))
    text.append_text(literal(previous.title, "bold"))
    text.append(_("{label}: ").format(label=""))  # a no-break space before it in French
    added, removed = len(comparison.added), len(comparison.removed)
    text.append(
        ngettext("{count} newly ticked", "{count} newly ticked", ticked).format(count=ticked),
        style="green",
    )
    text.append(", ")
    text.append(
        ngettext("{count} no longer ticked", "{count} no longer ticked", unticked).format(
            count=unticked
        ),
        style="red",
    )
    text.append(", ")
    text.append(ngettext("{count} new item", "{count} new items", added).format(count=added))
    text.append(", ")
    text.append(ngettext("{count} removed", "{count} removed", removed).format(count=removed))
    return text
