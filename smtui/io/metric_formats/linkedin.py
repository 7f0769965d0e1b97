"""Provides the reader of LinkedIn's page content export (``*_content_*.xlsx``).

The posts are on the sheet "All posts", under a first row that describes the sheet; the
header ("Post title", "Post link", "Post type", "Created date", "Impressions", "Clicks",
"Likes", "Comments", "Reposts", "Follows", ...) is found in the first rows rather than
assumed on row 2. "Created date" is a date (a cell, or text month first such as
``11/10/2025``); a post is placed at local noon that day. Engagements are what LinkedIn's
engagement rate counts: clicks, likes, comments, reposts and follows.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from smtui.domain.i18n import _
from smtui.domain.kpi import ImportedPost
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


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if SHEET not in workbook.sheetnames:
            return Table([], [])
        header: list[str] | None = None
        rows: list[tuple[int, dict[str, str]]] = []
        for number, values in enumerate(workbook[SHEET].iter_rows(values_only=True), start=1):
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
