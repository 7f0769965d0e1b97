"""Tests of the queue's repositories on a real migrated SQLite file: paging, tabs, filters,
counts, triage actions with history and undo, intake, outreach, figures, and 200,000 items."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from smtui.domain.enums import InboxKind, InboxStatus, Platform, Priority
from smtui.domain.inbox import InboxItem, PriorityRule, QueueFilter, QueueTab
from smtui.domain.models import Brand, Channel
from smtui.domain.planning import BrandSettings
from smtui.domain.replies import SavedReply
from smtui.domain.validation import DomainError
from smtui.store import Store
from smtui.store.tables import InboxItemRow


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Maple", timezone="America/Toronto"))


@pytest.fixture
def channel(store: Store, brand: Brand) -> Channel:
    return store.channels.add(
        Channel(brand_id=brand.id, platform=Platform.INSTAGRAM, handle="@maple")
    )


def item(brand: Brand, now: datetime, hours: float, kind: InboxKind = InboxKind.COMMENT, **kw):  # type: ignore[no-untyped-def]
    return InboxItem(
        brand_id=brand.id,
        kind=kind,
        received_at=now - timedelta(hours=hours),
        text=kw.pop("text", f"item {hours}"),
        **kw,
    )


def ids(page) -> list[int]:  # type: ignore[no-untyped-def]
    return [entry.id for entry in page.items]


def test_intake_sets_due_time_and_priority(store: Store, brand: Brand, now: datetime) -> None:
    store.priority_rules.add(PriorityRule(brand_id=brand.id, keyword="remboursement"))
    store.response_targets.set(brand.id, InboxKind.COMMENT, 30)
    added = store.inbox.add(item(brand, now, 1, text="Un REMBOURSEMENT?"))
    assert added.priority is Priority.URGENT
    assert added.due_at == now - timedelta(minutes=30)
    assert added.is_overdue(now)
    dm = store.inbox.add(item(brand, now, 0, InboxKind.DM))
    assert dm.priority is Priority.HIGH and dm.due_at == now + timedelta(hours=1)
    store.brand_settings.save(BrandSettings(brand_id=brand.id, working_hours_enabled=True))
    # Monday 08:30 in Toronto: the clock starts at 09:00.
    late = store.inbox.add(item(brand, now, 0, InboxKind.DM))
    assert late.due_at == now + timedelta(minutes=90)


def test_queue_order_pages_and_tabs(store: Store, brand: Brand, now: datetime) -> None:
    made = [store.inbox.add(item(brand, now, hours)) for hours in range(10)]
    dm = store.inbox.add(item(brand, now, 0, InboxKind.DM))
    first = store.inbox.page(brand.id, limit=4)
    assert ids(first)[0] == dm.id  # higher priority first
    assert ids(first)[1:] == [made[9].id, made[8].id, made[7].id]  # then the oldest due
    second = store.inbox.page(brand.id, after=first.next, limit=4)
    third = store.inbox.page(brand.id, after=second.next, limit=4)
    assert third.next is None
    assert len(ids(first) + ids(second) + ids(third)) == 11
    assert set(ids(first) + ids(second) + ids(third)) == {entry.id for entry in [*made, dm]}

    store.inbox.done([made[0].id])
    store.inbox.snooze([made[1].id], now + timedelta(hours=2))
    todo = ids(store.inbox.page(brand.id))
    assert made[0].id not in todo and made[1].id not in todo
    assert ids(store.inbox.page(brand.id, QueueFilter(tab=QueueTab.DONE))) == [made[0].id]
    assert len(ids(store.inbox.page(brand.id, QueueFilter(tab=QueueTab.ALL)))) == 11
    # Three hours later the snooze has run out: the item is back to do.
    later = now + timedelta(hours=3)
    assert made[1].id in ids(store.inbox.page(brand.id, now=later))
    counts = store.inbox.counts(brand.id, now=later)
    assert (counts.todo, counts.done, counts.snoozed, counts.total) == (10, 1, 0, 11)
    counts = store.inbox.counts(brand.id)
    assert (counts.todo, counts.snoozed) == (9, 1)
    assert counts.overdue == 0


def test_filters_and_search(store: Store, brand: Brand, channel: Channel, now: datetime) -> None:
    a = store.inbox.add(
        item(brand, now, 1, author_name="Zoé Tremblay", text="Open on Sunday?", tags="hours")
    )
    b = store.inbox.add(item(brand, now, 2, InboxKind.DM, channel_id=channel.id, text="100% ok_"))
    store.inbox.add(item(brand, now, 3, author_handle="@marc", text="Nice bread"))

    def found(**kw) -> list[int]:  # type: ignore[no-untyped-def]
        return sorted(ids(store.inbox.page(brand.id, QueueFilter(**kw))))

    assert found(text="sunday") == [a.id]
    assert found(text="zoé") == [a.id]
    assert found(text="MARC bread") != [] and len(found(text="MARC bread")) == 1
    assert found(text="100%") == [b.id]  # LIKE wildcards are escaped
    assert found(text="0%") == [b.id]
    assert found(text="1_0") == []
    assert found(channel_id=channel.id) == [b.id]
    assert found(kind=InboxKind.DM) == [b.id]
    assert found(tag="hours") == [a.id]
    assert found(tag="hour") == []
    assert store.inbox.counts(brand.id, QueueFilter(kind=InboxKind.DM)).todo == 1


def test_actions_write_history_and_undo(store: Store, brand: Brand, now: datetime) -> None:
    one, two, three = (store.inbox.add(item(brand, now, h)) for h in (1, 2, 3))
    replied = store.inbox.reply(one.id, "Merci Zoé!")
    assert replied.status is InboxStatus.REPLIED
    assert replied.reply_text == "Merci Zoé!" and replied.handled_at == now
    with pytest.raises(DomainError):
        store.inbox.reply(two.id, "   ")
    store.inbox.escalate([two.id])
    store.inbox.set_priority([two.id], Priority.URGENT)
    store.inbox.tag([two.id, three.id], "vip, billing")
    assert store.inbox.get(three.id).tags == ("vip", "billing")
    store.inbox.tag([three.id], "press", replace=True)
    assert store.inbox.get(three.id).tags == ("press",)
    with pytest.raises(DomainError):
        store.inbox.snooze([three.id], now - timedelta(hours=1))

    history = store.inbox.history(two.id)
    assert [event.action for event in history] == ["escalate", "priority", "tag"]
    detail = json.loads(history[0].detail)
    assert detail["before"]["status"] == "new" and detail["after"]["status"] == "escalated"

    # Undo walks back one action at a time; a bulk action is undone as a whole.
    undone = store.inbox.undo_last(brand.id)
    assert undone is not None and undone.action == "tag" and undone.item_ids == [three.id]
    assert store.inbox.get(three.id).tags == ("vip", "billing")
    undone = store.inbox.undo_last(brand.id)
    assert undone is not None and undone.item_ids == sorted([two.id, three.id])
    assert store.inbox.get(two.id).tags == () and store.inbox.get(three.id).tags == ()
    assert store.inbox.undo_last(brand.id).action == "priority"  # type: ignore[union-attr]
    assert store.inbox.get(two.id).priority is Priority.NORMAL
    assert store.inbox.undo_last(brand.id).action == "escalate"  # type: ignore[union-attr]
    assert store.inbox.get(two.id).status is InboxStatus.NEW
    assert store.inbox.undo_last(brand.id).action == "reply"  # type: ignore[union-attr]
    restored = store.inbox.get(one.id)
    assert restored.status is InboxStatus.NEW
    assert restored.handled_at is None and restored.reply_text == ""
    assert store.inbox.undo_last(brand.id) is None
    assert [event.action for event in store.inbox.history(one.id)] == ["reply", "undo"]


def test_bulk_ignore_and_undo(store: Store, brand: Brand, now: datetime) -> None:
    items = [store.inbox.add(item(brand, now, h)) for h in range(5)]
    chosen = [entry.id for entry in items[:3]]
    store.inbox.ignore(chosen)
    assert store.inbox.counts(brand.id).todo == 2
    assert store.inbox.undo_last(brand.id).item_ids == sorted(chosen)  # type: ignore[union-attr]
    assert store.inbox.counts(brand.id).todo == 5


def test_import_deduplicates_by_channel_and_external_id(
    store: Store, brand: Brand, channel: Channel, now: datetime
) -> None:
    batch = [
        item(brand, now, 1, channel_id=channel.id, external_id="a"),
        item(brand, now, 2, channel_id=channel.id, external_id="a"),  # repeated in the file
        item(brand, now, 3, channel_id=channel.id, external_id="b"),
        item(brand, now, 4, external_id="a"),  # no channel: another item
    ]
    dry = store.inbox.import_items(brand.id, batch, dry_run=True)
    assert (dry.added, dry.duplicates) == (3, 1)
    assert store.inbox.counts(brand.id).total == 0
    result = store.inbox.import_items(brand.id, batch)
    assert (result.added, result.duplicates) == (3, 1)
    again = store.inbox.import_items(brand.id, batch)
    assert (again.added, again.duplicates) == (0, 4)
    assert store.inbox.counts(brand.id).total == 3


@pytest.mark.parametrize("filler", [0, 2_500], ids=["lookups in SQL", "lookups by join"])
def test_reimport_finds_what_is_stored_whatever_the_batch_size(
    store: Store, brand: Brand, channel: Channel, now: datetime, filler: int
) -> None:
    """A large batch looks its keys up through a temporary table instead of IN lists: the
    same answers, including items without a channel and another brand's identical keys."""
    other = store.brands.add(Brand(name="Other", timezone="UTC"))
    store.inbox.import_items(other.id, [item(other, now, 1, external_id="a")])
    first = [
        item(brand, now, 1, channel_id=channel.id, external_id="a"),
        item(brand, now, 2, external_id="b"),  # no channel
    ]
    assert store.inbox.import_items(brand.id, first).added == 2
    filling = [
        item(brand, now, 3, channel_id=channel.id, external_id=f"f{n}") for n in range(filler)
    ]
    batch = [
        *first,
        item(brand, now, 4, external_id="a"),  # no channel: new for this brand
        item(brand, now, 5, channel_id=channel.id, external_id="c"),
        *filling,
    ]

    dry = store.inbox.import_items(brand.id, batch, dry_run=True)
    result = store.inbox.import_items(brand.id, batch)
    again = store.inbox.import_items(brand.id, batch)

    assert (dry.added, dry.duplicates) == (2 + filler, 2)
    assert (result.added, result.duplicates) == (2 + filler, 2)
    assert (again.added, again.duplicates) == (0, len(batch))
    assert store.inbox.counts(brand.id).total == 4 + filler
    assert store.inbox.counts(other.id).total == 1


