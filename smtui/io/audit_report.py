"""Provides the Markdown report of an audit run: progress per section, every item with its
tick, note, evidence, owner and due date, the actions, what changed since the previous
run, and the competitor benchmark.

Markdown because a report is read and forwarded (a client, a manager, a wiki), and any
editor or forge renders it. Text the user typed is escaped by :mod:`smtui.io.markdown`,
so a note holding "|" or "#" cannot break a table or make a heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from smtui.domain.audit import (
    AuditItem,
    AuditRun,
    Comparison,
    CompetitorChange,
    FrequencyVerdict,
    compare,
    compare_frequency,
    progress,
)
from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.models import Brand, Channel
from smtui.io.files import atomic_write
from smtui.io.markdown import md_text, md_url

if TYPE_CHECKING:
    from smtui.store import Store


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _change(value: float | None) -> str:
    if value is None:
        return ""
    return "=" if abs(value) < 1e-9 else ("+" if value > 0 else "−") + number(abs(value))


@dataclass(frozen=True)
class AuditReport:
    """Everything the report shows, gathered once so that rendering is pure."""

    brand: Brand
    run: AuditRun
    items: list[AuditItem]
    previous: AuditRun | None
    comparison: Comparison | None
    competitors: list[CompetitorChange]
    channels: list[Channel]


def gather(store: Store, brand: Brand, run: AuditRun) -> AuditReport:
    assert brand.id is not None and run.id is not None
    audits = store.audits
    previous = audits.previous_run(run.id)
    items = audits.items(run.id)
    comparison = (
        compare(audits.items(previous.id), items)
        if previous is not None and previous.id is not None
        else None
    )
    return AuditReport(
        brand=brand,
        run=run,
        items=items,
        previous=previous,
        comparison=comparison,
        competitors=store.competitors.latest_with_change(brand.id),
        channels=store.channels.list(brand.id),
    )


def _head(report: AuditReport) -> list[str]:
    run = report.run
    state = (
        _("finished {date}").format(date=run.finished_at.date().isoformat())
        if run.finished_at is not None
        else _("in progress")
    )
    overall = progress(report.items)
    lines = [
        "# " + md_text(run.title),
        "",
        " · ".join(
            [
                md_text(report.brand.name),
                _("started {date}").format(date=run.started_on.isoformat()),
                state,
                _("template version {version}").format(version=run.template_version or "—"),
            ]
        ),
        "",
        "## " + _("Progress"),
        "",
        _row([_("Section"), _("Done"), _("Total"), "%"]),
        "| --- | ---: | ---: | ---: |",
    ]
    for section in [*overall.sections, overall.overall]:
        lines.append(
            _row(
                [
                    md_text(_(section.section)),
                    str(section.done),
                    str(section.total),
                    _("{number}%").format(number=section.percent),
                ]
            )
        )
    return lines


def _checklist(report: AuditReport) -> list[str]:
    lines = ["", "## " + _("Checklist")]
    section = None
    for item in report.items:
        if item.section != section:
            section = item.section
            lines += ["", "### " + md_text(_(section)), ""]
        tick = "x" if item.done else " "
        source = f" — *{md_text(_(item.source))}*" if item.source else ""
        lines.append(f"- [{tick}] {md_text(item.shown_text)}{source}")
        if item.note:
            lines.append("  - " + _("Note: ") + md_text(item.note))
        if item.evidence_url:
            lines.append("  - " + _("Evidence: ") + md_url(item.evidence_url))
        follow = []
        if item.owner:
            follow.append(_("Owner: ") + md_text(item.owner))
        if item.due_date is not None:
            follow.append(_("Due: ") + item.due_date.isoformat())
        if follow:
            lines.append("  - " + " · ".join(follow))
    return lines


def _actions(report: AuditReport) -> list[str]:
    actions = sorted(
        (item for item in report.items if item.due_date is not None),
        key=lambda item: (item.due_date, item.position),
    )
    lines = ["", "## " + _("Actions"), ""]
    if not actions:
        return [*lines, _("No item has a due date.")]
    lines += [_row([_("Due"), _("Action"), _("Owner"), _("Section"), _("State")])]
    lines.append("| --- | --- | --- | --- | --- |")
    for item in actions:
        assert item.due_date is not None
        state = _("done") if item.done else _("open")
        cells = [item.due_date.isoformat(), md_text(item.shown_text), md_text(item.owner) or "—"]
        lines.append(_row([*cells, md_text(_(item.section)), state]))
    return lines


def _changes(report: AuditReport) -> list[str]:
    previous, comparison = report.previous, report.comparison
    if previous is None or comparison is None:
        return ["", "## " + _("Changes"), "", _("The first run: nothing to compare with.")]
    lines = ["", "## " + _("Changes since {title}").format(title=md_text(previous.title)), ""]
    groups = (
        (_("Newly ticked"), [c.current for c in comparison.changed if c.current.done]),
        (_("No longer ticked"), [c.current for c in comparison.changed if not c.current.done]),
        (_("New items"), comparison.added),
        (_("Removed items"), comparison.removed),
    )
    for title, items in groups:
        lines.append(f"- {title}: {len(items)}")
        lines += [f"  - {md_text(item.shown_text)}" for item in items]
    return lines


def _competitors(report: AuditReport) -> list[str]:
    lines = ["", "## " + _("Competitor benchmark"), ""]
    if not report.competitors:
        return [*lines, _("No competitor observed yet.")]
    verdicts = {
        FrequencyVerdict.MORE: _("posts more"),
        FrequencyVerdict.WITHIN: _("about the same"),
        FrequencyVerdict.FEWER: _("posts less"),
        FrequencyVerdict.NO_PLAN: _("no plan"),
        FrequencyVerdict.UNKNOWN: "—",
    }
    header = [
        _("Competitor"),
        _("Platform"),
        _("Handle"),
        _("Followers"),
        _("Change"),
        _("Posts/week"),
        _("Change"),
        _("vs our plan"),
        _("Content types"),
        _("Observed"),
    ]
    lines += [_row(header), "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |"]
    for change in report.competitors:
        latest = change.latest
        verdict = compare_frequency(latest, report.channels).verdict
        cells = [
            md_text(latest.name),
            latest.platform.label,
            md_text(latest.handle) or "—",
            number(latest.followers),
            _change(change.followers_change),
            number(latest.posts_per_week),
            _change(change.posts_per_week_change),
            verdicts[verdict],
            md_text(latest.content_types) or "—",
            latest.observed_on.isoformat(),
        ]
        lines.append(_row(cells))
    return lines


def render(report: AuditReport) -> str:
    lines = [
        *_head(report),
        *_checklist(report),
        *_actions(report),
        *_changes(report),
        *_competitors(report),
    ]
    return "\n".join(lines) + "\n"


def write_audit_report(path: Path, store: Store, brand: Brand, run: AuditRun) -> AuditReport:
    """Write the report atomically: the previous file stays whole until the new one is."""
    report = gather(store, brand, run)
    with atomic_write(path) as handle:
        handle.write(render(report))
    return report
