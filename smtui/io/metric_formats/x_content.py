"""Provides the reader of X's newer ``account_analytics_content_*.csv`` export.

One row per post: "Post id", "Date" (such as ``Tue, Jul 14, 2026``, no time of day),
"Post text", "Post Link", then counts written with thousands separators ("1,234"):
"Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "Replies", "Reposts",
"URL Clicks", ... A post is placed at local noon on its date.
"""

from __future__ import annotations

from smtui.domain.kpi import ImportedPost
from smtui.io.metric_formats.base import (
    Format,
    ParseContext,
    Parsed,
    Table,
    at_noon,
    cell,
    count,
    parse_with,
    post_rows,
    status_id,
    total,
    url_cell,
)

_DATE = parse_with("%a, %b %d, %Y", "Date")


def parse(table: Table, context: ParseContext) -> Parsed:
    def read(line: int, row: dict[str, str]) -> ImportedPost:
        link = url_cell(row, "post link")
        return ImportedPost(
            line=line,
            external_id=status_id(link or "", cell(row, "post id"), "Post id"),
            url=link,
            published_at=at_noon(_DATE(cell(row, "date")).date(), context.timezone),
            text=cell(row, "post text"),
            post_type="",
            numbers={
                "impressions": count(row, "impressions"),
                "engagements": count(row, "engagements"),
                "likes": count(row, "likes"),
                "comments": count(row, "replies"),
                "shares": total(count(row, "reposts"), count(row, "shares")),
                "saves": count(row, "bookmarks"),
                "clicks": count(row, "url clicks"),
                "video_views": count(row, "video views"),
            },
        )

    return post_rows(table, read)


FORMAT = Format(
    name="x-content",
    platform="x",
    signature=frozenset({"post id", "date", "post link", "impressions"}),
    parse=parse,
)
