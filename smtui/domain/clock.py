"""Provides the one source of "now" in smtui.

``SMTUI_NOW`` (an ISO 8601 instant) freezes the clock so that demos, tests and snapshots
run at a fixed time; everything that needs the current time asks :func:`now` or receives a
``Clock`` built from it, never ``datetime.now()`` directly.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime

from smtui.domain.date_range import in_range, out_of_range_message

Clock = Callable[[], datetime]


class ClockError(ValueError):
    """Raised when SMTUI_NOW holds something that is not an instant."""


def parse_instant(text: str) -> datetime:
    """Read an ISO 8601 instant; a value without an offset is taken as UTC."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ClockError(f"SMTUI_NOW={text!r} is not an ISO 8601 instant") from error
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
    except OverflowError:  # 0001-01-01 east of UTC, 9999-12-31 west of it
        value = value.replace(tzinfo=None)  # only to name the range below
    if not in_range(value.date()):
        raise ClockError(f"SMTUI_NOW: {out_of_range_message(text.strip())}")
    return value


def now() -> datetime:
    """The current instant in UTC, or the frozen one from ``SMTUI_NOW``."""
    frozen = os.environ.get("SMTUI_NOW")
    if frozen:
        return parse_instant(frozen)
    return datetime.now(UTC)


def fixed(instant: datetime) -> Clock:
    """A clock that always answers ``instant``: for tests that need a time of their own."""
    value = instant.astimezone(UTC)
    return lambda: value
