"""Provides the inbox repository (``store.inbox``): the reply queue read one page at a time,
its counters, intake (one item, a whole import, outreach tasks) and, through its mixins, the
triage actions with undo and the response-time figures.

The queue's order is priority rank, then due time, then id. ``ix_inbox_item_queue``
(brand_id, status, priority, due_at) holds that order for each status (SQLite appends the
rowid, our id, to every index entry), so a page is one short index walk per status of the
tab, merged here: a page of 100 reads at most 100 rows per status, whatever the table holds.
"""

from __future__ import annotations

import heapq
import operator
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    and_,
    bindparam,
    case,
    func,
    select,
    tuple_,
)
from sqlalchemy.orm import Session

from smtui.domain.enums import InboxKind, InboxStatus, Priority
from smtui.domain.i18n import _
from smtui.domain.inbox import (
    DONE_STATUSES,
    OPEN_STATUSES,
    InboxEvent,
    InboxItem,
    PriorityRule,
    QueueCounts,
    QueueCursor,
    QueueFilter,
    QueuePage,
    QueueTab,
    ResponseTarget,
    queue_order,
    stored_queue_order,
    tags_column,
    tags_from_column,
)
from smtui.domain.intake import IntakeRules
from smtui.domain.validation import DomainError
from smtui.store.repositories.base import NotFoundError
from smtui.store.repositories.fast_read import Prepared, PreparedInsert, RowModels, cursor
from smtui.store.repositories.import_runs import (
    PUBLISH_INBOX as _PUBLISH,
)
from smtui.store.repositories.import_runs import (
    STAGED,
    drop_dead_runs,
    drop_run,
    drop_run_in,
)
from smtui.store.repositories.inbox_actions import InboxActions
from smtui.store.repositories.inbox_figures import InboxFigures
from smtui.store.repositories.inbox_sql import to_model, to_values
from smtui.store.tables import (
    BrandRow,
    ImportRunRow,
    InboxEventRow,
    InboxItemRow,
    PriorityRuleRow,
    ResponseTargetRow,
)

PAGE_SIZE = 100
# Core inserts (plain executemany) are several times faster than the ORM's bulk path.
_TABLE: Table = InboxItemRow.__table__  # type: ignore[assignment]
_CHUNK = 5_000
# An import's rows: each item's fields, with the columns intake decides given apart.
_DECIDED = ("brand_id", "kind", "status", "priority", "due_at", "tags")
_STAGE = PreparedInsert(STAGED, given=(*_DECIDED, "import_run_id"))
# An import's keys, looked up in one join instead of hundreds of IN lists (whose bound
# parameters SQLAlchemy expands one by one: 0.4 s for a hundred thousand keys).
_KEYS_IN_SQL = 2_000
_IMPORT_KEYS = Table(
    "smtui_import_keys",
    MetaData(),
    Column("channel_id", Integer),
    Column("external_id", String),
    prefixes=["TEMPORARY"],
)
_KEYS_INSERT = PreparedInsert(_IMPORT_KEYS, given=("channel_id", "external_id"))
_TAB_STATUSES: dict[QueueTab, tuple[InboxStatus, ...]] = {
    QueueTab.TODO: (*OPEN_STATUSES, InboxStatus.SNOOZED),
    QueueTab.DONE: DONE_STATUSES,
    QueueTab.ALL: tuple(InboxStatus),
}
_KIND_VALUES = {kind: kind.value for kind in InboxKind}
_STATUS_VALUES = {status: status.value for status in InboxStatus}
_RANKS = {priority: priority.rank for priority in Priority}
_MODELS = RowModels(
    InboxItem,
    list(_TABLE.columns),
    {
        "kind": {kind.value: kind for kind in InboxKind}.__getitem__,
        "status": {status.value: status for status in InboxStatus}.__getitem__,
        "priority": Priority.from_stored,
        "tags": tags_from_column,
    },
)
_PAGES: dict[tuple[bool, bool, bool, bool], Prepared] = {}


