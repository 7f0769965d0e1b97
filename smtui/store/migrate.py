"""Provides the migration runner: it brings a database file to the schema of this version of
smtui, after a backup copy, and refuses, leaving the file untouched, anything it must not
change (a file that is not an smtui database, or one written by a newer smtui)."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smtui.domain.i18n import _
from smtui.resources import resource
from smtui.store.sqlite_settings import IMMEDIATE, sqlite_url

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_HEADER = b"SQLite format 3\x00"
# A table every revision of smtui has had: a file stamped by Alembic without it is not ours.
SMTUI_TABLE = "brand"

# The two lines every revision file states about itself, as ``alembic revision`` writes them.
_REVISION_LINE = re.compile(r"""^revision(?:\s*:[^=]*)?\s*=\s*["']([\w.-]+)["']""", re.MULTILINE)
_DOWN_LINE = re.compile(
    r"""^down_revision(?:\s*:[^=]*)?\s*=\s*(?:None|["']([\w.-]+)["'])\s*$""", re.MULTILINE
)


class DatabaseError(Exception):
    """The database cannot be opened or upgraded; the message is for the user."""


class DamagedDatabaseError(DatabaseError):
    """An SQLite file SQLite itself cannot read: truncated or otherwise damaged."""


class TargetExistsError(DatabaseError):
    """A backup's name is taken: by an earlier copy, or by another smtui just now."""


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    path: Path
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(migrations: Path | None = None) -> Config:
    """Alembic's configuration for the shipped revisions, or for ``migrations`` (tests)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations or resource("migrations")))
    return config


@dataclass(frozen=True, slots=True)
class RevisionChain:
    """The revisions a migrations folder holds, and the newest of them."""

    head: str
    known: frozenset[str]


def read_revision_chain(migrations: Path | None = None) -> RevisionChain | None:
    """The revisions of ``migrations``, read from the files' own ``revision`` and
    ``down_revision`` lines, without importing Alembic.

    Importing Alembic costs every start about a quarter of a second, although a file already
    at the head needs nothing from it. None when the folder is anything but one straight
    line of plainly written revisions (a merge, a branch, a line this reader does not
    understand): Alembic then decides.
    """
    versions = (migrations or resource("migrations")) / "versions"
    parents: dict[str, str | None] = {}
    for script in sorted(versions.glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION_LINE.findall(text), _DOWN_LINE.findall(text)
        if len(revision) != 1 or len(down) != 1 or revision[0] in parents:
            return None
        parents[revision[0]] = down[0] or None
    children = {parent for parent in parents.values() if parent is not None}
    heads = set(parents) - children
    roots = [revision for revision, parent in parents.items() if parent is None]
    if len(heads) != 1 or len(roots) != 1 or not children <= set(parents):
        return None
    return RevisionChain(head=heads.pop(), known=frozenset(parents))


def _alembic_chain(migrations: Path | None) -> RevisionChain:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config(migrations))
    head = scripts.get_current_head()
    assert head is not None, "smtui ships without migrations"
    return RevisionChain(head, frozenset(script.revision for script in scripts.walk_revisions()))


def revision_chain(migrations: Path | None = None) -> RevisionChain:
    """The revisions smtui knows: read from the files when it can, from Alembic otherwise."""
    return read_revision_chain(migrations) or _alembic_chain(migrations)


def head_revision(migrations: Path | None = None) -> str:
    return revision_chain(migrations).head


def known_revisions(migrations: Path | None = None) -> set[str]:
    return set(revision_chain(migrations).known)


def _special_kind(path: Path) -> str | None:
    """What ``path`` is when it exists but is no regular file (a directory aside), or None.

    Asked of the file's mode, which opens nothing: opening a named pipe waits for a writer
    forever, and SQLite answers a device with "disk I/O error", which names nothing."""
    try:
        mode = path.stat().st_mode
    except OSError:  # missing (created later), or unreadable: the later steps say which
        return None
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode):
        return _("a character device")
    if stat.S_ISBLK(mode):
        return _("a block device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return None


def check_location(path: Path) -> None:
    """Refuse, before anything opens it, a path that cannot be a database file."""
    if path.is_dir():
        raise DatabaseError(_("{path} is a directory, not a database file").format(path=path))
    kind = _special_kind(path)
    if kind is not None:
        raise DatabaseError(_("{path} is {kind}, not a database file").format(path=path, kind=kind))
    if not path.parent.is_dir():
        raise DatabaseError(_("the folder {folder} does not exist").format(folder=path.parent))


def check_writable(path: Path) -> None:
    """Refuse up front what SQLite would refuse later, half-way through a user's action."""
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseError(
            _("{path} is read-only; smtui saves every change at once and needs to write it").format(
                path=path
            )
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseError(
            _(
                "the folder {folder} is read-only; smtui needs to create its -wal and -shm "
                "files beside the database"
            ).format(folder=path.parent)
        )


def _sidecars_exist(path: Path) -> bool:
    return any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm"))


def _damaged(path: Path, error: sqlite3.Error) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        _(
            "{path} cannot be read ({error}); it may be damaged: restore a backup with "
            "smtui db restore"
        ).format(path=path, error=error)
    )


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read: the workspace holds private plans."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def current_revision(path: Path) -> str | None:
    """The revision stamped in ``path``; None for an empty SQLite file.

    Opens the file read-only, so that a refusal leaves it as it was.
    """
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(
            _("{path} is not an smtui database (not an SQLite file)").format(path=path)
        )
    # A read-only connection to a WAL database creates -wal and -shm files and leaves them
    # behind. With neither file present the main file holds every committed transaction, so
    # it is read as immutable, which creates nothing.
    query = "mode=ro" if _sidecars_exist(path) else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseError(
                        _("{path} is an SQLite file but not an smtui database").format(path=path)
                    )
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error
    revision = row[0] if row else None
    if revision is not None and SMTUI_TABLE not in tables and revision not in known_revisions():
        # Another Alembic-managed application's file: a revision of its own, tables of its
        # own. Calling it "written by a newer smtui" would send the user upgrading for nothing.
        raise DatabaseError(
            _(
                "{path} is not an smtui workspace (an SQLite database of another application, "
                "schema {revision})"
            ).format(path=path, revision=revision)
        )
    return revision


def read_connection(path: Path) -> sqlite3.Connection:
    """A connection that only reads ``path``, an smtui database (checked by
    :func:`current_revision` first), and leaves nothing behind.

    While a -wal or -shm file exists, smtui may have the file open: read it read-only,
    through the write-ahead log. Otherwise a plain connection reads it and, being the last
    to close, removes the -wal and -shm files it created (a read-only one leaves them). A
    file or folder nobody may write is read as immutable, which creates nothing at all.
    """
    uri = path.resolve().as_uri()
    if _sidecars_exist(path):
        query = "mode=ro"
    elif os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK):
        query = "mode=rw"
    else:
        query = "mode=ro&immutable=1"
    try:
        return sqlite3.connect(f"{uri}?{query}", uri=True)
    except sqlite3.Error as error:
        raise _damaged(path, error) from error


