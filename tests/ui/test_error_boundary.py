"""Pilot tests of the error boundary: a store call that fails (a row deleted by another
window, a file another program keeps busy, a full disk) never ends the app, and a form
keeps what was typed until the write succeeds or the user leaves.

The busy file is a second real sqlite3 connection holding ``BEGIN IMMEDIATE``; the full disk
is SQLite's ``max_page_count`` on the app's own connections. The busy timeout is shortened
through ``SMTUI_BUSY_TIMEOUT_MS`` and the retry delays through the boundary's constant, so
that a test waits a second, not forty.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from textual.widgets import Input, Static, TextArea

import smtui.boundary
from smtui.domain.clock import Clock
from smtui.domain.models import Brand
from smtui.screens.today.posts import PostsPanel
from smtui.screens.today.screen import TodayScreen
from smtui.store import Store
from smtui.today.brief import PostLine
from smtui.widgets import FormScreen

SIZE = (120, 40)
DELAYS = (0.15, 0.15, 0.15)


@pytest.fixture(autouse=True)
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set before the store opens, so that every connection it makes waits 100 ms."""
    monkeypatch.setenv("SMTUI_BUSY_TIMEOUT_MS", "100")
    monkeypatch.setattr(smtui.boundary, "RETRY_DELAYS", DELAYS)


@pytest.fixture
def locker(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's connection, ready to take the write lock."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    yield connection
    connection.close()


def notices(app: Any) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


def form_error(form: FormScreen) -> str:
    return str(form.query_one("#error-form", Static).render())


def first_post(screen: TodayScreen) -> PostLine:
    panel = screen.query_one(PostsPanel)
    line = panel.current_line
    assert isinstance(line, PostLine)
    return line


async def test_d_on_a_post_deleted_elsewhere_says_so_and_reloads(
    make_smtui_app: Any, demo: Brand, db_path: Path, clock: Clock
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        post = first_post(screen).post
        other, _result = Store.open(db_path, clock)  # another window
        try:
            other.posts.delete(post.id)
        finally:
            other.close()
        await pilot.press("d")  # duplicate the post that is gone
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert "This item was deleted elsewhere" in notices(app)
        panel = screen.query_one(PostsPanel)
        ids = [line.post.id for line in panel.lines if isinstance(line, PostLine)]
        assert post.id not in ids


async def open_title_form(pilot: Any, text: str) -> FormScreen:
    await pilot.press("e")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    form.query_one("#field-title", Input).value = text
    return form


async def test_a_form_keeps_its_text_while_the_file_stays_busy(
    make_smtui_app: Any, demo: Brand, locker: sqlite3.Connection
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_title_form(pilot, "Kept while busy")
        locker.execute("BEGIN IMMEDIATE")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "busy (an import is running), retrying" in form_error(form)
        await pilot.pause(sum(DELAYS) + 4 * 0.1 + 0.5)  # every try, each waiting 100 ms
        assert app.is_running and app.screen is form
        assert form.query_one("#field-title", Input).value == "Kept while busy"
        assert "stays busy" in form_error(form) and "nothing was saved" in form_error(form)
        locker.execute("ROLLBACK")


async def test_a_form_saves_once_the_lock_is_released_during_the_retries(
    make_smtui_app: Any, demo: Brand, store: Store, locker: sqlite3.Connection
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        post = first_post(app.screen).post
        form = await open_title_form(pilot, "Saved after the import")
        locker.execute("BEGIN IMMEDIATE")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "retrying" in form_error(form)
        locker.execute("ROLLBACK")  # the import ends
        await pilot.pause(DELAYS[0] + 0.4)
        assert app.screen is not form
        assert store.posts.get(post.id).title == "Saved after the import"


async def test_a_form_on_a_full_disk_stays_open_and_names_the_file(
    make_smtui_app: Any, demo: Brand, store: Store, db_path: Path
) -> None:
    def fill_up(connection: Any, _record: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(store.engine, "connect", fill_up)
    store.engine.dispose()  # every connection from now on meets the full disk
    app = make_smtui_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_title_form(pilot, "No room")
        long_text = "A long text that needs new pages. " * 450
        form.query_one("#field-body", TextArea).text = long_text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is form
        message = form_error(form)
        shown = [str(w.render()) for w in form.query(".form-error")]
        assert "full" in message, (shown, notices(app))
        assert "full" in message and str(db_path) in message, message
        assert form.query_one("#field-title", Input).value == "No room"
        assert long_text.strip() in form.query_one("#field-body", TextArea).text


async def test_d_on_a_busy_file_retries_and_duplicates_once_free(
    make_smtui_app: Any, demo: Brand, store: Store, locker: sqlite3.Connection
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        post = first_post(app.screen).post
        before = len(store.posts.list(demo.id))
        locker.execute("BEGIN IMMEDIATE")
        await pilot.press("d")
        await pilot.pause()
        assert app.is_running
        assert "The workspace is busy (an import is running), retrying…" in notices(app)
        locker.execute("ROLLBACK")  # the import ends
        await pilot.pause(DELAYS[0] + 0.4)
        assert len(store.posts.list(demo.id)) == before + 1
        assert post.id is not None


async def test_d_on_a_file_that_stays_busy_says_so_and_stays_up(
    make_smtui_app: Any, demo: Brand, db_path: Path, locker: sqlite3.Connection
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        locker.execute("BEGIN IMMEDIATE")
        await pilot.press("d")
        await pilot.pause(sum(DELAYS) + 4 * 0.1 + 0.5)
        assert app.is_running and app.return_code is None
        assert any("stays busy" in notice and str(db_path) in notice for notice in notices(app))
        locker.execute("ROLLBACK")
