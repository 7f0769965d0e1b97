"""Tests that a kill -9 at any moment loses nothing committed: a real writer process is
killed mid-stream at several points, then the file must pass SQLite's integrity check and
hold every write it acknowledged; an import killed part-way adds all its items or none."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from process_helpers import make_workspace, start_smtui, start_writer, write_inbox_file

from smtui.cli import cli
from smtui.domain.clock import Clock
from smtui.store import Store


@pytest.fixture
def workspace(db_path: Path, clock: Clock) -> Path:
    return make_workspace(db_path, clock)


def acknowledged(lines: list[str]) -> list[int]:
    return [int(line.split()[1]) for line in lines if line.startswith("ack ")]


def integrity(db_path: Path) -> list[str]:
    connection = sqlite3.connect(db_path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def stored_steps(db_path: Path, label: str) -> tuple[set[int], set[int]]:
    """The steps of ``label`` found in the reply queue and in the settings."""
    connection = sqlite3.connect(db_path)
    try:
        items = {
            int(row[0].rsplit("-", 1)[1])
            for row in connection.execute(
                "SELECT external_id FROM inbox_item WHERE author_name = ?", (label,)
            )
        }
        settings = {
            int(row[0])
            for row in connection.execute(
                "SELECT value FROM setting WHERE key LIKE ?", (f"{label}-%",)
            )
        }
    finally:
        connection.close()
    return items, settings


@pytest.mark.parametrize("kill_after", [1, 30, 200])
def test_kill_9_loses_no_acknowledged_write(workspace: Path, kill_after: int) -> None:
    writer = start_writer(workspace, "w")
    assert writer.stdout is not None
    lines: list[str] = []
    try:
        while len(acknowledged(lines)) < kill_after:
            line = writer.stdout.readline()
            assert line, "the writer stopped before the kill"
            lines.append(line.strip())
    finally:
        writer.send_signal(signal.SIGKILL)
        rest, _errors = writer.communicate(timeout=60)
    lines += rest.splitlines()
    acks = acknowledged(lines)

    assert writer.returncode == -signal.SIGKILL
    assert "done" not in lines  # killed mid-stream, not after the end
    assert len(acks) >= kill_after
    assert integrity(workspace) == ["ok"]
    items, settings = stored_steps(workspace, "w")
    assert set(acks) <= items
    assert set(acks) <= settings
    # Only the write in flight at the kill may be there without its acknowledgement.
    assert items <= set(range(max(acks) + 2))


def test_the_killed_file_opens_and_checks_clean(workspace: Path, clock: Clock) -> None:
    writer = start_writer(workspace, "w")
    assert writer.stdout is not None
    while not writer.stdout.readline().startswith("ack 20"):
        pass
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=60)
    assert workspace.with_name(workspace.name + "-wal").exists()  # the kill left the WAL behind

    result = CliRunner().invoke(cli, ["--db", str(workspace), "db", "check"])

    assert result.exit_code == 0, result.output
    assert "Integrity: ok" in result.output
    store, opened = Store.open(workspace, clock)
    try:
        assert not opened.upgraded
        assert store.settings.get("w-20") == "20"
    finally:
        store.close()


@pytest.mark.parametrize("wal_bytes", [64_000, 1_000_000, 2_000_000])
def test_an_import_killed_part_way_adds_all_or_nothing(
    workspace: Path, tmp_path: Path, wal_bytes: int
) -> None:
    """A real ``smtui import inbox`` of 20,000 items is killed once its transaction has
    spilled ``wal_bytes`` into the write-ahead log, that is in the middle of writing: the
    queue then holds none of the file, and never part of it."""
    rows = 20_000
    source = tmp_path / "inbox.csv"
    write_inbox_file(source, rows)
    wal = workspace.with_name(workspace.name + "-wal")
    process = start_smtui("--db", workspace, "import", "inbox", source)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size >= wal_bytes:
            break
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    output, _errors = process.communicate(timeout=60)

    assert integrity(workspace) == ["ok"]
    connection = sqlite3.connect(workspace)
    try:
        (count,) = connection.execute("SELECT count(*) FROM inbox_item").fetchone()
    finally:
        connection.close()
    if "Imported" in output:  # the kill came too late: the import had finished
        assert count == rows
    else:
        assert count in (0, rows)
