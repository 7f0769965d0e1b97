"""Provides restoring a backup over the workspace and the rolling daily backups.

Both sit beside the database (smtui's own backups go in a ``backups`` folder next to the
file), so that each workspace, wherever ``--db`` puts it, keeps its copies with it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smtui.domain.i18n import _
from smtui.store.migrate import (
    DamagedDatabaseError,
    DatabaseError,
    backup_database,
    check_location,
    check_writable,
    current_revision,
    read_connection,
    revision_chain,
)

if TYPE_CHECKING:
    from smtui.store.store import Store

DAILY_FOLDER = "backups"
DEFAULT_KEEP = 7
KEEP_SETTING = "daily_backups_keep"
LOCK_TIMEOUT_S = 0.5
STALE_PARTIAL_SECONDS = 3600
DAMAGED_SUFFIX = ".damaged"


class DamagedCopyError(DatabaseError):
    """The day's copy failed SQLite's integrity check: the workspace itself is damaged.

    ``good`` is the newest daily copy that passed, the one to restore (None if none did)."""

    def __init__(self, message: str, damaged: Path, good: Path | None) -> None:
        super().__init__(message)
        self.damaged, self.good = damaged, good


def daily_folder(database: Path) -> Path:
    return database.parent / DAILY_FOLDER


def _daily_pattern(database: Path) -> re.Pattern[str]:
    return re.compile(
        rf"{re.escape(database.stem)}-(\d{{4}}-\d{{2}}-\d{{2}}){re.escape(database.suffix)}"
    )


def daily_backups(database: Path) -> list[tuple[date, Path]]:
    """The daily copies of ``database``, newest first."""
    folder = daily_folder(database)
    if not folder.is_dir():
        return []
    pattern = _daily_pattern(database)
    found = []
    for item in folder.iterdir():
        match = pattern.fullmatch(item.name)
        if match:
            try:
                found.append((date.fromisoformat(match.group(1)), item))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def daily_keep(store: Store) -> int:
    """How many daily copies the workspace keeps (``smtui db backups --keep N`` sets it)."""
    value = store.settings.get(KEEP_SETTING)
    try:
        return max(int(value), 0) if value is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def prune_daily_backups(database: Path, keep: int) -> list[Path]:
    """Remove all but the ``keep`` newest daily copies; returns what was removed."""
    removed = [old for _day, old in daily_backups(database)[max(keep, 0) :]]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def take_daily_backup(database: Path, now: datetime, keep: int = DEFAULT_KEEP) -> Path | None:
    """Copy ``database`` to ``backups/<name>-<day>`` on the first call of each local day, then
    remove all but the ``keep`` newest copies. Returns the new copy, None if today's exists.

    The day is the machine's, the one the user lives in. The copy is written under a
    temporary name and renamed, so a copy cut short by a crash is never taken for today's.
    ``keep`` 0 turns the copies off (and leaves any existing ones alone).
    """
    if keep <= 0:
        return None
    day = now.astimezone().date()
    folder = daily_folder(database)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{database.stem}-{day.isoformat()}{database.suffix}"
    made = None
    if not target.exists():
        _remove_stale_partials(folder, target.name)
        partial = folder / f".{target.name}.{os.getpid()}.tmp"
        partial.unlink(missing_ok=True)
        backup_database(database, partial)
        problems = _integrity_problems(partial)
        if problems:
            # Kept apart under a name the rotation ignores: a damaged copy must never push
            # the last good one out, and is worth keeping to see what went wrong.
            damaged = folder / f"{target.name}{DAMAGED_SUFFIX}"
            os.replace(partial, damaged)
            prune_daily_backups(database, keep)
            raise _damaged_copy(damaged, problems, database)
        os.replace(partial, target)
        made = target
    prune_daily_backups(database, keep)
    return made


def _integrity_problems(path: Path) -> list[str]:
    """What SQLite's integrity check finds wrong in the file at ``path``; [] when whole."""
    connection = read_connection(path)
    try:
        found = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()
    return [] if found == ["ok"] else found


def _damaged_copy(damaged: Path, problems: list[str], database: Path) -> DamagedCopyError:
    """The error that tells the user the workspace is damaged and the way back to the newest
    good copy: the copy was checked, so the damage is in the workspace itself."""
    good = next((path for _day, path in daily_backups(database)), None)
    said = _("The database is damaged ({problem}); today's backup was kept apart as {damaged}.")
    message = said.format(problem=problems[0], damaged=damaged)
    if good is None:
        message += " " + _("No earlier backup to restore; run smtui db check for details.")
    else:
        message += " " + _("Close smtui and run: smtui db restore {backup}").format(backup=good)
    return DamagedCopyError(message, damaged, good)


def _remove_stale_partials(folder: Path, name: str) -> None:
    """Copies cut short by a kill or a power cut: a partial an hour old is nobody's work."""
    limit = time.time() - STALE_PARTIAL_SECONDS
    for partial in folder.glob(f".{name}.*.tmp"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < limit:
                partial.unlink()


def verify_backup(path: Path) -> str:
    """The revision of the backup at ``path`` once it has proved whole: an smtui database
    this version can open, passing SQLite's integrity and foreign-key checks."""
    if not path.is_file():
        raise DatabaseError(_("there is no backup file at {path}").format(path=path))
    revision = current_revision(path)
    if revision is None:
        raise DatabaseError(_("{path} is an empty database, not a backup").format(path=path))
    if revision not in revision_chain().known:
        raise DatabaseError(
            _(
                "{path} was written by a newer smtui (schema {revision}); upgrade smtui first"
            ).format(path=path, revision=revision)
        )
    connection = read_connection(path)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            _("{path} fails the integrity check: {error}").format(path=path, error=error)
        ) from error
    finally:
        connection.close()
    if integrity != ["ok"] or broken:
        raise DatabaseError(
            _("{path} fails the integrity check: {problems}").format(
                path=path, problems="; ".join(integrity[:3]) if integrity != ["ok"] else broken[:3]
            )
        )
    return revision


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored: Path
    revision: str
    previous: Path | None  # the copy of the file that was replaced, if there was one


