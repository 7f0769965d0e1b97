"""Provides the reader of YouTube Studio's ``Table data.csv`` (Advanced mode, Content tab).

One row per video: "Content" is the video id, then "Video title", "Video publish time"
(such as ``Sep 22, 2026``), "Views", "Impressions" and whichever metrics were ticked. The
first data row totals the table, with "Total" in "Content": it is skipped.
"""

from __future__ import annotations

import re

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
    parse_with,
    post_rows,
    total,
)

_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_DATE = parse_with("%b %d, %Y", "Video publish time")


def parse(table: Table, context: ParseContext) -> Parsed:
    def read(line: int, row: dict[str, str]) -> ImportedPost | None:
        video = cell(row, "content")
        if video.casefold() == "total":
            return None
        if not _VIDEO_ID.match(video):
            raise CellError(f"Content: {video!r} is not a video id")
        likes = count(row, "likes")
        comments = count(row, "comments added", "comments")
        shares = count(row, "shares")
        return ImportedPost(
            line=line,
            external_id=video,
            url=f"https://www.youtube.com/watch?v={video}",
            published_at=at_noon(_DATE(cell(row, "video publish time")).date(), context.timezone),
            text=cell(row, "video title"),
            post_type="video",
            numbers={
                "impressions": count(row, "impressions"),
                "video_views": count(row, "views"),
                "engagements": total(likes, comments, shares),
                "likes": likes,
                "comments": comments,
                "shares": shares,
            },
        )

    return post_rows(table, read)


FORMAT = Format(
    name="youtube",
    platform="youtube",
    signature=frozenset({"content", "video title", "views"}),
    parse=parse,
)
