"""Provides the post-performance view's tables that fit their columns to their width.

The view puts two or three tables side by side, so at 80 or 100 columns each has 25 to 50
cells: left to themselves, the last columns (the rate a ranking is by) run past the edge and
are scrolled out of sight. As on Today (``smtui.screens.today.panel``), one column is the
wide one (a post's title, a pillar's name) and takes what the others leave; while it would
be narrower than its minimum, the less important columns are given up in a stated order.
The table keeps its rows, so that a new width lays them out again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual.widgets import DataTable

from smtui.domain.i18n import _
from smtui.widgets.literal import literal_line

# Each column pads its cells by one either side.
PADDING = 2


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its label untranslated (it names the column in ``drops``), a fixed width
    (0: as wide as its label or its widest cell), or ``wide`` to take what is left."""

    label: str
    width: int = 0
    wide: bool = False


def _measure(cell: RenderableType) -> int:
    if isinstance(cell, Text):
        return cell.cell_len
    return cell_len(str(cell))


def fit(
    columns: Sequence[Column],
    rows: Sequence[Sequence[RenderableType]],
    width: int,
    drops: Sequence[str],
    wide_min: int,
    scrollbar: int = 1,
) -> tuple[list[bool], list[int]]:
    """Which columns are kept at this width and every column's width; ``scrollbar`` cells
    are left for the vertical scrollbar, so that a row fits whether or not it scrolls.

    ``drops`` go, in order, while the wide column would be under ``wide_min``; once none is
    left to give up, the wide column keeps ``wide_min`` and the table scrolls rather than
    cut a name to a few letters."""
    widths = []
    for index, column in enumerate(columns):
        measured = column.width or max(
            [cell_len(_(column.label)), *(_measure(row[index]) for row in rows)]
        )
        widths.append(0 if column.wide else measured)
    kept = [True] * len(columns)

    def left() -> int:
        used = sum(w + PADDING for w, keep in zip(widths, kept, strict=True) if keep)
        return width - used - scrollbar  # the wide column's padding is in `used`

    labels = [column.label for column in columns]
    for label in drops:
        if left() >= wide_min:
            break
        kept[labels.index(label)] = False
    wide = max(left(), wide_min)
    return kept, [wide if column.wide else w for column, w in zip(columns, widths, strict=True)]


class FittedTable(DataTable[RenderableType]):
    """A table whose wide column's cells are outside text, cut with an ellipsis to the width
    the others leave; the rest are shown as given."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        drops: Sequence[str] = (),
        wide_min: int = 16,
        id: str,
        zebra_stripes: bool = False,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        assert sum(column.wide for column in columns) == 1, "one wide column"
        self.columns_spec = tuple(columns)
        self.drops = tuple(drops)
        self.wide_min = wide_min
        self.rows_data: list[tuple[RenderableType, ...]] = []
        self._laid_out_at = -1  # the width the rows were last laid out at

    @property
    def wide_index(self) -> int:
        return next(i for i, column in enumerate(self.columns_spec) if column.wide)

    def fill(self, rows: Sequence[Sequence[RenderableType]]) -> None:
        """Show these rows; the wide column's cells are plain strings (outside text)."""
        self.rows_data = [tuple(row) for row in rows]
        self._lay_out(keep_row=False)  # new rows (another period): from the top

    def _lay_out(self, *, keep_row: bool = True) -> None:
        # Before its first layout (its tab not shown yet) the table has no width: it is laid
        # out with every column, and again on the resize that gives it one.
        width = self.size.width
        self._laid_out_at = width
        wide_index = self.wide_index
        if width:
            scrollbar = self.styles.scrollbar_size_vertical
            kept, widths = fit(
                self.columns_spec, self.rows_data, width, self.drops, self.wide_min, scrollbar
            )
        else:
            kept = [True] * len(self.columns_spec)
            widths = [column.width or 0 for column in self.columns_spec]
            widths[wide_index] = self.wide_min
        row = self.cursor_row if keep_row else 0
        self.clear(columns=True)
        for column, keep, column_width in zip(self.columns_spec, kept, widths, strict=True):
            if keep:
                self.add_column(_(column.label), width=column_width or None)
        for cells in self.rows_data:
            shown: list[RenderableType] = []
            for index, cell in enumerate(cells):
                if not kept[index]:
                    continue
                if index == wide_index:
                    cell = literal_line(str(cell), widths[wide_index])
                shown.append(cell)
            self.add_row(*shown)
        if self.rows_data:
            self.move_cursor(row=min(max(row, 0), len(self.rows_data) - 1), animate=False)

    def on_resize(self) -> None:
        if self.size.width != self._laid_out_at:
            self._lay_out()
