"""Provides Today's "To reply" panel: the head of the queue in the queue's order, with each
item's age and time to target. The Queue screen's triage keys work here unchanged, through
its :class:`TriageDialogs` mixin."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from smtui.domain.figures import span
from smtui.domain.i18n import N_, _
from smtui.domain.inbox import InboxItem, QueueFilter
from smtui.domain.models import Channel
from smtui.screens.calendar.look import colour_of
from smtui.screens.queue.cells import PRIORITY_STYLE
from smtui.screens.queue.triage import TRIAGE_BINDINGS, TriageDialogs
from smtui.screens.today.panel import TodayPanel
from smtui.today.brief import ReplyLine
from smtui.widgets.literal import literal_line

if TYPE_CHECKING:
    from smtui.today.brief import Brief


class RepliesPanel(TriageDialogs, TodayPanel[ReplyLine]):
    COLUMNS = (
        ("", 1),
        (N_("Age"), 3),
        (N_("Channel"), 9),
        (N_("Author"), 12),
        (N_("Comment"), None),
        (N_("Target"), 8),
    )
    NARROW_DROPS = (N_("Target"), N_("Channel"), N_("Brand"))  # "!" marks a missed target
    EMPTY = N_("Inbox zero: nothing left to answer.")
    JUMP_KEY = "R"
    BINDINGS: ClassVar[list[Binding]] = list(TRIAGE_BINDINGS)

    def __init__(self, *, id: str) -> None:
        super().__init__(_("To reply"), id=id)
        self.filters = QueueFilter()
        self.selected: set[int] = set()

    def lines_of(self, brief: Brief) -> Sequence[ReplyLine]:
        return brief.replies

    def summary(self, brief: Brief) -> str:
        if not brief.replies_left:
            return _("inbox zero")
        text = _("{n} left to zero").format(n=brief.replies_left)
        text += " · " + _("{n} past target").format(n=brief.replies_late)
        shown = len(brief.replies)
        if shown < brief.replies_left:
            text += " · " + _("first {n}; the Queue (3) has all").format(n=shown)
        return text

    def key_of(self, line: ReplyLine) -> str:
        return f"item-{line.item.id}"

    def cells(self, line: ReplyLine, flex: int) -> tuple[RenderableType, ...]:
        item = line.item
        late = line.past_target
        if line.to_target is None:
            target = Text("")
        elif late:
            target = Text(_("{t} late").format(t=span(line.to_target)), style="bold red")
        else:
            target = Text(_("{t} left").format(t=span(line.to_target)))
        channel = line.channel.platform if line.channel else None
        return (
            Text("!" if late else " ", style="bold red"),
            *self.brand_cell(line),
            Text(span(line.age), style="bold red" if late else ""),
            Text(channel.label if channel else "", style=colour_of(channel)),
            literal_line(item.author or _("(unknown author)"), 12),
            self.wide_cell(line, item.text, flex, style=PRIORITY_STYLE[item.priority]),
            target,
        )

    # --- what TriageDialogs asks of its host ------------------------------------------

    @property
    def items(self) -> list[InboxItem]:  # type: ignore[override]
        return [line.item for line in self.lines]

    @property
    def current(self) -> InboxItem | None:  # type: ignore[override]
        line = self.current_line
        return line.item if line is not None else None

    @property
    def channels(self) -> dict[int, Channel]:  # type: ignore[override]
        return {
            line.channel.id: line.channel
            for line in self.lines
            if line.channel is not None and line.channel.id is not None
        }

    @property
    def now(self) -> datetime:  # type: ignore[override]
        return self.smtui.clock()

    def channel_label(self, item: InboxItem) -> str:
        channel = self.channels.get(item.channel_id or -1)
        return channel.label if channel else ""

    def reload(self) -> None:
        self.today_screen.refresh_brief()
