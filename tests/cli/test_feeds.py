"""Tests of listening feeds against a real HTTP server on 127.0.0.1: new entries, an
unchanged feed (304 on a conditional request), a server that is down or failing, local
files, the ``smtui feeds`` commands, and what an entry becomes (queue item, idea, dismissed)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from smtui.cli import cli
from smtui.domain.enums import InboxKind, PostStatus
from smtui.domain.inbox import EntryStatus, Feed, QueueFilter
from smtui.domain.models import Brand
from smtui.io.feeds import fetch_all, fetch_feed
from smtui.store import Store


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><link>https://news.example.com/{guid}</link>"
        f"<guid>{guid}</guid><pubDate>Sun, 22 Nov 2026 14:00:00 -0500</pubDate>"
        f"<description>&lt;p&gt;About &lt;b&gt;{title}&lt;/b&gt; &amp;amp; more&lt;/p&gt;"
        "</description></item>"
        for guid, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"<link>https://news.example.com/</link>{body}</channel></rss>"
    ).encode()


class FeedServer:
    """Serves one feed with an ETag; answers 304 to a request that already has it."""

    def __init__(self) -> None:
        self.body = rss(("a", "First"), ("b", "Second"))
        self.etag = '"v1"'
        self.status = 200
        self.seen: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.seen.append(dict(self.headers))
                if server.status != 200:
                    self.send_error(server.status)
                    return
                if self.headers.get("If-None-Match") == server.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", server.etag)
                self.send_header("Last-Modified", "Sun, 22 Nov 2026 19:00:00 GMT")
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *args: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Maple", timezone="America/Toronto"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_new_entries_then_unchanged_then_one_more(
    store: Store, brand: Brand, server: FeedServer
) -> None:
    feed = store.feeds.add(Feed(brand_id=brand.id, url=server.url, title="News"))
    first = fetch_feed(store, feed)
    assert (first.new, first.unchanged, first.error) == (2, False, None)
    entries = store.feeds.entries(brand.id)
    assert sorted(entry.title for _feed, entry in entries) == ["First", "Second"]
    summaries = {entry.title: entry.summary for _feed, entry in entries}
    assert summaries["First"] == "About First & more"
    stored = store.feeds.get(feed.id)
    assert stored.etag == '"v1"' and stored.last_fetched_at is not None

    second = fetch_feed(store, stored)
    assert second.unchanged and second.new == 0
    assert server.seen[-1].get("If-None-Match") == '"v1"'
    assert server.seen[-1].get("If-Modified-Since") == "Sun, 22 Nov 2026 19:00:00 GMT"
    assert "unchanged" in second.message

    server.body = rss(("a", "First"), ("b", "Second"), ("c", "Third"))
    server.etag = '"v2"'
    third = fetch_feed(store, store.feeds.get(feed.id))
    assert third.new == 1
    assert store.feeds.count_entries(brand.id) == 3


def test_server_down_and_server_error(store: Store, brand: Brand, server: FeedServer) -> None:
    down = store.feeds.add(
        Feed(brand_id=brand.id, url=f"http://127.0.0.1:{free_port()}/feed.xml", title="Down")
    )
    result = fetch_feed(store, down)
    assert result.error is not None and "could not reach the server" in result.error
    assert result.message.startswith("Down: ")
    server.status = 503
    failing = store.feeds.add(Feed(brand_id=brand.id, url=server.url, title="Failing"))
    assert "503" in (fetch_feed(store, failing).error or "")
    assert store.feeds.count_entries(brand.id) == 0


def test_not_a_feed(tmp_path: Path, store: Store, brand: Brand) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body>hello</body></html>", encoding="utf-8")
    feed = store.feeds.add(Feed(brand_id=brand.id, url=page.as_uri()))
    assert fetch_feed(store, feed).error == "this is not an RSS or Atom feed"


def test_entry_with_a_blank_id_and_link_is_kept(tmp_path: Path, store: Store, brand: Brand) -> None:
    """A tab for a link and a blank guid (found by the parser's property test) are no link
    and no guid: the entry is stored under a guid of its text, not refused."""
    page = tmp_path / "feed.xml"
    page.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        b"<item><title>Blank</title><link>\t</link><guid> </guid></item>"
        b'<item><title>Odd</title><link href="\t"/></item></channel></rss>'
    )
    feed = store.feeds.add(Feed(brand_id=brand.id, url=page.as_uri()))
    result = fetch_feed(store, feed)
    assert result.error is None and result.new == 2
    entries = [entry for _feed, entry in store.feeds.entries(feed.brand_id)]
    assert {entry.title for entry in entries} == {"Blank", "Odd"}
    assert all(entry.link is None and len(entry.guid) == 64 for entry in entries)


def test_entry_becomes_item_idea_or_is_dismissed(
    tmp_path: Path, store: Store, brand: Brand
) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(("a", "Refund policy talk"), ("b", "Idea"), ("c", "Noise")))
    feed = store.feeds.add(Feed(brand_id=brand.id, url=path.as_uri()))
    assert [result.new for result in fetch_all(store, brand.id)] == [3]
    by_title = {entry.title: entry for _feed, entry in store.feeds.entries(brand.id)}
    item = store.feeds.to_queue(by_title["Refund policy talk"].id)
    assert item.kind is InboxKind.MENTION and item.source == "feed"
    assert item.url == "https://news.example.com/a" and item.due_at is not None
    assert [i.id for i in store.inbox.page(brand.id, QueueFilter()).items] == [item.id]
    post = store.feeds.to_idea(by_title["Idea"].id)
    assert post.status is PostStatus.IDEA and post.scheduled_at is None and post.title == "Idea"
    store.feeds.dismiss(by_title["Noise"].id)
    assert store.feeds.entries(brand.id) == []
    statuses = {entry.title: entry.status for _f, entry in store.feeds.entries(brand.id, None)}
    assert statuses == {
        "Refund policy talk": EntryStatus.QUEUED,
        "Idea": EntryStatus.IDEA,
        "Noise": EntryStatus.DISMISSED,
    }
    assert fetch_feed(store, store.feeds.get(feed.id)).new == 0


def test_feeds_commands(
    tmp_path: Path, db_path: Path, store: Store, brand: Brand, server: FeedServer
) -> None:
    runner = CliRunner()

    def run(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, ["--db", str(db_path), *args])

    assert "no feed" in run("feeds", "list").output
    assert run("feeds", "add", "not a feed address").exit_code == 2
    added = run("feeds", "add", server.url, "--title", "News")
    assert added.exit_code == 0, added.output
    assert run("feeds", "add", server.url).exit_code == 1  # already followed
    fetched = run("feeds", "fetch")
    assert fetched.exit_code == 0 and "News: 2 new entries" in fetched.output
    assert "unchanged" in run("feeds", "fetch").output
    listed = run("feeds", "list").output
    assert "News" in listed and server.url in listed and "never" not in listed
    server.httpd.shutdown()
    server.httpd.server_close()
    offline = run("feeds", "fetch")
    assert offline.exit_code == 1
    assert "could not reach the server" in offline.output
    assert "Traceback" not in offline.output
