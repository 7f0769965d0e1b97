"""Provides the agenda: the month's posts as one list, day by day, with empty slots shown.

The title is what tells one row from another, so it is the column that takes the width the
others leave. A narrow agenda (an 80-column terminal) gives up, in order, what is said
elsewhere: the pillar (the editor and the checks' content mix show it), then the status's
word, keeping its mark (the legend below the agenda says what each mark means).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual.widgets import DataTable

from smtui.domain.day_names import weekday_and_day
from smtui.domain.i18n import N_, _
from smtui.domain.local_time import local
from smtui.domain.post import Post
from smtui.screens.calendar.data import CalendarData, Catalogue
from smtui.screens.calendar.look import MISSED_MARK, SLOT_MARK, STATUS_MARKS, colour_of
from smtui.widgets.literal import literal_line

TITLE_MIN = 20  # shorter, two posts' titles often read the same ("Holiday party ca…")
TITLE_FLOOR = 12  # what the title keeps however narrow the agenda: the row says at least that


@dataclass(frozen=True)
class _Row:
    """One line of the agenda: a post, or an empty recurring slot (``post`` is None)."""

    key: str
    day: date
    label: str  # the day's name on its first line, empty below it
    post: Post | None = None
    time: str = ""
    channel: str = ""


class Agenda(DataTable[Text]):
    """Row keys are "post-<id>" for posts and "slot-<n>" for empty slots.

    ``COLUMNS`` holds (label, width) pairs, labels untranslated (``NARROWER`` names them);
    the title's width is None: it takes what the others leave. The day's label leaves out
    the month, which the heading above the agenda names (an agenda shows one month).
    """

    COLUMNS: ClassVar[tuple[tuple[str, int | None], ...]] = (
        (N_("Day"), 6),
        (N_("Time"), 5),
        (N_("Channel"), 10),
        (N_("Status"), 11),
        (N_("Pillar"), 14),
        (N_("Title"), None),
    )
    # Applied in order while the title would be narrower than TITLE_MIN: a width of 0 gives
    # the column up, 1 keeps the status's mark alone (under no heading).
    NARROWER: ClassVar[tuple[tuple[str, int], ...]] = ((N_("Pillar"), 0), (N_("Status"), 1))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.posts: dict[str, Post] = {}
        self.days: list[date] = []
        self._rows: list[_Row] = []
        self._catalogue: Catalogue | None = None
        self._timezone = "UTC"
        self._missed: set[int] = set()
        self._width = 0

    def show(
        self,
        first: date,
        last: date,
        data: CalendarData,
        catalogue: Catalogue,
        missed: set[int],
        cursor: date,
    ) -> None:
        """List the days ``first`` to ``last``, the cursor on ``cursor``'s first row (or the
        next day's with one, else the last row)."""
        self._catalogue, self._timezone, self._missed = catalogue, data.timezone, missed
        rows: list[_Row] = []
        day = first
        slot_number = 0
        while day <= last:
            label = weekday_and_day(day)
            for post in data.posts_on(day):
                rows.append(_Row(f"post-{post.id}", day, label, post=post))
                label = ""
            for slot in data.slots_on(day):
                channel = catalogue.channels.get(slot.slot.channel_id)
                name = channel.platform.label if channel else ""
                rows.append(
                    _Row(f"slot-{slot_number}", day, label, time=slot.slot.time_local, channel=name)
                )
                slot_number += 1
                label = ""
            day += timedelta(days=1)
        self._rows = rows
        self.posts = {row.key: row.post for row in rows if row.post is not None}
        self.days = [row.day for row in rows]
        target = next((i for i, d in enumerate(self.days) if d >= cursor), len(rows) - 1)
        self._fill(max(target, 0))

    # --- fitting the columns to the width -----------------------------------------------

    def _title_width(self, columns: list[tuple[str, int | None]], width: int) -> int:
        # Each column pads a cell either side; the vertical scrollbar's room is kept, so
        # that the rows fit the same whether or not a short month has to scroll.
        fixed = sum(w for _label, w in columns if w) + 2 * len(columns)
        return width - fixed - self.styles.scrollbar_size_vertical

    def fitted(self, width: int) -> tuple[list[tuple[str, int | None]], int]:
        """The columns kept at ``width`` with their widths, and the title's width."""
        columns = list(self.COLUMNS)
        for name, narrower in self.NARROWER:
            if self._title_width(columns, width) >= TITLE_MIN:
                break
            index = [label for label, _width in columns].index(name)
            if narrower:
                columns[index] = (name, narrower)
            else:
                del columns[index]
        return columns, max(self._title_width(columns, width), TITLE_FLOOR)

    def _fill(self, row: int) -> None:
        """Lay the rows out at the agenda's width, the cursor on ``row``.

        Before its first layout (the view is being switched to) the agenda takes the width
        of the views' switcher it fills, so the first frame is already fitted."""
        width = self.size.width or (self.parent.size.width if self.parent else 0)  # type: ignore[attr-defined]
        columns, title = self.fitted(width or 80)
        self._width = width
        self.clear(columns=True)
        for name, column_width in columns:
            heading = "" if column_width == 1 else _(name)
            self.add_column(heading, width=column_width or title, key=name.casefold())
        names = [name for name, _width in columns]
        for line in self._rows:
            cells = self._cells(line, title, short_status=dict(columns)[N_("Status")] == 1)
            self.add_row(*(cells[name] for name in names), key=line.key)
        if self._rows:
            self.move_cursor(row=min(row, len(self._rows) - 1), animate=False)

    def on_resize(self) -> None:
        if self.size.width and self.size.width != self._width:
            self._fill(max(self.cursor_row, 0))

    # --- cells ----------------------------------------------------------------------------

    def _cells(self, line: _Row, title: int, *, short_status: bool) -> dict[str, Text]:
        """Every column's cell of ``line``, by the column's untranslated label."""
        day = Text(line.label, style="bold" if line.post else "dim")
        if line.post is None:
            dim = "dim"
            return {
                N_("Day"): day,
                N_("Time"): Text(line.time, style=dim),
                N_("Channel"): Text(line.channel, style=dim),
                N_("Status"): Text(SLOT_MARK, style=dim),
                N_("Pillar"): Text(""),
                N_("Title"): Text(_("nothing planned"), style=dim),
            }
        post = line.post
        assert self._catalogue is not None
        channel = self._catalogue.channels.get(post.channel_id or -1)
        pillar = self._catalogue.pillars.get(post.pillar_id or -1)
        when = (
            local(post.scheduled_at, self._timezone).strftime("%H:%M") if post.scheduled_at else ""
        )
        missed = post.id in self._missed
        mark = Text(MISSED_MARK, style="bold red") if missed else Text(STATUS_MARKS[post.status])
        status = mark
        if not short_status:
            status = mark + Text(f" {post.status.label}", style="bold red" if missed else "")
        return {
            N_("Day"): day,
            N_("Time"): Text(when, style="bold red" if missed else ""),
            N_("Channel"): Text(
                channel.platform.label if channel else "—",
                style=colour_of(channel and channel.platform),
            ),
            N_("Status"): status,
            N_("Pillar"): literal_line(pillar.name if pillar else "", 14),
            N_("Title"): literal_line(post.title or _("(untitled)"), title),
        }

    # --- what the screen reads ------------------------------------------------------------

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
