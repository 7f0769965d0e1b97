"""Pilot tests: a brand whose stored time zone this machine does not know opens on Today
with a warning, the Strategy screen shows the zone as invalid, and the user fixes it there."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from smtui.domain.models import Brand
from smtui.store import Store
from smtui.widgets import FormScreen

BAD_ZONE = "US/Pacific-New"
SIZE = (120, 40)


def shown(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def spoil_zone(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE brand SET timezone = ?", (BAD_ZONE,))
    connection.close()


async def test_opens_warns_shows_invalid_and_is_fixed(
    make_smtui_app, store: Store, demo: Brand, db_path: Path
) -> None:
    spoil_zone(db_path)
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "TodayScreen"
        notes = [str(note.message) for note in app._notifications]
        assert any(BAD_ZONE in note and "UTC" in note for note in notes), notes

        await pilot.press("5")  # the Strategy screen, on its Charter tab
        await pilot.pause()
        charter = shown(app.screen.query_one("#charter-body", Static))
        assert BAD_ZONE in charter and "invalid" in charter

        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-timezone").focus()
        await pilot.press("ctrl+u", *"America/Toronto", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        assert app.brand.timezone == "America/Toronto"
        assert store.brands.list()[0].timezone == "America/Toronto"
        charter = shown(app.screen.query_one("#charter-body", Static))
        assert "invalid" not in charter
