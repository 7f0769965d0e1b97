"""Provides how smtui opens an SQLite file, in a module that imports nothing: the engine
(SQLAlchemy) and the snapshot reader (bare ``sqlite3``) both wait the same time for a lock
and name the file the same way."""

from __future__ import annotations

from pathlib import Path

BUSY_TIMEOUT_MS = 10_000
SYNCHRONOUS = "FULL"
IMMEDIATE = "smtui_immediate"  # the execution option that makes a transaction BEGIN IMMEDIATE


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"
