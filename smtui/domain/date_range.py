"""Provides the one range of days smtui accepts, wherever a day comes in: typed in a form,
given on the command line, imported from a file, or frozen in ``SMTUI_NOW``.

Python's dates end at year 1 and year 9999, and smtui adds days to what it is given (the
day after, the week around, the days before in the brief): a day at either end overflowed
into a traceback. Four centuries either side of today is room for any real plan.
"""

from __future__ import annotations

from datetime import date

from smtui.domain.i18n import _

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def in_range(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def out_of_range_message(value: str) -> str:
    """The one line that names the day refused and the days accepted."""
    return _("{value} is outside the days smtui accepts: {first} to {last}").format(
        value=value, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
    )
