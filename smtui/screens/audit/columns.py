"""Provides the column fitting the Audit screen's tables share: fixed columns keep their
width, one flexible column takes what is left, and optional columns drop out first when the
terminal is narrow, so that no row runs off the right edge at 80 columns."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType
from textual.widget import Widget
from textual.widgets import DataTable


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int | None = None  # None: the flexible column
    optional_below: int = 0  # hidden when the table is narrower than this


def visible(columns: tuple[Column, ...], width: int) -> list[Column]:
    return [column for column in columns if width >= column.optional_below]


def fit(table: DataTable[RenderableType], columns: tuple[Column, ...], width: int) -> int:
    """Clear ``table`` and add the columns that fit ``width``; returns the flexible width."""
    shown = visible(columns, width)
    fixed = sum(column.width or 0 for column in shown) + 2 * len(shown) + 2
    flex = max(12, width - fixed)
    table.clear(columns=True)
    for column in shown:
        table.add_column(column.label, width=column.width or flex, key=column.key)
    return flex


def pane_width(pane: Widget) -> int:
    """The width a pane's content will have: known from the pane (or, while its tab is
    hidden, from the app) before its tables are laid out again after a resize."""
    return pane.content_size.width or pane.app.size.width - 4
