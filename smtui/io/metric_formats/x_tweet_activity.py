"""Provides the reader of X's classic ``tweet_activity_metrics_*.csv`` export.

One row per post: "Tweet id", "Tweet permalink", "Tweet text", "time" (such as
``2015-09-30 18:42 +0000``), then lower-case counts ("impressions", "engagements",
"retweets", "replies", "likes", "url clicks", ...) and promoted columns holding "-". Older
files say "favorites" for "likes". The id comes from the permalink: a spreadsheet may have
saved the "Tweet id" column as 6.5E+17.
"""

from __future__ import annotations

from datetime import datetime

from smtui.domain.i18n import _
from smtui.domain.kpi import ImportedPost
from smtui.io.metric_formats.base import (
    CellError,
    Format,
    ParseContext,
    Parsed,
    Table,
    cell,
    count,
    post_rows,
    status_id,
    url_cell,
)


def _time(text: str) -> datetime:
    for pattern in ("%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z"):
        try:
            return datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
    raise CellError(
        _("time: {value!r} is not a time like 2015-09-30 18:42 +0000").format(value=text)
    )


def parse(table: Table, context: ParseContext) -> Parsed:
    def read(line: int, row: dict[str, str]) -> ImportedPost:
        permalink = url_cell(row, "tweet permalink")
        return ImportedPost(
            line=line,
            external_id=status_id(permalink or "", cell(row, "tweet id"), "Tweet id"),
            url=permalink,
            published_at=_time(cell(row, "time")),
            text=cell(row, "tweet text"),
            post_type="",
            numbers={
                "impressions": count(row, "impressions"),
                "engagements": count(row, "engagements"),
                "likes": count(row, "likes", "favorites"),
                "comments": count(row, "replies"),
                "shares": count(row, "retweets"),
                "clicks": count(row, "url clicks"),
                "video_views": count(row, "media views"),
            },
        )

    return post_rows(table, read)


FORMAT = Format(
    name="x-tweet-activity",
    platform="x",
    signature=frozenset({"tweet id", "tweet permalink", "time", "impressions"}),
    parse=parse,
)
