"""Provides the writes and look-ups behind ``smtui import posts`` and the plan exports.

An import is all or nothing: :meth:`PostImportRepository.add_new` checks which posts are
already in the workspace and adds the rest in one transaction, so that two imports of the
same file racing each other still add each post once. Posts are recognised by their
``external_id`` on their channel (the ``ix_post_channel_external`` index), or, for an id
``smtui:<n>`` written by ``smtui export posts``, as post ``n`` itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smtui.domain.post import Post
from smtui.store.tables import PostRow

if TYPE_CHECKING:
    from smtui.store.store import Store

# The id ``smtui export posts`` writes for a post that came from no other tool.
OWN_ID = re.compile(r"^smtui:(\d+)$")
# Bound parameters per IN (...): well under SQLite's limit of 32,766.
_CHUNK = 500

Key = tuple[int, str]  # (channel_id, external_id)


def own_id(post_id: int) -> str:
    """The id a post without an ``external_id`` gets in an export, read back by imports."""
    return f"smtui:{post_id}"


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


class PostImportRepository:
    """Bulk additions and the look-ups that keep an import from adding a post twice."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _present_in(self, session: Session, brand_id: int, keys: Iterable[Key]) -> set[Key]:
        by_channel: dict[int, set[str]] = defaultdict(set)
        for channel_id, external_id in keys:
            by_channel[channel_id].add(external_id)
        found: set[Key] = set()
        for channel_id, wanted in by_channel.items():
            ordered = sorted(wanted)
            for chunk in _chunks(ordered):
                query = select(PostRow.external_id).where(
                    PostRow.channel_id == channel_id,
                    PostRow.brand_id == brand_id,
                    PostRow.external_id.in_(chunk),
                )
                found.update((channel_id, value) for value in session.scalars(query) if value)
            own = {int(match[1]): value for value in ordered if (match := OWN_ID.match(value))}
            for chunk_ids in _chunks([str(key) for key in own]):
                query = select(PostRow.id).where(
                    PostRow.id.in_([int(key) for key in chunk_ids]),
                    PostRow.brand_id == brand_id,
                    PostRow.channel_id == channel_id,
                )
                found.update((channel_id, own[post_id]) for post_id in session.scalars(query))
        return found

    def present(self, brand_id: int, keys: Iterable[Key]) -> set[Key]:
        """Which (channel, external id) pairs the brand already holds: for a dry run."""
        with self.store.read() as session:
            return self._present_in(session, brand_id, keys)

    def add_new(self, brand_id: int, posts: Sequence[Post]) -> tuple[list[Post], int]:
        """Add the posts not yet present, all in one transaction; returns them and how many
        were skipped as already there. Every post needs a channel and an external id."""
        keys = [(post.channel_id, post.external_id) for post in posts]
        if any(channel is None or not external for channel, external in keys):
            raise ValueError("imported posts need a channel and an external id")
        repository = self.store.posts
        with self.store.write() as session:
            present = self._present_in(session, brand_id, keys)  # type: ignore[arg-type]
            rows: list[PostRow] = []
            seen: set[Key] = set()
            for post in posts:
                key = (post.channel_id, post.external_id)
                if key in present or key in seen:
                    continue
                seen.add(key)  # type: ignore[arg-type]
                rows.append(PostRow(**repository.to_values(post, session)))
            session.add_all(rows)
            session.flush()
            added = [repository.to_model(row) for row in rows]
        return added, len(posts) - len(added)

    def in_window(self, brand_id: int, start: datetime, end: datetime) -> Iterator[Post]:
        """The brand's posts scheduled in [start, end), read in pages of the range index so
        that a large export never holds the whole window in memory."""
        repository = self.store.posts
        after: tuple[datetime, int] | None = None
        while True:
            query = select(PostRow).where(
                PostRow.brand_id == brand_id,
                PostRow.scheduled_at >= start,
                PostRow.scheduled_at < end,
            )
            if after is not None:
                moment, last_id = after
                query = query.where(
                    (PostRow.scheduled_at > moment)
                    | ((PostRow.scheduled_at == moment) & (PostRow.id > last_id))
                )
            query = query.order_by(PostRow.scheduled_at, PostRow.id).limit(_CHUNK)
            with self.store.read() as session:
                page = [repository.to_model(row) for row in session.scalars(query)]
            yield from page
            if len(page) < _CHUNK:
                return
            last = page[-1]
            assert last.scheduled_at is not None and last.id is not None
            after = (last.scheduled_at, last.id)
