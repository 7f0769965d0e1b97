"""Tests of the ``smtui`` command on real SQLite files: the demo, the ``db`` commands, the
errors a user can meet, and the start-up path up to the UI (with a stand-in app, so that
these tests do not depend on the screens)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from paths import REPO

from smtui import __version__
from smtui.cli import _local_timezone, cli
from smtui.domain.clock import Clock
from smtui.domain.enums import ChannelStatus, Platform
from smtui.domain.models import Brand, Channel
from smtui.domain.smart import check_smart
from smtui.settings import Settings
from smtui.store import Store
from smtui.store.migrate import head_revision


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_user_error(result: Result, *fragments: str) -> None:
    """Exit status 1, one "smtui: ..." line on stderr naming the problem, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("smtui: "), result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr


def brand_names(path: Path, clock: Clock) -> list[str]:
    store, _result = Store.open(path, clock)
    try:
        return [brand.name for brand in store.brands.list()]
    finally:
        store.close()


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SMTUI_DB", None)
    return env


# --- version and usage ---------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"smtui {__version__}"


def test_unknown_command_is_a_usage_error() -> None:
    assert run("frobnicate").exit_code == 2


# --- demo ----------------------------------------------------------------------------------


def test_demo_fills_a_new_database(db_path: Path, clock: Clock) -> None:
    result = run("--db", db_path, "demo")
    assert result.exit_code == 0, result.output
    assert "Maple & Grain" in result.output
    store, _result = Store.open(db_path, clock)
    try:
        (brand,) = store.brands.list()
        assert brand.id is not None
        assert brand.timezone == "America/Toronto"
        assert brand.voice_tone and brand.dos and brand.donts and brand.description

        channels = store.channels.list(brand.id)
        assert len(channels) == 5
        assert {channel.platform for channel in channels} == {
            Platform.INSTAGRAM,
            Platform.FACEBOOK,
            Platform.LINKEDIN,
            Platform.BLOG,
            Platform.NEWSLETTER,
        }
        assert all(channel.mission for channel in channels)
        assert [c.status for c in channels].count(ChannelStatus.TO_UPDATE) == 1
        by_platform = {channel.platform: channel for channel in channels}
        assert by_platform[Platform.LINKEDIN].cadence_text == "2-3 / week"
        assert by_platform[Platform.BLOG].cadence_text == "4 / month"
        assert by_platform[Platform.INSTAGRAM].char_limit == 2200

        objectives = store.objectives.list(brand.id)
        assert len(objectives) == 4
        today = clock().date()
        passing = [o for o in objectives if check_smart(o, today).ok]
        assert len(passing) == 3
        assert all(o.metric_name for o in objectives)

        assert len(store.personas.list(brand.id)) == 3
        assert sum(p.target_share for p in store.pillars.list(brand.id)) == 100
    finally:
        store.close()


