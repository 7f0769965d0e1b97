"""Provides the brief as text for a terminal: five short sections a person reads in one
glance, with colour when the output is a terminal (click removes it when piped).

Every text that comes from outside (titles, authors, comments, names) goes through
``one_line``, which removes control characters, bidi overrides and zero-width characters:
a comment cannot move the cursor, write to the clipboard of the terminal that prints it, or
hide a word. Widths are terminal cells, not characters, and every line is cut to the
terminal's width: a CJK title of 48 letters takes 96 cells and used to wrap the brief.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator

import click

from smtui.domain.cadence import Verdict, target_text
from smtui.domain.day_names import long_day, short_day_time
from smtui.domain.figures import number, span
from smtui.domain.i18n import _
from smtui.domain.models import Brand, Channel
from smtui.domain.text import cell_width, char_cells, one_line
from smtui.today.brief import Brief, SlotLine

REPLIES_PRINTED = 10
# The colours click.style adds: they take no cell.
_STYLE = re.compile(r"(\x1b\[[0-9;]*m)")


def fit(line: str, width: int) -> str:
    """``line`` cut to ``width`` cells with an ellipsis, its colours kept (and closed)."""
    if cell_width(_STYLE.sub("", line)) <= width:
        return line
    kept: list[str] = []
    used = 0
    for part in _STYLE.split(line):
        if _STYLE.fullmatch(part):
            kept.append(part)
            continue
        for char in part:
            used += char_cells(char)
            if used > width - 1:
                return "".join(kept).rstrip() + "…" + ("\x1b[0m" if "\x1b" in line else "")
            kept.append(char)
    return "".join(kept)


def _pad(text: str, cells: int) -> str:
    """``text`` padded with spaces to ``cells`` cells (``str.ljust`` counts characters)."""
    return text + " " * max(cells - cell_width(text), 0)


def _where(brand: Brand, channel: Channel | None, several: bool) -> str:
    name = channel.platform.label if channel else _("no channel")
    return f"{one_line(brand.name, 20)} · {name}" if several else name


def _heading(text: str) -> str:
    return click.style(text, bold=True)


def brief_text(brief: Brief, width: int = 80) -> Iterator[str]:
    """The brief, line by line, each within ``width`` terminal cells."""
    for line in _lines(brief, width):
        yield fit(line, width)


def _lines(brief: Brief, width: int) -> Iterator[str]:
    several = brief.several_brands
    names = ", ".join(one_line(brand.name) for brand in brief.brands)
    yield _heading(_("Today, {day}").format(day=long_day(brief.day))) + (
        f" · {names}" if names else ""
    )
    if brief.unset:
        yield ""
        # Our own sentences wrap at a space instead of being cut.
        yield from textwrap.wrap(
            _(
                "Nothing here yet: no channel, no post, no queue. Run smtui to set up a brand "
                "(or smtui demo to try it with sample data)."
            ),
            width,
        )
        return
    if brief.nothing_due:
        yield ""
        for text in textwrap.wrap(
            _("Nothing due: no post to publish, no reply owed, no number to log."), width
        ):
            yield click.style(text)
    yield from _posts(brief, several, width)
    yield from _replies(brief, several, width)
    yield from _metrics(brief, several)
    yield from _week(brief, several)
    yield from _actions(brief, several)


def _posts(brief: Brief, several: bool, width: int) -> Iterator[str]:
    if not brief.posts and not brief.slots:
        return
    yield ""
    title = _("To post ({n})").format(n=len(brief.posts))
    if brief.overdue:
        title += " · " + click.style(_("{n} overdue").format(n=brief.overdue), fg="red", bold=True)
    yield _heading(title)
    for line in brief.to_post():
        if isinstance(line, SlotLine):
            yield click.style(
                "   {when:>5}  {where}  {what}".format(
                    when=line.at.strftime("%H:%M"),
                    where=_where(line.brand, line.channel, several),
                    what=_("nothing planned (recurring slot)"),
                ),
                dim=True,
            )
            continue
        mark = click.style("!", fg="red", bold=True) if line.overdue else " "
        when = line.at.strftime("%H:%M") if line.at.date() == brief.day else short_day_time(line.at)
        state = (
            click.style("✓", fg="green")
            if line.ready.ready
            else click.style("⚠ " + ", ".join(line.ready.problems), fg="yellow")
        )
        channel = _pad(_where(line.brand, line.channel, several), 12)
        head = f" {mark} {when:>5}  {channel} "
        tail = f"  [{line.post.status.label}] {state}"
        # The title gets the room the rest leaves (at least 12 cells): it is what is read.
        room = width - cell_width(_STYLE.sub("", head + tail))
        title = one_line(line.post.title or line.post.body, max(room, 12)) or _("(untitled)")
        yield head + title + tail


def _replies(brief: Brief, several: bool, width: int) -> Iterator[str]:
    yield ""
    if brief.replies_left == 0:
        yield _heading(_("To reply")) + "  " + click.style(_("inbox zero"), fg="green")
        return
    late = _("{n} past target").format(n=brief.replies_late)
    yield (
        _heading(_("To reply: {n} left to zero").format(n=brief.replies_left))
        + ", "
        + (click.style(late, fg="red", bold=True) if brief.replies_late else late)
    )
    for line in brief.replies[:REPLIES_PRINTED]:
        if line.to_target is None:
            target = ""
        elif line.past_target:
            target = click.style(_("{t} past target").format(t=span(line.to_target)), fg="red")
        else:
            target = _("{t} to target").format(t=span(line.to_target))
        mark = click.style("!", fg="red", bold=True) if line.past_target else " "
        author = one_line(line.item.author, 24) or _("(unknown author)")
        age = _("{t} old").format(t=span(line.age))  # outside the f-string: the extractor sees it
        yield (
            f" {mark} {author} · {_where(line.brand, line.channel, several)} · "
            f"{line.item.kind.label} · {age}" + (f" · {target}" if target else "")
        )
        yield click.style(f"     {one_line(line.item.text, width - 5)}", dim=True)
    rest = brief.replies_left - min(len(brief.replies), REPLIES_PRINTED)
    if rest > 0:
        yield click.style(
            "   " + _("… and {n} more in the queue (key 3 in smtui)").format(n=rest), dim=True
        )


def _metrics(brief: Brief, several: bool) -> Iterator[str]:
    if not brief.metrics:
        return
    yield ""
    yield _heading(_("Numbers to log ({n})").format(n=len(brief.metrics)))
    for line in brief.metrics:
        metric = line.due.metric
        last = (
            _("last {value} on {day}").format(
                value=number(line.due.last_value), day=line.due.last_date.isoformat()
            )
            if line.due.last_date
            else _("never logged")
        )
        brand = f"{one_line(line.brand.name, 20)} · " if several else ""
        yield f"   {brand}{one_line(metric.name, 40)} ({metric.frequency.label}, {last})"


def _week(brief: Brief, several: bool) -> Iterator[str]:
    if not brief.week and not brief.behind:
        return
    yield ""
    yield _heading(_("This week"))
    for line in brief.week:
        target = (
            _("no target")
            if line.verdict is Verdict.NO_TARGET
            else _("target {t}").format(t=target_text(line.minimum, line.maximum))
        )
        counts = _("{planned} planned, {published} published").format(
            planned=line.planned, published=line.published
        )
        brand = f"{one_line(line.brand.name, 20)} · " if several else ""
        text = f"   {brand}{one_line(line.name, 40)}: {counts}, {target}"
        if line.verdict is Verdict.BELOW:
            text = click.style(text + " · " + _("below target"), fg="yellow")
        elif line.verdict is Verdict.ABOVE:
            text = click.style(text + " · " + _("above target"), fg="yellow")
        yield text
    for behind in brief.behind:
        verdict = behind.pace.verdict.label if behind.pace.verdict else ""
        progress = (
            _(", {p}% of the way").format(p=round(behind.pace.progress * 100))
            if behind.pace.progress is not None
            else ""
        )
        brand = f"{one_line(behind.brand.name, 20)} · " if several else ""
        yield click.style(
            f"   {verdict}: {brand}{one_line(behind.objective.statement, 70)}{progress}",
            fg="red" if behind.pace.verdict and behind.pace.verdict.value == "behind" else "yellow",
        )


def _actions(brief: Brief, several: bool) -> Iterator[str]:
    if not brief.actions:
        return
    yield ""
    yield _heading(_("Actions due ({n})").format(n=len(brief.actions)))
    for line in brief.actions:
        item = line.action.item
        due = item.due_date.isoformat() if item.due_date else ""
        brand = f"{one_line(line.brand.name, 20)} · " if several else ""
        text = f"   {due}  {brand}{one_line(item.shown_text, 70)}"
        yield click.style(text, fg="red") if line.overdue else text
