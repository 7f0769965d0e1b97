"""Provides the post repository: the editorial calendar's posts, read by time window.

Every calendar view asks for one brand's posts in a half-open UTC range [start, end), which
``ix_post_brand_scheduled`` (brand_id, scheduled_at) answers without reading the rest of the
table; the counts the checks panel needs are GROUP BY queries on the same range, so that no
screen loads a whole month of rows just to count them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from smtui.domain.enums import Platform, PostStatus
from smtui.domain.i18n import _
from smtui.domain.post import Post, PostFilter, can_move
from smtui.domain.validation import DomainError, check_url
from smtui.store.repositories.base import Repository
from smtui.store.repositories.fast_read import Prepared, RowModels, cursor
from smtui.store.tables import ChannelRow, PostRow

# Columns a copy does not take from its source: its own identity, times and publication.
_NOT_COPIED = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "published_at",
        "published_url",
        "repurposed_from_id",
        "external_id",
    }
)
# Skipped posts will not go out, so they count toward neither cadence nor mix.
_NOT_COUNTED = (PostStatus.SKIPPED.value,)
_TABLE: Table = PostRow.__table__  # type: ignore[assignment]
# The filters the window's fast path takes as equality parameters (text search goes the
# ORM's way: it is typed, not repeated on every key).
_EQUAL_FILTERS = ("channel_id", "pillar_id", "objective_id", "status", "campaign")
_MODELS = RowModels(
    Post, list(_TABLE.columns), {"status": {s.value: s for s in PostStatus}.__getitem__}
)
_WINDOWS: dict[tuple[str, ...], Prepared] = {}


def _window(shape: tuple[str, ...]) -> Prepared:
    """The window's SELECT for one set of equality filters, compiled once."""
    prepared = _WINDOWS.get(shape)
    if prepared is None:
        columns = _TABLE.c
        conditions = [
            columns.brand_id == bindparam("brand_id"),
            columns.scheduled_at >= bindparam("start"),
            columns.scheduled_at < bindparam("end"),
            *(columns[name] == bindparam(name) for name in shape),
        ]
        query = select(_TABLE).where(*conditions).order_by(columns.scheduled_at, columns.id)
        prepared = _WINDOWS[shape] = Prepared(query)
    return prepared


