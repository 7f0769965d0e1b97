"""Tests of the SQLite snapshot, the brief's reader without SQLAlchemy: on the demo and on a
generated multi-brand workspace, read on several days and instants, it gives exactly the
brief the repositories give; it reads one committed state; and ``smtui today`` runs on it
without importing SQLAlchemy."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from paths import REPO

from smtui.domain.clock import fixed
from smtui.domain.enums import InboxKind, InboxStatus, Priority
from smtui.domain.inbox import InboxItem
from smtui.domain.models import Brand
from smtui.domain.planning import BrandSettings
from smtui.store import DatabaseError, Store
from smtui.store.brief_reads import StoreBriefSource
from smtui.store.snapshot import SqliteSnapshot
from smtui.store.sqlite_settings import stored_instant
from smtui.today.brief import Brief, build_brief

BENCH_NOW = "2026-11-23T15:30:00+00:00"
TINY = ["--brands", "3", "--posts", "900", "--inbox", "4000", "--years", "1", "--metrics", "9"]


def both(store: Store, day: date, now: datetime) -> tuple[Brief, Brief]:
    """The brief of every brand through the repositories, then through the snapshot."""
    reference = StoreBriefSource(store)
    expected = build_brief(reference, reference.brands(), day, now)
    assert store.sqlite_path is not None
    with SqliteSnapshot(store.sqlite_path) as snapshot:
        assert repr(snapshot.brands()) == repr(reference.brands())
        found = build_brief(snapshot, snapshot.brands(), day, now)
    return expected, found


def assert_same(expected: Brief, found: Brief) -> None:
    # Section by section first, so that a failure names the section that differs.
    for name in ("posts", "slots", "replies", "metrics", "week", "behind", "actions"):
        assert getattr(found, name) == getattr(expected, name), name
    assert found == expected
    # Equal is not enough: a stored 'blog' equals Platform.BLOG and 1 equals True. The reprs
    # show each value's type, as the screens and `is` comparisons meet it.
    for name in ("posts", "slots", "replies", "metrics", "week", "behind", "actions"):
        assert repr(getattr(found, name)) == repr(getattr(expected, name)), name
    assert repr(found) == repr(expected)


@pytest.mark.parametrize("days", [-1, 0, 1, 6, -8])
@pytest.mark.parametrize("hours", [0, 5, 30])
def test_the_demo_brief_is_the_repositories_brief(
    store: Store, demo: Brand, now: datetime, days: int, hours: int
) -> None:
    later = now + timedelta(hours=hours)
    expected, found = both(store, later.date() + timedelta(days=days), later)
    assert expected.replies and expected.week and expected.behind, "the demo fills the brief"
    if days == 0 and hours == 0:
        assert expected.posts and expected.slots is not None and expected.metrics
    assert_same(expected, found)


def test_snoozed_items_wake_in_both_readers(store: Store, demo: Brand, now: datetime) -> None:
    assert demo.id is not None
    for hours, priority in ((1, Priority.URGENT), (3, Priority.LOW), (5, Priority.HIGH)):
        item = store.inbox.add(
            InboxItem(
                brand_id=demo.id,
                kind=InboxKind.DM,
                author_name=f"[bold]snoozed {hours}[/]",
                text="Still there?",
                received_at=now - timedelta(days=2),
                priority=priority,
            )
        )
        assert item.id is not None
        store.inbox.snooze([item.id], now + timedelta(hours=hours))
    later = now + timedelta(hours=4)  # two have woken up, one still sleeps
    expected, found = both(store, later.date(), later)
    assert any(line.item.status is InboxStatus.SNOOZED for line in expected.replies)
    assert (found.replies_left, found.replies_late) == (
        expected.replies_left,
        expected.replies_late,
    )
    assert_same(expected, found)


def test_each_model_read_gives_the_repositories_types(
    store: Store, demo: Brand, now: datetime
) -> None:
    """The snapshot builds its models from the rows without validating them (as the
    repositories' fast paths do), converting what SQLite gives back; each read must give the
    models, field by field and type by type, that the repositories validate. Brand settings
    are checked saved and as defaults: the brief uses them without showing them."""
    store.brand_settings.save(
        BrandSettings(
            brand_id=demo.id,
            working_hours_enabled=True,
            work_days=(1, 2, 4),
            work_start=time(8, 30),
            work_end=time(18, 0),
            conflict_gap_minutes=45,
        )
    )
    other = store.brands.add(Brand(name="Other", timezone="Europe/Paris"))
    reference = StoreBriefSource(store)
    day = now.date()
    assert store.sqlite_path is not None
    with SqliteSnapshot(store.sqlite_path) as snapshot:
        for brand_id in (demo.id, other.id):
            assert brand_id is not None
            for read in ("channels", "slots", "brand_settings", "objectives"):
                found, expected = (
                    getattr(snapshot, read)(brand_id),
                    getattr(reference, read)(brand_id),
                )
                assert repr(found) == repr(expected), read
            found_due, expected_due = (
                snapshot.metrics_due(brand_id, day),
                reference.metrics_due(brand_id, day),
            )
            assert repr(found_due) == repr(expected_due)
            found_actions = snapshot.actions_due(brand_id, day + timedelta(days=60), 50)
            expected_actions = reference.actions_due(brand_id, day + timedelta(days=60), 50)
            assert repr(found_actions) == repr(expected_actions)
        assert snapshot.brand_settings(demo.id).working_hours_enabled is True
        assert snapshot.objectives(demo.id) and snapshot.actions_due(
            demo.id, day + timedelta(60), 50
        )


@pytest.mark.slow
def test_a_generated_workspace_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "generated.sqlite"
    made = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "make_workspace.py"), str(path), *TINY],
        capture_output=True,
        text=True,
        env={**os.environ, "SMTUI_NOW": BENCH_NOW},
        timeout=300,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    instant = datetime.fromisoformat(BENCH_NOW)
    store, _result = Store.open(path, fixed(instant))
    try:
        for days in (0, 1, -2):
            expected, found = both(store, instant.date() + timedelta(days=days), instant)
            assert expected.several_brands and expected.replies
            assert_same(expected, found)
    finally:
        store.close()


def test_instants_are_written_as_the_engine_stores_them(store: Store, demo: Brand) -> None:
    assert demo.id is not None
    start, end = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    post = store.posts.in_range(demo.id, start, end)[0]
    assert post.scheduled_at is not None
    assert store.sqlite_path is not None
    with SqliteSnapshot(store.sqlite_path) as snapshot:
        found = snapshot._rows("SELECT scheduled_at FROM post WHERE id = ?", post.id)
    assert found[0][0] == stored_instant(post.scheduled_at)


def test_one_read_sees_one_committed_state(store: Store, demo: Brand, now: datetime) -> None:
    assert demo.id is not None and store.sqlite_path is not None
    with SqliteSnapshot(store.sqlite_path) as snapshot:
        before = snapshot.queue_counts(demo.id, now)
        store.inbox.add(
            InboxItem(brand_id=demo.id, kind=InboxKind.COMMENT, text="new", received_at=now)
        )
        assert snapshot.queue_counts(demo.id, now) == before
    with SqliteSnapshot(store.sqlite_path) as snapshot:
        assert snapshot.queue_counts(demo.id, now).todo == before.todo + 1


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not-a-database.sqlite"
    path.write_bytes(b"this is not SQLite at all, only text" * 100)
    with pytest.raises(DatabaseError, match="cannot be read"), SqliteSnapshot(path) as snapshot:
        snapshot.brands()


def test_smtui_today_reads_without_sqlalchemy(db_path: Path, demo: Brand) -> None:
    probe = (
        "import sys\n"
        "from smtui.cli import main\n"
        f"sys.argv = ['smtui', '--db', {str(db_path)!r}, 'today', '--json']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic', 'textual', 'rich'))\n"
        "print('LOADED', loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert '"to_post"' in done.stdout
    assert done.stdout.splitlines()[-1] == "LOADED []"


def test_rows_todays_rules_would_refuse_are_shown_as_the_repositories_show_them(
    store: Store, demo: Brand, now: datetime
) -> None:
    """A link written before links were checked, and tags given as a list holding a
    semicolon: the repositories build posts and queue items from their columns, and so does
    the snapshot, instead of stopping the brief on a validation error."""
    assert demo.id is not None and store.sqlite_path is not None
    item = store.inbox.add(
        InboxItem(
            brand_id=demo.id,
            kind=InboxKind.DM,
            text="old row",
            received_at=now - timedelta(hours=1),
            tags=("a;b", "x"),
            priority=Priority.URGENT,
        )
    )
    connection = sqlite3.connect(store.sqlite_path)
    with connection:
        connection.execute(
            "UPDATE inbox_item SET url = 'www.example.com/x' WHERE id = ?", (item.id,)
        )
        connection.execute("UPDATE post SET link_url = 'not a url' WHERE brand_id = ?", (demo.id,))
    connection.close()
    expected, found = both(store, now.date(), now)
    old = next(line.item for line in found.replies if line.item.id == item.id)
    assert old.url == "www.example.com/x"
    assert old.tags == ("a;b", "x")
    assert all(line.post.link_url == "not a url" for line in found.posts)
    assert_same(expected, found)


def test_instants_before_the_year_1000_keep_four_digits() -> None:
    assert stored_instant(datetime(999, 5, 1, 12, 0, tzinfo=UTC)) == "0999-05-01 12:00:00.000000"


def test_smtui_today_json_stays_json_when_the_database_is_upgraded(tmp_path: Path) -> None:
    from upgrade_support import database_at

    from smtui.store.migrate import known_revisions

    oldest = min(known_revisions())
    path = database_at(tmp_path / "old.sqlite", oldest)
    done = subprocess.run(
        [sys.executable, "-m", "smtui", "--db", str(path), "today", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout)["schema"] == "smtui.today/1"
    assert "Upgraded the database" in done.stderr
