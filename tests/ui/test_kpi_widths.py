"""Pilot tests of the KPI screen at an 80x24 terminal and at 120x36, on the demo workspace:
the post-performance tables keep the number they rank by and fit their box, objective
titles end in an ellipsis before their verdict, and the history dialog's key hint stays on
screen."""

from __future__ import annotations

import pytest
from drawn import screen_text
from rich.cells import cell_len
from textual.app import App
from textual.widgets import DataTable, Static

from smtui.domain.models import Brand
from smtui.screens.kpi.cards import ObjectiveCard
from smtui.screens.kpi.forms import MetricHistoryScreen
from smtui.screens.kpi.screen import KpiScreen

NARROW, MIDDLE, WIDE = (80, 24), (100, 30), (120, 36)
POSTS = ("kpi-top", "kpi-bottom")
BREAKDOWNS = ("kpi-by-pillar", "kpi-by-channel", "kpi-by-post_type")


@pytest.fixture
def demo_app(make_smtui_app, demo: Brand):  # type: ignore[no-untyped-def]
    return make_smtui_app()


def screen_lines(app: App[None]) -> list[str]:
    return screen_text(app).splitlines()


def labels(table: DataTable[object]) -> list[str]:
    return [column.label.plain for column in table.columns.values()]


def assert_fits(table: DataTable[object]) -> None:
    """Every column as wide as its label at least, every cell within its column, and the
    columns filling the table up to the scrollbar's cell: nothing past the box's edge."""
    columns = list(table.columns.values())
    for column in columns:
        assert column.content_width >= cell_len(column.label.plain), (table.id, column.label)
    for index in range(table.row_count):
        for column, cell in zip(columns, table.get_row_at(index), strict=True):
            text = cell.plain if hasattr(cell, "plain") else str(cell)
            assert cell_len(text) <= column.content_width, (table.id, text)
    used = sum(column.get_render_width(table) for column in columns)
    assert used == table.size.width - 1, table.id
    assert not table.show_horizontal_scrollbar, table.id


def assert_titles_cut_with_ellipsis(app: App[None], table: DataTable[object]) -> None:
    """Each post's title whole, or as much as fits followed by an ellipsis."""
    screen = app.screen
    assert isinstance(screen, KpiScreen)
    brand = screen.brand
    assert brand.id is not None
    start, end = screen.current_period().utc_bounds(brand.timezone)
    best = table.id == "kpi-top"
    posts = screen.store.post_metrics.ranked(brand.id, start, end, 5, best)
    assert len(posts) == table.row_count
    for index, post in enumerate(posts):
        shown = table.get_row_at(index)[0].plain
        assert shown == post.title or (shown.endswith("…") and post.title.startswith(shown[:-1])), (
            shown
        )


@pytest.mark.parametrize(
    ("size", "post_columns", "breakdown_columns"),
    [
        (NARROW, ["Post", "Rate"], ["Name", "Rate"]),
        (WIDE, ["Post", "Channel", "Day", "Rate"], ["Name", "Posts", "Impr.", "Rate"]),
    ],
)
async def test_post_performance_keeps_the_rate_and_fits(
    demo_app,  # type: ignore[no-untyped-def]
    size: tuple[int, int],
    post_columns: list[str],
    breakdown_columns: list[str],
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await pilot.press("4", "right_square_bracket")
        await pilot.pause()
        assert isinstance(demo_app.screen, KpiScreen)
        for name in POSTS + BREAKDOWNS + ("kpi-planned", "kpi-utm"):
            table = demo_app.screen.query_one(f"#{name}", DataTable)
            assert table.row_count, name
            expected = post_columns if name in POSTS else breakdown_columns
            if name in POSTS + BREAKDOWNS:
                assert labels(table) == expected, name
            assert_fits(table)
            if name in POSTS:
                assert_titles_cut_with_ellipsis(demo_app, table)
        # Both rankings show their rate on the screen itself, beside the post's title.
        header = next(line for line in screen_lines(demo_app) if line.startswith(" Post "))
        assert header.count("Rate") == 2, header


async def test_post_performance_lays_out_again_when_the_terminal_grows(demo_app) -> None:  # type: ignore[no-untyped-def]
    async with demo_app.run_test(size=NARROW) as pilot:
        await pilot.press("4", "right_square_bracket")
        await pilot.pause()
        top = demo_app.screen.query_one("#kpi-top", DataTable)
        assert labels(top) == ["Post", "Rate"]
        top.focus()
        await pilot.press("down", "down")
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert labels(top) == ["Post", "Channel", "Day", "Rate"]
        assert_fits(top)
        assert top.cursor_row == 2  # the same row, laid out again
        await pilot.press("p", "down", "enter")  # another period: other rows, from the top
        await pilot.pause()
        assert isinstance(demo_app.screen, KpiScreen)
        assert top.cursor_row == 0


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_objective_titles_end_in_an_ellipsis_before_the_verdict(
    demo_app,  # type: ignore[no-untyped-def]
    size: tuple[int, int],
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await pilot.press("4")
        await pilot.pause()
        lines = screen_lines(demo_app)
        checked = 0
        for card in demo_app.screen.query(ObjectiveCard):
            head = card.query_one(".card-head").region
            if not head.height or head.y >= len(lines) - 1:  # scrolled out of sight
                continue
            shown = lines[head.y][head.x : head.right]
            verdict = card.figures.pace.verdict_text
            statement = card.figures.objective.statement
            title, gap, end = shown.rpartition("  " + verdict)
            assert gap and not end.strip(), shown
            if len(statement) > len(title):
                # Cut where the verdict's gap begins, with an ellipsis: never mid-sentence.
                assert title.endswith("…") and statement.startswith(title[:-1]), shown
                assert len(title) + 2 + len(verdict) == head.width, shown
            else:
                assert title.rstrip() == statement, shown
            checked += 1
        assert checked >= 2


# 120x36 always had room; 80x24 and 100x30 lost the hint below the table.
@pytest.mark.parametrize("size", [NARROW, MIDDLE, WIDE])
async def test_history_dialog_shows_its_keys(demo_app, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async with demo_app.run_test(size=size) as pilot:
        await pilot.press("4", "h")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, MetricHistoryScreen)
        hint = dialog.query_one(".dialog-hint", Static)
        text = "e edit · d delete · m older values · esc close"
        assert any(text in line for line in screen_lines(demo_app))
        box = dialog.query_one("#history-dialog").region
        assert box.bottom <= size[1] and box.contains_region(hint.region)
        # The table scrolls inside the dialog instead of pushing the hint off.
        await pilot.press(*["down"] * 30)
        await pilot.pause()
        assert any(text in line for line in screen_lines(demo_app))
        assert dialog.selected() == dialog.values[30]


@pytest.mark.parametrize(("size", "lines"), [(NARROW, 2), (WIDE, 1)])
async def test_a_card_puts_its_progress_on_a_line_of_its_own_when_narrow(
    demo_app, size: tuple[int, int], lines: int
) -> None:  # type: ignore[no-untyped-def]
    """Never "150 days" at the end of one line and "left" on the next: the values and the
    progress share a line where they fit, else each has its own."""
    async with demo_app.run_test(size=size) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(demo_app.screen, KpiScreen)
        shown = screen_text(demo_app)
        cards = list(demo_app.screen.query(ObjectiveCard))
        assert cards
        for card in cards:
            figures = card.query_one(".card-figures", Static)
            assert figures.size.height == lines
            if card.region.bottom <= size[1] - 1:  # drawn whole, above the footer
                assert card._days_left(card.figures.pace) in shown
