"""Tests of ``smtui import inbox`` on real files and a real workspace: our CSV and JSON,
Mastodon notifications (HTML to text, DMs, shares, follows left out), bad rows importing
nothing, re-import adding nothing, --dry-run, and a 2,000-row file in one go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from smtui.cli import cli
from smtui.domain.enums import InboxKind, Platform, Priority
from smtui.domain.inbox import PriorityRule, QueueFilter, QueueTab
from smtui.domain.models import Brand, Channel
from smtui.io.inbox_formats import CSV_COLUMNS
from smtui.store import Store

HEADER = ",".join(CSV_COLUMNS)


@pytest.fixture
def brand(store: Store) -> Brand:
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    for platform, handle in (
        (Platform.INSTAGRAM, "@maple"),
        (Platform.MASTODON, "@maple@eat.social"),
    ):
        store.channels.add(Channel(brand_id=brand.id, platform=platform, handle=handle))
    store.priority_rules.add(PriorityRule(brand_id=brand.id, keyword="refund"))
    return brand


def run(db_path: Path, *args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db_path), *map(str, args)])


def all_items(store: Store, brand: Brand):  # type: ignore[no-untyped-def]
    return store.inbox.page(brand.id, QueueFilter(tab=QueueTab.ALL), limit=1000).items


def test_csv_import_and_reimport(tmp_path: Path, db_path: Path, store: Store, brand: Brand) -> None:
    path = tmp_path / "inbox.csv"
    path.write_text(
        f"{HEADER}\n"
        '2026-11-23T08:00:00,@maple,comment,Zoé,@zoe,"Line one\nline two",'
        'https://instagram.com/p/1,c1,"vip, fr",\n'
        "2026-11-23T09:00:00-05:00,instagram,dm,Marc,@marc,I want a refund,,c2,,\n"
        "2026-11-23T10:00:00Z,,question,Ann,,Open Sunday?,,c3,,low\n",
        encoding="utf-8",
    )
    result = run(db_path, "import", "inbox", path)
    assert result.exit_code == 0, result.output
    assert "Imported 3 items" in result.output
    items = {item.external_id: item for item in all_items(store, brand)}
    assert items["c1"].text == "Line one\nline two"
    assert items["c1"].tags == ("vip", "fr")
    assert items["c1"].received_at.isoformat() == "2026-11-23T13:00:00+00:00"  # brand's zone
    assert items["c2"].priority is Priority.URGENT  # keyword rule
    assert items["c3"].priority is Priority.LOW  # the file's own priority is kept
    assert items["c3"].channel_id is None
    again = run(db_path, "import", "inbox", path)
    assert again.exit_code == 0 and "Imported 0 items" in again.output
    assert "skipped 3 already there" in again.output
    assert len(all_items(store, brand)) == 3


def test_csv_with_bad_rows_imports_nothing(
    tmp_path: Path, db_path: Path, store: Store, brand: Brand
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        f"{HEADER}\n"
        "2026-11-23T08:00:00,@maple,comment,Zoé,,fine,,g1,,\n"
        "yesterday,@maple,comment,Zoé,,bad date,,g2,,\n"
        "2026-11-23T08:00:00,@nobody,comment,Zoé,,bad channel,,g3,,\n"
        "2026-11-23T08:00:00,@maple,poke,Zoé,,bad kind,,g4,,\n"
        "2026-11-23T08:00:00,@maple,comment,Zoé,,bad url,not a url,g5,,\n"
        "2026-11-23T08:00:00,@maple,comment,Zoé,,bad priority,,g6,,asap\n",
        encoding="utf-8",
    )
    result = run(db_path, "import", "inbox", path)
    assert result.exit_code == 1
    for line, word in (
        (3, "received_at"),
        (4, "channel"),
        (5, "kind"),
        (6, "url"),
        (7, "priority"),
    ):
        assert f"line {line}: {word}" in result.output, result.output
    assert "line 2" not in result.output
    assert "5 bad lines" in result.output and "nothing was imported" in result.output
    assert all_items(store, brand) == []


def test_csv_missing_column_and_unknown_channel_option(
    tmp_path: Path, db_path: Path, brand: Brand
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("channel,text\n@maple,hello\n", encoding="utf-8")
    result = run(db_path, "import", "inbox", path)
    assert result.exit_code == 1 and "missing column received_at, kind" in result.output
    result = run(db_path, "import", "inbox", path, "--channel", "@nobody")
    assert result.exit_code == 2 and "--channel" in result.output


def test_json_of_our_own_with_dry_run(
    tmp_path: Path, db_path: Path, store: Store, brand: Brand
) -> None:
    path = tmp_path / "inbox.json"
    items = [
        {
            "received_at": "2026-11-22T10:00:00Z",
            "kind": "review",
            "text": "★★★★★",
            "external_id": "r1",
            "tags": ["five"],
        },
        {
            "received_at": "2026-11-22T11:00:00Z",
            "kind": "mention",
            "text": "hi",
            "external_id": "r2",
            "channel": "mastodon",
        },
    ]
    path.write_text(json.dumps({"items": items}), encoding="utf-8")
    dry = run(db_path, "import", "inbox", path, "--dry-run")
    assert dry.exit_code == 0 and "would add 2 items" in dry.output
    assert all_items(store, brand) == []
    result = run(db_path, "import", "inbox", path, "--channel", "@maple")
    assert result.exit_code == 0, result.output
    found = {item.external_id: item for item in all_items(store, brand)}
    assert found["r1"].tags == ("five",) and found["r1"].kind is InboxKind.REVIEW
    channels = {c.handle: c.id for c in store.channels.list(brand.id)}
    assert found["r1"].channel_id == channels["@maple"]
    assert found["r2"].channel_id == channels["@maple@eat.social"]


def test_json_bad_items_are_named_by_number(tmp_path: Path, db_path: Path, brand: Brand) -> None:
    path = tmp_path / "inbox.json"
    items = [
        {"received_at": "2026-11-22T10:00:00Z", "kind": "review"},
        {"received_at": "2026-11-22T10:00:00Z"},
        "not an object",
        {"received_at": "2026-11-22T10:00:00Z", "kind": "dm", "colour": "red"},
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    result = run(db_path, "import", "inbox", path, "--format", "json")
    assert result.exit_code == 1
    assert "item 2: kind: required" in result.output
    assert "item 3: not an object" in result.output
    assert "item 4: unknown column colour" in result.output
    assert "item 1" not in result.output


def mastodon_notification(number: int, kind: str, **status: object) -> dict[str, object]:
    return {
        "id": str(1000 + number),
        "type": kind,
        "created_at": f"2026-11-23T12:0{number}:00.000Z",
        "account": {
            "id": "9",
            "acct": f"user{number}@eat.social",
            "display_name": f"User {number}",
        },
        "status": {
            "id": "77",
            "url": f"https://eat.social/@user{number}/77",
            "visibility": "public",
            "content": "<p>Hello &amp; welcome</p>",
            **status,
        }
        if kind != "follow"
        else None,
    }


def test_mastodon_notifications(tmp_path: Path, db_path: Path, store: Store, brand: Brand) -> None:
    path = tmp_path / "notifications.json"
    data = [
        mastodon_notification(
            1,
            "mention",
            content=(
                '<p><span class="h-card"><a href="https://eat.social/@maple" '
                'class="u-url mention">@<span>maple</span></a></span> Open &amp; warm?'
                "<br />See you</p><p>Merci &lt;3</p>"
            ),
        ),
        mastodon_notification(2, "mention", visibility="direct", content="<p>refund please</p>"),
        mastodon_notification(3, "favourite"),
        mastodon_notification(4, "reblog"),
        mastodon_notification(5, "follow"),
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run(db_path, "import", "inbox", path)
    assert result.exit_code == 0, result.output
    assert "(mastodon)" in result.output and "1 follow" in result.output
    found = {item.external_id: item for item in all_items(store, brand)}
    assert sorted(found) == ["1001", "1002", "1003", "1004"]
    mention = found["1001"]
    assert mention.kind is InboxKind.MENTION
    assert mention.text == "@maple Open & warm?\nSee you\n\nMerci <3"
    assert mention.author_handle == "user1@eat.social" and mention.author_name == "User 1"
    assert mention.url == "https://eat.social/@user1/77"
    mastodon = next(c for c in store.channels.list(brand.id) if c.platform is Platform.MASTODON)
    assert mention.channel_id == mastodon.id
    assert found["1002"].kind is InboxKind.DM and found["1002"].priority is Priority.URGENT
    assert found["1003"].kind is InboxKind.SHARE and found["1003"].text.startswith("favourited")
    assert found["1004"].kind is InboxKind.SHARE
    again = run(db_path, "import", "inbox", path)
    assert "Imported 0 items" in again.output
    assert len(all_items(store, brand)) == 4


def test_mastodon_bad_notification(
    tmp_path: Path, db_path: Path, store: Store, brand: Brand
) -> None:
    path = tmp_path / "n.json"
    good = mastodon_notification(1, "mention")
    bad = mastodon_notification(2, "mention")
    bad["created_at"] = "not a date"
    path.write_text(json.dumps([good, bad]), encoding="utf-8")
    result = run(db_path, "import", "inbox", path, "--format", "mastodon")
    assert result.exit_code == 1 and "item 2: received_at" in result.output
    assert all_items(store, brand) == []


def test_a_large_file_in_one_transaction(
    tmp_path: Path, db_path: Path, store: Store, brand: Brand
) -> None:
    path = tmp_path / "big.csv"
    lines = [HEADER] + [
        f"2026-11-2{n % 3}T08:{n % 60:02d}:00Z,@maple,comment,A{n},,text {n},,id{n},,"
        for n in range(2000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(db_path, "import", "inbox", path)
    assert result.exit_code == 0 and "Imported 2000 items" in result.output
    assert store.inbox.counts(brand.id).total == 2000
