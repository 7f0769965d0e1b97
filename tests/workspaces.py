"""Workspaces made once per test session and copied into each test that needs one.

Migrating a new file with Alembic costs about 0.15 s and filling the demo brand one to three
seconds; hundreds of tests need one or the other. Each is therefore built once per session
(per xdist worker) through the real code, Alembic's migrations and ``fill_demo``, and copied
for each test: every test still gets a file of its own.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from smtui.demo import fill_demo
from smtui.domain.clock import fixed, parse_instant
from smtui.domain.i18n import set_language
from smtui.domain.models import Brand
from smtui.store import Store
from smtui.store.migrate import prepare_database


def build_empty(path: Path, now: str) -> Path:
    """A workspace at the head revision with nothing in it, as a first start leaves it."""
    prepare_database(path, parse_instant(now))
    return path


def build_demo(path: Path, empty: Path, now: str) -> Path:
    """The demo brand at ``now``, in English, closed so that no -wal file is left behind."""
    set_language("en")
    shutil.copy(empty, path)
    clock = fixed(parse_instant(now))
    store, _result = Store.open(path, clock)
    try:
        fill_demo(store, clock)
    finally:
        store.close()
    assert not path.with_name(path.name + "-wal").exists(), "the demo was left open"
    return path


def copy_workspace(template: Path, path: Path) -> Path:
    """A private copy of ``template`` at ``path`` (its mode too: workspaces are 0600)."""
    shutil.copy(template, path)
    return path


def load_into(store: Store, template: Path) -> Brand:
    """Replace the empty workspace ``store`` has open by ``template``; return its one brand.

    SQLite's backup API writes the template's pages through the open file's own pager, so it
    is safe whether or not the store's engine already holds connections. It refuses a store
    that holds anything: a test that adds a brand before the demo would lose it.
    """
    assert store.sqlite_path is not None
    target = sqlite3.connect(store.sqlite_path)
    source = sqlite3.connect(f"{template.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (brands,) = target.execute("SELECT count(*) FROM brand").fetchone()
        assert brands == 0, "the demo is copied into an empty workspace only"
        source.backup(target)
    finally:
        source.close()
        target.close()
    (brand,) = store.brands.list()
    return brand
