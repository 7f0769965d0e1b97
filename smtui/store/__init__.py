"""Provides smtui's persistence: tables, engine, migrations and repositories.

Nothing here imports Textual; screens reach the database only through :class:`Store`.
"""

from smtui.store.errors import NotFoundError
from smtui.store.migrate import DatabaseError, UpgradeResult, backup_database, prepare_database
from smtui.store.store import Store

__all__ = [
    "DatabaseError",
    "NotFoundError",
    "Store",
    "UpgradeResult",
    "backup_database",
    "prepare_database",
]