def _page_statement(woken: bool, after: bool, channel: bool, kind: bool) -> Prepared:
    """One status's share of a page (the shape of :meth:`InboxRepository.page_query` without
    the text and tag filters), with bound parameters, compiled once per shape."""
    shape = (woken, after, channel, kind)
    prepared = _PAGES.get(shape)
    if prepared is None:
        columns = _TABLE.c
        conditions = [
            columns.brand_id == bindparam("brand_id"),
            columns.status == bindparam("status"),
        ]
        if woken:
            conditions.append(columns.snoozed_until <= bindparam("now"))
        if channel:
            conditions.append(columns.channel_id == bindparam("channel_id"))
        if kind:
            conditions.append(columns.kind == bindparam("kind"))
        if after:
            conditions.append(
                tuple_(columns.priority, columns.due_at, columns.id)
                > tuple_(
                    bindparam("after_priority", type_=columns.priority.type),
                    bindparam("after_due", type_=columns.due_at.type),
                    bindparam("after_id", type_=columns.id.type),
                )
            )
        query = (
            select(_TABLE)
            .where(*conditions)
            .order_by(columns.priority, columns.due_at, columns.id)
            .limit(bindparam("limit"))
        )
        prepared = _PAGES[shape] = Prepared(query)
    return prepared


@dataclass(frozen=True, slots=True)
class IntakeResult:
    added: int
    duplicates: int


