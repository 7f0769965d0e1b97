"""Tests of the engine factory: the pragmas on every connection and write transactions that
take the write lock up front (BEGIN IMMEDIATE)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from smtui.store import Store
from smtui.store.engine import BUSY_TIMEOUT_MS, make_engine, sqlite_url

TINY_TIMEOUT = 0.05  # seconds: long enough to be a real wait, short enough for a test


@pytest.fixture
def other(db_path: Path, store: Store) -> Iterator[sqlite3.Connection]:
    """A plain connection on the same file that gives up almost at once when it is locked."""
    connection = sqlite3.connect(db_path, timeout=TINY_TIMEOUT, isolation_level=None)
    yield connection
    if connection.in_transaction:
        connection.execute("ROLLBACK")
    connection.close()


def pragma(engine: Engine, name: str) -> Any:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_pragmas_are_in_force_on_a_store_connection(store: Store) -> None:
    assert pragma(store.engine, "journal_mode") == "wal"
    assert pragma(store.engine, "foreign_keys") == 1
    assert pragma(store.engine, "busy_timeout") == BUSY_TIMEOUT_MS
    assert BUSY_TIMEOUT_MS >= 1000
    assert pragma(store.engine, "synchronous") == 2  # FULL: a power cut loses no commit


def test_every_pooled_connection_gets_the_pragmas(store: Store) -> None:
    with store.engine.connect() as first, store.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS


def test_a_migration_engine_can_turn_foreign_keys_off(db_path: Path, store: Store) -> None:
    engine = make_engine(sqlite_url(db_path), foreign_keys=False)
    try:
        assert pragma(engine, "foreign_keys") == 0
        assert pragma(engine, "journal_mode") == "wal"
    finally:
        engine.dispose()


def test_a_fresh_file_is_put_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    engine = make_engine(sqlite_url(path))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (a INTEGER)")
    finally:
        engine.dispose()

    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        raw.close()


def test_a_write_transaction_begins_immediate_and_a_read_does_not(store: Store) -> None:
    begun: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.upper().startswith("BEGIN"):
            begun.append(statement.upper())

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.settings.set("theme", "dark")
        store.settings.get("theme")
    finally:
        event.remove(store.engine, "before_cursor_execute", record)

    assert begun == ["BEGIN IMMEDIATE", "BEGIN"]


def test_an_open_write_transaction_holds_the_write_lock(
    store: Store, other: sqlite3.Connection
) -> None:
    with store.write() as session:
        session.connection()  # the transaction has begun, nothing written yet

        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")

    # Once the write transaction ends, the lock is free again.
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting (key, value) VALUES ('from_other', 'yes')")
    other.execute("COMMIT")
    assert store.settings.get("from_other") == "yes"


def test_an_open_read_transaction_does_not_block_writers(
    store: Store, other: sqlite3.Connection
) -> None:
    store.settings.set("theme", "dark")
    with store.read() as session:
        assert session.execute(text("SELECT value FROM setting")).scalar() == "dark"

        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE setting SET value = 'light'")
        other.execute("COMMIT")

        # The read transaction keeps its snapshot.
        assert session.execute(text("SELECT value FROM setting")).scalar() == "dark"

    assert store.settings.get("theme") == "light"


def test_a_write_waits_for_the_lock_instead_of_failing(
    store: Store, other: sqlite3.Connection
) -> None:
    other.execute("BEGIN IMMEDIATE")
    errors: list[BaseException] = []

    def write() -> None:
        try:
            store.settings.set("waited", "yes")
        except BaseException as error:  # reported to the main thread below
            errors.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(timeout=0.2)
    assert writer.is_alive(), "the write should be waiting for the lock"
    assert store.settings.get("waited") is None

    other.execute("COMMIT")
    writer.join(timeout=BUSY_TIMEOUT_MS / 1000)

    assert not writer.is_alive()
    assert errors == []
    assert store.settings.get("waited") == "yes"
