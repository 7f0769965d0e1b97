"""Provides the models of the reply queue: inbox items and their history, saved replies,
response targets, priority rules, listening feeds and their entries, and the queue's view
(tab, filters, page cursor).

They mirror the ``inbox_item``, ``inbox_event``, ``saved_reply``, ``response_target``,
``priority_rule``, ``feed`` and ``feed_entry`` tables. Tags are kept as a tuple here and as
``,a,b,`` text in the table, so that a tag filter is one ``LIKE '%,tag,%'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import Field, field_validator

from smtui.domain.enums import InboxKind, InboxStatus, Labelled, Priority
from smtui.domain.i18n import _
from smtui.domain.models import Model
from smtui.domain.text import one_line
from smtui.domain.validation import check_url

LongText = Annotated[str, Field(max_length=20_000)]
ShortText = Annotated[str, Field(max_length=200)]

# Statuses of the "to do" tab; a snoozed item joins them once its snooze has passed.
OPEN_STATUSES = (InboxStatus.NEW, InboxStatus.IN_PROGRESS, InboxStatus.ESCALATED)
DONE_STATUSES = (InboxStatus.REPLIED, InboxStatus.DONE, InboxStatus.IGNORED)
# Answered items: what the first-response-time figures count (ignored ones are not answers).
ANSWERED_STATUSES = (InboxStatus.REPLIED, InboxStatus.DONE)


def parse_tags(value: object) -> tuple[str, ...]:
    """Tags from "a, b" or ",a,b," or a list: trimmed, lower-case, without repeats or commas."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: list[object] = list(value.replace(";", ",").split(","))
    elif isinstance(value, Iterable):
        items = list(value)
    else:  # a number or a flag where a file should hold text or a list
        raise ValueError(_("write the tags as text separated by commas"))
    seen: dict[str, None] = {}
    for item in items:
        tag = " ".join(str(item).replace(",", " ").split()).lower()
        if tag:
            seen.setdefault(tag[:40], None)
    return tuple(seen)


def tags_column(tags: Iterable[str]) -> str:
    """The stored form ``,a,b,`` (empty string for no tag), so LIKE '%,a,%' finds a tag."""
    tags = tuple(tags)
    return "," + ",".join(tags) + "," if tags else ""


def tags_from_column(text: str | None) -> tuple[str, ...]:
    """The tags of the stored form ``,a,b,`` (what :func:`tags_column` wrote), as stored."""
    return tuple(tag for tag in text.split(",") if tag) if text else ()


def stored_queue_order(priority: int, due: Any, item_id: int) -> tuple[Any, ...]:
    """The queue's order (:func:`queue_order`) on a row's stored priority rank, due time and
    id: instants compare as the driver returns them, and an item without a due time comes
    last. Pages merge runs on it before any row becomes a model."""
    return (priority, due is None, due or "", item_id)


def aware_utc(value: datetime | None) -> datetime | None:
    """An instant in UTC; a naive one is taken as UTC (as the store hands them back).

    Always a plain ``datetime``: pendulum's subclass loses its zone in some arithmetic.
    """
    if value is None:
        return None
    try:
        moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:  # 0001-01-01 east of UTC is before the first day a date can hold
        raise ValueError(_("the date is out of range")) from None
    return datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=UTC,
    )


class QueueTab(Labelled):
    TODO = "todo"
    DONE = "done"
    ALL = "all"


class EntryStatus(Labelled):
    """What became of a feed entry in the Listening view."""

    NEW = "new"
    QUEUED = "queued"
    IDEA = "idea"
    DISMISSED = "dismissed"


