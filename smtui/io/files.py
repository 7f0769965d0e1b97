"""Provides the file helpers every exporter shares: atomic writes and spreadsheet-safe cells."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

# A spreadsheet evaluates a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The text of a CSV cell that a spreadsheet will show, never evaluate.

    A leading quote is the OWASP-recommended neutraliser: spreadsheets hide it and treat
    the rest as text. Numbers are written as they are, since "-3" is a number, not a formula.
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@contextmanager
def atomic_write(path: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """Write ``path`` through a temporary file in the same folder, renamed at the end.

    Readers see the old file or the new one, never half of one; if the block raises, the
    temporary file is removed and the old file stays as it was.
    """
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
