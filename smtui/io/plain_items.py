"""Provides the pieces of an import's fast path to :class:`InboxItem`: whether validation
keeps a text as it is, the tags it makes of a cell, and a model put together the way
``model_construct`` puts one together.

Why: validating each row with pydantic (and making its values first) took half a second of
an import of a hundred thousand rows, though nearly every row is plain text that validation
keeps as it is. The row reader (:mod:`smtui.io.inbox_reader`) checks such a row field by
field as InboxItem's fields and validators check it, with these pieces and the validators'
own helpers (``parse_tags``, ``check_url``, ``aware_utc``), and leaves anything validation
would change or refuse to pydantic, so that a bad row's message is pydantic's own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from smtui.domain.enums import InboxKind, InboxStatus, Priority
from smtui.domain.inbox import InboxItem, aware_utc, parse_tags

# The fields' length limits (a test checks them against the model's own).
LIMITS = {
    "author_name": 200,
    "author_handle": 200,
    "text": 20_000,
    "external_id": 200,
    "source": 40,
}
KINDS = {kind.value: kind for kind in InboxKind}
PRIORITIES = {priority.value: priority for priority in Priority}
# The fields validation sets from what the reader gives (all but the id and the queue's own
# state), and with a priority of the file's.
FIELDS_SET = frozenset(InboxItem.model_fields) - {
    "id",
    "status",
    "priority",
    "due_at",
    "snoozed_until",
    "handled_at",
    "reply_text",
}
FIELDS_SET_WITH_PRIORITY = FIELDS_SET | {"priority"}
_new = InboxItem.__new__
_set = object.__setattr__
# What putting a model together by hand relies on: nothing else to set on a new model, and
# the fields in this order (a model's __dict__ follows its fields).
assert not InboxItem.__pydantic_post_init__ and not InboxItem.__private_attributes__
assert InboxItem.model_config.get("extra") != "allow"
assert InboxItem.model_config.get("str_strip_whitespace")
assert list(InboxItem.model_fields) == [
    "id",
    "brand_id",
    "channel_id",
    "kind",
    "author_name",
    "author_handle",
    "text",
    "url",
    "received_at",
    "status",
    "priority",
    "due_at",
    "snoozed_until",
    "handled_at",
    "reply_text",
    "tags",
    "external_id",
    "source",
], "InboxItem's fields changed: update plain_items and the reader's fast path"


def kept(text: str, limit: int) -> bool:
    """Whether validation keeps the ``str`` ``text`` as it is: within ``limit``, with no
    whitespace to strip (``str.strip`` strips all that pydantic strips, and more) and no
    lone surrogate (which pydantic refuses, and UTF-8 cannot encode)."""
    return text.strip() is text and len(text) <= limit and encodable(text)


def encodable(text: str) -> bool:
    """No lone surrogate in ``text`` (only JSON's ``\\ud800`` escapes make one)."""
    if text.isascii():
        return True
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def plain_tags(value: Any) -> tuple[str, ...] | None:
    """The tags validation makes of a cell (``parse_tags``, then each one stripped), or
    None to leave the cell to pydantic."""
    if value == () or value == "":
        return ()
    if value.__class__ is str:
        return _text_tags(value)
    try:
        tags = parse_tags(value)
    except ValueError:
        return None
    return tags if all(kept(tag, len(tag)) for tag in tags) else None


@lru_cache(maxsize=4096)
def _text_tags(value: str) -> tuple[str, ...] | None:
    """Tags written as text (cached: a file repeats a few tag cells over and over)."""
    tags = parse_tags(value)
    return tags if all(kept(tag, len(tag)) for tag in tags) else None


def plain_instant(value: datetime) -> datetime | None:
    """What the ``received_at`` validator makes of an aware instant, or None for pydantic."""
    if value.__class__ is datetime and value.tzinfo is UTC and not value.fold:
        return value  # aware_utc would make an equal datetime: no need to make one
    try:
        return aware_utc(value)
    except ValueError:
        return None


def new_item(
    brand_id: int,
    channel_id: int | None,
    kind: InboxKind,
    author_name: str,
    author_handle: str,
    text: str,
    url: str | None,
    received_at: datetime,
    priority: Priority | None,
    tags: tuple[str, ...],
    external_id: str | None,
    source: str,
) -> InboxItem:
    """The item validation makes of these values, once each is as validation leaves it
    (``priority`` None: the file gave none, the default stands)."""
    item = _new(InboxItem)
    _set(
        item,
        "__dict__",
        {
            "id": None,
            "brand_id": brand_id,
            "channel_id": channel_id,
            "kind": kind,
            "author_name": author_name,
            "author_handle": author_handle,
            "text": text,
            "url": url,
            "received_at": received_at,
            "status": InboxStatus.NEW,
            "priority": Priority.NORMAL if priority is None else priority,
            "due_at": None,
            "snoozed_until": None,
            "handled_at": None,
            "reply_text": "",
            "tags": tags,
            "external_id": external_id,
            "source": source,
        },
    )
    _set(
        item,
        "__pydantic_fields_set__",
        set(FIELDS_SET if priority is None else FIELDS_SET_WITH_PRIORITY),
    )
    _set(item, "__pydantic_extra__", None)
    _set(item, "__pydantic_private__", None)
    return item


__all__ = [
    "KINDS",
    "LIMITS",
    "PRIORITIES",
    "encodable",
    "kept",
    "new_item",
    "plain_instant",
    "plain_tags",
]
