"""The CLI on a file another program keeps locked, or on a full disk: one line naming the
file, exit status 1, no traceback. The lock is a second real sqlite3 connection holding
``BEGIN IMMEDIATE`` (the busy timeout is shortened through ``SMTUI_BUSY_TIMEOUT_MS``); the
full disk is SQLite's ``max_page_count`` on every connection the command opens."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from paths import DATA
from sqlalchemy import event
from sqlalchemy.pool import Pool

from smtui.cli import cli

ENV = {"SMTUI_NOW": "2026-11-23T13:30:00+00:00", "SMTUI_BUSY_TIMEOUT_MS": "100"}
IMPORT = ["import", "posts", str(DATA / "posts_metricool.csv")]


def run(db: Path, args: list[str]) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], env=ENV)


def one_line(result: Result, *words: str) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert all(word in lines[0] for word in words), lines[0]
    return lines[0]


@pytest.fixture
def full_disk() -> Iterator[None]:
    """Every SQLAlchemy connection opened meanwhile may not grow the file by one page."""

    def fill_up(connection: Any, _record: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    event.listen(Pool, "connect", fill_up)
    yield
    event.remove(Pool, "connect", fill_up)


def test_an_import_on_a_locked_file_says_one_line(demo_db: Path) -> None:
    locker = sqlite3.connect(demo_db, isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")
        result = run(demo_db, IMPORT)
    finally:
        locker.close()
    one_line(result, "busy", str(demo_db))


def test_an_import_on_a_full_disk_says_one_line(
    demo_db: Path, tmp_path: Path, full_disk: None
) -> None:
    header = DATA.joinpath("posts_metricool.csv").read_text(encoding="utf-8").splitlines()[0]
    rows = [
        f'"Post number {n}: {"a long text " * 40}",2026-12-{1 + n % 28:02d},10:{n % 60:02d},'
        "FALSE,TRUE,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,,,,"
        for n in range(200)
    ]
    big = tmp_path / "big.csv"
    big.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    result = run(demo_db, ["import", "posts", str(big)])
    one_line(result, "full", str(demo_db))


def test_demo_on_a_full_disk_says_one_line(tmp_path: Path, full_disk: None) -> None:
    db = tmp_path / "new.sqlite"
    one_line(run(db, ["demo"]), "full")


def test_demo_on_a_locked_file_says_one_line(demo_db: Path) -> None:
    locker = sqlite3.connect(demo_db, isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")
        result = run(demo_db, ["demo", "--force"])
    finally:
        locker.close()
    one_line(result, str(demo_db))