def backup_database(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` with SQLite's online backup: consistent even while open."""
    taken = _("{path} already exists; choose another name").format(path=target)
    if target.exists():
        raise TargetExistsError(taken)
    if not target.parent.is_dir():
        raise DatabaseError(_("the folder {folder} does not exist").format(folder=target.parent))
    try:
        create_private_file(target)
    except FileExistsError as error:  # made between the check and here
        raise TargetExistsError(taken) from error
    try:
        src = read_connection(source)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except (sqlite3.Error, DatabaseError) as error:
        target.unlink(missing_ok=True)
        raise DatabaseError(_("backup failed: {error}").format(error=error)) from error
    return target


def _upgrade(path: Path, migrations: Path | None) -> None:
    # Imported here, not at the top: only a start that has an upgrade to make pays for it.
    from alembic import command

    from smtui.store.engine import make_engine

    engine = make_engine(sqlite_url(path), foreign_keys=False)
    try:
        # BEGIN IMMEDIATE: a second smtui starting at the same moment waits here, then finds
        # the file at head and has nothing to do, instead of failing with "database is locked".
        with engine.execution_options(**{IMMEDIATE: True}).begin() as connection:
            config = alembic_config(migrations)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseError(
                    _("the upgrade left broken links: {rows}").format(rows=problems[:5])
                )
    finally:
        engine.dispose()


def prepare_database(path: Path, now: datetime, migrations: Path | None = None) -> UpgradeResult:
    """Create or upgrade ``path`` to the head revision; back it up first if it holds data.

    ``migrations`` replaces the shipped revisions folder; tests use it to add a revision.
    """
    path = Path(path).expanduser()
    check_location(path)
    check_writable(path)
    chain = revision_chain(migrations)
    head = chain.head
    if not path.exists():
        with contextlib.suppress(FileExistsError):  # another smtui created it just now
            create_private_file(path)
    revision = current_revision(path) if path.stat().st_size else None
    if revision is not None and revision not in chain.known:
        raise DatabaseError(
            _(
                "{path} was written by a newer smtui (schema {revision}); upgrade smtui to open it"
            ).format(path=path, revision=revision)
        )
    if revision == head:
        return UpgradeResult(path, revision, head, None)
    backup = None
    if revision is not None:
        stamp = now.strftime("%Y%m%dT%H%M%SZ")
        name = f"{path.name}.{revision}.{stamp}"
        counter = 1
        while backup is None:
            target = path.with_name(f"{name}.bak" if counter == 1 else f"{name}-{counter}.bak")
            try:
                backup = backup_database(path, target)
            except TargetExistsError:  # a second smtui upgrading in the same second
                counter += 1
    _upgrade(path, migrations)
    return UpgradeResult(path, revision, head, backup)
