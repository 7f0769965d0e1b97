"""Provides what every metrics export reader shares: the table read from a file with its
line numbers, cell parsers that say what is wrong with a cell, and the result of a parse.

Exports are read as text, never as numbers a spreadsheet guessed: a post id such as
1234567890123456789 would lose its last digits as a float, so ids are taken from the
permalink where there is one. Counts accept thousands separators ("1,234", "1 234") and
read "-" or an empty cell (X's promoted columns, Meta's missing figures) as unknown.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from smtui.domain.i18n import _
from smtui.domain.kpi import ImportedPost, ImportedValue
from smtui.domain.models import Channel
from smtui.domain.validation import check_url


class CellError(ValueError):
    """A cell that cannot be read; the message names the column."""


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str


@dataclass
class Table:
    """A file's header (as written) and its data rows keyed by lower-cased header."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]

    @property
    def columns(self) -> set[str]:
        return {name.strip().casefold() for name in self.header}


@dataclass(frozen=True, slots=True)
class ParseContext:
    """What a reader needs from the workspace: the brand's zone and its channels."""

    timezone: str
    channels: tuple[Channel, ...] = ()


@dataclass
class Parsed:
    posts: list[ImportedPost] = field(default_factory=list)
    values: list[ImportedValue] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


_EMPTY = {"", "-", "—", "–", "n/a"}
# The largest whole number the database's INTEGER column holds (SQLite's 64-bit integer).
MAX_COUNT = 2**63 - 1


def keyed(header: list[str], cells: list[str]) -> dict[str, str]:
    names = [name.strip().casefold() for name in header]
    return {name: (cells[index] if index < len(cells) else "") for index, name in enumerate(names)}


def read_csv(path: Path) -> Table:
    """Read a CSV export; a UTF-8 byte-order mark (Meta's exports) is dropped."""
    raw = path.read_bytes()
    text = (
        raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    )
    reader = csv.reader(text.splitlines(keepends=True))
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
            continue
        rows.append((reader.line_num, keyed(header, cells)))
    return Table(header or [], rows)


def count(row: dict[str, str], *names: str) -> int | None:
    """The first of ``names`` present in the row, read as a whole number (None if unknown)."""
    for name in names:
        if name in row:
            text = row[name].strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
            if text.casefold() in _EMPTY:
                return None
            try:
                number = float(text)
            except ValueError:
                raise CellError(
                    _("{column}: {value!r} is not a number").format(column=name, value=row[name])
                ) from None
            if not 0 <= number <= MAX_COUNT or number != int(number):  # also refuses nan, inf
                raise CellError(
                    _("{column}: {value!r} is not a whole count").format(
                        column=name, value=row[name]
                    )
                )
            return int(number)
    return None


def total(*parts: int | None) -> int | None:
    """The sum of the known parts; None when none is known."""
    known = [part for part in parts if part is not None]
    return sum(known) if known else None


def cell(row: dict[str, str], *names: str) -> str:
    for name in names:
        if name in row:
            return row[name].strip()
    return ""


def at_noon(day: date, timezone: str) -> datetime:
    """An export that gives only a date: the post is placed at local noon that day."""
    return datetime.combine(day, time(12, 0), ZoneInfo(timezone))


def parse_with(pattern: str, column: str) -> Callable[[str], datetime]:
    def parse(text: str) -> datetime:
        try:
            return datetime.strptime(text.strip(), pattern)
        except ValueError:
            raise CellError(
                _("{column}: {value!r} is not a date like the export's").format(
                    column=column, value=text
                )
            ) from None

    return parse


_STATUS_ID = re.compile(r"/status(?:es)?/(\d+)")


def status_id(permalink: str, fallback: str, column: str) -> str:
    """A post id on X: from the permalink, else the id cell if it holds digits only."""
    match = _STATUS_ID.search(permalink)
    if match:
        return match.group(1)
    text = fallback.strip().strip("'\"")
    if text.isdigit():
        return text
    raise CellError(
        _(
            "{column}: {value!r} is not a post id (a spreadsheet may have turned it into a number)"
        ).format(column=column, value=fallback)
    )


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: its name for --format, the platform it comes from (None: any),
    the header columns that identify it, and its reader."""

    name: str
    platform: str | None
    signature: frozenset[str]
    parse: Callable[[Table, ParseContext], Parsed]
    read: Callable[[Path], Table] = read_csv
    excludes: frozenset[str] = frozenset()

    def matches(self, columns: set[str]) -> bool:
        return self.signature <= columns and not (self.excludes & columns)


def post_rows(
    table: Table, read_row: Callable[[int, dict[str, str]], ImportedPost | None]
) -> Parsed:
    """Run ``read_row`` over every data row, gathering each bad line instead of stopping."""
    parsed = Parsed()
    for line, row in table.rows:
        try:
            post = read_row(line, row)
        except CellError as error:
            parsed.errors.append(RowError(line, str(error)))
            continue
        if post is not None:
            parsed.posts.append(post)
    return parsed


def url_cell(row: dict[str, str], column: str) -> str | None:
    """A permalink cell: empty, or a full web address (anything else is a bad line)."""
    text = row.get(column, "").strip()
    if not text:
        return None
    try:
        return check_url(text)
    except ValueError as error:
        raise CellError(f"{column}: {error}") from None
