"""Pilot tests of the Strategy screen's keyboard flows, on a real migrated workspace."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console
from textual.widgets import DataTable, Static, TabbedContent

from smtui.domain.enums import ChannelStatus, ObjectiveType, Platform
from smtui.domain.models import Channel
from smtui.domain.smart import check_smart
from smtui.store import Store
from smtui.widgets import ConfirmScreen, FormScreen, HelpScreen, PickerScreen

SIZE = (120, 40)


def cell_text(table: DataTable, row: int, column: int) -> str:
    return str(table.get_row_at(row)[column])


def shown(widget: Static) -> str:
    """What a Static displays, as plain text, whatever renderable it holds."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def open_tab(pilot, tab: str) -> None:  # type: ignore[no-untyped-def]
    tabs = pilot.app.screen.query_one(TabbedContent)
    while tabs.active != tab:
        await pilot.press("right_square_bracket")
    await pilot.pause()


@pytest.mark.slow
async def test_create_a_channel_with_platform_defaults(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        await pilot.press("a")
        assert isinstance(app.screen, FormScreen)
        # Platform select: open it, go down from Facebook to LinkedIn, choose.
        await pilot.press("enter", "down", "down", "down", "enter")
        await pilot.press("tab", *"@maplegrain")
        await pilot.press("tab", *"https://www.linkedin.com/company/maple-grain")
        await pilot.press("tab", *"Chloé")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        channels = store.channels.list(app.brand.id)
        assert [(c.platform, c.handle) for c in channels] == [(Platform.LINKEDIN, "@maplegrain")]
        linkedin = channels[0]
        assert linkedin.char_limit == 3000
        assert (linkedin.cadence_min, linkedin.cadence_max) == (2, 3)
        assert linkedin.manager == "Chloé"
        table = app.screen.query_one("#channels-table", DataTable)
        assert table.row_count == 1
        assert cell_text(table, 0, 4) == "2-3 / week"


async def test_bad_url_is_rejected_with_the_field_named(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        await pilot.press("a", "tab", *"@maple", "tab", *"not a url", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        message = str(form.query_one("#error-url", Static).render())
        assert "http" in message
        assert form.query_one("#row-url").has_class("-invalid")
        assert form.focused is form.query_one("#field-url")
        assert store.channels.list(app.brand.id) == []
        # Correct the value: the same form now saves.
        await pilot.press("ctrl+u", *"https://maple.example.com", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        assert [c.url for c in store.channels.list(app.brand.id)] == ["https://maple.example.com"]


async def test_negative_cadence_names_the_field(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        await pilot.press("a", "tab", *"@maple")
        form = app.screen
        form.query_one("#field-cadence_min").focus()
        await pilot.press(*"-2", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "at least 0" in str(form.query_one("#error-cadence_min", Static).render())
        assert store.channels.list(app.brand.id) == []


@pytest.mark.slow
async def test_objective_fails_smart_then_passes(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "objectives")
        await pilot.press("a", *"More followers", "ctrl+s")
        await pilot.pause()
        [objective] = store.objectives.list(app.brand.id)
        assert objective.type is ObjectiveType.AWARENESS
        report = check_smart(objective, app.today())
        assert report.failing_letters == "SMART"  # no metric, numbers nor due date
        table = app.screen.query_one("#objectives-table", DataTable)
        assert cell_text(table, 0, 6).endswith("✗")
        detail = shown(app.screen.query_one("#objectives-detail", Static))
        assert "Specific" in detail and "Measurable" in detail

        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("ctrl+u", *"Reach 4,000 Instagram followers in the Plateau neighbourhood")
        for field, text in (
            ("metric_name", "Instagram followers"),
            ("baseline", "3,000"),
            ("target", "4000"),
            ("due_date", "2027-03-31"),
        ):
            form.query_one(f"#field-{field}").focus()
            await pilot.press("ctrl+u", *text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        [objective] = store.objectives.list(app.brand.id)
        assert objective.metric_name == "Instagram followers"
        assert (objective.baseline, objective.target) == (3000, 4000)
        assert objective.due_date == date(2027, 3, 31)
        assert check_smart(objective, app.today()).ok
        assert cell_text(table, 0, 6) == "SMART ✓"


@pytest.mark.slow
async def test_due_date_before_start_is_rejected(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "objectives")
        await pilot.press("a", *"Reach 4,000 Instagram followers by spring")
        form = app.screen
        form.query_one("#field-due_date").focus()
        await pilot.press(*"2020-01-01", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "start date" in str(form.query_one("#error-due_date", Static).render())
        form.query_one("#field-due_date").focus()
        await pilot.press("ctrl+u", *"2027-02-30", "ctrl+s")
        await pilot.pause()
        assert "YYYY-MM-DD" in str(form.query_one("#error-due_date", Static).render())
        assert store.objectives.list(app.brand.id) == []


async def test_pillars_from_a_preset_then_replaced_after_confirmation(
    make_smtui_app, store: Store
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "pillars")
        await pilot.press("p")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("down", "down", "enter")  # 50/25/20/5
        await pilot.pause()
        pillars = store.pillars.list(app.brand.id)
        assert [p.target_share for p in pillars] == [50, 25, 20, 5]
        summary = str(app.screen.query_one("#pillars-summary", Static).render())
        assert "100%" in summary

        await pilot.press("p", "enter")  # 80/20, over existing pillars: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert [p.target_share for p in store.pillars.list(app.brand.id)] == [50, 25, 20, 5]
        await pilot.press("p", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [p.target_share for p in store.pillars.list(app.brand.id)] == [80, 20]


async def test_pillar_shares_that_miss_100_are_named(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "pillars")
        await pilot.press("a", *"Behind the scenes")
        form = app.screen
        form.query_one("#field-target_share").focus()
        await pilot.press("ctrl+u", *"30", "ctrl+s")
        await pilot.pause()
        summary = str(app.screen.query_one("#pillars-summary", Static).render())
        assert "30%" in summary and "70% unassigned" in summary


async def test_delete_asks_and_keeps_on_no(make_smtui_app, store: Store) -> None:
    brand_id = store.brands.ensure_one("UTC").id
    store.channels.add(Channel(brand_id=brand_id, platform=Platform.X, handle="@maple"))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(store.channels.list(brand_id)) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.channels.list(brand_id) == []
        assert app.screen.query_one("#channels-table", DataTable).row_count == 0


async def test_edit_a_channel_status_with_enter(make_smtui_app, store: Store) -> None:
    brand_id = store.brands.ensure_one("UTC").id
    store.channels.add(Channel(brand_id=brand_id, platform=Platform.FACEBOOK, handle="Maple"))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-status").focus()
        await pilot.press("enter", "down", "down", "enter", "ctrl+s")  # Active -> To update
        await pilot.pause()
        [channel] = store.channels.list(brand_id)
        assert channel.status is ChannelStatus.TO_UPDATE


async def test_new_brand_then_switch_back(make_smtui_app, store: Store) -> None:
    first = store.brands.ensure_one("UTC")
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await pilot.press("n", *"Second Cup", "ctrl+s")
        await pilot.pause()
        assert app.brand.name == "Second Cup"
        assert app.screen.sub_title == "Second Cup"
        assert store.settings.get("ui.brand_id") == str(app.brand.id)
        await pilot.press("b")
        assert isinstance(app.screen, PickerScreen)
        # Brands are listed by name: "My brand" then "Second Cup".
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.brand.id == first.id


async def test_duplicate_brand_name_is_rejected_on_the_name_field(
    make_smtui_app, store: Store
) -> None:
    store.brands.ensure_one("UTC")
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await pilot.press("n", *"My brand", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert "already exists" in str(form.query_one("#error-name", Static).render())
        assert store.brands.count() == 1


async def test_charter_edit_commits_at_once(make_smtui_app, store: Store, db_path) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await pilot.press("e")
        form = app.screen
        form.query_one("#field-voice_tone").focus()
        await pilot.press(*"Warm, plain, first person plural.", "ctrl+s")
        await pilot.pause()
        body = shown(app.screen.query_one("#charter-body", Static))
        assert "Warm, plain" in body
    # A second store on the same file sees the change: it was committed, not held in memory.
    from smtui.domain.clock import now

    other, _ = Store.open(db_path, now)
    assert other.brands.list()[0].voice_tone == "Warm, plain, first person plural."
    other.close()


async def test_help_lists_the_screen_keys(make_smtui_app) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        # Each row says what its keys do, then its tooltip, if any ("Help — Every key...").
        does = {cell_text(table, row, 1).split(" — ")[0] for row in range(table.row_count)}
        assert {"Add", "Edit", "Delete", "Next tab", "Quit", "Strategy"} <= does
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_a_screen_action(make_smtui_app) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "personas")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Add")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.title_text == "New persona"


async def test_persona_with_platforms(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "personas")
        await pilot.press("a", *"Busy café owner")
        form = app.screen
        form.query_one("#field-platforms").focus()
        await pilot.press("space", "down", "space", "ctrl+s")  # Facebook, Instagram
        await pilot.pause()
        [persona] = store.personas.list(app.brand.id)
        assert persona.platforms == [Platform.FACEBOOK, Platform.INSTAGRAM]
        table = app.screen.query_one("#personas-table", DataTable)
        assert cell_text(table, 0, 2) == "Facebook, Instagram"


async def test_hostile_names_are_shown_literally(make_smtui_app, store: Store) -> None:
    brand_id = store.brands.ensure_one("UTC").id
    hostile = "[@click=app.quit]boom[/] [b]x[/b] \x1b]52;c;SGVsbG8=\x07"
    store.channels.add(Channel(brand_id=brand_id, platform=Platform.X, handle=hostile[:100]))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        table = app.screen.query_one("#channels-table", DataTable)
        cell = cell_text(table, 0, 1)
        assert cell.startswith("[@click=app.quit]")
        detail = shown(app.screen.query_one("#channels-detail", Static))
        assert "[@click=app.quit]boom[/] [b]x[/b] ]52;c;SGVsbG8=" in detail
        assert "\x1b" not in cell + detail and "\x07" not in cell + detail
        await pilot.click("#channels-table", offset=(15, 1))
        await pilot.pause()
        assert app.is_running


async def test_deleting_a_row_already_gone_warns_instead_of_crashing(
    make_smtui_app, store: Store
) -> None:
    brand_id = store.brands.ensure_one("UTC").id
    channel = store.channels.add(Channel(brand_id=brand_id, platform=Platform.X, handle="@maple"))
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the Strategy screen
        await open_tab(pilot, "channels")
        store.channels.delete(channel.id)  # as another process would
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("#channels-table", DataTable).row_count == 0
