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
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import pendulum
from pydantic import ValidationError

from smtui.domain.enums import InboxKind, Platform
from smtui.domain.i18n import _
from smtui.domain.inbox import InboxItem
from smtui.domain.models import Channel
from smtui.domain.validation import DomainError, describe, field_errors
from smtui.io.html_text import html_to_text

CSV_COLUMNS = (
    "received_at",
    "channel",
    "kind",
    "author_name",
    "author_handle",
    "text",
    "url",
    "external_id",
    "tags",
    "priority",
)
REQUIRED_COLUMNS = ("received_at", "kind")
_KNOWN_KEYS = frozenset((*CSV_COLUMNS, ""))  # a blank header cell is no column
# The everyday shape of an ISO 8601 instant, which datetime.fromisoformat and pendulum read
# alike; any other text goes to pendulum alone.
_PLAIN_ISO = re.compile(
    r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d(?::?\d\d)?)?)?",
    re.ASCII,
)


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


def resolve_channel(value: str, channels: Sequence[Channel]) -> Channel:
    """The brand's channel named by handle (with or without @) or by its platform."""
    wanted = value.strip().casefold().lstrip("@")
    for channel in channels:
        if channel.handle.casefold().lstrip("@") == wanted:
            return channel
    on_platform = [channel for channel in channels if channel.platform.value == wanted]
    if len(on_platform) == 1:
        return on_platform[0]
    names = ", ".join(channel.handle for channel in channels) or _("(none)")
    if len(on_platform) > 1:
        raise DomainError(
            _("{value}: the brand has several channels there; name one: {names}").format(
                value=value, names=", ".join(channel.handle for channel in on_platform)
            ),
            "channel",
        )
    raise DomainError(
        _("unknown channel {value!r}; the brand's channels are: {names}").format(
            value=value, names=names
        ),
        "channel",
    )


class _Reader:
    def __init__(
        self,
        brand_id: int,
        timezone: str,
        channels: Sequence[Channel],
        default_channel: Channel | None,
    ) -> None:
        self.brand_id = brand_id
        self.timezone = timezone
        self.channels = channels
        self.default_channel = default_channel
        # A file names a handful of channels over and over: each name is looked up once.
        self._channels: dict[str, Channel] = {}
        self._zone: Any = None

    def channel(self, text: str) -> Channel:
        found = self._channels.get(text)
        if found is None:
            found = self._channels[text] = resolve_channel(text, self.channels)
        return found

    def instant(self, value: Any) -> Any:
        text = str(value or "").strip()
        if not text:
            raise DomainError(_("required"), "received_at")
        fast = self._iso_instant(text)
        if fast is not None:
            return fast
        try:
            parsed = pendulum.parse(text, tz=self.timezone)
            if isinstance(parsed, pendulum.DateTime):
                # An offset of a day or more, or a year 1 east of UTC, fails here.
                return parsed.in_timezone("UTC")
        except (ValueError, OverflowError, pendulum.parsing.exceptions.ParserError):
            pass
        raise DomainError(
            _("{value!r} is not a date and time (use ISO 8601)").format(value=text),
            "received_at",
        )

    def _iso_instant(self, text: str) -> datetime | None:
        """The instant of a plain ISO 8601 text, read by ``datetime.fromisoformat`` (a
        twentieth of pendulum's cost per row); None leaves the text to pendulum, which
        reads more forms. A text without an offset is taken in the brand's zone, as
        pendulum takes it."""
        if not _PLAIN_ISO.fullmatch(text):
            return None  # fromisoformat takes forms pendulum refuses (any separator, ...)
        try:
            parsed = datetime.fromisoformat(text)
            if parsed.tzinfo is None:
                if self._zone is None:
                    self._zone = pendulum.timezone(self.timezone)
                parsed = pendulum.datetime(
                    parsed.year,
                    parsed.month,
                    parsed.day,
                    parsed.hour,
                    parsed.minute,
                    parsed.second,
                    parsed.microsecond,
                    tz=self._zone,
                )
            return parsed.astimezone(UTC)
        except (ValueError, OverflowError):
            return None

    def item(self, data: dict[str, Any], source: str) -> tuple[InboxItem, bool]:
        """One validated item from a row's cells; raises with the field at fault."""
        unknown = [] if _KNOWN_KEYS.issuperset(data) else [k for k in data if k not in _KNOWN_KEYS]
        if unknown:
            raise DomainError(
                _("unknown column {names}; the columns are: {columns}").format(
                    names=", ".join(unknown), columns=",".join(CSV_COLUMNS)
                )
            )
        channel_text = str(data.get("channel") or "").strip()
        channel = self.channel(channel_text) if channel_text else None
        channel = channel or self.default_channel
        kind = str(data.get("kind") or "").strip().lower()
        if not kind:
            raise DomainError(_("required"), "kind")
        priority = str(data.get("priority") or "").strip().lower()
        values = {
            "brand_id": self.brand_id,
            "channel_id": channel.id if channel else None,
            "kind": kind,
            "author_name": _text(data.get("author_name")),
            "author_handle": _text(data.get("author_handle")),
            "text": _text(data.get("text")),
            "url": _text(data.get("url")) or None,
            "external_id": _text(data.get("external_id")) or None,
            "tags": data.get("tags") or (),
            "received_at": self.instant(data.get("received_at")),
            "source": source,
        }
        if priority:
            values["priority"] = priority
        return InboxItem.model_validate(values), bool(priority)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return describe(field_errors(error))
    if isinstance(error, DomainError):
        return f"{error.field}: {error.message}" if error.field else error.message
    return str(error)


Row = tuple[str, dict[str, Any], str]  # (where: "line 4" / "item 3", cells, source)


def _csv_rows(text: str, parsed: ParsedInbox) -> list[Row]:
    rows = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in rows.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        parsed.errors.append(
            _("line 1: missing column {names}; the header is: {columns}").format(
                names=", ".join(missing), columns=",".join(CSV_COLUMNS)
            )
        )
        return []
    rows.fieldnames = header
    found: list[Row] = []
    start = rows.line_num + 1
    for row in rows:
        extra = row.pop(None, None)  # type: ignore[call-overload]
        where = _("line {n}").format(n=start)
        start = rows.line_num + 1
        if extra:
            parsed.errors.append(f"{where}: " + _("more cells than columns"))
        elif any(map(str.strip, filter(None, row.values()))):
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
        return parsed, _csv_rows(text, parsed)
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
    reader = _Reader(brand_id, timezone, channels, default_channel)
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
