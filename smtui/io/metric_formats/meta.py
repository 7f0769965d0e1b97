"""Provides the readers of Meta Business Suite's post exports, Facebook and Instagram.

The files are UTF-8 with a byte-order mark; one row per post with "Post ID", "Publish time"
(such as ``11/10/2025 21:00``, month first, in the zone the account is set to: taken as
the brand's), "Permalink", "Post type", "Views", "Reach", then "Reactions" (Facebook) or
"Likes" (Instagram), "Comments", "Shares", "Saves", clicks... The "Date" column says
"Lifetime": the figures are the post's totals so far. Facebook files carry "Page ID",
Instagram ones "Account username". Meta counts views where it used to count impressions,
so "Views" fills impressions; engagements are the sum of the interactions.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from smtui.domain.kpi import ImportedPost
from smtui.io.metric_formats.base import (
    Format,
    ParseContext,
    Parsed,
    Table,
    cell,
    count,
    parse_with,
    post_rows,
    total,
    url_cell,
)

_TIME = parse_with("%m/%d/%Y %H:%M", "Publish time")


def parse(table: Table, context: ParseContext) -> Parsed:
    zone = ZoneInfo(context.timezone)

    def read(line: int, row: dict[str, str]) -> ImportedPost:
        likes = count(row, "reactions", "likes")
        comments = count(row, "comments")
        shares = count(row, "shares")
        saves = count(row, "saves")
        return ImportedPost(
            line=line,
            external_id=cell(row, "post id").strip("'\"") or None,
            url=url_cell(row, "permalink"),
            published_at=_TIME(cell(row, "publish time")).replace(tzinfo=zone),
            text=cell(row, "description", "title"),
            post_type=cell(row, "post type").casefold(),
            numbers={
                "impressions": count(row, "views", "impressions"),
                "reach": count(row, "reach"),
                "engagements": total(likes, comments, shares, saves),
                "likes": likes,
                "comments": comments,
                "shares": shares,
                "saves": saves,
                "clicks": count(row, "link clicks", "total clicks"),
            },
        )

    return post_rows(table, read)


_COMMON = frozenset({"post id", "publish time", "permalink"})

FACEBOOK = Format(
    name="meta-facebook",
    platform="facebook",
    signature=_COMMON | {"page id"},
    parse=parse,
)
INSTAGRAM = Format(
    name="meta-instagram",
    platform="instagram",
    signature=_COMMON | {"account username"},
    parse=parse,
)
