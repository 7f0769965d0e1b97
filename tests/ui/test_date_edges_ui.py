"""Pilot test: a post typed at 9999-12-31 23:59 in the post editor is refused on its day
field, with the range of days smtui accepts, rather than crashing the app."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Static

from smtui.domain.enums import Platform
from smtui.domain.models import Brand, Channel
from smtui.screens.calendar.editor import PostEditor
from smtui.store import Store


def shown(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_post_at_the_end_of_time_is_refused_on_the_day(make_smtui_app, store: Store) -> None:
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    assert brand.id is not None
    store.channels.add(Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="Maple"))
    app = make_smtui_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "n")  # the Calendar, a new post
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, PostEditor)
        await pilot.press("tab", "ctrl+u", *"9999-12-31", "tab", "ctrl+u", *"23:59", "ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "1900-01-01 to 2999-12-31" in shown(editor.query_one("#error-day", Static))
        assert store.posts.list(brand.id) == []
