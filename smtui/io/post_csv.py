"""Provides smtui's own CSV of posts: the header, its reader, and the writer behind
``smtui export posts`` (so that an export imports back unchanged).

One post per line; the header names the columns, in any order, and is case-insensitive.
``date`` and ``time`` are wall-clock values in the brand's zone (``YYYY-MM-DD`` and
``HH:MM``); both empty leaves the post off the calendar (an idea). ``id`` is the post's id
in the tool the file came from: a re-import skips the ids already present. The README's
"Import and export formats" section documents every column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO

from smtui.domain.i18n import _
from smtui.domain.local_time import local, parse_clock, parse_day
from smtui.domain.post import Post
from smtui.domain.validation import DomainError
from smtui.io.files import safe_cell
from smtui.io.post_source import BrandLookup, Draft, FileFormatError, cell, header_index, read_rows
from smtui.store.repositories.post_import import own_id

COLUMNS: tuple[str, ...] = (
    "id",
    "channel",
    "date",
    "time",
    "status",
    "post_type",
    "title",
    "body",
    "hashtags",
    "link",
    "utm_campaign",
    "utm_content",
    "call_to_action",
    "visual",
    "pillar",
    "objective",
    "campaign",
    "notes",
    "published_at",
    "published_url",
)
REQUIRED: tuple[str, ...] = ("date", "time", "body")
# Columns copied as they are into the draft's values (the rest are read specially).
_PLAIN = tuple(name for name in COLUMNS if name not in ("id", "channel", "date", "time"))


def looks_like(header: list[str]) -> bool:
    """Whether a first line is this format's header (used by format detection)."""
    names = set(header_index(header))
    return set(REQUIRED) <= names and "text" not in names


def _when(draft: Draft, day_text: str, time_text: str) -> None:
    if not day_text and not time_text:
        return
    if not day_text:
        draft.fail("date", _("a time needs its date"))
        return
    if not time_text:
        draft.fail("time", _("a date needs its time (HH:MM)"))
        return
    try:
        day = parse_day(day_text, "date")
        moment = parse_clock(time_text, "time")
    except DomainError as error:
        draft.fail(error.field or "", error.message)
        return
    draft.local = datetime.combine(day, moment)


def read(path: Path, channel_given: bool) -> Iterator[Draft]:
    """The file's posts as drafts; a header without the needed columns refuses the file."""
    rows = read_rows(path)
    first = next(rows, None)
    if first is None:
        raise FileFormatError(_("the file is empty"))
    _line, header = first
    index = header_index(header)
    needed = list(REQUIRED) if channel_given else ["channel", *REQUIRED]
    if missing := [name for name in needed if name not in index]:
        raise FileFormatError(
            _("the header lacks the columns {missing}; it needs {needed}").format(
                missing=", ".join(missing), needed=", ".join(needed)
            )
        )
    if unknown := [name for name in index if name and name not in COLUMNS]:
        raise FileFormatError(
            _("unknown columns {unknown}; the columns are: {columns}").format(
                unknown=", ".join(unknown), columns=",".join(COLUMNS)
            )
        )
    for line, record in rows:

        def value(name: str, record: list[str] = record) -> str:
            position = index.get(name)
            return cell(record[position]) if position is not None and position < len(record) else ""

        draft = Draft(line=line, channel=value("channel") or None, file_id=value("id") or None)
        draft.values = {name: value(name) for name in _PLAIN if name in index}
        _when(draft, value("date"), value("time"))
        yield draft


def _local_text(moment: datetime | None, timezone: str, pattern: str) -> str:
    return local(moment, timezone).strftime(pattern) if moment is not None else ""


def row_of(post: Post, lookup: BrandLookup) -> list[str]:
    """One post as the cells of a line, each made safe against spreadsheet formulas."""
    zone = lookup.timezone
    channel = lookup.channel_by_id.get(post.channel_id)
    values = {
        "id": post.external_id or (own_id(post.id) if post.id is not None else ""),
        "channel": channel.label if channel else "",
        "date": _local_text(post.scheduled_at, zone, "%Y-%m-%d"),
        "time": _local_text(post.scheduled_at, zone, "%H:%M"),
        "status": post.status.value,
        "post_type": post.post_type,
        "title": post.title,
        "body": post.body,
        "hashtags": post.hashtags,
        "link": post.link_url or "",
        "utm_campaign": post.utm_campaign,
        "utm_content": post.utm_content,
        "call_to_action": post.call_to_action,
        "visual": post.visual,
        "pillar": lookup.pillar_names.get(post.pillar_id, ""),
        "objective": lookup.objective_statements.get(post.objective_id, ""),
        "campaign": post.campaign,
        "notes": post.notes,
        "published_at": _local_text(post.published_at, zone, "%Y-%m-%d %H:%M"),
        "published_url": post.published_url or "",
    }
    return [safe_cell(values[name]) for name in COLUMNS]


def write(handle: IO[str], posts: Iterable[Post], lookup: BrandLookup) -> int:
    """Write the header and one line per post; returns how many posts were written."""
    writer = csv.writer(handle)
    writer.writerow(COLUMNS)
    count = 0
    for post in posts:
        writer.writerow(row_of(post, lookup))
        count += 1
    return count
