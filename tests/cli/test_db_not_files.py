"""``--db`` naming something that is not a regular file (a named pipe, a character device
such as /dev/null) or an SQLite file of another Alembic-managed application: one line that
says what it is, exit status 1, and, for a FIFO, no hang (run in a process with a timeout,
so that a regression fails instead of blocking the suite)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from smtui.cli import cli

COMMANDS = [("today",), ("db", "current"), ("db", "check"), ("db", "upgrade"), ("demo",), ()]
ENV = {**os.environ, "SMTUI_NOW": "2026-11-23T13:30:00Z", "SMTUI_LANG": "en"}


def run_process(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smtui", "--db", str(path), *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def assert_one_line(done: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stderr.startswith("smtui: "), done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert fragment in done.stderr, done.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args) or "ui")
def test_a_fifo_is_named_and_does_not_hang(tmp_path: Path, args: tuple[str, ...]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_one_line(run_process(fifo, *args), "is a named pipe (FIFO), not a database file")
    assert sorted(item.name for item in tmp_path.iterdir()) == ["pipe"]


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null here")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args) or "ui")
def test_a_character_device_is_named(args: tuple[str, ...]) -> None:
    assert_one_line(
        run_process(Path("/dev/null"), *args), "is a character device, not a database file"
    )


def a_foreign_alembic_database(path: Path) -> Path:
    """The database of another Alembic-managed application: its own revision and tables."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        connection.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
    connection.close()
    return path


@pytest.mark.parametrize("args", [("today",), ("db", "upgrade"), ("db", "current")])
def test_another_alembic_application_is_not_an_smtui_workspace(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = a_foreign_alembic_database(tmp_path / "other-app.sqlite")
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(path), *args])
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert "not an smtui workspace" in result.stderr
    assert "newer smtui" not in result.stderr
    assert path.read_bytes() == before


def test_an_smtui_file_from_the_future_is_still_newer(demo_db: Path) -> None:
    connection = sqlite3.connect(demo_db)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    connection.close()
    result = CliRunner().invoke(cli, ["--db", str(demo_db), "today"])
    assert result.exit_code == 1, result.output
    assert "newer smtui" in result.stderr