class InboxItem(Model):
    """One comment, mention, DM, review, question, share or outreach task to handle."""

    id: int | None = None
    brand_id: int
    channel_id: int | None = None
    kind: InboxKind
    author_name: ShortText = ""
    author_handle: ShortText = ""
    text: LongText = ""
    url: str | None = None
    received_at: datetime
    status: InboxStatus = InboxStatus.NEW
    priority: Priority = Priority.NORMAL
    due_at: datetime | None = None
    snoozed_until: datetime | None = None
    handled_at: datetime | None = None
    reply_text: LongText = ""
    tags: tuple[str, ...] = ()
    external_id: ShortText | None = None
    source: Annotated[str, Field(max_length=40)] = "manual"

    @field_validator("priority", mode="before")
    @classmethod
    def _rank(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return Priority.from_stored(value)
        return value

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: Any) -> tuple[str, ...]:
        return parse_tags(value)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return check_url(value) if value else None

    @field_validator("external_id")
    @classmethod
    def _external(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("received_at", "due_at", "snoozed_until", "handled_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return aware_utc(value)

    @property
    def first_line(self) -> str:
        return one_line(self.text)

    @property
    def author(self) -> str:
        """How the author is named in a list: the name, else the handle."""
        return self.author_name or self.author_handle

    def is_todo(self, now: datetime) -> bool:
        if self.status is InboxStatus.SNOOZED:
            return self.snoozed_until is None or self.snoozed_until <= now
        return self.status in OPEN_STATUSES

    def is_overdue(self, now: datetime) -> bool:
        """Past its response target and still waiting for an answer."""
        return self.is_todo(now) and self.due_at is not None and self.due_at < now


class InboxEvent(Model):
    """One thing done to an item: the item's history, and what undo restores."""

    id: int | None = None
    item_id: int
    at: datetime
    action: str
    detail: str = ""

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return aware_utc(value)  # type: ignore[return-value]


class ResponseTarget(Model):
    """How fast a kind of item must be answered: brand-wide, or for one channel."""

    id: int | None = None
    brand_id: int
    kind: InboxKind
    channel_id: int | None = None
    minutes: Annotated[int, Field(ge=1, le=60 * 24 * 90)]


class PriorityRule(Model):
    """A keyword (any case, any accents) that sets the priority of the items containing it."""

    id: int | None = None
    brand_id: int
    keyword: Annotated[str, Field(min_length=1, max_length=120)]
    priority: Priority = Priority.URGENT

    @field_validator("priority", mode="before")
    @classmethod
    def _rank(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return Priority.from_stored(value)
        return value


class Feed(Model):
    id: int | None = None
    brand_id: int
    title: ShortText = ""
    url: Annotated[str, Field(min_length=1, max_length=2000)]
    etag: str | None = None
    modified: str | None = None
    last_fetched_at: datetime | None = None

    @property
    def label(self) -> str:
        return self.title or self.url


class FeedEntry(Model):
    id: int | None = None
    feed_id: int
    guid: Annotated[str, Field(min_length=1, max_length=500)]
    title: str = ""
    link: str | None = None
    summary: str = ""
    published_at: datetime | None = None
    fetched_at: datetime
    status: EntryStatus = EntryStatus.NEW

    @field_validator("published_at", "fetched_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return aware_utc(value)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the queue shows: a tab, and optional channel, kind, tag and text search."""

    tab: QueueTab = QueueTab.TODO
    channel_id: int | None = None
    kind: InboxKind | None = None
    tag: str | None = None
    text: str | None = None


def queue_order(item: InboxItem) -> tuple[int, datetime, int]:
    """The queue's order (priority rank, due time, id), as the queue index sorts it: pages
    of several statuses or brands merge on it."""
    return (item.priority.rank, item.due_at or datetime.max.replace(tzinfo=UTC), item.id or 0)


@dataclass(frozen=True, slots=True)
class QueueCursor:
    """Where a page ended in the queue's order (priority rank, due time, id)."""

    priority: int
    due_at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class QueuePage:
    items: list[InboxItem]
    next: QueueCursor | None


@dataclass(frozen=True, slots=True)
class QueueCounts:
    """The counter above the queue: what is left to zero and how much of it is late."""

    todo: int
    overdue: int
    snoozed: int
    done: int
    total: int

    @classmethod
    def tally(
        cls,
        by_status: Iterable[tuple[str, int, int | None]],
        snoozed: tuple[int | None, int | None, int | None],
    ) -> QueueCounts:
        """The counter from what the database counted: (status, items, late items) per
        status, and for the snoozed ones (all, woken up, woken up and late).

        Both readers of the brief (the repositories and the SQLite snapshot) count in SQL
        and add up here, so the two cannot disagree on what "left to zero" means.
        """
        rows = list(by_status)
        open_values = {status.value for status in OPEN_STATUSES}
        done_values = {status.value for status in DONE_STATUSES}
        sleeping, woke, woke_late = (value or 0 for value in snoozed)
        return cls(
            todo=sum(count for status, count, _late in rows if status in open_values) + woke,
            overdue=sum(late or 0 for status, _count, late in rows if status in open_values)
            + woke_late,
            snoozed=sleeping - woke,
            done=sum(count for status, count, _late in rows if status in done_values),
            total=sum(count for _status, count, _late in rows),
        )


__all__ = [
    "ANSWERED_STATUSES",
    "DONE_STATUSES",
    "OPEN_STATUSES",
    "EntryStatus",
    "Feed",
    "FeedEntry",
    "InboxEvent",
    "InboxItem",
    "PriorityRule",
    "QueueCounts",
    "QueueCursor",
    "QueueFilter",
    "QueuePage",
    "QueueTab",
    "ResponseTarget",
    "aware_utc",
    "parse_tags",
    "queue_order",
    "tags_column",
]
