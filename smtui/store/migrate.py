"""Provides the migration runner: it brings a database file to the schema of this version of
smtui, after a backup copy, and refuses, leaving the file untouched, anything it must not
change (a file that is not an smtui database, or one written by a newer smtui)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from smtui.domain.i18n import _
from smtui.resources import resource
from smtui.store.engine import make_engine, sqlite_url

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """The database cannot be opened or upgraded; the message is for the user."""


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
    config = Config()
    config.set_main_option("script_location", str(migrations or resource("migrations")))
    return config


def head_revision(migrations: Path | None = None) -> str:
    head = ScriptDirectory.from_config(alembic_config(migrations)).get_current_head()
    assert head is not None, "smtui ships without migrations"
    return head


def known_revisions(migrations: Path | None = None) -> set[str]:
    scripts = ScriptDirectory.from_config(alembic_config(migrations))
    return {script.revision for script in scripts.walk_revisions()}


def _check_location(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(_("{path} is a directory, not a database file").format(path=path))
    if not path.parent.is_dir():
        raise DatabaseError(_("the folder {folder} does not exist").format(folder=path.parent))


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
    sidecars = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    query = "mode=ro" if any(side.exists() for side in sidecars) else "mode=ro&immutable=1"
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
        raise DatabaseError(
            _("{path} cannot be read: {error}").format(path=path, error=error)
        ) from error
    return row[0] if row else None


def backup_database(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` with SQLite's online backup: consistent even while open."""
    if target.exists():
        raise DatabaseError(_("{path} already exists; choose another name").format(path=target))
    if not target.parent.is_dir():
        raise DatabaseError(_("the folder {folder} does not exist").format(folder=target.parent))
    create_private_file(target)
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise DatabaseError(_("backup failed: {error}").format(error=error)) from error
    return target


def _upgrade(path: Path, migrations: Path | None) -> None:
    engine = make_engine(sqlite_url(path), foreign_keys=False)
    try:
        with engine.begin() as connection:
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
    _check_location(path)
    head = head_revision(migrations)
    if not path.exists():
        create_private_file(path)
    revision = current_revision(path) if path.stat().st_size else None
    if revision is not None and revision not in known_revisions(migrations):
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
        backup = backup_database(path, path.with_name(f"{path.name}.{revision}.{stamp}.bak"))
    _upgrade(path, migrations)
    return UpgradeResult(path, revision, head, backup)
