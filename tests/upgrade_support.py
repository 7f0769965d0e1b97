"""Provides databases at a given schema revision, filled the way that revision's smtui would
have filled them, for the upgrade and restore tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from smtui.store.engine import make_engine, sqlite_url
from smtui.store.migrate import alembic_config, create_private_file


def database_at(path: Path, revision: str) -> Path:
    """A new database file migrated up to ``revision`` (not further), through Alembic as the
    app runs it."""
    create_private_file(path)
    engine = make_engine(sqlite_url(path), foreign_keys=False)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()
    return path
