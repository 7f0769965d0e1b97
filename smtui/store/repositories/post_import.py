"""Provides the writes and look-ups behind ``smtui import posts`` and the plan exports.

An import is all or nothing: :meth:`PostImportRepository.add_new` stages the posts a batch
at a time under an import run (invisible to the calendar), then publishes them in one short
transaction that leaves out the posts already in the workspace, so that two imports of the
same file racing each other still add each post once. Posts are recognised by their
``external_id`` on their channel (the ``ix_post_channel_external`` index), or, for an id
``smtui:<n>`` written by ``smtui export posts``, as post ``n`` itself.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smtui.domain.post import Post
from smtui.store.repositories.import_runs import (
    PUBLISH_POSTS,
    STAGED_POSTS,
    drop_dead_runs,
    drop_run,
    drop_run_in,
)
from smtui.store.tables import ImportRunRow, PostRow

if TYPE_CHECKING:
    from smtui.store.store import Store

# The id ``smtui export posts`` writes for a post that came from no other tool.
OWN_ID = re.compile(r"^smtui:(\d+)$")
# Bound parameters per IN (...): well under SQLite's limit of 32,766.
_CHUNK = 500
# Posts staged per short transaction: the write lock is held for one batch at a time.
_BATCH = 5_000

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
        """Add the posts not yet present, all or none; returns them and how many were
        skipped as already there (or repeated in the file). Every post needs a channel and
        an external id.

        Why staged: one transaction for the whole file held SQLite's single write lock while
        every post was written (5 s for 40,000), and every other write waited behind it. Each
        batch of :data:`_BATCH` posts is staged in its own short transaction under the import
        run's id; the last one copies them into ``post`` in one statement and deletes the run.
        A run killed part-way leaves only staged rows, which the next import deletes.
        """
        keys = [(post.channel_id, post.external_id) for post in posts]
        if any(channel is None or not external for channel, external in keys):
            raise ValueError("imported posts need a channel and an external id")
        repository = self.store.posts
        values: list[dict[str, object]] = []
        seen: set[Key] = set()
        with self.store.read() as session:
            for post, key in zip(posts, keys, strict=True):
                if key in seen:
                    continue
                seen.add(key)  # type: ignore[arg-type]
                values.append(repository.to_values(post, session))
        drop_dead_runs(self.store)
        with self.store.write() as session:
            run = ImportRunRow(
                kind="posts", state="running", pid=os.getpid(), started_at=self.store.clock()
            )
            session.add(run)
            session.flush()
            run_id = run.id
        try:
            for start in range(0, len(values), _BATCH):
                batch = [{**row, "import_run_id": run_id} for row in values[start : start + _BATCH]]
                with self.store.write() as session:
                    session.connection().execute(STAGED_POSTS.insert(), batch)
            with self.store.write() as session:
                connection = session.connection()
                # Nobody else writes in this transaction, and one INSERT numbers its rows
                # from the largest id on: the new posts are the ids just above it.
                last = connection.execute(select(func.coalesce(func.max(PostRow.id), 0))).scalar()
                published = connection.execute(PUBLISH_POSTS, {"run": run_id}).rowcount
                drop_run_in(connection, run_id)
        except BaseException:
            drop_run(self.store, run_id)
            raise
        added: list[Post] = []
        after, end = int(last or 0), int(last or 0) + int(published)
        while after < end:  # read back in pages, outside the write lock
            query = (
                select(PostRow)
                .where(PostRow.id > after, PostRow.id <= end)
                .order_by(PostRow.id)
                .limit(_BATCH)
            )
            with self.store.read() as session:
                page = [repository.to_model(row) for row in session.scalars(query)]
            if not page:
                break
            added.extend(page)
            after = page[-1].id  # type: ignore[assignment]
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
