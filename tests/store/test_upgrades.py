"""Tests of upgrading real workspaces: a database built at each released revision, with a
brand's plan in it, is upgraded to the head; every row survives, the app reads it, and the
backup made first opens and holds the database exactly as it was. Then pytest-alembic's
standard checks: one head, upgrade from empty, models matching the migrations, and every
revision going down and up again."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from pytest_alembic import Config as PytestAlembicConfig
from pytest_alembic import runner
from pytest_alembic.plugin.error import AlembicTestFailure
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import Connection
from upgrade_support import database_at

from smtui.domain.clock import fixed
from smtui.domain.enums import InboxStatus
from smtui.domain.inbox import QueueFilter, QueueTab
from smtui.resources import resource
from smtui.store import Store, prepare_database
from smtui.store.engine import make_engine, sqlite_url
from smtui.store.migrate import alembic_config as smtui_alembic_config
from smtui.store.migrate import current_revision, known_revisions

RELEASED = ["0001_initial", "0002_planning_rules", "0003_import_runs", "0004_post_import_rows"]

NEXT_REVISION = '''"""A revision after the released ones, so that each has an upgrade to make.

Revision ID: 0999_next
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "0999_next"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post") as batch_op:
        batch_op.add_column(sa.Column("next_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("post") as batch_op:
        batch_op.drop_column("next_note")
'''

# A brand's plan as the first released smtui wrote it: rows every later revision must keep.
PLAN = [
    "INSERT INTO brand (id, name, timezone, description, voice_tone, dos, donts, created_at) "
    "VALUES (1, 'Maple & Grain', 'America/Toronto', 'A bakery', 'Warm', 'Thank', 'Argue', "
    "'2026-11-01 12:00:00.000000')",
    "INSERT INTO channel (id, brand_id, platform, handle, url, manager, mission, status, "
    "char_limit, cadence_min, cadence_max, cadence_period) VALUES (1, 1, 'instagram', "
    "'@mapleandgrain', NULL, 'Zoé', 'Show the bread', 'active', 2200, 3, 5, 'week')",
    "INSERT INTO pillar (id, brand_id, name, description, target_share, colour) "
    "VALUES (1, 1, 'Behind the oven', 'How we bake', 40, 'green')",
    "INSERT INTO objective (id, brand_id, statement, type, metric_id, baseline, target, "
    "start_date, due_date, status) VALUES (1, 1, 'Reach 5,000 followers', 'awareness', NULL, "
    "3000, 5000, '2026-10-01', '2027-03-31', 'active')",
    "INSERT INTO post (id, brand_id, channel_id, pillar_id, objective_id, title, body, visual, "
    "call_to_action, hashtags, link_url, utm_campaign, utm_content, scheduled_at, status, "
    "published_at, published_url, campaign, repurposed_from_id, notes, created_at, updated_at) "
    "VALUES (1, 1, 1, 1, 1, 'Sourdough', 'Our loaves [b]rise[/b] at 5 am', 'loaf.jpg', "
    "'Visit us', '#bread', 'https://example.com/bread', 'winter', 'loaf', "
    "'2026-11-24 14:00:00.000000', 'scheduled', NULL, NULL, 'Winter', NULL, '', "
    "'2026-11-01 12:00:00.000000', '2026-11-01 12:00:00.000000')",
    "INSERT INTO inbox_item (id, brand_id, channel_id, kind, author_name, author_handle, text, "
    "url, received_at, status, priority, due_at, snoozed_until, handled_at, reply_text, tags, "
    "external_id, source) VALUES (1, 1, 1, 'comment', 'Léa', '@lea', 'Open on Sunday?', NULL, "
    "'2026-11-23 13:00:00.000000', 'new', 1, NULL, NULL, NULL, '', 'hours', 'c1', 'manual')",
    "INSERT INTO setting (key, value) VALUES ('theme', 'dark')",
]


def dump(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, as plain values, to compare before and after."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return {
            table: [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
            for table in tables
        }
    finally:
        connection.close()


def kept(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]) -> None:
    """Every table of ``before`` is in ``after`` with the same rows (new columns allowed)."""
    for table, rows in before.items():
        assert table in after, f"the upgrade dropped {table}"
        narrowed = [{key: row[key] for key in rows[0]} for row in after[table]] if rows else []
        assert narrowed == rows, table


@pytest.fixture
def migrations_with_next(tmp_path: Path) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(resource("migrations"), folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0999_next.py").write_text(NEXT_REVISION.format(head=RELEASED[-1]))
    return folder


def test_the_released_revisions_are_the_shipped_ones() -> None:
    assert known_revisions() == set(RELEASED)


def planned_database(folder: Path, revision: str) -> Path:
    """A workspace at ``revision`` holding the plan a user would have made by then."""
    path = database_at(folder / "workspace.sqlite", revision)
    connection = sqlite3.connect(path)
    with connection:
        for statement in PLAN:
            connection.execute(statement)
    connection.close()
    return path


@pytest.mark.parametrize("revision", RELEASED)
def test_a_database_at_each_released_revision_upgrades_with_its_data(
    tmp_path: Path, now: datetime, migrations_with_next: Path, revision: str
) -> None:
    path = planned_database(tmp_path, revision)
    before = dump(path)
    assert all(before[table] for table in ("brand", "channel", "post", "inbox_item"))

    result = prepare_database(path, now, migrations=migrations_with_next)

    assert (result.from_revision, result.to_revision) == (revision, "0999_next")
    assert current_revision(path) == "0999_next"
    kept(before, dump(path))
    # The backup made first is the database as it was: its revision, its rows, nothing more.
    assert result.backup is not None
    assert current_revision(result.backup) == revision
    assert dump(result.backup) == before
    backup = sqlite3.connect(result.backup)
    try:
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        backup.close()


@pytest.mark.parametrize("revision", RELEASED)
def test_the_app_reads_an_upgraded_workspace(tmp_path: Path, now: datetime, revision: str) -> None:
    path = planned_database(tmp_path, revision)

    store, result = Store.open(path, fixed(now))
    try:
        assert result.upgraded == (revision != RELEASED[-1])
        (brand,) = store.brands.list()
        assert (brand.name, brand.timezone) == ("Maple & Grain", "America/Toronto")
        assert brand.id is not None
        (channel,) = store.channels.list(brand.id)
        assert channel.handle == "@mapleandgrain"
        post = store.posts.get(1)
        assert post.body == "Our loaves [b]rise[/b] at 5 am"
        (item,) = store.inbox.page(brand.id, QueueFilter(tab=QueueTab.ALL), limit=10).items
        assert (item.author_name, item.status) == ("Léa", InboxStatus.NEW)
        assert store.settings.get("theme") == "dark"
    finally:
        store.close()


# --- pytest-alembic's standard checks --------------------------------------------------------


@pytest.fixture
def alembic_config() -> Config:
    """The shipped revisions, configured as smtui.store.migrate configures them."""
    return smtui_alembic_config()


@pytest.fixture
def alembic_engine(tmp_path: Path) -> Iterator[Connection]:
    """A connection to a real SQLite file with smtui's pragmas (foreign keys off, as for
    migrations). A connection, not an engine: migrations/env.py takes the connection the app
    hands it, and pytest-alembic hands it whatever this fixture gives."""
    engine = make_engine(sqlite_url(tmp_path / "alembic.sqlite"), foreign_keys=False)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def test_the_model_check_does_see_a_missing_revision(tmp_path: Path) -> None:
    """Guards the check above: without the last revision, the models are ahead of the DDL."""
    folder = tmp_path / "migrations"
    shutil.copytree(resource("migrations"), folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"{RELEASED[-1]}.py").unlink()
    engine = make_engine(sqlite_url(tmp_path / "behind.sqlite"), foreign_keys=False)
    try:
        with (
            engine.connect() as connection,
            runner(
                config=PytestAlembicConfig.from_raw_config(smtui_alembic_config(folder)),
                engine=connection,
            ) as behind,
            pytest.raises(AlembicTestFailure, match="out of sync"),
        ):
            test_model_definitions_match_ddl(behind)
    finally:
        engine.dispose()


__all__ = [
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]
