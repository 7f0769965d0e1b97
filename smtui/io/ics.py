"""Provides the iCalendar export of the editorial calendar (``smtui export calendar``), so
that the plan shows up in the user's own calendar app next to their meetings.

Each post is one VEVENT with a stable UID (``post-<id>@smtui``), so that importing a newer
export updates the events instead of doubling them. DTSTAMP and LAST-MODIFIED are the post's
last change (the same post exports to the same bytes); DTSTART is in UTC, which every
calendar app shows in the reader's own zone, and each event lasts :data:`DURATION`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from smtui import __version__
from smtui.domain import publishing
from smtui.domain.enums import PostStatus
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.domain.post import Post
from smtui.domain.text import one_line, strip_controls
from smtui.domain.text_length import published_text
from smtui.io.files import atomic_write
from smtui.io.post_source import BrandLookup

PRODID = f"-//smtui//smtui {__version__}//EN"
DURATION = timedelta(minutes=30)
# VEVENT knows three statuses: a plan not yet ready is tentative, a skipped post cancelled.
_STATUS = {
    PostStatus.IDEA: "TENTATIVE",
    PostStatus.DRAFT: "TENTATIVE",
    PostStatus.READY: "CONFIRMED",
    PostStatus.SCHEDULED: "CONFIRMED",
    PostStatus.PUBLISHED: "CONFIRMED",
    PostStatus.SKIPPED: "CANCELLED",
}


def uid(post_id: int) -> str:
    return f"post-{post_id}@smtui"


def tagged_link(post: Post, channel: Channel | None) -> str | None:
    """The link as the post will carry it: with its UTM tags when the channel is known."""
    if channel is None:
        return post.link_url
    return publishing.tagged_link(post, channel.platform)


def summary(post: Post, channel: Channel | None) -> str:
    name = channel.platform.label if channel else _("No channel")
    title = one_line(post.title or post.body, 80) or _("(untitled)")
    return f"{name}: {title}"


def event_of(post: Post, lookup: BrandLookup, stamp: datetime) -> Event:
    assert post.id is not None and post.scheduled_at is not None
    channel = lookup.channel_by_id.get(post.channel_id)
    link = tagged_link(post, channel)
    event = Event()
    event.add("uid", uid(post.id))
    changed = post.updated_at or stamp
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    if post.created_at is not None:
        event.add("created", post.created_at)
    event.add("dtstart", post.scheduled_at)
    event.add("duration", DURATION)
    event.add("summary", strip_controls(summary(post, channel)))
    event.add("description", strip_controls(published_text(post.body, post.hashtags, link)))
    if url := post.published_url or link:
        event.add("url", url)
    event.add("status", _STATUS[post.status])
    categories = [channel.platform.label] if channel else []
    if pillar := lookup.pillar_names.get(post.pillar_id):
        categories.append(strip_controls(pillar))
    if categories:
        event.add("categories", categories)
    return event


def calendar_of(posts: Iterable[Post], lookup: BrandLookup, stamp: datetime) -> Calendar:
    """The VCALENDAR of the posts; ``stamp`` is the DTSTAMP of a post never saved."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", strip_controls(lookup.brand.name))
    calendar.add("x-wr-timezone", lookup.timezone)
    for post in posts:
        if post.id is not None and post.scheduled_at is not None:
            calendar.add_component(event_of(post, lookup, stamp))
    return calendar


def write_ics(path: Path, posts: Iterable[Post], lookup: BrandLookup, stamp: datetime) -> int:
    """Write the calendar atomically; returns the number of events."""
    calendar = calendar_of(posts, lookup, stamp)
    count = len(calendar.walk("VEVENT"))
    with atomic_write(path, newline="") as handle:
        handle.write(calendar.to_ical().decode("utf-8"))
    return count