def test_demo_dates_follow_the_clock(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "later.sqlite"
    assert run("--db", path, "demo", env={"SMTUI_NOW": "2030-06-01T12:00:00Z"}).exit_code == 0
    store, _result = Store.open(path, clock)
    try:
        (brand,) = store.brands.list()
        assert brand.id is not None
        dated = [o for o in store.objectives.list(brand.id) if o.start_date]
        assert dated and all(o.start_date and o.start_date.year == 2030 for o in dated)
    finally:
        store.close()


def test_demo_replaces_the_empty_first_run_brand(db_path: Path, clock: Clock) -> None:
    store, _result = Store.open(db_path, clock)
    store.brands.ensure_one("UTC")
    store.close()

    result = run("--db", db_path, "demo")

    assert result.exit_code == 0, result.output
    assert brand_names(db_path, clock) == ["Maple & Grain"]


def test_demo_refuses_a_database_in_use(demo_db: Path, clock: Clock) -> None:
    result = run("--db", demo_db, "demo")
    assert_user_error(result, "--force")
    assert brand_names(demo_db, clock) == ["Maple & Grain"]


def test_demo_refuses_a_brand_with_a_charter(db_path: Path, clock: Clock) -> None:
    store, _result = Store.open(db_path, clock)
    store.brands.add(Brand(name="Mine", description="my real work"))
    store.close()

    assert_user_error(run("--db", db_path, "demo"), "--force")
    assert brand_names(db_path, clock) == ["Mine"]


def test_demo_refuses_a_brand_with_a_channel(db_path: Path, clock: Clock) -> None:
    store, _result = Store.open(db_path, clock)
    brand = store.brands.ensure_one("UTC")
    assert brand.id is not None
    store.channels.add(Channel(brand_id=brand.id, platform=Platform.X, handle="@mine"))
    store.close()

    assert_user_error(run("--db", db_path, "demo"))


def test_demo_force_replaces_the_brands_after_a_backup(db_path: Path, clock: Clock) -> None:
    store, _result = Store.open(db_path, clock)
    store.brands.add(Brand(name="Old one", description="real work"))
    store.brands.add(Brand(name="Old two"))
    store.close()

    result = run("--db", db_path, "demo", "--force")

    assert result.exit_code == 0, result.output
    assert brand_names(db_path, clock) == ["Maple & Grain"]
    (backup,) = db_path.parent.glob(f"{db_path.name}.before-demo*.bak")
    assert str(backup) in result.output
    assert brand_names(backup, clock) == ["Old one", "Old two"]

    # A second forced run keeps the first backup.
    assert run("--db", db_path, "demo", "--force").exit_code == 0
    assert len(list(db_path.parent.glob(f"{db_path.name}.before-demo*.bak"))) == 2


# --- db upgrade / current / backup / check -------------------------------------------------


def test_db_upgrade_creates_and_reports(db_path: Path) -> None:
    result = run("--db", db_path, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert f"from (empty) to {head_revision()}" in result.output

    again = run("--db", db_path, "db", "upgrade")
    assert again.exit_code == 0
    assert "already at" in again.output


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Ship one more revision than the database has, as a future smtui would."""
    folder = tmp_path / "migrations"
    shutil.copytree(REPO / "migrations", folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0002_cli_test.py").write_text(
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        "revision = '0002_cli_test'\n"
        f"down_revision = {head_revision()!r}\n"
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        "    op.create_table('cli_test', sa.Column('id', sa.Integer(), primary_key=True))\n\n\n"
        "def downgrade() -> None:\n"
        "    op.drop_table('cli_test')\n"
    )
    monkeypatch.setattr("smtui.store.migrate.resource", lambda name: folder)
    return "0002_cli_test"


def test_db_upgrade_backs_up_first(demo_db: Path, newer_migrations: str, clock: Clock) -> None:
    behind = run("--db", demo_db, "db", "current")
    assert behind.exit_code == 0
    assert "behind the head" in behind.output

    result = run("--db", demo_db, "db", "upgrade")

    assert result.exit_code == 0, result.output
    assert f"to {newer_migrations}" in result.output
    backups = list(demo_db.parent.glob(f"{demo_db.name}.*.bak"))
    assert len(backups) == 1
    assert str(backups[0]) in result.output
    assert run("--db", demo_db, "db", "current").output.strip() == f"{newer_migrations} (head)"


def test_db_current(demo_db: Path) -> None:
    result = run("--db", demo_db, "db", "current")
    assert result.exit_code == 0
    assert result.output.strip() == f"{head_revision()} (head)"


def test_db_current_on_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    result = run("--db", path, "db", "current")
    assert result.exit_code == 0
    assert "not yet migrated" in result.output


def test_db_current_does_not_create_a_database(db_path: Path) -> None:
    assert_user_error(run("--db", db_path, "db", "current"), "no database")
    assert not db_path.exists()


def test_db_backup_copies_the_workspace(demo_db: Path, tmp_path: Path, clock: Clock) -> None:
    target = tmp_path / "copy.sqlite"
    result = run("--db", demo_db, "db", "backup", target)
    assert result.exit_code == 0, result.output
    assert str(target) in result.output
    assert brand_names(target, clock) == brand_names(demo_db, clock) == ["Maple & Grain"]
    assert run("--db", target, "db", "check").exit_code == 0


def test_db_backup_refuses_an_existing_target(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken.sqlite"
    target.write_text("keep me")
    assert_user_error(run("--db", demo_db, "db", "backup", target), "already exists")
    assert target.read_text() == "keep me"


def test_db_check_passes_on_a_healthy_database(demo_db: Path) -> None:
    result = run("--db", demo_db, "db", "check")
    assert result.exit_code == 0, result.output
    assert "Integrity: ok" in result.output


def test_db_check_reports_broken_links(demo_db: Path) -> None:
    connection = sqlite3.connect(demo_db)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM brand")
    connection.commit()
    connection.close()

    result = run("--db", demo_db, "db", "check")

    assert_user_error(result, "problems")
    assert "channel row" in result.stdout


# --- files that are not smtui databases, and bad locations ----------------------------------


@pytest.mark.parametrize(
    "args",
    [(), ("demo",), ("db", "upgrade"), ("db", "current"), ("db", "check"), ("db", "backup")],
)
def test_a_text_file_is_refused_untouched(tmp_path: Path, args: tuple[str, ...]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n")
    before = digest(path)
    copy = tmp_path / "copy.sqlite"
    if args == ("db", "backup"):
        args = (*args, str(copy))

    result = run("--db", path, *args)

    assert_user_error(result, "not an smtui database")
    assert digest(path) == before
    assert not copy.exists()


def test_another_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('mine')")
    connection.commit()
    connection.close()
    before = digest(path)

    assert_user_error(run("--db", path, "demo"), "not an smtui database")
    assert digest(path) == before


@pytest.mark.parametrize("args", [(), ("demo",), ("db", "upgrade"), ("db", "current")])
def test_a_directory_is_refused(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert_user_error(run("--db", tmp_path, *args), "is a directory")


@pytest.mark.parametrize("args", [(), ("demo",), ("db", "upgrade"), ("db", "current")])
def test_a_missing_folder_is_refused(tmp_path: Path, args: tuple[str, ...]) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "w.sqlite"
    assert_user_error(run("--db", missing, *args), "does not exist")
    assert not missing.parent.exists()


def test_a_file_system_refusal_is_a_clear_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, clock: Clock) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Store, "open", refuse)
    assert_user_error(run("--db", db_path, "demo"), str(db_path), "Permission denied")


def test_a_bad_smtui_now_is_a_clear_error(db_path: Path) -> None:
    assert_user_error(run("--db", db_path, "demo", env={"SMTUI_NOW": "soon"}), "SMTUI_NOW")


# --- where the database is ------------------------------------------------------------------


def test_smtui_db_is_honoured(db_path: Path, clock: Clock) -> None:
    result = run("demo", env={"SMTUI_DB": str(db_path)})
    assert result.exit_code == 0, result.output
    assert brand_names(db_path, clock) == ["Maple & Grain"]


def test_db_option_wins_over_smtui_db(tmp_path: Path, clock: Clock) -> None:
    chosen, ignored = tmp_path / "chosen.sqlite", tmp_path / "ignored.sqlite"
    result = run("--db", chosen, "demo", env={"SMTUI_DB": str(ignored)})
    assert result.exit_code == 0, result.output
    assert chosen.exists() and not ignored.exists()


def test_default_location_is_created_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    folder = tmp_path / "data" / "smtui"
    monkeypatch.setattr("smtui.settings.default_data_dir", lambda: folder)

    result = run("demo")

    assert result.exit_code == 0, result.output
    path = folder / "smtui.sqlite"
    assert brand_names(path, clock) == ["Maple & Grain"]
    assert folder.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


# --- opening the UI (with a stand-in for smtui.app) -----------------------------------------


class FakeApp:
    """Records what the CLI hands to ``make_app`` and that ``run`` was called."""

    calls: list[dict[str, Any]]

    def __init__(self, settings: Settings, store: Store, clock: Clock) -> None:
        self.settings, self.store, self.clock = settings, store, clock

    def run(self) -> None:
        FakeApp.calls.append(
            {
                "settings": self.settings,
                "brands": self.store.brands.list(),
                "now": self.clock(),
            }
        )


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> type[FakeApp]:
    module = types.ModuleType("smtui.app")
    module.make_app = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "smtui.app", module)
    FakeApp.calls = []
    return FakeApp


def test_no_command_opens_the_ui_with_a_first_brand(
    db_path: Path, fake_app: type[FakeApp], now: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("smtui.cli._local_timezone", lambda: "Europe/Paris")

    result = run("--db", db_path)

    assert result.exit_code == 0, result.output
    (call,) = fake_app.calls
    assert call["settings"] == Settings(db_path=db_path, daily_backup=True)
    (brand,) = call["brands"]
    assert brand.timezone == "Europe/Paris"
    assert call["now"] == now
    assert result.output == ""


def test_opening_the_ui_keeps_existing_brands(demo_db: Path, fake_app: type[FakeApp]) -> None:
    assert run("--db", demo_db).exit_code == 0
    assert [brand.name for brand in fake_app.calls[0]["brands"]] == ["Maple & Grain"]


def test_opening_the_ui_says_where_the_upgrade_backup_is(
    demo_db: Path, fake_app: type[FakeApp], newer_migrations: str
) -> None:
    result = run("--db", demo_db)

    assert result.exit_code == 0, result.output
    (backup,) = demo_db.parent.glob(f"{demo_db.name}.*.bak")
    assert result.output.count("\n") == 1
    assert str(backup) in result.output
    assert len(fake_app.calls) == 1


def test_ui_refuses_a_bad_file_before_building_the_app(
    tmp_path: Path, fake_app: type[FakeApp]
) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"\x00" * 100)
    assert_user_error(run("--db", path), "not an smtui database")
    assert fake_app.calls == []


def test_local_timezone_falls_back_to_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("no zone")

    monkeypatch.setattr("pendulum.local_timezone", broken)
    assert _local_timezone() == "UTC"


def test_local_timezone_is_an_iana_name() -> None:
    from smtui.domain.validation import check_timezone

    assert check_timezone(_local_timezone())


# --- real processes -------------------------------------------------------------------------


def test_python_m_smtui_in_a_real_process(demo_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "smtui", "--db", str(demo_db), "db", "current"],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{head_revision()} (head)"


def test_errors_in_a_real_process_have_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    result = subprocess.run(
        [sys.executable, "-m", "smtui", "--db", str(path), "demo"],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("smtui: ")
    assert "Traceback" not in result.stderr
    assert path.read_text() == "hello"


def test_importing_the_cli_loads_neither_textual_nor_the_store() -> None:
    code = (
        "import sys\n"
        "import smtui.cli\n"
        "from smtui.cli import cli\n"
        "try:\n"
        "    cli(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('textual', 'sqlalchemy', 'alembic', 'smtui.store', 'smtui.app')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
