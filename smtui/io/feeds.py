"""Provides feed fetching for listening: one conditional GET per feed (If-None-Match /
If-Modified-Since from the stored ETag and Last-Modified), parsing with feedparser, and the
new entries stored through ``store.feeds``.

The HTTP request is made here with urllib and a timeout, so that an offline laptop or a
server that is down gives one clear sentence instead of a traceback or a hang; feedparser
then reads the bytes. ``file://`` addresses and local paths are read from disk (the demo's
feeds ship inside the package).
"""

from __future__ import annotations

import calendar
import hashlib
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser

from smtui import __version__
from smtui.domain.i18n import _, ngettext
from smtui.domain.inbox import Feed, FeedEntry
from smtui.domain.text import strip_controls
from smtui.domain.validation import DomainError
from smtui.io.html_text import html_to_text
from smtui.store import Store

TIMEOUT_SECONDS = 15
USER_AGENT = f"smtui/{__version__} (+listening feeds)"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One feed's outcome: how many new entries, unchanged (304), or an error sentence."""

    feed: Feed
    new: int = 0
    unchanged: bool = False
    error: str | None = None

    @property
    def message(self) -> str:
        if self.error:
            return _("{feed}: {error}").format(feed=self.feed.label, error=self.error)
        if self.unchanged:
            return _("{feed}: unchanged since the last fetch").format(feed=self.feed.label)
        return ngettext("{feed}: {n} new entry", "{feed}: {n} new entries", self.new).format(
            feed=self.feed.label, n=self.new
        )


def check_feed_url(value: str) -> str:
    """An http(s) or file:// address, or an existing local file (made a file:// address)."""
    text = value.strip()
    try:
        parts = urlsplit(text)
        scheme, host = parts.scheme.lower(), parts.hostname
    except ValueError:  # "http://[x": urllib's "Invalid IPv6 URL"
        scheme, host = "", None
    if scheme in ("http", "https") and host:
        return text
    if scheme == "file":
        return text
    try:
        path = Path(text).expanduser()
        if path.is_file():
            return path.resolve().as_uri()
    except (RuntimeError, OSError):  # "~nobody/x" (no such user), a name too long to be a file
        pass
    raise DomainError(_("give an http(s) address, a file:// address or an existing file"), "url")


def _local_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if not parts.scheme:
        return Path(url).expanduser()
    return None


@dataclass(frozen=True, slots=True)
class _Download:
    body: bytes | None  # None: not modified
    etag: str | None
    modified: str | None


def _download(feed: Feed) -> _Download:
    """The feed's bytes, or None when the server says it has not changed (304)."""
    path = _local_path(feed.url)
    if path is not None:
        try:
            return _Download(path.read_bytes(), None, None)
        except OSError as error:
            raise DomainError(
                _("cannot read {path}: {reason}").format(path=path, reason=error.strerror)
            ) from None
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*"}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.modified:
        headers["If-Modified-Since"] = feed.modified
    request = urllib.request.Request(feed.url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read()
            return _Download(
                body, response.headers.get("ETag"), response.headers.get("Last-Modified")
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return _Download(None, feed.etag, feed.modified)
        raise DomainError(
            _("the server answered {code} {reason}").format(code=error.code, reason=error.reason)
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise DomainError(
            _("could not reach the server (offline, or the server is down): {reason}").format(
                reason=reason
            )
        ) from None


def _instant(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (ValueError, OverflowError, OSError):  # a year past 9999, or before 1
                continue
    return None


def parse_entries(body: bytes, fetched_at: datetime) -> list[FeedEntry]:
    """The entries of a feed document, as plain text; a document that is not a feed is an
    error, a feed with a few broken entries keeps the good ones."""
    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        raise DomainError(_("this is not an RSS or Atom feed"))
    entries = []
    for entry in parsed.entries:
        title = strip_controls(html_to_text(entry.get("title", "")))
        # A blank id or link (a tab in an href) says nothing: the model would strip it to an
        # empty, refused guid.
        link = str(entry.get("link") or "").strip() or None
        summary = strip_controls(html_to_text(entry.get("summary", "")))
        guid = (
            str(entry.get("id") or "").strip()
            or link
            or hashlib.sha256((title + summary).encode()).hexdigest()
        )
        entries.append(
            FeedEntry(
                feed_id=0,
                guid=guid[:500],
                title=title[:2000],
                link=link,
                summary=summary[:20_000],
                published_at=_instant(entry),
                fetched_at=fetched_at,
            )
        )
    return entries


def fetch_feed(store: Store, feed: Feed) -> FetchResult:
    """Fetch one feed and store its new entries; errors come back as a sentence."""
    now = store.clock()
    try:
        download = _download(feed)
        if download.body is None:
            store.feeds.fetched(
                feed.id or 0, [], etag=download.etag, modified=download.modified, at=now
            )
            return FetchResult(feed, unchanged=True)
        entries = parse_entries(download.body, now)
    except DomainError as error:
        return FetchResult(feed, error=error.message)
    new = store.feeds.fetched(
        feed.id or 0, entries, etag=download.etag, modified=download.modified, at=now
    )
    return FetchResult(feed, new=new)


def fetch_all(
    store: Store, brand_id: int, feeds: Sequence[Feed] | None = None
) -> list[FetchResult]:
    """Fetch each of the brand's feeds in turn (one failing does not stop the others)."""
    return [
        fetch_feed(store, feed)
        for feed in (feeds if feeds is not None else store.feeds.list(brand_id))
    ]
