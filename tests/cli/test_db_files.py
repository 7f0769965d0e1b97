"""Tests of ``--db`` pointing at something smtui must not, or cannot, write: a directory, a
missing folder, a read-only file or folder, a file that is not SQLite, a truncated database
and one from a newer smtui. Every command answers with one clear line and exit status 1,
and leaves the file exactly as it was (bytes, modification time, no new files beside it)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from process_helpers import start_smtui, write_inbox_file

from smtui.cli import cli
from smtui.domain.clock import Clock
from smtui.store.migrate import current_revision

Maker = Callable[[Path], Path]


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def assert_user_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("smtui: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


@dataclass(frozen=True)
class Snapshot:
    """What must not change: the file's bytes and times, and the folder's listing."""

    digest: str | None
    mtime_ns: int | None
    listing: frozenset[str]

    @classmethod
    def of(cls, path: Path) -> Snapshot:
        folder = path.parent if path.parent.is_dir() else None
        listing = frozenset(item.name for item in folder.iterdir()) if folder else frozenset()
        if path.is_file():
            stat = path.stat()
            return cls(hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns, listing)
        return cls(None, None, listing)


_DEMO_BYTES: list[bytes] = []


def demo_database(path: Path) -> Path:
    """A closed demo workspace at ``path``: made by ``smtui demo`` once, then copied."""
    if not _DEMO_BYTES:
        result = run("--db", path, "demo")
        assert result.exit_code == 0, result.output
        assert not path.with_name(path.name + "-wal").exists()
        _DEMO_BYTES.append(path.read_bytes())
    else:
        path.write_bytes(_DEMO_BYTES[0])
        path.chmod(0o600)
    return path


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return demo_database(folder / "workspace.sqlite")


def freeze(path: Path) -> Callable[[], None]:
    """Make ``path`` read-only for this process, and return how to undo it.

    As root, permissions do not stop a write, so the immutable attribute does; the test is
    skipped where neither is available."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        return lambda: path.chmod(mode)
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot make a file read-only for root here (no chattr +i)")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def frozen() -> Iterator[Callable[[Path], None]]:
    undo: list[Callable[[], None]] = []
    yield lambda path: undo.append(freeze(path))
    for step in reversed(undo):
        step()


# --- the cases: each makes the path --db gets --------------------------------------------------


def a_directory(tmp_path: Path) -> Path:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    return folder


def a_missing_folder(tmp_path: Path) -> Path:
    return tmp_path / "no" / "such" / "workspace.sqlite"


def a_text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite"
    path.write_text("Dear diary, today I posted twice.\n" * 50)
    return path


def a_truncated_database(tmp_path: Path) -> Path:
    path = demo_database(tmp_path / "workspace.sqlite")
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    return path


def a_cut_header(tmp_path: Path) -> Path:
    path = demo_database(tmp_path / "workspace.sqlite")
    with path.open("r+b") as handle:
        handle.truncate(60)
    return path


def a_newer_database(tmp_path: Path) -> Path:
    path = demo_database(tmp_path / "workspace.sqlite")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    connection.close()
    return path


REFUSED: dict[str, tuple[Maker, str]] = {
    "directory": (a_directory, "is a directory"),
    "missing folder": (a_missing_folder, "does not exist"),
    "text file": (a_text_file, "not an SQLite file"),
    "truncated": (a_truncated_database, "may be damaged"),
    "cut header": (a_cut_header, "may be damaged"),
    "newer smtui": (a_newer_database, "newer smtui"),
}


def writing_commands(tmp_path: Path) -> dict[str, tuple[str, ...]]:
    """Commands that open the workspace for writing, with the files they need."""
    tmp_path.mkdir(exist_ok=True)
    inbox = tmp_path / "inbox.csv"
    write_inbox_file(inbox, 3)
    backup = demo_database(tmp_path / "a-good-backup.sqlite")
    return {
        "demo": ("demo",),
        "db upgrade": ("db", "upgrade"),
        "db backups": ("db", "backups", "--keep", "3"),
        "db restore": ("db", "restore", str(backup)),
        "import inbox": ("import", "inbox", str(inbox)),
        "export posts": ("export", "posts", "--csv", str(tmp_path / "out.csv")),
    }


