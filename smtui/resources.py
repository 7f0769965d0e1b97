"""Provides the paths of the files shipped beside the code: migrations and the stylesheet.

In a wheel they sit inside the package (``smtui/migrations``, ``smtui/smtui.tcss``); in a
source checkout or an editable install they sit at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource(name: str) -> Path:
    """The shipped file or folder called ``name``, wherever this install keeps it."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"smtui is installed without its {name!r}; reinstall it")