def free_name(path: Path, label: str) -> Path:
    """A backup name beside ``path`` that is not taken yet, so no earlier backup is lost."""
    candidate = path.with_name(f"{path.name}.{label}.bak")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{label}-{counter}.bak")
        counter += 1
    return candidate


def _lock_out_others(target: Path) -> sqlite3.Connection | None:
    """A connection holding ``target`` so that no one else can read or write it until it is
    closed; None when SQLite cannot open the file at all (a damaged file is what one
    restores over). Refuses when another program, such as a running smtui, has it open."""
    connection = sqlite3.connect(target, timeout=LOCK_TIMEOUT_S, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")  # exclusive locking mode keeps the lock until close
    except sqlite3.OperationalError as error:
        connection.close()
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseError(
                _("{path} is open in smtui or another program; close it, then restore").format(
                    path=target
                )
            ) from error
        return None
    except sqlite3.DatabaseError:
        connection.close()
        return None
    return connection


def _save_previous(target: Path, lock: sqlite3.Connection | None, label: str) -> Path:
    """Keep the file about to be replaced: a consistent copy through the lock's connection,
    or, for a file SQLite cannot read, its bytes and its -wal as they are."""
    copy = free_name(target, label)
    if lock is not None:
        fd = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        destination = sqlite3.connect(copy)
        try:
            lock.backup(destination)
            return copy
        except sqlite3.DatabaseError:
            copy.unlink(missing_ok=True)
        finally:
            destination.close()
    shutil.copyfile(target, copy)
    os.chmod(copy, 0o600)
    wal = target.with_name(target.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def _hold_without_wal(lock: sqlite3.Connection) -> None:
    """Fold the old file's -wal into it and hold it in an open exclusive transaction, so
    the lock lasts through the rename and no stale -wal is left to be replayed onto the
    restored file. A damaged file may refuse: the lock is then kept as it is."""
    with contextlib.suppress(sqlite3.DatabaseError):
        lock.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lock.execute("PRAGMA journal_mode = DELETE")
    with contextlib.suppress(sqlite3.DatabaseError):
        lock.execute("BEGIN EXCLUSIVE")


def _swap(partial: Path, target: Path, lock: sqlite3.Connection | None) -> None:
    """Rename ``partial`` over ``target`` in one step while ``lock`` still holds the old
    file, so that no write lands in it between the check and the rename, then drop the old
    file's -wal and -shm, whose pages belong to the file that was replaced."""
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.chmod(partial, 0o600)
    if lock is not None:
        _hold_without_wal(lock)
    os.replace(partial, target)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


def install_database(built: Path, target: Path, label: str | None) -> Path | None:
    """Put the finished database ``built`` (in ``target``'s folder) in ``target``'s place in
    one step, first saving the current file as ``<file>.<label>.bak`` when ``label`` is
    given; returns that copy. A kill at any moment leaves the old file or the new one, never
    a mix: what ``smtui demo --force`` needs. Refuses while anyone has ``target`` open."""
    if target.is_symlink():
        target = target.resolve()
    with contextlib.closing(sqlite3.connect(built)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the one file
    lock = _lock_out_others(target) if target.exists() else None
    try:
        previous = _save_previous(target, lock, label) if label and target.exists() else None
        _swap(built, target, lock)
    except sqlite3.Error as error:
        raise DatabaseError(
            _("could not replace the database: {error}").format(error=error)
        ) from error
    finally:
        if lock is not None:
            lock.close()
    return previous


def restore_database(backup: Path, target: Path, now: datetime) -> RestoreResult:
    """Replace ``target`` by ``backup`` once the backup has passed its checks, after saving
    the current file beside it; refuses while anyone has ``target`` open.

    The backup is copied to a temporary file in the target's folder and renamed over the
    target, so a crash leaves the old file or the restored one, never a mix; the old file's
    -wal and -shm are removed, since their pages belong to the file that was replaced.
    """
    backup, target = backup.expanduser(), target.expanduser()
    if target.is_symlink():
        # Write through the link: replacing the link by a file would leave the user's real
        # file, the one the link points to, with the old data.
        target = target.resolve()
    check_location(target)
    check_writable(target)
    revision = verify_backup(backup)
    if target.exists() and target.resolve() == backup.resolve():
        raise DatabaseError(_("{path} is the workspace itself").format(path=backup))
    if target.exists() and target.stat().st_size:
        # Replace an smtui database, even a damaged one (that is what backups are for), but
        # never a file --db named by mistake.
        with contextlib.suppress(DamagedDatabaseError):
            current_revision(target)
    lock = _lock_out_others(target) if target.exists() else None
    previous = None
    descriptor, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".restore", dir=target.parent
    )
    os.close(descriptor)
    partial = Path(name)
    try:
        if target.exists():
            previous = _save_previous(target, lock, f"before-restore.{now:%Y%m%dT%H%M%SZ}")
        source, destination = read_connection(backup), sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        _swap(partial, target, lock)
    except sqlite3.Error as error:
        raise DatabaseError(_("restore failed: {error}").format(error=error)) from error
    finally:
        if lock is not None:
            lock.close()
        partial.unlink(missing_ok=True)
    return RestoreResult(target, revision, previous)
