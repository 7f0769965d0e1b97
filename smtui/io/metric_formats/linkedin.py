"""Provides the reader of LinkedIn's page content export (``*_content_*.xlsx``).

The posts are on the sheet "All posts", under a first row that describes the sheet; the
header ("Post title", "Post link", "Post type", "Created date", "Impressions", "Clicks",
"Likes", "Comments", "Reposts", "Follows", ...) is found in the first rows rather than
assumed on row 2. "Created date" is a date (a cell, or text month first such as
``11/10/2025``); a post is placed at local noon that day. Engagements are what LinkedIn's
engagement rate counts: clicks, likes, comments, reposts and follows.

A workbook is read streamed (``read_only``), and a sheet whose declared size passes
:data:`MAX_ROWS` by :data:`MAX_COLUMNS` is refused before a row is read: openpyxl pads every
row to the declared width and fills the declared gaps, so a 1.5 MB file claiming
``A1:XFD1048576`` would otherwise ask for gigabytes and hours. No real export comes near.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from smtui.domain.i18n import _
from smtui.domain.kpi import ImportedPost
from smtui.domain.validation import DomainError
from smtui.io.metric_formats.base import (
    CellError,
    Format,
    ParseContext,
    Parsed,
    Table,
    at_noon,
    cell,
    count,
    keyed,
    post_rows,
    total,
    url_cell,
)

SHEET = "All posts"
# Far above a page's export (one row per post), far below what would exhaust memory.
MAX_ROWS = 200_000
MAX_COLUMNS = 500
_URN = re.compile(r"urn:li:(?:activity|share|ugcPost):\d+")


def _text(value: object) -> str:
    """A cell as the export shows it: whole numbers without ".0", dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _too_large(path: Path) -> DomainError:
    return DomainError(
        _(
            "{path}: the sheet is larger than {rows} rows by {columns} columns, "
            "the most smtui reads; nothing was imported"
        ).format(path=path.name, rows=f"{MAX_ROWS:,}", columns=MAX_COLUMNS)
    )


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if SHEET not in workbook.sheetnames:
            return Table([], [])
        sheet = workbook[SHEET]
        # The declared size (the sheet's <dimension>), known before any row is read.
        if (sheet.max_row or 0) > MAX_ROWS or (sheet.max_column or 0) > MAX_COLUMNS:
            raise _too_large(path)
        header: list[str] | None = None
        rows: list[tuple[int, dict[str, str]]] = []
        # Bounded even when the sheet declares no size: wider cells are cut off, and
        # reading stops past the last row allowed.
        limited = sheet.iter_rows(
            max_col=sheet.max_column or MAX_COLUMNS,
            max_row=sheet.max_row or MAX_ROWS + 1,
            values_only=True,
        )
        for number, values in enumerate(limited, start=1):
            if number > MAX_ROWS:
                raise _too_large(path)
            cells = [_text(value) for value in values]
            if not any(text.strip() for text in cells):
                continue
            if header is None:
                lowered = {text.strip().casefold() for text in cells}
                if {"post link", "impressions"} <= lowered:
                    header = [text.strip() for text in cells]
                elif number > 5:
                    return Table([], [])
                continue
            rows.append((number, keyed(header, cells)))
        return Table(header or [], rows)
    finally:
        workbook.close()


def _day(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise CellError(_("Created date: {value!r} is not a date").format(value=text))


def parse(table: Table, context: ParseContext) -> Parsed:
    def read(line: int, row: dict[str, str]) -> ImportedPost:
        link = url_cell(row, "post link")
        urn = _URN.search(link or "")
        clicks = count(row, "clicks")
        likes = count(row, "likes", "reactions")
        comments = count(row, "comments")
        shares = count(row, "reposts", "shares")
        follows = count(row, "follows")
        return ImportedPost(
            line=line,
            external_id=urn.group(0) if urn else None,
            url=link,
            published_at=at_noon(_day(cell(row, "created date")), context.timezone),
            text=cell(row, "post title"),
            post_type=cell(row, "content type", "post type").casefold(),
            numbers={
                "impressions": count(row, "impressions"),
                "engagements": total(clicks, likes, comments, shares, follows),
                "clicks": clicks,
                "likes": likes,
                "comments": comments,
                "shares": shares,
                "video_views": count(row, "views (excluding off-site video views)"),
            },
        )

    return post_rows(table, read)


FORMAT = Format(
    name="linkedin",
    platform="linkedin",
    signature=frozenset({"post link", "created date", "impressions"}),
    parse=parse,
    read=read_xlsx,
)
