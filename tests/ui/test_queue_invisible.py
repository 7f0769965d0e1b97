"""Tests that a queue item holding carriage returns, bidi overrides and zero-width
characters shows its whole text in the Queue table, without them: a lone CR glued two
words together (or, on a terminal, sent the cursor back over what came before), a bidi
override turned "exe.txt" around, a zero-width space hid inside a word."""

from __future__ import annotations

from datetime import datetime, timedelta

from drawn import screen_text

from smtui.domain.enums import InboxKind, Priority
from smtui.domain.inbox import InboxItem
from smtui.domain.models import Brand
from smtui.store import Store

SNEAKY = "Hello\rworld \u202eexe.txt\u202c \u2066iso\u2069 ze\u200bro\u200d\u2060\ufeffhere"
SHOWN = "Hello world exe.txt iso zerohere"
HIDDEN = ("\r", "\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff")


async def test_queue_table_shows_the_whole_text_without_hidden_characters(
    make_smtui_app, demo: Brand, store: Store, now: datetime
) -> None:
    assert demo.id is not None
    store.inbox.add(
        InboxItem(
            brand_id=demo.id,
            kind=InboxKind.COMMENT,
            author_name="Zed\u200b\u202e",
            text=SNEAKY,
            priority=Priority.URGENT,
            received_at=now - timedelta(days=6),
        ),
        keep_priority=True,
    )
    app = make_smtui_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        shown = screen_text(app)

    assert SHOWN in shown, shown
    for char in HIDDEN:
        assert char not in shown, repr(char)
