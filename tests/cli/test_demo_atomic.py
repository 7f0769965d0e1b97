"""Tests that ``smtui demo --force`` is all or nothing: killed with SIGKILL at any moment, the
workspace holds either the user's own brand, untouched, or the whole demo, never a mix."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from process_helpers import make_workspace, start_smtui

from smtui.domain.clock import Clock


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table, read the way smtui would (the -wal included)."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }
    finally:
        connection.close()


def run_demo(path: Path, kill_after: float | None) -> bool:
    """Run ``smtui demo --force``; with ``kill_after``, SIGKILL it then. True if it had
    finished on its own."""
    process = start_smtui("--db", path, "demo", "--force")
    if kill_after is None:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        return True
    time.sleep(kill_after)
    finished = process.poll() is not None
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    return finished


@pytest.fixture
def user_workspace(tmp_path: Path, clock: Clock) -> Path:
    (tmp_path / "user").mkdir()
    return make_workspace(tmp_path / "user" / "workspace.sqlite", clock)


def test_a_killed_demo_force_leaves_the_old_workspace_or_the_whole_demo(
    user_workspace: Path, tmp_path: Path
) -> None:
    complete = tmp_path / "complete" / "workspace.sqlite"
    complete.parent.mkdir()
    shutil.copyfile(user_workspace, complete)
    run_demo(complete, None)
    demo_counts, old_counts = row_counts(complete), row_counts(user_workspace)
    assert demo_counts != old_counts

    seen = set()
    delay, finished = 0.2, False
    while not finished and delay < 60:  # later and later, until the demo has completed
        trial = tmp_path / f"trial-{delay:.1f}" / "workspace.sqlite"
        trial.parent.mkdir()
        shutil.copyfile(user_workspace, trial)

        finished = run_demo(trial, delay)

        counts = row_counts(trial)
        assert counts in (old_counts, demo_counts), f"a mix after {delay} s: {counts}"
        seen.add("demo" if counts == demo_counts else "old")
        with sqlite3.connect(trial) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        delay += 0.3
    assert seen == {"old", "demo"}, seen  # killed before the rename, and after it


def test_a_side_file_left_by_a_kill_is_cleared_later(user_workspace: Path) -> None:
    """A demo killed half-way leaves its side file; the next demo an hour later removes it."""
    left = user_workspace.with_name(f".{user_workspace.name}.killed.demo")
    left.write_bytes(b"half a demo")
    os.utime(left, (time.time() - 7200, time.time() - 7200))

    run_demo(user_workspace, None)

    assert not left.exists()
    assert [p.name for p in user_workspace.parent.glob(".*.demo*")] == []
