"""Pilot tests of the Queue screen's keyboard flows on a real migrated workspace: triage with
saved replies, snooze, escalate and undo; bulk actions down to zero; search, filters and
tabs; hostile text shown literally; and the Listening view."""

from __future__ import annotations

import io
import socket
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from drawn import screen_text
from rich.console import Console
from textual.widgets import DataTable, Static, TextArea

from smtui.domain.enums import InboxKind, InboxStatus, Platform, PostStatus
from smtui.domain.inbox import EntryStatus, Feed, InboxItem, QueueFilter, QueueTab
from smtui.domain.models import Brand, Channel
from smtui.domain.replies import SavedReply
from smtui.screens.queue.composer import ReplyComposer
from smtui.screens.queue.listening import ListeningScreen
from smtui.screens.queue.screen import QueueScreen
from smtui.store import Store
from smtui.widgets import FormScreen, PickerScreen

SIZE = (120, 36)
HOSTILE = "[@click=app.quit]hi[/] [b]x[/b]\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m end"


def shown(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Maple", timezone="America/Toronto"))


@pytest.fixture
def small_queue(store: Store, brand: Brand, now: datetime) -> list[InboxItem]:
    channel = store.channels.add(
        Channel(brand_id=brand.id, platform=Platform.INSTAGRAM, handle="@maple")
    )
    store.saved_replies.add(
        SavedReply(
            brand_id=brand.id,
            name="Thanks",
            tags="merci",
            text="Thank you {author}, {brand}! {oops}",
        )
    )
    store.saved_replies.add(SavedReply(brand_id=brand.id, name="Hours", text="We open at 7."))
    texts = [
        ("Zoé", "Lovely croissants", "vip"),
        ("Marc", "Do you have oat milk?", ""),
        ("Ann", "Refund for my cake?", "billing"),
        ("Léa", "Open Sunday?", ""),
        ("Tom", "Nice!", ""),
    ]
    return [
        store.inbox.add(
            InboxItem(
                brand_id=brand.id,
                channel_id=channel.id,
                kind=InboxKind.COMMENT,
                author_name=name,
                text=text,
                tags=tags,
                received_at=now - timedelta(hours=10 - index),
            )
        )
        for index, (name, text, tags) in enumerate(texts)
    ]


async def open_queue(pilot) -> QueueScreen:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QueueScreen)
    return screen


def bar(screen: QueueScreen) -> str:
    return shown(screen.query_one("#queue-bar", Static))


