"""Pilot tests of the Calendar at the terminal sizes people use: the agenda keeps each post's
title readable and the week view keeps each column's date, from 80×24 to 120×36."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from smtui.domain.models import Brand
from smtui.screens.calendar.agenda import Agenda
from smtui.screens.calendar.screen import CalendarScreen
from smtui.screens.calendar.week_grid import WeekGrid

SMALL, LARGE = (80, 24), (120, 36)


def columns(agenda: Agenda) -> list[tuple[str, str, int]]:
    """(key, heading, width) of each column, left to right."""
    return [
        (str(column.key.value), column.label.plain, column.width)
        for column in agenda.ordered_columns
    ]


def titles(agenda: Agenda) -> list[tuple[str, str]]:
    """(title stored, title shown) for each post row."""
    return [
        (post.title or "", agenda.get_cell(key, "title").plain)
        for key, post in agenda.posts.items()
    ]


def assert_titles_readable(agenda: Agenda, minimum: int) -> None:
    """Every title shown whole, or cut to its column with an ellipsis, the column at least
    ``minimum`` wide, and no row running past the agenda's edge."""
    width = dict((key, width) for key, _heading, width in columns(agenda))["title"]
    assert width >= minimum
    cut = 0
    for stored, shown in titles(agenda):
        if len(stored) <= width:
            assert shown == stored
        else:
            cut += 1
            # As much as fits, less a space the cut would leave before the ellipsis.
            assert shown == stored[: width - 1].rstrip() + "…", shown
    assert cut  # the demo has titles too long for these widths: the cut is tested
    assert agenda.max_scroll_x == 0


async def open_view(pilot, key: str) -> CalendarScreen:  # type: ignore[no-untyped-def]
    await pilot.press("2", key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CalendarScreen) and screen.view in {"agenda", "week"}
    return screen


async def test_the_agenda_keeps_the_title_at_80_columns(make_smtui_app, demo: Brand) -> None:
    """At 80×24 the pillar goes and the status keeps its mark, so the title has room."""
    app = make_smtui_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot, "a")
        agenda = screen.query_one(Agenda)
        assert [(key, heading) for key, heading, _width in columns(agenda)] == [
            ("day", "Day"),
            ("time", "Time"),
            ("channel", "Channel"),
            ("status", ""),
            ("title", "Title"),
        ]
        assert_titles_readable(agenda, 16)
        row = agenda.get_row_at(agenda.cursor_row)
        assert row[0].plain == "Mon 23" and row[3].plain == "!"  # the missed post, marked

        # Wider, every column comes back and the cursor stays on its row.
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert "pillar" in [key for key, _heading, _width in columns(agenda)]
        assert_titles_readable(agenda, 20)
        assert agenda.get_row_at(agenda.cursor_row)[0].plain == "Mon 23"


async def test_the_agenda_shows_every_column_at_120_columns(make_smtui_app, demo: Brand) -> None:
    app = make_smtui_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await open_view(pilot, "a")
        agenda = screen.query_one(Agenda)
        assert [heading for _key, heading, _width in columns(agenda)] == [
            "Day",
            "Time",
            "Channel",
            "Status",
            "Pillar",
            "Title",
        ]
        assert_titles_readable(agenda, 20)
        statuses = {agenda.get_cell(key, "status").plain for key in agenda.posts}
        assert {"✓ Published", "● Scheduled", "! Ready"} <= statuses
        pillars = {agenda.get_cell(key, "pillar").plain for key in agenda.posts}
        assert "Montréal food…" in pillars  # "Montréal food scene", cut with an ellipsis

        # Narrower, the title keeps its room.
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        assert "pillar" not in [key for key, _heading, _width in columns(agenda)]
        assert_titles_readable(agenda, 16)


def week_header(grid: WeekGrid) -> list[str]:
    """The week grid's headings as drawn at its width, and as built."""
    table = grid.render()
    assert isinstance(table, Table)
    console = Console(width=grid.size.width, record=True, file=io.StringIO())
    console.print(table)
    drawn = console.export_text().splitlines()[1].split("  ")
    headings = [str(column.header) for column in table.columns[1:]]
    assert [heading for heading in headings if heading.strip()] == headings
    assert all(heading in [part.strip() for part in drawn] for heading in headings), drawn
    return headings


async def test_the_week_view_keeps_each_columns_date(make_smtui_app, demo: Brand) -> None:
    """At 80×24 a column has four cells: the weekday's letter and the date stay."""
    app = make_smtui_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot, "w")
        grid = screen.query_one(WeekGrid)
        assert week_header(grid) == ["M 23", "T 24", "W 25", "T 26", "F 27", "S 28", "S 29"]
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert week_header(grid) == [
            "Mon 23",
            "Tue 24",
            "Wed 25",
            "Thu 26",
            "Fri 27",
            "Sat 28",
            "Sun 29",
        ]
