"""Provides the queue's rules: response targets per kind (``store.response_targets``) and
keyword priority rules (``store.priority_rules``). Both apply to items as they arrive."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smtui.domain.enums import InboxKind
from smtui.domain.inbox import PriorityRule, ResponseTarget
from smtui.store.repositories.base import Repository
from smtui.store.tables import PriorityRuleRow, ResponseTargetRow


class ResponseTargetRepository(Repository[ResponseTarget, ResponseTargetRow]):
    row_type = ResponseTargetRow
    model_type = ResponseTarget
    order_by = ("kind", "channel_id", "id")

    def to_values(self, model: ResponseTarget, session: Session) -> dict[str, Any]:
        values = super().to_values(model, session)
        values["kind"] = model.kind.value
        return values

    def set(
        self, brand_id: int, kind: InboxKind, minutes: int, channel_id: int | None = None
    ) -> ResponseTarget:
        """Create or change the target of ``kind`` (for ``channel_id``, or brand-wide)."""
        target = ResponseTarget(
            brand_id=brand_id, kind=kind, minutes=minutes, channel_id=channel_id
        )
        channel = (
            ResponseTargetRow.channel_id.is_(None)
            if channel_id is None
            else ResponseTargetRow.channel_id == channel_id
        )
        query = select(ResponseTargetRow).where(
            ResponseTargetRow.brand_id == brand_id,
            ResponseTargetRow.kind == InboxKind(kind).value,
            channel,
        )
        with self.store.write() as session:
            row = session.scalars(query).first()
            if row is None:
                row = ResponseTargetRow(**self.to_values(target, session))
                session.add(row)
            else:
                row.minutes = target.minutes
            session.flush()
            return self.to_model(row)


class PriorityRuleRepository(Repository[PriorityRule, PriorityRuleRow]):
    row_type = PriorityRuleRow
    model_type = PriorityRule
    order_by = ("priority", "keyword", "id")

    def to_values(self, model: PriorityRule, session: Session) -> dict[str, Any]:
        values = super().to_values(model, session)
        values["priority"] = model.priority.rank
        return values
