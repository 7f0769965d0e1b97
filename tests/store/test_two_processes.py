"""Tests of two smtui processes on one file at once, with real processes: two writers, a
writer beside a CLI import, two first starts racing to create the same file, and the UI
showing another process's writes when its screen comes back into view."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from process_helpers import (
    REPO,
    WRITER,
    child_env,
    make_workspace,
    start_smtui,
    start_writer,
    write_inbox_file,
)
from upgrade_support import database_at

from smtui.domain.clock import Clock
from smtui.screens.queue.screen import QueueScreen
from smtui.store import Store
from smtui.store.migrate import current_revision, head_revision

STEPS = 150


@pytest.fixture
def workspace(db_path: Path, clock: Clock) -> Path:
    return make_workspace(db_path, clock)


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def finish(process: subprocess.Popen[str]) -> tuple[str, str]:
    try:
        output, errors = process.communicate(timeout=300)
    finally:
        process.kill()  # a no-op once it has ended; a hung process must not outlive the test
    assert process.returncode == 0, errors
    assert "locked" not in errors and "Traceback" not in errors
    return output, errors


def test_two_writers_at_once_both_land(workspace: Path) -> None:
    first, second = start_writer(workspace, "left", STEPS), start_writer(workspace, "right", STEPS)

    for process in (first, second):
        output, _errors = finish(process)
        assert output.splitlines()[-1] == "done"

    found = rows(workspace, "SELECT author_name, count(*) FROM inbox_item GROUP BY author_name")
    assert sorted(found) == [("left", STEPS), ("right", STEPS)]
    (settings,) = rows(
        workspace, "SELECT count(*) FROM setting WHERE key LIKE 'left-%' OR key LIKE 'right-%'"
    )
    assert settings == (2 * STEPS,)
    assert rows(workspace, "PRAGMA integrity_check") == [("ok",)]


def test_a_cli_import_beside_a_writer_both_land(workspace: Path, tmp_path: Path) -> None:
    source = tmp_path / "inbox.csv"
    write_inbox_file(source, 5000)
    writer = start_writer(workspace, "writer", STEPS)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    importer = start_smtui("--db", workspace, "import", "inbox", source)

    imported, _errors = finish(importer)
    finish(writer)

    assert "Imported 5000 items" in imported
    found = dict(rows(workspace, "SELECT source = 'manual', count(*) FROM inbox_item GROUP BY 1"))
    assert found == {0: 5000, 1: STEPS}


@pytest.mark.slow
def test_two_first_starts_on_a_new_file_both_succeed(tmp_path: Path) -> None:
    """Two smtui started at the same moment on a file that does not exist yet: one creates
    and migrates it, the other waits for it, and neither fails."""
    for attempt in range(4):
        path = tmp_path / f"race-{attempt}.sqlite"
        processes = [start_smtui("--db", path, "db", "upgrade") for _ in range(2)]
        for process in processes:
            finish(process)
        assert current_revision(path) == head_revision()
        assert rows(path, "PRAGMA integrity_check") == [("ok",)]


async def test_the_queue_shows_another_process_writes_when_it_comes_back(
    make_smtui_app, store: Store, workspace: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        assert screen.table.row_count == 0

        writer = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, str(WRITER), str(workspace), "elsewhere", "3"],
            cwd=REPO,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert writer.returncode == 0, writer.stderr
        assert screen.table.row_count == 0  # nothing moves under the user's cursor

        await pilot.press("5")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()

        assert app.screen is screen
        assert screen.table.row_count == 3
        assert sorted(item.text for item in screen.items) == [
            f"elsewhere wrote item {step}" for step in range(3)
        ]


@pytest.mark.slow
def test_two_starts_upgrading_an_older_file_both_succeed(tmp_path: Path) -> None:
    """Two smtui of a new version open a workspace of the previous one at the same moment:
    the upgrade runs once, the other waits for it, and both copies made first are whole."""
    for attempt in range(3):
        path = database_at(tmp_path / f"old-{attempt}.sqlite", "0001_initial")
        connection = sqlite3.connect(path)
        with connection:
            connection.execute(
                "INSERT INTO brand (name, timezone, description, voice_tone, dos, donts, "
                "created_at) VALUES ('Maple', 'UTC', '', '', '', '', '2026-11-01 12:00:00')"
            )
        connection.close()

        processes = [start_smtui("--db", path, "db", "upgrade") for _ in range(2)]
        for process in processes:
            finish(process)

        assert current_revision(path) == head_revision()
        assert rows(path, "SELECT name FROM brand") == [("Maple",)]
        assert rows(path, "PRAGMA integrity_check") == [("ok",)]
        for backup in tmp_path.glob(f"old-{attempt}.sqlite.*.bak"):
            assert rows(backup, "SELECT name FROM brand") == [("Maple",)]
