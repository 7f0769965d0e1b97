"""Provides the names of days and months in the user's language, and the few ways smtui
writes a date with them.

Not ``strftime``: its ``%A`` and ``%B`` follow the C library's locale, which Python leaves
at "C", so they stay English under a French catalogue. The order of a date's parts is a
message too: French writes "lundi 23 novembre 2026", and no leading zero on the day.
"""

from __future__ import annotations

from datetime import date, datetime

from smtui.domain.i18n import N_, _

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
SHORT_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
SHORT_MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def weekday_name(day: date, short: bool = False) -> str:
    return _((SHORT_WEEKDAYS if short else WEEKDAYS)[day.weekday()])


def month_name(day: date, short: bool = False) -> str:
    return _((SHORT_MONTHS if short else MONTHS)[day.month - 1])


def long_day(day: date) -> str:
    """ "Monday 23 November 2026": Today's bar and the brief's heading."""
    return _("{weekday} {day:02d} {month} {year}").format(
        weekday=weekday_name(day), day=day.day, month=month_name(day), year=day.year
    )


def day_and_month(day: date) -> str:
    """ "Monday 23 November": the calendar's day heading (the year is in the month's)."""
    return _("{weekday} {day:02d} {month}").format(
        weekday=weekday_name(day), day=day.day, month=month_name(day)
    )


def month_and_year(day: date) -> str:
    """ "November 2026"."""
    return _("{month} {year}").format(month=month_name(day), year=day.year)


def short_day(day: date) -> str:
    """ "23 Nov": a date in a table cell."""
    return _("{day:02d} {month}").format(day=day.day, month=month_name(day, short=True))


def short_day_year(day: date) -> str:
    """ "23 Nov 2026"."""
    return _("{day:02d} {month} {year}").format(
        day=day.day, month=month_name(day, short=True), year=day.year
    )


def weekday_and_day(day: date) -> str:
    """ "Mon 23": the agenda's day column."""
    return _("{weekday} {day:02d}").format(weekday=weekday_name(day, short=True), day=day.day)


def short_day_time(moment: datetime) -> str:
    """ "23 Nov 15:30": a moment on another day than the one shown."""
    return f"{short_day(moment.date())} {moment.strftime('%H:%M')}"


def weekday_time(moment: datetime) -> str:
    """ "Mon 08:12": a moment within the last week."""
    return f"{weekday_name(moment, short=True)} {moment.strftime('%H:%M')}"


def month_day(day: date) -> str:
    """ "Nov 12": an older day in a narrow column."""
    return _("{month} {day}").format(month=month_name(day, short=True), day=day.day)


def weekday_day_time(moment: datetime) -> str:
    """ "Sat 21 Nov 16:00": a moment in a sentence (a target, a snooze)."""
    return _("{weekday} {day} {month} {time}").format(
        weekday=weekday_name(moment, short=True),
        day=moment.day,
        month=month_name(moment, short=True),
        time=moment.strftime("%H:%M"),
    )


def day_time(moment: datetime) -> str:
    """ "21 Nov 16:00"."""
    return _("{day} {month} {time}").format(
        day=moment.day, month=month_name(moment, short=True), time=moment.strftime("%H:%M")
    )