@pytest.mark.parametrize("case", list(REFUSED))
def test_every_writing_command_refuses_untouched(tmp_path: Path, case: str) -> None:
    make, message = REFUSED[case]
    commands = writing_commands(tmp_path / "inputs")
    if case in ("truncated", "cut header", "newer smtui"):
        commands.pop("db restore")  # restoring over these is allowed: see test_backups.py
    for name, args in commands.items():
        where = tmp_path / name.replace(" ", "-")
        where.mkdir()
        path = make(where)
        before = Snapshot.of(path)

        result = run("--db", path, *args)

        assert_user_error(result, message)
        assert Snapshot.of(path) == before, name
        assert not (tmp_path / "inputs" / "out.csv").exists()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    ("case", "args"),
    [
        (case, args)
        for case in REFUSED
        if case != "newer smtui"
        for args in (("db", "current"), ("db", "check"), ("db", "backup", "COPY"))
    ],
)
def test_reading_commands_refuse_untouched(
    tmp_path: Path, inputs: Path, case: str, args: tuple[str, ...]
) -> None:
    make, message = REFUSED[case]
    copy = inputs / "copy.sqlite"
    path = make(tmp_path)
    before = Snapshot.of(path)

    result = run("--db", path, *(str(copy) if arg == "COPY" else arg for arg in args))

    assert_user_error(result, message)
    assert Snapshot.of(path) == before
    assert not copy.exists()


def test_reading_commands_still_read_a_newer_database(tmp_path: Path, inputs: Path) -> None:
    path = a_newer_database(tmp_path)
    before = Snapshot.of(path)

    current = run("--db", path, "db", "current")
    check = run("--db", path, "db", "check")
    backup = run("--db", path, "db", "backup", inputs / "copy.sqlite")

    assert current.exit_code == 0 and "newer than this smtui" in current.output
    assert check.exit_code == 0 and "Integrity: ok" in check.output
    assert backup.exit_code == 0, backup.output
    assert current_revision(inputs / "copy.sqlite") == "0999_from_the_future"
    assert Snapshot.of(path) == before


# --- read-only file and read-only folder -----------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_workspace_is_refused_for_writing_untouched(
    demo_file: Path, tmp_path: Path, frozen: Callable[[Path], None], what: str
) -> None:
    commands = writing_commands(tmp_path / "inputs")
    frozen(demo_file if what == "file" else demo_file.parent)
    before = Snapshot.of(demo_file)

    for name, args in commands.items():
        result = run("--db", demo_file, *args)
        assert_user_error(result, "read-only", str(demo_file if what == "file" else "folder"))
        assert Snapshot.of(demo_file) == before, name


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_workspace_can_still_be_read(
    demo_file: Path, tmp_path: Path, frozen: Callable[[Path], None], what: str
) -> None:
    frozen(demo_file if what == "file" else demo_file.parent)
    before = Snapshot.of(demo_file)
    copy = tmp_path / "copy.sqlite"

    current = run("--db", demo_file, "db", "current")
    check = run("--db", demo_file, "db", "check")
    backup = run("--db", demo_file, "db", "backup", copy)

    assert current.exit_code == 0 and "(head)" in current.output
    assert check.exit_code == 0 and "Integrity: ok" in check.output, check.output
    assert backup.exit_code == 0, backup.output
    assert Snapshot.of(demo_file) == before  # not even a -wal or -shm beside it


# --- the UI and a real process -----------------------------------------------------------------


@pytest.mark.parametrize("case", ["truncated", "newer smtui", "read-only"])
def test_opening_the_ui_in_a_real_process_refuses_untouched(
    tmp_path: Path, clock: Clock, frozen: Callable[[Path], None], case: str
) -> None:
    if case == "read-only":
        path = demo_database(tmp_path / "workspace.sqlite")
        frozen(path)
        message = "read-only"
    else:
        make, message = REFUSED[case]
        path = make(tmp_path)
    before = Snapshot.of(path)

    process = start_smtui("--db", path)
    try:
        output, errors = process.communicate(timeout=120)
    finally:
        process.kill()  # a UI that opened by mistake must not outlive the test

    assert process.returncode == 1, (output, errors)
    assert errors.startswith("smtui: ") and message in errors
    assert "Traceback" not in errors
    assert Snapshot.of(path) == before
