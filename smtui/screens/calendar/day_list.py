"""Provides the list of one day's posts beside the grids: where a post is picked to act on.

Empty recurring slots are listed too (not selectable), so "nothing planned at 09:30 on
LinkedIn" is as visible as what is planned.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from smtui.domain.i18n import _
from smtui.domain.local_time import local
from smtui.domain.post import Post
from smtui.screens.calendar.data import CalendarData, Catalogue
from smtui.screens.calendar.look import MISSED_MARK, SLOT_MARK, STATUS_MARKS, colour_of
from smtui.widgets.literal import literal


def post_line(post: Post, catalogue: Catalogue, timezone: str, missed: bool) -> Text:
    """ "09:30 ◐ LinkedIn  Title": what one post looks like in a list."""
    channel = catalogue.channels.get(post.channel_id or -1)
    colour = colour_of(channel and channel.platform)
    when = local(post.scheduled_at, timezone).strftime("%H:%M") if post.scheduled_at else "--:--"
    line = Text(f"{when} ")
    line.append(STATUS_MARKS[post.status], style=colour)
    line.append(f" {channel.platform.label if channel else '—'}", style=colour)
    if missed:
        line.append(f" {MISSED_MARK}", style="bold red")
    line.append("  ")
    line.append_text(literal(post.title or _("(untitled)")))
    return line


class DayList(OptionList):
    DEFAULT_CSS = """
    DayList { height: 1fr; }
    """

    # Each day has its own number of lines, and a widget's virtual size asks for a layout of
    # the whole screen when it changes: the calendar's every move would lay it all out again.
    # The list's height comes from the stylesheet, not its lines, so a new count only needs
    # a repaint; the scrollbar appearing or going still lays out (its own reactive does).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.posts: list[Post] = []

    def show(self, day: date, data: CalendarData, catalogue: Catalogue, missed: set[int]) -> None:
        keep = self.current_post
        self.posts = data.posts_on(day)
        options: list[Option] = [
            Option(post_line(post, catalogue, data.timezone, post.id in missed), id=str(post.id))
            for post in self.posts
        ]
        for slot in data.slots_on(day):
            channel = catalogue.channels.get(slot.slot.channel_id)
            name = channel.platform.label if channel else ""
            text = Text(
                _("{mark} {time} {channel}: nothing planned").format(
                    mark=SLOT_MARK, time=slot.slot.time_local, channel=name
                ),
                style="dim",
            )
            options.append(Option(text, disabled=True))
        if not options:
            options.append(
                Option(Text(_("Nothing planned; n adds a post"), style="dim"), disabled=True)
            )
        self.set_options(options)
        ids = [post.id for post in self.posts]
        if keep is not None and keep.id in ids:
            self.highlighted = ids.index(keep.id)
        elif self.posts:
            self.highlighted = 0

    @property
    def current_post(self) -> Post | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.posts):
            return None
        return self.posts[index]

    def select_post(self, post_id: int) -> None:
        ids = [post.id for post in self.posts]
        if post_id in ids:
            self.highlighted = ids.index(post_id)
