"""Provides the triage actions of the queue and their undo.

Every action is one transaction that changes the items and writes one ``inbox_event`` row
per item with the tracked columns before and after (JSON), all sharing a batch id; undo
finds the latest batch not yet undone and puts the "before" values back, itself recorded
as an event, so the history tells the whole story.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from smtui.domain.enums import InboxStatus, Priority
from smtui.domain.i18n import _
from smtui.domain.inbox import InboxItem, parse_tags, tags_column
from smtui.domain.validation import DomainError
from smtui.store.repositories.base import NotFoundError
from smtui.store.repositories.inbox_sql import record, restore, snapshot, to_model
from smtui.store.tables import InboxEventRow, InboxItemRow

if TYPE_CHECKING:
    from smtui.store.store import Store

UNDO = "undo"
_SCAN = 200


@dataclass(frozen=True, slots=True)
class Undone:
    """What undo reversed: the action's name and the items it touched."""

    action: str
    item_ids: list[int]


class InboxActions:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _act(
        self,
        ids: Sequence[int],
        action: str,
        change: Callable[[InboxItemRow, datetime], None],
        **extra: Any,
    ) -> list[InboxItem]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        now = self.store.clock()
        with self.store.write() as session:
            rows = list(session.scalars(select(InboxItemRow).where(InboxItemRow.id.in_(wanted))))
            if len(rows) != len(wanted):
                raise NotFoundError(_("an item no longer exists; it may have been deleted"))
            entries = []
            for row in rows:
                before = snapshot(row)
                change(row, now)
                entries.append((row.id, before, snapshot(row)))
            record(session, entries, action, now, uuid.uuid4().hex, **extra)
            session.flush()
            order = {item_id: index for index, item_id in enumerate(wanted)}
            return sorted((to_model(row) for row in rows), key=lambda item: order[item.id or 0])

    @staticmethod
    def _finish(status: InboxStatus) -> Callable[[InboxItemRow, datetime], None]:
        def change(row: InboxItemRow, now: datetime) -> None:
            row.status = status.value
            row.snoozed_until = None
            if row.handled_at is None:
                row.handled_at = now

        return change

    def reply(self, item_id: int, text: str) -> InboxItem:
        """Store the reply given on the platform; the item is answered (status replied)."""
        reply = text.strip()
        if not reply:
            raise DomainError(_("write the reply first"), "reply_text")

        def change(row: InboxItemRow, now: datetime) -> None:
            self._finish(InboxStatus.REPLIED)(row, now)
            row.reply_text = reply

        return self._act([item_id], "reply", change)[0]

    def done(self, ids: Sequence[int]) -> list[InboxItem]:
        return self._act(ids, "done", self._finish(InboxStatus.DONE))

    def ignore(self, ids: Sequence[int]) -> list[InboxItem]:
        return self._act(ids, "ignore", self._finish(InboxStatus.IGNORED))

    def reopen(self, ids: Sequence[int]) -> list[InboxItem]:
        def change(row: InboxItemRow, _now: datetime) -> None:
            row.status = InboxStatus.NEW.value
            row.snoozed_until = None
            row.handled_at = None

        return self._act(ids, "reopen", change)

    def start(self, ids: Sequence[int]) -> list[InboxItem]:
        def change(row: InboxItemRow, _now: datetime) -> None:
            row.status = InboxStatus.IN_PROGRESS.value

        return self._act(ids, "start", change)

    def snooze(self, ids: Sequence[int], until: datetime) -> list[InboxItem]:
        """Hide the items until ``until``; they come back to the to-do tab by themselves."""
        if until.tzinfo is None:
            raise DomainError(_("a time needs its time zone"), "snoozed_until")
        if until <= self.store.clock():
            raise DomainError(_("choose a time in the future"), "snoozed_until")

        def change(row: InboxItemRow, _now: datetime) -> None:
            row.status = InboxStatus.SNOOZED.value
            row.snoozed_until = until

        return self._act(ids, "snooze", change)

    def escalate(self, ids: Sequence[int]) -> list[InboxItem]:
        """Hand over to someone else (the owner, support); escalated items stay to do."""

        def change(row: InboxItemRow, _now: datetime) -> None:
            row.status = InboxStatus.ESCALATED.value
            row.snoozed_until = None

        return self._act(ids, "escalate", change)

    def set_priority(self, ids: Sequence[int], priority: Priority) -> list[InboxItem]:
        def change(row: InboxItemRow, _now: datetime) -> None:
            row.priority = Priority(priority).rank

        return self._act(ids, "priority", change)

    def tag(
        self, ids: Sequence[int], tags: str | Sequence[str], *, replace: bool = False
    ) -> list[InboxItem]:
        """Add ``tags`` to each item, or with ``replace`` make them its only tags."""
        new = parse_tags(tags)

        def change(row: InboxItemRow, _now: datetime) -> None:
            current = () if replace else parse_tags(row.tags)
            row.tags = tags_column(dict.fromkeys((*current, *new)))

        return self._act(ids, "tag", change)

    # --- undo --------------------------------------------------------------------------

    def _last_batch(self, session: Any, brand_id: int) -> list[InboxEventRow]:
        """The events of the latest action on the brand's items that was not undone."""
        undone: set[str] = set()
        offset = 0
        while True:
            query = (
                select(InboxEventRow)
                .join(InboxItemRow, InboxItemRow.id == InboxEventRow.item_id)
                .where(InboxItemRow.brand_id == brand_id)
                .order_by(InboxEventRow.id.desc())
                .limit(_SCAN)
                .offset(offset)
            )
            events = list(session.scalars(query))
            if not events:
                return []
            for event in events:
                detail = json.loads(event.detail or "{}")
                batch = detail.get("batch", "")
                if event.action == UNDO:
                    undone.add(detail.get("undoes", ""))
                elif batch not in undone:
                    # One action's events were written together, at one instant.
                    together = select(InboxEventRow).where(
                        InboxEventRow.at == event.at, InboxEventRow.action == event.action
                    )
                    return [
                        other
                        for other in session.scalars(together)
                        if json.loads(other.detail or "{}").get("batch") == batch
                    ]
            offset += _SCAN

    def undo_last(self, brand_id: int) -> Undone | None:
        """Put back what the latest action changed; None when there is nothing to undo."""
        now = self.store.clock()
        with self.store.write() as session:
            events = self._last_batch(session, brand_id)
            if not events:
                return None
            batch = json.loads(events[0].detail)["batch"]
            entries = []
            for event in events:
                row = session.get(InboxItemRow, event.item_id)
                if row is None:
                    continue
                before = snapshot(row)
                restore(row, json.loads(event.detail).get("before", {}))
                entries.append((row.id, before, snapshot(row)))
            record(session, entries, UNDO, now, uuid.uuid4().hex, undoes=batch, of=events[0].action)
            return Undone(events[0].action, sorted(event.item_id for event in events))
