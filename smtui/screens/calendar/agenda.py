"""Provides the agenda: the month's posts as one list, day by day, with empty slots shown."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widgets import DataTable

from smtui.domain.i18n import _
from smtui.domain.local_time import local
from smtui.domain.post import Post
from smtui.screens.calendar.data import CalendarData, Catalogue
from smtui.screens.calendar.look import MISSED_MARK, SLOT_MARK, STATUS_MARKS, colour_of
from smtui.widgets.literal import literal


class Agenda(DataTable[Text]):
    """Row keys are "post-<id>" for posts and "slot-<n>" for empty slots."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.posts: dict[str, Post] = {}
        self.days: list[date] = []

    def on_mount(self) -> None:
        self.add_column(_("Day"), width=10, key="day")
        self.add_column(_("Time"), width=5, key="time")
        self.add_column(_("Channel"), width=11, key="channel")
        self.add_column(_("Status"), width=12, key="status")
        self.add_column(_("Pillar"), width=14, key="pillar")
        self.add_column(_("Title"), key="title")

    def show(
        self,
        first: date,
        last: date,
        data: CalendarData,
        catalogue: Catalogue,
        missed: set[int],
        cursor: date,
    ) -> None:
        self.clear()
        self.posts, self.days = {}, []
        day = first
        slot_number = 0
        target_row = None
        while day <= last:
            label = day.strftime("%a %d %b")
            for post in data.posts_on(day):
                key = f"post-{post.id}"
                self.posts[key] = post
                self.add_row(
                    *self._post_cells(label, post, catalogue, data.timezone, missed), key=key
                )
                self.days.append(day)
                label = ""
            for slot in data.slots_on(day):
                channel = catalogue.channels.get(slot.slot.channel_id)
                name = channel.platform.label if channel else ""
                dim = "dim"
                self.add_row(
                    Text(label, style=dim),
                    Text(slot.slot.time_local, style=dim),
                    Text(f"{SLOT_MARK} {name}", style=dim),
                    Text(""),
                    Text(""),
                    Text(_("nothing planned"), style=dim),
                    key=f"slot-{slot_number}",
                )
                self.days.append(day)
                slot_number += 1
                label = ""
            if target_row is None and day >= cursor and self.days and self.days[-1] == day:
                target_row = next(i for i, d in enumerate(self.days) if d == day)
            day += timedelta(days=1)
        if target_row is None and self.days:
            target_row = len(self.days) - 1
        if target_row is not None:
            self.move_cursor(row=target_row, animate=False)

    def _post_cells(
        self, label: str, post: Post, catalogue: Catalogue, timezone: str, missed: set[int]
    ) -> tuple[Text, ...]:
        channel = catalogue.channels.get(post.channel_id or -1)
        colour = colour_of(channel and channel.platform)
        pillar = catalogue.pillars.get(post.pillar_id or -1)
        when = local(post.scheduled_at, timezone).strftime("%H:%M") if post.scheduled_at else ""
        status = Text(f"{STATUS_MARKS[post.status]} {post.status.label}")
        if post.id in missed:
            status = Text(f"{MISSED_MARK} ", style="bold red") + status
        return (
            Text(label, style="bold"),
            Text(when),
            Text(channel.platform.label if channel else "—", style=colour),
            status,
            literal(pillar.name if pillar else ""),
            literal(post.title or _("(untitled)")),
        )

    @property
    def current_post(self) -> Post | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.posts.get(key or "")

    @property
    def current_day(self) -> date | None:
        row = self.cursor_row
        return self.days[row] if 0 <= row < len(self.days) else None

    def select_post(self, post_id: int) -> None:
        key = f"post-{post_id}"
        if key in self.posts:
            self.move_cursor(row=self.get_row_index(key), animate=False)
