"""The help screen (``?``) of every screen: its keys and marks fit an 80-column terminal."""

from __future__ import annotations

import pytest
from drawn import screen_text
from textual.widgets import DataTable, Static

from smtui.domain.models import Brand
from smtui.widgets import HelpScreen

SCREENS = {"1": "Today", "2": "Calendar", "3": "Queue", "4": "KPIs", "5": "Strategy", "6": "Audit"}


@pytest.mark.parametrize("key", sorted(SCREENS))
async def test_every_help_fits_a_small_terminal(
    make_smtui_app,
    demo: Brand,
    key: str,  # type: ignore[no-untyped-def]
) -> None:
    """No key's description is pushed past the dialog's edge (a long one wraps), and the
    hint under the table stays on screen."""
    app = make_smtui_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        # The footer names the Help key even at 80 columns (the app's keys come last and
        # were cut off; the screen's come first).
        assert "? Help" in screen_text(app).splitlines()[-1]
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert SCREENS[key] in str(help_screen.query_one(".dialog-title", Static).content)
        table = help_screen.query_one("#help-keys", DataTable)
        assert table.max_scroll_x == 0
        # Drawn, not only laid out: the dialog clipped it once while its region looked fine.
        assert "Ctrl+P opens the command palette" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


@pytest.mark.parametrize(
    ("key", "marks"), [("1", {"●", "┄", "!", "▼", "#"}), ("2", {"✗", "┄", "+n"})]
)
async def test_the_help_says_what_the_marks_mean(
    make_smtui_app,
    demo: Brand,
    key: str,
    marks: set[str],  # type: ignore[no-untyped-def]
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(key, "question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert marks <= {mark for mark, _means in help_screen.marks}
        table = help_screen.query_one("#help-keys", DataTable)
        cells = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert "Mark" in cells and marks <= set(cells)
        # The last mark is the table's last row: one scroll reaches the whole help.
        assert cells[-1] == help_screen.marks[-1][0]


async def test_keys_described_alike_but_doing_different_things_keep_their_rows(
    make_smtui_app,
    demo: Brand,  # type: ignore[no-untyped-def]
) -> None:
    """On the Calendar, t goes to today's date and 1 to the Today screen: both are
    described "Today", and the help keeps them apart, the first with its tooltip."""
    app = make_smtui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        today = {row.keys: row for row in help_screen.rows if row.does == "Today"}
        assert set(today) == {"t", "1"}
        assert today["t"].does_text().plain == "Today — Jump to today"
        assert today["1"].does_text().plain == "Today"
        deleting = [row for row in help_screen.rows if row.does == "Delete"]
        assert [row.keys for row in deleting] == ["x del"]  # one action's keys share a row