def test_outreach_in_the_callers_transaction(store: Store, brand: Brand, now: datetime) -> None:
    with store.write() as session:
        assert store.inbox.add_outreach_in(session, brand.id, 42, "Heritage wheat", 2, now) == 2
    page = store.inbox.page(brand.id)
    assert [entry.kind for entry in page.items] == [InboxKind.OUTREACH] * 2
    assert "Heritage wheat" in page.items[0].text
    assert page.items[0].priority is Priority.LOW
    with store.write() as session:  # marking the same post published again adds nothing
        assert store.inbox.add_outreach_in(session, brand.id, 42, "Heritage wheat", 2, now) == 0
    with pytest.raises(RuntimeError), store.write() as session:
        store.inbox.add_outreach_in(session, brand.id, 43, "Other", 3, now)
        raise RuntimeError("the caller's transaction fails")
    assert store.inbox.counts(brand.id).total == 2


def test_response_figures(store: Store, brand: Brand, channel: Channel, now: datetime) -> None:
    minutes = [10, 30, 50, 200]
    for index, spent in enumerate(minutes):
        received = now - timedelta(hours=10 + index)
        store.inbox.import_items(
            brand.id,
            [
                InboxItem(
                    brand_id=brand.id,
                    channel_id=channel.id if index < 2 else None,
                    kind=InboxKind.DM,  # target 60 minutes
                    received_at=received,
                    status=InboxStatus.REPLIED,
                    handled_at=received + timedelta(minutes=spent),
                )
            ],
        )
    store.inbox.add(item(brand, now, 0.5))  # open, under 1 hour
    store.inbox.add(item(brand, now, 30))  # open, 1-3 days
    ignored = store.inbox.add(item(brand, now, 5))
    store.inbox.ignore([ignored.id])
    figures = store.inbox.response_figures(brand.id, now - timedelta(days=7), now)
    assert (figures.received, figures.answered, figures.within_target) == (7, 4, 3)
    assert figures.median_seconds == pytest.approx(40 * 60)
    assert figures.mean_seconds == pytest.approx(72.5 * 60)
    assert figures.share_within_target == pytest.approx(0.75)
    per_channel = store.inbox.response_figures_by_channel(brand.id, now - timedelta(days=7), now)
    assert per_channel[channel.id].median_seconds == pytest.approx(20 * 60)
    assert per_channel[None].answered == 2
    backlog = dict(store.inbox.backlog_by_age(brand.id))
    assert backlog == {
        "under 1 hour": 1,
        "1-4 hours": 0,
        "4-24 hours": 0,
        "1-3 days": 1,
        "over 3 days": 0,
    }
    empty = store.inbox.response_figures(brand.id, now + timedelta(days=1), now + timedelta(days=2))
    assert empty.median_seconds is None and empty.share_within_target is None


