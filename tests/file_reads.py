"""Provides what tests read of a workspace file from outside the app: plain sqlite3
connections, opened and closed for each read, so that they hold no lock between reads."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import subprocess
import time
from pathlib import Path


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def count(path: Path, sql: str) -> int:
    return int(rows(path, sql)[0][0])


def integrity(path: Path) -> list[str]:
    return [str(row[0]) for row in rows(path, "PRAGMA integrity_check")]


def brand_names(path: Path) -> list[str]:
    return [str(row[0]) for row in rows(path, "SELECT name FROM brand ORDER BY name")]


def kill_once_staged(importer: subprocess.Popen[str], path: Path, table: str, at_least: int) -> int:
    """SIGKILL ``importer`` once ``table`` holds ``at_least`` staged rows (or it ended, or
    two minutes passed); return how many were staged when it was killed."""
    staged = 0
    deadline = time.monotonic() + 120
    while importer.poll() is None and time.monotonic() < deadline and staged < at_least:
        with contextlib.suppress(sqlite3.OperationalError):  # no table before the migration
            staged = count(path, f"SELECT count(*) FROM {table}")
        time.sleep(0.01)
    importer.send_signal(signal.SIGKILL)
    importer.communicate(timeout=60)
    return staged
