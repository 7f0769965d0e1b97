"""Provides the passage between what the user types (a day and a wall-clock time in the
brand's zone) and what the store keeps (an aware UTC instant), refusing times that do not
exist: the hour the clocks skip in spring.

In autumn a wall-clock time happens twice; the first one is taken, as calendar apps do.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pendulum

from smtui.domain.date_range import in_range, out_of_range_message
from smtui.domain.i18n import N_, _
from smtui.domain.validation import DomainError


class DayOutOfRangeError(DomainError):
    """A real day, but outside :mod:`smtui.domain.date_range`: the message names the range."""


def check_day(day: date, field: str = "date") -> date:
    """``day`` if smtui accepts it (see :mod:`smtui.domain.date_range`), else a one-line error."""
    if not in_range(day):
        raise DayOutOfRangeError(out_of_range_message(day.isoformat()), field)
    return day


def parse_day(text: str, field: str = "date") -> date:
    """A day written YYYY-MM-DD; a day that does not exist (2027-02-30), or one outside the
    range smtui accepts, names ``field``."""
    value = text.strip()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise DomainError(
            _("{value!r} is not a day; write it as YYYY-MM-DD, e.g. 2026-11-24").format(
                value=value
            ),
            field,
        ) from None
    return check_day(day, field)


DAY_WORDS = {N_("today"): 0, N_("tomorrow"): 1, N_("yesterday"): -1}


def _folded(word: str) -> str:
    # A keyboard types ' where the catalogue writes ’ ("aujourd'hui").
    return word.strip().casefold().replace("’", "'")


def parse_day_or_word(text: str, today: date, field: str = "date") -> date:
    """A day written YYYY-MM-DD, or as ``today``, ``tomorrow`` or ``yesterday`` from
    ``today``, in English or in the user's language: what a go-to-date prompt accepts, on
    every screen the same."""
    word = _folded(text)
    for name, offset in DAY_WORDS.items():
        if word in (name, _folded(_(name))):
            return check_day(today + timedelta(days=offset), field)
    return parse_day(text, field)


def parse_clock(text: str, field: str = "time") -> time:
    """A wall-clock time written HH:MM (or H:MM); anything else names ``field``."""
    value = text.strip()
    try:
        hours, minutes = value.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise DomainError(
            _("{value!r} is not a time; write it as HH:MM, e.g. 09:30").format(value=value), field
        ) from None


def to_utc(day: date, moment: time, timezone: str, field: str = "time") -> datetime:
    """The UTC instant of ``day`` at ``moment`` in ``timezone``.

    A time inside a spring-forward gap does not exist there: rather than move it silently
    (a post planned at 02:30 going out at 03:30), the user is told and picks another.
    """
    check_day(day, field)  # a day at the end of what a date holds overflows below
    local = pendulum.datetime(
        day.year, day.month, day.day, moment.hour, moment.minute, tz=timezone, fold=0
    )
    if (local.hour, local.minute) != (moment.hour, moment.minute) or local.date() != day:
        raise DomainError(
            _(
                "{time} does not exist on {day} in {zone}: the clocks skip that hour; "
                "pick another time"
            ).format(time=moment.strftime("%H:%M"), day=day.isoformat(), zone=timezone),
            field,
        )
    return datetime.fromtimestamp(local.timestamp(), UTC)


def local(instant: datetime, timezone: str) -> pendulum.DateTime:
    """``instant`` as wall-clock time in ``timezone``: for showing and for local days."""
    return pendulum.instance(instant).in_timezone(timezone)


def day_bounds(day: date, timezone: str) -> tuple[datetime, datetime]:
    """UTC [start, end) of one local day (23 or 25 hours long on DST days)."""
    start = pendulum.datetime(day.year, day.month, day.day, tz=timezone)
    end = start.add(days=1)
    return (
        datetime.fromtimestamp(start.timestamp(), UTC),
        datetime.fromtimestamp(end.timestamp(), UTC),
    )


def days_bounds(first: date, last: date, timezone: str) -> tuple[datetime, datetime]:
    """UTC [start, end) covering the local days ``first`` to ``last`` included."""
    return day_bounds(first, timezone)[0], day_bounds(last, timezone)[1]
