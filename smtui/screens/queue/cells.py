"""Provides how one queue item reads in the table and in the detail pane: local times,
ages, the overdue mark, and every outside text (author, comment, tags) as literal text."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pendulum
from rich.console import Group, RenderableType
from rich.text import Text

from smtui.domain.day_names import month_day, weekday_day_time, weekday_time
from smtui.domain.enums import Priority
from smtui.domain.figures import span
from smtui.domain.i18n import _
from smtui.domain.inbox import InboxEvent, InboxItem
from smtui.widgets.literal import literal, literal_line

PRIORITY_STYLE = {
    Priority.URGENT: "bold red",
    Priority.HIGH: "yellow",
    Priority.NORMAL: "",
    Priority.LOW: "dim",
}


def local_time(moment: datetime, timezone: str, now: datetime) -> str:
    """ "Mon 08:12" within the last week, else "Nov 12" (the brand's zone)."""
    shown = pendulum.instance(moment).in_timezone(timezone)
    if abs((now - moment).days) < 6:
        return weekday_time(shown)
    return month_day(shown)


def age(moment: datetime, now: datetime) -> str:
    return span(max(now - moment, timedelta(0)))


def mark(item: InboxItem, now: datetime, selected: bool) -> Text:
    """ "●" selected, "!" past target (both can show)."""
    text = Text()
    text.append("●" if selected else " ", style="bold cyan" if selected else "")
    text.append("!" if item.is_overdue(now) else " ", style="bold red")
    return text


def row_cells(
    item: InboxItem,
    *,
    now: datetime,
    timezone: str,
    channel: str,
    selected: bool,
    width: int,
) -> tuple[RenderableType, ...]:
    overdue = item.is_overdue(now)
    return (
        mark(item, now, selected),
        Text(local_time(item.received_at, timezone, now)),
        Text(age(item.received_at, now), style="bold red" if overdue else ""),
        literal_line(channel, 10),
        Text(item.kind.label),
        literal_line(item.author, 14),
        literal_line(item.text, width),
        Text(item.priority.label, style=PRIORITY_STYLE[item.priority]),
        Text(item.status.label),
        literal_line(", ".join(item.tags), 10, style="italic"),
    )


def _event_line(event: InboxEvent, timezone: str) -> Text:
    when = pendulum.instance(event.at).in_timezone(timezone).format("YYYY-MM-DD HH:mm")
    detail = json.loads(event.detail or "{}")
    after = detail.get("after", {})
    what = event.action
    if event.action == "undo":
        what = _("undo of {action}").format(action=detail.get("of", "?"))
    elif event.action in ("snooze",) and after.get("snoozed_until"):
        until = pendulum.parse(after["snoozed_until"]).in_timezone(timezone)
        what = _("snoozed until {time}").format(time=weekday_day_time(until))
    return literal(f"  {when}  {what}", style="dim")


def detail(
    item: InboxItem,
    *,
    now: datetime,
    timezone: str,
    channel: str,
    history: list[InboxEvent],
) -> RenderableType:
    """The whole item: author, where, the full text (literally), URL, reply and history."""
    head = Text()
    head.append_text(
        literal(item.author_name or item.author_handle or _("(unknown author)"), "bold")
    )
    if item.author_handle and item.author_name:
        head.append("  ")
        head.append_text(literal(item.author_handle, "dim"))
    head.append("  ·  ")
    head.append_text(literal(f"{channel} · {item.kind.label} · {item.status.label}"))
    due = ""
    if item.due_at is not None:
        due_local = weekday_day_time(pendulum.instance(item.due_at).in_timezone(timezone))
        due = _("due {time}").format(time=due_local)
        if item.is_overdue(now):
            due = _("PAST TARGET, was due {time}").format(time=due_local)
    head.append("  ·  ")
    head.append(due, style="bold red" if item.is_overdue(now) else "")
    parts: list[RenderableType] = [head, literal(item.text)]
    if item.url:
        parts.append(literal(item.url, "underline"))
    if item.reply_text:
        parts.append(Text.assemble((_("Reply: "), "bold"), literal(item.reply_text)))
    if history:
        parts.append(Text(_("History"), style="bold"))
        parts.extend(_event_line(event, timezone) for event in history[-5:])
    return Group(*parts)
