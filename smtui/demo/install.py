"""Provides building the demo beside the workspace, for ``smtui demo``: the demo is written
into a copy of the workspace in the same folder, which the command then renames into place
in one step, so that a kill half-way leaves the user's workspace as it was, never half a
demo over half of their brands."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from smtui.demo import fill_demo
from smtui.demo.workspace import remove_brands
from smtui.domain.clock import Clock
from smtui.store import Store, backup_database
from smtui.store.backup import STALE_PARTIAL_SECONDS


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the command tells the user it made."""

    name: str
    channels: int
    objectives: int
    personas: int
    pillars: int


def build_demo_file(workspace: Path, clock: Clock) -> tuple[Path, DemoSummary]:
    """A copy of ``workspace`` beside it (same disk, so the rename is one step) whose brands
    are replaced by the demo; the caller installs or removes it."""
    real = workspace.resolve()
    _remove_stale_side_files(real)
    descriptor, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".demo", dir=real.parent)
    os.close(descriptor)
    side = Path(name)
    side.unlink()  # backup_database makes the file itself, private
    try:
        backup_database(real, side)
        store, _result = Store.open(side, clock)
        try:
            remove_brands(store)
            brand = fill_demo(store, clock)
            assert brand.id is not None
            summary = DemoSummary(
                name=brand.name,
                channels=len(store.channels.list(brand.id)),
                objectives=len(store.objectives.list(brand.id)),
                personas=len(store.personas.list(brand.id)),
                pillars=len(store.pillars.list(brand.id)),
            )
        finally:
            store.close()
    except BaseException:
        remove_side_file(side)
        raise
    return side, summary


def remove_side_file(side: Path) -> None:
    """The side file and what SQLite keeps beside it, once it is installed or abandoned."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            side.with_name(side.name + suffix).unlink()


def _remove_stale_side_files(real: Path) -> None:
    """Demos cut short by a kill: an hour-old side file is nobody's work, and on a large
    workspace it is as large as the workspace."""
    limit = time.time() - STALE_PARTIAL_SECONDS
    for side in real.parent.glob(f".{real.name}.*.demo"):
        with contextlib.suppress(OSError):
            if side.stat().st_mtime < limit:
                remove_side_file(side)
