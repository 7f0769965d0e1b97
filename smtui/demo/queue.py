"""Provides the reply queue of the demo workspace: about forty comments, mentions, DMs,
reviews, questions and shares of different ages, priorities and statuses (some past their
target, a few with hostile text to show it stays literal), saved replies in English and
French, response targets, a keyword rule, and two listening feeds read from files shipped
in ``smtui/demo/feeds``.

It follows the Community essay's rule (like and answer every comment, share and mention,
fast) and the Six phases' outreach advice (two comments elsewhere per blog post).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from smtui.demo.queue_content import HANDLED_AFTER, ITEMS, REPLIES
from smtui.demo.workspace import DemoWorkspace
from smtui.domain.clock import Clock
from smtui.domain.enums import InboxKind, InboxStatus, Priority
from smtui.domain.inbox import Feed, InboxItem, PriorityRule
from smtui.domain.planning import BrandSettings
from smtui.domain.replies import SavedReply

if TYPE_CHECKING:
    from smtui.store import Store

FEEDS = Path(__file__).resolve().parent / "feeds"


def _settings(store: Store, demo: DemoWorkspace) -> None:
    settings = store.brand_settings.get(demo.brand_id)
    store.brand_settings.save(
        BrandSettings.model_validate(
            {
                **settings.model_dump(),
                "working_hours_enabled": True,
                "work_days": (0, 1, 2, 3, 4, 5),
                "work_start": "08:00",
                "work_end": "18:00",
            }
        )
    )


def _rules(store: Store, demo: DemoWorkspace) -> None:
    brand_id = demo.brand_id
    store.response_targets.set(brand_id, InboxKind.DM, 60)
    store.response_targets.set(brand_id, InboxKind.QUESTION, 120)
    store.response_targets.set(brand_id, InboxKind.REVIEW, 240)
    store.response_targets.set(brand_id, InboxKind.COMMENT, 8 * 60)
    for keyword in ("remboursement", "refund"):
        store.priority_rules.add(
            PriorityRule(brand_id=brand_id, keyword=keyword, priority=Priority.URGENT)
        )
    for name, tags, language, text in REPLIES:
        store.saved_replies.add(
            SavedReply(brand_id=brand_id, name=name, tags=tags, language=language, text=text)
        )


def _items(store: Store, demo: DemoWorkspace, clock: Clock) -> None:
    now = clock()
    handled = iter(HANDLED_AFTER)
    items = []
    for number, (hours, platform, kind, name, handle, text, status, tags) in enumerate(ITEMS):
        received = now - timedelta(hours=hours)
        item = InboxItem(
            brand_id=demo.brand_id,
            channel_id=demo.channels[platform].id,
            kind=kind,
            author_name=name,
            author_handle=handle,
            text=text,
            received_at=received,
            status=status,
            tags=tags,
            external_id=f"demo-{number}",
            source="demo",
        )
        if status in (InboxStatus.REPLIED, InboxStatus.DONE, InboxStatus.IGNORED):
            item = item.model_copy(
                update={"handled_at": received + timedelta(hours=next(handled, 1.0))}
            )
        if status is InboxStatus.REPLIED:
            item = item.model_copy(update={"reply_text": f"Merci {name}! 🥐"})
        if status is InboxStatus.SNOOZED:
            # One snooze has already run out (back in the to-do tab), one has not.
            wake = now - timedelta(hours=1) if "hours" in tags else now + timedelta(days=2)
            item = item.model_copy(update={"snoozed_until": wake})
        items.append(item)
    store.inbox.import_items(demo.brand_id, items)


def _feeds(store: Store, demo: DemoWorkspace) -> None:
    from smtui.io.feeds import fetch_feed

    for title, name in (
        ("Plateau Mont-Royal news", "plateau-news.xml"),
        ("Bakers' Notes", "bakers-notes.xml"),
    ):
        feed = store.feeds.add(
            Feed(brand_id=demo.brand_id, title=title, url=(FEEDS / name).as_uri())
        )
        fetch_feed(store, feed)


def fill_queue(store: Store, demo: DemoWorkspace, clock: Clock) -> None:
    """Fill the demo brand's queue, rules, saved replies and feeds through the repositories."""
    _settings(store, demo)
    _rules(store, demo)
    _items(store, demo, clock)
    _feeds(store, demo)
