"""Pilot tests of the Audit screen's keyboard flows, on a real migrated workspace."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, Static, TabbedContent

from smtui.domain.audit import default_run_title
from smtui.domain.enums import ChannelStatus, Platform
from smtui.domain.models import Brand, Channel
from smtui.screens.audit.comparison import ComparisonScreen
from smtui.screens.audit.screen import AuditScreen
from smtui.store import Store
from smtui.widgets import ConfirmScreen, FormScreen, HelpScreen, PickerScreen

SIZE = (120, 36)


def shown(widget: Static) -> str:
    """What a Static displays, as plain text, whatever renderable it holds."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def cells(table: DataTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


@pytest.fixture
def brand(store: Store) -> Brand:
    brand = store.brands.add(Brand(name="Maple Bakery", timezone="America/Toronto"))
    assert brand.id is not None
    for platform, handle in ((Platform.INSTAGRAM, "@maple"), (Platform.LINKEDIN, "Maple")):
        store.channels.add(
            Channel(
                brand_id=brand.id,
                platform=platform,
                handle=handle,
                cadence_min=3,
                cadence_max=5,
            )
        )
    return brand


async def open_audit(pilot) -> AuditScreen:  # type: ignore[no-untyped-def]
    await pilot.press("6")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AuditScreen)
    return screen


async def open_tab(pilot, tab: str) -> None:  # type: ignore[no-untyped-def]
    tabs = pilot.app.screen.query_one(TabbedContent)
    while tabs.active != tab:
        await pilot.press("right_square_bracket")
    await pilot.pause()


async def choose_section(pilot, screen: AuditScreen, name: str) -> None:  # type: ignore[no-untyped-def]
    sections = screen.query_one("#audit-sections", DataTable)
    sections.focus()
    await pilot.pause()
    while screen.checklist.section != name:
        await pilot.press("down")
        await pilot.pause()
    await pilot.press("enter")  # back to the items
    await pilot.pause()


