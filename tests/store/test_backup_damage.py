"""Tests of a damaged workspace and its backups: the daily copy is checked, a damaged copy
is kept apart and never pushes a good one out, Today says how to get back to the last good
copy, and ``smtui db restore`` writes through a symlinked workspace."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from file_reads import integrity
from textual.widgets import Static

from smtui.cli import cli
from smtui.domain.clock import Clock, fixed
from smtui.settings import Settings
from smtui.store import Store
from smtui.store.backup import (
    DamagedCopyError,
    daily_backups,
    daily_folder,
    restore_database,
    take_daily_backup,
)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def on_day(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's day is the backup's day: pin the machine to UTC for these tests."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def corrupt_an_index(path: Path) -> None:
    """Overwrite 8 bytes inside an index's root page, past its header, until SQLite's
    integrity check sees the damage (bytes in a page's free space would go unnoticed)."""
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            row[0]
            for row in connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND rootpage > 1"
            )
        ]
    finally:
        connection.close()
    for root in roots:
        with path.open("r+b") as handle:
            handle.seek((root - 1) * page_size + page_size - 40)
            handle.write(b"\xde\xad\xbe\xef" * 2)
        if integrity(path) != ["ok"]:
            return
    raise AssertionError("no index page could be damaged")


def test_a_damaged_copy_is_kept_apart_and_the_good_ones_survive(demo_db: Path, utc: None) -> None:
    for day in (1, 2, 3):
        assert take_daily_backup(demo_db, on_day(day), keep=3) is not None
    corrupt_an_index(demo_db)

    for day in (4, 5, 6, 7):
        with pytest.raises(DamagedCopyError) as caught:
            take_daily_backup(demo_db, on_day(day), keep=3)
        assert caught.value.good == daily_folder(demo_db) / "workspace-2026-11-03.sqlite"

    assert [day.day for day, _path in daily_backups(demo_db)] == [3, 2, 1]
    assert all(integrity(path) == ["ok"] for _day, path in daily_backups(demo_db))
    damaged = sorted(p.name for p in daily_folder(demo_db).glob("*.damaged"))
    assert damaged == [f"workspace-2026-11-0{day}.sqlite.damaged" for day in (4, 5, 6, 7)]
    assert "smtui db restore" in str(caught.value)
    assert str(daily_folder(demo_db) / "workspace-2026-11-03.sqlite") in str(caught.value)


def test_a_damaged_copy_without_a_good_one_says_so(demo_db: Path, utc: None) -> None:
    corrupt_an_index(demo_db)

    with pytest.raises(DamagedCopyError) as caught:
        take_daily_backup(demo_db, on_day(4), keep=3)

    assert caught.value.good is None
    assert daily_backups(demo_db) == []
    assert "smtui db check" in str(caught.value)


async def test_today_warns_of_damage_and_names_the_last_good_backup(
    demo_db: Path, utc: None
) -> None:
    from smtui.app import make_app

    take_daily_backup(demo_db, on_day(22), keep=7)
    corrupt_an_index(demo_db)
    good = daily_folder(demo_db) / "workspace-2026-11-22.sqlite"
    at = on_day(23, 13)
    store, _result = Store.open(demo_db, fixed(at))
    try:
        app = make_app(Settings(db_path=demo_db, daily_backup=True), store, fixed(at))
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            warning = app.screen.query_one("#today-warning", Static)
            text = str(warning.render())
            notices = [notice.message for notice in app._notifications]
            shown = warning.display
    finally:
        store.close()

    assert shown
    assert f"smtui db restore {good}" in text.replace("\n", "")
    assert any(str(good) in notice for notice in notices)
    assert run("--db", demo_db, "db", "restore", good).exit_code == 0
    assert integrity(demo_db) == ["ok"]


async def test_today_shows_no_warning_on_a_whole_workspace(demo_db: Path, utc: None) -> None:
    from smtui.app import make_app

    at = on_day(23, 13)
    store, _result = Store.open(demo_db, fixed(at))
    try:
        app = make_app(Settings(db_path=demo_db, daily_backup=True), store, fixed(at))
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = app.screen.query_one("#today-warning", Static).display
    finally:
        store.close()

    assert not shown
    assert [day.day for day, _path in daily_backups(demo_db)] == [23]


def test_restore_writes_through_a_symlinked_workspace(tmp_path: Path, clock: Clock) -> None:
    real = tmp_path / "real" / "workspace.sqlite"
    real.parent.mkdir()
    store, _result = Store.open(real, clock)
    store.close()
    link = tmp_path / "workspace.sqlite"
    link.symlink_to(real)
    backup = tmp_path / "backup.sqlite"
    assert run("--db", link, "db", "backup", backup).exit_code == 0
    connection = sqlite3.connect(real)
    connection.execute("INSERT INTO setting (key, value) VALUES ('later', '1')")
    connection.commit()
    connection.close()

    result = restore_database(backup, link, clock())

    assert link.is_symlink()
    assert link.resolve() == real
    connection = sqlite3.connect(real)
    try:
        assert (
            connection.execute("SELECT count(*) FROM setting WHERE key = 'later'").fetchone()[0]
            == 0
        )
    finally:
        connection.close()
    assert result.previous is not None and result.previous.parent == real.parent
    assert list(tmp_path.glob("*.restore")) == [] and list(real.parent.glob("*.restore")) == []
