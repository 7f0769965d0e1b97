"""Provides the reader of Hootsuite's bulk-schedule CSV, so that a plan prepared for (or
kept in) Hootsuite comes into the calendar as it is.

The file has no header and three positional columns: the date and time, the message, and
an optional link. Hootsuite's uploader asks which date order the file uses
(``MM/DD/YYYY``, ``DD/MM/YYYY``, ``YYYY/MM/DD``) and wants a 24-hour time, e.g.
``11/24/2026 09:30``; smtui reads month first by default, day first with ``--day-first``,
and year first (``/`` or ``-``) always. The file carries no channel: ``--channel`` says
which one, and the time is taken in the brand's zone. Every post comes in as scheduled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from smtui.domain.i18n import _
from smtui.io.post_source import Draft, cell, read_rows

_STAMP = re.compile(
    r"^(?P<a>\d{1,4})[/-](?P<b>\d{1,2})[/-](?P<c>\d{1,4})\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})$"
)


def looks_like(record: list[str]) -> bool:
    """Whether a first line is a Hootsuite row: it starts with a date and time."""
    return bool(record) and _STAMP.match(cell(record[0])) is not None


def parse_stamp(text: str, day_first: bool = False) -> datetime:
    """The wall-clock time a cell holds; ValueError with a message naming the order."""
    match = _STAMP.match(text.strip())
    order = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
    if match is None:
        raise ValueError(
            _("{value!r} is not a date and time; write it as {order} HH:MM").format(
                value=text, order=order
            )
        )
    a, b, c = (int(match[name]) for name in ("a", "b", "c"))
    if len(match["a"]) == 4:
        year, month, day = a, b, c
    elif len(match["c"]) == 4:
        year, month, day = (c, b, a) if day_first else (c, a, b)
    else:
        raise ValueError(
            _("{value!r} has no four-digit year; write it as {order} HH:MM").format(
                value=text, order=order
            )
        )
    try:
        return datetime(year, month, day, int(match["hour"]), int(match["minute"]))
    except ValueError:
        raise ValueError(
            _("{value!r} is not a real date and time (read as {order} HH:MM)").format(
                value=text, order=order
            )
        ) from None


def read(path: Path, day_first: bool = False) -> Iterator[Draft]:
    """One draft per line, on the channel given by ``--channel`` (``channel`` left None)."""
    for line, record in read_rows(path):
        cells = [cell(value) for value in record]
        draft = Draft(line=line, channel=None)
        if len(cells) < 2 or any(cells[3:]):
            draft.fail(
                "",
                _(
                    "a Hootsuite line has 2 or 3 columns (date and time, message, link); found {n}"
                ).format(n=len(cells)),
            )
            yield draft
            continue
        try:
            draft.local = parse_stamp(cells[0], day_first)
        except ValueError as error:
            draft.fail("date", str(error))
        link = cells[2] if len(cells) > 2 else ""
        draft.values = {
            "body": cells[1],
            "link": link,
            "status": "scheduled",
            "post_type": "link" if link else "text",
        }
        yield draft
