"""Provides the small questions the queue asks: when to snooze until, which priority, which
tags, which filters, and the quick add of a pasted comment. Each is a picker or a form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import pendulum

from smtui.domain.day_names import weekday_day_time
from smtui.domain.enums import InboxKind, Priority
from smtui.domain.i18n import _
from smtui.domain.local_time import local, parse_clock, parse_day, to_utc
from smtui.domain.models import Channel
from smtui.domain.planning import BrandSettings
from smtui.domain.response_time import next_week_start, next_work_start
from smtui.domain.validation import DomainError
from smtui.widgets import FormField

TYPED = "typed"


def snooze_choices(
    now: datetime, settings: BrandSettings, timezone: str
) -> list[tuple[str, datetime | str]]:
    """(label, instant) for the usual snoozes, and a last choice to type a time."""

    def shown(moment: datetime) -> str:
        return weekday_day_time(pendulum.instance(moment).in_timezone(timezone))

    in_hour = now + timedelta(hours=1)
    tomorrow = next_work_start(now, settings, timezone)
    week = next_week_start(now, settings, timezone)
    return [
        (_("In 1 hour ({time})").format(time=shown(in_hour)), in_hour),
        (_("Tomorrow, start of the working day ({time})").format(time=shown(tomorrow)), tomorrow),
        (_("Next week ({time})").format(time=shown(week)), week),
        (_("At a time I type…"), TYPED),
    ]


def parse_local(text: str, timezone: str, now: datetime) -> datetime:
    """ "2026-11-24 14:00" or "14:00" (today, or tomorrow if past) in the brand's zone.

    A day that does not exist or a time the clocks skip (the spring-forward hour) is
    refused with the field named, never moved silently.
    """
    value = text.strip()
    parts = value.replace("T", " ", 1).split()
    if len(parts) == 1 and ":" in value:
        moment = parse_clock(value, "when")
        today = local(now, timezone).date()
        instant = to_utc(today, moment, timezone, "when")
        if instant <= now:
            instant = to_utc(today + timedelta(days=1), moment, timezone, "when")
        return instant
    if len(parts) != 2:
        raise DomainError(_("write a time as YYYY-MM-DD HH:MM or HH:MM"), "when")
    instant = to_utc(parse_day(parts[0], "when"), parse_clock(parts[1], "when"), timezone, "when")
    if instant <= now:
        raise DomainError(_("choose a time in the future"), "when")
    return instant


def when_fields() -> list[FormField]:
    return [
        FormField(
            "when",
            _("Snooze until"),
            required=True,
            placeholder="2026-11-24 14:00",
            help=_("In the brand's time zone; HH:MM alone means the next such time."),
        )
    ]


def priority_choices() -> list[tuple[str, Priority]]:
    return [(priority.label, priority) for priority in Priority]


def tag_fields() -> list[FormField]:
    return [
        FormField(
            "tags", _("Tags"), placeholder="billing, vip", help=_("Separate tags with commas.")
        )
    ]


def filter_fields(channels: Sequence[Channel]) -> list[FormField]:
    return [
        FormField(
            "channel",
            _("Channel"),
            kind="select",
            options=[(channel.label, str(channel.id)) for channel in channels],
            placeholder=_("All channels"),
        ),
        FormField(
            "kind",
            _("Kind"),
            kind="select",
            options=[(kind.label, kind.value) for kind in InboxKind],
            placeholder=_("All kinds"),
        ),
        FormField("tag", _("Tag"), placeholder="billing"),
    ]


def add_fields(channels: Sequence[Channel]) -> list[FormField]:
    return [
        FormField(
            "kind",
            _("Kind"),
            kind="select",
            options=[(kind.label, kind.value) for kind in InboxKind],
            required=True,
        ),
        FormField(
            "channel_id",
            _("Channel"),
            kind="select",
            options=[(channel.label, str(channel.id)) for channel in channels],
        ),
        FormField("author_name", _("Author")),
        FormField("author_handle", _("Handle"), placeholder="@someone"),
        FormField("text", _("Text"), kind="area", required=True, help=_("Paste the comment.")),
        FormField("url", _("Link"), placeholder="https://"),
    ]
