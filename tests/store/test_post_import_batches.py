"""Tests that ``smtui import posts`` writes in short transactions: another process keeps
writing while a large import runs (no write waits seconds behind it), and an import killed
part-way leaves no post in the calendar, its staged posts being deleted by its run's id at
the next import."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest
from file_reads import count, kill_once_staged
from process_helpers import make_workspace, start_smtui, start_writer, write_posts_file

from smtui.domain.clock import Clock

# In one transaction (the code before the batches) 40,000 posts held the write lock 5 s.
POSTS = 40_000


@pytest.fixture
def workspace(db_path: Path, clock: Clock) -> Path:
    return make_workspace(db_path, clock)


@pytest.mark.slow
# Timed: it runs with the other process tests, one at a time, not beside three busy workers.
@pytest.mark.xdist_group("processes")
def test_writes_go_on_during_a_large_posts_import(workspace: Path, tmp_path: Path) -> None:
    """A writer in another process times each of its writes while 40,000 posts are
    imported: written in one transaction, a write waited over 2 s (or failed after the
    busy timeout); staged in batches, none waits 2 s."""
    source = tmp_path / "posts.csv"
    write_posts_file(source, POSTS)
    writer = start_writer(workspace, "w", timed=True)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    acks: list[tuple[float, float]] = []  # (when read, seconds the step's longest write took)

    def listen() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            if line.startswith("ack "):
                acks.append((time.monotonic(), float(line.split()[2])))

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    begun = time.monotonic()
    importer = start_smtui("--db", workspace, "import", "posts", source)
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
    assert f"Imported {POSTS} posts" in output
    assert writer_alive, f"a write failed behind the import: {writer_errors[-500:]}"
    assert len([moment for moment, _took in acks if begun <= moment <= ended]) >= 20
    longest = max(took for _moment, took in acks)
    assert longest < 2.0, f"a write waited {longest:.1f} s behind the import"
    assert count(workspace, "SELECT count(*) FROM inbox_item WHERE author_name = 'w'") >= len(acks)
    assert count(workspace, "SELECT count(*) FROM post") == POSTS
    assert count(workspace, "SELECT count(*) FROM post_import_row") == 0
    assert count(workspace, "SELECT count(*) FROM import_run") == 0


@pytest.mark.slow
def test_a_killed_posts_import_shows_nothing_and_the_next_one_cleans_it_up(
    workspace: Path, tmp_path: Path
) -> None:
    source = tmp_path / "posts.csv"
    write_posts_file(source, POSTS)
    importer = start_smtui("--db", workspace, "import", "posts", source)
    staged = kill_once_staged(importer, workspace, "post_import_row", 10_000)

    assert staged >= 10_000, "the import was not caught part-way"
    assert count(workspace, "SELECT count(*) FROM post") == 0  # none of it visible
    assert count(workspace, "SELECT count(*) FROM import_run WHERE kind = 'posts'") == 1

    again = start_smtui("--db", workspace, "import", "posts", source)
    output, errors = again.communicate(timeout=300)

    assert again.returncode == 0, errors
    assert f"Imported {POSTS} posts" in output
    assert count(workspace, "SELECT count(*) FROM post") == POSTS
    assert count(workspace, "SELECT count(*) FROM post_import_row") == 0
    assert count(workspace, "SELECT count(*) FROM import_run") == 0
