"""Tests of the migrations and of the runner that applies them: a new file reaches head, the
models match the migrated schema, files that must not be changed are refused untouched, and
an upgrade makes a backup first."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from paths import REPO
from sqlalchemy import Column, Connection, Integer, MetaData, Table, inspect

from smtui.domain.clock import fixed
from smtui.domain.models import Brand
from smtui.resources import resource
from smtui.store import DatabaseError, Store, backup_database, prepare_database
from smtui.store.engine import make_engine, sqlite_url
from smtui.store.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    read_revision_chain,
)
from smtui.store.tables import Base

SHIPPED_HEAD = "0004_post_import_rows"

TEST_REVISION = '''"""Test revision: a slogan for each brand.

Revision ID: 0099_slogan
Revises: 0004_post_import_rows
"""

import sqlalchemy as sa
from alembic import op

revision = "0099_slogan"
down_revision = "0004_post_import_rows"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("brand") as batch_op:
        batch_op.add_column(sa.Column("slogan", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("brand") as batch_op:
        batch_op.drop_column("slogan")
'''


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> set[str]:
    return {item.name for item in folder.iterdir()}


def tables_of(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        connection.close()


@pytest.fixture
def migrated(db_path: Path, now: datetime) -> Path:
    prepare_database(db_path, now)
    return db_path


@pytest.fixture
def migrations_with_test_revision(tmp_path: Path) -> Path:
    """A copy of the shipped revisions folder with one more revision on top."""
    folder = tmp_path / "migrations"
    shutil.copytree(resource("migrations"), folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0099_slogan.py").write_text(TEST_REVISION)
    return folder


@pytest.fixture
def connection_config(migrated: Path) -> Iterator[tuple[Config, Connection]]:
    """An Alembic config holding a connection to the migrated file, as migrate.py builds it."""
    engine = make_engine(sqlite_url(migrated), foreign_keys=False)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        yield config, connection
    engine.dispose()


# --- A new database ---------------------------------------------------------------------------


def test_a_missing_file_is_created_at_head(db_path: Path, now: datetime) -> None:
    result = prepare_database(db_path, now)

    assert head_revision() == SHIPPED_HEAD
    assert current_revision(db_path) == SHIPPED_HEAD
    assert (result.from_revision, result.to_revision, result.backup) == (None, SHIPPED_HEAD, None)
    assert result.upgraded
    assert {"brand", "channel", "objective", "post", "inbox_item"} <= tables_of(db_path)


def test_an_empty_file_is_brought_to_head(db_path: Path, now: datetime) -> None:
    db_path.touch()

    result = prepare_database(db_path, now)

    assert current_revision(db_path) == SHIPPED_HEAD
    assert result.backup is None


def test_the_database_is_owner_only(db_path: Path, now: datetime) -> None:
    prepare_database(db_path, now)

    assert db_path.stat().st_mode & 0o777 == 0o600


def test_the_models_match_the_migrated_schema(migrated: Path) -> None:
    engine = make_engine(sqlite_url(migrated))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "target_metadata": Base.metadata,
                    "render_as_batch": True,
                    "compare_type": True,
                },
            )
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()

    assert diff == []


def test_the_schema_comparison_does_see_a_difference(migrated: Path) -> None:
    """Guards the test above: the comparison reports a table the migrations lack."""
    metadata = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    Table("not_migrated", metadata, Column("id", Integer, primary_key=True))

    engine = make_engine(sqlite_url(migrated))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"render_as_batch": True, "compare_type": True}
            )
            diff = compare_metadata(context, metadata)
    finally:
        engine.dispose()

    assert [(item[0], item[1].name) for item in diff] == [("add_table", "not_migrated")]


def test_every_model_table_exists_after_migration(migrated: Path) -> None:
    assert set(Base.metadata.tables) <= tables_of(migrated)


# --- Files that must be refused untouched ----------------------------------------------------


def test_a_database_from_a_newer_smtui_is_refused_untouched(migrated: Path, now: datetime) -> None:
    connection = sqlite3.connect(migrated)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = digest(migrated)
    listing = folder_listing(migrated.parent)

    with pytest.raises(DatabaseError, match="newer smtui"):
        prepare_database(migrated, now)

    assert digest(migrated) == before
    assert folder_listing(migrated.parent) == listing
    assert not any(name.endswith(("-wal", "-shm", ".bak")) for name in listing)


def test_store_open_refuses_a_newer_database_too(migrated: Path, now: datetime) -> None:
    connection = sqlite3.connect(migrated)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = digest(migrated)

    with pytest.raises(DatabaseError):
        Store.open(migrated, fixed(now))

    assert digest(migrated) == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"Dear diary, today I posted twice on LinkedIn.\n" * 100)
    before = digest(path)
    listing = folder_listing(tmp_path)

    with pytest.raises(DatabaseError, match="not an smtui database"):
        prepare_database(path, now)

    assert digest(path) == before
    assert folder_listing(tmp_path) == listing


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_an_sqlite_file_of_another_app_is_refused_untouched(
    tmp_path: Path, now: datetime, journal: str
) -> None:
    path = tmp_path / "other-app.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA journal_mode = {journal}")
    with connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipes (name) VALUES ('sourdough')")
    connection.close()
    before = digest(path)
    listing = folder_listing(tmp_path)

    with pytest.raises(DatabaseError, match="not an smtui database"):
        prepare_database(path, now)

    assert digest(path) == before
    assert folder_listing(tmp_path) == listing


def test_a_directory_is_refused(tmp_path: Path, now: datetime) -> None:
    with pytest.raises(DatabaseError, match="directory"):
        prepare_database(tmp_path, now)


def test_a_missing_folder_is_refused_and_not_created(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "nowhere" / "workspace.sqlite"

    with pytest.raises(DatabaseError, match="does not exist"):
        prepare_database(path, now)

    assert not path.parent.exists()


# --- Upgrades and backups --------------------------------------------------------------------


def test_an_upgrade_makes_a_backup_first(
    db_path: Path, now: datetime, migrations_with_test_revision: Path
) -> None:
    store, _ = Store.open(db_path, fixed(now))
    store.brands.add(Brand(name="Maple Bakery", timezone="America/Toronto"))
    store.close()
    assert current_revision(db_path) == SHIPPED_HEAD

    result = prepare_database(db_path, now, migrations=migrations_with_test_revision)

    assert (result.from_revision, result.to_revision) == (SHIPPED_HEAD, "0099_slogan")
    assert result.upgraded
    assert result.backup is not None
    assert result.backup.parent == db_path.parent
    assert result.backup.stat().st_mode & 0o777 == 0o600
    # The backup is the database as it was: old revision, old data, no new column.
    assert current_revision(result.backup) == SHIPPED_HEAD
    backup = sqlite3.connect(result.backup)
    try:
        assert backup.execute("SELECT name FROM brand").fetchall() == [("Maple Bakery",)]
        assert "slogan" not in {row[1] for row in backup.execute("PRAGMA table_info(brand)")}
    finally:
        backup.close()
    # The upgraded database keeps the data and has the new column.
    assert current_revision(db_path) == "0099_slogan"
    upgraded = sqlite3.connect(db_path)
    try:
        assert upgraded.execute("SELECT name, slogan FROM brand").fetchall() == [
            ("Maple Bakery", None)
        ]
    finally:
        upgraded.close()


def test_preparing_twice_is_a_no_op_without_a_new_backup(
    db_path: Path, now: datetime, migrations_with_test_revision: Path
) -> None:
    prepare_database(db_path, now)
    first = prepare_database(db_path, now, migrations=migrations_with_test_revision)
    listing = folder_listing(db_path.parent)

    second = prepare_database(db_path, now, migrations=migrations_with_test_revision)

    assert first.backup is not None
    assert (second.from_revision, second.to_revision) == ("0099_slogan", "0099_slogan")
    assert not second.upgraded
    assert second.backup is None
    assert folder_listing(db_path.parent) == listing


def test_a_database_at_head_is_left_alone(migrated: Path, now: datetime) -> None:
    before = digest(migrated)

    result = prepare_database(migrated, now)

    assert (result.upgraded, result.backup) == (False, None)
    assert digest(migrated) == before


def test_the_shipped_app_refuses_a_database_upgraded_by_a_newer_one(
    db_path: Path, now: datetime, migrations_with_test_revision: Path
) -> None:
    prepare_database(db_path, now, migrations=migrations_with_test_revision)
    before = digest(db_path)

    with pytest.raises(DatabaseError, match="0099_slogan"):
        prepare_database(db_path, now)

    assert digest(db_path) == before


def test_backup_database_refuses_to_overwrite(migrated: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"keep me")

    with pytest.raises(DatabaseError, match="already exists"):
        backup_database(migrated, target)

    assert target.read_bytes() == b"keep me"


def test_backup_database_copies_an_open_database(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    store.brands.add(Brand(name="Maple Bakery"))

    copy = backup_database(db_path, tmp_path / "copy.sqlite")

    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT name FROM brand").fetchall() == [("Maple Bakery",)]
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()


# --- Downgrade --------------------------------------------------------------------------------


def test_the_initial_revision_downgrades_to_base_and_back(
    migrated: Path, connection_config: tuple[Config, Connection]
) -> None:
    config, connection = connection_config

    command.downgrade(config, "base")
    assert set(inspect(connection).get_table_names()) == {"alembic_version"}
    assert MigrationContext.configure(connection).get_current_revision() is None

    command.upgrade(config, "head")
    assert set(inspect(connection).get_table_names()) == {
        *Base.metadata.tables,
        "alembic_version",
    }
    assert MigrationContext.configure(connection).get_current_revision() == SHIPPED_HEAD


# --- Start-up without Alembic ----------------------------------------------------------------


def test_the_revisions_read_from_the_files_are_alembics(
    migrations_with_test_revision: Path,
) -> None:
    for folder in (None, migrations_with_test_revision):
        read = read_revision_chain(folder)
        scripts = ScriptDirectory.from_config(alembic_config(folder))
        assert read is not None
        assert read.head == scripts.get_current_head()
        assert read.known == {script.revision for script in scripts.walk_revisions()}


MERGE_REVISION = """'Merges 0098_other and 0099_slogan.'

