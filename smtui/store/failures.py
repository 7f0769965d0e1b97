"""Provides what a failed store call means for the user, for the UI and the CLI alike.

A write can fail for reasons the user can act on: the row was deleted by another window, the
file is busy (another smtui, usually an import, holds the write lock), the disk is full, the
file may not be written. Each gets its own one-line message; anything else is a bug, said
as such. The classifier reads the exception chain (SQLAlchemy keeps the sqlite3 error as
``orig``) without importing SQLAlchemy, so the CLI pays nothing for it on a clean run.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import Enum
from pathlib import Path

from smtui.domain.i18n import _
from smtui.store.errors import NotFoundError


class FailureKind(Enum):
    DELETED = "deleted"  # the row is gone: another window or process deleted it
    BUSY = "busy"  # the write lock stayed taken for the whole busy timeout
    FULL = "full"  # the disk (or SQLite's page limit) has no room left
    DENIED = "denied"  # the file or its folder may not be written
    UNEXPECTED = "unexpected"  # a store error none of the above explains: a bug


_BUSY = ("database is locked", "database table is locked", "database is busy")
_FULL = ("database or disk is full", "disk is full")
_DENIED = ("readonly database", "unable to open database file", "permission denied")


def _chain(error: BaseException) -> list[BaseException]:
    """The error, what it wraps (SQLAlchemy's ``orig``) and what caused it, each once."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop()
        if current is None or any(current is known for known in seen):
            continue
        seen.append(current)
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [current.__cause__, current.__context__]
    return seen


def _is_store_error(error: BaseException) -> bool:
    module = type(error).__module__
    return isinstance(error, sqlite3.Error) or module.startswith("sqlalchemy")


def classify(error: BaseException) -> FailureKind | None:
    """The kind of a store failure, or None when ``error`` did not come from the store
    (a bug elsewhere, a user's bad input): callers handle those their own way."""
    chain = _chain(error)
    if any(isinstance(item, NotFoundError) for item in chain):
        return FailureKind.DELETED
    for item in chain:
        text = str(item).lower()
        if isinstance(item, sqlite3.Error) or _is_store_error(item):
            if any(marker in text for marker in _BUSY):
                return FailureKind.BUSY
            if any(marker in text for marker in _FULL):
                return FailureKind.FULL
            if any(marker in text for marker in _DENIED):
                return FailureKind.DENIED
        if isinstance(item, PermissionError):
            return FailureKind.DENIED
        if isinstance(item, OSError) and item.errno in (errno.ENOSPC, errno.EDQUOT):
            return FailureKind.FULL
    if any(_is_store_error(item) for item in chain):
        return FailureKind.UNEXPECTED
    return None


def failure_message(kind: FailureKind, path: Path, log: Path | None = None) -> str:
    """The one line that tells the user what happened to ``path`` and what to do.

    ``log`` is where an unexpected error's details were written (the UI keeps a log; the
    CLI prints none and passes None)."""
    if kind is FailureKind.DELETED:
        return _("This item was deleted elsewhere")
    if kind is FailureKind.BUSY:
        return _(
            "The workspace {path} stays busy (another program is writing to it); "
            "nothing was saved, try again in a moment"
        ).format(path=path)
    if kind is FailureKind.FULL:
        return _(
            "The disk holding {path} is full; nothing was saved. Free some space and try again"
        ).format(path=path)
    if kind is FailureKind.DENIED:
        return _(
            "smtui may not write to {path} or its folder; nothing was saved. Check the permissions"
        ).format(path=path)
    if log is not None:
        return _("Something went wrong; nothing was saved. The details are in {log}").format(
            log=log
        )
    return _("Something went wrong with the workspace {path}; nothing was saved").format(path=path)


def busy_retrying_message() -> str:
    """Said while a write waits for another program's lock, before it is tried again."""
    return _("The workspace is busy (an import is running), retrying…")
