"""Provides where the workspace lives and how the app is configured for one run.

The database is chosen by ``--db``, else ``SMTUI_DB``, else a file in the user's data
directory (platformdirs), which is created on first use with owner-only permissions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "smtui"
DB_FILENAME = "smtui.sqlite"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_db_path(option: str | Path | None) -> tuple[Path, bool]:
    """The database path and whether it is the default one (whose folder smtui may create)."""
    if option:
        return Path(option).expanduser(), False
    env = os.environ.get("SMTUI_DB")
    if env:
        return Path(env).expanduser(), False
    return default_data_dir() / DB_FILENAME, True


def ensure_default_folder(path: Path) -> None:
    """Create the default data folder, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)


@dataclass(frozen=True, slots=True)
class Settings:
    """What one run of the app was started with."""

    db_path: Path
    language: str | None = None
    # The day's rolling copy, taken once the first frame is up (``smtui`` turns it on; tests
    # and embedders opt in).
    daily_backup: bool = False
