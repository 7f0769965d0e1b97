"""Provides the month grid: seven columns, one row per week, each day listing its posts as
short lines coloured by channel with a status mark, and "+N more" when they do not fit.

The grid paints a :class:`CalendarData` it is given and owns only the cursor (a date). The
arrows move it a day or a week; leaving the month pages, because the screen reloads on
:class:`MonthGrid.Moved`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Self

from rich import box
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from smtui.domain.day_names import SHORT_WEEKDAYS
from smtui.domain.i18n import _
from smtui.screens.calendar.data import CalendarData, Catalogue
from smtui.screens.calendar.look import SLOT_MARK, STATUS_MARKS, colour_of
from smtui.widgets.literal import literal_line


def grid_days(cursor: date) -> tuple[date, date]:
    """The Monday before the 1st and the Sunday after the last day of ``cursor``'s month."""
    first = cursor.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    start = first - timedelta(days=first.weekday())
    last = following - timedelta(days=1)
    end = last + timedelta(days=6 - last.weekday())
    return start, end


class MonthGrid(Widget, can_focus=True):
    COMPONENT_CLASSES = {
        "month-grid--cursor",
        "month-grid--today",
        "month-grid--other-month",
        "month-grid--more",
    }
    DEFAULT_CSS = """
    MonthGrid { height: 1fr; }
    MonthGrid > .month-grid--cursor { background: $accent 40%; text-style: bold; }
    MonthGrid:focus > .month-grid--cursor { background: $accent; color: $text; }
    MonthGrid > .month-grid--today { color: $warning; text-style: bold reverse; }
    MonthGrid > .month-grid--other-month { color: $text-disabled; }
    MonthGrid > .month-grid--more { color: $text-muted; text-style: italic; }
    """
    BINDINGS = [
        Binding("left", "step(-1)", _("Previous day"), show=False),
        Binding("right", "step(1)", _("Next day"), show=False),
        Binding("up", "step(-7)", _("Previous week"), show=False),
        Binding("down", "step(7)", _("Next week"), show=False),
        Binding("home", "week_edge(0)", _("Monday"), show=False),
        Binding("end", "week_edge(6)", _("Sunday"), show=False),
    ]

    # Not repainted by the reactive itself: :meth:`watch_cursor` says which cells changed.
    cursor: reactive[date] = reactive(date.today, init=False, repaint=False)

    class Moved(Message):
        """The cursor moved to ``day``; the screen reloads when it left the loaded days."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class Opened(Message):
        """Enter on a day: the screen shows its posts."""

    def __init__(self, *, id: str | None = None) -> None:
        # What render_line hands out, and each strip by the line it was made from.
        self._strips: list[Strip] | None = None
        self._made: dict[int, tuple[list[Segment], Strip]] = {}
        self._made_style: Style | None = None
        super().__init__(id=id)
        self.data: CalendarData | None = None
        self.catalogue: Catalogue | None = None
        self.today = date.today()
        # The last paint: what it depended on, its cursor, and its lines.
        self._painted: tuple[tuple[object, ...], date, list[list[Segment]]] | None = None

    def show(self, data: CalendarData, catalogue: Catalogue, cursor: date, today: date) -> None:
        self.data, self.catalogue, self.today = data, catalogue, today
        self._painted = None
        self.set_reactive(MonthGrid.cursor, cursor)
        self.refresh()

    def watch_cursor(self, before: date, after: date) -> None:
        """A move within the painted month marks only the two cells dirty, as a table's
        cursor marks two rows: Textual then renders and composes those lines alone."""
        self.refresh(*self._moved_cells(before, after))

    def _moved_cells(self, before: date, after: date) -> list[Region]:
        """The regions of the cells ``before`` and ``after``, or none (the whole grid) when
        the last paint is not of ``after``'s month."""
        painted = self._painted
        if painted is None:
            return []
        key, _cursor, lines = painted
        start, cell_lines = key[0], key[1]
        assert isinstance(start, date) and isinstance(cell_lines, int)
        if grid_days(after)[0] != start:
            return []
        return [_cell_region(lines, start, day, cell_lines) for day in (before, after)]

    def action_step(self, days: int) -> None:
        self.cursor = self.cursor + timedelta(days=days)
        self.post_message(self.Moved(self.cursor))

    def action_week_edge(self, weekday: int) -> None:
        self.action_step(weekday - self.cursor.weekday())

    def key_enter(self) -> None:
        self.post_message(self.Opened())

    # --- painting --------------------------------------------------------------------

    def refresh(self, *regions: Region, **changes: Any) -> Self:
        """Whatever asks for a repaint (a move, new data, a resize, a new theme) makes the
        lines be read again from :meth:`_lines`."""
        self._strips = None
        return super().refresh(*regions, **changes)

    def render_line(self, y: int) -> Strip:
        """One line of the grid. The lines a move did not touch are the same strips as
        before, so Textual only turns the two changed cells' lines into segments again."""
        if self._strips is None:
            self._strips = self._paint()
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)

    def _paint(self) -> list[Strip]:
        width, height = self.size
        console = self.app.console
        options = self.app.console_options.update(width=width, height=height, highlight=False)
        if self.data is None or self.catalogue is None:
            lines = console.render_lines(Text(_("Loading…")), options.update(height=1), pad=True)
        else:
            lines = self._lines(console, options)
        style = self.rich_style
        if style != self._made_style:  # a new theme: no strip of the old one is kept
            self._made, self._made_style = {}, style
        made: dict[int, tuple[list[Segment], Strip]] = {}
        strips = []
        for line in lines:
            found = self._made.get(id(line))
            strip = (
                found[1]
                if found is not None and found[0] is line
                else Strip(Segment.apply_style(line, style))
            )
            made[id(line)] = (line, strip)
            strips.append(strip)
        self._made = made
        return strips

    def _table(self, start: date, weeks: int, lines: int, width: int) -> Table:
        """The grid: ``weeks`` weeks from ``start`` under the names of the days."""
        table = Table(
            box=box.SQUARE,
            expand=True,
            show_lines=True,
            show_header=True,
            padding=(0, 0),
            header_style="bold",
            border_style="grey50",
        )
        for name in SHORT_WEEKDAYS:
            table.add_column(_(name), ratio=1, no_wrap=True, overflow="ellipsis")
        day = start
        for _week in range(weeks):
            cells = []
            for _weekday in range(7):
                cells.append(self._cell(day, lines, width))
                day += timedelta(days=1)
            table.add_row(*cells)
        return table

    def _lines(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """The grid's lines. A move within the month repaints only the two cells the cursor
        left and entered (a cell's lines depend only on its day, and its place is where the
        last full paint's borders put it), reusing the rest of the last paint; anything else
        (new data from :meth:`show`, another month, size or focus) paints it all."""
        start, end = grid_days(self.cursor)
        weeks = ((end - start).days + 1) // 7
        # Borders: top, header, header rule, bottom, plus one rule between weeks.
        lines = max(2, (self.size.height - 4 - (weeks - 1)) // weeks)
        width = max(4, (self.size.width - 8) // 7)
        styles = tuple(self._style(name) for name in sorted(self.COMPONENT_CLASSES))
        key = (start, lines, width, styles, options.max_width, options.height)
        cached = self._painted
        if cached is not None and cached[0] == key:
            _key, before, painted = cached
            painted = list(painted)
            for day in {before, self.cursor}:
                self._repaint_cell(console, options, painted, start, day, lines, width)
        else:
            table = self._table(start, weeks, lines, width)
            painted = console.render_lines(table, options, pad=True)
            # Below the table, blank lines fill the widget's height.
            if len(painted) < 3 + weeks * (lines + 1) or len(_column_edges(painted[0])) != 8:
                self._painted = None  # not the shape the cells' places are read from
                return painted
        self._painted = (key, self.cursor, painted)
        return painted

    def _repaint_cell(
        self,
        console: Console,
        options: ConsoleOptions,
        painted: list[list[Segment]],
        start: date,
        day: date,
        lines: int,
        width: int,
    ) -> None:
        """Paint ``day``'s cell again in place, between the borders of the last full paint."""
        place = _cell_region(painted, start, day, lines)
        cell_options = options.update(
            width=place.width, height=None, no_wrap=True, overflow="ellipsis"
        )
        cell = console.render_lines(self._cell(day, lines, width), cell_options, pad=True)
        for row in range(lines):
            line = painted[place.y + row]
            before, _old, after = Segment.divide(
                line, [place.x, place.right, Segment.get_line_length(line)]
            )
            painted[place.y + row] = [*before, *cell[row], *after]

    def _style(self, name: str) -> str:
        return str(self.get_component_rich_style(name, partial=True))

    def _cell(self, day: date, lines: int, width: int) -> Text:
        assert self.data is not None and self.catalogue is not None
        heading = Text(f"{day.day:>2}")
        if day.month != self.cursor.month:
            heading.stylize(self._style("month-grid--other-month"))
        if day == self.today:
            heading.stylize(self._style("month-grid--today"))
        rows: list[Text] = []
        posts = self.data.posts_on(day)
        for post in posts:
            channel = self.catalogue.channels.get(post.channel_id or -1)
            label = post.title or (channel.platform.label if channel else "")
            row = Text(STATUS_MARKS[post.status], style=colour_of(channel and channel.platform))
            row.append_text(literal_line(label, style=colour_of(channel and channel.platform)))
            rows.append(row)
        for slot in self.data.slots_on(day):
            channel = self.catalogue.channels.get(slot.slot.channel_id)
            name = channel.platform.label if channel else ""
            rows.append(Text(f"{SLOT_MARK}{slot.slot.time_local} {name}", style="dim"))
        room = lines - 1
        if len(rows) > room:
            hidden = len(rows) - room + 1
            rows = rows[: room - 1]
            more = _("+{count} more").format(count=hidden) if width >= 8 else f"+{hidden}"
            rows.append(Text(more, self._style("month-grid--more")))
        for row in rows:
            row.truncate(width, overflow="ellipsis")
        cell = Text("\n").join([heading, *rows, *([Text("")] * (room - len(rows)))])
        if day == self.cursor:
            cell.stylize(self._style("month-grid--cursor"))
        return cell


def _cell_region(painted: list[list[Segment]], start: date, day: date, lines: int) -> Region:
    """Where ``day``'s cell sits in a full paint of the grid that starts on ``start``:
    between the borders its top line draws, below the header and the weeks above it."""
    week, column = divmod((day - start).days, 7)
    edges = _column_edges(painted[0])
    left, right = edges[column] + 1, edges[column + 1]
    return Region(left, 3 + week * (lines + 1), right - left, lines)


def _column_edges(top_border: list[Segment]) -> list[int]:
    """The cell offsets of the grid's vertical borders, read from its top border line (box
    characters only, one cell each): the corners and the seven column joins."""
    text = "".join(segment.text for segment in top_border)
    return [index for index, char in enumerate(text) if char in "┌┬┐"]
