"""Pilot tests of the Today screen on the demo workspace at a fixed instant (Monday 08:30 in
Montréal): the morning flow (copy and publish the overdue post, reply to and close two
items, log a number, tick an audit action), stepping through days, switching brands, and
an empty workspace."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from textual.widgets import Static

from smtui.domain.enums import InboxKind, InboxStatus, Platform, PostStatus
from smtui.domain.inbox import InboxItem
from smtui.domain.models import Brand, Channel
from smtui.domain.post import Post
from smtui.domain.publishing import text_to_publish
from smtui.screens.queue.composer import ReplyComposer
from smtui.screens.today.posts import PostsPanel
from smtui.screens.today.replies import RepliesPanel
from smtui.screens.today.screen import TodayScreen
from smtui.screens.today.sections import ActionsPanel, MetricsPanel, WeekPanel
from smtui.store import Store
from smtui.today.brief import PostLine
from smtui.widgets import FormScreen, PickerScreen

SIZE = (120, 36)
TODAY = date(2026, 11, 23)


def bar(screen: TodayScreen) -> str:
    return str(screen.query_one("#today-bar", Static).content)


def title(panel: object) -> str:
    return str(panel.border_title)  # type: ignore[attr-defined]


async def test_opens_on_today_with_every_panel(make_smtui_app, demo: Brand) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert "Monday 23 November 2026" in bar(screen)
        posts = screen.query_one(PostsPanel)
        assert app.focused is posts
        first = posts.current_line
        assert isinstance(first, PostLine) and first.overdue  # overdue first, and marked
        assert "1 overdue" in title(posts)
        assert [line.at for line in posts.lines[1:] if isinstance(line, PostLine)] == sorted(
            line.at for line in posts.lines[1:] if isinstance(line, PostLine)
        )
        replies = screen.query_one(RepliesPanel)
        assert "24 left to zero" in title(replies) and "6 past target" in title(replies)
        assert screen.query_one(MetricsPanel).lines
        assert any(
            line.verdict.value == "below"
            for line in screen.query_one(WeekPanel).lines
            if hasattr(line, "verdict")
        )
        assert len(screen.query_one(ActionsPanel).lines) == 1


@pytest.mark.slow
async def test_morning_flow(make_smtui_app, store: Store, demo: Brand, now: datetime) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        posts = screen.query_one(PostsPanel)
        overdue = posts.current_post()
        assert overdue is not None and overdue.id is not None
        channel = store.channels.get(overdue.channel_id)

        # Copy the text to publish, then mark the post published with its URL.
        await pilot.press("c")
        assert app.clipboard == text_to_publish(overdue, channel.platform)
        await pilot.press("p")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"https://facebook.com/maple/posts/1", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        published = store.posts.get(overdue.id)
        assert published.status is PostStatus.PUBLISHED
        assert published.published_url == "https://facebook.com/maple/posts/1"
        assert "overdue" not in title(posts)
        week = screen.query_one(WeekPanel)
        facebook = next(line for line in week.lines if getattr(line, "name", "") == "Facebook")
        assert facebook.published == 1  # type: ignore[union-attr]

        # Reply to the first item in the queue's order, then close the next one.
        await pilot.press("R")
        replies = screen.query_one(RepliesPanel)
        assert app.focused is replies
        first = replies.current
        assert first is not None
        await pilot.press("r")
        assert isinstance(app.screen, ReplyComposer)
        await pilot.press("enter", "ctrl+s")  # the highlighted saved reply
        await pilot.pause()
        assert store.inbox.get(first.id).status is InboxStatus.REPLIED
        assert app.clipboard == store.inbox.get(first.id).reply_text
        second = replies.current
        assert second is not None and second.id != first.id
        await pilot.press("d")
        await pilot.pause()
        assert store.inbox.get(second.id).status is InboxStatus.DONE
        assert "22 left to zero" in title(replies)
        assert first.id not in [item.id for item in replies.items]

        # Log one number from the panel; it leaves the list.
        await pilot.press("N")
        metrics = screen.query_one(MetricsPanel)
        before = len(metrics.lines)
        metric = metrics.lines[0].due.metric
        await pilot.press("l")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"2010", "ctrl+s")
        await pilot.pause()
        assert store.metric_values.latest(metric.id).value == 2010
        assert store.metric_values.latest(metric.id).date == TODAY
        assert len(metrics.lines) == before - 1

        # Tick the audit action done.
        await pilot.press("A")
        actions = screen.query_one(ActionsPanel)
        item = actions.lines[0].action.item
        await pilot.press("space")
        await pilot.pause()
        assert store.audits.get_item(item.id).done
        assert actions.lines == []


async def test_step_to_tomorrow_and_back(make_smtui_app, store: Store, demo: Brand) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        posts = screen.query_one(PostsPanel)
        today_keys = [posts.key_of(line) for line in posts.lines]
        await pilot.press("right_square_bracket")
        assert screen.day == TODAY + timedelta(days=1)
        assert "Tuesday 24 November 2026" in bar(screen) and "tomorrow" in bar(screen)
        tomorrow = [line for line in posts.lines if isinstance(line, PostLine)]
        assert tomorrow and all(line.at.date() == TODAY + timedelta(days=1) for line in tomorrow)
        assert not any(line.overdue for line in tomorrow)
        await pilot.press("left_square_bracket")
        assert screen.day == TODAY
        assert [posts.key_of(line) for line in posts.lines] == today_keys

        # A typed date; a date that does not exist is refused naming the field.
        await pilot.press("g")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+shift+a", *"2026-02-30", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "2026-02-30" in str(app.screen.query_one("#error-day", Static).content)
        await pilot.press("ctrl+shift+a", *"tomorrow", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.day == TODAY + timedelta(days=1)
        await pilot.press("T")
        assert screen.day == TODAY and "(today)" in bar(screen)


async def test_key_1_comes_back_to_the_same_today_read_again(
    make_smtui_app, store: Store, demo: Brand
) -> None:
    """Today is the app's first screen without being installed as a mode; its key must
    still switch back to it (the same screen, not a second one) and read the brief again."""
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        replies = screen.query_one(RepliesPanel)
        head = replies.lines[0].item
        await pilot.press("3")
        assert type(app.screen).__name__ == "QueueScreen"
        store.inbox.done([head.id])  # worked elsewhere while Today is out of view
        await pilot.press("1")
        await pilot.pause()
        assert app.screen is screen and app.current_mode == "today"
        assert head.id not in [line.item.id for line in replies.lines]
        await pilot.press("2", "1")
        assert app.screen is screen and len(app.screen_stack) == 1


@pytest.mark.slow
async def test_new_post_from_today_lands_on_the_day(
    make_smtui_app, store: Store, demo: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        await pilot.press("right_square_bracket", "right_square_bracket", "n")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("enter", "down", "enter")  # the first channel
        await pilot.press(
            "tab", "tab", "tab", *"Pain perdu recipe", "tab", *"Stale bread", "ctrl+s"
        )
        await pilot.pause()
        posts = screen.query_one(PostsPanel)
        created = [
            line.post
            for line in posts.lines
            if isinstance(line, PostLine) and line.post.title == "Pain perdu recipe"
        ]
        assert len(created) == 1
        assert created[0].scheduled_at == datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # 09:00 local
        assert posts.current_post() == created[0]


@pytest.fixture
def second_brand(store: Store, now: datetime) -> Brand:
    brand = store.brands.add(Brand(name="Atelier Nord", timezone="Europe/Paris"))
    channel = store.channels.add(
        Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="atelier-nord")
    )
    store.posts.add(
        Post(
            brand_id=brand.id,
            channel_id=channel.id,
            title="Atelier open house",
            body="Come and see us",
            status=PostStatus.SCHEDULED,
            scheduled_at=now + timedelta(hours=3),
        )
    )
    store.inbox.add(
        InboxItem(
            brand_id=brand.id,
            channel_id=channel.id,
            kind=InboxKind.COMMENT,
            author_name="Inès",
            text="Can I bring a friend?",
            received_at=now - timedelta(minutes=20),
        )
    )
    return brand


async def test_switch_brand(make_smtui_app, store: Store, demo: Brand, second_brand: Brand) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        posts = screen.query_one(PostsPanel)
        assert {line.brand.name for line in posts.lines} == {demo.name, second_brand.name}
        assert "All brands" in bar(screen)
        assert "Brand" in [str(column.label) for column in posts.columns.values()]
        assert "25 left to zero" in title(screen.query_one(RepliesPanel))

        await pilot.press("b")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("down", "enter")  # all brands, then the brands by name
        await pilot.pause()
        assert app.brand.id == second_brand.id
        assert {line.brand.name for line in posts.lines} == {second_brand.name}
        assert "Brand" not in [str(column.label) for column in posts.columns.values()]
        assert "1 left to zero" in title(screen.query_one(RepliesPanel))
        assert store.settings.get("ui.today.all_brands") == "0"

        await pilot.press("b", "home", "enter")
        await pilot.pause()
        assert {line.brand.name for line in posts.lines} == {demo.name, second_brand.name}

        # Acting on a line of the other brand works in that brand.
        await pilot.press("R")
        replies = screen.query_one(RepliesPanel)
        row = next(i for i, line in enumerate(replies.lines) if line.brand.id == second_brand.id)
        replies.move_cursor(row=row)
        item = replies.current
        await pilot.press("d")
        await pilot.pause()
        assert store.inbox.get(item.id).status is InboxStatus.DONE


async def test_empty_workspace_says_what_to_do(make_smtui_app, store: Store) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        welcome = screen.query_one("#today-welcome", Static)
        assert welcome.display
        assert "Nothing here yet" in str(welcome.content)
        await pilot.press("c")  # no post: a message, no crash
        await pilot.press("R", "d", "N", "l", "A", "space")
        await pilot.pause()
        assert app.screen is screen


@pytest.mark.parametrize("size", [(80, 24), (97, 30), (100, 30), (120, 36), (157, 40)], ids=str)
async def test_every_panel_and_column_fits_the_terminal(
    make_smtui_app, demo: Brand, size: tuple[int, int]
) -> None:
    """On an 80-column terminal too, no panel runs past the screen's edge and no column past
    its panel's: narrow panels give up the columns their marks already say.

    The rows are built before the first layout, at the width each panel expects, so that
    the first frame shows them: the layout must give exactly that width, or every panel
    would be filled twice (and the first frame drawn at the wrong width)."""
    app = make_smtui_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        for panel in screen.panels():
            assert panel.expected_width() == panel.size.width, panel.id
            assert panel.region.right <= size[0], panel.id
            columns = sum(column.get_render_width(panel) for column in panel.columns.values())
            assert columns <= panel.scrollable_content_region.width, panel.id
            assert panel.row_count > 0 and panel.max_scroll_x == 0, panel.id
        replies = screen.query_one(RepliesPanel)
        labels = [str(column.label) for column in replies.columns.values()]
        assert "Comment" in labels and "Author" in labels
        if size[0] == 120:  # room for every column
            assert {"Channel", "Target"} <= set(labels)
        if size[0] == 80:
            assert "Target" not in labels


async def test_all_brands_shorten_the_brand_before_giving_up_a_column(
    make_smtui_app, store: Store, demo: Brand
) -> None:
    """At 120 columns, the Brand column all brands add would push the replies' time to
    target out; it gives up its last cells instead, and every column stays."""
    store.brands.add(Brand(name="Atelier Nord", timezone="Europe/Paris"))
    app = make_smtui_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        replies = app.screen.query_one(RepliesPanel)
        assert replies.several
        widths = {str(column.label): column.width for column in replies.columns.values()}
        assert {"Brand", "Channel", "Author", "Comment", "Target"} <= set(widths)
        assert widths["Brand"] == 8 and widths["Comment"] >= 16
        brand, *_rest = replies.get_row_at(0)[1:]
        assert str(brand) == "Maple &…"
        posts = app.screen.query_one(PostsPanel)  # wide enough for the whole brand
        assert {str(c.label): c.width for c in posts.columns.values()}["Brand"] == 12


async def test_all_brands_at_80_columns_name_the_brand_in_the_wide_cell(
    make_smtui_app, store: Store, demo: Brand
) -> None:
    """Too narrow for a Brand column, posts and replies still say whose they are: the
    post's title and the reply's comment start with the brand, as the narrow panels do,
    and a post that is not ready still says what stops it."""
    store.brands.add(Brand(name="Atelier Nord", timezone="Europe/Paris"))
    instagram = next(
        c for c in store.channels.list(demo.id or 0) if c.platform is Platform.INSTAGRAM
    )
    store.posts.add(
        Post(
            brand_id=demo.id or 0,
            channel_id=instagram.id,
            title="Stollen",
            status=PostStatus.READY,
            scheduled_at=datetime(2026, 11, 23, 23, 30, tzinfo=UTC),
        )
    )
    app = make_smtui_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for panel in (PostsPanel, RepliesPanel):  # (mark, time or age, channel or author, …)
            shown = app.screen.query_one(panel)
            assert shown.several
            assert "Brand" not in [str(column.label) for column in shown.columns.values()]
            for row in range(shown.row_count):
                cell = str(shown.get_row_at(row)[3])
                brand, text = cell.split(" · ", 1)
                assert "Maple & Grain".startswith(brand.rstrip("…")) and len(brand) >= 4, cell
                assert len(text) >= 8 and "……" not in cell, cell  # the text keeps its room
            if panel is PostsPanel:
                stollen = [str(shown.get_row_at(r)[3]) for r in range(shown.row_count)]
                # Cramped (17 cells): the brand, the title's start and the ⚠ that Enter explains.
                assert any(" · Sto" in cell and "  ⚠" in cell for cell in stollen), stollen


async def test_every_form_label_stands_apart_from_its_value(make_smtui_app, demo: Brand) -> None:
    """A label as long as the label column ("Website visits from social") wraps rather
    than run into its value ("...social146")."""
    from textual.widgets import Label

    app = make_smtui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("N", "enter")  # log today's numbers
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        rows = list(form.query(".form-line"))
        assert len(rows) >= 5
        for row in rows:
            label = row.query_one(Label)
            value = row.children[1]
            text = str(label.render()).replace("\n", " ").strip()
            assert label.content_region.right < value.region.x, text
