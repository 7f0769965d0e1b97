"""Provides the month grid: seven columns, one row per week, each day listing its posts as
short lines coloured by channel with a status mark, and "+N more" when they do not fit.

The grid paints a :class:`CalendarData` it is given and owns only the cursor (a date). The
arrows move it a day or a week; leaving the month pages, because the screen reloads on
:class:`MonthGrid.Moved`.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from smtui.domain.i18n import N_, _
from smtui.screens.calendar.data import CalendarData, Catalogue
from smtui.screens.calendar.look import SLOT_MARK, STATUS_MARKS, colour_of
from smtui.widgets.literal import literal_line

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


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

    cursor: reactive[date] = reactive(date.today, init=False)

    class Moved(Message):
        """The cursor moved to ``day``; the screen reloads when it left the loaded days."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class Opened(Message):
        """Enter on a day: the screen shows its posts."""

    def __init__(self, *, id: str | None = None) -> None:
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

    def watch_cursor(self) -> None:
        self.refresh()

    def action_step(self, days: int) -> None:
        self.cursor = self.cursor + timedelta(days=days)
        self.post_message(self.Moved(self.cursor))

    def action_week_edge(self, weekday: int) -> None:
        self.action_step(weekday - self.cursor.weekday())

    def key_enter(self) -> None:
        self.post_message(self.Opened())

    # --- painting --------------------------------------------------------------------

    def render(self) -> RenderableType:
        if self.data is None or self.catalogue is None:
            return Text(_("Loading…"))
        return _GridLines(self)

    def _table(self, start: date, weeks: int, lines: int, width: int, header: bool) -> Table:
        """The grid (or, without the header, a band of ``weeks`` weeks from ``start``)."""
        table = Table(
            box=box.SQUARE,
            expand=True,
            show_lines=True,
            show_header=header,
            padding=(0, 0),
            header_style="bold",
            border_style="grey50",
        )
        for name in WEEKDAYS:
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
        """The grid's lines. A move within the month repaints only the weeks the cursor left
        and entered (a week's lines depend only on its days: the columns share the width
        equally), reusing the other lines of the last paint; anything else (new data from
        :meth:`show`, another month, size or focus) paints it all."""
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
            band_options = options.copy()
            band_options.height = None
            for week in sorted({(before - start).days // 7, (self.cursor - start).days // 7}):
                band = self._table(start + timedelta(weeks=week), 1, lines, width, False)
                rows = console.render_lines(band, band_options, pad=True)
                top = 3 + week * (lines + 1)
                painted[top : top + lines] = rows[1 : 1 + lines]
        else:
            table = self._table(start, weeks, lines, width, True)
            painted = console.render_lines(table, options, pad=True)
            # Below the table, blank lines fill the widget's height.
            if len(painted) < 3 + weeks * (lines + 1):  # not the shape the bands assume
                self._painted = None
                return painted
        self._painted = (key, self.cursor, painted)
        return painted

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


class _GridLines:
    """Yields the grid's lines as :meth:`MonthGrid._lines` makes them."""

    def __init__(self, grid: MonthGrid) -> None:
        self.grid = grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.grid._lines(console, options):
            yield from line
            yield new_line
