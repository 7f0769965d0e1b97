"""Tests that a large import writes in short transactions: another process keeps writing
while it runs (no write waits seconds behind it), and an import killed part-way leaves
nothing in the queue, its staged rows being deleted by its run's id at the next import."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from process_helpers import make_workspace, start_smtui, start_writer, write_inbox_file

from smtui.domain.clock import Clock

ROWS = 40_000
LARGE = 200_000  # in one transaction: a write waited 2.6 s behind it


@pytest.fixture
def workspace(db_path: Path, clock: Clock) -> Path:
    return make_workspace(db_path, clock)


def count(db_path: Path, sql: str) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
# Timed: it runs with the other process tests, one at a time, not beside three busy workers.
@pytest.mark.xdist_group("processes")
def test_writes_go_on_during_a_large_import(workspace: Path, tmp_path: Path) -> None:
    """A writer in another process times each of its writes while 200,000 rows are
    imported. Written in one transaction (the code before the batches), they held the write
    lock long enough that a write waited 2.6 s; staged in batches, the longest wait is the
    publication's (1.0 s measured)."""
    source = tmp_path / "inbox.csv"
    write_inbox_file(source, LARGE)
    writer = start_writer(workspace, "w", timed=True)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    acks: list[tuple[float, int, float]] = []  # (when read, step, seconds its longest write took)

    def listen() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            if line.startswith("ack "):
                _ack, step, took = line.split()
                acks.append((time.monotonic(), int(step), float(took)))

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    begun = time.monotonic()
    importer = start_smtui("--db", workspace, "import", "inbox", source)
    try:
        output, errors = importer.communicate(timeout=300)
    finally:
        importer.kill()  # a no-op once it has ended
    ended = time.monotonic()
    time.sleep(0.5)
    writer_alive = writer.poll() is None
    writer.send_signal(signal.SIGKILL)
    _rest, writer_errors = writer.communicate(timeout=60)
    listener.join(timeout=10)

    assert importer.returncode == 0, errors
    assert f"Imported {LARGE} items" in output
    assert writer_alive, f"a write failed behind the import: {writer_errors[-500:]}"
    during = [took for moment, _step, took in acks if begun <= moment <= ended]
    assert len(during) >= 20, "the writer hardly wrote while the import ran"
    longest = max(took for _moment, _step, took in acks)
    assert longest < 2.0, f"a write waited {longest:.1f} s behind the import"
    stored = count(workspace, "SELECT count(*) FROM inbox_item WHERE author_name = 'w'")
    assert stored >= len(acks)  # nothing the writer was told is committed is lost
    assert count(workspace, "SELECT count(*) FROM inbox_item WHERE author_name != 'w'") == LARGE
    assert count(workspace, "SELECT count(*) FROM inbox_import_row") == 0


def test_a_killed_import_shows_nothing_and_the_next_one_cleans_it_up(
    workspace: Path, tmp_path: Path
) -> None:
    source = tmp_path / "inbox.csv"
    write_inbox_file(source, ROWS)
    importer = start_smtui("--db", workspace, "import", "inbox", source)
    staged = 0
    deadline = time.monotonic() + 120
    while importer.poll() is None and time.monotonic() < deadline and staged < 10_000:
        with contextlib.suppress(sqlite3.OperationalError):  # no table before the migration
            staged = count(workspace, "SELECT count(*) FROM inbox_import_row")
        time.sleep(0.01)
    importer.send_signal(signal.SIGKILL)
    importer.communicate(timeout=60)

    assert staged >= 10_000, "the import was not caught part-way"
    assert count(workspace, "SELECT count(*) FROM inbox_item") == 0  # none of it visible
    assert count(workspace, "SELECT count(*) FROM import_run") == 1

    again = start_smtui("--db", workspace, "import", "inbox", source)
    output, errors = again.communicate(timeout=300)

    assert again.returncode == 0, errors
    assert f"Imported {ROWS} items" in output
    assert count(workspace, "SELECT count(*) FROM inbox_item") == ROWS
    assert count(workspace, "SELECT count(*) FROM inbox_import_row") == 0
    assert count(workspace, "SELECT count(*) FROM import_run") == 0
