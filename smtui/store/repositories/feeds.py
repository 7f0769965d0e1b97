"""Provides the listening feeds repository (``store.feeds``): the brand's RSS/Atom feeds,
what each fetch brought (new entries only, unique per feed by guid), and what becomes of an
entry: a queue item, a post idea, or dismissed — each change one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from smtui.domain.enums import InboxKind, PostStatus
from smtui.domain.i18n import _
from smtui.domain.inbox import EntryStatus, Feed, FeedEntry, InboxItem
from smtui.domain.post import Post
from smtui.domain.validation import DomainError
from smtui.store.repositories.base import Repository
from smtui.store.repositories.inbox_sql import to_model as item_model
from smtui.store.repositories.inbox_sql import to_values as item_values
from smtui.store.tables import FeedEntryRow, FeedRow, InboxItemRow, PostRow

ENTRY_PAGE = 200


class FeedRepository(Repository[Feed, FeedRow]):
    row_type = FeedRow
    model_type = Feed
    order_by = ("title", "id")

    def add(self, model: Feed) -> Feed:
        query = select(FeedRow.id).where(
            FeedRow.brand_id == model.brand_id, FeedRow.url == model.url
        )
        with self.store.read() as session:
            if session.scalar(query) is not None:
                raise DomainError(_("this brand already follows that feed"), "url")
        return super().add(model)

    def fetched(
        self,
        feed_id: int,
        entries: Sequence[FeedEntry],
        *,
        etag: str | None,
        modified: str | None,
        at: datetime,
    ) -> int:
        """Record a fetch: the validators for the next conditional request and the entries
        not seen before. Returns how many entries were new."""
        with self.store.write() as session:
            feed = self._row(session, feed_id)
            feed.etag, feed.modified, feed.last_fetched_at = etag, modified, at
            guids = [entry.guid for entry in entries]
            known: set[str] = set()
            for start in range(0, len(guids), 500):
                known.update(
                    session.scalars(
                        select(FeedEntryRow.guid).where(
                            FeedEntryRow.feed_id == feed_id,
                            FeedEntryRow.guid.in_(guids[start : start + 500]),
                        )
                    )
                )
            added = 0
            for entry in entries:
                if entry.guid in known:
                    continue
                known.add(entry.guid)
                values = entry.model_dump(exclude={"id"})
                values.update(feed_id=feed_id, status=EntryStatus.NEW.value)
                session.add(FeedEntryRow(**values))
                added += 1
            return added

    def entries(
        self, brand_id: int, status: EntryStatus | None = EntryStatus.NEW, limit: int = ENTRY_PAGE
    ) -> list[tuple[Feed, FeedEntry]]:
        """The newest entries of the brand's feeds (``status`` None: all), with their feed."""
        conditions: list[Any] = [FeedRow.brand_id == brand_id]
        if status is not None:
            conditions.append(FeedEntryRow.status == EntryStatus(status).value)
        query = (
            select(FeedEntryRow, FeedRow)
            .join(FeedRow, FeedRow.id == FeedEntryRow.feed_id)
            .where(*conditions)
            .order_by(FeedEntryRow.published_at.desc(), FeedEntryRow.id.desc())
            .limit(limit)
        )
        with self.store.read() as session:
            return [
                (self.to_model(feed), FeedEntry.model_validate(entry))
                for entry, feed in session.execute(query)
            ]

    def count_entries(self, brand_id: int, status: EntryStatus = EntryStatus.NEW) -> int:
        query = (
            select(func.count())
            .select_from(FeedEntryRow)
            .join(FeedRow, FeedRow.id == FeedEntryRow.feed_id)
            .where(FeedRow.brand_id == brand_id, FeedEntryRow.status == status.value)
        )
        with self.store.read() as session:
            return int(session.scalar(query) or 0)

    def _entry(self, session: Any, entry_id: int) -> tuple[FeedEntryRow, FeedRow]:
        entry = session.get(FeedEntryRow, entry_id)
        if entry is None:
            raise DomainError(_("this entry no longer exists"))
        return entry, session.get(FeedRow, entry.feed_id)

    def dismiss(self, entry_id: int) -> None:
        with self.store.write() as session:
            entry, _feed = self._entry(session, entry_id)
            entry.status = EntryStatus.DISMISSED.value

    def to_queue(self, entry_id: int, kind: InboxKind = InboxKind.MENTION) -> InboxItem:
        """Make the entry a queue item (to answer or to engage with), in one transaction."""
        now = self.store.clock()
        with self.store.write() as session:
            entry, feed = self._entry(session, entry_id)
            text = "\n\n".join(part for part in (entry.title, entry.summary) if part)
            item = InboxItem(
                brand_id=feed.brand_id,
                kind=kind,
                author_name=feed.title or "",
                text=text[:20_000],
                url=entry.link if entry.link and entry.link.startswith("http") else None,
                received_at=now,
                external_id=f"feed:{entry.id}",
                source="feed",
            )
            item = self.store.inbox.intake_rules(session, feed.brand_id).apply(item)
            row = InboxItemRow(**item_values(item))
            session.add(row)
            entry.status = EntryStatus.QUEUED.value
            session.flush()
            return item_model(row)

    def to_idea(self, entry_id: int) -> Post:
        """Make the entry a post idea in the calendar (no time yet), in one transaction."""
        with self.store.write() as session:
            entry, feed = self._entry(session, entry_id)
            notes = "\n".join(part for part in (entry.summary, entry.link or "") if part)
            post = Post(
                brand_id=feed.brand_id,
                title=(entry.title or _("Idea from {feed}").format(feed=feed.title))[:200],
                notes=notes[:20_000],
                status=PostStatus.IDEA,
            )
            row = PostRow(**self.store.posts.to_values(post, session))
            session.add(row)
            entry.status = EntryStatus.IDEA.value
            session.flush()
            return self.store.posts.to_model(row)
