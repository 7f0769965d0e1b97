"""Provides Today's "To post" panel: the day's posts in time order, overdue ones first, and
the recurring slots no post fills. Every post action of the Calendar works here with the
same key, through the calendar's :class:`PostActions` mixin."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from smtui.domain.day_names import short_day
from smtui.domain.i18n import N_, _, ngettext
from smtui.domain.models import Brand
from smtui.domain.post import Post, PostFilter
from smtui.screens.calendar.actions import PostActions
from smtui.screens.calendar.data import Catalogue
from smtui.screens.calendar.look import MISSED_MARK, SLOT_MARK, STATUS_MARKS, colour_of
from smtui.screens.today.panel import TodayPanel
from smtui.today.brief import PostLine, SlotLine

if TYPE_CHECKING:
    from smtui.today.brief import Brief

Row = PostLine | SlotLine
KEPT = {"n", "e", "greater_than_sign", "less_than_sign", "M", "d", "r", "c", "p", "s", "x,delete"}


class PostsPanel(PostActions, TodayPanel[Row]):
    COLUMNS = (
        ("", 1),
        (N_("Time"), 6),
        (N_("Channel"), 9),
        (N_("Post (and what stops it going out)"), None),
        (N_("Status"), 11),
    )
    NARROW_DROPS = (N_("Status"), N_("Brand"))  # the mark shows the status, ⚠ what stops it
    EMPTY = N_("Nothing to post on this day.")
    JUMP_KEY = "P"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "edit_post", _("Edit"), show=False),
        *(binding for binding in PostActions.POST_BINDINGS if binding.key in KEPT),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(_("To post"), id=id)
        self._catalogues: dict[int, Catalogue] = {}

    # --- the section ------------------------------------------------------------------

    def lines_of(self, brief: Brief) -> Sequence[Row]:
        return brief.to_post()

    def summary(self, brief: Brief) -> str:
        text = str(len(brief.posts))
        if brief.overdue:
            text += " · " + _("{n} overdue").format(n=brief.overdue)
        if brief.slots:
            text += " · " + ngettext("{n} empty slot", "{n} empty slots", len(brief.slots)).format(
                n=len(brief.slots)
            )
        return text

    def key_of(self, line: Row) -> str:
        if isinstance(line, PostLine):
            return f"post-{line.post.id}"
        return f"slot-{line.brand.id}-{line.channel.id if line.channel else 0}-{line.at}"

    def cells(self, line: Row, flex: int) -> tuple[RenderableType, ...]:
        day = self.today_screen.day
        when = line.at.strftime("%H:%M") if line.at.date() == day else short_day(line.at)
        channel = line.channel.platform if line.channel else None
        channel_cell = Text(
            line.channel.platform.label if line.channel else _("none"), style=colour_of(channel)
        )
        if isinstance(line, SlotLine):
            return (
                Text(SLOT_MARK, style="dim"),
                *self.brand_cell(line),
                Text(when, style="dim"),
                channel_cell,
                self.wide_cell(line, _("nothing planned (recurring slot)"), flex, "italic dim"),
                Text(""),
            )
        post = line.post
        mark = (
            Text(MISSED_MARK, style="bold red")
            if line.overdue
            else Text(STATUS_MARKS[post.status], style="")
        )
        status = Text(post.status.label, style="bold red" if line.overdue else "")
        if line.ready.ready:
            status.append(" ✓", style="green")
        else:
            status.append(" ⚠", style="yellow")
        problems = None
        if not line.ready.ready:
            problems = Text("  ⚠ " + ", ".join(line.ready.problems), style="yellow")
        title = self.wide_cell(
            line, post.title or post.body or _("(untitled)"), flex, tail=problems
        )
        return (
            mark,
            *self.brand_cell(line),
            Text(when, style="bold red" if line.overdue else ""),
            channel_cell,
            title,
            status,
        )

    # --- what PostActions asks of its host --------------------------------------------

    @property
    def catalogue(self) -> Catalogue | None:  # type: ignore[override]
        return self._catalogues.get(self.brand.id or 0)

    @catalogue.setter
    def catalogue(self, value: Catalogue | None) -> None:
        if value is not None:
            self._catalogues[self.brand.id or 0] = value

    def forget_catalogues(self) -> None:
        """Channels may have changed on another screen: read them again when next needed."""
        self._catalogues.clear()

    @property
    def filters(self) -> PostFilter:  # type: ignore[override]
        """On an empty slot, a new post starts on the slot's channel."""
        line = self.current_line
        if isinstance(line, SlotLine) and line.channel is not None:
            return PostFilter(channel_id=line.channel.id)
        return PostFilter()

    def current_post(self) -> Post | None:
        line = self.current_line
        return line.post if isinstance(line, PostLine) else None

    def new_post_moment(self) -> tuple[date, time]:
        line = self.current_line
        if isinstance(line, SlotLine):
            return line.at.date(), time(line.at.hour, line.at.minute)
        return self.today_screen.day, time(9, 0)

    def after_change(self, post: Post | None) -> None:
        self.today_screen.refresh_brief()
        if post is not None and post.id is not None:
            keys = [self.key_of(line) for line in self.lines]
            if f"post-{post.id}" in keys:
                self.move_cursor(row=keys.index(f"post-{post.id}"))

    def filters_changed(self, filters: PostFilter) -> None:
        """Today has no filters; the Calendar (2) does."""

    def goto_day(self, day: date) -> None:
        self.today_screen.show_day(day)

    def brand_of(self, line: Row) -> Brand:
        return line.brand