async def test_triage_five_items_with_keys(
    make_smtui_app, store: Store, small_queue: list[InboxItem], now: datetime
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_queue(pilot)
        assert screen.table.row_count == 5
        assert "5 left to zero" in bar(screen)

        first = screen.current
        assert first is not None and first.author_name == "Zoé"
        await pilot.press("r")
        assert isinstance(app.screen, ReplyComposer)
        await pilot.press(*"merci", "enter")  # search by tag, use the highlighted reply
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        replied = store.inbox.get(first.id)
        assert replied.status is InboxStatus.REPLIED
        assert replied.reply_text == "Thank you Zoé, Maple! {oops}"
        assert app.clipboard == replied.reply_text

        second = screen.current
        await pilot.press("d")
        await pilot.pause()
        assert store.inbox.get(second.id).status is InboxStatus.DONE

        third = screen.current
        await pilot.press("s")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")  # in 1 hour
        await pilot.pause()
        snoozed = store.inbox.get(third.id)
        assert snoozed.status is InboxStatus.SNOOZED
        assert snoozed.snoozed_until == now + timedelta(hours=1)

        fourth = screen.current
        await pilot.press("e")
        await pilot.pause()
        assert store.inbox.get(fourth.id).status is InboxStatus.ESCALATED
        await pilot.press("u")
        await pilot.pause()
        assert store.inbox.get(fourth.id).status is InboxStatus.NEW
        assert "2 left to zero" in bar(screen)
        assert screen.table.row_count == 2
        assert [event.action for event in store.inbox.history(fourth.id)] == ["escalate", "undo"]


async def test_typed_snooze_time(make_smtui_app, store: Store, small_queue, now: datetime) -> None:  # type: ignore[no-untyped-def]
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_queue(pilot)
        item = screen.current
        await pilot.press("s", "end", "enter")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"yesterday", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # the error is shown, nothing written
        assert store.inbox.get(item.id).status is InboxStatus.NEW
        await pilot.press("ctrl+u", *"2026-11-25 10:00", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        snoozed = store.inbox.get(item.id)
        assert snoozed.snoozed_until == datetime.fromisoformat("2026-11-25T15:00:00+00:00")


async def test_bulk_ignore_then_reach_zero(
    make_smtui_app, store: Store, brand: Brand, small_queue: list[InboxItem]
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_queue(pilot)
        chosen = [item.id for item in screen.items[:3]]
        await pilot.press("space", "space", "space")
        assert screen.selected == set(chosen)
        assert "3 selected" in bar(screen)
        await pilot.press("i")
        await pilot.pause()
        assert {store.inbox.get(i).status for i in chosen} == {InboxStatus.IGNORED}
        assert screen.table.row_count == 2 and not screen.selected
        await pilot.press("d", "d")
        await pilot.pause()
        assert screen.table.row_count == 0
        assert "Inbox zero" in bar(screen)
        assert "the queue is at zero" in shown(screen.query_one("#queue-detail", Static))
        assert store.inbox.counts(brand.id).todo == 0
        await pilot.press("u")  # the last "done" comes back
        await pilot.pause()
        assert screen.table.row_count == 1


async def test_search_filters_and_tabs(
    make_smtui_app, store: Store, small_queue: list[InboxItem]
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_queue(pilot)
        await pilot.press("slash", *"oat", "enter")
        await pilot.pause()
        assert [item.author_name for item in screen.items] == ["Marc"]
        assert "“oat”" in bar(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.table.row_count == 5
        await pilot.press("f")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", "tab", *"billing", "ctrl+s")
        await pilot.pause()
        assert [item.author_name for item in screen.items] == ["Ann"]
        assert screen.filters.tag == "billing"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d", "right_square_bracket")
        await pilot.pause()
        assert screen.filters.tab is QueueTab.DONE
        assert [item.status for item in screen.items] == [InboxStatus.DONE]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.table.row_count == 5


async def test_hostile_text_is_literal_and_harmless(
    make_smtui_app, store: Store, brand: Brand, now: datetime
) -> None:
    store.inbox.add(
        InboxItem(
            brand_id=brand.id,
            kind=InboxKind.COMMENT,
            author_name="[b]Troll[/b]",
            text=HOSTILE,
            received_at=now,
        )
    )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_queue(pilot)
        cells = [str(cell) for cell in screen.table.get_row_at(0)]
        assert any(cell.startswith("[@click=app.quit]hi[/") for cell in cells)
        assert "[b]Troll[/b]" in cells
        assert not any("\x1b" in cell or "\x07" in cell or "\x9b" in cell for cell in cells)
        text = shown(screen.query_one("#queue-detail", Static))
        assert "[@click=app.quit]hi[/] [b]x[/b]" in text and "\x1b" not in text
        await pilot.click(DataTable, offset=(50, 1))
        await pilot.click(DataTable, offset=(50, 1))
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReplyComposer)
        await pilot.click("#reply-original")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QueueScreen)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_listening_view(make_smtui_app, store: Store, brand: Brand, tmp_path: Path) -> None:
    from smtui.io.feeds import fetch_feed

    path = tmp_path / "feed.xml"
    items = "".join(
        f"<item><title>{title}</title><guid>{title}</guid><link>https://n.example.com/{n}</link>"
        f"<pubDate>Sun, 22 Nov 2026 1{n}:00:00 -0500</pubDate></item>"
        for n, title in enumerate(["Alpha", "Beta", "Gamma"])
    )
    path.write_text(f'<rss version="2.0"><channel><title>N</title>{items}</channel></rss>')
    fetch_feed(store, store.feeds.add(Feed(brand_id=brand.id, url=path.as_uri(), title="N")))
    store.feeds.add(
        Feed(brand_id=brand.id, url=f"http://127.0.0.1:{free_port()}/x.xml", title="Offline")
    )
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_queue(pilot)
        await pilot.press("l")
        await pilot.pause()
        listening = app.screen
        assert isinstance(listening, ListeningScreen)
        assert [entry.title for _f, entry in listening.entries] == ["Gamma", "Beta", "Alpha"]
        await pilot.press("a")  # Gamma becomes a queue item
        await pilot.press("i")  # Beta becomes a post idea
        await pilot.press("x")  # Alpha is dismissed
        await pilot.pause()
        assert listening.entries == []
        queued = store.inbox.page(brand.id, QueueFilter()).items
        assert [item.text for item in queued] == ["Gamma"]
        statuses = {e.title: e.status for _f, e in store.feeds.entries(brand.id, None)}
        assert statuses == {
            "Gamma": EntryStatus.QUEUED,
            "Beta": EntryStatus.IDEA,
            "Alpha": EntryStatus.DISMISSED,
        }
        idea = [p for p in store.posts.list(brand.id) if p.title == "Beta"]
        assert idea and idea[0].status is PostStatus.IDEA and idea[0].scheduled_at is None
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("Offline: could not reach the server" in m for m in messages)
        assert any("0 new entries" in m for m in messages)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        assert app.screen.table.row_count == 1


HINT = "enter use a saved reply · ctrl+s store and copy · esc cancel"


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=str)
async def test_reply_composer_fits_a_small_terminal(
    make_smtui_app, demo: Brand, size: tuple[int, int]
) -> None:
    """The reply box keeps several lines and the hint shows; the footer offers the
    composer's keys, not the queue's triage keys behind it."""
    app = make_smtui_app()
    async with app.run_test(size=size) as pilot:
        await open_queue(pilot)
        await pilot.press("r")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ReplyComposer)
        text = screen_text(app)
        assert HINT in text
        area = composer.query_one("#reply-text", TextArea)
        assert area.content_region.height >= 4
        footer = text.splitlines()[-1]
        assert "Save and copy" in footer and "Cancel" in footer
        assert "Reply" not in footer and "Done" not in footer

        await pilot.press("tab", "tab")  # past the saved replies, into the reply box
        assert app.focused is area
        await pilot.press(*"one", "enter", *"two", "enter", *"three", "enter", *"four")
        await pilot.pause()
        text = screen_text(app)
        assert HINT in text and all(word in text for word in ("one", "two", "three", "four"))


async def test_long_comment_scrolls_above_the_reply_box(
    make_smtui_app, store: Store, brand: Brand, now: datetime
) -> None:
    """A long comment is cut to a few lines at 80x24, and tab reaches it to scroll."""
    lines = [f"line {n} of a long review" for n in range(1, 31)]
    store.inbox.add(
        InboxItem(
            brand_id=brand.id,
            kind=InboxKind.REVIEW,
            author_name="Ann",
            text="\n".join(lines),
            received_at=now,
        )
    )
    app = make_smtui_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot)
        await pilot.press("r")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ReplyComposer)
        assert HINT in screen_text(app)
        assert composer.query_one("#reply-text", TextArea).content_region.height >= 4
        original = composer.query_one("#reply-original")
        assert original.region.height <= 4
        assert "line 1 of" in screen_text(app) and "line 30 of" not in screen_text(app)
        await pilot.press("shift+tab")  # from the search, back to the comment
        assert app.focused is original
        await pilot.press("end")
        await pilot.pause()
        assert "line 30 of" in screen_text(app)