class InboxRepository(InboxActions, InboxFigures):
    # --- reading -----------------------------------------------------------------------

    def get(self, item_id: int) -> InboxItem:
        with self.store.read() as session:
            row = session.get(InboxItemRow, item_id)
            if row is None:
                raise NotFoundError(_("this item no longer exists; it may have been deleted"))
            return to_model(row)

    @staticmethod
    def _filters(filters: QueueFilter) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if filters.channel_id is not None:
            conditions.append(InboxItemRow.channel_id == filters.channel_id)
        if filters.kind is not None:
            conditions.append(InboxItemRow.kind == InboxKind(filters.kind).value)
        if filters.tag and filters.tag.strip():
            tag = filters.tag.strip().lower()
            conditions.append(InboxItemRow.tags.contains(f",{tag},", autoescape=True))
        if filters.text and filters.text.strip():
            words = filters.text.split()
            for word in words:
                conditions.append(
                    InboxItemRow.text.icontains(word, autoescape=True)
                    | InboxItemRow.author_name.icontains(word, autoescape=True)
                    | InboxItemRow.author_handle.icontains(word, autoescape=True)
                )
        return conditions

    def page_query(
        self,
        brand_id: int,
        status: InboxStatus,
        filters: QueueFilter,
        now: datetime,
        after: QueueCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> Select[tuple[InboxItemRow]]:
        """One status's share of a page, in the index's order; public so a test can EXPLAIN it."""
        conditions = [InboxItemRow.brand_id == brand_id, InboxItemRow.status == status.value]
        if status is InboxStatus.SNOOZED and filters.tab is QueueTab.TODO:
            conditions.append(InboxItemRow.snoozed_until <= now)
        conditions.extend(self._filters(filters))
        if after is not None:
            conditions.append(
                tuple_(InboxItemRow.priority, InboxItemRow.due_at, InboxItemRow.id)
                > tuple_(after.priority, after.due_at, after.id)
            )
        return (
            select(InboxItemRow)
            .where(*conditions)
            .order_by(InboxItemRow.priority, InboxItemRow.due_at, InboxItemRow.id)
            .limit(limit)
        )

    def page(
        self,
        brand_id: int,
        filters: QueueFilter | None = None,
        *,
        now: datetime | None = None,
        after: QueueCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> QueuePage:
        """One page of the queue in its order, and the cursor of the next (None at the end)."""
        filters = filters or QueueFilter()
        now = now or self.store.clock()
        if (filters.tag and filters.tag.strip()) or (filters.text and filters.text.strip()):
            with self.store.read() as session:
                runs = [
                    [
                        to_model(row)
                        for row in session.scalars(
                            self.page_query(brand_id, status, filters, now, after, limit + 1)
                        )
                    ]
                    for status in _TAB_STATUSES[filters.tab]
                ]
            merged = list(heapq.merge(*runs, key=queue_order))
        else:
            merged = self._fast_page(brand_id, filters, now, after, limit + 1)
        items = merged[:limit]
        more = len(merged) > limit
        last = items[-1] if items else None
        cursor = (
            QueueCursor(last.priority.rank, last.due_at, last.id)  # type: ignore[arg-type]
            if more and last is not None
            else None
        )
        return QueuePage(items, cursor)

    def _fast_page(
        self,
        brand_id: int,
        filters: QueueFilter,
        now: datetime,
        after: QueueCursor | None,
        limit: int,
    ) -> list[InboxItem]:
        """The first ``limit`` items: each status's run read in one snapshot by prepared
        statements, merged on the raw columns, and only the rows kept made into models."""
        values: dict[str, Any] = {"brand_id": brand_id, "limit": limit}
        if filters.channel_id is not None:
            values["channel_id"] = filters.channel_id
        if filters.kind is not None:
            values["kind"] = InboxKind(filters.kind).value
        if after is not None:
            values.update(after_priority=after.priority, after_due=after.due_at, after_id=after.id)
        engine = self.store.engine
        runs = []
        with cursor(engine, snapshot=True) as raw:
            for status in _TAB_STATUSES[filters.tab]:
                woken = status is InboxStatus.SNOOZED and filters.tab is QueueTab.TODO
                statement = _page_statement(
                    woken, after is not None, "channel_id" in values, "kind" in values
                )
                params = {**values, "status": status.value, **({"now": now} if woken else {})}
                runs.append(statement.rows(raw, engine.dialect, params))
        merged = heapq.merge(*runs, key=_raw_order)
        return _MODELS([row for row, _n in zip(merged, range(limit), strict=False)])

    def counts(
        self,
        brand_id: int,
        filters: QueueFilter | None = None,
        *,
        now: datetime | None = None,
        handled: bool = True,
    ) -> QueueCounts:
        """What is left to zero and how much of it is late, counted by the database.

        With ``handled=False`` the handled items are not counted: ``done`` is 0 and ``total``
        counts only the open and snoozed ones. The queue bar and the Today brief show neither
        figure, and counting years of handled items reads every one of them (a million-item
        queue: tens of milliseconds per brand), where the open ones are a short index range.
        """
        now = now or self.store.clock()
        conditions = [InboxItemRow.brand_id == brand_id, *self._filters(filters or QueueFilter())]
        if not handled:
            open_values = [status.value for status in (*OPEN_STATUSES, InboxStatus.SNOOZED)]
            conditions.append(InboxItemRow.status.in_(open_values))
        late = func.sum(case((InboxItemRow.due_at < now, 1), else_=0))
        by_status = select(InboxItemRow.status, func.count(), late).where(*conditions)
        woke = InboxItemRow.snoozed_until <= now
        snoozed = select(
            func.count(),
            func.sum(case((woke, 1), else_=0)),
            func.sum(case((woke & (InboxItemRow.due_at < now), 1), else_=0)),
        ).where(*conditions, InboxItemRow.status == InboxStatus.SNOOZED.value)
        with self.store.read() as session:
            rows = session.execute(by_status.group_by(InboxItemRow.status)).all()
            sleeping = session.execute(snoozed).one()
        return QueueCounts.tally(
            [(status, count, late) for status, count, late in rows],
            (sleeping[0], sleeping[1], sleeping[2]),
        )

    def history(self, item_id: int) -> list[InboxEvent]:
        query = (
            select(InboxEventRow)
            .where(InboxEventRow.item_id == item_id)
            .order_by(InboxEventRow.at, InboxEventRow.id)
        )
        with self.store.read() as session:
            return [InboxEvent.model_validate(row) for row in session.scalars(query)]

    # --- intake ------------------------------------------------------------------------

    def intake_rules(self, session: Session, brand_id: int) -> IntakeRules:
        """The brand's working hours, zone, targets and keyword rules, read in ``session``."""
        brand = session.get(BrandRow, brand_id)
        if brand is None:
            raise NotFoundError(_("this brand no longer exists"))
        targets = session.scalars(
            select(ResponseTargetRow).where(ResponseTargetRow.brand_id == brand_id)
        )
        rules = session.scalars(select(PriorityRuleRow).where(PriorityRuleRow.brand_id == brand_id))
        return IntakeRules(
            settings=self.store.brand_settings.get_in(session, brand_id),
            timezone=brand.timezone,
            targets=[ResponseTarget.model_validate(row) for row in targets],
            rules=[PriorityRule.model_validate(row) for row in rules],
        )

    def add(self, item: InboxItem, *, keep_priority: bool = False) -> InboxItem:
        """Quick add: the item gets its due time and (unless kept) its priority at intake."""
        with self.store.write() as session:
            item = self.intake_rules(session, item.brand_id).apply(
                item, keep_priority=keep_priority
            )
            if item.external_id and self._known(session, item.brand_id, [item])[0]:
                raise DomainError(_("this item is already in the queue"), "external_id")
            row = InboxItemRow(**to_values(item))
            session.add(row)
            session.flush()
            return to_model(row)

    @staticmethod
    def _known(session: Session, brand_id: int, items: Sequence[InboxItem]) -> list[bool]:
        """Whether each item's (channel, external id) is already stored for the brand; the
        lookups go through the (channel_id, external_id) unique index, one channel at a time."""
        keys = {(item.channel_id, item.external_id) for item in items if item.external_id}
        if len(keys) > _KEYS_IN_SQL:
            found = _known_by_join(session, brand_id, keys)
            if not found:  # a file of new items: no key to look for a hundred thousand times
                return [False] * len(items)
            return [(item.channel_id, item.external_id) in found for item in items]
        wanted: dict[int | None, set[str]] = {}
        for channel_id, external_id in keys:
            wanted.setdefault(channel_id, set()).add(external_id)  # type: ignore[arg-type]
        found: set[tuple[int | None, str | None]] = set()
        for channel_id, externals in wanted.items():
            channel = (
                InboxItemRow.channel_id.is_(None)
                if channel_id is None
                else InboxItemRow.channel_id == channel_id
            )
            ids = sorted(externals)
            for start in range(0, len(ids), 500):
                # The brand is checked here, not in SQL: with it in the WHERE clause SQLite
                # may pick the (brand_id, received_at) index and read the brand's whole queue.
                query = select(InboxItemRow.external_id, InboxItemRow.brand_id).where(
                    channel, InboxItemRow.external_id.in_(ids[start : start + 500])
                )
                found.update(
                    (channel_id, external)
                    for external, owner in session.execute(query)
                    if owner == brand_id
                )
        return [(item.channel_id, item.external_id) in found for item in items]

    def import_items(
        self,
        brand_id: int,
        items: Sequence[InboxItem],
        *,
        keep_priority: Sequence[bool] | None = None,
        dry_run: bool = False,
        progress: Callable[[int], Any] | None = None,
    ) -> IntakeResult:
        """Add validated items in one transaction, skipping those already stored (or repeated
        in the file); with ``dry_run`` nothing is written. Rows go in by executemany.

        ``keep_priority[i]`` says the file gave item ``i`` its own priority, which the
        keyword rules then leave alone.
        """
        kept = list(keep_priority) if keep_priority is not None else [False] * len(items)
        if not dry_run:
            added = self._staged_import(brand_id, items, kept, progress)
            return IntakeResult(added=added, duplicates=len(items) - added)
        added = 0
        with self.store.write() as session:
            decide = self.intake_rules(session, brand_id).decide
            known = self._known(session, brand_id, items)
            seen: set[tuple[int | None, str]] = set()
            tag_columns: dict[tuple[str, ...], str] = {}  # a file repeats a few tag sets
            for start in range(0, len(items), _CHUNK):
                end = start + _CHUNK
                added += len(
                    _decided(
                        brand_id,
                        items[start:end],
                        known[start:end],
                        kept[start:end],
                        decide,
                        seen,
                        tag_columns,
                        (),
                    )
                )
        return IntakeResult(added=added, duplicates=len(items) - added)

    def _staged_import(
        self,
        brand_id: int,
        items: Sequence[InboxItem],
        kept: Sequence[bool],
        progress: Callable[[int], Any] | None,
    ) -> int:
        """Write an import in short transactions and publish it at once; returns how many
        items were added.

        Why: SQLite has one write lock, and a single transaction for a hundred thousand
        rows held it for twenty seconds, so every other write (the UI's, another smtui's)
        failed behind it. Here each batch of :data:`_CHUNK` rows is staged in its own short
        transaction under the import run's id, invisible to the queue; the last transaction
        copies them into the queue in one statement (the unique index leaving out what is
        already stored) and deletes the run. A run killed part-way leaves only staged rows,
        which the next import deletes: the queue gets the whole file or nothing of it.
        """
        drop_dead_runs(self.store)
        with self.store.write() as session:
            decide = self.intake_rules(session, brand_id).decide
            known = self._unindexed_known(session, brand_id, items)
            run = ImportRunRow(
                kind="inbox", state="running", pid=os.getpid(), started_at=self.store.clock()
            )
            session.add(run)
            session.flush()
            run_id = run.id
        try:
            seen: set[tuple[int | None, str]] = set()
            tag_columns: dict[tuple[str, ...], str] = {}  # a file repeats a few tag sets
            for start in range(0, len(items), _CHUNK):
                # Decided and written a chunk at a time: each chunk's rows take the memory
                # the last one's left, and the write lock is held for one chunk only.
                end = start + _CHUNK
                fresh = _decided(
                    brand_id,
                    items[start:end],
                    known[start:end],
                    kept[start:end],
                    decide,
                    seen,
                    tag_columns,
                    (run_id,),
                )
                with self.store.write() as session:
                    _STAGE.execute(session.connection(), fresh)
                if progress is not None:
                    progress(len(fresh))
            with self.store.write() as session:
                connection = session.connection()
                added = connection.execute(_PUBLISH, {"run": run_id}).rowcount
                drop_run_in(connection, run_id)
        except BaseException:
            drop_run(self.store, run_id)
            raise
        return int(added)

    @classmethod
    def _unindexed_known(
        cls, session: Session, brand_id: int, items: Sequence[InboxItem]
    ) -> list[bool]:
        """:meth:`_known` for an import that writes, where the INSERT itself leaves out an
        item whose (channel, external id) is stored: only the items without a channel, which
        the unique index cannot see (its NULLs are all distinct), are looked up.

        Why: looking up a hundred thousand keys first took a tenth of the import, to find
        (in a file of new items) nothing, and the unique index checks each row anyway.
        """
        known = [False] * len(items)
        unseen = [
            index
            for index, item in enumerate(items)
            if item.channel_id is None and item.external_id
        ]
        if unseen:
            found = cls._known(session, brand_id, [items[index] for index in unseen])
            for index, stored in zip(unseen, found, strict=True):
                known[index] = stored
        return known

    def add_outreach_in(
        self, session: Session, brand_id: int, post_id: int, title: str, count: int, now: datetime
    ) -> int:
        """Add ``count`` "comment on a post in your field" tasks for a published post, in the
        caller's transaction (marking the post published and adding them commit together).

        Each task has an external id ``outreach:<post>:<n>``, so publishing the same post
        again adds no second set. Returns how many were added.
        """
        if count <= 0:
            return 0
        rules = self.intake_rules(session, brand_id)
        label = title.strip() or _("your post")
        items = [
            InboxItem(
                brand_id=brand_id,
                kind=InboxKind.OUTREACH,
                text=_(
                    "Comment on a post in your field ({n} of {count}), for “{title}”: add "
                    "something useful, not a link to us."
                ).format(n=number, count=count, title=label),
                received_at=now,
                external_id=f"outreach:{post_id}:{number}",
                source="outreach",
                priority=Priority.LOW,
            )
            for number in range(1, count + 1)
        ]
        known = self._known(session, brand_id, items)
        fresh = [
            to_values(rules.apply(item))
            for item, stored in zip(items, known, strict=True)
            if not stored
        ]
        if fresh:
            session.connection().execute(_TABLE.insert(), fresh)
        return len(fresh)


_RAW_ORDER = operator.itemgetter(
    *(list(_TABLE.columns).index(_TABLE.c[name]) for name in ("priority", "due_at", "id"))
)


def _decided(
    brand_id: int,
    items: Sequence[InboxItem],
    known: Sequence[bool],
    kept: Sequence[bool],
    decide: Callable[..., tuple[datetime | None, Priority]],
    seen: set[tuple[int | None, str]],
    tag_columns: dict[tuple[str, ...], str],
    extra: tuple[Any, ...],
) -> list[tuple[dict[str, Any], tuple[Any, ...]]]:
    """The rows of a chunk of an import: each new item's fields with the columns intake
    decides (and ``extra`` after them), leaving out items stored or seen before."""
    fresh: list[tuple[dict[str, Any], tuple[Any, ...]]] = []
    for item, stored, keep in zip(items, known, kept, strict=True):
        fields = item.__dict__  # the fields as pydantic keeps them
        external_id = fields["external_id"]
        if external_id:
            key = (fields["channel_id"], external_id)
            if stored or key in seen:
                continue
            seen.add(key)
        # The columns of rules.apply(item) without copying the model: what to_values
        # gives (dict(item) or model_dump costs twenty times this), as the model's fields
        # and the _DECIDED columns.
        due, priority = decide(item, keep_priority=keep)
        tags = fields["tags"]
        tag_column = tag_columns.get(tags)
        if tag_column is None:
            tag_column = tag_columns[tags] = tags_column(tags)
        decided = (
            brand_id,
            _KIND_VALUES[fields["kind"]],
            _STATUS_VALUES[fields["status"]],
            _RANKS[priority],
            due,
            tag_column,
            *extra,
        )
        fresh.append((fields, decided))
    return fresh


def _raw_order(row: Sequence[Any]) -> tuple[Any, ...]:
    return stored_queue_order(*_RAW_ORDER(row))


def _known_by_join(
    session: Session, brand_id: int, keys: set[tuple[int | None, str | None]]
) -> set[tuple[int | None, str | None]]:
    """The stored (channel, external id) pairs among ``keys``, through a temporary table
    joined on the unique index, in the caller's transaction."""
    connection = session.connection()
    _IMPORT_KEYS.create(connection, checkfirst=True)
    connection.execute(_IMPORT_KEYS.delete())
    _KEYS_INSERT.execute(connection, list(keys))
    columns = _IMPORT_KEYS.c
    query = select(_TABLE.c.channel_id, _TABLE.c.external_id, _TABLE.c.brand_id).join_from(
        _IMPORT_KEYS,
        _TABLE,
        and_(
            _TABLE.c.channel_id.is_not_distinct_from(columns.channel_id),
            _TABLE.c.external_id == columns.external_id,
        ),
    )
    found = {
        (channel, external)
        for channel, external, owner in connection.execute(query)
        if owner == brand_id
    }
    connection.execute(_IMPORT_KEYS.delete())
    return found