revision = "0100_merge"
down_revision = ("0098_other", "0099_slogan")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
"""


def test_a_merge_is_left_to_alembic(migrations_with_test_revision: Path) -> None:
    """A branch and its merge: the reader gives up, and Alembic names the head."""
    versions = migrations_with_test_revision / "versions"
    (versions / "0098_other.py").write_text(
        TEST_REVISION.replace("0099_slogan", "0098_other").replace("slogan", "motto")
    )
    (versions / "0100_merge.py").write_text(MERGE_REVISION)

    assert read_revision_chain(migrations_with_test_revision) is None
    assert head_revision(migrations_with_test_revision) == "0100_merge"
    assert {"0098_other", "0099_slogan", "0100_merge"} <= known_revisions(
        migrations_with_test_revision
    )


def run_python(code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


OPEN_AND_REPORT = (
    "import sys\n"
    "from pathlib import Path\n"
    "from smtui.domain.clock import now\n"
    "from smtui.store import Store\n"
    "store, result = Store.open(Path(sys.argv[1]), now)\n"
    "store.close()\n"
    "print(result.upgraded, 'alembic' in sys.modules)\n"
)


def test_opening_a_database_at_head_does_not_import_alembic(migrated: Path) -> None:
    assert run_python(OPEN_AND_REPORT, str(migrated)) == "False False"


def test_alembic_is_imported_when_there_is_an_upgrade_to_make(db_path: Path) -> None:
    assert run_python(OPEN_AND_REPORT, str(db_path)) == "True True"