@pytest.mark.slow
async def test_a_run_from_start_to_comparison_with_the_next(
    make_smtui_app, store: Store, brand: Brand, now
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot)
        assert "No audit run yet" in shown(screen.query_one("#audit-head", Static))

        # Start a run: the title defaults to this quarter.
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-title").value == "Q4 2026 audit"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [first] = store.audits.list_runs(brand.id)
        assert (first.title, first.started_on) == ("Q4 2026 audit", date(2026, 11, 23))
        assert screen.run == first

        # Tick the first two items of the first section.
        items = screen.query_one("#audit-items", DataTable)
        assert app.focused is items
        await pilot.press("space", "down", "space")
        await pilot.pause()
        ticked = [item for item in store.audits.items(first.id) if item.done]
        assert [item.key for item in ticked] == [
            "situation.web_presence",
            "situation.website_optimal",
        ]
        assert cells(items, 0)[0] == "✓"
        sections = screen.query_one("#audit-sections", DataTable)
        assert cells(sections, 0)[1] == "2/10"
        assert "2/" in shown(screen.query_one("#audit-head", Static))

        # A note, an owner and a due date on the third item: it becomes an action.
        await pilot.press("down", "e")
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press(*"Not on mobile: the menu overflows.")
        form.query_one("#field-owner").focus()
        await pilot.press(*"Léa")
        form.query_one("#field-due_date").focus()
        await pilot.press(*"2026-12-01", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        third = store.audits.items(first.id)[2]
        assert third.note == "Not on mobile: the menu overflows."
        assert (third.owner, third.due_date, third.done) == ("Léa", date(2026, 12, 1), False)
        [action] = store.audits.actions_due(brand.id, date(2026, 12, 1))
        assert (action.item.id, action.run_title) == (third.id, "Q4 2026 audit")
        detail = shown(screen.query_one("#audit-item-detail", Static))
        assert "Not on mobile" in detail and "Léa" in detail and "2026-12-01" in detail

        # Finish the run, after confirming; it is history from then on.
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert store.audits.get(first.id).finished_at == now
        await pilot.press("up", "space")
        await pilot.pause()
        assert [i.key for i in store.audits.items(first.id) if i.done] == [
            "situation.web_presence",
            "situation.website_optimal",
        ]

        # The next run starts empty; tick one item again and compare.
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("ctrl+u", *"Q1 2027 audit")
        form.query_one("#field-started_on").focus()
        await pilot.press("ctrl+u", *"2027-01-05", "ctrl+s")
        await pilot.pause()
        second = store.audits.latest_run(brand.id)
        assert second is not None and second.title == "Q1 2027 audit"
        assert screen.run == second
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        comparison = app.screen
        assert isinstance(comparison, ComparisonScreen)
        summary = shown(comparison.query_one("#comparison-summary", Static))
        assert "Compared with Q4 2026 audit" in summary
        assert "0 newly ticked" in summary and "1 no longer ticked" in summary
        table = comparison.query_one("#comparison-table", DataTable)
        assert table.row_count == 1
        assert "unticked" in cells(table, 0)[0]
        assert "works well" in cells(table, 0)[2]
        await pilot.press("escape")
        await pilot.pause()

        # The runs tab lists both, newest first, and says what changed.
        await open_tab(pilot, "runs")
        runs = screen.query_one("#audit-runs", DataTable)
        assert [cells(runs, row)[0] for row in range(runs.row_count)] == [
            "Q1 2027 audit",
            "Q4 2026 audit",
        ]
        assert "1 no longer ticked" in shown(screen.query_one("#audit-run-detail", Static))
        # Enter on the older run shows it in the checklist, read-only.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.tabs.active == "checklist" and screen.run == store.audits.get(first.id)


async def test_sections_filter_the_items_and_the_detail_cites_the_guide(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    run = store.audits.start_run(brand.id, "Q4 2026 audit", date(2026, 11, 2))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot)
        items = screen.query_one("#audit-items", DataTable)
        assert items.row_count == 10
        await choose_section(pilot, screen, "Objectives")
        assert app.focused is items
        assert screen.checklist.items == store.audits.items(run.id, "Objectives")
        await pilot.press("down", "down")
        await pilot.pause()
        detail = shown(screen.query_one("#audit-item-detail", Static))
        assert "Each objective is SMART" in detail
        assert "Seven steps" in detail
        assert ".txt" not in detail  # the guide's name and title, not our file's name
        assert "sept étapes" in detail


async def test_an_inventory_item_sets_its_channels_status(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    store.audits.start_run(brand.id, "Q4 2026 audit", date(2026, 11, 2))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot)
        # A shared item is about no channel: nothing to set.
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is screen
        await choose_section(pilot, screen, "Account inventory")
        item = screen.checklist.current
        assert item is not None and item.channel_id is not None
        await pilot.press("s")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        # Active, To update, To delete, Fraudulent, to report, To create.
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.screen is screen
        channel = store.channels.get(item.channel_id)
        assert channel.status is ChannelStatus.FRAUDULENT
        assert "Fraudulent, to report" in shown(screen.query_one("#audit-item-detail", Static))


@pytest.mark.slow
async def test_two_competitor_observations_show_the_change_and_the_plan(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot)
        await open_tab(pilot, "competitors")
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press(*"Birch Café", "tab", "enter", "down", "enter")  # Instagram
        for field, text in (
            ("handle", "@birch"),
            ("followers", "1,000"),
            ("posts_per_week", "3"),
            ("observed_on", "2026-10-01"),
        ):
            form.query_one(f"#field-{field}").focus()
            await pilot.press("ctrl+u", *text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)

        # Observe it again: name, platform and handle are filled in.
        await pilot.press("o")
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-name").value == "Birch Café"
        assert form.query_one("#field-observed_on").value == "2026-11-23"
        form.query_one("#field-followers").focus()
        await pilot.press(*"1200")
        form.query_one("#field-posts_per_week").focus()
        await pilot.press(*"6.5", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)

        observations = store.competitors.list(brand.id)
        assert [(o.followers, o.posts_per_week) for o in observations] == [(1000, 3), (1200, 6.5)]
        table = screen.query_one("#audit-competitors", DataTable)
        assert table.row_count == 1
        row = cells(table, 0)
        assert row[:2] == ["Birch Café", "Instagram"]
        assert "+200" in row and "+3.5" in row and "↑ more" in row
        detail = shown(screen.query_one("#audit-competitor-detail", Static))
        assert "change since 2026-10-01" in detail
        assert "posts 6.5 a week on Instagram; your plan: 3–5 a week" in detail
        assert "more often than you plan" in detail


@pytest.mark.slow
async def test_bad_values_are_refused_with_the_field_named(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    run = store.audits.start_run(brand.id, "Q4 2026 audit", date(2026, 11, 2))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot)
        # A malformed evidence URL.
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-evidence_url").focus()
        await pilot.press(*"www.maple bakery", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "http" in str(form.query_one("#error-evidence_url", Static).render())
        assert form.query_one("#row-evidence_url").has_class("-invalid")
        form.query_one("#field-due_date").focus()
        await pilot.press(*"next week", "ctrl+s")
        await pilot.pause()
        assert "YYYY-MM-DD" in str(form.query_one("#error-due_date", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert store.audits.items(run.id)[0].evidence_url is None

        # Negative followers and a frequency that is not a number.
        await open_tab(pilot, "competitors")
        await pilot.press("a", *"Birch Café")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-followers").focus()
        await pilot.press(*"-40")
        form.query_one("#field-posts_per_week").focus()
        await pilot.press(*"often", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "at least 0" in str(form.query_one("#error-followers", Static).render())
        assert "number" in str(form.query_one("#error-posts_per_week", Static).render())
        assert store.competitors.list(brand.id) == []
        assert screen.query_one("#audit-competitors", DataTable).row_count == 0


async def test_no_run_yet_and_a_blank_title_are_explained(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot)
        for key in ("space", "f", "c"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        await pilot.press("n", "ctrl+u", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert "required" in str(form.query_one("#error-title", Static).render())
        assert store.audits.list_runs(brand.id) == []


async def test_help_lists_the_audit_keys(make_smtui_app, brand: Brand) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_audit(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {row.does for row in help_screen.rows}
        assert {"Tick", "Follow up", "Channel status", "Start run", "Finish run"} <= described
        assert {"Compare", "Runs", "Next tab"} <= described


def test_the_default_title_names_the_quarter() -> None:
    assert default_run_title(date(2027, 1, 4)) == "Q1 2027 audit"
    assert default_run_title(date(2026, 9, 30)) == "Q3 2026 audit"
    assert default_run_title(date(2026, 10, 1)) == "Q4 2026 audit"
    taken = {"Q4 2026 audit", "Q4 2026 audit (2)"}
    assert default_run_title(date(2026, 10, 1), taken) == "Q4 2026 audit (3)"


async def test_a_second_run_in_the_quarter_gets_a_title_of_its_own(
    make_smtui_app,
    store: Store,
    demo: Brand,  # type: ignore[no-untyped-def]
) -> None:
    """The demo has this quarter's run: another one started now is "(2)", so the list of
    runs tells them apart."""
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_audit(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-title", Input).value == "Q4 2026 audit (2)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        brand_id = app.brand.id or 0
        titles = [run.title for run in store.audits.list_runs(brand_id)]
        assert len(titles) == len(set(titles)) and "Q4 2026 audit (2)" in titles


async def test_another_brand_shows_its_own_latest_run(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    store.audits.start_run(brand.id, "Maple Q4", date(2026, 11, 2))
    other = store.brands.add(Brand(name="Birch Café"))
    theirs = store.audits.start_run(other.id, "Birch Q4", date(2026, 11, 3))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot)
        app.set_brand(store.brands.get(brand.id))
        await pilot.pause()
        assert screen.run is not None and screen.run.title == "Maple Q4"
        app.set_brand(other)
        await pilot.pause()
        assert screen.run == theirs
        assert "Birch Q4" in shown(screen.query_one("#audit-head", Static))
