"""Pilot tests of the Calendar screen's keyboard flows, on a real migrated workspace."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from keys import paste
from rich.console import Console
from textual.widgets import Static

from smtui.domain.enums import Platform, PostStatus
from smtui.domain.models import Brand, Channel, Pillar
from smtui.domain.planning import RecurringSlot
from smtui.domain.post import Post
from smtui.screens.calendar.agenda import Agenda
from smtui.screens.calendar.day_list import DayList
from smtui.screens.calendar.editor import PostEditor
from smtui.screens.calendar.look import legend
from smtui.screens.calendar.screen import CalendarScreen
from smtui.store import Store
from smtui.widgets import ConfirmScreen, FormScreen

SIZE = (120, 36)


def shown(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


@pytest.fixture
def brand(store: Store) -> Brand:
    """A brand in Montréal with X, LinkedIn and Instagram, and two pillars."""
    brand = store.brands.add(Brand(name="Maple Test", timezone="America/Toronto"))
    assert brand.id is not None
    for platform, handle in [
        (Platform.X, "@maple"),
        (Platform.LINKEDIN, "maple-grain"),
        (Platform.INSTAGRAM, "@maple.grain"),
    ]:
        store.channels.add(
            Channel(
                brand_id=brand.id, platform=platform, handle=handle, cadence_min=2, cadence_max=3
            )
        )
    store.pillars.add(Pillar(brand_id=brand.id, name="Educate", target_share=80))
    store.pillars.add(Pillar(brand_id=brand.id, name="Promote", target_share=20))
    return brand


def channel_id(store: Store, brand: Brand, platform: Platform) -> int:
    assert brand.id is not None
    return next(c.id for c in store.channels.list(brand.id) if c.platform is platform)  # type: ignore[return-value]


def checks_text(app) -> str:  # type: ignore[no-untyped-def]
    return shown(app.screen.query_one("#checks", Static))


async def open_calendar(pilot) -> CalendarScreen:  # type: ignore[no-untyped-def]
    await pilot.press("2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CalendarScreen)
    return screen


async def test_navigate_the_month_and_open_a_day(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    x = channel_id(store, brand, Platform.X)
    store.posts.add(
        Post(
            brand_id=brand.id or 0,
            channel_id=x,
            title="Soup of the week",
            scheduled_at=datetime(2026, 11, 25, 17, 0, tzinfo=UTC),  # 12:00 in Montréal
            status=PostStatus.READY,
        )
    )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        heading = screen.query_one("#calendar-heading", Static)
        assert shown(heading).startswith("November 2026")
        assert "Monday 23 November  (today)" in shown(screen.query_one("#day-heading", Static))
        await pilot.press("right", "right", "enter")
        day_list = screen.query_one(DayList)
        assert day_list.has_focus
        assert [post.title for post in day_list.posts] == ["Soup of the week"]
        assert "12:00" in str(day_list.get_option_at_index(0).prompt)
        await pilot.press("tab", "down", "down")  # back to the grid, two weeks on
        assert shown(heading).startswith("December 2026")
        assert "Wednesday 09 December" in shown(screen.query_one("#day-heading", Static))
        await pilot.press("t")
        assert shown(heading).startswith("November 2026")
        await pilot.press("left_square_bracket")
        assert shown(heading).startswith("October 2026")


@pytest.mark.slow
async def test_create_move_repurpose_and_publish(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        assert "X: 0 of 8-13 this month" in checks_text(app)
        await pilot.press("right", "right", "n")  # Wednesday 25, a new post
        editor = app.screen
        assert isinstance(editor, PostEditor)
        # Channels are listed by platform: Instagram, LinkedIn, X.
        await pilot.press("enter", "down", "down", "enter")
        await pilot.press("tab", "tab", "tab", *"Croissant day", "tab")
        await paste(pilot, "x" * 285)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        error = shown(editor.query_one("#error-body", Static))
        assert "285 characters: over this channel's limit of 280" in error
        assert "285 / 280 characters on X" in shown(editor.query_one("#body-count", Static))
        assert store.posts.list(brand.id or 0) == []

        await pilot.press("ctrl+u", *"Warm croissants from 7 am", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        [post] = store.posts.list(brand.id or 0)
        assert post.title == "Croissant day"
        assert post.scheduled_at == datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # 09:00 local
        assert "X: 1 of 8-13 this month" in checks_text(app)

        await pilot.press("greater_than_sign", "greater_than_sign")
        moved = store.posts.get(post.id or 0)
        assert moved.scheduled_at == datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
        assert "Friday 27 November" in shown(screen.query_one("#day-heading", Static))
        assert screen.query_one(DayList).current_post == moved

        await pilot.press("r")
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("space", "down", "space", "ctrl+s")
        await pilot.pause()
        variants = store.posts.variants(post.id or 0)
        assert sorted(v.channel_id for v in variants) == sorted(
            [
                channel_id(store, brand, Platform.LINKEDIN),
                channel_id(store, brand, Platform.INSTAGRAM),
            ]
        )
        assert {v.status for v in variants} == {PostStatus.DRAFT}
        assert "LinkedIn: 1 of 8-13 this month" in checks_text(app)

        day_list = screen.query_one(DayList)
        day_list.focus()
        day_list.select_post(post.id or 0)
        await pilot.press("p")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"https://x.com/maple/status/1861", "ctrl+s")
        await pilot.pause()
        published = store.posts.get(post.id or 0)
        assert published.status is PostStatus.PUBLISHED
        assert published.published_url == "https://x.com/maple/status/1861"
        assert published.published_at == datetime(2026, 11, 23, 13, 30, tzinfo=UTC)
        assert "✓" in str(day_list.get_option_at_index(0).prompt)


async def test_copy_puts_the_text_with_tagged_link_on_the_clipboard(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    store.posts.add(
        Post(
            brand_id=brand.id or 0,
            channel_id=channel_id(store, brand, Platform.LINKEDIN),
            title="Menu",
            body="Our winter menu is here.",
            hashtags="#montreal",
            link_url="https://maple.example.com/menu",
            campaign="winter",
            scheduled_at=datetime(2026, 11, 23, 15, 0, tzinfo=UTC),
        )
    )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await pilot.press("c")
        assert app.clipboard == (
            "Our winter menu is here.\n\n#montreal\n\n"
            "https://maple.example.com/menu?utm_source=linkedin&utm_medium=social"
            "&utm_campaign=winter"
        )


async def test_a_post_in_a_dst_gap_is_refused_on_the_time_field(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await pilot.press("n")
        editor = app.screen
        assert isinstance(editor, PostEditor)
        await pilot.press("tab", "ctrl+u", *"2027-03-14", "tab", "ctrl+u", *"02:30", "ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "02:30 does not exist on 2027-03-14" in shown(
            editor.query_one("#error-time", Static)
        )
        assert store.posts.list(brand.id or 0) == []


async def test_filters_search_status_and_delete(make_smtui_app, store: Store, brand: Brand) -> None:
    for title, platform in [("Bread", Platform.X), ("Team lunch", Platform.LINKEDIN)]:
        store.posts.add(
            Post(
                brand_id=brand.id or 0,
                channel_id=channel_id(store, brand, platform),
                title=title,
                scheduled_at=datetime(2026, 11, 23, 16, 0, tzinfo=UTC),
                status=PostStatus.DRAFT,
            )
        )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        day_list = screen.query_one(DayList)
        assert [p.title for p in day_list.posts] == ["Bread", "Team lunch"]
        await pilot.press("slash", *"lunch", "enter")
        await pilot.pause()
        assert [p.title for p in day_list.posts] == ["Team lunch"]
        assert "filtered" in shown(screen.query_one("#calendar-heading", Static))
        await pilot.press("slash", "ctrl+u", "enter")
        await pilot.pause()
        assert len(day_list.posts) == 2

        # The search kept "Team lunch" under the cursor.
        assert day_list.current_post is not None
        assert day_list.current_post.title == "Team lunch"
        await pilot.press("s", "enter")  # draft -> the picker offers ready first
        await pilot.pause()
        statuses = {p.title: p.status for p in store.posts.list(brand.id or 0)}
        assert statuses == {"Bread": PostStatus.DRAFT, "Team lunch": PostStatus.READY}

        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(store.posts.list(brand.id or 0)) == 2
        await pilot.press("x", "y")
        await pilot.pause()
        assert [p.title for p in store.posts.list(brand.id or 0)] == ["Bread"]


async def test_week_and_agenda_views_show_the_same_posts(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    store.posts.add(
        Post(
            brand_id=brand.id or 0,
            channel_id=channel_id(store, brand, Platform.X),
            title="[@click=app.quit]hi[/] [b]x[/b]",
            scheduled_at=datetime(2026, 11, 24, 14, 30, tzinfo=UTC),
        )
    )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        await pilot.press("w")
        assert shown(screen.query_one("#calendar-heading", Static)).startswith("Week of 23 Nov")
        await pilot.press("a")
        agenda = screen.query_one(Agenda)
        assert agenda.has_focus
        await pilot.press("down", "enter")
        editor = app.screen
        assert isinstance(editor, PostEditor)
        assert editor.query_one("#field-title").value == "[@click=app.quit]hi[/] [b]x[/b]"
        await pilot.press("escape")
        await pilot.click(Agenda, offset=(60, 2))
        await pilot.pause()
        assert app.is_running


async def test_a_recurring_slot_shows_empty_until_a_post_fills_it(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        await pilot.press("l")
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, FormScreen)
        # Channel: LinkedIn (second); day: Tuesday (second); time 09:30 (prefilled).
        await pilot.press("enter", "down", "enter", "tab", "enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        [slot] = store.slots.list(brand.id or 0)
        assert (slot.weekday, slot.time_local) == (1, "09:30")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right")  # Tuesday 24
        day_list = screen.query_one(DayList)
        assert "09:30 LinkedIn: nothing planned" in str(day_list.get_option_at_index(0).prompt)
        store.posts.add(
            Post(
                brand_id=brand.id or 0,
                channel_id=channel_id(store, brand, Platform.LINKEDIN),
                title="Filled",
                scheduled_at=datetime(2026, 11, 24, 14, 45, tzinfo=UTC),
            )
        )
        screen.reload()
        await pilot.pause()
        assert [p.title for p in day_list.posts] == ["Filled"]
        assert day_list.option_count == 1


async def test_working_rules_are_saved_and_a_bad_time_is_named(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "w")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-work_start").focus()
        await pilot.press("ctrl+u", *"8h", "ctrl+s")
        await pilot.pause()
        assert "not a time" in shown(form.query_one("#error-work_start", Static))
        await pilot.press("ctrl+u", *"08:30")
        form.query_one("#field-conflict_gap_minutes").focus()
        await pilot.press("ctrl+u", *"30", "ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        rules = store.brand_settings.get(brand.id or 0)
        assert (rules.work_start.hour, rules.work_start.minute, rules.conflict_gap_minutes) == (
            8,
            30,
            30,
        )


async def test_a_move_repaints_the_month_as_a_full_paint_would(make_smtui_app, demo: Brand) -> None:  # type: ignore[no-untyped-def]
    """Moves repaint only the cells the cursor left and entered; the grid they leave must be
    the one a full paint draws, cell for cell and style for style."""
    from smtui.screens.calendar.month_grid import MonthGrid

    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        grid = app.screen.query_one(MonthGrid)

        def lines() -> list[list[tuple[str, object]]]:
            """Each line as (character, style) pairs: how segments are split is not seen."""
            return [
                [(char, segment.style) for segment in grid.render_line(y) for char in segment.text]
                for y in range(grid.size.height)
            ]

        for key in ("right", "right", "down", "left", "end", "up", "home", "down"):
            await pilot.press(key)
            await pilot.pause()
            moved = lines()
            grid._painted = None  # forget the last paint: the next one is whole
            grid.refresh()
            assert lines() == moved, f"after {key}"


async def test_a_move_leaves_no_stale_cell_on_screen(make_smtui_app, demo: Brand) -> None:  # type: ignore[no-untyped-def]
    """A move marks only two cells dirty, so Textual keeps every other line it drew: what the
    terminal shows after each move must be what it shows once the whole grid is drawn again."""
    from smtui.screens.calendar.month_grid import MonthGrid

    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        grid = app.screen.query_one(MonthGrid)
        for key in ("right", "right", "down", "left", "end", "up", "home", "down"):
            await pilot.press(key)
            await pilot.pause()
            shown = app.export_screenshot()
            grid.refresh()
            await pilot.pause()
            assert app.export_screenshot() == shown, f"after {key}"


async def test_a_busy_day_scrolls_and_a_quiet_one_drops_the_scrollbar(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    """The day list's line count changes without a layout of the screen; its scrollbar still
    comes and goes with the day, and the list shown is the one a full layout draws."""
    x = channel_id(store, brand, Platform.X)
    for minute in range(0, 600, 20):  # 30 posts on Wednesday 25 November, 06:00 to 15:40
        store.posts.add(
            Post(
                brand_id=brand.id or 0,
                channel_id=x,
                title=f"Post at minute {minute}",
                scheduled_at=datetime(2026, 11, 25, 11, 0, tzinfo=UTC) + timedelta(minutes=minute),
                status=PostStatus.READY,
            )
        )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        day_list = screen.query_one(DayList)
        await pilot.press("right", "right")
        await pilot.pause()
        assert len(day_list.posts) == 30
        assert day_list.show_vertical_scrollbar
        await pilot.press("enter", "end")
        await pilot.pause()
        assert day_list.scroll_y > 0
        assert "Post at minute 580" in str(day_list.get_option_at_index(29).prompt)
        await pilot.press("tab", "right")  # back to the grid, on to a day without posts
        await pilot.pause()
        assert day_list.posts == []
        assert not day_list.show_vertical_scrollbar
        assert day_list.scroll_y == 0
        shown_now = app.export_screenshot()
        screen.refresh(layout=True)
        await pilot.pause()
        assert app.export_screenshot() == shown_now


def test_the_legend_gives_up_space_then_whole_entries() -> None:
    full = legend(200)
    assert full.startswith("· Idea  ○ Draft") and full.endswith("✗ Skipped")
    closer = legend(len(full) - 1)
    assert "  " not in closer and closer.endswith("✗ Skipped")
    narrow = legend(46)
    assert narrow == "· Idea ○ Draft ◐ Ready ● Scheduled ✓ Published"
    assert legend(45) == "· Idea ○ Draft ◐ Ready ● Scheduled"
    assert legend(3) == ""


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=str)
async def test_the_legend_shows_whole_entries_at_its_width(
    make_smtui_app, brand: Brand, size: tuple[int, int]
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_calendar(pilot)
        line = screen.query_one("#calendar-legend", Static)
        text = shown(line).rstrip()
        assert text == legend(line.content_region.width)
        assert 0 < len(text) <= line.content_region.width
        if size == (120, 36):
            assert text.endswith("✗ Skipped")
        await pilot.resize_terminal(120, 36)  # drawn again at its new width
        await pilot.pause()
        assert shown(line).rstrip().endswith("✗ Skipped")


async def test_a_brand_without_a_channel_is_told_to_add_one(make_smtui_app, store: Store) -> None:
    """The first run's empty brand has no channel: a new post or slot says where to add
    one, instead of opening a form with nothing to choose (which used to end the app)."""
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        for keys, screen_name in [
            ("2n", "CalendarScreen"),
            ("la", "SlotsScreen"),
            ("1n", "TodayScreen"),
        ]:
            if screen_name == "TodayScreen":
                await pilot.press("escape")
            await pilot.press(*keys)
            await pilot.pause()
            assert type(app.screen).__name__ == screen_name
            said = [notice.message for notice in app._notifications]
            assert said and "has no channel yet" in said[-1] and "Strategy screen" in said[-1]
            app.clear_notifications()
        assert app.return_code is None and store.posts.list(app.brand.id) == []


async def test_a_required_choice_without_options_opens_and_is_named() -> None:
    """The form itself holds when a required choice has no option: saving names it."""
    from textual.app import App

    from smtui.domain.validation import DomainError
    from smtui.widgets.form import FormField

    saved: list[dict[str, object]] = []

    def submit(data: dict[str, object]) -> dict[str, object]:
        if not data.get("channel_id"):
            raise DomainError("choose the channel", "channel_id")
        saved.append(data)
        return data

    fields = [FormField("channel_id", "Channel", "select", [], required=True)]

    class FormApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(FormScreen("New post", fields, {}, submit))

    app = FormApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert "choose the channel" in str(form.query_one("#error-channel_id", Static).render())
        assert saved == []


@pytest.mark.slow
async def test_go_to_date_takes_the_same_words_as_today(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    """g on the Calendar is Today's g: a date, or today, tomorrow, yesterday, under the
    same prompt, starting from the day the cursor is on."""
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")  # Today's form, to compare with
        today_form = app.screen
        assert isinstance(today_form, FormScreen)
        today_help = [shown(help_line) for help_line in today_form.query(".form-help")]
        await pilot.press("escape")

        screen = await open_calendar(pilot)
        today = screen.day
        await pilot.press("right", "right", "g")  # the form starts from the cursor's day
        form = app.screen
        assert isinstance(form, FormScreen)
        assert [shown(help_line) for help_line in form.query(".form-help")] == today_help
        assert "or today, tomorrow, yesterday" in today_help[0]
        assert form.query_one("#field-day").value == (today + timedelta(days=2)).isoformat()
        for word, offset in [("tomorrow", 1), ("Yesterday", -1), (" today ", 0)]:
            if app.screen is not form:
                await pilot.press("g")
                form = app.screen
                assert isinstance(form, FormScreen)
            await pilot.press("ctrl+shift+a", *word, "ctrl+s")
            await pilot.pause()
            assert app.screen is screen, word
            assert screen.day == today + timedelta(days=offset)
        await pilot.press("g", "ctrl+shift+a", *"2026-02-30", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert "2026-02-30" in shown(form.query_one("#error-day", Static))


async def test_a_form_that_saves_nothing_says_what_ctrl_s_does(
    make_smtui_app, brand: Brand
) -> None:
    """A search is not saved: its hint and button say "search", and with no required field
    there is no "* required"; a new post still says save and marks what it needs."""
    from textual.widgets import Button

    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        for keys, verb, button, required in [
            ("slash", "ctrl+s search", "Search (ctrl+s)", False),
            ("f", "ctrl+s apply", "Apply (ctrl+s)", False),
            ("g", "ctrl+s go", "Go (ctrl+s)", True),  # the date is required
            ("n", "ctrl+s save", "Save (ctrl+s)", True),
        ]:
            await pilot.press(keys)
            await pilot.pause()
            form = app.screen
            assert isinstance(form, FormScreen), keys
            hint = str(form.query_one(".dialog-hint", Static).render())
            assert hint.startswith(verb) and ("* required" in hint) is required, hint
            assert str(form.query_one("#save", Button).label) == button
            await pilot.press("escape")
            await pilot.pause()


async def test_a_search_hides_posts_but_does_not_empty_their_slots(
    make_smtui_app, store: Store, brand: Brand
) -> None:
    """A post that fills a recurring slot and that a search hides: the day shows neither
    the post nor "nothing planned", since something is planned there."""
    linkedin = channel_id(store, brand, Platform.LINKEDIN)
    store.slots.add(
        RecurringSlot(brand_id=brand.id or 0, channel_id=linkedin, weekday=1, time_local="09:30")
    )
    store.posts.add(
        Post(
            brand_id=brand.id or 0,
            channel_id=linkedin,
            title="Filled",
            scheduled_at=datetime(2026, 11, 24, 14, 30, tzinfo=UTC),
        )
    )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        await pilot.press("right")  # Tuesday 24
        day_list = screen.query_one(DayList)
        assert [p.title for p in day_list.posts] == ["Filled"]
        await pilot.press("slash", *"xyz", "ctrl+s")
        await pilot.pause()
        assert day_list.posts == []
        prompts = [
            str(day_list.get_option_at_index(i).prompt) for i in range(day_list.option_count)
        ]
        assert not any("nothing planned" in prompt for prompt in prompts), prompts
        await pilot.press("slash", "end", *["backspace"] * 3, "ctrl+s")  # the search cleared
        await pilot.pause()
        assert [p.title for p in day_list.posts] == ["Filled"]
