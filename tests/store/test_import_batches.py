"""Tests that an inbox import killed part-way leaves nothing in the queue, its staged rows
being deleted by its run's id at the next import. (How long other writes wait behind an
import is tested on posts, tests/store/test_post_import_batches.py: the inbox import's final
publication still grows with the file, about 1 s per 200,000 rows.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from file_reads import count, kill_once_staged
from process_helpers import make_workspace, start_smtui, write_inbox_file

from smtui.domain.clock import Clock

ROWS = 40_000


@pytest.fixture
def workspace(db_path: Path, clock: Clock) -> Path:
    return make_workspace(db_path, clock)


def test_a_killed_import_shows_nothing_and_the_next_one_cleans_it_up(
    workspace: Path, tmp_path: Path
) -> None:
    source = tmp_path / "inbox.csv"
    write_inbox_file(source, ROWS)
    importer = start_smtui("--db", workspace, "import", "inbox", source)
    staged = kill_once_staged(importer, workspace, "inbox_import_row", 10_000)

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
