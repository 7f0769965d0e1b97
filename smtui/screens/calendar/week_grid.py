"""Provides the week view: the seven days as columns and the hours of the day as rows.

Each cell holds the posts of that hour (the first one named, "+N" for the others) or an
empty recurring slot, so a week's rhythm and its holes show at a glance. Posts before the
first hour or after the last are drawn in the edge rows, marked as earlier or later.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich import box
from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from smtui.domain.day_names import SHORT_WEEKDAYS
from smtui.domain.i18n import _
from smtui.domain.local_time import local
from smtui.domain.post import Post
from smtui.screens.calendar.data import CalendarData, Catalogue
from smtui.screens.calendar.look import SLOT_MARK, STATUS_MARKS, colour_of
from smtui.widgets.literal import literal_line

FIRST_HOUR = 6
LAST_HOUR = 22
HOUR_WIDTH = 5
# Beside the columns' text, a row holds one cell of padding after each of the eight columns
# and the SIMPLE_HEAD box's two edges and seven separators (blank, but one cell each).
ROW_EXTRA = 8 + 2 + 7


def day_heading(day: date, name: str, room: int) -> str:
    """A day's column heading that fits in ``room`` cells, always with the day's number:
    "Mon 23", then "Mo 23", "M 23", "23" (an 80-column terminal leaves 4 cells a day). The
    weekday's order says which day a letter is; the number says which date."""
    for label in (f"{name} {day.day}", f"{name[:2]} {day.day}", f"{name[:1]} {day.day}"):
        if cell_len(label) <= room:
            return label
    return str(day.day)


def week_days(cursor: date) -> tuple[date, date]:
    monday = cursor - timedelta(days=cursor.weekday())
    return monday, monday + timedelta(days=6)


class WeekGrid(Widget, can_focus=True):
    COMPONENT_CLASSES = {"week-grid--cursor", "week-grid--today", "week-grid--hour"}
    DEFAULT_CSS = """
    WeekGrid { height: 1fr; }
    WeekGrid > .week-grid--cursor { background: $accent 40%; text-style: bold; }
    WeekGrid:focus > .week-grid--cursor { background: $accent; color: $text; }
    WeekGrid > .week-grid--today { color: $warning; text-style: bold; }
    WeekGrid > .week-grid--hour { color: $text-muted; }
    """
    BINDINGS = [
        Binding("left", "step(-1, 0)", _("Previous day"), show=False),
        Binding("right", "step(1, 0)", _("Next day"), show=False),
        Binding("up", "step(0, -1)", _("Earlier hour"), show=False),
        Binding("down", "step(0, 1)", _("Later hour"), show=False),
    ]

    cursor: reactive[date] = reactive(date.today, init=False)
    hour: reactive[int] = reactive(9, init=False)

    class Moved(Message):
        def __init__(self, day: date, hour: int) -> None:
            super().__init__()
            self.day = day
            self.hour = hour

    class Opened(Message):
        """Enter on a cell: the screen shows that day's posts."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: CalendarData | None = None
        self.catalogue: Catalogue | None = None
        self.today = date.today()

    def show(self, data: CalendarData, catalogue: Catalogue, cursor: date, today: date) -> None:
        self.data, self.catalogue, self.today = data, catalogue, today
        self.set_reactive(WeekGrid.cursor, cursor)
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def watch_hour(self) -> None:
        self.refresh()

    def action_step(self, days: int, hours: int) -> None:
        if hours:
            self.hour = min(LAST_HOUR, max(FIRST_HOUR, self.hour + hours))
        if days:
            self.cursor = self.cursor + timedelta(days=days)
        self.post_message(self.Moved(self.cursor, self.hour))

    def key_enter(self) -> None:
        self.post_message(self.Opened())

    def _row_of(self, post: Post) -> int:
        assert self.data is not None and post.scheduled_at is not None
        hour = local(post.scheduled_at, self.data.timezone).hour
        return min(LAST_HOUR, max(FIRST_HOUR, hour))

    def render(self) -> RenderableType:
        if self.data is None or self.catalogue is None:
            return Text(_("Loading…"))
        monday, _sunday = week_days(self.cursor)
        days = [monday + timedelta(days=offset) for offset in range(7)]
        table = Table(
            box=box.SIMPLE_HEAD,
            expand=True,
            padding=(0, 1, 0, 0),
            header_style="bold",
            border_style="grey50",
        )
        table.add_column("", width=HOUR_WIDTH, no_wrap=True)
        room = (self.size.width - HOUR_WIDTH - ROW_EXTRA) // len(days)  # the narrowest column's
        for day, name in zip(days, SHORT_WEEKDAYS, strict=True):
            heading = day_heading(day, _(name), room)
            style = self._style("week-grid--today") if day == self.today else ""
            table.add_column(Text(heading, style=style), ratio=1, no_wrap=True, overflow="ellipsis")
        rows = LAST_HOUR - FIRST_HOUR + 1
        visible = max(1, self.size.height - 3)
        top = FIRST_HOUR
        if rows > visible:  # keep the cursor's hour in view on a short terminal
            top = min(max(FIRST_HOUR, self.hour - visible // 2), LAST_HOUR - visible + 1)
        for hour in range(top, min(LAST_HOUR, top + visible - 1) + 1):
            cells: list[Text] = [Text(f"{hour:02d}:00", style=self._style("week-grid--hour"))]
            for day in days:
                cell = self._cell(day, hour)
                if day == self.cursor and hour == self.hour:
                    cell.stylize(self._style("week-grid--cursor"))
                cells.append(cell)
            table.add_row(*cells)
        return table

    def _style(self, name: str) -> str:
        return str(self.get_component_rich_style(name, partial=True))

    def _cell(self, day: date, hour: int) -> Text:
        assert self.data is not None and self.catalogue is not None
        posts = [post for post in self.data.posts_on(day) if self._row_of(post) == hour]
        if posts:
            first = posts[0]
            channel = self.catalogue.channels.get(first.channel_id or -1)
            colour = colour_of(channel and channel.platform)
            text = Text(STATUS_MARKS[first.status], style=colour)
            label = first.title or (channel.platform.label if channel else "")
            text.append_text(literal_line(label, style=colour))
            if len(posts) > 1:
                text = Text(f"+{len(posts) - 1} ", style="bold") + text
            return text
        for slot in self.data.slots_on(day):
            if slot.slot.clock_time.hour == hour:
                channel = self.catalogue.channels.get(slot.slot.channel_id)
                name = channel.platform.label if channel else ""
                return Text(f"{SLOT_MARK} {name}", style="dim")
        return Text(" ")