async def test_a_search_that_hides_everything_is_not_inbox_zero(
    make_smtui_app, demo: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_queue(pilot)
        await pilot.press("slash", *"xyzq", "enter")
        await pilot.pause()
        assert screen.table.row_count == 0
        detail = shown(screen.query_one("#queue-detail", Static))
        assert "Nothing matches the search; esc clears it" in detail
        assert "queue is at zero" not in detail
        assert "filter: “xyzq”" in screen_text(app).splitlines()[1]

        await pilot.press("escape")
        await pilot.pause()
        assert screen.table.row_count > 0

        await pilot.press("f")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", "tab", *"nosuchtag", "ctrl+s")
        await pilot.pause()
        assert screen.table.row_count == 0
        detail = shown(screen.query_one("#queue-detail", Static))
        assert "Nothing matches the filter; esc clears it, f changes it." in detail
        assert "filter: #nosuchtag" in screen_text(app).splitlines()[1]


async def test_long_filter_is_cut_with_an_ellipsis_at_80_columns(
    make_smtui_app, demo: Brand
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot)
        await pilot.press("slash", *"a very long search that never matches", "enter")
        await pilot.pause()
        line = screen_text(app).splitlines()[1].rstrip()
        assert "filter: “a very long" in line and line.endswith("…")
        assert len(line) <= 80
