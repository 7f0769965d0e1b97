"""Provides the Post model of the editorial calendar and its status flow.

A post moves idea -> draft -> ready -> scheduled -> published, one step at a time, so that
the calendar shows how far each piece is from going out; it may step back to fix something,
and any post not yet out may be skipped (and picked up again as an idea or a draft).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Self

from pydantic import Field, field_validator, model_validator

from smtui.domain.enums import PostStatus
from smtui.domain.i18n import _
from smtui.domain.models import LongText, Model
from smtui.domain.validation import DomainError, check_url

UtmValue = Annotated[str, Field(max_length=120)]

# The order a post normally goes through; a step forward or back along it is allowed.
FLOW: tuple[PostStatus, ...] = (
    PostStatus.IDEA,
    PostStatus.DRAFT,
    PostStatus.READY,
    PostStatus.SCHEDULED,
    PostStatus.PUBLISHED,
)


def next_statuses(status: PostStatus) -> tuple[PostStatus, ...]:
    """The statuses a post in ``status`` may move to, in the order a menu should offer them.

    Forward one step is the usual move; back one step undoes a mistake (a published post
    may go back to scheduled when it was marked by error). Skipped is open to every post
    not yet published, and a skipped post comes back as an idea or a draft.
    """
    if status is PostStatus.SKIPPED:
        return (PostStatus.IDEA, PostStatus.DRAFT)
    index = FLOW.index(status)
    allowed: list[PostStatus] = []
    if index + 1 < len(FLOW):
        allowed.append(FLOW[index + 1])
    if index > 0:
        allowed.append(FLOW[index - 1])
    if status is not PostStatus.PUBLISHED:
        allowed.append(PostStatus.SKIPPED)
    return tuple(allowed)


def can_move(current: PostStatus, target: PostStatus) -> bool:
    """Whether the flow allows ``current`` -> ``target`` (staying put is always allowed)."""
    return target is current or target in next_statuses(current)


def _aware_utc(value: datetime | None) -> datetime | None:
    """Keep every instant aware and in UTC: a naive time has no meaning across zones."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(_("a time needs its time zone"))
    try:
        return value.astimezone(UTC)
    except OverflowError:  # 0001-01-01 east of UTC is before the first day a date can hold
        raise ValueError(_("the date is out of range")) from None


class Post(Model):
    """One planned or published piece on one channel; mirrors the ``post`` table."""

    id: int | None = None
    brand_id: int
    channel_id: int | None = None
    pillar_id: int | None = None
    objective_id: int | None = None
    title: Annotated[str, Field(max_length=200)] = ""
    body: LongText = ""
    visual: LongText = ""
    call_to_action: LongText = ""
    hashtags: LongText = ""
    link_url: str | None = None
    utm_campaign: UtmValue = ""
    utm_content: UtmValue = ""
    scheduled_at: datetime | None = None
    status: PostStatus = PostStatus.IDEA
    published_at: datetime | None = None
    published_url: str | None = None
    campaign: UtmValue = ""
    repurposed_from_id: int | None = None
    notes: LongText = ""
    post_type: Annotated[str, Field(max_length=20)] = ""
    external_id: Annotated[str, Field(max_length=200)] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @field_validator("link_url", "published_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return check_url(value) if value else None

    @field_validator("scheduled_at", "published_at", "created_at", "updated_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return _aware_utc(value)

    @model_validator(mode="after")
    def _published_has_time(self) -> Self:
        if self.status is PostStatus.PUBLISHED and self.published_at is None:
            raise DomainError(_("a published post needs its publication time"), "published_at")
        return self

    @property
    def when(self) -> datetime | None:
        """The instant the post belongs to on the calendar: published time, else planned."""
        return self.published_at or self.scheduled_at


@dataclass(frozen=True, slots=True)
class PostFilter:
    """What the calendar narrows its posts to; every field left None matches everything."""

    channel_id: int | None = None
    pillar_id: int | None = None
    objective_id: int | None = None
    status: PostStatus | None = None
    campaign: str | None = None
    text: str | None = None
