"""Tests of backups: ``smtui db backup`` copies consistently while another process writes,
``smtui db restore`` checks the backup, keeps the file it replaces and refuses a workspace in
use, and the daily copies are taken on the first UI start of each day and pruned to N."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from file_reads import brand_names, integrity
from process_helpers import make_workspace, start_smtui, start_writer
from upgrade_support import database_at

from smtui.cli import cli
from smtui.domain.clock import Clock, fixed
from smtui.domain.models import Brand
from smtui.settings import Settings
from smtui.store import DatabaseError, Store
from smtui.store.backup import (
    DEFAULT_KEEP,
    daily_backups,
    daily_folder,
    restore_database,
    take_daily_backup,
)
from smtui.store.migrate import current_revision, head_revision


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workspace(db_path: Path, clock: Clock) -> Path:
    return make_workspace(db_path, clock)


def add_brand(path: Path, clock: Clock, name: str) -> None:
    store, _result = Store.open(path, clock)
    try:
        store.brands.add(Brand(name=name, timezone="UTC"))
    finally:
        store.close()


# --- smtui db backup -------------------------------------------------------------------------


def test_backup_while_another_process_writes_is_consistent(workspace: Path, tmp_path: Path) -> None:
    writer = start_writer(workspace, "w")
    assert writer.stdout is not None
    try:
        while not writer.stdout.readline().startswith("ack 30"):
            pass
        copy = tmp_path / "copy.sqlite"
        backup = start_smtui("--db", workspace, "db", "backup", copy)
        output, errors = backup.communicate(timeout=120)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=60)

    assert backup.returncode == 0, errors
    assert "Backed up" in output
    assert copy.stat().st_mode & 0o777 == 0o600
    assert integrity(copy) == ["ok"]
    connection = sqlite3.connect(copy)
    try:
        steps = {int(value) for (value,) in connection.execute("SELECT value FROM setting")}
        items = connection.execute("SELECT count(*) FROM inbox_item").fetchone()[0]
    finally:
        connection.close()
    assert set(range(31)) <= steps  # everything acknowledged before the backup began
    assert items in (len(steps), len(steps) + 1)  # one item may await its setting
    assert current_revision(copy) == head_revision()


# --- smtui db restore ------------------------------------------------------------------------


def test_restore_replaces_the_workspace_and_keeps_the_old_file(
    workspace: Path, tmp_path: Path, clock: Clock
) -> None:
    backup = tmp_path / "monday.sqlite"
    assert run("--db", workspace, "db", "backup", backup).exit_code == 0
    add_brand(workspace, clock, "Added after the backup")
    before_restore = digest(workspace)

    result = run("--db", workspace, "db", "restore", backup)

    assert result.exit_code == 0, result.output
    assert brand_names(workspace) == ["Maple"]
    (kept,) = tmp_path.glob("workspace.sqlite.before-restore.*.bak")
    assert str(kept) in result.output
    assert kept.stat().st_mode & 0o777 == 0o600
    assert brand_names(kept) == ["Added after the backup", "Maple"]
    assert digest(workspace) != before_restore
    assert workspace.stat().st_mode & 0o777 == 0o600
    assert not workspace.with_name("workspace.sqlite-wal").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".restore")] == []
    check = run("--db", workspace, "db", "check")
    assert check.exit_code == 0, check.output


def test_restore_refuses_a_workspace_open_in_another_process(
    workspace: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "copy.sqlite"
    assert run("--db", workspace, "db", "backup", backup).exit_code == 0
    writer = start_writer(workspace, "w")
    assert writer.stdout is not None
    try:
        assert writer.stdout.readline().strip() == "ready"
        assert writer.stdout.readline().startswith("ack")

        result = run("--db", workspace, "db", "restore", backup)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=60)

    assert result.exit_code == 1
    assert "is open in smtui or another program" in result.stderr
    assert list(tmp_path.glob("*.before-restore.*")) == []
    assert list(tmp_path.glob("*.restore")) == []


def test_restore_refuses_the_open_store_of_this_process(
    store: Store, db_path: Path, tmp_path: Path, now: datetime
) -> None:
    backup = tmp_path / "copy.sqlite"
    assert run("--db", db_path, "db", "backup", backup).exit_code == 0
    store.settings.get("anything")  # the store now holds a pooled connection

    with pytest.raises(DatabaseError, match="is open"):
        restore_database(backup, db_path, now)


def make_truncated(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def make_newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_future'")
    connection.close()


def make_corrupt_page(path: Path) -> None:
    """Scribble over the last page, as a bad disk sector would; the last, because the middle
    may hold the schema, which makes the file unreadable rather than failing its check."""
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size - 4096 + 100)
        handle.write(b"\xde\xad\xbe\xef" * 512)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (make_truncated, "may be damaged"),
        (make_newer, "newer smtui"),
        (make_corrupt_page, "integrity"),
        (lambda path: path.write_text("not a database"), "not an SQLite file"),
    ],
)
def test_restore_refuses_a_bad_backup_untouched(
    tmp_path: Path, clock: Clock, damage: Any, message: str
) -> None:
    workspace = tmp_path / "workspace.sqlite"
    assert run("--db", workspace, "demo").exit_code == 0
    backup = tmp_path / "copy.sqlite"
    assert run("--db", workspace, "db", "backup", backup).exit_code == 0
    damage(backup)
    before = digest(workspace)
    listing = sorted(item.name for item in tmp_path.iterdir())

    result = run("--db", workspace, "db", "restore", backup)

    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("smtui: ") and message in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert digest(workspace) == before
    assert sorted(item.name for item in tmp_path.iterdir()) == listing


def test_restore_over_a_damaged_workspace_keeps_its_bytes(workspace: Path, tmp_path: Path) -> None:
    backup = tmp_path / "copy.sqlite"
    assert run("--db", workspace, "db", "backup", backup).exit_code == 0
    make_truncated(workspace)
    damaged = workspace.read_bytes()

    result = run("--db", workspace, "db", "restore", backup)

    assert result.exit_code == 0, result.output
    (kept,) = tmp_path.glob("workspace.sqlite.before-restore.*.bak")
    assert kept.read_bytes() == damaged
    assert integrity(workspace) == ["ok"]
    assert brand_names(workspace) == ["Maple"]


def test_restore_an_older_revision_then_the_next_start_upgrades_it(
    tmp_path: Path, clock: Clock
) -> None:
    """A backup made by an older smtui restores as it is; opening it upgrades it."""
    old = database_at(tmp_path / "old.sqlite", "0001_initial")
    workspace = tmp_path / "workspace.sqlite"
    assert run("--db", workspace, "db", "upgrade").exit_code == 0

    result = run("--db", workspace, "db", "restore", old)

    assert result.exit_code == 0, result.output
    assert "schema 0001_initial" in result.output
    assert current_revision(workspace) == "0001_initial"
    store, opened = Store.open(workspace, clock)
    store.close()
    assert (opened.from_revision, opened.to_revision) == ("0001_initial", head_revision())


def test_restore_refuses_a_file_that_is_not_a_workspace(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    backup = tmp_path / "copy.sqlite"
    assert run("--db", tmp_path / "w.sqlite", "demo").exit_code == 0
    assert run("--db", tmp_path / "w.sqlite", "db", "backup", backup).exit_code == 0

    result = run("--db", notes, "db", "restore", backup)

    assert result.exit_code == 1 and "not an SQLite file" in result.stderr
    assert notes.read_text() == "my notes"


def test_restore_onto_a_new_path_creates_it(tmp_path: Path) -> None:
    source = tmp_path / "w.sqlite"
    assert run("--db", source, "demo").exit_code == 0
    backup = tmp_path / "copy.sqlite"
    assert run("--db", source, "db", "backup", backup).exit_code == 0
    fresh = tmp_path / "fresh.sqlite"

    result = run("--db", fresh, "db", "restore", backup)

    assert result.exit_code == 0, result.output
    assert "saved as" not in result.output
    assert brand_names(fresh) == ["Maple & Grain"]


# --- daily copies ----------------------------------------------------------------------------


def on_day(day: int, hour: int = 12) -> datetime:
    return datetime.fromisoformat(f"2026-11-{day:02d}T{hour:02d}:00:00+00:00")


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's day is the backup's day: pin the machine to UTC for these tests."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_one_copy_per_day_and_the_last_n_days_kept(workspace: Path, utc: None) -> None:
    first = take_daily_backup(workspace, on_day(1, 8), keep=3)
    again = take_daily_backup(workspace, on_day(1, 22), keep=3)

    assert first == daily_folder(workspace) / "workspace-2026-11-01.sqlite"
    assert again is None  # the day's copy exists
    assert integrity(first) == ["ok"]
    assert first.stat().st_mode & 0o777 == 0o600
    assert daily_folder(workspace).stat().st_mode & 0o777 == 0o700

    for day in (2, 3, 5, 9):
        assert take_daily_backup(workspace, on_day(day), keep=3) is not None

    assert [day.day for day, _path in daily_backups(workspace)] == [9, 5, 3]
    assert sorted(p.name for p in daily_folder(workspace).iterdir()) == [
        "workspace-2026-11-03.sqlite",
        "workspace-2026-11-05.sqlite",
        "workspace-2026-11-09.sqlite",
    ]


def test_the_daily_copy_leaves_other_files_alone(workspace: Path, utc: None) -> None:
    folder = daily_folder(workspace)
    folder.mkdir()
    mine = [folder / "notes.txt", folder / "other-2026-01-01.sqlite", folder / "workspace.sqlite"]
    for path in mine:
        path.write_text("keep")

    for day in range(1, 6):
        take_daily_backup(workspace, on_day(day), keep=2)

    assert all(path.read_text() == "keep" for path in mine)
    assert len(daily_backups(workspace)) == 2


def test_keep_zero_takes_no_copy(workspace: Path, utc: None) -> None:
    assert take_daily_backup(workspace, on_day(1), keep=0) is None
    assert not daily_folder(workspace).exists()


def test_a_copy_cut_short_is_not_taken_for_the_days_copy(workspace: Path, utc: None) -> None:
    folder = daily_folder(workspace)
    folder.mkdir()
    (folder / ".workspace-2026-11-01.sqlite.999.tmp").write_bytes(b"SQLite format 3\x00half")

    made = take_daily_backup(workspace, on_day(1), keep=7)

    assert made is not None and integrity(made) == ["ok"]


async def open_the_ui(workspace: Path, at: datetime) -> list[str]:
    """Open the real app the way ``smtui`` does (daily backup on) at ``at``; return what it
    notified once its workers are done."""
    from smtui.app import make_app

    store, _result = Store.open(workspace, fixed(at))
    try:
        app = make_app(Settings(db_path=workspace, daily_backup=True), store, fixed(at))
        async with app.run_test() as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return [notice.message for notice in app._notifications]
    finally:
        store.close()


async def test_opening_the_ui_takes_the_days_copy_once(workspace: Path, utc: None) -> None:
    for day, hour in [(23, 8), (23, 18), (24, 9), (25, 9)]:
        assert await open_the_ui(workspace, on_day(day, hour)) == []

    assert [day.day for day, _path in daily_backups(workspace)] == [25, 24, 23]
    newest = daily_backups(workspace)[0][1]
    assert integrity(newest) == ["ok"]
    assert brand_names(newest) == brand_names(workspace)


async def test_a_failed_daily_copy_is_said_and_the_ui_stays_open(
    workspace: Path, utc: None
) -> None:
    daily_folder(workspace).write_text("a file where the folder should be", encoding="utf-8")

    notices = await open_the_ui(workspace, on_day(23))

    assert len(notices) == 1
    assert notices[0].startswith("The daily backup failed")


def test_a_stale_partial_copy_is_cleared(workspace: Path, utc: None) -> None:
    folder = daily_folder(workspace)
    folder.mkdir()
    stale = folder / ".workspace-2026-11-23.sqlite.999999.tmp"
    stale.write_bytes(b"cut short")
    os.utime(stale, (0, 0))
    fresh = folder / ".workspace-2026-11-23.sqlite.999998.tmp"
    fresh.write_bytes(b"another process, still copying")

    assert take_daily_backup(workspace, on_day(23), keep=7) is not None

    assert not stale.exists()
    assert fresh.exists()


async def test_keep_is_a_workspace_setting(workspace: Path, utc: None) -> None:
    for day in range(1, 6):
        take_daily_backup(workspace, on_day(day), keep=DEFAULT_KEEP)

    listed = run("--db", workspace, "db", "backups")
    assert listed.exit_code == 0, listed.output
    assert f"last {DEFAULT_KEEP} days" in listed.output
    assert len(listed.output.splitlines()) == 1 + 5

    lowered = run("--db", workspace, "db", "backups", "--keep", "2")
    assert lowered.exit_code == 0, lowered.output
    assert [day.day for day, _path in daily_backups(workspace)] == [5, 4]

    assert await open_the_ui(workspace, on_day(8)) == []
    assert [day.day for day, _path in daily_backups(workspace)] == [8, 5]

    off = run("--db", workspace, "db", "backups", "--keep", "0")
    assert "off" in off.output
    assert await open_the_ui(workspace, on_day(9)) == []
    assert [day.day for day, _path in daily_backups(workspace)] == [8, 5]


def test_keep_must_be_a_count(workspace: Path) -> None:
    result = run("--db", workspace, "db", "backups", "--keep", "-1")
    assert result.exit_code == 2
    assert "--keep" in result.output