def test_saved_replies_search(store: Store, brand: Brand) -> None:
    store.saved_replies.add(SavedReply(brand_id=brand.id, name="Hours", tags="faq", text="x"))
    store.saved_replies.add(
        SavedReply(brand_id=brand.id, name="Merci", tags="thanks", language="fr", text="y")
    )
    assert [reply.name for reply in store.saved_replies.search(brand.id, "")] == ["Hours", "Merci"]
    assert [reply.name for reply in store.saved_replies.search(brand.id, "THANKS")] == ["Merci"]
    assert [reply.name for reply in store.saved_replies.search(brand.id, "fr")] == ["Merci"]


@pytest.mark.slow
def test_two_hundred_thousand_items_page_through_sql(
    store: Store, brand: Brand, now: datetime
) -> None:
    statuses = ["new", "in_progress", "escalated", "snoozed", "done", "replied", "ignored"]
    rows = []
    for number in range(200_000):
        status = statuses[number % 7]
        rows.append(
            {
                "brand_id": brand.id,
                "kind": "comment",
                "author_name": f"author {number}",
                "text": f"text {number}",
                "received_at": now - timedelta(minutes=number),
                "status": status,
                "priority": number % 4,
                "due_at": now + timedelta(minutes=(number * 7919) % 100_000 - 50_000),
                "snoozed_until": now - timedelta(hours=1)
                if number % 14 == 3
                else (now + timedelta(hours=1) if status == "snoozed" else None),
                "tags": ",vip," if number % 1000 == 0 else "",
            }
        )
    with store.write() as session:
        session.connection().execute(InboxItemRow.__table__.insert(), rows)

    page = store.inbox.page(brand.id, limit=100)
    assert len(page.items) == 100 and page.next is not None
    keys = [(entry.priority.rank, entry.due_at, entry.id) for entry in page.items]
    assert keys == sorted(keys) and keys[0][0] == 0
    following = store.inbox.page(brand.id, after=page.next, limit=100)
    assert len(following.items) == 100
    assert (following.items[0].priority.rank, following.items[0].due_at) >= keys[-1][:2]
    assert not {entry.id for entry in page.items} & {entry.id for entry in following.items}

    # Each status's query is an index walk in the queue's order: no sort of the table.
    query = store.inbox.page_query(brand.id, InboxStatus.NEW, QueueFilter(), now, page.next)
    compiled = query.compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.engine.connect() as connection:
        plan = " ".join(
            str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        )
    assert "ix_inbox_item_queue" in plan and "TEMP B-TREE" not in plan

    counts = store.inbox.counts(brand.id)
    open_rows = [r for r in rows if r["status"] in ("new", "in_progress", "escalated")]
    woke = [r for r in rows if r["status"] == "snoozed" and r["snoozed_until"] <= now]
    assert counts.todo == len(open_rows) + len(woke)
    assert counts.overdue == sum(1 for r in [*open_rows, *woke] if r["due_at"] < now)
    assert counts.total == 200_000
    assert counts.done == sum(1 for r in rows if r["status"] in ("done", "replied", "ignored"))
    vip = store.inbox.page(brand.id, QueueFilter(tab=QueueTab.ALL, tag="vip"), limit=500)
    assert len(vip.items) == 200 and vip.next is None


def test_a_reimport_leaves_the_stored_items_as_they_were_worked(
    store: Store, brand: Brand, channel: Channel, now: datetime
) -> None:
    """The INSERT leaves out a stored (channel, external id) rather than writing over it: an
    item already triaged keeps its state when the same export is imported again."""
    batch = [item(brand, now, n, channel_id=channel.id, external_id=f"x{n}") for n in range(3)]
    store.inbox.import_items(brand.id, batch)
    stored = store.inbox.page(brand.id, QueueFilter(tab=QueueTab.ALL)).items
    worked = stored[0]
    store.inbox.ignore([worked.id])
    again = store.inbox.import_items(brand.id, [*batch, item(brand, now, 9, channel_id=channel.id)])
    assert (again.added, again.duplicates) == (1, 3)
    after = {
        entry.id: entry for entry in store.inbox.page(brand.id, QueueFilter(tab=QueueTab.ALL)).items
    }
    assert after[worked.id].status is InboxStatus.IGNORED
    assert len(after) == 4
