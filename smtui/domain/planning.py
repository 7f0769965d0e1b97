"""Provides a brand's working rules and its recurring posting slots.

Working hours decide when a response target's clock runs; the conflict gap decides when two
posts on one channel are too close; slots are the weekly times a channel posts at, shown
empty in the calendar until a post fills them. Slot times are wall-clock times in the
brand's zone, so that "Tuesday 09:30" stays 09:30 on both sides of a DST change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Self

import pendulum
from pydantic import Field, ValidationInfo, field_validator, model_validator

from smtui.domain.i18n import _
from smtui.domain.models import Model
from smtui.domain.validation import DomainError

WEEKDAY_COUNT = 7


def parse_clock_time(value: str, field: str) -> time:
    """A "HH:MM" wall-clock time; the message names ``field`` when the text is not one."""
    text = value.strip()
    try:
        hours, minutes = text.split(":")
        parsed = time(int(hours), int(minutes))
    except ValueError:
        raise DomainError(
            _("{value!r} is not a time; write it as HH:MM, e.g. 09:30").format(value=value), field
        ) from None
    return parsed


def parse_weekdays(value: str | Iterable[int]) -> tuple[int, ...]:
    """Weekdays (0 = Monday) from "0,1,2" or a sequence, sorted and without repeats."""
    items = value.split(",") if isinstance(value, str) else list(value)
    days: set[int] = set()
    for item in items:
        if isinstance(item, str) and not item.strip():
            continue
        try:
            day = int(item)
        except (TypeError, ValueError):
            raise DomainError(
                _("{value!r} is not a weekday").format(value=item), "work_days"
            ) from None
        if not 0 <= day < WEEKDAY_COUNT:
            raise DomainError(_("a weekday is a number from 0 (Monday) to 6"), "work_days")
        days.add(day)
    return tuple(sorted(days))


class BrandSettings(Model):
    """A brand's working rules; a brand that never set them gets these defaults."""

    brand_id: int
    working_hours_enabled: bool = False
    work_days: tuple[int, ...] = (0, 1, 2, 3, 4)
    work_start: time = time(9, 0)
    work_end: time = time(17, 0)
    outreach_per_blog_post: Annotated[int, Field(ge=0, le=50)] = 2
    conflict_gap_minutes: Annotated[int, Field(ge=0, le=24 * 60)] = 60

    @field_validator("work_days", mode="before")
    @classmethod
    def _days(cls, value: object) -> tuple[int, ...]:
        if isinstance(value, str | list | tuple):
            return parse_weekdays(value)  # type: ignore[arg-type]
        raise DomainError(_("list the working days as numbers, e.g. 0,1,2,3,4"), "work_days")

    @field_validator("work_start", "work_end", mode="before")
    @classmethod
    def _time(cls, value: object, info: ValidationInfo) -> object:
        return parse_clock_time(value, info.field_name or "") if isinstance(value, str) else value

    @model_validator(mode="after")
    def _hours_make_sense(self) -> Self:
        if self.working_hours_enabled:
            if not self.work_days:
                raise DomainError(_("choose at least one working day"), "work_days")
            if self.work_end <= self.work_start:
                raise DomainError(_("the working day must end after it starts"), "work_end")
        return self

    @property
    def conflict_gap(self) -> timedelta:
        return timedelta(minutes=self.conflict_gap_minutes)


class RecurringSlot(Model):
    """A weekly posting time of one channel: ``weekday`` (0 = Monday) at ``time_local``."""

    id: int | None = None
    brand_id: int
    channel_id: int
    weekday: Annotated[int, Field(ge=0, le=6)]
    time_local: str

    @field_validator("time_local", mode="before")
    @classmethod
    def _time(cls, value: object) -> str:
        if isinstance(value, time):
            return value.strftime("%H:%M")
        return parse_clock_time(str(value), "time_local").strftime("%H:%M")

    @property
    def clock_time(self) -> time:
        return parse_clock_time(self.time_local, "time_local")


@dataclass(frozen=True, slots=True)
class SlotOccurrence:
    """One slot on one day: its instant in UTC, and the local day it belongs to."""

    slot: RecurringSlot
    day: date
    at: datetime


def occurrences(
    slots: Sequence[RecurringSlot], first: date, last: date, timezone: str
) -> list[SlotOccurrence]:
    """Every slot between the local days ``first`` and ``last`` (both included), by time.

    A slot that falls in a DST gap (02:30 on the spring-forward night) moves forward to the
    first real minute, as pendulum resolves it, rather than vanishing.
    """
    by_weekday: dict[int, list[RecurringSlot]] = {}
    for slot in slots:
        by_weekday.setdefault(slot.weekday, []).append(slot)
    found: list[SlotOccurrence] = []
    day = first
    while day <= last:
        for slot in by_weekday.get(day.weekday(), ()):
            moment = slot.clock_time
            local = pendulum.datetime(
                day.year, day.month, day.day, moment.hour, moment.minute, tz=timezone
            )
            found.append(SlotOccurrence(slot, day, local.in_timezone("UTC").replace(tzinfo=UTC)))
        day += timedelta(days=1)
    found.sort(key=lambda item: (item.at, item.slot.channel_id))
    return found


def open_slots(
    found: Sequence[SlotOccurrence],
    planned: Iterable[tuple[int | None, datetime]],
    gap: timedelta,
) -> list[SlotOccurrence]:
    """The slots no post fills: none of ``planned`` (channel, time) is within ``gap`` of them.

    A gap of zero still lets a post at the slot's exact minute fill it.
    """
    by_channel: dict[int, list[datetime]] = {}
    for channel_id, moment in planned:
        if channel_id is not None:
            by_channel.setdefault(channel_id, []).append(moment)
    return [
        item
        for item in found
        if not any(
            abs(moment - item.at) <= gap for moment in by_channel.get(item.slot.channel_id, ())
        )
    ]
