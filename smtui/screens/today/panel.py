"""Provides what every Today panel shares: a table of one section of the brief, with a
titled border, one line per row, a friendly line when the section is empty, and a cursor
that stays on the same thing when the brief is read again after an action."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from rich.console import RenderableType
from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable

from smtui.domain.i18n import N_, _
from smtui.domain.models import Brand
from smtui.screens.base import AppAccess
from smtui.widgets.literal import literal, literal_line

if TYPE_CHECKING:
    from smtui.screens.today.screen import TodayScreen
    from smtui.today.brief import Brief

Line = TypeVar("Line")
BRAND_WIDTH = 12
BRAND_PREFIX = 8
WIDE_MIN = 16


class TodayPanel(AppAccess, DataTable[RenderableType], Generic[Line]):
    """Subclasses say which lines of the brief they show, their columns and their cells.

    ``COLUMNS`` holds (label, width) pairs, labels untranslated (they name the columns in
    ``NARROW_DROPS``); one width is None and takes what the others leave, so no row is cut
    by the edge of the panel. A Brand column comes first when the brief shows several
    brands.
    """

    COLUMNS: ClassVar[tuple[tuple[str, int | None], ...]] = ()
    # Columns given up, in this order, while the wide one would be narrower than WIDE_MIN (an
    # 80-column terminal): what they say is also in the row's mark or its wide cell.
    NARROW_DROPS: ClassVar[tuple[str, ...]] = ()
    EMPTY: ClassVar[str] = ""
    JUMP_KEY: ClassVar[str] = ""
    BRAND_COLUMN: ClassVar[bool] = True  # narrow panels name the brand inside the wide cell

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_cursor=True)
        self.title_text = title
        self.lines: list[Line] = []
        self.several = False
        self._width = 0
        self._brand_width = BRAND_WIDTH
        self._brand_in_column = False  # else the wide cell names it (see wide_cell)

    # --- what a subclass provides ---------------------------------------------------

    def lines_of(self, brief: Brief) -> Sequence[Line]:
        raise NotImplementedError

    def cells(self, line: Line, flex: int) -> tuple[RenderableType, ...]:
        raise NotImplementedError

    def key_of(self, line: Line) -> str:
        raise NotImplementedError

    def brand_of(self, line: Line) -> Brand:
        return line.brand  # type: ignore[attr-defined, no-any-return]

    def summary(self, brief: Brief) -> str:
        """Counts beside the title ("4 · 1 overdue")."""
        return str(len(self.lines_of(brief)))

    # --- shared ---------------------------------------------------------------------

    @property
    def today_screen(self) -> TodayScreen:
        return self.screen  # type: ignore[return-value]

    @property
    def current_line(self) -> Line | None:
        row = self.cursor_row
        return self.lines[row] if 0 <= row < len(self.lines) else None

    @property
    def brand(self) -> Brand:
        """The brand of the highlighted line (all brands may be shown), else the app's."""
        line = self.current_line
        return self.brand_of(line) if line is not None else self.smtui.brand

    @property
    def store(self) -> Any:
        return self.smtui.store

    def _columns(self, brand_width: int) -> list[tuple[str, int | None]]:
        columns = list(self.COLUMNS)
        if self.several and self.BRAND_COLUMN:
            columns.insert(1, (N_("Brand"), brand_width))
        return columns

    def _flex(self, columns: Sequence[tuple[str, int | None]], width: int) -> int:
        # Each column pads a cell either side; the last cell is the vertical scrollbar's, so
        # that the row fits the same whether or not the panel has to scroll.
        fixed = sum(w for _label, w in columns if w) + 2 * len(columns) + 1
        return max(12, width - fixed)

    def _fitted(self, width: int) -> tuple[list[bool], list[tuple[str, int | None]], int]:
        """Which of the columns are kept at this width, those columns, and the wide one's
        width: NARROW_DROPS go, in order, while the wide column is under WIDE_MIN, so that
        no column is pushed past the panel's edge.

        A Brand column first gives up its last cells (a brand's first word says which one
        it is): at 120 columns, all brands together would otherwise cost the replies their
        time to target."""
        self._brand_width = BRAND_WIDTH
        columns = self._columns(BRAND_WIDTH)
        if self._flex(columns, width) < WIDE_MIN:
            self._brand_width = BRAND_PREFIX
            columns = self._columns(BRAND_PREFIX)
        kept = [True] * len(columns)
        labels = [label for label, _width in columns]
        for label in self.NARROW_DROPS:
            shown = [column for column, keep in zip(columns, kept, strict=True) if keep]
            if self._flex(shown, width) >= WIDE_MIN:
                break
            if label in labels:
                kept[labels.index(label)] = False
        shown = [column for column, keep in zip(columns, kept, strict=True) if keep]
        self._brand_in_column = N_("Brand") in (label for label, _width in shown)
        return kept, shown, self._flex(shown, width)

    def brand_cell(self, line: Line) -> list[RenderableType]:
        if not (self.several and self.BRAND_COLUMN):
            return []
        return [literal_line(self.brand_of(line).name, self._brand_width)]

    def wide_cell(
        self, line: Line, text: str, width: int, style: str = "", tail: Text | None = None
    ) -> Text:
        """The wide column's text (then ``tail``, which keeps at least half the room), led
        by the brand's name where several brands are shown and the panel has no Brand
        column (a narrow panel, or one too narrow to keep it). A narrow cell gives the
        brand a third of it: the brand says whose line it is, the text what it is."""
        cell = Text()
        if self.several and not self._brand_in_column:
            prefix = BRAND_PREFIX if width >= 2 * WIDE_MIN else max(width // 3, 4)
            cell = literal_line(self.brand_of(line).name, prefix, style="dim")
            cell.append(" · ", style="dim")
        room = max(width - cell.cell_len, 4)
        if tail is None:
            return cell.append_text(literal_line(text, room, style=style))
        cell.append_text(literal_line(text, max(room - tail.cell_len, room // 2), style=style))
        cell.append_text(tail)
        cell.truncate(width, overflow="ellipsis")
        return cell

    def expected_width(self) -> int:
        """The width this panel will be laid out at, before its first layout (the start):
        its column's share of the terminal, as the body's own layout will arrange it, less
        the panel's border.

        Filling the rows at this width lets the first frame show them, and the layout that
        follows keep them: filling only once laid out costs an empty frame and a second
        layout of the screen. Should the guess be wrong, :meth:`on_resize` fills again."""
        column = self.parent
        body = column.parent if column is not None else None
        if not isinstance(column, Widget) or not isinstance(body, Widget):
            return 0
        placements = body.layout.arrange(body, list(body.children), self.app.size)
        for placement in placements:
            if placement.widget is column:
                return max(placement.region.width - self.styles.gutter.width, 0)
        return 0

    def show(self, brief: Brief) -> None:
        """Fill the table from the brief, keeping the cursor on the same line if it is still
        there (else on the same row number)."""
        width = self.size.width or self.expected_width()
        if not width:
            self._width = 0  # so that the next resize fills it, whatever width it comes back at
            return
        keep = self.current_line
        kept_key = self.key_of(keep) if keep is not None else None
        row = max(self.cursor_row, 0)
        self.several = brief.several_brands
        self.lines = list(self.lines_of(brief))
        kept, columns, flex = self._fitted(width)
        self._width = width
        self.clear(columns=True)
        if self.lines:
            self.show_header = True
            for label, width in columns:
                self.add_column(_(label) if label else label, width=width or flex)
            every = all(kept)
            for line in self.lines:
                cells = self.cells(line, flex)
                if not every:
                    cells = tuple(cell for cell, keep in zip(cells, kept, strict=True) if keep)
                self.add_row(*cells, key=self.key_of(line))
        else:  # one wide column, so the friendly line is never cut by a narrow one
            self.show_header = False
            self.add_column("", width=max(width - 2, 20))
            self.add_row(Text(_(self.EMPTY), style="italic dim"))
        keys = [self.key_of(line) for line in self.lines]
        if kept_key in keys:
            row = keys.index(kept_key)
        self.move_cursor(row=min(row, max(len(self.lines) - 1, 0)), animate=False)
        title = literal(self.title_text, style="bold")
        title.append(f"  {self.summary(brief)}", style="")
        if self.JUMP_KEY:
            title.append(f"  ({self.JUMP_KEY})", style="dim")
        self.border_title = title

    @property
    def filled(self) -> bool:
        """Filled from a brief at its laid-out width (not yet, before the first layout)."""
        return self._width > 0

    def on_resize(self) -> None:
        if self.size.width != self._width and self.today_screen.brief is not None:
            self.show(self.today_screen.brief)
