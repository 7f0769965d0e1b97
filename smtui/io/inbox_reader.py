"""Provides the reader of one row of an inbox file (its cells, by column name) into a
validated :class:`InboxItem`, and the lookup of a channel by handle or platform.

A row is read on one of two paths that give the same item. The plain path takes the cells
of an everyday row (text cells, a kind and a priority as the file writes them, text that
validation keeps as it is) straight to the model, in three fifths of the time; any other
row, and every bad one, takes the validated path (the cells made into values, validated by
pydantic), so that a bad row's message is the one validation gives. A test checks that the
two paths give equal items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pendulum

from smtui.domain.i18n import _
from smtui.domain.inbox import InboxItem
from smtui.domain.models import Channel
from smtui.domain.validation import DomainError, check_url
from smtui.io.plain_items import (
    KINDS,
    LIMITS,
    PRIORITIES,
    encodable,
    kept,
    new_item,
    plain_instant,
    plain_tags,
)

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
_KNOWN_KEYS = frozenset((*CSV_COLUMNS, ""))  # a blank header cell is no column
# The everyday shape of an ISO 8601 instant, which datetime.fromisoformat and pendulum read
# alike; any other text goes to pendulum alone.
_PLAIN_ISO = re.compile(
    r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d(?::?\d\d)?)?)?",
    re.ASCII,
)
# Distinct kind and priority cells a reader remembers ("DM", " question"): a file holds a
# handful, and a file of odd ones should not fill memory with them.
_REMEMBERED_CELLS = 1_000
_NOT_PLAIN: Any = object()  # a cell the plain path leaves to validation
_UNSEEN: Any = object()
_REMEMBERED = (str, type(None))  # the cells remembered: text, and none at all


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


class RowReader:
    """Reads the rows of one file for one brand (see the module's docstring)."""

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
        # The plain path puts the brand's id in the model as it is: it must be what
        # validation would keep.
        self._plain = brand_id.__class__ is int
        # Cells as the file writes them, to what the validated path makes of them.
        self._channel_cells: dict[str | None, int | None] = {}
        self._kind_cells: dict[str | None, Any] = {}
        self._priority_cells: dict[str | None, Any] = {}
        self._sources: dict[str, bool] = {}
        self._default_id = default_channel.id if default_channel else None

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
        """One validated item from a row's cells, and whether the row set its priority;
        raises with the field at fault."""
        found = self.plain_item(data, source)
        return found if found is not None else self.validated_item(data, source)

    def validated_item(self, data: dict[str, Any], source: str) -> tuple[InboxItem, bool]:
        """:meth:`item` by pydantic's validation, for any row."""
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

    def plain_item(self, data: dict[str, Any], source: str) -> tuple[InboxItem, bool] | None:
        """:meth:`validated_item` for an everyday row, without pydantic; None for a row to
        validate. Every check mirrors what validation does with the same cell; anything it
        is unsure of (a cell that is not text, text validation would strip, ...) is None."""
        if not self._plain or not _KNOWN_KEYS.issuperset(data):
            return None
        get = data.get
        # A cell seen before is one lookup (inline: three a row); any other, a method call.
        cell = get("channel")
        channel_id = (
            self._channel_cells.get(cell, _UNSEEN) if cell.__class__ in _REMEMBERED else _UNSEEN
        )
        if channel_id is _UNSEEN:
            channel_id = self._channel_id(cell)
        cell = get("kind")
        kind = self._kind_cells.get(cell, _UNSEEN) if cell.__class__ in _REMEMBERED else _UNSEEN
        if kind is _UNSEEN:
            kind = self._member(self._kind_cells, cell, KINDS, required=True)
        cell = get("priority")
        priority = (
            self._priority_cells.get(cell, _UNSEEN) if cell.__class__ in _REMEMBERED else _UNSEEN
        )
        if priority is _UNSEEN:
            priority = self._member(self._priority_cells, cell, PRIORITIES, required=False)
        if channel_id is _NOT_PLAIN or kind is _NOT_PLAIN or priority is _NOT_PLAIN:
            return None
        # The validated path's _text(cell) (and "or None"), for text cells and empty ones.
        author_name = "" if (cell := get("author_name")) is None else cell
        author_handle = "" if (cell := get("author_handle")) is None else cell
        text = "" if (cell := get("text")) is None else cell
        url, external_id = get("url"), get("external_id")
        if not (
            author_name.__class__ is str
            and author_handle.__class__ is str
            and text.__class__ is str
            and (url is None or url.__class__ is str)
            and (external_id is None or external_id.__class__ is str)
            and author_name.strip() is author_name
            and author_handle.strip() is author_handle
            and text.strip() is text
            and len(author_name) <= LIMITS["author_name"]
            and len(author_handle) <= LIMITS["author_handle"]
            and len(text) <= LIMITS["text"]
            and (text.isascii() or encodable(text))  # (kept(), inline: six calls a row)
            and (author_name.isascii() or encodable(author_name))
            and (author_handle.isascii() or encodable(author_handle))
            and self._source_kept(source)
        ):
            return None
        if url:
            if url.strip() is not url or not (url.isascii() or encodable(url)):
                return None
            try:
                url = check_url(url)
            except ValueError:
                return None
        else:
            url = None
        if external_id and not kept(external_id, LIMITS["external_id"]):
            return None
        tags = plain_tags(get("tags") or ())
        if tags is None:
            return None
        cell = get("received_at")  # an everyday ISO text is read without instant()'s steps
        received = self._iso_instant(cell) if cell.__class__ is str else None
        if received is None:
            try:
                received = self.instant(cell)
            except DomainError:
                return None
        received_at = plain_instant(received)
        if received_at is None:
            return None
        item = new_item(
            self.brand_id,
            channel_id,
            kind,
            author_name,
            author_handle,
            text,
            url,
            received_at,
            priority,
            tags,
            external_id or None,
            source,
        )
        return item, priority is not None

    def _source_kept(self, source: str) -> bool:
        found = self._sources.get(source)
        if found is None:
            found = self._sources[source] = kept(source, LIMITS["source"])
        return found

    def _channel_id(self, cell: Any) -> Any:
        """The id of the channel a cell names (the default one's for an empty cell), as the
        validated path reads it, or _NOT_PLAIN for a cell to validate (not text, or naming
        no channel of the brand); remembered for a text cell or None."""
        if cell.__class__ not in _REMEMBERED:
            return self._default_id if not cell else _NOT_PLAIN
        text = "" if cell is None else cell.strip()
        try:
            channel = self.channel(text) if text else self.default_channel
        except DomainError:
            return _NOT_PLAIN
        found = channel.id if channel else None
        if len(self._channel_cells) < _REMEMBERED_CELLS:
            self._channel_cells[cell] = found
        return found

    @staticmethod
    def _member(
        cells: dict[str | None, Any], cell: Any, members: dict[str, Any], *, required: bool
    ) -> Any:
        """The kind or priority a cell names (None for an empty priority cell), as the
        validated path reads it, or _NOT_PLAIN for a cell to validate (not text, empty but
        required, naming no member); remembered for a text cell or None."""
        if cell.__class__ not in _REMEMBERED:
            return None if not cell and not required else _NOT_PLAIN
        name = "" if cell is None else cell.strip().lower()
        found = members.get(name, _NOT_PLAIN) if name or required else None
        if len(cells) < _REMEMBERED_CELLS:
            cells[cell] = found
        return found


def _text(value: Any) -> str:
    return "" if value is None else str(value)


__all__ = ["CSV_COLUMNS", "RowReader", "resolve_channel"]
