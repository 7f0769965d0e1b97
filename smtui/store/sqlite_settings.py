"""Provides how smtui opens an SQLite file, in a module that imports nothing: the engine
(SQLAlchemy) and the snapshot reader (bare ``sqlite3``) both wait the same time for a lock
and name the file the same way."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000
BUSY_TIMEOUT_VAR = "SMTUI_BUSY_TIMEOUT_MS"
SYNCHRONOUS = "FULL"
IMMEDIATE = "smtui_immediate"  # the execution option that makes a transaction BEGIN IMMEDIATE
# How SQLAlchemy's SQLite DATETIME stores an instant (naive UTC text, four-digit year): the
# snapshot's parameters and the imports' inline formatting both write it this way.
STORED_INSTANT = "%04d-%02d-%02d %02d:%02d:%02d.%06d"


def busy_timeout_ms() -> int:
    """How long a connection waits for another's lock: 10 s, or ``SMTUI_BUSY_TIMEOUT_MS``
    (tests shorten it so that a busy file fails in a fraction of a second, not ten)."""
    value = os.environ.get(BUSY_TIMEOUT_VAR, "").strip()
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def stored_instant(value: datetime) -> str:
    """An aware instant as the UTCDateTime column stores it on SQLite."""
    v = value.astimezone(UTC)
    return STORED_INSTANT % (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)
