"""Provides the readers of ``smtui import inbox``: our own CSV and JSON, and the list of
notifications the Mastodon API returns (``GET /api/v1/notifications``).

Our CSV has this header (only ``received_at`` and ``kind`` are required; a column may be
left out)::

    received_at,channel,kind,author_name,author_handle,text,url,external_id,tags,priority

- ``received_at``: ISO 8601 (``2026-11-23T09:15:00-05:00``); without an offset, the time is
  taken in the brand's zone.
- ``channel``: a channel's handle (``@maplegrain``) or platform (``instagram``) when the
  brand has one channel there; empty: the ``--channel`` option's, or none.
- ``kind``: comment, mention, dm, review, question, share or outreach.
- ``tags``: separated by commas; ``priority``: urgent, high, normal or low (empty: decided
  by the brand's keyword rules and the kind).
- ``external_id``: the item's id on the platform; an item already imported is skipped.

Our JSON is ``{"items": [{...}, ...]}`` (or the bare list) with the same keys; ``tags`` may
be a list. Every row is checked before anything is written: the reader returns every bad
line (CSV line number, JSON item number counted from 1) with its reason.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from smtui.domain.enums import InboxKind, Platform
from smtui.domain.i18n import _
from smtui.domain.inbox import InboxItem
from smtui.domain.models import Channel
from smtui.domain.validation import DomainError, describe, field_errors
from smtui.io.html_text import html_to_text
from smtui.io.inbox_reader import CSV_COLUMNS, RowReader, resolve_channel

REQUIRED_COLUMNS = ("received_at", "kind")


class InboxFormat(StrEnum):
    AUTO = "auto"
    CSV = "csv"
    JSON = "json"
    MASTODON = "mastodon"


@dataclass
class ParsedInbox:
    """What a file holds: valid items (with whether the file set their priority), every bad
    line, and notes on what was left out on purpose (e.g. Mastodon follows)."""

    format: InboxFormat
    items: list[InboxItem] = field(default_factory=list)
    kept_priority: list[bool] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return describe(field_errors(error))
    if isinstance(error, DomainError):
        return f"{error.field}: {error.message}" if error.field else error.message
    return str(error)


Row = tuple[str, dict[str, Any], str]  # (where: "line 4" / "item 3", cells, source)


def _csv_rows(lines: TextIO, parsed: ParsedInbox) -> list[Row]:
    """The rows as ``csv.DictReader`` gives them (short rows padded with None, a repeated
    column's later cell winning), each named by the line DictReader's count names, read by
    ``csv.reader`` without DictReader's Python loop (a tenth of reading the file). A test
    checks the two give the same rows and messages."""
    reader = csv.reader(lines)
    header = [name.strip() for name in next(reader, [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        lines.read()  # the rest of the file is still checked to be UTF-8
        parsed.errors.append(
            _("line 1: missing column {names}; the header is: {columns}").format(
                names=", ".join(missing), columns=",".join(CSV_COLUMNS)
            )
        )
        return []
    width = len(header)
    line = _("line {n}")  # translated once, not once a row
    found: list[Row] = []
    start = reader.line_num + 1
    for read in reader:
        cells = read or next((cells for cells in reader if cells), None)  # blank lines
        if cells is None:
            break
        # Named by the line after the last row, as DictReader's count names it: a row after
        # blank lines by the first of them (kept, so that messages name the same lines).
        where = line.format(n=start)
        start = reader.line_num + 1
        if len(cells) > width:
            parsed.errors.append(f"{where}: " + _("more cells than columns"))
            continue
        row: dict[str, Any] = dict(zip(header, cells, strict=False))
        for name in header[len(cells) :]:
            row[name] = None
        # Not a blank row: a received time tells at once, else any cell but whitespace.
        if ((stamp := row["received_at"]) and not stamp.isspace()) or any(
            map(str.strip, filter(None, row.values()))
        ):
            found.append((where, row, "csv"))
    return found


def _json_rows(data: Any, parsed: ParsedInbox) -> list[Row]:
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        parsed.errors.append(_('the file must hold a list of items, or {"items": [...]}'))
        return []
    found: list[Row] = []
    for number, entry in enumerate(items, start=1):
        where = _("item {n}").format(n=number)
        if isinstance(entry, dict):
            found.append((where, entry, "json"))
        else:
            parsed.errors.append(f"{where}: " + _("not an object"))
    return found


def _mastodon_rows(data: Any, parsed: ParsedInbox) -> list[Row]:
    """Mentions become items (DMs when the status is direct); favourites and reblogs of our
    posts become "share" items; follows and other kinds are counted, not imported."""
    if not isinstance(data, list):
        parsed.errors.append(_("a Mastodon notifications file is a JSON list"))
        return []
    found: list[Row] = []
    for number, notification in enumerate(data, start=1):
        where = _("item {n}").format(n=number)
        if not isinstance(notification, dict):
            parsed.errors.append(f"{where}: " + _("not an object"))
            continue
        kind_name = str(notification.get("type") or "unknown")
        if kind_name not in ("mention", "favourite", "reblog"):
            parsed.notes[kind_name] = parsed.notes.get(kind_name, 0) + 1
            continue
        status = notification.get("status") or {}
        account = notification.get("account") or {}
        if not isinstance(status, dict) or not isinstance(account, dict):
            parsed.errors.append(f"{where}: " + _("status and account must be objects"))
            continue
        if kind_name == "mention":
            kind = InboxKind.DM if status.get("visibility") == "direct" else InboxKind.MENTION
        else:
            kind = InboxKind.SHARE
        text = html_to_text(str(status.get("content") or ""))
        if kind is InboxKind.SHARE:
            verb = _("favourited") if kind_name == "favourite" else _("boosted")
            text = f"{verb}: {text}" if text else verb
        external = str(notification.get("id") or "")
        if not external:
            parsed.errors.append(f"{where}: id: " + _("required"))
            continue
        row = {
            "kind": kind.value,
            "received_at": notification.get("created_at"),
            "author_name": account.get("display_name") or "",
            "author_handle": account.get("acct") or "",
            "text": text,
            "url": status.get("url") or status.get("uri") or None,
            "external_id": external,
        }
        found.append((where, row, "mastodon"))
    return found


def detect_format(path: Path, text: str) -> InboxFormat:
    """CSV by name or shape; JSON that looks like Mastodon notifications; else our JSON."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if path.suffix.lower() == ".csv" or not stripped.startswith(("[", "{")):
        return InboxFormat.CSV
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        return InboxFormat.JSON
    first = data[0] if isinstance(data, list) and data else None
    if isinstance(first, dict) and "type" in first and "account" in first:
        return InboxFormat.MASTODON
    return InboxFormat.JSON


def load_rows(path: Path, fmt: InboxFormat) -> tuple[ParsedInbox, list[Row]]:
    """The file's rows, not yet checked, and the format it turned out to be."""
    if fmt is InboxFormat.CSV or (fmt is InboxFormat.AUTO and path.suffix.lower() == ".csv"):
        # Read as it is decoded, with the newlines read_text gives (a file's worth of text
        # and a StringIO copy of it cost as much as reading the rows); a file that is not
        # UTF-8, or not CSV, is read again below, for the error reading it whole gives.
        try:
            with path.open(encoding="utf-8-sig") as lines:
                parsed = ParsedInbox(InboxFormat.CSV)
                return parsed, _csv_rows(lines, parsed)
        except (UnicodeDecodeError, csv.Error):
            pass
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError(
            _("{path} is not UTF-8 text (byte {n})").format(path=path, n=error.start)
        ) from None
    if fmt is InboxFormat.AUTO:
        fmt = detect_format(path, text)
    parsed = ParsedInbox(fmt)
    if fmt is InboxFormat.CSV:
        return parsed, _csv_rows(io.StringIO(text, newline=""), parsed)
    try:
        data = json.loads(text)
    except ValueError as error:
        parsed.errors.append(_("not valid JSON: {error}").format(error=error))
        return parsed, []
    except RecursionError:  # "[[[[..." thousands deep: no inbox file looks like that
        parsed.errors.append(_("not valid JSON: nested too deeply"))
        return parsed, []
    if fmt is InboxFormat.MASTODON:
        return parsed, _mastodon_rows(data, parsed)
    return parsed, _json_rows(data, parsed)


def check_rows(
    parsed: ParsedInbox,
    rows: Iterable[Row],
    *,
    brand_id: int,
    timezone: str,
    channels: Sequence[Channel],
    default_channel: Channel | None = None,
    tick: Callable[[int], object] | None = None,
) -> ParsedInbox:
    """Validate every row into ``parsed`` (items, or errors naming the line and field);
    ``tick(1)`` runs after each row, for a progress bar."""
    if default_channel is None and parsed.format is InboxFormat.MASTODON:
        mastodon = [c for c in channels if c.platform is Platform.MASTODON]
        default_channel = mastodon[0] if len(mastodon) == 1 else None
    reader = RowReader(brand_id, timezone, channels, default_channel)
    for where, data, source in rows:
        try:
            item, kept = reader.item(data, source)
        except (ValidationError, DomainError, TypeError) as error:
            parsed.errors.append(f"{where}: {_reason(error)}")
            continue
        parsed.items.append(item)
        parsed.kept_priority.append(kept)
        if tick is not None:
            tick(1)
    return parsed


def read_inbox(
    path: Path,
    fmt: InboxFormat = InboxFormat.AUTO,
    *,
    brand_id: int,
    timezone: str,
    channels: Sequence[Channel],
    default_channel: Channel | None = None,
) -> ParsedInbox:
    """Read and check a whole file; nothing is written here."""
    parsed, rows = load_rows(path, fmt)
    return check_rows(
        parsed,
        rows,
        brand_id=brand_id,
        timezone=timezone,
        channels=channels,
        default_channel=default_channel,
    )


__all__ = [
    "CSV_COLUMNS",
    "InboxFormat",
    "ParsedInbox",
    "check_rows",
    "detect_format",
    "load_rows",
    "read_inbox",
    "resolve_channel",
]
