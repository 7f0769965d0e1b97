"""Provides what intake applies to a new item: its response target and its priority,
both decided once, when the item arrives (a later change of rules does not move old items)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from smtui.domain.inbox import InboxItem, PriorityRule, ResponseTarget
from smtui.domain.planning import BrandSettings
from smtui.domain.priority import priority_for
from smtui.domain.response_time import due_at, target_minutes


@dataclass(frozen=True, slots=True)
class IntakeRules:
    """A brand's targets, working hours and keyword rules, read once per import."""

    settings: BrandSettings
    timezone: str
    targets: Sequence[ResponseTarget] = ()
    rules: Sequence[PriorityRule] = ()

    def apply(self, item: InboxItem, *, keep_priority: bool = False) -> InboxItem:
        """The item with its due time (unless set) and its priority (unless ``keep_priority``)."""
        changes: dict[str, object] = {}
        if item.due_at is None:
            minutes = target_minutes(item.kind, item.channel_id, self.targets)
            changes["due_at"] = due_at(item.received_at, minutes, self.settings, self.timezone)
        if not keep_priority:
            changes["priority"] = priority_for(item.kind, item.text, self.rules)
        return item.model_copy(update=changes) if changes else item