class PostRepository(Repository[Post, PostRow]):
    row_type = PostRow
    model_type = Post
    order_by = ("scheduled_at", "id")

    def to_values(self, model: Post, session: Session) -> dict[str, Any]:
        values = super().to_values(model, session)
        values["status"] = model.status.value
        values["updated_at"] = self.store.clock()
        if model.id is None:
            values["created_at"] = values["updated_at"]
        else:
            values.pop("created_at", None)  # the first save's time stays
        return values

    # --- windows ---------------------------------------------------------------------

    def _range(self, brand_id: int, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
        return [
            PostRow.brand_id == brand_id,
            PostRow.scheduled_at >= start,
            PostRow.scheduled_at < end,
        ]

    def range_query(
        self, brand_id: int, start: datetime, end: datetime, filters: PostFilter | None = None
    ) -> Select[tuple[PostRow]]:
        """The SELECT behind :meth:`in_range`; public so a test can EXPLAIN it."""
        filters = filters or PostFilter()
        conditions = self._range(brand_id, start, end)
        if filters.channel_id is not None:
            conditions.append(PostRow.channel_id == filters.channel_id)
        if filters.pillar_id is not None:
            conditions.append(PostRow.pillar_id == filters.pillar_id)
        if filters.objective_id is not None:
            conditions.append(PostRow.objective_id == filters.objective_id)
        if filters.status is not None:
            conditions.append(PostRow.status == PostStatus(filters.status).value)
        if filters.campaign:
            conditions.append(PostRow.campaign == filters.campaign)
        if filters.text and filters.text.strip():
            pattern = f"%{filters.text.strip()}%"
            conditions.append(or_(PostRow.title.ilike(pattern), PostRow.body.ilike(pattern)))
        return select(PostRow).where(*conditions).order_by(PostRow.scheduled_at, PostRow.id)

    def in_range(
        self, brand_id: int, start: datetime, end: datetime, filters: PostFilter | None = None
    ) -> list[Post]:
        """The brand's posts scheduled in [start, end), earliest first, optionally filtered.

        Posts without a time (ideas not yet placed) are never in a range; the agenda's
        "unscheduled" list is a separate question.
        """
        filters = filters or PostFilter()
        if filters.text and filters.text.strip():
            query = self.range_query(brand_id, start, end, filters)
            with self.store.read() as session:
                return [self.to_model(row) for row in session.scalars(query)]
        values: dict[str, Any] = {"brand_id": brand_id, "start": start, "end": end}
        for name in _EQUAL_FILTERS:
            value = getattr(filters, name)
            if value is not None and value != "":
                values[name] = PostStatus(value).value if name == "status" else value
        shape = tuple(name for name in _EQUAL_FILTERS if name in values)
        engine = self.store.engine
        with cursor(engine) as raw:
            return _MODELS(_window(shape).rows(raw, engine.dialect, values))

    def _counts(
        self, column: InstrumentedAttribute[Any], brand_id: int, start: datetime, end: datetime
    ) -> dict[int | None, int]:
        query = (
            select(column, func.count())
            .where(*self._range(brand_id, start, end), PostRow.status.not_in(_NOT_COUNTED))
            .group_by(column)
        )
        with self.store.read() as session:
            return {key: count for key, count in session.execute(query)}

    def count_by_channel(
        self, brand_id: int, start: datetime, end: datetime
    ) -> dict[int | None, int]:
        """Posts planned per channel in [start, end), skipped ones left out (None: no channel)."""
        return self._counts(PostRow.channel_id, brand_id, start, end)

    def count_by_pillar(
        self, brand_id: int, start: datetime, end: datetime
    ) -> dict[int | None, int]:
        """Posts planned per pillar in [start, end), skipped ones left out (None: no pillar)."""
        return self._counts(PostRow.pillar_id, brand_id, start, end)

    # --- moves -----------------------------------------------------------------------

    def move(self, post_id: int, scheduled_at: datetime | None) -> Post:
        """Place the post at another time (None takes it off the calendar)."""
        if scheduled_at is not None and scheduled_at.tzinfo is None:
            raise DomainError(_("a time needs its time zone"), field="scheduled_at")
        with self.store.write() as session:
            row = self._row(session, post_id)
            row.scheduled_at = scheduled_at
            row.updated_at = self.store.clock()
            session.flush()
            return self.to_model(row)

    def _copy(self, source: PostRow, **changes: Any) -> PostRow:
        """A new row with the source's content; never published, whatever the source was."""
        values = {
            column.key: getattr(source, column.key)
            for column in PostRow.__table__.columns
            if column.key not in _NOT_COPIED
        }
        if values["status"] == PostStatus.PUBLISHED.value:
            values["status"] = PostStatus.DRAFT.value
        values.update(changes)
        moment = self.store.clock()
        return PostRow(**values, created_at=moment, updated_at=moment)

    def duplicate(self, post_id: int) -> Post:
        """A copy at the same time on the same channel, to be moved or edited next.

        It keeps the source's repurposing link (it is another piece of the same family)
        but not its publication: a copy has not been published.
        """
        with self.store.write() as session:
            source = self._row(session, post_id)
            row = self._copy(source, repurposed_from_id=source.repurposed_from_id)
            session.add(row)
            session.flush()
            return self.to_model(row)

    def repurpose(self, post_id: int, channel_ids: Iterable[int]) -> list[Post]:
        """One variant of the post per channel, each linked to its source, in one transaction.

        Variants start as drafts (an idea stays an idea): each needs its own text for its
        platform's limit and tone before it is ready. A channel of another brand is refused
        and nothing is created.
        """
        wanted = list(dict.fromkeys(channel_ids))
        with self.store.write() as session:
            source = self._row(session, post_id)
            owned = set(
                session.scalars(
                    select(ChannelRow.id).where(
                        ChannelRow.id.in_(wanted), ChannelRow.brand_id == source.brand_id
                    )
                )
            )
            if missing := [channel for channel in wanted if channel not in owned]:
                raise DomainError(
                    _("unknown channel for this brand: {ids}").format(
                        ids=", ".join(map(str, missing))
                    ),
                    field="channel_ids",
                )
            status = (
                PostStatus.IDEA.value
                if source.status == PostStatus.IDEA.value
                else PostStatus.DRAFT.value
            )
            rows = [
                self._copy(
                    source, channel_id=channel_id, repurposed_from_id=source.id, status=status
                )
                for channel_id in wanted
            ]
            session.add_all(rows)
            session.flush()
            return [self.to_model(row) for row in rows]

    def variants(self, post_id: int) -> list[Post]:
        """The posts repurposed from this one, in calendar order."""
        query = (
            select(PostRow)
            .where(PostRow.repurposed_from_id == post_id)
            .order_by(PostRow.scheduled_at, PostRow.id)
        )
        with self.store.read() as session:
            return [self.to_model(row) for row in session.scalars(query)]

    # --- status and publication ------------------------------------------------------

    def set_status(self, post_id: int, status: PostStatus) -> Post:
        """Move the post one step along its flow; publishing goes through :meth:`publish`
        because it needs the URL and the time."""
        if status is PostStatus.PUBLISHED:
            raise DomainError(_("mark a post published with its URL and time"), field="status")
        with self.store.write() as session:
            row = self._row(session, post_id)
            current = PostStatus(row.status)
            if not can_move(current, status):
                raise DomainError(
                    _("a post that is {current} cannot become {target}").format(
                        current=current.label, target=status.label
                    ),
                    field="status",
                )
            row.status = status.value
            if current is PostStatus.PUBLISHED:
                row.published_at = None  # marked by mistake: it did not go out
            row.updated_at = self.store.clock()
            session.flush()
            return self.to_model(row)

    def publish(self, post_id: int, url: str | None, at: datetime) -> Post:
        """Mark the post published at ``at`` (its link on the platform in ``url``).

        A blog article owes the community some outreach (the seeds: two comments on others'
        posts per article), so publishing one adds those items to the reply queue in the
        same transaction, as many as the brand's settings ask.
        """
        if at.tzinfo is None:
            raise DomainError(_("a time needs its time zone"), field="published_at")
        try:
            checked = check_url(url) if url and url.strip() else None
        except ValueError as error:
            raise DomainError(str(error), field="url") from None
        with self.store.write() as session:
            row = self._row(session, post_id)
            was_published = row.status == PostStatus.PUBLISHED.value
            row.status = PostStatus.PUBLISHED.value
            row.published_at = at
            row.published_url = checked
            row.updated_at = self.store.clock()
            channel = session.get(ChannelRow, row.channel_id) if row.channel_id else None
            if (
                channel is not None
                and channel.platform == Platform.BLOG.value
                and not was_published
            ):
                self._owe_outreach(session, row)
            session.flush()
            return self.to_model(row)

    def _owe_outreach(self, session: Session, row: PostRow) -> None:
        count = self.store.brand_settings.get_in(session, row.brand_id).outreach_per_blog_post
        self.store.inbox.add_outreach_in(
            session, row.brand_id, row.id, row.title, count, self.store.clock()
        )

    # --- lists beside the grid -------------------------------------------------------

    def unscheduled(self, brand_id: int, limit: int = 200) -> list[Post]:
        """Ideas and drafts not yet placed on the calendar, newest first."""
        query = (
            select(PostRow)
            .where(PostRow.brand_id == brand_id, PostRow.scheduled_at.is_(None))
            .order_by(PostRow.created_at.desc(), PostRow.id.desc())
            .limit(limit)
        )
        with self.store.read() as session:
            return [self.to_model(row) for row in session.scalars(query)]

    def campaigns(self, brand_id: int) -> list[str]:
        """The campaign names in use, for the filter's choices."""
        query = (
            select(PostRow.campaign)
            .where(PostRow.brand_id == brand_id, PostRow.campaign != "")
            .distinct()
            .order_by(PostRow.campaign)
        )
        with self.store.read() as session:
            return list(session.scalars(query))
